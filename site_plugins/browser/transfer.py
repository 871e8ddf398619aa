"""Interviews in and out of the page: share links made and opened, export to a JSON file,
an import file read (interviews.take_in adds it), the calendar file, and copying text."""
import json

from pyscript import document, window
from pyscript.ffi import create_proxy, to_js

from followup import interviews, planner, planview, state, store, view
from followup.page import element, today


MAX_FRAGMENT = 20000     # characters of a share link's data: far more than any interview needs
MAX_IMPORT = 512 * 1024  # bytes of an import file
SHARE_PREFIXES = ("#interview=", "#answers=")  # this version's links, and the first's


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


def download_calendar(app):
    """A calendar file of what is still to do: ticked items left out."""
    shown = app.order if app.current == state.ALL else [app.current]
    results = [still_to_do(app.results[i], app.records[i]["ticked"])
               for i in shown if app.results.get(i)]
    if not [item for r in results for item in r["items"] if item["due"]
            and item["state"] in ("upcoming", "today", "overdue")]:
        view.notice("There is nothing left to put in your calendar for this plan.")
        return
    company = state.label(app.records[shown[0]]["answers"]) if len(shown) == 1 else "all"
    name = "interview-follow-up-%s.ics" % (planner.slug(company) or "interview")
    view.with_module(app, "ics", lambda ics: download(
        name, ics.to_ics(results, app.rules, today()), "text/calendar"))


def still_to_do(result, ticked):
    return dict(result, items=[item for item in result["items"] if item["id"] not in ticked])


def export_all(app):
    records = [app.records[i] for i in app.order]
    download("interview-follow-up.json", json.dumps(state.export_data(records)),
             "application/json")
    view.announce("Exported %d interview%s." % (len(records), "" if len(records) == 1 else "s"))


def share_link(app):
    record = store.current_record(app)
    if record is None:
        return
    data = state.percent_encoded(json.dumps(state.share_data(record)))
    url = str(window.location.href).split("#")[0] + SHARE_PREFIXES[0] + data
    element("fu-share-url").value = url
    copy_text(url)
    view.announce("Share link ready. It holds this interview's answers, names included; anyone "
                  "with it sees the same plan.")


def copy_without_names(app):
    record = store.current_record(app)
    if record is None:
        return
    result = app.results.get(record["id"])
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
        clipboard.writeText(text).then(create_proxy(lambda *_: view.announce("Copied.")),
                                       create_proxy(lambda *_: view.announce(
                                           "Copying was blocked; select the text and copy it.")))


def open_share_link(app):
    """A share link adds its interview beside the reader's own (or offers to update the
    same one)."""
    link = getattr(window, "followupLink", None)  # put there by browser/early.js, out of the address bar
    window.followupLink = None
    if not link:
        return
    if not isinstance(link, str):
        view.notice("The shared link could not be read: it is far too long to be one interview "
                    "(%d characters). Your own interviews are unchanged." % int(link.tooLong))
        return
    prefix = [p for p in SHARE_PREFIXES if link.startswith(p)]
    text, problem = state.percent_decoded(link[len(prefix[0]):], MAX_FRAGMENT)
    data, problem = store.parsed(text) if text is not None else (None, problem)
    shared, problem = state.shared_record(data) if data is not None else (None, problem)
    if shared is None:
        view.notice("The shared link could not be read: %s. Your own interviews are unchanged."
                    % problem)
        return
    interviews.take_in(app, [shared], "The shared link")


def import_file(app, event):
    files = event.target.files
    if not files or files.length == 0:
        return
    chosen = files.item(0)
    if chosen.size > MAX_IMPORT:
        event.target.value = ""
        view.notice("That file is too large to be a checklist export (%d KB; at most %d KB). "
                    "Nothing was changed." % (chosen.size // 1024, MAX_IMPORT // 1024))
        return
    reader = window.FileReader.new()

    def loaded(_):
        event.target.value = ""
        data, problem = store.parsed(str(reader.result))
        records, problem = state.imported_records(data) if data is not None else (None, problem)
        if records is None:
            view.notice("The file could not be imported: %s. Nothing was changed." % problem)
            return
        interviews.take_in(app, records, "The file")
    reader.onload = create_proxy(loaded)
    reader.readAsText(chosen)
