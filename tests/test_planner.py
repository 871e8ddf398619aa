"""The planner's mechanisms, table-driven with literal dates, on a tiny rule base of its
own (tests/fixture_rules): situation and today in, exact plan out. The guide's real
plans are checked in tests/test_real_plans.py."""
from datetime import date
from pathlib import Path

import icalendar
import pytest

from site_plugins.browser import dates, ics, planner
from site_plugins.rules import load_rules

RULES = load_rules(Path(__file__).parent / "fixture_rules")
STATED = {"interviewed": "2026-11-16", "decision_within": "7d",  # Mon 16 Nov; decides 23rd
          "interviewers": ["Ana", "Bo"]}


def make_plan(today="2026-11-16", **situation):
    return planner.plan(RULES, situation, dates.parse_date(today))


def rows(result, *keys):
    """{item id: (each key's value)} for a plan."""
    return {item["id"]: tuple(item[key] for key in keys) for item in result["items"]}


def test_every_item_is_dated_from_what_the_employer_said():
    assert rows(make_plan(**STATED), "due", "latest", "useful_until") == {
        "ask": ("2026-11-16", None, "2026-11-16"),
        "notes": ("2026-11-16", None, "2026-11-17"),
        "thank:ana": ("2026-11-16", "2026-11-17", "2026-11-23"),
        "thank:bo": ("2026-11-16", "2026-11-17", "2026-11-23"),
        "check-stated": ("2026-11-24", "2026-11-25", "2026-11-30"),
        "again": ("2026-12-01", None, None),  # 14 days after, raised to 7 after the check
        "keep-looking": (None, None, None)}


@pytest.mark.parametrize("today, states, following", [
    # On the day: everything is due now or coming; first, ask before leaving.
    ("2026-11-16", {"ask": "today", "notes": "today", "thank:ana": "today",
                    "check-stated": "upcoming", "again": "upcoming"}, "ask"),
    # A week later: what belonged to the interview day is missed; the thanks are late
    # but still worth sending, and come first.
    ("2026-11-23", {"ask": "missed", "notes": "missed", "thank:ana": "overdue",
                    "check-stated": "upcoming", "again": "upcoming"}, "thank:ana"),
    # In the check's window of days.
    ("2026-11-25", {"thank:ana": "missed", "check-stated": "today"}, "check-stated"),
    # Three weeks later: only the second check is still worth doing, and it is next.
    ("2026-12-07", {"ask": "missed", "thank:bo": "missed", "check-stated": "missed",
                    "again": "overdue", "keep-looking": "ongoing"}, "again"),
])
def test_each_item_has_a_state_and_the_plan_names_what_is_next(today, states, following):
    result = make_plan(today, **STATED)
    got = rows(result, "state")
    assert {item_id: got[item_id][0] for item_id in states} == states
    assert result["next"] == following


def test_ticked_items_are_skipped_when_choosing_what_is_next():
    result = make_plan("2026-11-23", **STATED)
    assert planner.with_done(result, {"thank:ana": "2026-11-16"})["next"] == "thank:bo"
    both = planner.with_done(result, {"thank:ana": "", "thank:bo": "2026-11-17"})
    assert both["next"] == "check-stated"


@pytest.mark.parametrize("today, states, left", [
    # A week on: the thank-you ticked on the day is done; Bo's, not ticked, is overdue.
    ("2026-11-23", {"thank:ana": "done", "thank:bo": "overdue", "check-stated": "done",
                    "again": "upcoming"}, ["thank:bo", "again", "keep-looking"]),
    # Three weeks on: what was done stays done; only what was not done is missed.
    ("2026-12-07", {"thank:ana": "done", "thank:bo": "missed", "check-stated": "done",
                    "again": "overdue"}, ["again", "keep-looking"]),
])
def test_a_done_item_is_done_on_every_later_day_never_missed_or_overdue(today, states, left):
    done = {"thank:ana": "2026-11-16", "check-stated": "2026-11-20"}
    result = planner.with_done(make_plan(today, **STATED), done)
    got = rows(result, "state")
    assert {item_id: got[item_id][0] for item_id in states} == states
    assert [item.get("done_on") for item in result["items"] if item["state"] == "done"] == [
        "2026-11-16", "2026-11-20"]
    assert [item["id"] for item in planner.steps_to_do(result["items"])] == left


