"""The Checklist page: the reader's interviews, the form, the plan, and the widget's scripts.

Without JavaScript the page shows the default plan, drawn here at build time by the same
code the widget uses; the widget then takes over the same elements in place, and draws
the rarely used parts (the choices, the timeline, the drafts) when they are opened. Small
inline scripts run first: browser/hold.js keeps a returning reader's checklist unseen,
browser/early.js paints their own plan from their last visit and keeps what they type
while the planner starts, and browser/shown.js shows the checklist again.
"""
import json
from datetime import timedelta

from . import holidays_table
from .browser import dates, planner, planview, publicdays, state, theday, words
from .csp import script_body
from .assets import BROWSER, BROWSER_PACKAGE, ENGINE, SANITISER, START_PACK
from .browser.planview import escape

BASE = "../"  # the checklist page sits one folder below the site root
HOLD_SCRIPT, EARLY_SCRIPT, SHOWN_SCRIPT = (script_body(BROWSER / name)
                                           for name in ("hold.js", "early.js", "shown.js"))


def checklist_page(rules, today, bundle):
    """The page's Markdown; `bundle` names this build's rules and code (a saved snapshot
    of another build is not shown). `today` (the build day) is only the form's starting
    date: the plan shown without JavaScript counts days from the interview day."""
    answers = state.default_answers(dates.iso(today))
    static = static_default_plan(rules, today)
    return "\n".join([
        # Its words are the guide's, drawn for one situation: search finds them on the
        # guide's own pages.
        "---", "hide:", "  - toc", "search:", "  exclude: true", "---", "",
        "# Your follow-up checklist", "",
        '<noscript><p class="fu-noscript">The form needs JavaScript. Without it, the '
        "default plan below and the whole guide still work.</p></noscript>", "",
        "<script>%s</script>" % HOLD_SCRIPT,
        '<div id="fu-app" class="fu-app" data-bundle="%s" data-modules="%sassets/followup/">'
        % (escape(bundle), BASE),
        # A returning reader (the widget marks the app) starts at their interview and plan.
        '<p class="fu-intro">Tell the checklist when you interviewed and what the employer '
        'said; it works out what to do and when, following the <a href="../steps/at-interview/">'
        'steps</a> of this guide. Your answers stay in this browser, on this device; nothing '
        'is sent anywhere.</p>',
        interviews_html(), notice_html(),
        '<p class="fu-skip"><a href="#your-plan">Go to your plan</a></p>',
        form_html(rules, answers),
        '<h2 id="your-plan">Your plan</h2>',
        '<p id="fu-status" class="fu-status" role="status" aria-live="polite"></p>',
        '<p id="fu-next" class="fu-next" tabindex="-1">%s</p>' % escape(_first_words(static)),
        '<p id="fu-left-row" class="fu-left" hidden><button type="button" class="md-button" '
        'data-action="left" disabled>I have left the interview</button></p>',
        '<p id="fu-plan-intro">The default plan, in days counted from the interview day: no '
        'decision date given, an employer with an HR department, and the guide\'s default '
        'on every <a href="../disagreements/">question where the sources disagree</a>.</p>',
        '<p id="fu-warnings" class="fu-warnings"></p>',
        '<div id="fu-plan">%s</div>' % static_plan_html(static, rules),
        toolbar_html(),
        '<h2 id="timeline">Timeline</h2>',
        # Drawn only when opened: a lighter page to start with, and quicker updates.
        '<details id="fu-timeline-box" class="fu-box"><summary>Show the plan as a timeline'
        '</summary><figure class="fu-figure"><div id="fu-timeline-picture"></div><figcaption>'
        "Circles are messages to the employer, squares your own tasks, a bar a window of "
        "days. The plan above says the same in words.</figcaption></figure></details>",
        '<h2 id="message-drafts">Message drafts</h2>',
        '<details id="fu-drafts-box" class="fu-box"><summary>Show drafts of the messages your '
        "plan asks for</summary><p>Starting points in plain words. Edit them here; your "
        'changes are kept with this interview.</p><div id="fu-drafts"></div></details>',
        '<p id="fu-all-note" class="fu-all-note" hidden>The timeline and the message drafts are '
        'drawn for one interview at a time: choose it in the <a href="#fu-which">list of your '
        'interviews</a>.</p>',
        "</div>", "", '<script src="%s%s"></script>' % (BASE, SANITISER[1]),
        "<script>%s</script>" % EARLY_SCRIPT, "<script>%s</script>" % SHOWN_SCRIPT, "",
        scripts_html()])


