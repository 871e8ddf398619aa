"""Interviews in and out of the page: share links made and opened, export to a JSON file,
an import file read (interviews.take_in adds it), the calendar file, and copying text."""
import json

from pyscript import document, window
from pyscript.ffi import create_proxy, to_js

from followup import interviews, keeping, planner, planview, state, store, view
from followup.page import element, today


MAX_FRAGMENT = 20000     # characters of a link's data: far more than any interview needs
MAX_IMPORT = 512 * 1024  # bytes of an import file
SHARE_PREFIXES = ("#interview=", "#answers=")  # this version's links, and the first's
RESTORE_PREFIX = "#restore="  # a calendar event's link back: answers and ticks
MAX_NAME = 60            # characters of a download's name, before its extension


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
    """A calendar file of what is still to do (what is done is left out), each event
    with the link that brings its interview back (restore_link)."""
    shown = [i for i in (app.order if app.current == state.ALL else [app.current])
             if app.results.get(i)]
    results = [app.results[i] for i in shown]
    if not [item for r in results for item in r["items"] if item["due"]
            and item["state"] in ("upcoming", "today", "overdue")]:
        view.notice("There is nothing left to put in your calendar for this plan.")
        return
    company = state.label(app.records[shown[0]]["answers"]) if len(shown) == 1 else "all"
    name = "interview-follow-up-%s.ics" % file_part(company)
    links = [restore_link(app.records[i]) for i in shown]
    view.with_module(app, "ics", lambda ics: download(
        name, ics.to_ics(results, app.rules, today(), links, view.minutes_now()), "text/calendar"))
    keeping.backed_up(app)


def file_part(words):
    """Words as part of a file name that every system takes: ASCII letters, digits and
    hyphens, at most MAX_NAME characters."""
    return planner.slug(words)[:MAX_NAME].strip("-") or "interview"


def restore_link(record):
    """This page's address with the interview's answers and the reader's ticks in the
    fragment (never sent to the server): opened in any browser, it brings the plan back."""
    data = state.percent_encoded(json.dumps(state.restore_data(record)))
    return page_address() + RESTORE_PREFIX + data


def page_address():
    return str(window.location.href).split("#")[0]


def export_all(app):
    records = [app.records[i] for i in app.order]
    download("interview-follow-up.json", json.dumps(state.export_data(records)),
             "application/json")
    keeping.backed_up(app)
    view.announce("Exported %d interview%s." % (len(records), "" if len(records) == 1 else "s"))


ONE_ONLY = ("A share link holds one interview's answers: choose that interview in the list "
            "above, then press \u201cCopy a share link\u201d.")


def share_link(app):
    """The interview's answers as a link, copied and shown (the focus goes to it); in
    "All my interviews" the reader is told to choose one, and the focus goes to the list."""
    if app.current == state.ALL:
        view.notice(ONE_ONLY)
        element("fu-which").focus()
        return
    record = store.current_record(app)
    if record is None:
        return
    data = state.percent_encoded(json.dumps(state.share_data(record)))
    url = page_address() + SHARE_PREFIXES[0] + data
    element("fu-share-url").value = url
    element("fu-share-url").focus()
    element("fu-share-url").select()
    copy_text(url)
    view.announce("Share link ready. It holds this interview's answers, names included; anyone "
                  "with it sees the same plan.")


def copy_without_names(app):
    """The plan as text with stand-ins for the interviewers' names and no employer,
    copied and shown (the focus goes to it); every interview's, numbered, in "All my
    interviews"."""
    shown = app.order if app.current == state.ALL else [app.current]
    results = [app.results.get(i) for i in shown if app.results.get(i)]
    if not results:
        return
    texts = [plain_text(result) for result in results]
    text = texts[0] if len(texts) == 1 else "\n".join(
        "INTERVIEW %d\n\n%s" % (number + 1, words) for number, words in enumerate(texts))
    element("fu-plain-plan").value = text
    element("fu-plain-plan-row").hidden = False
    element("fu-plain-plan").focus()
    copy_text(text)


def plain_text(result):
    names = [item["name"] for item in result["items"] if item["name"]]
    aliases = dict((name, "Interviewer %d" % (names.index(name) + 1)) for name in names)
    return planview.plan_text(result, today(), aliases=aliases)


