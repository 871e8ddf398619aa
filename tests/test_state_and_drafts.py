"""The checklist's pure helpers under CPython: what is kept and how it is checked, share
links decoded, and message drafts for the reader's situation."""
import json
from datetime import date
from pathlib import Path

import pytest

from site_plugins.browser import drafts, planner, state
from site_plugins.rules import load_rules

RULES = load_rules(Path(__file__).parent.parent / "rules")
TODAY = date(2026, 11, 23)  # a Monday
CUT = "it looks cut short or changed on the way; ask for it again"


def test_answers_become_the_planner_situation():
    answers = state.default_answers("2026-11-18")
    answers.update(timeline="within", decision_n="2", decision_unit="w", call_back="on",
                   call_back_on="2026-11-20", interviewers="Ana\n\n  \nBo", hr=False,
                   outcome="next-round", outcome_on="2026-11-25", company="Acme",
                   holidays="2026-12-25, 2027-01-01", choices={"note-medium": "printed"})
    situation, problems = state.situation(answers, "i7")
    assert problems == []
    assert situation == {"interviewed": "2026-11-18", "hr": False, "via_linkedin": False,
                         "company": "Acme", "role": "", "ref": "i7",
                         "interviewers": ["Ana", "Bo"], "choices": {"note-medium": "printed"},
                         "holidays": ["2026-12-25", "2027-01-01"], "decision_within": "2w",
                         "call_back_on": "2026-11-20", "next_interview": "2026-11-25"}


@pytest.mark.parametrize("change, problem", [
    ({"timeline": "within", "decision_n": "two"}, ("decision_within", "two", "must be a whole number")),
    ({"call_back": "within", "call_back_n": "-1"}, ("call_back_within", "-1", "must be a whole number")),
    ({"timeline": "within", "decision_n": "\u0663"}, ("decision_within", "\u0663", "must be a whole number")),
    ({"outcome": "rejected"}, ("rejected_on", "", "is required for this answer")),
    ({"outcome": "offer"}, ("offer_on", "", "is required for this answer")),
])
def test_answers_the_planner_cannot_take_are_named(change, problem):
    answers = state.default_answers("2026-11-18")
    answers.update(change)
    assert state.situation(answers)[1] == [problem]


def test_a_saved_interview_keeps_what_is_usable_and_sets_the_rest_aside():
    saved = {"version": 2, "ticked": ["a", 3, None], "drafts": {"thank-you": "Hi", "x": 4},
             "answers": {"interviewed": "2026-11-01", "role": 42, "hr": "yes",
                         "timeline": "sometime", "company": "x" * 5000,
                         "choices": {"note-medium": "email", "note-mediun": "email",
                                     "thank-you-timing": "at-once"}}}
    record, problems = state.checked_record(saved, "i1", "2026-11-18", RULES)
    answers = record["answers"]
    assert (answers["interviewed"], answers["role"], answers["hr"], answers["timeline"],
            answers["company"], answers["choices"]) == ("2026-11-01", "", True, "none", "",
                                                         {"note-medium": "email"})
    assert record["set_aside"] == {"role": 42, "hr": "yes", "timeline": "sometime",
                                   "company": "x" * 5000,
                                   "choices": {"note-mediun": "email",
                                               "thank-you-timing": "at-once"}}
    assert (record["ticked"], record["drafts"]) == (["a"], {"thank-you": "Hi"})
    assert problems == ["what they said about deciding could not be read",
                        "the role could not be read", "the company could not be read",
                        "the HR question could not be read",
                        "your choice for \u201cnote-mediun\u201d no longer exists",
                        "your choice for \u201cHow soon should the thank-you go out?\u201d no "
                        "longer exists"]


def test_the_first_versions_answers_are_migrated():
    saved = {"version": 1, "answers": {"interviewed": "2026-11-01", "outcome": "rejected",
                                       "rejected_on": "2026-11-09"}, "ticked": ["x"]}
    record, problems = state.checked_record(saved, "i1", "2026-11-18", RULES)
    assert problems == []
    assert (record["answers"]["outcome"], record["answers"]["outcome_on"]) == (
        "rejected", "2026-11-09")
    pending = state.checked_record({"version": 1, "answers": {"outcome": "pending"}}, "i2",
                                   "2026-11-18", RULES)[0]
    assert pending["answers"]["outcome"] == "waiting"


