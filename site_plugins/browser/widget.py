# The checklist in the page, under PyScript's MicroPython: the reader's interviews, each
# with its own answers, ticks and edited drafts, planned live by the same planner as the
# guide. DOM glue only: policy lives in planner.py, markup in planview.py / timeline.py,
# what is kept and how it is checked in state.py. Nothing leaves the browser.
import asyncio
import json

from pyscript import document, fetch, window
from pyscript.ffi import create_proxy, to_js

from followup import dates, planner, planview, state

# Where each planner field is answered in the form, for its error message.
FIELD_IDS = {"interviewed": "fu-interviewed", "decision_by": "fu-decision-by",
             "decision_within": "fu-decision-n", "call_back_on": "fu-call-back-on",
             "call_back_within": "fu-call-back-n", "rejected_on": "fu-outcome-on",
             "offer_on": "fu-outcome-on", "next_interview": "fu-outcome-on",
             "holidays": "fu-holidays", "interviewers": "fu-interviewers",
             "company": "fu-company", "role": "fu-role"}
LABELS = {"interviewed": "The interview date", "decision_by": "The decision date",
          "decision_within": "The number of days or weeks", "call_back_on": "The call-back date",
          "call_back_within": "The number of days or weeks", "rejected_on": "The day",
          "offer_on": "The day", "next_interview": "The day of the next interview",
          "holidays": "Each non-working date", "interviewers": "The list of names",
          "company": "The company", "role": "The role"}
MAX_FRAGMENT = 20000     # characters of a share link's data: far more than any interview needs
MAX_IMPORT = 512 * 1024  # bytes of an import file
SHARE_PREFIXES = ("#interview=", "#answers=")  # this version's links, and the first's
FOLDED = ("fu-choices", "fu-timeline-box", "fu-drafts-box")  # drawn when opened
STORAGE_FAILED = ("This browser would not save your checklist (its storage is full or "
                  "blocked), so what you change now stays on this page only. Export your "
                  "interviews to keep a copy.")
LIST_FULL = ("You have %d interviews, the most the checklist shows at once. Delete ones you "
             "no longer need (export them first to keep a copy)." % state.MAX_INTERVIEWS)
# `order`: the interviews shown; `unshown`: kept in storage and in the index but not shown
# (unreadable, or past MAX_INTERVIEWS), so that saving the index never drops them.
app = {"rules": None, "bundle": "", "records": {}, "order": [], "unshown": [],
       "current": None, "results": {}, "drawn": {}, "undo": None, "pending": None,
       "snapshot_due": False, "save_later": None, "reload_due": False, "reload_later": None,
       "unsaved": {}, "modules": {}}


# --- code loaded when first needed ----------------------------------------------------

def with_module(name, use):
    """Call use(module) with one of the modules the page loads only when first needed
    (assets.LAZY_MODULES): at once if it is here, else once it has arrived."""
    if name in app["modules"]:
        use(app["modules"][name])
    else:
        asyncio.create_task(arrive(name, use))


async def arrive(name, use):
    if name not in app["modules"]:
        url = str(element("fu-app").getAttribute("data-modules")) + name + ".mpy"
        response = await fetch(url)
        if not response.ok:
            announce("Part of the checklist could not be loaded; reloading the page may help.")
            return
        data = await response.bytearray()
        with open("followup/%s.mpy" % name, "wb") as handle:
            handle.write(data)
        app["modules"][name] = imported(name)
    use(app["modules"][name])


def imported(name):
    if name == "drafts":
        from followup import drafts as module
    elif name == "ics":
        from followup import ics as module
    else:
        from followup import timeline as module
    return module


def element(element_id):
    return document.getElementById(element_id)


def today():
    now = window.Date.new()
    return dates.parse_date("%04d-%02d-%02d" % (now.getFullYear(), now.getMonth() + 1,
                                                now.getDate()))


def today_iso():
    return dates.iso(today())


# --- storage: every write checked, nothing a reader saved ever dropped ------------

# Through browser/early.js's followupRead/Write/Remove/Keys, which answer rather than throw.

def stored(key):
    text = window.followupRead(key)
    return None if text is None else str(text)


def store(key, value):
    """Save `value`; False when the browser will not (storage full or blocked), and the
    reader is told, without the notice jumping into view again at every keystroke."""
    try:
        text = json.dumps(value)
    except (RuntimeError, MemoryError, TypeError, ValueError):
        text = None
    if text is not None and window.followupWrite(key, text):
        app["unsaved"].pop(key, None)
        if app["unsaved"] and key != state.SNAPSHOT_KEY:
            save_unsaved()
        return True
    if key == state.SNAPSHOT_KEY:
        unstore(key)  # it only speeds up the next visit; an older one must not be shown
    else:
        app["unsaved"][key] = True  # tried again after the next save that works
        if element("fu-notice").hidden or str(element("fu-notice-text").textContent) \
                != STORAGE_FAILED:
            notice(STORAGE_FAILED)
    return False