def static_default_plan(rules, today):
    """The default plan for the page without JavaScript, which is read on any day after
    the build: an interview on a Monday (the last one by `today`), so that no step is
    moved off a weekend by the accident of the build's weekday."""
    monday = today - timedelta(days=today.weekday())
    return planner.plan(rules, {"interviewed": dates.iso(monday)}, monday)


def _first_words(result):
    """'First: Ask what happens next, on the interview day.'"""
    first = result["items"][0] if result["items"] else None
    return "First: %s, %s." % (first["title"], first["timing"]) if first else ""


def day_words(item):
    """When an item falls, counted from the interview day: 'The interview day', 'Day 7'."""
    if item["due"] is None:
        return "Throughout your search"
    gap = (dates.parse_date(item["due"]) - dates.parse_date(item["interview_date"])).days
    return "The interview day" if gap == 0 else "Day %d after the interview" % gap


def static_plan_html(result, rules):
    """The plan grouped by day counted from the interview day, never by a calendar date:
    the build day is not the reader's today."""
    groups = []
    for item in result["items"]:
        if not groups or groups[-1][0] != day_words(item):
            groups.append((day_words(item), []))
        groups[-1][1].append(_static_item_html(item, rules))
    return '<div class="fu-plan">%s</div>' % "".join(
        '<div class="fu-day"><h4 class="fu-day-title">%s</h4><ul class="fu-items">%s</ul>'
        '</div>' % (escape(heading), "".join(items)) for heading, items in groups)


def _static_item_html(item, rules):
    return ('<li class="fu-item" data-id="%s" data-sources="%s"><input type="checkbox" '
            'class="fu-tick" id="tick-%s" disabled><label for="tick-%s" class="fu-item-title">'
            '%s</label><p class="fu-meta">%s</p><p class="fu-text">%s</p>%s</li>') % (
        escape(item["id"]), escape(" ".join(item["sources"])), escape(item["id"]),
        escape(item["id"]), escape(item["title"]),
        escape(words.whom_and_how(item) + " \u00b7 " + item["timing"]), escape(item["text"]),
        planview.credits_html(item["cites"], item["own"], rules, BASE, item))


def interviews_html():
    """Which interview is shown, and adding or deleting one (the widget fills the list)."""
    return ('<div class="fu-interviews" id="fu-interviews"><div class="fu-field">'
            '<label class="fu-label" for="fu-which">Interview</label>'
            '<select id="fu-which" disabled><option value="">Your interview</option></select>'
            '</div><button type="button" class="md-button" data-action="add" disabled>Add an '
            'interview</button><button type="button" class="md-button" data-action="delete" '
            'disabled>Delete this interview</button></div>')


def notice_html():
    """Where the page says what it did with the reader's data, with any choice to make."""
    return ('<div id="fu-notice" class="fu-notice" role="alert" hidden><p id="fu-notice-text">'
            '</p><p id="fu-notice-actions" class="fu-notice-actions"></p></div>')


def _field(label, control, field_id, hint=""):
    """A labelled control with a place for its error message (and an optional hint).
    `control` makes the control's markup from its id and aria attributes."""
    described = field_id + "-error" + (" %s-hint" % field_id if hint else "")
    hint_html = '<span class="fu-hint" id="%s-hint">%s</span>' % (field_id, hint) if hint else ""
    return ('<div class="fu-field"><label class="fu-label" for="%s">%s</label>%s%s'
            '<span class="fu-error" id="%s-error" hidden></span></div>'
            % (field_id, label, control('id="%s" aria-describedby="%s"' % (field_id, described)),
               hint_html, field_id))


def _input(kind, value="", extra=""):
    return lambda attrs: '<input type="%s" %s value="%s"%s>' % (kind, attrs, escape(value), extra)


def _select(options, chosen):
    choices = "".join('<option value="%s"%s>%s</option>' % (
        value, " selected" if value == chosen else "", escape(label)) for value, label in options)
    return lambda attrs: "<select %s>%s</select>" % (attrs, choices)


def _textarea(rows):
    return lambda attrs: '<textarea %s rows="%d"></textarea>' % (attrs, rows)


def _row(row_id, inner, hidden=True):
    return '<div class="fu-row" id="%s"%s>%s</div>' % (row_id, " hidden" if hidden else "", inner)


def _dated_or_counted(prefix, answers, on_key, on_label, count_label):
    on_field = _field(on_label, _input("date", answers[on_key]), "fu-" + on_key.replace("_", "-"))
    count = _field(count_label, _input("number", answers[prefix + "_n"],
                                       ' min="1" max="365" inputmode="numeric"'),
                   "fu-%s-n" % prefix.replace("_", "-"))
    unit = _field("Unit", _select((("d", "days"), ("w", "weeks")), answers[prefix + "_unit"]),
                  "fu-%s-unit" % prefix.replace("_", "-"))
    return (_row("fu-%s-row" % on_key.replace("_", "-"), on_field),
            _row("fu-%s-within-row" % prefix.replace("_", "-"), count + unit))


