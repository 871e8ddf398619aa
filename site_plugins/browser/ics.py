"""A plan as an RFC 5545 calendar file: one all-day event with a reminder per dated item."""
from datetime import timedelta

from .dates import iso, parse_date
from .words import credits_line

# Missed items are too late to help and dropped ones no longer apply: neither is a task.
ON_CALENDAR = ("upcoming", "today", "overdue")
REMIND_AT = 9 * 60   # minutes after midnight of an event's day: its reminder rings at 09:00
SOON = 15            # a reminder for today, when 09:00 has gone: this many minutes from now


def to_ics(results, rules, today, links=None, now=None):
    """The calendar text for one plan or several (a list), CRLF line ends and folded lines
    included. Each event's UID names its interview, so files for different interviews
    never overwrite each other's events in a calendar app. `links` (one per plan, or
    None) are the addresses that bring each plan back in the checklist: every event of
    that plan carries its link (URL, and a line of the description). `now` (minutes
    after midnight, from the reader's clock; None when not known) keeps a reminder for
    today from being set in the past."""
    results = results if isinstance(results, list) else [results]
    links = links or [None] * len(results)
    stamp = "%04d%02d%02dT000000Z" % (today.year, today.month, today.day)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//interview-followup//planner//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             "X-WR-CALNAME:" + _escape(_calendar_name(results))]
    for result, link in zip(results, links):
        for item in result["items"]:
            if item["due"] and item["state"] in ON_CALENDAR:
                lines += _event(item, result["interview"], rules, stamp, today, link, now)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _calendar_name(results):
    companies = [r["interview"]["company"] for r in results if r["interview"]["company"]]
    if len(results) == 1 and companies:
        return "Interview follow-up: " + companies[0]
    return "Interview follow-up"


def event_title(item, interview):
    """An item's title with its employer in front, when the reader named one."""
    return (interview["company"] + ": " if interview["company"] else "") + item["title"]


def _event(item, interview, rules, stamp, today, link, now=None):
    """One item as an event on its day, or today for one that is late: a reminder on a
    day gone by would never ring."""
    day = max(parse_date(item["due"]), today)
    title = event_title(item, interview)
    description = item["text"] + "\n\nWhen: " + item["timing"] + "\nSources: " + \
        credits_line(item["cites"], item["own"], rules)
    if day > parse_date(item["due"]):
        description += "\nIt was due " + iso(parse_date(item["due"])) + "."
    if item["note"]:
        description += "\n" + item["note"]
    if link:
        description += "\n\nYour plan, with what you have ticked, on any browser: " + link
    return ["BEGIN:VEVENT",
            "UID:" + _escape(item["id"]) + "-" + _escape(interview["key"]) + "@interview-followup",
            "DTSTAMP:" + stamp,
            "DTSTART;VALUE=DATE:" + iso(day).replace("-", ""),
            "DTEND;VALUE=DATE:" + iso(day + timedelta(days=1)).replace("-", ""),
            "SUMMARY:" + _escape(title),
            "DESCRIPTION:" + _escape(description)] + (["URL:" + link] if link else []) + [
            "TRANSP:TRANSPARENT"] + _alarm(title, reminder_minutes(day, today, now)) + [
            "END:VEVENT"]


def reminder_minutes(day, today, now):
    """When an event's reminder rings, in minutes after the start of its day: 09:00, or
    for today once 09:00 has gone SOON minutes from `now`; None (no reminder) when that
    would fall after the day."""
    if day != today or now is None or now < REMIND_AT:
        return REMIND_AT
    soon = now + SOON
    return soon if soon < 24 * 60 else None


def _alarm(title, minutes):
    if minutes is None:
        return []
    trigger = "PT%dH" % (minutes // 60) + ("%dM" % (minutes % 60) if minutes % 60 else "")
    return ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + _escape(title),
            "TRIGGER:" + trigger, "END:VALARM"]


def _escape(text):
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _fold(line):
    """Split a content line into 75-octet pieces without breaking a UTF-8 character."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not pieces else 74):
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def links_in(text, marker):
    """The distinct URL values in a calendar file (its lines unfolded) that hold
    `marker`, in order: how an imported calendar file brings its plans back."""
    found = []
    for line in text.replace("\r\n ", "").replace("\n ", "").splitlines():
        if line.upper().startswith("URL") and ":" in line:
            value = line[line.index(":") + 1:].strip()
            if marker in value and value not in found:
                found.append(value)
    return found