def save_unsaved():
    """Storage takes writes again: save what it refused before (each still as it is in
    the page), so an edit made while it was full is not lost to a later save."""
    waiting, app["unsaved"] = list(app["unsaved"]), {}
    for number, key in enumerate(waiting):
        interview_id = key[len(state.RECORD_PREFIX):]
        if key == state.INDEX_KEY:
            saved = save_index()
        elif interview_id in app["records"]:  # else deleted since
            saved = save_record(app["records"][interview_id])
        else:
            continue
        if not saved:  # full again: the rest wait for the next save that works
            for later in waiting[number + 1:]:
                app["unsaved"][later] = True
            return


def unstore(key):
    window.followupRemove(key)


def parsed(text):
    try:
        return json.loads(text), None
    except (ValueError, MemoryError, RuntimeError):
        return None, "its contents are damaged or incomplete"


def save_record(record):
    return store(state.record_key(record["id"]), record)


def save_index():
    return store(state.INDEX_KEY, state.saved_index(app["order"] + app["unshown"],
                                                    app["current"]))


def load_all(first=True):
    """Read the index and each interview (and any record the index lost); migrate the
    first version's single interview; report in plain words whatever could not be used
    (it stays in storage as it was). On a reload for another tab's change (`first`
    False) nothing is written: a missing interview is made in the page only."""
    data, _ = parsed(stored(state.INDEX_KEY) or "null")
    keys, _ = parsed(str(window.followupKeys(state.RECORD_PREFIX)))
    keys = keys if isinstance(keys, list) else []
    problems, beyond = [], 0
    for interview_id in state.listed_ids(data, keys):
        if len(app["order"]) < state.MAX_INTERVIEWS:
            problems += load_record(interview_id)
        elif state.record_key(interview_id) in keys:  # listed, and its record is there
            app["unshown"].append(interview_id)
            beyond += 1
    listed = data.get("interviews") if isinstance(data, dict) else None
    if first and not app["order"] and not app["unshown"] and listed is None:
        problems += migrate_first_version()
    index = state.checked_index(data, app["order"])
    app["current"] = index["current"] or (app["order"][0] if app["order"] else None)
    if not app["order"]:
        record = state.new_record(new_id(), state.default_answers(today_iso()))
        if first:
            keep(record)
        else:
            app["records"][record["id"]] = record
            app["order"].append(record["id"])
        app["current"] = record["id"]
    return problems, beyond


def beyond_words(beyond):
    return ("%d more saved interview%s kept in this browser but not shown, as the checklist "
            "shows %d at once; delete ones you no longer need and reload to see %s."
            % (beyond, " is" if beyond == 1 else "s are", state.MAX_INTERVIEWS,
               "it" if beyond == 1 else "them"))


def load_record(interview_id):
    text = stored(state.record_key(interview_id))
    if text is None:
        return []
    data, problem = parsed(text)
    kept_as = new_id() if interview_id == state.ALL else interview_id
    record, problems = state.checked_record(data, kept_as, today_iso(), app["rules"])
    if record is None:
        app["unshown"].append(interview_id)
        return ["a saved interview could not be read (%s); it is kept in this browser "
                "as it was" % (problem or problems[0])]
    if kept_as != interview_id and save_record(record):
        # an id an earlier version took in from a link, the list's word for "all of them"
        unstore(state.record_key(interview_id))
    app["records"][kept_as] = record
    app["order"].append(kept_as)
    return ["%s: %s" % (state.label(record["answers"]), text) for text in problems]


def migrate_first_version():
    text = stored(state.LEGACY_KEY)
    if text is None:
        return []
    data, problem = parsed(text)
    record, problems = state.checked_record(data, new_id(), today_iso(), app["rules"])
    if record is None:
        return ["your saved checklist could not be read (%s); it is kept in this browser "
                "as it was" % (problem or problems[0])]
    keep(record)
    return problems


def keep(record):
    """Add or replace an interview, in memory and in storage; False when storage would
    not take it (it is kept in the page, and the reader told)."""
    app["records"][record["id"]] = record
    if record["id"] not in app["order"]:
        app["order"].append(record["id"])
    saved = save_record(record)
    return save_index() and saved


def new_id():
    """A fresh interview id, unique enough to tell interviews apart across browsers: the
    time and a random part (browser/early.js)."""
    return str(window.followupNewId())


