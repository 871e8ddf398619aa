"""A plan's timeline as an inline SVG picture.

Runs at build time and in the browser widget (MicroPython), so it keeps to the same
subset as the planner. Colours come from the page (currentColor and Material's CSS
variables), so the picture reads in light and dark mode; employer-facing steps and
your own tasks differ by shape as well as colour.

The picture is drawn twice and CSS shows one of the two: a wide layout (titles in a column
left of the chart) and, on narrow screens, a narrow one (each title above its own line of
the chart). A 760-unit-wide picture squeezed onto a phone would shrink its 13px labels to
5px; the narrow one is drawn at the size it is shown, so its labels stay readable.
"""
from collections import namedtuple
from datetime import timedelta

from . import dates
from .planview import escape
from .words import RECIPIENT_WORDS

# The chart runs from x=left (day 0) to x=right (the last day), with at most `ticks` gaps
# between labelled days (fewer on the narrow one, so dates with a year do not collide); a
# title gets `title_chars` characters a line (the narrow layout wraps it onto two lines).
Layout = namedtuple("Layout", ("name", "width", "left", "right", "ticks", "title_chars",
                               "legend_columns"))
WIDE = Layout("wide", 760, 340, 700, 3, 44, 4)
NARROW = Layout("narrow", 320, 36, 262, 2, 38, 2)
ROW = 26            # a wide row: the title and its line side by side
LINE = 16           # one line of a title in the narrow layout, which puts its line below
TOP = 52
LEGEND_ROW = 24
NARROW_SCREEN = "(max-width:44.9375em)"  # Material's own phone/tablet breakpoint (719px)
STYLE = (".fu-tl text{fill:currentColor;font:13px/1.2 system-ui,sans-serif}"
         ".fu-tl .fu-axis{stroke:currentColor;stroke-opacity:.45}"
         ".fu-tl .fu-grid{stroke:currentColor;stroke-opacity:.12}"
         ".fu-tl .fu-employer{fill:var(--md-typeset-a-color,#3f51b5)}"
         ".fu-tl .fu-own{fill:none;stroke:currentColor;stroke-width:2}"
         ".fu-tl .fu-window{stroke:var(--md-typeset-a-color,#3f51b5);stroke-width:4;"
         "stroke-linecap:round;stroke-opacity:.55}"
         ".fu-tl .fu-ongoing{stroke:currentColor;stroke-width:2;stroke-dasharray:6 5}"
         ".fu-tl .fu-gone{opacity:.4}"
         ".fu-tl .fu-today{stroke:var(--md-accent-fg-color,#526cfe);stroke-width:2}"
         ".fu-tl[data-layout=narrow]{display:none}"
         "@media " + NARROW_SCREEN + "{.fu-tl[data-layout=wide]{display:none}"
         ".fu-tl[data-layout=narrow]{display:block}}")


def timeline_svg(items, interviewed, id_prefix="tl", today=None):
    """SVG markup for plan items (as the planner returns them) from the interview date:
    the wide picture, then the narrow one, each with its own title and description.
    With `today`, the axis reaches it and marks it, and what was missed is drawn faint;
    without, the axis says only "day N" (a picture that is read on any day)."""
    start = dates.parse_date(interviewed)
    summary = escape(_summary(items, start, today is not None))
    return (_picture(items, start, WIDE, id_prefix, summary, today)
            + _picture(items, start, NARROW, id_prefix + "-narrow", summary, today))


def _picture(items, start, layout, id_prefix, summary, today):
    span, step = _axis_days(items, start, layout, today)
    rows, bottom = _rows(items, start, span, layout)
    legend, height = _legend(bottom + 12, layout)
    # Width in user units for the narrow picture: drawn at its own size, never scaled up.
    width = "100%" if layout is WIDE else str(layout.width)
    parts = ['<svg class="fu-tl" data-layout="%s" role="img" aria-labelledby="%s-title %s-desc" '
             'viewBox="0 0 %d %d" width="%s" xmlns="http://www.w3.org/2000/svg">'
             % (layout.name, id_prefix, id_prefix, layout.width, height, width),
             "<title id=\"%s-title\">Timeline of the plan</title>" % id_prefix,
             "<desc id=\"%s-desc\">%s</desc>" % (id_prefix, summary)]
    if layout is WIDE:  # a <style> applies to the page even inside a hidden SVG: one for both
        parts.append("<style>" + STYLE + "</style>")
    return "".join(parts + _axis(start, span, step, bottom, layout, today) + rows + legend
                   + ["</svg>"])


