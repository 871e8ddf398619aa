"""The reader's interviews in localStorage, kept like a small database: one record per
interview plus an index, every write checked and retried when storage takes writes again,
the first version's single interview migrated, nothing a reader saved ever dropped; the
snapshot the next visit paints first; and another tab's changes taken in."""
import json

from pyscript import document, window

from followup import form, state, view
from followup.page import element, today_iso


# Through browser/early.js's followupRead/Write/Remove/Keys, which answer rather than throw.

STORAGE_FAILED = ("This browser would not save your checklist (its storage is full or "
                  "blocked), so what you change now stays on this page only. Export your "
                  "interviews to keep a copy.")


def stored(key):
    text = window.followupRead(key)
    return None if text is None else str(text)


def store(app, key, value):
    """Save `value`; False when the browser will not (storage full or blocked), and the
    reader is told, without the notice jumping into view again at every keystroke."""
    try:
        text = json.dumps(value)
    except (RuntimeError, MemoryError, TypeError, ValueError):
        text = None
    if text is not None and window.followupWrite(key, text):
        app.unsaved.pop(key, None)
        if app.unsaved and key != state.SNAPSHOT_KEY:
            save_unsaved(app)
        return True
    if key == state.SNAPSHOT_KEY:
        unstore(key)  # it only speeds up the next visit; an older one must not be shown
    else:
        app.unsaved[key] = True  # tried again after the next save that works
        if element("fu-notice").hidden or str(element("fu-notice-text").textContent) \
                != STORAGE_FAILED:
            view.notice(STORAGE_FAILED)
    return False


def save_unsaved(app):
    """Storage takes writes again: save what it refused before (each still as it is in
    the page), so an edit made while it was full is not lost to a later save."""
    waiting, app.unsaved = list(app.unsaved), {}
    for number, key in enumerate(waiting):
        interview_id = key[len(state.RECORD_PREFIX):]
        if key == state.INDEX_KEY:
            saved = save_index(app)
        elif interview_id in app.records:  # else deleted since
            saved = save_record(app, app.records[interview_id])
        else:
            continue
        if not saved:  # full again: the rest wait for the next save that works
            for later in waiting[number + 1:]:
                app.unsaved[later] = True
            return


def unstore(key):
    window.followupRemove(key)


def parsed(text):
    try:
        return json.loads(text), None
    except (ValueError, MemoryError, RuntimeError):
        return None, "its contents are damaged or incomplete"


def save_record(app, record):
    return store(app, state.record_key(record["id"]), record)


def save_index(app):
    return store(app, state.INDEX_KEY, state.saved_index(app.order + app.unshown,
                                                         app.current))


# --- reading what is saved ----------------------------------------------------------

def load_all(app, first=True):
    """Read the index and each interview (and any record the index lost); migrate the
    first version's single interview; report in plain words whatever could not be used
    (it stays in storage as it was). On a reload for another tab's change (`first`
    False) nothing is written: a missing interview is made in the page only."""
    data, _ = parsed(stored(state.INDEX_KEY) or "null")
    keys, _ = parsed(str(window.followupKeys(state.RECORD_PREFIX)))
    keys = keys if isinstance(keys, list) else []
    problems, beyond = [], 0
    for interview_id in state.listed_ids(data, keys):
        if len(app.order) < state.MAX_INTERVIEWS:
            problems += load_record(app, interview_id)
        elif state.record_key(interview_id) in keys:  # listed, and its record is there
            app.unshown.append(interview_id)
            beyond += 1
    listed = data.get("interviews") if isinstance(data, dict) else None
    if first and not app.order and not app.unshown and listed is None:
        problems += migrate_first_version(app)
    index = state.checked_index(data, app.order)
    app.current = index["current"] or (app.order[0] if app.order else None)
    nothing_saved = not app.order and not app.unshown and data is None
    if not app.order:
        record = state.new_record(new_id(), state.default_answers(today_iso()))
        if first:
            keep(app, record)
        else:
            app.records[record["id"]] = record
            app.order.append(record["id"])
        app.current = record["id"]
    return problems, beyond, nothing_saved


def beyond_words(beyond):
    return ("%d more saved interview%s kept in this browser but not shown, as the checklist "
            "shows %d at once; delete ones you no longer need and reload to see %s."
            % (beyond, " is" if beyond == 1 else "s are", state.MAX_INTERVIEWS,
               "it" if beyond == 1 else "them"))


