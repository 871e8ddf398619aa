"""Whether this browser will keep the reader's data, said plainly on the page: the browser
is asked to keep it (navigator.storage.persist) when the reader first saves something;
until it agrees, a backup is offered beside the calendar button once, then again when a
week has passed since the last backup; and a checklist that starts with nothing saved
says how to bring a plan back from a calendar entry or a backup."""
from pyscript import window
from pyscript.ffi import create_proxy

from followup import state, store
from followup.page import element, today_iso

HERE = "Your checklist is saved in this browser, on this device only; nothing is sent anywhere."
KEPT = " This browser has agreed to keep it."
NOT_KEPT = (" This browser has not promised to keep it (Safari clears a site's data after 7 "
            "days without a visit), so keep a backup: a backup file, or the calendar file, "
            "whose every entry links back to your plan.")
NOTHING_SAVED = ("Nothing was saved in this browser. If you made a plan here before, the "
                 "browser has cleared it: open the link in any of its calendar entries, or "
                 "import your backup or calendar file (under \u201cShare, copy, import or "
                 "start again\u201d), to bring it back. ")
OFFER = ('<button type="button" class="md-button" data-action="export">Save a backup file'
         '</button><button type="button" class="md-button" data-action="calendar">Add to '
         'calendar (.ics)</button><button type="button" class="md-button" '
         'data-action="backup-later">Not now</button>')


def start(app, nothing_saved):
    """Say where the data lives, and whether the browser has already agreed to keep it."""
    app.nothing_saved = nothing_saved
    storage = getattr(window.navigator, "storage", None)
    if storage is not None and getattr(storage, "persisted", None) is not None:
        storage.persisted().then(create_proxy(lambda kept: _answered(app, kept)))
    say(app)


def ask(app):
    """The reader saved something: ask the browser, once, to keep it (and no longer say
    that nothing is saved here)."""
    if app.nothing_saved:
        app.nothing_saved = False
        say(app)
    if app.kept is not None:
        return
    app.kept = False
    storage = getattr(window.navigator, "storage", None)
    if storage is not None and getattr(storage, "persist", None) is not None:
        storage.persist().then(create_proxy(lambda kept: _answered(app, kept)))
    offer_backup(app)


def _answered(app, kept):
    app.kept = bool(kept)
    say(app)


def say(app):
    element("fu-kept-text").textContent = (NOTHING_SAVED if app.nothing_saved else "") + \
        HERE + (KEPT if app.kept else NOT_KEPT)
    element("fu-kept").hidden = False


def offer_backup(app):
    """Offer a backup beside the calendar button when one is due (never when the browser
    keeps the data), and remember the day it was offered."""
    if app.kept or not _has_own_data(app):
        return
    meta = _meta()
    if not state.backup_due(meta, today_iso()):
        return
    element("fu-kept-actions").innerHTML = OFFER
    meta["offered"] = today_iso()
    store.store(app, state.META_KEY, meta)


def backed_up(app):
    """A backup or calendar file was saved: no offer until a week from today."""
    meta = _meta()
    meta["backup"] = today_iso()
    store.store(app, state.META_KEY, meta)
    later(app)


def later(app):
    element("fu-kept-actions").innerHTML = ""


def _meta():
    return state.checked_meta(store.parsed(store.stored(state.META_KEY) or "null")[0])


def _has_own_data(app):
    """Anything the reader made: a name, a role, a company, a tick or a draft."""
    return not all(state.untouched(record) for record in app.records.values())
