"""A plan as HTML (the checklist) and as plain text (for copying).

Used at build time for the default plan and by the widget in the browser, so the page
keeps one layout before and after Python starts. MicroPython-safe; every piece of text
from the reader or the rules is escaped here, and nowhere else is markup made from it.
"""
from . import dates
from .planner import next_item, steps_to_do, tick_key
from .words import PART_WORDS, by_article, names_of, own_notes, section_heading, \
    source_name, whom_and_how

SECTIONS = (("now", "Now", ("today", "overdue")), ("coming", "Coming up", ("upcoming",)),
            ("throughout", "Throughout your search", ("ongoing",)))
STATE_TAGS = {"today": "due now", "overdue": "overdue", "missed": "missed"}
# Sections of plain text (for copying): what is done is listed last, ticked.
TEXT_SECTIONS = SECTIONS + (("done", "Done", ("done",)),)


def escape(text):
    """Text for HTML: in an element or a quoted attribute, never read as markup."""
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def plan_html(result, rules, today, base="../"):
    """The plan in sections (now, coming up, throughout), each grouped by date; then what
    the reader has done (planner.with_done), briefly; with what was missed and what no
    longer applies folded away at the end. `base` leads from the page to the site root
    (for links to the guide)."""
    parts = ['<div class="fu-plan">']
    for key, title, states in SECTIONS:
        chosen = [item for item in result["items"] if item["state"] in states]
        if chosen:
            parts.append('<section class="fu-when fu-when-%s"><h3>%s</h3>%s</section>' % (
                key, title, "".join(_group_html(group, rules, today, base)
                                    for group in _groups(chosen))))
    parts.append(_done_html(result["items"], today) + _missed_html(result["items"]) +
                 _dropped_html(result["dropped"]) + "</div>")
    return "".join(parts)


EVERY_INTERVIEW = "Every interview"


def shared_once(result):
    """A merged plan (planner.merged) with each undated step that is the same for every
    interview (keep searching) listed once: under EVERY_INTERVIEW, its `also` naming the
    other interviews, done only when it is done for all of them."""
    items, shared = [], {}
    for item in result["items"]:
        key = (item["id"], item["title"], item["text"])
        if item["due"] is not None or not item.get("interview"):
            items.append(item)
        elif key in shared:
            shared[key]["also"].append(item["interview"])
            if item["state"] != "done":
                shared[key]["state"] = item["state"]
        else:
            shared[key] = dict(item, also=[])
            items.append(shared[key])
    for item in shared.values():
        if item["also"]:
            item["employer"] = EVERY_INTERVIEW
    return dict(result, items=items)


def count_words(result):
    """'3 steps to do' (what is neither done nor missed), or 'Nothing left to do'."""
    left = len(steps_to_do(result["items"]))
    if not left:
        return "nothing left to do"
    return "%d step%s to do" % (left, "" if left == 1 else "s")


def next_words(result, today):
    """'Next: Ask where things stand, overdue since Mon 23 Nov.' or ''."""
    item = next_item(result["items"])
    if item is None:
        return "Nothing more is due here now." if result["items"] else ""
    employer = item.get("employer")
    return "Next: %s%s, %s." % (employer + ": " if employer else "", item["title"],
                                due_words(item, today))


def due_words(item, today):
    """When an item is due, said from today: 'due today', 'overdue since Mon 23 Nov'."""
    if item["due"] is None:
        return "throughout your search"
    day = dates.relative_label(dates.parse_date(item["due"]), today)
    if item["state"] == "overdue":
        return "overdue since " + day
    if item["state"] == "today":
        return "due now" if item["latest"] else "due today"
    return "due " + day


def _groups(items):
    groups = []
    for item in items:
        if not groups or groups[-1][0]["due"] != item["due"]:
            groups.append([])
        groups[-1].append(item)
    return groups


def _group_html(group, rules, today, base):
    due = group[0]["due"]
    heading = ""
    if due is not None:
        day = dates.parse_date(due)
        label = dates.relative_label(day, today)
        heading = '<h4 class="fu-day-title">%s%s</h4>' % (escape(dates.format_date(day)),
                                                           ' <span class="fu-rel">%s</span>' % label
                                                           if label in ("yesterday", "today",
                                                                        "tomorrow") else "")
    items = "".join(_item_html(item, rules, base) for item in group)
    return '<div class="fu-day" data-date="%s">%s<ul class="fu-items">%s</ul></div>' % (
        due or "", heading, items)


def _item_html(item, rules, base):
    tag = STATE_TAGS.get(item["state"])
    return _item_open(item, tag) + ('<p class="fu-meta">%s</p><p class="fu-text">%s</p>%s%s'
                                    '</li>') % (
        escape(meta(item)), escape(item["text"]),
        '<p class="fu-note">%s</p>' % escape(item["note"]) if item["note"] else "",
        credits_html(item["cites"], item["own"], rules, base, item))


