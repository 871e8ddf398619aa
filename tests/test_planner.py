"""The planner, table-driven with literal dates: situation in, exact plan out."""
from datetime import date
from pathlib import Path

import pytest

from site_plugins.browser import dates, planner
from site_plugins.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
RULES = load_rules(ROOT / "rules")
TODAY = date(2026, 11, 22)


def make_plan(today=TODAY, **situation):
    return planner.plan(RULES, situation, today)


def due_dates(**situation):
    """{item id: due date} for a plan, the shape most rows below compare against."""
    return {item["id"]: item["due"] for item in make_plan(**situation)["items"]}


def item(plan, item_id):
    return next(i for i in plan["items"] if i["id"] == item_id)


# An interview on Wednesday 18 November 2026, nothing stated: the whole default plan.
def test_the_default_plan_with_no_timeline():
    assert due_dates(interviewed="2026-11-18") == {
        "ask-next-step": "2026-11-18", "collect-business-cards": "2026-11-18",
        "ask-hr-for-names": "2026-11-18", "write-debrief": "2026-11-18",
        "save-contacts": "2026-11-18", "send-thank-you": "2026-11-18",
        "review-with-friend": "2026-11-19", "check-after-a-week": "2026-11-25",
        "second-check": "2026-12-02", "move-on": "2026-12-09", "keep-searching": None}


def test_items_are_in_date_order_with_ongoing_items_last():
    plan = make_plan(interviewed="2026-11-18")
    assert [i["id"] for i in plan["items"]][-1] == "keep-searching"
    dated = [i["due"] for i in plan["items"] if i["due"]]
    assert dated == sorted(dated)


@pytest.mark.parametrize("situation, expected", [
    # Stated timeline of 7 days from Mon 16 Nov: decision Mon 23, check day 8 or 9.
    (dict(interviewed="2026-11-16", decision_within="7d"),
     {"check-after-decision": ("2026-11-24", "2026-11-25"), "second-check": ("2026-12-01", None)}),
    # The same timeline in weeks.
    (dict(interviewed="2026-11-16", decision_within="1w"),
     {"check-after-decision": ("2026-11-24", "2026-11-25")}),
    # A decision date: the day after (Fri 11 Dec), at the latest Sat 12 -> Mon 14.
    (dict(interviewed="2026-11-16", decision_by="2026-12-10"),
     {"check-after-decision": ("2026-12-11", "2026-12-14"), "second-check": ("2026-12-18", None)}),
    # A requested call-back in three days: exactly that day, by phone, to the hiring contact.
    (dict(interviewed="2026-11-16", call_back_within="3d"),
     {"check-on-call-back": ("2026-11-19", None), "second-check": ("2026-11-30", None)}),
    # A call-back date on a Sunday moves to Monday.
    (dict(interviewed="2026-11-16", call_back_on="2026-11-22"),
     {"check-on-call-back": ("2026-11-23", None)}),
    # A call-back request wins over a stated decision timeline.
    (dict(interviewed="2026-11-16", call_back_on="2026-11-20", decision_within="2w"),
     {"check-on-call-back": ("2026-11-20", None)}),
])
def test_the_first_check_follows_what_the_employer_said(situation, expected):
    plan = make_plan(**situation)
    got = {i["id"]: (i["due"], i["latest"]) for i in plan["items"]}
    for item_id, dates in expected.items():
        assert got[item_id] == dates
    checks = [i["id"] for i in plan["items"] if i["step"] == "status-check"]
    assert checks == [next(iter(expected))]


def test_a_call_back_is_by_phone_to_the_person_who_asked():
    check = item(make_plan(interviewed="2026-11-16", call_back_within="3d"), "check-on-call-back")
    assert (check["to"], check["channel"]) == ("hiring-contact", "phone")