def current_record():
    return app["records"].get(app["current"])


# --- form <-> answers -------------------------------------------------------------

def control_id(key):
    return "fu-" + key.replace("_", "-")


def read_answers():
    answers = {"choices": {}}
    for key in state.TEXT_FIELDS:  # clipped to what a saved answer may hold
        answers[key] = str(element(control_id(key)).value)[:state.MAX_TEXT]
    for key in state.FLAG_FIELDS:
        answers[key] = bool(element(control_id(key)).checked)
    if not choices_drawn():  # the reader has not opened them: as they were
        answers["choices"] = dict(current_record()["answers"]["choices"])
        return answers
    for disagreement in app["rules"]["disagreements"]:
        checked = document.querySelector('input[name="fu-choice-%s"]:checked'
                                         % disagreement["id"])
        answers["choices"][disagreement["id"]] = (str(checked.value) if checked else
                                                  disagreement["default"])
    return answers


def choices_drawn():
    return bool(element("fu-choices-fields").firstElementChild)


def draw_choices():
    """The choices' fields, drawn once opened (and again for another interview)."""
    record = current_record()
    if element("fu-choices").open and record is not None:
        element("fu-choices-fields").innerHTML = planview.choices_html(
            app["rules"], record["answers"]["choices"])


def write_answers(answers, skip=()):
    """Put answers in the form, except in the fields named in `skip` (typed by the reader
    before the planner was ready)."""
    for key in state.TEXT_FIELDS:
        if control_id(key) not in skip:
            element(control_id(key)).value = answers[key]
    for key in state.FLAG_FIELDS:
        if control_id(key) not in skip:
            element(control_id(key)).checked = answers[key]
    show_conditional_fields()


def conditional_rows():
    """{row id: hidden} for the fields that only some answers need."""
    timeline_kind = element("fu-timeline").value
    call_back = element("fu-call-back").value
    return {"fu-decision-by-row": timeline_kind != "by",
            "fu-decision-within-row": timeline_kind != "within",
            "fu-call-back-on-row": call_back != "on",
            "fu-call-back-within-row": call_back != "within",
            "fu-outcome-on-row": element("fu-outcome").value == "waiting"}


# What the one date field asks for, by the employer's answer.
OUTCOME_DATES = {"rejected": "The day they turned you down",
                 "offer": "The day they made the offer",
                 "next-round": "The day of the next interview"}


def show_conditional_fields():
    for row_id, hidden in conditional_rows().items():
        element(row_id).hidden = hidden
    asked = OUTCOME_DATES.get(str(element("fu-outcome").value))
    if asked:
        document.querySelector('label[for="fu-outcome-on"]').textContent = asked


# --- errors -----------------------------------------------------------------------

def clear_errors():
    for field_id in set(FIELD_IDS.values()):
        element(field_id).removeAttribute("aria-invalid")
        message = element(field_id + "-error")
        message.textContent = ""
        message.hidden = True
    for control in document.querySelectorAll("#fu-choices-fields [aria-invalid]"):
        control.removeAttribute("aria-invalid")


def show_errors(problems):
    clear_errors()
    for field, value, message in problems:
        if field == "choices":
            control = element("fu-choice-" + str(value).split("=")[0])
            if control:
                control.setAttribute("aria-invalid", "true")
            continue
        field_id = FIELD_IDS.get(field, "fu-interviewed")
        element("fu-answers").open = True  # the answer to check is in view
        element(field_id).setAttribute("aria-invalid", "true")
        note = element(field_id + "-error")
        note.textContent = error_words(field, value, message)
        note.hidden = False


def error_words(field, value, message):
    """A problem the planner found, said of the field it belongs to."""
    if isinstance(value, int):  # too many of something: names, days off
        return "Please give %s (there are %d)." % (message, value)
    if field == "interviewers":  # one name of the list
        return "One of the names " + message + "."
    return LABELS.get(field, field) + " " + message + "."


# --- planning and drawing ------------------------------------------------------------

def plan_for(record):
    """(plan, problems with the answers as typed): the plan from the answers as typed;
    if they cannot be planned, from the last answers that could; else the defaults."""
    result, problems = try_plan(record["answers"], record["id"])
    candidates = [] if result is not None else [
        record["valid"], state.default_answers(record["answers"]["interviewed"] or today_iso()),
        state.default_answers(today_iso())]
    for answers in candidates:
        result = try_plan(answers, record["id"])[0]
        if result is not None:
            break
    planned = record["answers"] if not candidates else answers
    if record["valid"] != planned:  # keep the answers that last made a plan
        record["valid"] = planned
        save_record(record)
    return result, problems


