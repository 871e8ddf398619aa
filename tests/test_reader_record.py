"""The reader's own record, under CPython: ticks keep their day and make items done,
edits follow a person across a corrected name, drafts are checked before sending, and a
calendar file carries the way back to its plan."""
from datetime import date
from pathlib import Path

import icalendar
import pytest

from site_plugins.browser import draftcheck, edits, ics, planner, state
from site_plugins.rules import load_rules

RULES = load_rules(Path(__file__).parent.parent / "rules")


def record_with(names, ticked, drafts):
    record = state.new_record("i1", state.default_answers("2026-11-16"))
    record["answers"]["interviewers"] = names
    for item_id in ticked:
        edits.set_tick(record, item_id, True, "2026-11-16")
    for draft_id in drafts:
        edits.set_draft(record, draft_id, "Dear them", "2026-11-16")
    return record


def test_a_tick_records_its_day_and_an_untick_forgets_it():
    record = record_with("Ana", [], [])
    edits.set_tick(record, "thank:ana", True, "2026-11-17")
    assert edits.done_days(record) == {"thank:ana": "2026-11-17"}
    edits.set_tick(record, "thank:ana", False, "2026-11-18")
    assert (record["ticked"], record["done_on"]) == ([], {})


@pytest.mark.parametrize("old, new, kept", [
    # A typo fixed: the person's tick and draft move to the corrected name.
    ("Jon Smith\nBo", "John Smith\nBo", {"thank:john-smith", "thank:bo"}),
    # Reordered: names carry their own.
    ("Jon Smith\nBo", "Bo\nJon Smith", {"thank:jon-smith", "thank:bo"}),
    # A name added before the others, and one fixed at the same time.
    ("Jon Smith\nBo", "Cy\nJon Smith\nBoo", {"thank:jon-smith", "thank:boo"}),
    # A name removed: the other keeps its own; the removed one's are kept, unseen.
    ("Jon Smith\nBo", "Bo", {"thank:jon-smith", "thank:bo"}),
])
def test_a_persons_tick_and_draft_follow_them_across_an_edit_of_the_names(old, new, kept):
    record = record_with(old, ["thank:jon-smith", "thank:bo", "check-week"],
                         ["thank:jon-smith", "thank:bo"])
    before = {"interviewers": old}
    after = {"interviewers": new}
    edits.people_renamed(record, state.interviewer_names(before),
                         state.interviewer_names(after), planner.person_slugs)
    assert set(record["ticked"]) == kept | {"check-week"}
    assert set(record["drafts"]) == kept == set(record["drafted_on"])
    assert set(record["done_on"]) == kept | {"check-week"}


def test_ticks_and_edit_days_survive_a_save_and_bad_days_are_left_out():
    saved = {"version": 2, "answers": {"interviewed": "2026-11-16"},
             "ticked": ["thank:ana", "check-week"],
             "done_on": {"thank:ana": "2026-11-16", "check-week": "soon", "gone": "2026-11-17"},
             "drafts": {"thank:ana": "Hi"}, "drafted_on": {"thank:ana": "2026-11-16"}}
    record = state.checked_record(saved, "i1", "2026-11-20", RULES)[0]
    assert edits.done_days(record) == {"thank:ana": "2026-11-16", "check-week": ""}
    assert record["drafted_on"] == {"thank:ana": "2026-11-16"}
    old_page = state.checked_record({"version": 2, "answers": {}, "ticked": ["x"]}, "i2",
                                    "2026-11-20", RULES)[0]
    assert edits.done_days(old_page) == {"x": ""}