def test_an_interview_on_a_saturday_keeps_your_own_tasks_and_moves_the_employers():
    plan = make_plan(interviewed="2026-11-21")
    assert item(plan, "write-debrief")["due"] == "2026-11-21"
    assert item(plan, "ask-next-step")["due"] == "2026-11-21"  # it happens at the interview
    thanks = item(plan, "send-thank-you")
    assert (thanks["due"], thanks["moved_from"]) == ("2026-11-23", "2026-11-21")
    assert thanks["note"] == ("Moved from Sat 21 Nov 2026 (a weekend) to the next working day, "
                              "Mon 23 Nov 2026.")
    assert item(plan, "check-after-a-week")["due"] == "2026-11-30"


def test_holidays_across_the_year_end():
    dates = due_dates(interviewed="2026-12-18", holidays=["2026-12-25", "2027-01-01"])
    assert dates["check-after-a-week"] == "2026-12-28"  # Fri 25 Dec is a holiday
    assert dates["second-check"] == "2027-01-04"  # Fri 1 Jan, and a week after the first
    assert dates["move-on"] == "2027-01-11"


def test_a_holiday_note_names_a_non_working_day():
    plan = make_plan(interviewed="2026-12-18", holidays=["2026-12-25"])
    assert item(plan, "check-after-a-week")["note"] == (
        "Moved from Fri 25 Dec 2026 (a non-working day) to the next working day, Mon 28 Dec 2026.")


def test_month_end_and_leap_day():
    assert due_dates(interviewed="2026-01-30")["check-after-a-week"] == "2026-02-06"
    assert due_dates(interviewed="2028-02-22")["check-after-a-week"] == "2028-02-29"
    assert due_dates(interviewed="2028-02-28", decision_by="2028-02-29")[
        "check-after-decision"] == "2028-03-01"


@pytest.mark.parametrize("choice, item_id, field, value", [
    ("thank-you-timing=within-a-day", "send-thank-you", "due", "2026-11-19"),
    ("thank-you-timing=within-two-days", "send-thank-you", "latest", "2026-11-20"),
    ("no-timeline-wait=two-weeks", "check-after-a-week", "due", "2026-12-02"),
    ("follow-up-channel=phone", "check-after-a-week", "channel", "phone"),
    ("follow-up-channel=phone", "second-check", "channel", "phone"),
    ("status-contact=hiring-contact", "check-after-a-week", "to", "hiring-contact"),
    ("status-contact=hiring-contact", "second-check", "to", "hiring-contact"),
    ("note-medium=handwritten", "send-thank-you", "channel", "handwritten"),
    ("note-medium=printed", "send-thank-you", "channel", "printed"),
    ("note-medium=email-then-paper", "mail-paper-copy", "due", "2026-11-18"),
    ("linkedin-connect=connect", "connect-on-linkedin", "due", "2026-11-19"),
])
def test_each_position_that_changes_the_plan(choice, item_id, field, value):
    disagreement, position = choice.split("=")
    plan = make_plan(interviewed="2026-11-18", choices={disagreement: position})
    changed = item(plan, item_id)
    assert changed[field] == value
    assert {"disagreement": disagreement, "position": position} in changed["shaped_by"]
    default = {i["id"]: i for i in make_plan(interviewed="2026-11-18")["items"]}
    assert item_id not in default or default[item_id][field] != value


def test_the_second_check_keeps_a_week_after_a_later_first_check():
    dates = due_dates(interviewed="2026-11-18", choices={"no-timeline-wait": "two-weeks"})
    assert (dates["check-after-a-week"], dates["second-check"]) == ("2026-12-02", "2026-12-09")


def test_a_stated_date_waits_several_days_under_malones_view():
    plan = make_plan(interviewed="2026-11-16", decision_within="7d",
                     choices={"after-deadline-wait": "several-days"})
    check = item(plan, "check-after-decision")
    assert (check["due"], check["latest"]) == ("2026-11-26", "2026-11-30")
    assert "malone" in check["sources"]


def test_positions_with_no_effect_leave_the_plan_as_it_was():
    default = make_plan(interviewed="2026-11-18")
    for choices in ({"notes-weight": "courtesy"}, {"linkedin-connect": "look-up-only"}):
        assert make_plan(interviewed="2026-11-18", choices=choices) == default


