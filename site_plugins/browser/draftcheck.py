"""What to look at in a draft before it is copied or sent: `[placeholders]` still to fill
in, and day words ("today", "tomorrow", a weekday) in a draft the reader edited on an
earlier day, which may no longer be true. Pure and MicroPython-safe; loaded with the
drafts."""
from . import dates

DAY_WORDS = ("today", "tonight", "tomorrow", "yesterday", "this morning", "this afternoon",
             "this evening", "monday", "tuesday", "wednesday", "thursday", "friday",
             "saturday", "sunday")
MOST_SHOWN = 3  # of each kind, so that a long draft gives a short warning
LONGEST_GAP = 300  # characters of a bracketed gap: a whole line to write can be one


def draft_warnings(text, edited_on, today):
    """Plain-text warnings for a draft, [] when there is nothing to check. `edited_on` is
    the ISO day of the reader's last edit ('' or None for the suggested text)."""
    warnings = []
    holes = placeholders(text)
    if holes:
        more = len(holes) - MOST_SHOWN
        shown = holes[:MOST_SHOWN] + (["%d more in brackets" % more] if more > 0 else [])
        warnings.append("Fill in %s before you send it." % _listed(shown))
    if edited_on and edited_on != dates.iso(today):
        words = day_words(text)
        if words:
            day = dates.relative_label(dates.parse_date(edited_on), today)
            warnings.append("You wrote this %s%s: check that %s %s still right." % (
                "" if day == "yesterday" else "on ", day,
                _listed(['"%s"' % word for word in words]), "is" if len(words) == 1 else "are"))
    return warnings


def placeholders(text):
    """The bracketed gaps in a text, each once, in order: '[a topic you discussed]'."""
    found, start = [], text.find("[")
    while start >= 0:
        end = text.find("]", start)
        if end < 0:
            break
        hole = text[start:end + 1]
        if "\n" not in hole and 2 < len(hole) <= LONGEST_GAP and hole not in found:
            found.append(hole)
        start = text.find("[", start + 1)
    return found


def day_words(text):
    """The words in a text that name a day relative to when it was written."""
    lowered = text.lower()
    return [word for word in DAY_WORDS if _has_word(lowered, word)][:MOST_SHOWN]


def _has_word(text, word):
    start = text.find(word)
    while start >= 0:
        before = text[start - 1] if start else " "
        after = text[start + len(word)] if start + len(word) < len(text) else " "
        if not before.isalpha() and not after.isalpha():
            return True
        start = text.find(word, start + 1)
    return False


def _listed(parts):
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