def _axis_days(items, start, layout, today=None):
    """Days on the axis and between its labels: the last date in the plan (or today),
    rounded up to whole weeks and then to whole steps between labels, so that the last
    day is labelled."""
    last = max(14, (today - start).days if today else 0)
    for item in items:
        for key in ("due", "latest"):
            if item.get(key):
                last = max(last, (dates.parse_date(item[key]) - start).days)
    weeks = (last + 6) // 7
    step = (weeks + layout.ticks - 1) // layout.ticks  # in weeks: at most `ticks` gaps
    return 7 * step * ((weeks + step - 1) // step), 7 * step


def _x(day, span, layout):
    return layout.left + (layout.right - layout.left) * day / span


def _axis(start, span, step, bottom, layout, today):
    parts = ['<line class="fu-axis" x1="%d" y1="%d" x2="%d" y2="%d"/>'
             % (_x(0, span, layout), TOP - 8, _x(span, span, layout), TOP - 8)]
    if today is not None and 0 <= (today - start).days <= span:
        x = _x((today - start).days, span, layout)
        parts.append('<line class="fu-today" x1="%.1f" y1="%d" x2="%.1f" y2="%d"><title>today'
                     '</title></line>' % (x, TOP - 8, x, bottom))
    for day in range(0, span + 1, step):
        x = _x(day, span, layout)
        date_label = dates.relative_label(start + timedelta(days=day), start) if today else ""
        if day == 0:
            date_label = "interview"
        parts.append('<line class="fu-grid" x1="%.1f" y1="%d" x2="%.1f" y2="%d"/>'
                     % (x, TOP - 8, x, bottom))
        parts.append('<text x="%.1f" y="%d" text-anchor="middle">day %d</text>'
                     % (x, TOP - 34, day))
        parts.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>'
                     % (x, TOP - 18, escape(date_label)))
    return parts


def _rows(items, start, span, layout):
    """Every item's title and line; returns the markup and the y where the rows end."""
    draw_row = _wide_row if layout is WIDE else _narrow_row
    parts, y = [], TOP
    for item in items:
        drawn, height = draw_row(item, y, start, span, layout)
        parts += drawn
        y += height
    return parts, y


def _wide_row(item, y, start, span, layout):
    middle = y + ROW / 2
    return ([_label(_short(item["title"], layout.title_chars), middle)]
            + _track(item, middle, start, span, layout)), ROW


def _narrow_row(item, y, start, span, layout):
    lines = _lines(item["title"], layout.title_chars)
    parts = [_label(line, y + LINE * (n + .5)) for n, line in enumerate(lines)]
    return parts + _track(item, y + LINE * len(lines) + 9, start, span, layout), \
        LINE * len(lines) + 22


def _label(text, y):
    return '<text x="8" y="%.1f" dominant-baseline="middle">%s</text>' % (y, escape(text))


def _track(item, y, start, span, layout):
    """The item's marker on its day (and the bar of its window), or a dashed line
    across the whole chart for something to do throughout."""
    if not item.get("due"):
        return ['<line class="fu-ongoing" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>'
                % (_x(0, span, layout), y, _x(span, span, layout), y)]
    x = _x((dates.parse_date(item["due"]) - start).days, span, layout)
    parts = []
    if item.get("latest"):
        end = _x((dates.parse_date(item["latest"]) - start).days, span, layout)
        parts.append('<line class="fu-window" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>'
                     % (x, y, end, y))
    parts.append(_marker(item["to"] == "self", x, y))
    if item.get("state") in FAINT:  # done, or too late now: drawn faint
        return ['<g class="fu-gone">'] + parts + ["</g>"]
    return parts


def _marker(own, x, y):
    if own:
        return '<rect class="fu-own" x="%.1f" y="%.1f" width="11" height="11"/>' % (x - 5.5,
                                                                                  y - 5.5)
    return '<circle class="fu-employer" cx="%.1f" cy="%.1f" r="6.5"/>' % (x, y)


def _short(title, most):
    return title if len(title) <= most else title[:most - 1].rstrip() + "…"


def _lines(title, most):
    """The title broken between words into lines of at most `most` characters; a second
    line holds the rest, shortened if need be."""
    first = ""
    words = title.split()
    while words and len((first + " " + words[0]).strip()) <= most:
        first = (first + " " + words.pop(0)).strip()
    if not first:  # one word longer than a line
        return [_short(title, most)]
    return [first, _short(" ".join(words), most)] if words else [first]


FAINT = {"missed": ", missed", "done": ", done"}  # states drawn faint, as the summary says them
LEGEND = (("employer", "to the employer"), ("own", "your own task"),
          ("ongoing", "throughout"), ("window", "a window of days"))


def _legend(top, layout):
    """The key to the marks, in as many columns as fit; returns it and the picture's height."""
    column_width = layout.width // layout.legend_columns
    parts = []
    for n, (mark, words) in enumerate(LEGEND):
        x = 8 + column_width * (n % layout.legend_columns)
        y = top + LEGEND_ROW * (n // layout.legend_columns) + LEGEND_ROW / 2
        parts += [_legend_mark(mark, x, y),
                  '<text x="%d" y="%.1f" dominant-baseline="middle">%s</text>' % (x + 32, y, words)]
    rows = (len(LEGEND) + layout.legend_columns - 1) // layout.legend_columns
    return parts, top + LEGEND_ROW * rows + 4


def _legend_mark(mark, x, y):
    if mark in ("employer", "own"):
        return _marker(mark == "own", x + 12, y)
    return '<line class="fu-%s" x1="%d" y1="%.1f" x2="%d" y2="%.1f"/>' % (mark, x, y, x + 24, y)


def _summary(items, start, dated):
    """The text alternative: every step with its day (and its date, for a plan drawn for
    a reader), in order; what was missed said so."""
    lines = []
    for item in items:
        when = "throughout"
        if item.get("due"):
            when = "day %d" % (dates.parse_date(item["due"]) - start).days
            if dated:
                when += " (%s%s)" % (dates.format_date(dates.parse_date(item["due"])),
                                     FAINT.get(item.get("state"), ""))
        who = "your own task" if item["to"] == "self" else "to " + \
            RECIPIENT_WORDS[item["to"]]
        lines.append("%s: %s, %s" % (when, item["title"], who))
    return "; ".join(lines) + "."
