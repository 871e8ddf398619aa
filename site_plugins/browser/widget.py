"""Start-up and the reader's events: make the state, load what is saved, draw, then send
each event (typing, ticks, draft edits, buttons, switching, opening a folded part) to the
module whose job it is. The checklist in the page, under PyScript's MicroPython: policy
lives in planner.py, markup in planview.py / timeline.py, what is kept and how it is
checked in state.py. Nothing leaves the browser."""
import json

from pyscript import document, window
from pyscript.ffi import create_proxy, to_js

from followup import allview, edits, form, interviews, keeping, planner, planview, state, \
    store, transfer, view
from followup.page import Checklist, element, today, today_iso


# The buttons' data-action, and what each does (each is given the state).
ACTIONS = {"start-again": interviews.start_again, "calendar": transfer.download_calendar,
           "export": transfer.export_all, "share": transfer.share_link,
           "copy-plain": transfer.copy_without_names, "add": interviews.add_interview,
           "delete": interviews.delete_interview, "undo": interviews.undo,
           "delete-confirmed": interviews.delete_confirmed,
           "take-shared": interviews.take_shared, "keep-both": interviews.keep_both,
           "clear-everything": interviews.clear_everything,
           "keep-everything": lambda app: view.clear_notice(), "left": lambda app: left(app),
           "backup-later": keeping.later}


def listen(app, element_id, kind, handler):
    """Call handler(app, event) for each `kind` event on the element."""
    element(element_id).addEventListener(kind, create_proxy(lambda event: handler(app, event)))


def typed_early():
    """The fields the reader changed before the planner was ready (browser/early.js)."""
    typed = getattr(window, "followupTyped", None)
    return [str(field_id) for field_id in typed] if typed else []


def start():
    """Start the checklist; if anything goes wrong, say so in the page and leave the
    reader's saved data as it is."""
    window.performance.mark("followup-start")  # the benchmark: PyScript's part ends here
    app = Checklist()
    try:
        begin(app)
    except Exception as error:
        view.announce("The planner could not start (%s). Your saved answers are untouched; "
                      "reloading the page may help." % type(error).__name__)
        element("fu-app").setAttribute("data-state", "failed")
        raise


def begin(app):
    app.save_later = create_proxy(lambda *_: store.saved_later(app))
    app.reload_later = create_proxy(lambda *_: store.reloaded(app))
    app.rules = json.load(open("rules.json"))
    app.bundle = str(element("fu-app").getAttribute("data-bundle"))
    problems, beyond, nothing_saved = store.load_all(app)
    typed = typed_early()
    view.show_view(app, typed)
    view.show_returning(app, typed)
    view.seed_painted(app)
    if typed and app.current != state.ALL:
        store.current_record(app)["answers"] = form.read_answers(app)
        store.save_record(app, store.current_record(app))
    view.redraw(app)
    said = ["Some saved answers could not be used, so those fields are back to their "
            "defaults (what you saved is kept in this browser): " + "; ".join(problems[:5])
            + "."] if problems else []
    if beyond:
        said.append(store.beyond_words(beyond))
    if said:
        view.notice(" ".join(said))
    transfer.open_share_link(app)
    keeping.start(app, nothing_saved)
    keeping.offer_backup(app)
    for event_kind, handler in (("input", on_form_change), ("change", on_form_change)):
        listen(app, "fu-form", event_kind, handler)
    listen(app, "fu-plan", "change", on_tick)
    listen(app, "fu-drafts", "input", on_draft_edit)
    for container in ("fu-app",):
        listen(app, container, "click", on_click)
    listen(app, "fu-which", "change", on_switch)
    for box in view.FOLDED:
        listen(app, box, "toggle", on_open)
    listen(app, "fu-import", "change", transfer.import_file)
    document.addEventListener("followup-stored", create_proxy(lambda *_: store.on_storage(app)))
    document.addEventListener("followup-link",
                              create_proxy(lambda event: transfer.open_share_link(app)))
    for control in document.querySelectorAll("#fu-app [disabled]"):
        control.disabled = False
    store.save_snapshot_soon(app)
    element("fu-app").setAttribute("data-state", "ready")
    element("fu-form").setAttribute("data-ready", "true")
    window.performance.mark("followup-ready")  # the benchmark's "live plan" moment