def try_plan(answers, interview_id):
    situation, problems = state.situation(answers, interview_id)
    if problems:
        return None, problems
    try:
        return planner.plan(app["rules"], situation, today()), []
    except planner.PlanError as error:
        return None, error.problems


def redraw():
    """Plan and draw what is shown: one interview, or all of them merged."""
    if app["current"] == state.ALL:
        draw_all()
        return
    record = current_record()
    result, problems = plan_for(record)
    app["results"][record["id"]] = result
    if problems:
        show_errors(problems)
        announce("Please check the highlighted answer; your plan is kept as it was.")
    else:
        clear_errors()
    draw_one(record, result, not problems)


def draw_one(record, result, fresh):
    day = today()
    paint({"fu-plan": planview.plan_html(result, app["rules"], day, record["ticked"])})
    if element("fu-timeline-box").open:  # what is folded away is drawn when opened
        with_module("timeline", lambda timeline: paint({"fu-timeline-picture": (
            timeline.timeline_svg(result["items"], result["interview"]["interviewed"],
                                  "widget-tl", day))}))
    if element("fu-drafts-box").open:
        with_module("drafts", lambda drafts: paint({"fu-drafts": planview.drafts_html(
            drafts.drafts(record["answers"], result, day), record["drafts"],
            state.percent_encoded)}))
    element("fu-warnings").textContent = " ".join(result["warnings"])
    element("fu-next").textContent = planview.next_words(result, day, record["ticked"])
    element("fu-answers-summary").textContent = state.label(record["answers"])
    element("fu-plan-intro").hidden = True
    if fresh:
        to_do = [item for item in result["items"] if item["state"] != "missed"]
        announce("Plan updated: %d step%s to do." % (len(to_do), "" if len(to_do) == 1 else "s"))


def seed_painted():
    """What browser/early.js painted from the snapshot is what is on the page: the first
    draw leaves it alone where its markup is the same."""
    painted = getattr(window, "followupPainted", None)
    for element_id in ("fu-plan", "fu-timeline-picture", "fu-drafts"):
        markup = getattr(painted, element_id, None) if painted else None
        if markup is not None:
            app["drawn"][element_id] = str(markup)


def paint(drawn):
    """Replace the page's parts whose markup changed (the rest stays as it is)."""
    for element_id, markup in drawn.items():
        if app["drawn"].get(element_id) != markup:
            element(element_id).innerHTML = markup
            app["drawn"][element_id] = markup


def draw_all():
    day = today()
    plans = []
    for interview_id in app["order"]:
        record = app["records"][interview_id]
        result = plan_for(record)[0]
        app["results"][interview_id] = result
        if result is not None:
            plans.append((interview_id, state.label(record["answers"]), result))
    result = planner.merged(plans)
    ticked = all_ticks()
    paint({"fu-plan": planview.plan_html(result, app["rules"], day, ticked)})
    element("fu-next").textContent = planview.next_words(result, day, ticked)
    element("fu-warnings").textContent = ""
    announce("All your interviews: %d steps." % len(result["items"]))


def all_ticks():
    return [interview_id + "~" + item_id for interview_id in app["order"]
            for item_id in app["records"][interview_id]["ticked"]]


def announce(text):
    element("fu-status").textContent = text


def notice(text, actions=()):
    """Tell the reader what happened to their data, with buttons for any choice, where
    they can see it (the button they pressed may be far down the page)."""
    element("fu-notice-text").textContent = text
    element("fu-notice-actions").innerHTML = "".join(
        '<button type="button" class="md-button" data-action="%s">%s</button>'
        % (action, planview.escape(words)) for action, words in actions)
    element("fu-notice").hidden = False
    element("fu-notice").scrollIntoView(to_js({"block": "center"}))


def clear_notice():
    element("fu-notice").hidden = True


def show_view(typed=()):
    """Show one interview's form (less the fields in `typed`, which the reader changed
    before the planner was ready), or the merged view without it, and the list of them."""
    everything = app["current"] == state.ALL
    element("fu-answers").hidden = everything
    for section in ("timeline", "message-drafts", "fu-timeline-box", "fu-drafts-box"):
        element(section).hidden = everything
    element("fu-which").innerHTML = interview_options()
    element("fu-which").value = app["current"]
    document.querySelector('[data-action="delete"]').hidden = everything
    calendar = document.querySelector('[data-action="calendar"]')
    calendar.textContent = ("Add all interviews to your calendar (.ics)" if everything else
                            "Add to calendar (.ics)")
    if not everything:
        write_answers(current_record()["answers"], typed)
        draw_choices()
    app["drawn"] = {}


