"""A reader's situation: what they told us about one interview, normalised and checked."""
from .dates import MAX_DAYS, OUT_OF_RANGE, in_range, iso, parse_date, parse_span

MAX_NAMES = 20        # interviewers on one panel: more is a mistake, and keeps the work small
MAX_NAME_LENGTH = 100
# Characters that would break a line or a calendar field: C0 and C1 controls, DEL, and
# the Unicode line and paragraph separators. They become spaces in names.
BREAKS = ("\u2028", "\u2029")
# Characters that reorder or hide text rather than show (bidirectional controls, zero-width
# space, word joiner, byte-order mark): dropped from names. The zero-width joiner and
# non-joiner stay, as some scripts and emoji need them.
HIDDEN = ("\u061c\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067"
          "\u2068\u2069\ufeff")
# The employer's answers, each a date: (field, its `when: outcome`, the anchor for its
# date, and its name in a step's `ends_with`).
ANSWERS = (("rejected_on", "rejected", "rejection", "rejection"),
           ("offer_on", "offer", "offer", "offer"),
           ("next_interview", "next-round", "next-interview", "next-round"))
WEEKEND = [5, 6]
DATE_FIELDS = ("decision_by", "call_back_on", "rejected_on", "offer_on", "next_interview")


class PlanError(Exception):
    """The situation is not usable; `problems` lists (field, value, message)."""

    def __init__(self, problems):
        super().__init__("; ".join(p[0] + " " + str(p[1]) + ": " + p[2] for p in problems))
        self.problems = problems


def clean_text(value):
    """A name on one line: control characters and line breaks become spaces, runs of
    spaces one space, ends trimmed; text-direction and zero-width characters go."""
    kept = []
    for char in str(value):
        code = ord(char)
        if char not in HIDDEN:
            kept.append(" " if code < 32 or 127 <= code < 160 or char in BREAKS else char)
    return " ".join("".join(kept).split())


def normalise(situation):
    """The situation with every optional field present and names cleaned."""
    result = {"interviewed": None, "decision_by": None, "decision_within": None,
              "call_back_on": None, "call_back_within": None, "hr": True,
              "via_linkedin": False, "interviewers": [], "rejected_on": None,
              "offer_on": None, "next_interview": None, "company": "", "role": "", "ref": "",
              "choices": {}, "holidays": [], "public_holidays": [], "weekend": None,
              "public_holidays_years": None}
    for key in situation:
        result[key] = situation[key]
    names = [clean_text(name) for name in result["interviewers"] or []]
    result["interviewers"] = [name for name in names if name]
    for key in ("company", "role", "ref"):
        result[key] = clean_text(result[key] or "")
    result["holidays"] = list(result["holidays"] or [])
    result["public_holidays"] = list(result["public_holidays"] or [])
    # The weekdays off (Monday 0 .. Sunday 6): Saturday and Sunday unless the country's
    # differ (Friday and Saturday in much of the Middle East, Sunday only in Hong Kong).
    result["weekend"] = WEEKEND if result["weekend"] is None else list(result["weekend"])
    result["choices"] = dict(result["choices"] or {})
    return result


def check_situation(rules, situation):
    """Every problem with the situation, as (field, value, message)."""
    problems = []
    interviewed = _check_date(situation, "interviewed", problems, required=True)
    for field in DATE_FIELDS:
        _check_after(situation, field, interviewed, _check_date(situation, field, problems),
                     problems)
    for field in ("decision_within", "call_back_within"):
        _check_span(situation, field, problems)
    _check_exclusive(situation, "decision_by", "decision_within", problems)
    _check_exclusive(situation, "call_back_on", "call_back_within", problems)
    _check_exclusive(situation, "rejected_on", "offer_on", problems)
    _check_holidays(situation["holidays"], problems)
    _check_holidays(situation["public_holidays"], problems, "public_holidays", 4 * MAX_DAYS)
    _check_weekend(situation["weekend"], problems)
    _check_years(situation["public_holidays_years"], problems)
    _check_names(situation, problems)
    return problems + _check_choices(rules, situation["choices"])


def _check_after(situation, field, interviewed, day, problems):
    if day and interviewed and day < interviewed:
        problems.append((field, situation[field], "is before the interview (%s)"
                         % iso(interviewed)))
    elif day and interviewed and (day - interviewed).days > MAX_DAYS:
        problems.append((field, situation[field], "is more than a year after the interview"))


def _check_date(situation, field, problems, required=False):
    value = situation[field]
    if value in (None, ""):
        if required:
            problems.append((field, "", "is required (use YYYY-MM-DD)"))
        return None
    day = parse_date(value)
    if day is None:
        problems.append((field, value, "is not a real date (use YYYY-MM-DD)"))
    elif not in_range(day):
        problems.append((field, value, OUT_OF_RANGE))
        return None
    return day


def _check_span(situation, field, problems):
    value = situation[field]
    if value in (None, ""):
        return
    days = parse_span(value)
    if days is None:
        problems.append((field, value, "must be a number of days or weeks, like 10d or 2w"))
    elif days < 1 or days > MAX_DAYS:
        problems.append((field, value, "must be between 1 day and a year"))


def _check_exclusive(situation, first, second, problems):
    if situation[first] not in (None, "") and situation[second] not in (None, ""):
        problems.append((second, situation[second], "cannot be given together with " + first))


def _check_holidays(holidays, problems, field="holidays", most=MAX_DAYS):
    """The days off the reader typed, or their country's public holidays (a region's
    three years hold about 50)."""
    if len(holidays) > most:
        problems.append((field, len(holidays), "at most %d dates" % most))
        return
    for holiday in holidays:
        if parse_date(holiday) is None:
            problems.append((field, holiday, "is not a real date (use YYYY-MM-DD)"))


def _check_weekend(weekend, problems):
    for day in weekend:
        if not isinstance(day, int) or isinstance(day, bool) or not 0 <= day <= 6:
            problems.append(("weekend", day, "must be a weekday number from 0 (Monday) to "
                             "6 (Sunday)"))
    if len(weekend) > 3:
        problems.append(("weekend", len(weekend), "at most 3 days"))


def _check_years(known, problems):
    """The first and last year whose public holidays were given, when they were."""
    if known is None:
        return
    if not isinstance(known, (list, tuple)) or len(known) != 2 or not all(
            isinstance(year, int) and not isinstance(year, bool) for year in known):
        problems.append(("public_holidays_years", str(known)[:20], "must be two years"))


def _check_names(situation, problems):
    names = situation["interviewers"]
    if len(names) > MAX_NAMES:
        problems.append(("interviewers", len(names), "at most %d names" % MAX_NAMES))
    too_long = [name for name in names if len(name) > MAX_NAME_LENGTH]
    for field, value in [("interviewers", name) for name in too_long[:1]] + [
            (key, situation[key]) for key in ("company", "role")
            if len(situation[key]) > MAX_NAME_LENGTH]:
        problems.append((field, value[:20] + "...", "is longer than %d characters"
                         % MAX_NAME_LENGTH))


def _check_choices(rules, choices):
    problems = []
    disagreements = {}
    for disagreement in rules["disagreements"]:
        disagreements[disagreement["id"]] = [p["id"] for p in disagreement["positions"]]
    for key in choices:
        if key not in disagreements:
            problems.append(("choices", key, "is not a disagreement (known: "
                             + ", ".join(disagreements) + ")"))
        elif choices[key] not in disagreements[key]:
            problems.append(("choices", key + "=" + str(choices[key]),
                             "is not a position (known: " + ", ".join(disagreements[key]) + ")"))
    return problems