def test_the_closing_note_after_a_rejection_takes_the_chosen_medium():
    plan = make_plan(interviewed="2026-11-18", rejected_on="2026-11-20",
                     choices={"note-medium": "printed"})
    assert item(plan, "closing-note")["channel"] == "printed"


def test_with_no_hr_department_the_checks_go_to_the_hiring_contact():
    plan = make_plan(interviewed="2026-11-18", hr=False)
    ids = [i["id"] for i in plan["items"]]
    assert "ask-hr-for-names" not in ids
    assert item(plan, "check-after-a-week")["to"] == "hiring-contact"
    assert item(plan, "second-check")["to"] == "hiring-contact"


def test_first_contact_through_linkedin_adds_a_linkedin_thank_you():
    plan = make_plan(interviewed="2026-11-18", via_linkedin=True)
    message = item(plan, "linkedin-message")
    assert (message["due"], message["channel"], message["sources"]) == (
        "2026-11-18", "linkedin", ["coon"])
    assert "linkedin-message" not in due_dates(interviewed="2026-11-18")


@pytest.mark.parametrize("rejected_on, kept, gone, feedback, note", [
    # Rejected on the interview day: no thanks, no checks, straight to feedback.
    ("2026-11-18", ["write-debrief", "review-with-friend"],
     ["send-thank-you", "check-after-a-week", "second-check", "move-on"],
     "2026-11-18", "2026-11-19"),
    # Rejected on the day of the first check: that check gives way too.
    ("2026-11-25", ["send-thank-you"], ["check-after-a-week", "second-check", "move-on"],
     "2026-11-25", "2026-11-26"),
    # Rejected after the first check, on a Friday: the closing note moves to Monday.
    ("2026-11-27", ["send-thank-you", "check-after-a-week"], ["second-check", "move-on"],
     "2026-11-27", "2026-11-30"),
    # Rejected on a Sunday after the move-on date: everything earlier stays.
    ("2026-12-20", ["second-check", "move-on"], [], "2026-12-21", "2026-12-21"),
])
def test_a_rejection_at_each_stage(rejected_on, kept, gone, feedback, note):
    dates = due_dates(interviewed="2026-11-18", rejected_on=rejected_on)
    assert all(item_id in dates for item_id in kept + ["keep-searching"])
    assert not [item_id for item_id in gone if item_id in dates]
    assert (dates["ask-feedback"], dates["closing-note"]) == (feedback, note)


def test_no_rejection_items_without_a_rejection():
    dates = due_dates(interviewed="2026-11-18")
    assert "ask-feedback" not in dates and "closing-note" not in dates


def test_one_thank_you_per_named_interviewer_with_stable_ids():
    plan = make_plan(interviewed="2026-11-18",
                     interviewers=["Ana Ruiz", " Zoë Ünal ", "李雷", "Ana Ruiz", ""])
    thanks = [i for i in plan["items"] if i["rule"] == "send-thank-you"]
    assert [(i["id"], i["name"]) for i in thanks] == [
        ("send-thank-you:ana-ruiz", "Ana Ruiz"), ("send-thank-you:zo-nal", "Zoë Ünal"),
        ("send-thank-you:674e-96f7", "李雷"), ("send-thank-you:ana-ruiz-2", "Ana Ruiz")]
    assert thanks[0]["title"] == "Send a thank-you note: Ana Ruiz"


def test_every_item_cites_known_sources_and_says_when():
    known = {source["id"] for source in RULES["sources"]}
    for each in make_plan(interviewed="2026-11-18", decision_within="2w")["items"]:
        assert each["sources"] and set(each["sources"]) <= known
        assert each["timing"]


def test_overdue_is_judged_against_today():
    plan = make_plan(interviewed="2026-11-18", today=date(2026, 11, 25))
    overdue = {i["id"]: i["overdue"] for i in plan["items"]}
    assert overdue["send-thank-you"] and not overdue["check-after-a-week"]
    assert not overdue["keep-searching"]