def interview_options():
    options = ['<option value="%s">%s</option>' % (planview.escape(interview_id),
                                                    planview.escape(state.label(
                                                        app["records"][interview_id]["answers"])))
               for interview_id in app["order"]]
    if len(app["order"]) > 1:
        options.append('<option value="%s">All my interviews (%d)</option>'
                       % (state.ALL, len(app["order"])))
    return "".join(options)


def save_snapshot_soon():
    """Save the snapshot once the current event is done: it only serves the next visit's
    first paint, so it stays off the path from a keystroke to the redrawn plan."""
    if not app["snapshot_due"]:
        app["snapshot_due"] = True
        window.setTimeout(app["save_later"], 0)


def saved_later(*_):
    app["snapshot_due"] = False
    save_snapshot()


def save_snapshot():
    """What the reader sees now, for the next visit's first paint (browser/early.js)."""
    values = {}
    for control in document.querySelectorAll("#fu-form [id]:is(input, select, textarea), "
                                              "#fu-which"):
        values[str(control.id)] = (bool(control.checked) if control.type in ("checkbox", "radio")
                                   else str(control.value))
    hidden = conditional_rows()
    hidden.update({"fu-plan-intro": True, "fu-answers": app["current"] == state.ALL})
    drawn = dict(app["drawn"], **{"fu-which": interview_options()})
    texts = dict((key, str(element(key).textContent)) for key in
                 ("fu-next", "fu-answers-summary", "fu-warnings"))
    opened = dict((box, bool(element(box).open)) for box in FOLDED)
    opened["fu-answers"] = False
    if choices_drawn():
        drawn["fu-choices-fields"] = str(element("fu-choices-fields").innerHTML)
    store(state.SNAPSHOT_KEY, {"version": state.VERSION, "bundle": app["bundle"],
                               "day": today_iso(), "html": drawn, "text": texts,
                               "values": values, "hidden": hidden, "open": opened})


# --- the reader's actions -----------------------------------------------------------

def on_form_change(event):
    if app["current"] == state.ALL:
        return
    show_conditional_fields()
    record = current_record()
    record["answers"] = read_answers()
    redraw()
    save_record(record)
    if event.target.id in ("fu-company", "fu-role", "fu-interviewed"):
        element("fu-which").innerHTML = interview_options()
        element("fu-which").value = app["current"]
    save_snapshot_soon()


def on_tick(event):
    target = event.target
    if not target.classList.contains("fu-tick"):
        return
    interview_id = str(target.closest("li").getAttribute("data-interview") or app["current"])
    record = app["records"].get(interview_id)
    if record is None:
        return
    item_id = str(target.getAttribute("data-id"))
    record["ticked"] = [t for t in record["ticked"] if t != item_id]
    if target.checked:
        record["ticked"].append(item_id)
    save_record(record)
    redraw()
    save_snapshot_soon()


def on_draft_edit(event):
    target = event.target
    draft_id = target.getAttribute("data-draft")
    record = current_record()
    if draft_id is None or record is None:
        return
    record["drafts"][str(draft_id)] = str(target.value)
    save_record(record)
    mail = target.closest("details").querySelector("a[data-subject]")
    if mail:  # the email app gets what the reader now sees
        mail.href = "mailto:?subject=%s&body=%s" % (
            state.percent_encoded(str(mail.getAttribute("data-subject"))),
            state.percent_encoded(str(target.value)))


def on_click(event):
    target = event.target.closest("button")
    if not target:
        return
    action = str(target.getAttribute("data-action") or "")
    if target.getAttribute("data-copy"):
        copy_text(str(element(str(target.getAttribute("data-copy"))).value))
    elif target.getAttribute("data-reset-draft"):
        reset_draft(str(target.getAttribute("data-reset-draft")))
    elif action in ACTIONS:
        ACTIONS[action]()


def on_open(event):
    """A folded part opened or closed: draw what it shows."""
    if event.target.id == "fu-choices":
        draw_choices()
    elif event.target.open and app["current"] != state.ALL:
        redraw()
    save_snapshot()


def on_switch(event):
    app["current"] = str(element("fu-which").value)
    refresh()


def refresh():
    """After the interviews changed: save which are kept, show the current one, draw."""
    save_index()
    show_view()
    redraw()
    save_snapshot_soon()


def on_storage(*_):
    """Another tab of this site changed the checklist (browser/early.js tells): take what
    is saved now, or this tab's next save would write its older copy over the other's."""
    if not app["reload_due"]:  # one reload for a burst of changes
        app["reload_due"] = True
        window.setTimeout(app["reload_later"], 0)


