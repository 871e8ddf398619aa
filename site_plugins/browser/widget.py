# The checklist widget: runs in the reader's browser under PyScript's MicroPython.
# It reads the form, asks the planner for a plan, and draws it; all policy lives in
# planner.py, all markup in planview.py / timeline.py, and answers never leave the browser.
# The page starts it with `widget.start()`.
import json
from datetime import date

from pyscript import document, window
from pyscript.ffi import create_proxy, to_js

from followup import dates, drafts, ics, planner, planview, state, timeline

RULES = json.load(open("rules.json"))
FIELD_IDS = {"interviewed": "fu-interviewed", "decision_by": "fu-decision-by",
             "decision_within": "fu-decision-n", "call_back_on": "fu-call-back-on",
             "call_back_within": "fu-call-back-n", "rejected_on": "fu-rejected-on",
             "holidays": "fu-holidays"}
current = {"answers": None, "ticked": [], "result": None, "situation": None}


def element(element_id):
    return document.getElementById(element_id)


def today():
    now = window.Date.new()
    return date(now.getFullYear(), now.getMonth() + 1, now.getDate())


# --- form <-> answers -------------------------------------------------------------

def read_answers():
    answers = {"choices": {}}
    for key in state.TEXT_FIELDS:
        answers[key] = str(element("fu-" + key.replace("_", "-")).value)
    for key in state.FLAG_FIELDS:
        answers[key] = bool(element("fu-" + key.replace("_", "-")).checked)
    for disagreement in RULES["disagreements"]:
        answers["choices"][disagreement["id"]] = str(element("fu-choice-" + disagreement["id"]).value)
    return answers


def write_answers(answers):
    for key in state.TEXT_FIELDS:
        element("fu-" + key.replace("_", "-")).value = answers[key]
    for key in state.FLAG_FIELDS:
        element("fu-" + key.replace("_", "-")).checked = answers[key]
    for disagreement in RULES["disagreements"]:
        chosen = answers["choices"].get(disagreement["id"], disagreement["default"])
        ids = [p["id"] for p in disagreement["positions"]]
        element("fu-choice-" + disagreement["id"]).value = (
            chosen if chosen in ids else disagreement["default"])
    show_conditional_fields()


def show_conditional_fields():
    """Show only the inputs that the chosen options need."""
    timeline_kind = element("fu-timeline").value
    element("fu-decision-by-row").hidden = timeline_kind != "by"
    element("fu-decision-within-row").hidden = timeline_kind != "within"
    call_back = element("fu-call-back").value
    element("fu-call-back-on-row").hidden = call_back != "on"
    element("fu-call-back-within-row").hidden = call_back != "within"
    element("fu-rejected-on-row").hidden = element("fu-outcome").value != "rejected"


# --- errors -----------------------------------------------------------------------

def clear_errors():
    for field_id in FIELD_IDS.values():
        control = element(field_id)
        control.removeAttribute("aria-invalid")
        message = element(field_id + "-error")
        message.textContent = ""
        message.hidden = True


def show_errors(problems):
    clear_errors()
    for field, value, message in problems:
        field_id = FIELD_IDS.get(field)
        if field == "choices":
            field_id = "fu-choice-" + str(value).split("=")[0]
            if not element(field_id):
                continue
            element(field_id).setAttribute("aria-invalid", "true")
            continue
        element(field_id).setAttribute("aria-invalid", "true")
        note = element(field_id + "-error")
        note.textContent = LABELS.get(field, field) + " " + message + "."
        note.hidden = False
    announce("Please check the highlighted answer; your previous plan is kept.")


LABELS = {"interviewed": "The interview date", "decision_by": "The decision date",
          "decision_within": "The number of days or weeks", "call_back_on": "The call-back date",
          "call_back_within": "The number of days or weeks", "rejected_on": "The rejection date",
          "holidays": "Each non-working date"}


# --- drawing ----------------------------------------------------------------------

def announce(text):
    element("fu-status").textContent = text


def draw(result, answers):
    day = today()
    element("fu-plan").innerHTML = planview.plan_html(result, day, current["ticked"])
    element("fu-timeline-picture").innerHTML = timeline.timeline_svg(
        result["items"], answers["interviewed"], "widget-tl")
    element("fu-warnings").textContent = " ".join(result["warnings"])
    element("fu-drafts").innerHTML = planview.drafts_html(drafts.drafts(answers, result),
                                                          uri_encode)
    element("fu-plan-intro").textContent = (
        "Your plan, worked out in your browser from your answers above.")
    upcoming = [i for i in result["items"] if i["due"] and not i["overdue"]
                and i["id"] not in current["ticked"]]
    message = "Plan updated: %d steps." % len(result["items"])
    if upcoming:
        message += " Next: %s, %s." % (dates.relative_label(
            dates.parse_date(upcoming[0]["due"]), day), upcoming[0]["title"])
    announce(message)


def uri_encode(text):
    return str(window.encodeURIComponent(text))


# --- the cycle: answers -> plan -> page -> storage ---------------------------------

def replan(answers):
    """Plan from answers; on bad input keep the previous plan and mark the fields."""
    situation, problems = state.situation(answers)
    result = None
    if not problems:
        try:
            result = planner.plan(RULES, situation, today())
        except planner.PlanError as error:
            problems = error.problems
    if problems:
        show_errors(problems)
        return False
    clear_errors()
    current.update({"answers": answers, "result": result, "situation": situation})
    draw(result, answers)
    save()
    return True