@pytest.mark.parametrize("data, problem", [
    ("a string", "it is not a saved interview"),
    ({"answers": []}, "it is not a saved interview"),
    ({"version": 3, "answers": {}}, "it was saved by a newer version of the checklist"),
])
def test_what_is_not_an_interview_at_all_is_refused_with_a_reason(data, problem):
    assert state.checked_record(data, "i1", "2026-11-18", RULES) == (None, [problem])


def test_a_saved_record_round_trips_through_json():
    record = state.new_record("i1", state.default_answers("2026-11-18"))
    record["answers"]["interviewers"] = "Zoë\n<b>x</b>"
    again, problems = state.checked_record(json.loads(json.dumps(record)), "i1", "2026-11-22",
                                           RULES)
    assert (again, problems) == (record, [])


def test_the_index_lists_only_interviews_that_exist_each_once():
    index = state.checked_index({"interviews": ["b", "a", "b", "gone", 5], "current": "gone"},
                                ["a", "b", "c"])
    assert index == {"version": 2, "interviews": ["b", "a", "c"], "current": "b"}
    assert state.checked_index(None, [])["current"] is None
    assert state.checked_index({"current": "all"}, ["a"])["current"] == "all"


@pytest.mark.parametrize("fragment, decoded", [
    ("%7B%22a%22%3A1%7D", ('{"a":1}', None)),
    ("caf%C3%A9 and ü", ("café and ü", None)),
    ("%", (None, CUT)),
    ("%E0%A4%A", (None, CUT)),
    ("%ZZ", (None, CUT)),
    ("%ED%A0%80", (None, CUT)),  # a surrogate
    ("%C0%AF", (None, CUT)),     # overlong
    ("%F4%90%80%80", (None, CUT)),  # past U+10FFFF
    ("x" * 101, (None, "it is far too long to be one interview (101 characters)")),
])
def test_a_share_links_data_is_decoded_or_refused_with_a_reason(fragment, decoded):
    assert state.percent_decoded(fragment, 100) == decoded


def test_percent_encoding_round_trips_like_encode_uri_component():
    text = 'Zoë & "Co" <b> 100% ✓ \U0001F600'
    encoded = state.percent_encoded(text)
    assert encoded == ("Zo%C3%AB%20%26%20%22Co%22%20%3Cb%3E%20100%25%20%E2%9C%93%20"
                       "%F0%9F%98%80")
    assert state.percent_decoded(encoded, 1000) == (text, None)


def test_imports_and_links_are_read_in_both_versions():
    assert state.imported_records({"version": 2, "interviews": [{"answers": {}}, 3]}) == (
        [{"answers": {}}], None)
    assert state.imported_records({"version": 1, "answers": {"a": 1}}) == (
        [{"version": 1, "answers": {"a": 1}}], None)
    assert state.imported_records([1]) == (None, "it is not a checklist export")
    assert state.shared_record({"version": 1, "answers": {"x": 1}}) == ({"answers": {"x": 1}}, None)
    assert state.shared_record({"interview": 4}) == (None, "it does not hold an interview")
    assert state.shared_record({"version": 2, "interview": {
        "id": "i1", "answers": {"x": 1}, "drafts": {"d": "text"}, "ticked": ["t"]}}) == (
        {"id": "i1", "answers": {"x": 1}}, None)  # a link never brings drafts or ticks


def test_ids_from_outside_are_kept_only_when_plain_and_not_the_all_view():
    assert [state.usable_id(v) for v in ("i1732", "x-0_a", "all", "", "a" * 80, "a b",
                                         "<b>", 5, None)] == [
        True, True, False, False, False, False, False, False, False]