def test_a_window_that_moves_past_a_weekend_is_still_said_as_written():
    result = make_plan(interviewed="2026-11-20", interviewers=["Ana"])  # a Friday
    thank = rows(result, "due", "latest", "moved_from", "timing")["thank:ana"]
    assert thank == ("2026-11-20", "2026-11-23", None, "on the interview day or up to 1 day after")


def test_a_floor_that_moves_a_step_is_what_its_label_says():
    again = rows(make_plan(**STATED), "timing")["again"]
    assert again == ("7 days after the first check",)
    unfloored = rows(make_plan(interviewed="2026-11-16"), "due", "timing")["again"]
    assert unfloored == ("2026-11-30", "14 days after the interview")


@pytest.mark.parametrize("answer, kept, dropped", [
    # Turned down on Fri 20 Nov: the checks give way; the closing note moves off Saturday.
    ({"rejected_on": "2026-11-20"}, {"thank:ana": "2026-11-16", "closing": "2026-11-23"},
     {"check-stated": "You were turned down on Fri 20 Nov 2026.",
      "again": "You were turned down on Fri 20 Nov 2026."}),
    # An offer ends the follow-up; searching on stays.
    ({"offer_on": "2026-11-20"}, {"thank:ana": "2026-11-16", "keep-looking": None},
     {"check-stated": "You had an offer on Fri 20 Nov 2026: the follow-up ends there.",
      "again": "You had an offer on Fri 20 Nov 2026: the follow-up ends there."}),
    # An offer on the day of the interview: no thanks are planned after it either.
    ({"offer_on": "2026-11-16"}, {"ask": "2026-11-16"},
     {"thank:ana": "You had an offer on Mon 16 Nov 2026: the follow-up ends there."}),
])
def test_the_employers_answer_drops_what_it_ends_and_says_why(answer, kept, dropped):
    result = make_plan("2026-11-23", **dict(STATED, **answer))
    dues = rows(result, "due")
    assert {item_id: dues[item_id][0] for item_id in kept} == kept
    reasons = {entry["id"]: entry["reason"] for entry in result["dropped"]}
    assert {item_id: reasons[item_id] for item_id in dropped} == dropped
    assert not set(dropped) & set(dues)
    assert ("closing" in dues) == ("rejected_on" in answer)


def test_another_round_plans_it_afresh_and_drops_the_first_rounds_checks():
    result = make_plan("2026-11-23", **dict(STATED, next_interview="2026-11-26"))
    assert rows(result, "due") == {
        "ask": ("2026-11-16",), "notes": ("2026-11-16",), "thank:ana": ("2026-11-16",),
        "thank:bo": ("2026-11-16",), "prepare": ("2026-11-25",),
        "round2:ask": ("2026-11-26",), "round2:notes": ("2026-11-26",),
        "round2:thank": ("2026-11-26",), "round2:check-week": ("2026-12-03",),
        "round2:again": ("2026-12-10",), "keep-looking": (None,)}
    assert rows(result, "title")["round2:thank"] == ("Round 2: Thank them",)
    assert {entry["id"]: entry["reason"] for entry in result["dropped"]} == {
        "check-stated": "You were invited to another round on Thu 26 Nov 2026, so this "
                        "round's checks no longer apply.",
        "again": "You were invited to another round on Thu 26 Nov 2026, so this round's "
                 "checks no longer apply."}
    assert result["next"] == "thank:ana"


