"""The interviews' operations: add, delete, start again, undo, and taking interviews in
from a share link or an import file (added beside the reader's own, or updating one they
already have: "update mine" or "keep both")."""
from followup import state, store, view
from followup.page import element, today_iso


LIST_FULL = ("You have %d interviews, the most the checklist shows at once. Delete ones you "
             "no longer need (export them first to keep a copy)." % state.MAX_INTERVIEWS)


def add_interview(app):
    if len(app.order) >= state.MAX_INTERVIEWS:
        view.notice(LIST_FULL)
        return
    answers = state.default_answers(today_iso())
    mine = store.current_record(app)
    answers["me"] = mine["answers"]["me"] if mine else ""  # the reader's own name, again
    record = state.new_record(store.new_id(), answers)
    # storage full: nothing half-added, the form stays on the one shown
    if not store.keep(app, record):
        app.order.remove(record["id"])
        app.records.pop(record["id"])
        store.unstore(state.record_key(record["id"]))
        store.save_index(app)
        failed = store.STORAGE_FAILED
        view.notice("No interview was added: " + failed[0].lower() + failed[1:])
        return
    app.current = record["id"]
    view.refresh(app)
    element("fu-answers").open = True
    element("fu-company").focus()
    view.notice("Added a new interview. Your other interviews are kept; switch between them "
                "with the list above.")


def delete_interview(app):
    record = store.current_record(app)
    if record is None or app.current == state.ALL:
        return
    remember(app)
    forget(app, record["id"])
    view.refresh(app)
    view.notice("Deleted \u201c%s\u201d." % state.label(record["answers"]), [("undo", "Undo")])


def forget(app, interview_id):
    """Take an interview out of the list and out of storage; one is always left."""
    app.order.remove(interview_id)
    app.records.pop(interview_id, None)
    store.unstore(state.record_key(interview_id))
    if not app.order:
        store.keep(app, state.new_record(store.new_id(), state.default_answers(today_iso())))
    if app.current not in app.order + [state.ALL]:
        app.current = app.order[0]


def remember(app):
    """The point an Undo goes back to: every interview as it is now."""
    app.undo = (list(app.order), dict(app.records), app.current)


def undo(app):
    """Put every interview back as it was at the last `remember()`, in storage too."""
    if not app.undo:
        return
    order, records, current = app.undo
    app.undo = None
    for interview_id in app.order:
        if interview_id not in records:
            store.unstore(state.record_key(interview_id))
    app.order, app.records, app.current = [], {}, current
    saved = [store.keep(app, records[interview_id]) for interview_id in order]
    view.refresh(app)
    view.notice("Undone." if all(saved) else "Undone. " + store.STORAGE_FAILED)


def start_again(app):
    """Ask first: clearing everything is one step too far to take on a single tap."""
    count = len(app.order)
    view.notice("Start again? This clears your %d interview%s, with their answers, ticks and "
                "drafts, from this browser. (Export them first if you may want them back after "
                "you leave this page.)" % (count, "" if count == 1 else "s"),
                [("clear-everything", "Clear everything"), ("keep-everything", "Keep them")])


def clear_everything(app):
    """Clear every interview (with undo): the checklist starts from today's defaults."""
    remember(app)
    for interview_id in list(app.order):
        forget(app, interview_id)
    view.refresh(app)
    element("fu-share-url").value = ""
    view.notice("Started again: your interviews, answers and ticks are cleared.",
                [("undo", "Undo")])


# --- bringing interviews in: a share link, an import --------------------------------

def take_in(app, entries, where):
    """Add or update interviews from outside, with undo: an entry with an id the reader
    already has updates it when they agree to; anything unusable is set aside and said."""
    added, updated, problems, before, left_out = [], [], [], {}, 0
    room = state.MAX_INTERVIEWS - len(app.order)
    for entry in entries:
        incoming_id = entry.get("id")
        if len(added) >= room and not (isinstance(incoming_id, str)
                                       and incoming_id in app.records):
            left_out += 1  # no room: not even checked
            continue
        interview_id = incoming_id if state.usable_id(incoming_id) else store.new_id()
        record, found = state.checked_record(dict(entry, version=state.VERSION), interview_id,
                                             today_iso(), app.rules)
        problems += found
        if record is None:
            continue
        if interview_id in app.records:
            if app.records[interview_id]["answers"] == record["answers"]:
                continue
            before[interview_id] = app.records[interview_id]
            updated.append(record)
        else:
            added.append(record)
    settle(app, added, updated, before, problems, where, left_out)


def settle(app, added, updated, before, problems, where, left_out=0):
    if updated and len(added) + len(updated) == 1 and where == "The shared link":
        app.pending = updated[0]
        view.notice("You already have this interview (\u201c%s\u201d). Update yours with the "
                    "shared answers, or keep both?"
                    % state.label(before[updated[0]["id"]]["answers"]),
                    [("take-shared", "Update mine"), ("keep-both", "Keep both")])
        return
    if added or updated:
        remember(app)
    saved = [store.keep(app, record) for record in
             added + [merge_update(before[r["id"]], r) for r in updated]]
    if added or updated:
        app.current = (added + updated)[0]["id"]
    view.refresh(app)
    text = took_in_words(where, added, updated, problems)
    if left_out:
        text += " %d more %s not added: %s" % (left_out, "was" if left_out == 1 else "were",
                                               LIST_FULL)
    if not all(saved):
        text += " " + store.STORAGE_FAILED
    view.notice(text, [("undo", "Undo")] if added or updated else [])


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


def take_shared(app):
    record = app.pending
    app.pending = None
    if record and record["id"] in app.records:
        settle(app, [], [record], {record["id"]: app.records[record["id"]]}, [], "The link")
    elif record:  # deleted meanwhile (in another tab): added instead
        take_in(app, [record], "The shared link")


def keep_both(app):
    record = app.pending
    app.pending = None
    if record:
        take_in(app, [dict(record, id=store.new_id())], "The shared link")