def test_the_interviews_to_read_are_the_listed_then_the_lost_each_once():
    keys = ["interview-followup:interview:c", "interview-followup:interview:a", "other:b",
            "interview-followup:index"]
    assert state.listed_ids({"interviews": ["b", "a", "b", 5, "", None]}, keys) == [
        "b", "a", "c"]
    assert state.listed_ids("not an index", keys) == ["a", "c"]


def test_a_value_set_aside_is_kept_to_a_depth_that_json_can_always_write():
    deep = []
    for _ in range(50):
        deep = [deep]
    record, _ = state.checked_record({"version": 2, "answers": {"company": deep, "role": "R"}},
                                     "i1", "2026-11-22", RULES)
    kept = record["set_aside"]["company"]
    assert json.dumps(kept).count("[") == state.MAX_DEPTH - 1
    assert "nested too deeply" in json.dumps(kept)
    assert state.bounded({"a": [1, {"b": 2}]}, 3) == {"a": [1, {"b": 2}]}


@pytest.mark.parametrize("day, words", [
    ("2026-11-23", "today"), ("2026-11-22", "yesterday"), ("2026-11-18", "on Wednesday"),
    ("2026-11-16", "on 16 November"), ("2025-12-30", "on 30 December 2025"),
])
def test_dates_in_drafts_are_said_from_today(day, words):
    assert drafts.spoken_day(date.fromisoformat(day), TODAY) == words


def plan_and_answers(today=TODAY, **change):
    answers = state.default_answers("2026-11-23")
    answers.update(interviewers="Ana Ruiz\nBo Li", role="Data analyst", company="Acme",
                   me="Sam Lee", **change)
    result = planner.plan(RULES, state.situation(answers)[0], today)
    return answers, result


def test_drafts_follow_the_plan_one_thank_you_per_interviewer_each_named():
    answers, result = plan_and_answers()
    made = drafts.drafts(answers, result, TODAY)
    thanks = [d for d in made if d["kind"] == "Thank-you note"]
    assert [d["to"] for d in thanks] == ["Ana Ruiz", "Bo Li"]
    assert thanks[0]["body"].startswith("Dear Ana Ruiz,\n\nThank you for meeting me today about "
                                        "the Data analyst role at Acme.")
    assert thanks[0]["subject"] == "Thank you: Data analyst interview"
    assert made[0]["kind"] == "Thank-you note"  # what is due first comes first


def test_a_late_reader_is_told_the_interview_day_in_words():
    answers, result = plan_and_answers(interviewed="2026-11-20")
    made = drafts.drafts(answers, result, TODAY)
    assert "meeting me on Friday about" in next(
        d for d in made if d["kind"] == "Thank-you note")["body"]


def test_after_a_rejection_the_closing_note_comes_first_and_no_thank_you_is_left():
    answers, result = plan_and_answers(interviewed="2026-11-18", outcome="rejected",
                                       outcome_on="2026-11-23")
    made = drafts.drafts(answers, result, TODAY)
    kinds = [d["kind"] for d in made]
    assert "Thank-you note" not in kinds
    assert kinds[0] in ("Request for feedback", "Closing note")
    closing = next(d for d in made if d["kind"] == "Closing note")
    if closing["layout"] in ("card", "letter"):
        assert closing["subject"] == ""


def test_a_handwritten_note_is_a_card_with_no_subject():
    answers, result = plan_and_answers(choices={"note-medium": "handwritten"})
    thanks = [d for d in drafts.drafts(answers, result, TODAY) if d["kind"] == "Thank-you note"]
    assert thanks and all((d["layout"], d["subject"]) == ("card", "") for d in thanks)
    assert "card to write by hand" in thanks[0]["title"]


def test_drafts_use_placeholders_for_what_is_not_known():
    answers = state.default_answers("2026-11-23")
    result = planner.plan(RULES, state.situation(answers)[0], TODAY)
    thank = next(d for d in drafts.drafts(answers, result, TODAY) if d["kind"] == "Thank-you note")
    assert "[interviewer's name]" in thank["body"] and "[role]" in thank["body"]