def _item_open(item, tag):
    """An item's opening: its tick (checked when done) and its title, with a state tag."""
    item_id = escape(item["id"])
    tick_id = escape(tick_key(item))
    employer = item.get("employer")
    return ('<li class="fu-item fu-state-%s" data-id="%s" data-due="%s" data-state="%s" '
            'data-interview="%s"%s data-sources="%s">'
            '<input type="checkbox" class="fu-tick" id="tick-%s" data-id="%s"%s>'
            '<label for="tick-%s" class="fu-item-title">%s%s%s</label>') % (
        item["state"], item_id, item["due"] or "", item["state"],
        escape(item.get("interview") or ""),
        ' data-also="%s"' % escape(" ".join(item["also"])) if item.get("also") else "",
        " ".join(item["sources"]), tick_id, item_id,
        " checked" if item["state"] == "done" else "", tick_id,
        '<span class="fu-employer">%s: </span>' % escape(employer) if employer else "",
        escape(item["title"]), ' <span class="fu-tag">%s</span>' % escape(tag) if tag else "")


def _done_html(items, today):
    """What the reader has ticked, briefly, each with the day they ticked it: untick to
    bring it back to the plan."""
    done = [item for item in items if item["state"] == "done"]
    if not done:
        return ""
    return ('<section class="fu-when fu-when-done"><h3>Done (%d)</h3><ul class="fu-items">%s'
            '</ul></section>') % (len(done), "".join(
                _item_open(item, done_words(item, today)) + "</li>" for item in done))


def done_words(item, today):
    """'done today', 'done Mon 30 Nov', or 'done' when the day was not recorded."""
    day = item.get("done_on")
    return "done " + dates.relative_label(dates.parse_date(day), today) if day else "done"


def meta(item):
    """Whom, how and when, in one line."""
    when = item["timing"]
    if item["latest"] and item["state"] in ("upcoming", "today"):
        when += "; at the latest " + dates.format_date(dates.parse_date(item["latest"]))
    return whom_and_how(item) + " \u00b7 " + when


def credits_html(cites, own, rules, base, item=None):
    """Why and who says so, one tap away (a closed <details>): each article once, as a
    badge that leads to its section on the sources page, with the parts of the step it
    speaks to; the guide's own choices with their reasons; the step on the guide's pages."""
    cited = article_parts(cites)
    every = len(set(words for _, words in cited)) <= 1
    badges = " \u00b7 ".join(badge(cite, rules, base) + (
        "" if every else ' <span class="fu-part">(%s)</span>' % words) for cite, words in cited)
    lines = ['<p class="fu-cite">Sources: %s</p>' % badges] if cited else []
    lines += ['<p class="fu-own">The guide\'s own choice (%s): %s</p>' % (part, escape(note))
              for part, note in own_notes(own)]
    if item is not None:
        lines.append('<p class="fu-guide"><a href="%ssteps/%s/#%s">The guide on this step</a>'
                     '</p>' % (base, item["step"], item["rule"]))
    return ('<details class="fu-why"><summary>Why and who says so</summary>%s</details>'
            % "".join(lines))


def article_parts(cites):
    """[(citation, part words)]: each article once, in the order first cited, with every
    section cited for it and the parts of the step it speaks to ('what, when')."""
    found = []
    for part in ("action", "timing", "to", "channel", "useful"):
        for cite in by_article(cites.get(part) or []):
            same = [entry for entry in found if entry[0]["source"] == cite["source"]]
            if not same:
                same = [({"source": cite["source"], "section": cite["section"],
                          "sections": []}, [])]
                found.append(same[0])
            for section in cite["sections"]:
                if section not in same[0][0]["sections"]:
                    same[0][0]["sections"].append(section)
            if PART_WORDS[part] not in same[0][1]:
                same[0][1].append(PART_WORDS[part])
    return [(cite, ", ".join(parts)) for cite, parts in found]


def badge(cite, rules, base):
    """A source badge: the article's name, leading to its section on the sources page,
    with the section's heading as its tooltip."""
    heading = section_heading(cite, rules)
    anchor = cite["source"] + ("-" + cite["section"] if cite["section"] else "")
    return '<a class="fu-source" href="%ssources/#%s"%s>%s</a>' % (
        base, escape(anchor), ' title="Section: %s"' % escape(heading) if heading else "",
        escape(source_name(cite["source"], rules)))


def _missed_html(items):
    """What it is too late to do, or what the employer's answer made unnecessary."""
    missed = [item for item in items if item["state"] == "missed"]
    if not missed:
        return ""
    return ('<details class="fu-missed"><summary>Missed, or no longer needed (%d)</summary>'
            '<ul>%s</ul></details>') % (len(missed), "".join(
                '<li data-id="%s">%s: %s</li>' % (escape(item["id"]), escape(item["title"]),
                                                  escape(missed_words(item)))
                for item in missed))


def missed_words(item):
    """Why an item is no longer to do: the answer that ended it, or that its time passed."""
    return item["ended"] or "too late to help now (it was due %s)" % dates.format_date(
        dates.parse_date(item["due"]))