def reloaded(*_):
    """Read every interview again and show the same one as before, if it is still there.
    Nothing is written back, so two open tabs never echo each other's saves."""
    app["reload_due"] = False
    shown = app["current"]
    if app["undo"]:  # what it would put back may no longer be so: no Undo offered
        element("fu-notice-actions").innerHTML = ""
    app.update(records={}, order=[], unshown=[], results={}, undo=None)
    load_all(first=False)
    if shown in app["order"] or (shown == state.ALL and len(app["order"]) > 1):
        app["current"] = shown
    show_view()
    redraw()
    save_snapshot_soon()


def reset_draft(draft_id):
    record = current_record()
    record["drafts"].pop(draft_id, None)
    save_record(record)
    redraw()


def add_interview():
    if len(app["order"]) >= state.MAX_INTERVIEWS:
        notice(LIST_FULL)
        return
    answers = state.default_answers(today_iso())
    mine = current_record()
    answers["me"] = mine["answers"]["me"] if mine else ""  # the reader's own name, again
    record = state.new_record(new_id(), answers)
    if not keep(record):  # storage full: nothing half-added, the form stays on the one shown
        app["order"].remove(record["id"])
        app["records"].pop(record["id"])
        unstore(state.record_key(record["id"]))
        save_index()
        notice("No interview was added: " + STORAGE_FAILED[0].lower() + STORAGE_FAILED[1:])
        return
    app["current"] = record["id"]
    refresh()
    element("fu-answers").open = True
    element("fu-company").focus()
    notice("Added a new interview. Your other interviews are kept; switch between them "
           "with the list above.")


def delete_interview():
    record = current_record()
    if record is None or app["current"] == state.ALL:
        return
    remember()
    forget(record["id"])
    refresh()
    notice("Deleted \u201c%s\u201d." % state.label(record["answers"]), [("undo", "Undo")])


def forget(interview_id):
    """Take an interview out of the list and out of storage; one is always left."""
    app["order"].remove(interview_id)
    app["records"].pop(interview_id, None)
    unstore(state.record_key(interview_id))
    if not app["order"]:
        keep(state.new_record(new_id(), state.default_answers(today_iso())))
    if app["current"] not in app["order"] + [state.ALL]:
        app["current"] = app["order"][0]


def remember():
    """The point an Undo goes back to: every interview as it is now."""
    app["undo"] = (list(app["order"]), dict(app["records"]), app["current"])


def undo():
    """Put every interview back as it was at the last `remember()`, in storage too."""
    if not app["undo"]:
        return
    order, records, current = app["undo"]
    app["undo"] = None
    for interview_id in app["order"]:
        if interview_id not in records:
            unstore(state.record_key(interview_id))
    app["order"], app["records"], app["current"] = [], {}, current
    saved = [keep(records[interview_id]) for interview_id in order]
    refresh()
    notice("Undone." if all(saved) else "Undone. " + STORAGE_FAILED)


def start_again():
    """Ask first: clearing everything is one step too far to take on a single tap."""
    count = len(app["order"])
    notice("Start again? This clears your %d interview%s, with their answers, ticks and "
           "drafts, from this browser. (Export them first if you may want them back after "
           "you leave this page.)" % (count, "" if count == 1 else "s"),
           [("clear-everything", "Clear everything"), ("keep-everything", "Keep them")])


def clear_everything():
    """Clear every interview (with undo): the checklist starts from today's defaults."""
    remember()
    for interview_id in list(app["order"]):
        forget(interview_id)
    refresh()
    element("fu-share-url").value = ""
    notice("Started again: your interviews, answers and ticks are cleared.",
           [("undo", "Undo")])


def download(filename, text, mime):
    blob = window.Blob.new(to_js([text]), to_js({"type": mime}))
    url = window.URL.createObjectURL(blob)
    link = document.createElement("a")
    link.href = url
    link.download = filename
    document.body.appendChild(link)
    link.click()
    link.remove()
    window.URL.revokeObjectURL(url)


def download_calendar():
    """A calendar file of what is still to do: ticked items left out."""
    shown = app["order"] if app["current"] == state.ALL else [app["current"]]
    results = [still_to_do(app["results"][i], app["records"][i]["ticked"])
               for i in shown if app["results"].get(i)]
    if not [item for r in results for item in r["items"] if item["due"]
            and item["state"] in ("upcoming", "today", "overdue")]:
        notice("There is nothing left to put in your calendar for this plan.")
        return
    company = state.label(app["records"][shown[0]]["answers"]) if len(shown) == 1 else "all"
    name = "interview-follow-up-%s.ics" % (planner.slug(company) or "interview")
    with_module("ics", lambda ics: download(name, ics.to_ics(results, app["rules"], today()),
                                            "text/calendar"))


