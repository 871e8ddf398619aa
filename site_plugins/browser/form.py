"""The form: answers read from it and written into it, the fields only some answers need,
the choices' fields (drawn when opened), and the planner's problems shown at the field
they belong to."""
from pyscript import document

from followup import planview, publicdays, state, store
from followup.page import element


# Where each planner field is answered in the form, for its error message.
FIELD_IDS = {"interviewed": "fu-interviewed", "decision_by": "fu-decision-by",
             "decision_within": "fu-decision-n", "call_back_on": "fu-call-back-on",
             "call_back_within": "fu-call-back-n", "rejected_on": "fu-outcome-on",
             "offer_on": "fu-outcome-on", "next_interview": "fu-outcome-on",
             "holidays": "fu-holidays", "interviewers": "fu-interviewers",
             "company": "fu-company", "role": "fu-role", "country": "fu-country",
             "region": "fu-region", "public_holidays": "fu-country"}
LABELS = {"interviewed": "The interview date", "decision_by": "The decision date",
          "decision_within": "The number of days or weeks", "call_back_on": "The call-back date",
          "call_back_within": "The number of days or weeks", "rejected_on": "The day",
          "offer_on": "The day", "next_interview": "The day of the next interview",
          "holidays": "Each non-working date", "interviewers": "The list of names",
          "company": "The company", "role": "The role", "country": "The country",
          "region": "The region", "public_holidays": "The country's public holidays"}


def control_id(key):
    return "fu-" + key.replace("_", "-")


def read_answers(app):
    answers = {"choices": {}}
    for key in state.TEXT_FIELDS:  # clipped to what a saved answer may hold
        answers[key] = str(element(control_id(key)).value)[:state.MAX_TEXT]
    for key in state.FLAG_FIELDS:
        answers[key] = bool(element(control_id(key)).checked)
    if not choices_drawn():  # the reader has not opened them: as they were
        answers["choices"] = dict(store.current_record(app)["answers"]["choices"])
        return answers
    for disagreement in app.rules["disagreements"]:
        checked = document.querySelector('input[name="fu-choice-%s"]:checked'
                                         % disagreement["id"])
        answers["choices"][disagreement["id"]] = (str(checked.value) if checked else
                                                  disagreement["default"])
    return answers


def choices_drawn():
    return bool(element("fu-choices-fields").firstElementChild)


def draw_choices(app):
    """The choices' fields, drawn once opened (and again for another interview)."""
    record = store.current_record(app)
    if element("fu-choices").open and record is not None:
        element("fu-choices-fields").innerHTML = planview.choices_html(
            app.rules, record["answers"]["choices"])


def write_answers(answers, skip=()):
    """Put answers in the form, except in the fields named in `skip` (typed by the reader
    before the planner was ready)."""
    for key in state.TEXT_FIELDS:
        if control_id(key) not in skip:
            element(control_id(key)).value = answers[key]
    for key in state.FLAG_FIELDS:
        if control_id(key) not in skip:
            element(control_id(key)).checked = answers[key]
    if "fu-region" not in skip:
        show_regions(answers["region"])
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
    show_regions()
    asked = OUTCOME_DATES.get(str(element("fu-outcome").value))
    if asked:
        document.querySelector('label[for="fu-outcome-on"]').textContent = asked


def show_regions(wanted=None):
    """The region field offers the chosen country's regions, and only when it has some;
    a region chosen before (or `wanted`, from saved answers) stays chosen while the country
    does. Until the public holidays table is here (view.holidays_coming), the chosen region
    is kept as the only choice, hidden, so that reading the form keeps it."""
    country = str(element("fu-country").value)
    select = element("fu-region")
    table = publicdays.loaded() if country else None
    drawn_for = country if table or not country else ""  # "": draw again once it is here
    if str(select.getAttribute("data-country") or "") == drawn_for and wanted is None:
        return
    chosen = str(select.value) if wanted is None else wanted
    regions = publicdays.regions(table, country) if table else (
        [(chosen, chosen)] if country and chosen else [])
    select.innerHTML = '<option value="">The whole country</option>' + "".join(
        '<option value="%s">%s</option>' % (planview.escape(code), planview.escape(name))
        for code, name in regions)
    select.setAttribute("data-country", drawn_for)
    select.value = chosen if chosen in [code for code, _ in regions] else ""
    element("fu-region-row").hidden = not (table and regions)


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
        if element(field_id).closest("#fu-more-answers"):
            element("fu-more-answers").open = True
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