def copy_text(text, button=None):
    """Copy to the clipboard and say so, on the button pressed too (the status line may
    be screens away on a phone)."""
    clipboard = window.navigator.clipboard
    if clipboard:
        clipboard.writeText(text).then(create_proxy(lambda *_: copied(button, "Copied.")),
                                       create_proxy(lambda *_: copied(
                                           button, "Copying was blocked; select the text and "
                                           "copy it.")))


def copied(button, words):
    view.announce(words)
    if button is not None:
        before = str(button.textContent)
        button.textContent = "Copied" if words == "Copied." else "Not copied"
        window.setTimeout(create_proxy(lambda *_: _say_again(button, before)), 2500)


def _say_again(button, words):
    button.textContent = words


def open_share_link(app):
    """A share link adds its interview beside the reader's own (or offers to update the
    same one); so does a restore link, with the reader's ticks."""
    link = getattr(window, "followupLink", None)  # put there by browser/early.js, out of the address bar
    window.followupLink = None
    if not link:
        return
    restoring = isinstance(link, str) and link.startswith(RESTORE_PREFIX)
    where = "The link from your calendar" if restoring else "The shared link"
    if not isinstance(link, str):
        view.notice("The link could not be read: it is far too long to be one interview "
                    "(%d characters). Your own interviews are unchanged." % int(link.tooLong))
        return
    record, problem = linked_record(link[link.index("=") + 1:], restoring)
    if record is None:
        view.notice("%s could not be read: %s. Your own interviews are unchanged."
                    % (where, problem))
        return
    interviews.take_in(app, [record], where)


def linked_record(fragment, restoring):
    """(interview, None) from a link's data, or (None, why)."""
    text, problem = state.percent_decoded(fragment, MAX_FRAGMENT)
    data, problem = store.parsed(text) if text is not None else (None, problem)
    if data is None:
        return None, problem
    return state.restored_record(data) if restoring else state.shared_record(data)


def import_file(app, event):
    files = event.target.files
    if not files or files.length == 0:
        return
    chosen = files.item(0)
    if chosen.size > MAX_IMPORT:
        event.target.value = ""
        view.notice("That file is too large to be a checklist export (%d KB; at most %d KB). "
                    "Nothing was changed." % (chosen.size // 1024, MAX_IMPORT // 1024))
        focus_after_import()
        return
    reader = window.FileReader.new()

    def loaded(_):
        event.target.value = ""
        text = str(reader.result)
        if text.lstrip("\ufeff").startswith("BEGIN:VCALENDAR"):
            view.with_module(app, "ics", lambda ics: import_calendar(app, ics, text))
            return
        data, problem = store.parsed(text)
        records, problem = state.imported_records(data) if data is not None else (None, problem)
        if records is None:
            view.notice("The file could not be imported: %s. Nothing was changed." % problem)
        else:
            interviews.take_in(app, records, "The file")
        focus_after_import()
    reader.onload = create_proxy(loaded)
    reader.readAsText(chosen)


def import_calendar(app, ics, text):
    """A calendar file this checklist made brings back the interviews its events link to."""
    records, problems = [], []
    for link in ics.links_in(text, RESTORE_PREFIX)[:state.MAX_INTERVIEWS]:
        record, problem = linked_record(link[link.index(RESTORE_PREFIX) + len(RESTORE_PREFIX):],
                                        True)
        if record is None:
            problems.append(problem)
        else:
            records.append(record)
    if not records:
        view.notice("The calendar file could not be imported: %s. Nothing was changed." % (
            problems[0] if problems else "it holds no plan made by this checklist"))
    else:
        interviews.take_in(app, records, "The calendar file")
    focus_after_import()


def focus_after_import():
    """The file chooser (hidden behind its label) still has the focus: it goes to what
    the page now says about the file, unless a notice's button has taken it."""
    if str(document.activeElement.id if document.activeElement else "") == "fu-import" \
            and not element("fu-notice").hidden:
        element("fu-notice").setAttribute("tabindex", "-1")
        element("fu-notice").focus()