# --- the reader's actions -----------------------------------------------------------

def on_form_change(app, event):
    if app.current == state.ALL:
        return
    form.show_conditional_fields()
    record = store.current_record(app)
    names = state.interviewer_names(record["answers"])
    record["answers"] = form.read_answers(app)
    edits.people_renamed(record, names, state.interviewer_names(record["answers"]),
                         planner.person_slugs)  # a corrected name keeps its tick and draft
    view.redraw(app)
    keeping.ask(app)
    store.save_record(app, record)
    if event.target.id in ("fu-company", "fu-role", "fu-interviewed"):
        element("fu-which").innerHTML = view.interview_options(app)
        element("fu-which").value = app.current
    store.save_snapshot_soon(app)


def on_tick(app, event):
    target = event.target
    if not target.classList.contains("fu-tick"):
        return
    interview_id = str(target.closest("li").getAttribute("data-interview") or app.current)
    record = app.records.get(interview_id)
    if record is None:
        return
    view.clear_passing_notice()
    item_id, tick_id, done = str(target.getAttribute("data-id")), str(target.id), target.checked
    title = str(target.labels[0].textContent) if target.labels.length else "This step"
    also = str(target.closest("li").getAttribute("data-also") or "").split()
    for ticked_id in [interview_id] + also:  # also: a step shared by every interview
        if ticked_id in app.records:
            edits.set_tick(app.records[ticked_id], item_id, bool(done), today_iso())
            store.save_record(app, app.records[ticked_id])
    keeping.ask(app)
    if app.current != state.ALL or also or not allview.tick_in_place(app, target, interview_id,
                                                                     item_id):
        view.redraw(app)
    ticked = element(tick_id)  # drawn again, perhaps in another group: focus stays on it
    if ticked:
        ticked.focus(to_js({"preventScroll": True}))  # the reader's place on the page stays
    result = app.merged if app.current == state.ALL else app.results.get(app.current)
    view.announce("%s %s. %s" % ("Done:" if done else "Back on your list:", title, (
        planview.next_words(result, today()) if result else "")))
    store.save_snapshot_soon(app)


def on_draft_edit(app, event):
    target = event.target
    draft_id = target.getAttribute("data-draft")
    record = store.current_record(app)
    if draft_id is None or record is None:
        return
    edits.set_draft(record, str(draft_id), str(target.value), today_iso())
    store.save_record(app, record)
    view.show_draft_warnings(record, str(draft_id), str(target.value))
    mail = target.closest("details").querySelector("a[data-subject]")
    if mail:  # the email app gets what the reader now sees
        mail.href = "mailto:?subject=%s&body=%s" % (
            state.percent_encoded(str(mail.getAttribute("data-subject"))),
            state.percent_encoded(str(target.value)))


def on_click(app, event):
    target = event.target.closest("button")
    if not target:
        return
    action = str(target.getAttribute("data-action") or "")
    if target.getAttribute("data-copy"):
        transfer.copy_text(str(element(str(target.getAttribute("data-copy"))).value), target)
    elif target.getAttribute("data-reset-draft"):
        reset_draft(app, str(target.getAttribute("data-reset-draft")))
    elif action in ACTIONS:
        ACTIONS[action](app)


def on_open(app, event):
    """A folded part opened or closed: draw what it shows."""
    if event.target.id == "fu-choices":
        form.draw_choices(app)
    elif event.target.open and app.current != state.ALL:
        view.redraw(app)
    store.save_snapshot(app)


def on_switch(app, event):
    app.current = str(element("fu-which").value)
    view.refresh(app)


def left(app):
    """The reader has left the interview: the steps taken there are no longer next; the
    focus goes to the Next line, which says what is."""
    record = store.current_record(app)
    if record is None:
        return
    record["answers"]["left"] = True
    element("fu-left").checked = True
    store.save_record(app, record)
    view.redraw(app)
    element("fu-next").focus()
    view.announce("Noted: you have left the interview. " + str(element("fu-next").textContent))
    store.save_snapshot_soon(app)


def reset_draft(app, draft_id):
    record = store.current_record(app)
    edits.forget_draft(record, draft_id)
    store.save_record(app, record)
    view.redraw(app)