def test_a_rejection_after_another_round_ends_that_rounds_checks():
    result = make_plan("2026-12-07", **dict(STATED, next_interview="2026-11-26",
                                            rejected_on="2026-12-04"))
    dues = rows(result, "due")
    assert "round2:check-week" in dues and "round2:again" not in dues
    assert dues["round2:closing"] == ("2026-12-07",)  # Sat 5 Dec -> Mon 7 Dec


def test_a_position_can_take_an_action_out_and_says_so():
    result = make_plan(**dict(STATED, choices={"how-many": "one"}))
    assert "again" not in rows(result, "due")
    assert result["dropped"] == [{"id": "again", "rule": "again", "title": "Ask once more",
                                  "due": "2026-12-01",
                                  "reason": "You chose \u201cOne check\u201d for \u201cHow many "
                                            "checks?\u201d."}]


def test_each_part_of_an_item_cites_the_articles_that_say_that_part():
    check = next(i for i in make_plan(**STATED)["items"] if i["id"] == "check-stated")
    alpha_later, beta_only = [{"source": "alpha", "section": "later"}], \
        [{"source": "beta", "section": "only"}]
    assert check["cites"] == {"action": alpha_later, "timing": alpha_later, "to": beta_only,
                              "channel": alpha_later, "useful": alpha_later}
    by_phone = next(i for i in make_plan(**dict(STATED, choices={"channel": "phone"}))["items"]
                    if i["id"] == "check-stated")
    assert by_phone["cites"] == dict(check["cites"], channel=beta_only)
    assert by_phone["shaped_by"] == [{"disagreement": "channel", "position": "phone"}]
    assert by_phone["sources"] == ["alpha", "beta"]


def test_the_guides_own_choices_are_marked_as_such():
    items = {i["id"]: i for i in make_plan(**STATED)["items"]}
    assert (items["notes"]["own"], items["notes"]["cites"]["useful"]) == (
        {"useful": "Our judgement."}, [])
    assert items["thank:ana"]["own"] == {"useful": "A late note still helps for a week."}
    assert items["ask"]["own"] == {}


def test_without_hr_the_checks_go_to_the_hiring_contact():
    assert rows(make_plan(**dict(STATED, hr=False)), "to")["check-stated"] == ("hiring-contact",)


@pytest.mark.parametrize("names, ids", [
    (["Ana", "Ana 2", "ana"], ["thank:ana", "thank:ana-2", "thank:ana-3"]),
    (["ana", "Ana 2", "Ana"], ["thank:ana", "thank:ana-2", "thank:ana-3"]),
    (["Bo", "Bo", "Bo 2", "Bo 3"], ["thank:bo", "thank:bo-4", "thank:bo-2", "thank:bo-3"]),
])
def test_each_interviewer_gets_an_id_of_their_own_whatever_their_names(names, ids):
    """Two people never share an item id: ticks and calendar entries are keyed by it."""
    result = make_plan(interviewed="2026-11-16", interviewers=names)
    assert [i["id"] for i in result["items"] if i["rule"] == "thank"] == ids
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(
        ics.to_ics([result], RULES, date(2026, 11, 16))).walk("VEVENT")]
    assert len(uids) == len(set(uids))


def test_names_are_cleaned_of_control_characters_and_line_breaks():
    result = make_plan(interviewed="2026-11-16",
                       interviewers=["Ana\x0bRuiz", "\x1b[31mBo\u2028Li\x85", "  "],
                       company="Acme\r\nLtd")
    assert [i["name"] for i in result["items"] if i["rule"] == "thank"] == [
        "Ana Ruiz", "[31mBo Li"]
    assert result["interview"]["company"] == "Acme Ltd"


