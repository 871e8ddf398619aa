"""The widget's pure helpers under CPython: saved-state checking and message drafts."""
import json

import pytest

from site_plugins.browser import dates, drafts, planner, state
from site_plugins.rules import load_rules
from conftest import ROOT

RULES = load_rules(ROOT / "rules")


def test_answers_become_the_planner_situation():
    answers = state.default_answers("2026-11-18")
    answers.update(timeline="within", decision_n="2", decision_unit="w", call_back="on",
                   call_back_on="2026-11-20", interviewers="Ana\n\n  \nBo", hr=False,
                   outcome="rejected", rejected_on="2026-11-25",
                   holidays="2026-12-25, 2027-01-01", choices={"note-medium": "printed"})
    situation, problems = state.situation(answers)
    assert problems == []
    assert situation == {"interviewed": "2026-11-18", "hr": False, "via_linkedin": False,
                         "interviewers": ["Ana", "Bo"], "choices": {"note-medium": "printed"},
                         "holidays": ["2026-12-25", "2027-01-01"], "decision_within": "2w",
                         "call_back_on": "2026-11-20", "rejected_on": "2026-11-25"}


@pytest.mark.parametrize("change, problem", [
    ({"timeline": "within", "decision_n": "two"}, ("decision_within", "two", "must be a whole number")),
    ({"call_back": "within", "call_back_n": "-1"}, ("call_back_within", "-1", "must be a whole number")),
    ({"outcome": "rejected"}, ("rejected_on", "", "is required when you were turned down")),
])
def test_answers_the_planner_cannot_take_are_named(change, problem):
    answers = state.default_answers("2026-11-18")
    answers.update(change)
    assert state.situation(answers)[1] == [problem]


@pytest.mark.parametrize("data, problem", [
    ("a string", "it is not a saved checklist"),
    ({"answers": []}, "it is not a saved checklist"),
    ({"version": 0, "answers": {}}, "it was saved by a different version of the checklist"),
])
def test_unusable_saved_state_is_refused_with_a_reason(data, problem):
    answers, ticked, found = state.checked_state(data, "2026-11-18")
    assert (answers, ticked, found) == (state.default_answers("2026-11-18"), [], problem)


def test_wrong_types_in_saved_state_fall_back_field_by_field():
    data = {"version": 1, "ticked": ["a", 3, None], "answers": {
        "interviewed": "2026-11-01", "role": 42, "hr": "yes", "timeline": "sometime",
        "company": "x" * 5000, "choices": {"note-medium": "email", "bad": 1}}}
    answers, ticked, problem = state.checked_state(data, "2026-11-18")
    assert problem is None and ticked == ["a"]
    assert (answers["interviewed"], answers["role"], answers["hr"], answers["timeline"],
            answers["company"], answers["choices"]) == ("2026-11-01", "", True, "none", "",
                                                         {"note-medium": "email"})


def test_saved_state_round_trips_through_json():
    answers = state.default_answers("2026-11-18")
    answers["interviewers"] = "Zoë\n<b>x</b>"
    data = json.loads(json.dumps(state.saved(answers, ["write-debrief"])))
    assert state.checked_state(data, "2026-11-22") == (answers, ["write-debrief"], None)


def test_drafts_are_filled_with_the_readers_details():
    answers = state.default_answers("2026-11-18")
    answers.update(interviewers="Ana Ruiz\nBo Li", role="Data analyst", company="Acme",
                   me="Sam Lee")
    result = planner.plan(RULES, state.situation(answers)[0], dates.parse_date("2026-11-18"))
    made = {d["id"]: d for d in drafts.drafts(answers, result)}
    assert list(made) == ["thank-you", "status", "voicemail", "call-times", "after-rejection"]
    assert made["thank-you"]["body"].startswith("Dear Ana Ruiz,")
    assert "send one to each of your 2 interviewers" in made["thank-you"]["title"]
    assert "Data analyst role at Acme" in made["thank-you"]["body"]
    assert "Wed 18 Nov 2026" in made["status"]["body"]
    assert made["voicemail"]["email"] is False and made["voicemail"]["subject"] == ""
    assert all(d["body"].rstrip().endswith("Sam Lee") for d in made.values()
               if d["id"] != "voicemail")


def test_drafts_use_placeholders_for_what_is_not_known():
    answers = state.default_answers("2026-11-18")
    made = drafts.drafts(answers, {"items": []})
    assert "[interviewer's name]" in made[0]["body"] and "[role]" in made[0]["body"]
