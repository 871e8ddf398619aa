"""The interview day as the reader lives it: the steps taken at the interview itself (its
step never moves, and they are done in person) are too late once the reader has left it,
whether they say so or the time they gave for the interview is long past. Pure: the
widget passes the clock's minutes; MicroPython-safe."""
from .dates import iso
from .planner import next_item

# Hours after the time the reader gave for the interview when they are taken to have
# left (the guide's own estimate: an interview and the wait around it rarely run longer).
LEAVE_AFTER_HOURS = 3
LEFT_WORDS = "you have left the interview, so it is too late for this"


def minutes(text):
    """'14:30' as minutes after midnight, or None for anything else ('' included)."""
    parts = str(text).strip().split(":")
    if len(parts) < 2 or not all(part.isdigit() and 0 < len(part) <= 2 for part in parts[:2]):
        return None
    hours, mins = int(parts[0]), int(parts[1])
    return hours * 60 + mins if hours < 24 and mins < 60 else None


def has_left(answers, today, now):
    """Whether the reader has left the interview: they said so, or it is the interview
    day and `now` (minutes after midnight, or None) is LEAVE_AFTER_HOURS past its time."""
    if answers.get("left"):
        return True
    start = minutes(answers.get("interview_time") or "")
    return (start is not None and now is not None and answers.get("interviewed") == iso(today)
            and now >= start + LEAVE_AFTER_HOURS * 60)


def left_behind(result, rules, answers, today, now):
    """The plan with the steps taken at the interview itself missed once the reader has
    left it: never next, never in the calendar, listed with what was missed."""
    if result is None or not has_left(answers, today, now):
        return result
    at_interview = [step["id"] for step in rules["steps"] if step["never_moves"]]
    items = [dict(item, state="missed", ended=LEFT_WORDS)
             if item["step"] in at_interview and item["channel"] == "in-person"
             and item["state"] == "today" else item for item in result["items"]]
    upcoming = next_item(items)
    return dict(result, items=items, next=upcoming["id"] if upcoming else None)