def form_html(rules, answers):
    """The reader's answers for one interview, folded under a one-line summary once they
    have given them, so that their plan is in reach."""
    by_row, within_row = _dated_or_counted("decision", answers, "decision_by",
                                           "Decision expected by", "Decision expected within")
    on_row, back_row = _dated_or_counted("call_back", answers, "call_back_on",
                                         "Call back on", "Call back within")
    parts = [
        '<details id="fu-answers" class="fu-answers" open><summary>Your answers '
        '<span id="fu-answers-summary" class="fu-rel"></span></summary>',
        '<form id="fu-form" class="fu-form" novalidate><fieldset id="fu-form-fields">',
        '<legend>Your interview</legend>',
        _field("Company", _input("text", "", ' autocomplete="organization"'), "fu-company",
               "With the role, this names the interview in your list."),
        _field("Role", _input("text", "", ' autocomplete="off"'), "fu-role"),
        _field("Interview date", _input("date", answers["interviewed"], " required"),
               "fu-interviewed"),
        _field("What did they say about when they would decide?", _select((
            ("none", "Nothing, or I did not ask"), ("by", "They would decide by a date"),
            ("within", "They would decide within some days or weeks")), "none"), "fu-timeline"),
        by_row, within_row,
        _field("Interviewers' names, one per line", _textarea(3), "fu-interviewers",
               "One thank-you item per name."),
        '<details id="fu-more-answers" class="fu-more-answers"><summary>More about this '
        'interview <span class="fu-rel">(its time, a call-back, HR, LinkedIn, their answer, '
        'your name, days off)</span></summary>',
        _row("fu-interview-time-row", _field(
            "Interview time (optional)", _input("time"), "fu-interview-time",
            "On the day, the steps taken at the interview stop being next %d hours after it."
            % theday.LEAVE_AFTER_HOURS) + _checkbox("fu-left", "I have left the interview",
                                                    answers["left"]), hidden=False),
        _field("Did they ask you to get in touch on a certain day?", _select((
            ("none", "No"), ("on", "Yes, on a date"), ("within", "Yes, after some days or weeks")),
            "none"), "fu-call-back"),
        on_row, back_row,
        _checkbox("fu-hr", "The employer has an HR department", answers["hr"]),
        _checkbox("fu-via-linkedin", "My first contact with them was through LinkedIn",
                  answers["via_linkedin"]),
        _field("Your name (for the drafts)", _input("text", "", ' autocomplete="name"'), "fu-me"),
        _field("Their answer so far", _select((
            ("waiting", "No answer yet"), ("next-round", "They invited me to another round"),
            ("offer", "They made me an offer"), ("rejected", "They turned me down")), "waiting"),
            "fu-outcome"),
        _row("fu-outcome-on-row", _field("The day of their answer", _input("date"),
                                         "fu-outcome-on")),
        holidays_html(answers),
        _field("Your own days off, as YYYY-MM-DD", _input("text", "", ' autocomplete="off"'),
               "fu-holidays", "Separate dates with spaces or commas."),
        "</details></fieldset>", _choices_html(rules), "</form></details>"]
    return "".join(parts)


def holidays_html(answers):
    """The country whose public holidays are days off (from the build's table), and its
    region, whose choices the page fills in for the country chosen (browser/form.py)."""
    table = holidays_table.table_for(dates.parse_date(answers["interviewed"]))
    first, last = publicdays.years(table)
    country = _field("Public holidays of", _select(
        [("", "No country (only the days off below)")] + publicdays.countries(table), ""),
        "fu-country", "Steps to the employer move off them. Known for %d to %d." % (first, last))
    region = _field("Region", _select([("", "The whole country")], ""), "fu-region",
                    "Some regions have public holidays of their own.")
    return country + _row("fu-region-row", region)


def _checkbox(field_id, label, checked):
    return ('<div class="fu-field fu-check"><input type="checkbox" id="%s"%s>'
            '<label for="%s">%s</label></div>' % (field_id, " checked" if checked else "",
                                                 field_id, label))


def _choices_html(rules):
    """Where the reader can choose a side; its fields are drawn when it is opened."""
    return ('<details class="fu-choices" id="fu-choices"><summary>Where the sources disagree: '
            'your choices</summary><p>The plan uses the guide\'s default unless you choose '
            'otherwise. <a href="../disagreements/">Read every side of each question</a>.</p>'
            '<div id="fu-choices-fields"></div></details>')


