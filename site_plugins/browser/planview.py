"""A plan as HTML (the checklist) and as plain text (for copying).

Used at build time for the default plan and by the widget in the browser, so the page
keeps one layout before and after Python starts. MicroPython-safe; every piece of text
from the reader or the rules is escaped.
"""
from . import dates
from .timeline import escape
from .words import CHANNEL_WORDS, RECIPIENT_WORDS


def plan_html(result, today, ticked=(), base="../"):
    """The plan grouped by date, each item with a checkbox, its advice and its sources.
    `base` leads from the page to the site root (for links to the guide)."""
    parts = ['<div class="fu-plan">']
    for group in _groups(result["items"]):
        parts.append(_group_html(group, today, ticked, base))
    parts.append("</div>")
    return "".join(parts)


def _groups(items):
    groups = []
    for item in items:
        if not groups or groups[-1][0]["due"] != item["due"]:
            groups.append([])
        groups[-1].append(item)
    return groups


def _group_html(group, today, ticked, base):
    due = group[0]["due"]
    if due is None:
        title, label = "Throughout your search", ""
    else:
        day = dates.parse_date(due)
        title = dates.format_date(day)
        label = dates.relative_label(day, today)
        label = label if label in ("yesterday", "today", "tomorrow") else ""
    overdue = any(item["overdue"] for item in group)
    heading = '<h3 class="fu-day-title">%s%s%s</h3>' % (
        escape(title), ' <span class="fu-rel">%s</span>' % label if label else "",
        ' <span class="fu-overdue-tag">overdue</span>' if overdue else "")
    items = "".join(_item_html(item, ticked, base) for item in group)
    return '<section class="fu-day" data-date="%s">%s<ul class="fu-items">%s</ul></section>' % (
        due or "", heading, items)


def _item_html(item, ticked, base):
    item_id = escape(item["id"])
    done = item["id"] in ticked
    classes = "fu-item" + (" fu-is-overdue" if item["overdue"] and not done else "")
    sources = " ".join('<a class="fu-source" href="%ssources/#%s">%s</a>' % (base, s, s)
                       for s in item["sources"])
    note = '<p class="fu-note">%s</p>' % escape(item["note"]) if item["note"] else ""
    return ('<li class="%s" data-id="%s" data-due="%s" data-sources="%s">'
            '<input type="checkbox" class="fu-tick" id="tick-%s" data-id="%s"%s>'
            '<label for="tick-%s" class="fu-item-title">%s</label>'
            '<p class="fu-meta">%s</p><p class="fu-text">%s</p>%s'
            '<p class="fu-cite">Sources: %s · <a href="%ssteps/%s/#%s">more in the guide</a></p>'
            '</li>') % (classes, item_id, item["due"] or "", " ".join(item["sources"]),
                        item_id, item_id, " checked" if done else "", item_id,
                        escape(item["title"]), escape(meta(item)), escape(item["text"]), note,
                        sources, base, item["step"], item["rule"])


def meta(item):
    """Whom, how and when, in one line."""
    who = "you" if item["to"] == "self" else RECIPIENT_WORDS[item["to"]]
    if item["channel"]:
        who += ", " + CHANNEL_WORDS[item["channel"]]
    when = item["timing"]
    if item["latest"]:
        when += "; at the latest " + dates.format_date(dates.parse_date(item["latest"]))
    return who + " · " + when


def plan_text(result, today):
    """The plan as plain text, for copying or pasting into a note."""
    lines = []
    for group in _groups(result["items"]):
        due = group[0]["due"]
        heading = "Throughout your search" if due is None else dates.day_heading(
            dates.parse_date(due), today, any(item["overdue"] for item in group))
        lines += ["", heading]
        for item in group:
            lines.append("[ ] " + item["title"] + " (" + meta(item) + ")")
    return "\n".join(lines[1:]) + "\n"


def drafts_html(items, uri_encode):
    """Each draft as a collapsible block with its text, a copy button and a mailto link.
    `uri_encode` percent-encodes (encodeURIComponent in the browser)."""
    return "".join(_draft_html(draft, uri_encode) for draft in items)


def _draft_html(draft, uri_encode):
    subject = ('<p><strong>Subject:</strong> <span class="fu-subject">%s</span></p>'
               % escape(draft["subject"])) if draft["subject"] else ""
    mailto = ""
    if draft["email"]:
        mailto = (' <a class="md-button" href="mailto:?subject=%s&amp;body=%s">Open in your '
                  'email app</a>' % (escape(uri_encode(draft["subject"])),
                                     escape(uri_encode(draft["body"]))))
    return ('<details class="fu-draft" data-draft="%(id)s"><summary>%(title)s</summary>%(subject)s'
            '<label class="fu-label" for="fu-draft-%(id)s">Draft, to %(to)s</label>'
            '<textarea id="fu-draft-%(id)s" class="fu-draft-body" rows="10" readonly>%(body)s'
            '</textarea><p><button type="button" class="md-button fu-copy" '
            'data-copy="fu-draft-%(id)s">Copy</button>%(mailto)s</p></details>') % {
        "id": draft["id"], "title": escape(draft["title"]), "subject": subject,
        "to": escape(draft["to"]), "body": escape(draft["body"]), "mailto": mailto}