@pytest.mark.parametrize("situation, problem", [
    (dict(interviewed="2026-11-18", interviewers=["x"] * 21),
     ("interviewers", 21, "at most 20 names")),
    (dict(interviewed="2026-11-18", interviewers=["y" * 101]),
     ("interviewers", "y" * 20 + "...", "is longer than 100 characters")),
    (dict(interviewed="2026-11-18", decision_within="\u00b2d"),
     ("decision_within", "\u00b2d", "must be a number of days or weeks, like 10d or 2w")),
    (dict(interviewed="2026-11-\u0661\u0668"),
     ("interviewed", "2026-11-\u0661\u0668", "is not a real date (use YYYY-MM-DD)")),
    (dict(interviewed="2026-11-18", rejected_on="2026-11-20", offer_on="2026-11-21"),
     ("offer_on", "2026-11-21", "cannot be given together with rejected_on")),
    (dict(interviewed="2026-11-18", next_interview="2026-11-17"),
     ("next_interview", "2026-11-17", "is before the interview (2026-11-18)")),
    (dict(interviewed="2026-11-18", offer_on="2027-11-19"),
     ("offer_on", "2027-11-19", "is more than a year after the interview")),
])
def test_bad_input_names_the_field_and_value(situation, problem):
    with pytest.raises(planner.PlanError) as raised:
        make_plan(**situation)
    assert raised.value.problems == [problem]


def test_the_calendar_has_what_is_still_to_do_and_a_key_per_interview():
    late = make_plan("2026-11-23", **dict(STATED, company="Acme", role="Analyst"))
    other = make_plan("2026-11-23", **dict(STATED, company="Beta"))
    calendar = icalendar.Calendar.from_ical(ics.to_ics([late, other], RULES, date(2026, 11, 23)))
    events = list(calendar.walk("VEVENT"))
    summaries = sorted(str(e["SUMMARY"]) for e in events)
    assert summaries == sorted(["Acme: Thank them: Ana", "Acme: Thank them: Bo",
                                "Acme: Ask after their date", "Acme: Ask once more",
                                "Beta: Thank them: Ana", "Beta: Thank them: Bo",
                                "Beta: Ask after their date", "Beta: Ask once more"])
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    key = planner.text_hash("acme\nanalyst\n2026-11-16")
    assert "thank:ana-h-%s@interview-followup" % key in uids
    assert "thank:ana-h-%s@interview-followup" % planner.text_hash("beta\n\n2026-11-16") in uids


def test_several_plans_merge_by_date_each_item_naming_its_interview():
    first = make_plan("2026-11-23", interviewed="2026-11-16")
    second = make_plan("2026-11-23", interviewed="2026-11-18")
    merged = planner.merged([("a", "Acme", first), ("b", "Beta", second)])
    dated = [(i["interview"], i["id"], i["due"]) for i in merged["items"] if i["due"]]
    assert [d[2] for d in dated] == sorted(d[2] for d in dated)
    assert ("b", "check-week", "2026-11-25") in dated and ("a", "check-week", "2026-11-23") in dated
    assert planner.next_item(merged["items"])["id"] == "check-week"  # due today, first
    first = planner.with_done(first, {"check-week": "2026-11-23", "thank": "2026-11-16"})
    merged = planner.merged([("a", "Acme", first), ("b", "Beta", second)])
    chosen = planner.next_item(merged["items"])
    assert (chosen["interview"], chosen["id"], chosen["state"]) == ("b", "thank", "overdue")


@pytest.mark.parametrize("day, label", [
    ("2026-11-21", "yesterday"), ("2026-11-22", "today"), ("2026-11-23", "tomorrow"),
    ("2026-11-24", "Tue 24 Nov"), ("2027-01-04", "Mon 4 Jan 2027"),
])
def test_relative_labels(day, label):
    assert dates.relative_label(dates.parse_date(day), date(2026, 11, 22)) == label


def test_what_an_answer_ends_but_was_due_before_it_is_missed_once_the_answer_comes():
    before = rows(make_plan("2026-11-19", **STATED), "state")
    after = rows(make_plan("2026-11-19", **dict(STATED, rejected_on="2026-11-19")), "state")
    assert (before["thank:ana"], after["thank:ana"]) == (("overdue",), ("missed",))
    assert after["notes"] == ("missed",) and after["closing"] == ("upcoming",)
