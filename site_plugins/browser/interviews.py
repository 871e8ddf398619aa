"""The interviews' operations: add, delete, start again, undo, and taking interviews in
from a share link or an import file (added beside the reader's own, or updating one they
already have: "update mine" or "keep both")."""
from followup import edits, keeping, state, store, view
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
    """Ask first, with "Keep it" focused: a second press of Enter never deletes."""
    record = store.current_record(app)
    if record is None or app.current == state.ALL:
        return
    app.deleting = record["id"]
    view.notice("Delete \u201c%s\u201d? Its answers, ticks and drafts go from this browser."
                % state.label(record["answers"]),
                [("delete-confirmed", "Delete it"), ("keep-everything", "Keep it")],
                focus="keep-everything")


def delete_confirmed(app):
    """Delete the interview the reader confirmed (with undo); focus goes to the list,
    which now shows the interview left in its place."""
    interview_id, app.deleting = app.deleting, None
    record = app.records.get(interview_id)
    if record is None:  # gone meanwhile (another tab)
        view.clear_notice()
        return
    remember(app)
    forget(app, interview_id)
    view.refresh(app)
    view.notice("Deleted \u201c%s\u201d." % state.label(record["answers"]), [("undo", "Undo")])
    element("fu-which").focus()


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
                [("clear-everything", "Clear everything"), ("keep-everything", "Keep them")],
                focus="keep-everything")


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
    seen = []
    for entry in entries:
        incoming_id = entry.get("id")
        if len(added) >= room and not (isinstance(incoming_id, str)
                                       and incoming_id in app.records):
            left_out += 1  # no room: not even checked
            continue
        # an id this file already used, or none usable: kept as an interview of its own
        usable = state.usable_id(incoming_id) and incoming_id not in seen
        interview_id = incoming_id if usable else store.new_id()
        seen.append(interview_id)
        record, found = state.checked_record(dict(entry, version=state.VERSION), interview_id,
                                             today_iso(), app.rules)
        problems += found
        if record is None:
            continue
        if interview_id in app.records:
            if edits.nothing_new(app.records[interview_id], record):
                continue
            before[interview_id] = app.records[interview_id]
            updated.append(record)
        else:
            added.append(record)
    settle(app, added, updated, before, problems, where, left_out)


def settle(app, added, updated, before, problems, where, left_out=0, asked=False):
    """Keep what came in, with undo; a link that would change one of the reader's
    interviews asks first ("update mine" or "keep both")."""
    if updated and len(added) + len(updated) == 1 and where.endswith("link") and not asked:
        app.pending = updated[0]
        view.notice("You already have this interview (\u201c%s\u201d). Update yours with the "
                    "shared answers, or keep both?"
                    % state.label(before[updated[0]["id"]]["answers"]),
                    [("take-shared", "Update mine"), ("keep-both", "Keep both")])
        return
    if added or updated:
        remember(app)
    blank = app.order[0] if len(app.order) == 1 and state.untouched(
        app.records[app.order[0]]) else None
    saved = [store.keep(app, record) for record in
             added + [merge_update(before[r["id"]], r) for r in updated]]
    if added and blank:  # the empty interview the page made stands in for nothing
        forget(app, blank)
    if added or updated:
        app.current = (added + updated)[0]["id"]
    view.refresh(app)
    text = took_in_words(where, added, updated, problems,
                         len(app.order) > len(added) + len(updated))
    if left_out:
        text += " %d more %s not added: %s" % (left_out, "was" if left_out == 1 else "were",
                                               LIST_FULL)
    if not all(saved):
        text += " " + store.STORAGE_FAILED
    view.notice(text, [("undo", "Undo")] if added or updated else [])
    if added or updated:
        keeping.ask(app)


def merge_update(old, new):
    """An update from outside takes the new answers; the reader's ticks are the ones
    they had and the ones it brings (a restore link's), their own drafts stay."""
    return edits.merged_record(old, new)


def took_in_words(where, added, updated, problems, others=True):
    said = []
    for verb, records in (("added", added), ("updated", updated)):
        if records:
            named = ", ".join("\u201c%s\u201d" % state.label(r["answers"]) for r in records[:5])
            said.append("%s %s%s" % (verb, named, " and %d more" % (len(records) - 5)
                                     if len(records) > 5 else ""))
    text = where + ": " + ("; ".join(said) if said else "nothing new") + (
        ". Your other interviews are kept." if others else ".")
    if problems:
        text += " Some answers could not be used and were left at their defaults: " + \
            "; ".join(problems[:5]) + "."
    return text


def take_shared(app):
    record = app.pending
    app.pending = None
    if record and record["id"] in app.records:
        settle(app, [], [record], {record["id"]: app.records[record["id"]]}, [], "The link",
               asked=True)
    elif record:  # deleted meanwhile (in another tab): added instead
        take_in(app, [record], "The shared link")


def keep_both(app):
    record = app.pending
    app.pending = None
    if record:
        take_in(app, [dict(record, id=store.new_id())], "The shared link")