def test_an_interview_in_the_future_plans_ahead_with_a_warning():
    plan = make_plan(interviewed="2026-12-01")
    assert plan["warnings"] == [
        "The interview date 2026-12-01 is after today (2026-11-22): this plans ahead."]
    assert make_plan(interviewed="2026-11-22")["warnings"] == []


@pytest.mark.parametrize("situation, problem", [
    (dict(interviewed="2026-02-30"),
     ("interviewed", "2026-02-30", "is not a real date (use YYYY-MM-DD)")),
    (dict(interviewed="2027-02-29"),
     ("interviewed", "2027-02-29", "is not a real date (use YYYY-MM-DD)")),
    (dict(interviewed=""), ("interviewed", "", "is required (use YYYY-MM-DD)")),
    (dict(interviewed="18/11/2026"),
     ("interviewed", "18/11/2026", "is not a real date (use YYYY-MM-DD)")),
    (dict(interviewed="2026-11-18", decision_by="2026-11-17"),
     ("decision_by", "2026-11-17", "is before the interview (2026-11-18)")),
    (dict(interviewed="2026-11-18", call_back_on="2026-11-01"),
     ("call_back_on", "2026-11-01", "is before the interview (2026-11-18)")),
    (dict(interviewed="2026-11-18", rejected_on="2026-11-17"),
     ("rejected_on", "2026-11-17", "is before the interview (2026-11-18)")),
    (dict(interviewed="2026-11-18", decision_within="0d"),
     ("decision_within", "0d", "must be between 1 day and a year")),
    (dict(interviewed="2026-11-18", call_back_within="53w"),
     ("call_back_within", "53w", "must be between 1 day and a year")),
    (dict(interviewed="2026-11-18", decision_within="soon"),
     ("decision_within", "soon", "must be a number of days or weeks, like 10d or 2w")),
    (dict(interviewed="2026-11-18", decision_within="-3d"),
     ("decision_within", "-3d", "must be a number of days or weeks, like 10d or 2w")),
    (dict(interviewed="2026-11-18", decision_by="2026-11-30", decision_within="2w"),
     ("decision_within", "2w", "cannot be given together with decision_by")),
    (dict(interviewed="2026-11-18", choices={"note-medium": "fax"}),
     ("choices", "note-medium=fax",
      "is not a position (known: email, handwritten, printed, email-then-paper)")),
    (dict(interviewed="9999-12-31"),
     ("interviewed", "9999-12-31", "must be between the years 1900 and 9000")),
    (dict(interviewed="2026-11-18", rejected_on="2027-11-19"),
     ("rejected_on", "2027-11-19", "is more than a year after the interview")),
    (dict(interviewed="2026-11-18", decision_by="9999-12-31"),
     ("decision_by", "9999-12-31", "must be between the years 1900 and 9000")),
    (dict(interviewed="2026-11-18", holidays=["2026-13-01"]),
     ("holidays", "2026-13-01", "is not a real date (use YYYY-MM-DD)")),
])
def test_bad_input_names_the_field_and_value(situation, problem):
    with pytest.raises(planner.PlanError) as raised:
        make_plan(**situation)
    assert raised.value.problems == [problem]


def test_an_unknown_disagreement_is_named():
    with pytest.raises(planner.PlanError) as raised:
        make_plan(interviewed="2026-11-18", choices={"dress-code": "suit"})
    field, value, message = raised.value.problems[0]
    assert (field, value) == ("choices", "dress-code")
    assert message.startswith("is not a disagreement (known: note-medium, ")


@pytest.mark.parametrize("day, label", [
    ("2026-11-21", "yesterday"), ("2026-11-22", "today"), ("2026-11-23", "tomorrow"),
    ("2026-11-24", "Tue 24 Nov"), ("2027-01-04", "Mon 4 Jan 2027"),
])
def test_relative_labels(day, label):
    assert dates.relative_label(dates.parse_date(day), TODAY) == label