def still_to_do(result, ticked):
    return dict(result, items=[item for item in result["items"] if item["id"] not in ticked])


def export_all():
    records = [app["records"][i] for i in app["order"]]
    download("interview-follow-up.json", json.dumps(state.export_data(records)),
             "application/json")
    announce("Exported %d interview%s." % (len(records), "" if len(records) == 1 else "s"))


def share_link():
    record = current_record()
    if record is None:
        return
    data = state.percent_encoded(json.dumps(state.share_data(record)))
    url = str(window.location.href).split("#")[0] + SHARE_PREFIXES[0] + data
    element("fu-share-url").value = url
    copy_text(url)
    announce("Share link ready. It holds this interview's answers, names included; anyone "
             "with it sees the same plan.")


def copy_without_names():
    record = current_record()
    if record is None:
        return
    result = app["results"].get(record["id"])
    if result is None:
        return
    names = [item["name"] for item in result["items"] if item["name"]]
    aliases = dict((name, "Interviewer %d" % (names.index(name) + 1)) for name in names)
    text = planview.plan_text(result, today(), record["ticked"], aliases)
    element("fu-plain-plan").value = text
    element("fu-plain-plan-row").hidden = False
    copy_text(text)


def copy_text(text):
    clipboard = window.navigator.clipboard
    if clipboard:
        clipboard.writeText(text).then(create_proxy(lambda *_: announce("Copied.")),
                                       create_proxy(lambda *_: announce(
                                           "Copying was blocked; select the text and copy it.")))


# --- bringing interviews in: a share link, an import --------------------------------

def open_share_link():
    """A share link adds its interview beside the reader's own (or offers to update the
    same one)."""
    link = getattr(window, "followupLink", None)  # put there by browser/early.js, out of the address bar
    window.followupLink = None
    if not link:
        return
    if not isinstance(link, str):
        notice("The shared link could not be read: it is far too long to be one interview "
               "(%d characters). Your own interviews are unchanged." % int(link.tooLong))
        return
    prefix = [p for p in SHARE_PREFIXES if link.startswith(p)]
    text, problem = state.percent_decoded(link[len(prefix[0]):], MAX_FRAGMENT)
    data, problem = parsed(text) if text is not None else (None, problem)
    shared, problem = state.shared_record(data) if data is not None else (None, problem)
    if shared is None:
        notice("The shared link could not be read: %s. Your own interviews are unchanged."
               % problem)
        return
    take_in([shared], "The shared link")