def toolbar_html():
    """The calendar file and a backup at hand, with where the reader's data lives (filled
    in by the widget); sharing, copying, importing and clearing folded away."""
    more = (("share", "Copy a share link"), ("copy-plain", "Copy the plan without names"),
            ("start-again", "Start again"))
    return ('<div id="fu-toolbar" class="fu-actions">%s%s<div id="fu-kept" class="fu-kept" '
            'hidden><p id="fu-kept-text"></p><div id="fu-kept-actions" class="fu-actions">'
            '</div></div><details class="fu-more"><summary>'
            'Share, copy, import or start again</summary><div class="fu-actions">%s'
            '<input type="file" id="fu-import" accept="application/json,.json,text/calendar,.ics" '
            'class="fu-visually-hidden" disabled><label class="md-button fu-import-label" '
            'for="fu-import">Import a backup or calendar file</label>'
            '<div class="fu-field"><label class="fu-label" for="fu-share-url">Share link</label>'
            '<input type="text" id="fu-share-url" readonly placeholder="Press Copy a share link">'
            '</div><div class="fu-row" id="fu-plain-plan-row" hidden><label class="fu-label" '
            'for="fu-plain-plan">The plan without names</label>'
            '<textarea id="fu-plain-plan" rows="8" readonly></textarea></div></div></details>'
            '</div>') % (_button("calendar", "Add to calendar (.ics)"),
                         _button("export", "Save a backup file"),
                         "".join(_button(action, words) for action, words in more))


def _button(action, words):
    return ('<button type="button" class="md-button" data-action="%s" disabled>%s</button>'
            % (action, words))


# PyScript plugins the checklist never uses: off in both configs, or they are fetched
# anyway (PyScript loads plugins once per script type). "error" shows Python errors in
# the page; the widget says in its own words when it cannot start. PyScript's core.css
# styles those plugins and its config tags, which are `hidden` here: it is not loaded.
UNUSED_PLUGINS = ["!codemirror", "!deprecations-manager", "!donkey", "!error", "!py-editor",
                  "!py-game", "!py-terminal"]


def scripts_html():
    """PyScript, one global config for MicroPython (its start pack and plugins), and the
    start: unpack the pack into the page's files, then start the widget."""
    pack = "%sassets/followup/%s" % (BASE, START_PACK)
    config = {"interpreter": "%sassets/micropython/%s" % (BASE, ENGINE[0]),
              "files": {pack: "./" + START_PACK}, "plugins": UNUSED_PLUGINS}
    return "\n".join([
        '<div class="fu-scripts" hidden>',
        # the sanitiser first: a returning reader's own plan waits for it (early.js)
        '<link rel="preload" href="%s%s" as="script">' % (BASE, SANITISER[1]),
        preload_html([pack]),
        '<mpy-config type="json" hidden>%s</mpy-config>' % _element_text(json.dumps(config)),
        '<py-config type="json" hidden>%s</py-config>' % _element_text(json.dumps(
            {"plugins": UNUSED_PLUGINS})),
        '<script type="module" src="%sassets/pyscript/core.js"></script>' % BASE,
        '<script type="mpy">\n%s</script>' % START_SCRIPT, "</div>", ""])


# The page's Python starts here: the pack (assets.start_pack, gzip-compressed) is written
# out as the files it holds, the package `followup` among them, and the widget starts.
UNPACK = """import deflate, json, os
with open("%s", "rb") as packed:
    pack = deflate.DeflateIO(packed, deflate.GZIP)
    if "%s" not in os.listdir():
        os.mkdir("%s")
    for path, size in json.loads(pack.readline()):
        with open(path, "wb") as file:
            file.write(pack.read(size))
""" % (START_PACK, BROWSER_PACKAGE, BROWSER_PACKAGE)
START_SCRIPT = UNPACK + "from %s import widget\nwidget.start()\n" % BROWSER_PACKAGE


def _element_text(text):
    """Text inside an element: only & and < need escaping (quotes stay readable)."""
    return text.replace("&", "&amp;").replace("<", "&lt;")


def preload_html(ours):
    """Start fetching the interpreter and our files at once: PyScript only asks for them
    after its own chunks have loaded, which otherwise serialises the downloads."""
    engine = ["%sassets/micropython/%s" % (BASE, name) for name in ENGINE]
    links = ['<link rel="modulepreload" href="%s">' % engine[0]]
    links += ['<link rel="preload" href="%s" as="fetch" crossorigin>' % url
              for url in engine[1:] + ours]
    return "\n".join(links)