def _dropped_html(dropped):
    if not dropped:
        return ""
    return ('<details class="fu-dropped"><summary>No longer needed (%d)</summary><ul>%s</ul>'
            '</details>') % (len(dropped), "".join(
                '<li data-id="%s">%s: %s</li>' % (escape(entry["id"]), escape(entry["title"]),
                                                  escape(entry["reason"])) for entry in dropped))


def plan_text(result, today, aliases=None):
    """The plan as plain text, for copying or pasting into a note; what is done listed
    last, marked [x]. `aliases` ({name: stand-in}) replaces interviewers' names, and
    leaves out the employer."""
    lines = []
    for _, title, states in TEXT_SECTIONS:
        chosen = [item for item in result["items"] if item["state"] in states]
        if chosen:
            lines += ["", title.upper()]
            lines += [_text_line(item, today, aliases) for item in chosen]
    return "\n".join(lines[1:]) + "\n"


def _text_line(item, today, aliases):
    title = item["title"]
    if aliases is not None and item["name"]:
        title = title[:-len(item["name"])] + aliases.get(item["name"], "an interviewer")
    if item["state"] == "done":
        return "[x] %s (%s)" % (title, done_words(item, today))
    when = "" if item["due"] is None else "; " + due_words(item, today)
    return "[ ] %s (%s%s)" % (title, meta(item), when)


def drafts_html(made, edits, uri_encode, warn=None):
    """Each draft as a collapsible block: the reader's edited text if they changed it, what
    to check before sending it (`warn(draft id, text)` -> warnings), a copy button, and
    for an email its subject and a link that opens the email app. `uri_encode`
    percent-encodes (state.percent_encoded)."""
    if not made:
        return '<p class="fu-no-drafts">No messages to write for this plan right now.</p>'
    return "".join(_draft_html(draft, edits.get(draft["id"]), uri_encode, warn)
                   for draft in made)


def draft_warnings_html(warnings):
    """What to check in a draft before sending it, or '' when nothing."""
    return "".join('<p class="fu-draft-warning">%s</p>' % escape(w) for w in warnings)


def _draft_html(draft, edited, uri_encode, warn):
    body = draft["body"] if edited is None else edited
    field = "fu-draft-" + escape(draft["id"])
    subject = ('<p class="fu-subject-line"><strong>Subject:</strong> <span class="fu-subject">'
               '%s</span></p>' % escape(draft["subject"])) if draft["subject"] else ""
    actions = '<button type="button" class="md-button fu-copy" data-copy="%s">Copy</button>' % field
    if draft["layout"] == "email":
        actions += (' <a class="md-button" data-subject="%s" href="mailto:?subject=%s&amp;'
                    'body=%s">Open in your email app</a>' % (
                        escape(draft["subject"]), escape(uri_encode(draft["subject"])),
                        escape(uri_encode(body))))
    if edited is not None:
        actions += (' <button type="button" class="md-button" data-reset-draft="%s">Back to '
                    'the suggested text</button>' % escape(draft["id"]))
    return ('<details class="fu-draft fu-layout-%s" data-draft="%s"><summary>%s <span '
            'class="fu-rel">%s</span></summary>%s<label class="fu-label" for="%s">Your draft '
            '(yours to edit; kept on this device)</label><textarea id="%s" class="fu-draft-body" '
            'data-draft="%s" rows="9" aria-describedby="%s-check">%s</textarea>'
            '<div id="%s-check" class="fu-draft-check">%s</div>'
            '<p class="fu-draft-actions">%s</p></details>') % (
        draft["layout"], escape(draft["id"]), escape(draft["title"]), escape(draft["when"]),
        subject, field, field, escape(draft["id"]), field, escape(body), field,
        draft_warnings_html(warn(draft["id"], body) if warn else []), actions)


def choices_html(rules, choices):
    """Each disagreement as a group of radio buttons, one per side with the articles that
    take it, the reader's choice (else the guide's default) checked. (Radio labels wrap
    on a phone, where a select would cut them short.)"""
    return "".join(_choice_html(rules, disagreement, choices.get(disagreement["id"],
                                                                 disagreement["default"]))
                   for disagreement in rules["disagreements"])


def _choice_html(rules, disagreement, chosen):
    group = "fu-choice-" + escape(disagreement["id"])
    options = "".join(
        '<div class="fu-check"><input type="radio" name="%s" id="%s-%s" value="%s"%s>'
        '<label for="%s-%s">%s%s <span class="fu-hint">%s</span></label></div>' % (
            group, group, escape(p["id"]), escape(p["id"]), " checked" if p["id"] == chosen else "",
            group, escape(p["id"]), escape(p["label"]),
            " (the guide's default)" if p["id"] == disagreement["default"] else "",
            escape(names_of(p["sources"], rules))) for p in disagreement["positions"])
    return '<fieldset class="fu-choice" id="%s"><legend>%s</legend>%s</fieldset>' % (
        group, escape(disagreement["question"]), options)