def import_file(event):
    files = event.target.files
    if not files or files.length == 0:
        return
    chosen = files.item(0)
    if chosen.size > MAX_IMPORT:
        event.target.value = ""
        notice("That file is too large to be a checklist export (%d KB; at most %d KB). "
               "Nothing was changed." % (chosen.size // 1024, MAX_IMPORT // 1024))
        return
    reader = window.FileReader.new()

    def loaded(_):
        event.target.value = ""
        data, problem = parsed(str(reader.result))
        records, problem = state.imported_records(data) if data is not None else (None, problem)
        if records is None:
            notice("The file could not be imported: %s. Nothing was changed." % problem)
            return
        take_in(records, "The file")
    reader.onload = create_proxy(loaded)
    reader.readAsText(chosen)


def take_in(entries, where):
    """Add or update interviews from outside, with undo: an entry with an id the reader
    already has updates it when they agree to; anything unusable is set aside and said."""
    added, updated, problems, before, left_out = [], [], [], {}, 0
    room = state.MAX_INTERVIEWS - len(app["order"])
    for entry in entries:
        incoming_id = entry.get("id")
        if len(added) >= room and not (isinstance(incoming_id, str)
                                       and incoming_id in app["records"]):
            left_out += 1  # no room: not even checked
            continue
        interview_id = incoming_id if state.usable_id(incoming_id) else new_id()
        record, found = state.checked_record(dict(entry, version=state.VERSION), interview_id,
                                             today_iso(), app["rules"])
        problems += found
        if record is None:
            continue
        if interview_id in app["records"]:
            if app["records"][interview_id]["answers"] == record["answers"]:
                continue
            before[interview_id] = app["records"][interview_id]
            updated.append(record)
        else:
            added.append(record)
    settle(added, updated, before, problems, where, left_out)


def settle(added, updated, before, problems, where, left_out=0):
    if updated and len(added) + len(updated) == 1 and where == "The shared link":
        app["pending"] = updated[0]
        notice("You already have this interview (\u201c%s\u201d). Update yours with the shared "
               "answers, or keep both?" % state.label(before[updated[0]["id"]]["answers"]),
               [("take-shared", "Update mine"), ("keep-both", "Keep both")])
        return
    if added or updated:
        remember()
    saved = [keep(record) for record in
             added + [merge_update(before[r["id"]], r) for r in updated]]
    if added or updated:
        app["current"] = (added + updated)[0]["id"]
    refresh()
    text = took_in_words(where, added, updated, problems)
    if left_out:
        text += " %d more %s not added: %s" % (left_out, "was" if left_out == 1 else "were",
                                                LIST_FULL)
    if not all(saved):
        text += " " + STORAGE_FAILED
    notice(text, [("undo", "Undo")] if added or updated else [])


def merge_update(old, new):
    """An update from outside takes the new answers and keeps the reader's own ticks and
    drafts where the new record has none."""
    merged = dict(new)
    merged["ticked"] = new["ticked"] or old["ticked"]
    merged["drafts"] = new["drafts"] or old["drafts"]
    return merged


def took_in_words(where, added, updated, problems):
    said = []
    for verb, records in (("added", added), ("updated", updated)):
        if records:
            named = ", ".join("\u201c%s\u201d" % state.label(r["answers"]) for r in records[:5])
            said.append("%s %s%s" % (verb, named, " and %d more" % (len(records) - 5)
                                     if len(records) > 5 else ""))
    text = where + ": " + ("; ".join(said) if said else "nothing new") + \
        ". Your other interviews are kept."
    if problems:
        text += " Some answers could not be used and were left at their defaults: " + \
            "; ".join(problems[:5]) + "."
    return text


def take_shared():
    record = app["pending"]
    app["pending"] = None
    if record and record["id"] in app["records"]:
        settle([], [record], {record["id"]: app["records"][record["id"]]}, [], "The link")
    elif record:  # deleted meanwhile (in another tab): added instead
        take_in([record], "The shared link")


def keep_both():
    record = app["pending"]
    app["pending"] = None
    if record:
        take_in([dict(record, id=new_id())], "The shared link")


ACTIONS = {"start-again": start_again, "calendar": download_calendar, "export": export_all,
           "share": share_link, "copy-plain": copy_without_names, "add": add_interview,
           "delete": delete_interview, "undo": undo, "take-shared": take_shared,
           "keep-both": keep_both, "clear-everything": clear_everything,
           "keep-everything": clear_notice}


# --- start ------------------------------------------------------------------------

def listen(element_id, kind, handler):
    element(element_id).addEventListener(kind, create_proxy(handler))


def typed_early():
    """The fields the reader changed before the planner was ready (browser/early.js)."""
    typed = getattr(window, "followupTyped", None)
    return [str(field_id) for field_id in typed] if typed else []


def start():
    """Start the checklist; if anything goes wrong, say so in the page and leave the
    reader's saved data as it is."""
    try:
        begin()
    except Exception as error:
        announce("The planner could not start (%s). Your saved answers are untouched; "
                 "reloading the page may help." % type(error).__name__)
        element("fu-app").setAttribute("data-state", "failed")
        raise


def begin():
    app["save_later"] = create_proxy(saved_later)
    app["reload_later"] = create_proxy(reloaded)
    app["rules"] = json.load(open("rules.json"))
    app["bundle"] = str(element("fu-app").getAttribute("data-bundle"))
    problems, beyond = load_all()
    typed = typed_early()
    show_view(typed)
    seed_painted()
    if typed and app["current"] != state.ALL:
        current_record()["answers"] = read_answers()
        save_record(current_record())
    redraw()
    said = ["Some saved answers could not be used, so those fields are back to their "
            "defaults (what you saved is kept in this browser): " + "; ".join(problems[:5])
            + "."] if problems else []
    if beyond:
        said.append(beyond_words(beyond))
    if said:
        notice(" ".join(said))
    open_share_link()
    for event_kind, handler in (("input", on_form_change), ("change", on_form_change)):
        listen("fu-form", event_kind, handler)
    listen("fu-plan", "change", on_tick)
    listen("fu-drafts", "input", on_draft_edit)
    for container in ("fu-app",):
        listen(container, "click", on_click)
    listen("fu-which", "change", on_switch)
    for box in FOLDED:
        listen(box, "toggle", on_open)
    listen("fu-import", "change", import_file)
    document.addEventListener("followup-stored", create_proxy(on_storage))
    document.addEventListener("followup-link", create_proxy(lambda event: open_share_link()))
    for control in document.querySelectorAll("#fu-app [disabled]"):
        control.disabled = False
    save_snapshot_soon()
    element("fu-app").setAttribute("data-state", "ready")
    element("fu-form").setAttribute("data-ready", "true")
    window.performance.mark("followup-ready")  # the benchmark's "live plan" moment
