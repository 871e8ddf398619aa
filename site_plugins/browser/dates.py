"""Calendar dates as the planner reads and writes them: ISO text in, plain words out."""
from datetime import date

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MAX_DAYS = 365
FIRST_YEAR, LAST_YEAR = 1900, 9000  # far enough from date's limits for any offset we add
OUT_OF_RANGE = "must be between the years %d and %d" % (FIRST_YEAR, LAST_YEAR)


def in_range(day):
    return FIRST_YEAR <= day.year <= LAST_YEAR


def ascii_digits(text):
    """True for a non-empty run of 0-9 only: CPython's isdigit() also takes '²' or '١'."""
    if not text:
        return False
    for char in text:
        if not "0" <= char <= "9":
            return False
    return True


def parse_date(text):
    """A real calendar date from 'YYYY-MM-DD', or None."""
    if not isinstance(text, str) or len(text) != 10 or text[4] != "-" or text[7] != "-":
        return None
    parts = (text[0:4], text[5:7], text[8:10])
    if not all(ascii_digits(part) for part in parts):
        return None
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def iso(day):
    return "%04d-%02d-%02d" % (day.year, day.month, day.day)


def format_date(day):
    """'Mon 24 Nov 2026'."""
    return "%s %d %s %d" % (DAY_NAMES[day.weekday()], day.day, MONTH_NAMES[day.month - 1],
                            day.year)


def relative_label(day, today):
    """'today', 'tomorrow', 'yesterday', or 'Mon 24 Nov' (with the year if not this one)."""
    gap = (day - today).days
    if gap in (-1, 0, 1):
        return ("yesterday", "today", "tomorrow")[gap + 1]
    label = "%s %d %s" % (DAY_NAMES[day.weekday()], day.day, MONTH_NAMES[day.month - 1])
    return label if day.year == today.year else label + " " + str(day.year)


def day_heading(day, today, overdue=False):
    """'Mon 24 Nov 2026', with '(today)', '(tomorrow)' or '(yesterday)', and 'overdue'."""
    notes = []
    label = relative_label(day, today)
    if label in ("yesterday", "today", "tomorrow"):
        notes.append(label)
    if overdue:
        notes.append("overdue")
    return format_date(day) + (" (" + ", ".join(notes) + ")" if notes else "")


def parse_span(text):
    """'10d' or '2w' -> days, or None if it is not N days/weeks."""
    if not isinstance(text, str) or len(text) < 2 or len(text) > 6 or text[-1] not in "dw":
        return None
    number = text[:-1]
    if not ascii_digits(number):
        return None
    return int(number) * (7 if text[-1] == "w" else 1)
