"""A plan's timeline as an inline SVG picture.

Runs at build time and in the browser widget (MicroPython), so it keeps to the same
subset as the planner. Colours come from the page (currentColor and Material's CSS
variables), so the picture reads in light and dark mode; employer-facing steps and
your own tasks differ by shape as well as colour.
"""
from datetime import timedelta

from . import dates
from .words import RECIPIENT_WORDS

WIDTH = 760
LABEL_WIDTH = 330
ROW = 26
TOP = 52
RIGHT_PAD = 44
STYLE = (".fu-tl text{fill:currentColor;font:13px/1.2 system-ui,sans-serif}"
         ".fu-tl .fu-axis{stroke:currentColor;stroke-opacity:.45}"
         ".fu-tl .fu-grid{stroke:currentColor;stroke-opacity:.12}"
         ".fu-tl .fu-employer{fill:var(--md-typeset-a-color,#3f51b5)}"
         ".fu-tl .fu-own{fill:none;stroke:currentColor;stroke-width:2}"
         ".fu-tl .fu-window{stroke:var(--md-typeset-a-color,#3f51b5);stroke-width:4;"
         "stroke-linecap:round;stroke-opacity:.55}"
         ".fu-tl .fu-ongoing{stroke:currentColor;stroke-width:2;stroke-dasharray:6 5}"
         ".fu-tl .fu-tick{font-size:12px}")


def escape(text):
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def timeline_svg(items, interviewed, id_prefix="tl"):
    """SVG markup for plan items (as the planner returns them) from the interview date."""
    start = dates.parse_date(interviewed)
    span = _span(items, start)
    height = TOP + ROW * len(items) + 44
    parts = ['<svg class="fu-tl" role="img" aria-labelledby="%s-title %s-desc" '
             'viewBox="0 0 %d %d" width="100%%" xmlns="http://www.w3.org/2000/svg">'
             % (id_prefix, id_prefix, WIDTH, height),
             "<title id=\"%s-title\">Timeline of the plan</title>" % id_prefix,
             "<desc id=\"%s-desc\">%s</desc>" % (id_prefix, escape(_summary(items, start))),
             "<style>" + STYLE + "</style>"]
    parts += _axis(start, span, height)
    for row, item in enumerate(items):
        parts += _row(item, row, start, span)
    parts += _legend(height)
    parts.append("</svg>")
    return "".join(parts)


def _span(items, start):
    """Days shown on the axis: the last date in the plan, rounded up to whole weeks."""
    last = 14
    for item in items:
        for key in ("due", "latest"):
            if item.get(key):
                last = max(last, (dates.parse_date(item[key]) - start).days)
    return ((last + 6) // 7) * 7


def _x(day, span):
    return LABEL_WIDTH + 10 + (WIDTH - LABEL_WIDTH - 10 - RIGHT_PAD) * day / span


def _axis(start, span, height):
    bottom = height - 40
    parts = ['<line class="fu-axis" x1="%d" y1="%d" x2="%d" y2="%d"/>'
             % (_x(0, span), TOP - 8, _x(span, span), TOP - 8)]
    step = 7 if span <= 35 else 14
    for day in range(0, span + 1, step):
        x = _x(day, span)
        date_label = dates.relative_label(start + timedelta(days=day), start)
        if day == 0:
            date_label = "interview"
        parts.append('<line class="fu-grid" x1="%.1f" y1="%d" x2="%.1f" y2="%d"/>'
                     % (x, TOP - 8, x, bottom))
        parts.append('<text class="fu-tick" x="%.1f" y="%d" text-anchor="middle">day %d</text>'
                     % (x, TOP - 34, day))
        parts.append('<text class="fu-tick" x="%.1f" y="%d" text-anchor="middle">%s</text>'
                     % (x, TOP - 18, escape(date_label)))
    return parts


def _row(item, row, start, span):
    y = TOP + ROW * row + ROW / 2
    parts = ['<text x="8" y="%.1f" dominant-baseline="middle">%s</text>'
             % (y, escape(_short(item["title"])))]
    if not item.get("due"):
        return parts + ['<line class="fu-ongoing" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>'
                        % (_x(0, span), y, _x(span, span), y)]
    x = _x((dates.parse_date(item["due"]) - start).days, span)
    if item.get("latest"):
        end = _x((dates.parse_date(item["latest"]) - start).days, span)
        parts.append('<line class="fu-window" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>'
                     % (x, y, end, y))
    return parts + [_marker(item["to"] == "self", x, y)]


def _marker(own, x, y):
    if own:
        return '<rect class="fu-own" x="%.1f" y="%.1f" width="11" height="11"/>' % (x - 5.5,
                                                                                  y - 5.5)
    return '<circle class="fu-employer" cx="%.1f" cy="%.1f" r="6.5"/>' % (x, y)


def _short(title):
    return title if len(title) <= 44 else title[:43].rstrip() + "…"


def _legend(height):
    y = height - 16
    return [_marker(False, 14, y),
            '<text x="28" y="%d" dominant-baseline="middle">to the employer</text>' % y,
            _marker(True, 170, y),
            '<text x="184" y="%d" dominant-baseline="middle">your own task</text>' % y,
            '<line class="fu-ongoing" x1="310" y1="%d" x2="350" y2="%d"/>' % (y, y),
            '<text x="358" y="%d" dominant-baseline="middle">throughout</text>' % y,
            '<line class="fu-window" x1="470" y1="%d" x2="500" y2="%d"/>' % (y, y),
            '<text x="510" y="%d" dominant-baseline="middle">a window of days</text>' % y]


def _summary(items, start):
    """The text alternative: every step with its day, in order."""
    lines = []
    for item in items:
        when = "throughout"
        if item.get("due"):
            when = "day %d (%s)" % ((dates.parse_date(item["due"]) - start).days,
                                    dates.format_date(dates.parse_date(item["due"])))
        who = "your own task" if item["to"] == "self" else "to " + \
            RECIPIENT_WORDS[item["to"]]
        lines.append("%s: %s, %s" % (when, item["title"], who))
    return "; ".join(lines) + "."
