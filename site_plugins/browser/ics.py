"""A plan as an RFC 5545 calendar file: one all-day event with a reminder per dated item."""
from datetime import timedelta

from .dates import iso, parse_date
from .situation import normalise


def to_ics(result, situation, today):
    """The calendar text, CRLF line ends and folded lines included."""
    stamp = "%04d%02d%02dT000000Z" % (today.year, today.month, today.day)
    interviewed = normalise(situation)["interviewed"]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//interview-followup//planner//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Interview follow-up"]
    for item in result["items"]:
        if item["due"]:
            lines += _event(item, stamp, interviewed)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _event(item, stamp, interviewed):
    day = parse_date(item["due"])
    description = item["text"] + "\n\nWhen: " + item["timing"] + "\nSources: " + \
        ", ".join(item["sources"])
    if item["note"]:
        description += "\n" + item["note"]
    return ["BEGIN:VEVENT",
            "UID:" + _escape(item["id"]) + "-" + interviewed + "@interview-followup",
            "DTSTAMP:" + stamp,
            "DTSTART;VALUE=DATE:" + iso(day).replace("-", ""),
            "DTEND;VALUE=DATE:" + iso(day + timedelta(days=1)).replace("-", ""),
            "SUMMARY:" + _escape(item["title"]),
            "DESCRIPTION:" + _escape(description),
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + _escape(item["title"]),
            "TRIGGER:PT9H", "END:VALARM",
            "END:VEVENT"]


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