def save():
    window.localStorage.setItem(state.STORAGE_KEY, json.dumps(
        state.saved(current["answers"], current["ticked"])))


def on_form_change(event):
    show_conditional_fields()
    replan(read_answers())


def on_tick(event):
    target = event.target
    if not target.classList.contains("fu-tick"):
        return
    item_id = str(target.getAttribute("data-id"))
    ticked = [t for t in current["ticked"] if t != item_id]
    if target.checked:
        ticked.append(item_id)
    current["ticked"] = ticked
    row = target.closest("li")
    if target.checked:
        row.classList.remove("fu-is-overdue")
    save()


def on_click(event):
    target = event.target.closest("button")
    if not target:
        return
    action = str(target.getAttribute("data-action") or "")
    copy_from = target.getAttribute("data-copy")
    if copy_from:
        copy_text(str(element(copy_from).value))
    elif action in ACTIONS:
        ACTIONS[action]()


# --- actions ----------------------------------------------------------------------

def start_again():
    window.localStorage.removeItem(state.STORAGE_KEY)
    window.history.replaceState(None, "", window.location.pathname)
    current["ticked"] = []
    answers = state.default_answers(dates.iso(today()))
    write_answers(answers)
    element("fu-share-url").value = ""
    replan(answers)
    announce("Started again: your answers and ticks are cleared.")


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
    if current["result"]:
        download("interview-follow-up.ics",
                 ics.to_ics(current["result"], current["situation"], today()),
                 "text/calendar")


def export_answers():
    download("interview-follow-up.json", json.dumps(
        state.saved(current["answers"], current["ticked"])), "application/json")


def share_link():
    data = json.dumps({"version": state.VERSION, "answers": current["answers"]})
    url = str(window.location.href).split("#")[0] + "#answers=" + str(
        window.encodeURIComponent(data))
    element("fu-share-url").value = url
    copy_text(url)
    announce("Share link ready. It holds your answers, names included; anyone with it "
             "sees the same plan.")


def copy_without_names():
    situation = dict(current["situation"])
    situation["interviewers"] = ["Interviewer %d" % (n + 1)
                                 for n in range(len(situation["interviewers"]))]
    result = planner.plan(RULES, situation, today())
    text = planview.plan_text(result, today())
    element("fu-plain-plan").value = text
    element("fu-plain-plan-row").hidden = False
    copy_text(text)


def copy_text(text):
    clipboard = window.navigator.clipboard
    if clipboard:
        clipboard.writeText(text).then(create_proxy(lambda *_: announce("Copied.")),
                                       create_proxy(lambda *_: announce(
                                           "Copying was blocked; select the text and copy it.")))


def import_answers(event):
    files = event.target.files
    if not files or files.length == 0:
        return
    reader = window.FileReader.new()

    def loaded(_):
        apply_saved_text(str(reader.result), "The file could not be used")
        event.target.value = ""
    reader.onload = create_proxy(loaded)
    reader.readAsText(files.item(0))


def apply_saved_text(text, failure):
    """Restore answers and ticks from JSON text; on anything wrong, say so and keep all."""
    try:
        data = json.loads(text)
    except ValueError:
        announce_notice(failure + ": it is not valid JSON. Nothing was changed.")
        return False
    answers, ticked, problem = state.checked_state(data, dates.iso(today()))
    if problem:
        announce_notice(failure + ": " + problem + ". Nothing was changed.")
        return False
    previous = (current["answers"], current["ticked"])
    current["ticked"] = ticked
    write_answers(answers)
    if not replan(answers):
        current["ticked"] = previous[1]
        if previous[0]:
            write_answers(previous[0])
        announce_notice(failure + ": its answers are not valid. Nothing was changed.")
        return False
    return True


def announce_notice(text):
    element("fu-notice").textContent = text
    element("fu-notice").hidden = False
    announce(text)


ACTIONS = {"start-again": start_again, "calendar": download_calendar,
           "export": export_answers, "share": share_link,
           "copy-plain": copy_without_names}


# --- start ------------------------------------------------------------------------

def restore():
    """Shared link first, then what this browser saved, then today's defaults."""
    fragment = str(window.location.hash)
    if fragment.startswith("#answers="):
        text = str(window.decodeURIComponent(fragment[len("#answers="):]))
        if apply_saved_text(text, "The shared link could not be read"):
            return
    saved_text = window.localStorage.getItem(state.STORAGE_KEY)
    if saved_text and apply_saved_text(str(saved_text), "Your saved checklist could not be read"):
        return
    current["ticked"] = []
    answers = state.default_answers(dates.iso(today()))
    write_answers(answers)
    replan(answers)


def listen(element_id, kind, handler):
    element(element_id).addEventListener(kind, create_proxy(handler))


def start():
    listen("fu-form", "input", on_form_change)
    listen("fu-form", "change", on_form_change)
    listen("fu-plan", "change", on_tick)
    listen("fu-toolbar", "click", on_click)
    listen("fu-drafts", "click", on_click)
    listen("fu-import", "change", import_answers)
    restore()
    element("fu-form-fields").disabled = False
    element("fu-form").setAttribute("data-ready", "true")
    window.performance.mark("followup-ready")  # the benchmark's "live plan" moment