@pytest.mark.parametrize("text, edited_on, warnings", [
    ("Thanks for meeting me today.", "2026-11-16", []),  # written today: true
    ("Thanks for meeting me today.", None, []),  # the suggested text: dated afresh
    ("Thanks for meeting me today. See you Tuesday!", "2026-11-13",
     ['You wrote this on Fri 13 Nov: check that "today" and "tuesday" are still right.']),
    ("Thank you for your time today.", "2026-11-15",
     ['You wrote this yesterday: check that "today" is still right.']),
    ("I enjoyed talking about [a topic you discussed].", None,
     ["Fill in [a topic you discussed] before you send it."]),
    ("Todays and Mondays are other words; [] is no gap", "2026-11-01", []),
    # A whole line to write is a gap too; past three, the rest are counted.
    ("[A] [B] [C] [One line on why you fit the role, tied to what the job needs (Malone "
     "Solutions).]", None, ["Fill in [A], [B], [C] and 1 more in brackets before you send it."]),
])
def test_a_draft_is_checked_for_gaps_and_for_day_words_gone_stale(text, edited_on, warnings):
    assert draftcheck.draft_warnings(text, edited_on, date(2026, 11, 16)) == warnings


def plan_for(company, role, today="2026-11-18"):
    return planner.plan(RULES, {"interviewed": "2026-11-16", "company": company, "role": role},
                        date.fromisoformat(today))


@pytest.mark.parametrize("first, second", [
    (("日本電気", ""), ("富士通", "")), (("C++ Labs", ""), ("C Labs", "")),
    (("AT&T", "Analyst"), ("AT T", "Analyst")), (("Acme", "Analyst"), ("Acme", "Analyst II")),
])
def test_calendar_ids_differ_for_any_two_different_interviews(first, second):
    uids = []
    for company, role in (first, second):
        text = ics.to_ics(plan_for(company, role), RULES, date(2026, 11, 18))
        uids.append({str(e["UID"]) for e in icalendar.Calendar.from_ical(text).walk("VEVENT")})
    assert uids[0] and uids[1] and not uids[0] & uids[1]


def test_every_calendar_event_carries_the_link_that_brings_its_plan_back():
    link = "https://example.github.io/guide/checklist/#restore=%7B%22a%22%3A1%7D"
    text = ics.to_ics([plan_for("Acme", "Analyst")], RULES, date(2026, 11, 18), [link])
    events = list(icalendar.Calendar.from_ical(text).walk("VEVENT"))
    assert events and all(str(e["URL"]) == link for e in events)
    assert all(str(e["DESCRIPTION"]).endswith(link) for e in events)
    assert ics.links_in(text, "#restore=") == [link]
    assert ics.links_in("BEGIN:VCALENDAR\r\nURL:https://x.example/\r\n", "#restore=") == []


def test_a_restore_link_holds_answers_and_ticks_but_never_drafts():
    record = record_with("Ana", ["thank:ana"], ["thank:ana"])
    kept, why = state.restored_record(state.restore_data(record))
    assert why is None
    assert (kept["answers"], kept["ticked"], kept["done_on"]) == (
        record["answers"], ["thank:ana"], {"thank:ana": "2026-11-16"})
    assert "drafts" not in kept and "drafts" not in state.restore_data(record)["restore"]
    assert state.restored_record({"interview": {}})[1] == "it does not hold an interview"


def test_an_oversized_record_from_outside_is_trimmed_and_said():
    saved = {"version": 2, "answers": {"interviewed": "2026-11-16", "company": "x" * 500_000},
             "drafts": dict(("d%d" % n, "text") for n in range(1000))}
    record, problems = state.checked_record(saved, "i1", "2026-11-20", RULES)
    assert record["set_aside"] == {"left out": "more than 16384 characters"}
    assert "too large to keep" in problems[-1]
    assert len(record["drafts"]) == state.MAX_DRAFTS and record["answers"]["company"] == ""


def test_a_share_link_does_not_carry_that_the_sender_has_left_the_interview():
    record = {"id": "i1", "answers": dict(state.default_answers("2026-11-16"), left=True,
                                          company="Acme")}
    shared = state.share_data(record)["interview"]["answers"]
    assert shared["left"] is False and shared["company"] == "Acme"
    assert record["answers"]["left"] is True  # the sender's own record is unchanged
    assert state.restore_data(dict(record, ticked={}, done_on={}))["restore"]["answers"]["left"]