def load_record(app, interview_id):
    text = stored(state.record_key(interview_id))
    if text is None:
        return []
    data, problem = parsed(text)
    kept_as = new_id() if interview_id == state.ALL else interview_id
    record, problems = state.checked_record(data, kept_as, today_iso(), app.rules)
    if record is None:
        app.unshown.append(interview_id)
        return ["a saved interview could not be read (%s); it is kept in this browser "
                "as it was" % (problem or problems[0])]
    if kept_as != interview_id and save_record(app, record):
        # an id an earlier version took in from a link, the list's word for "all of them"
        unstore(state.record_key(interview_id))
    app.records[kept_as] = record
    app.order.append(kept_as)
    return ["%s: %s" % (state.label(record["answers"]), text) for text in problems]


def migrate_first_version(app):
    text = stored(state.LEGACY_KEY)
    if text is None:
        return []
    data, problem = parsed(text)
    record, problems = state.checked_record(data, new_id(), today_iso(), app.rules)
    if record is None:
        return ["your saved checklist could not be read (%s); it is kept in this browser "
                "as it was" % (problem or problems[0])]
    keep(app, record)
    return problems


def keep(app, record):
    """Add or replace an interview, in memory and in storage; False when storage would
    not take it (it is kept in the page, and the reader told)."""
    app.records[record["id"]] = record
    if record["id"] not in app.order:
        app.order.append(record["id"])
    saved = save_record(app, record)
    return save_index(app) and saved


def new_id():
    """A fresh interview id, unique enough to tell interviews apart across browsers: the
    time and a random part (browser/early.js)."""
    return str(window.followupNewId())


def current_record(app):
    return app.records.get(app.current)


# --- the snapshot for the next visit's first paint ---------------------------------

def save_snapshot_soon(app):
    """Save the snapshot once the current event is done: it only serves the next visit's
    first paint, so it stays off the path from a keystroke to the redrawn plan."""
    if not app.snapshot_due:
        app.snapshot_due = True
        window.setTimeout(app.save_later, 0)


def saved_later(app, *_):
    app.snapshot_due = False
    save_snapshot(app)


def save_snapshot(app):
    """What the reader sees now, for the next visit's first paint (browser/early.js)."""
    values = {}
    for control in document.querySelectorAll("#fu-form [id]:is(input, select, textarea), "
                                             "#fu-which"):
        values[str(control.id)] = (bool(control.checked) if control.type in ("checkbox", "radio")
                                   else str(control.value))
    hidden = form.conditional_rows()
    hidden.update({"fu-plan-intro": True, "fu-answers": app.current == state.ALL})
    drawn = dict(app.drawn, **{"fu-which": view.interview_options(app)})
    drawn.pop("fu-timeline-picture", None)  # the planner draws it (early.js paints no style)
    if "fu-plan" not in drawn:  # marked in place since it was drawn (allview)
        drawn["fu-plan"] = str(element("fu-plan").innerHTML)
    texts = dict((key, str(element(key).textContent)) for key in
                 ("fu-next", "fu-answers-summary", "fu-warnings"))
    opened = dict((box, bool(element(box).open)) for box in view.FOLDED)
    opened["fu-answers"] = False
    if form.choices_drawn():
        drawn["fu-choices-fields"] = str(element("fu-choices-fields").innerHTML)
    store(app, state.SNAPSHOT_KEY, {"version": state.VERSION, "bundle": app.bundle,
                                    "day": today_iso(), "html": drawn, "text": texts,
                                    "values": values, "hidden": hidden, "open": opened})


# --- another tab's changes -----------------------------------------------------------

def on_storage(app, *_):
    """Another tab of this site changed the checklist (browser/early.js tells): take what
    is saved now, or this tab's next save would write its older copy over the other's."""
    if not app.reload_due:  # one reload for a burst of changes
        app.reload_due = True
        window.setTimeout(app.reload_later, 0)


def reloaded(app, *_):
    """Read every interview again and show the same one as before, if it is still there.
    Nothing is written back, so two open tabs never echo each other's saves."""
    app.reload_due = False
    shown = app.current
    if app.undo:  # what it would put back may no longer be so: no Undo offered
        element("fu-notice-actions").innerHTML = ""
    app.records, app.order, app.unshown, app.results, app.undo = {}, [], [], {}, None
    load_all(app, first=False)
    if shown in app.order or (shown == state.ALL and len(app.order) > 1):
        app.current = shown
    view.show_view(app)
    view.redraw(app)
    save_snapshot_soon(app)
