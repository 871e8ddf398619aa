"""The interview day as the reader lives it, and the plan's presentation choices of issue 20,
with literal dates and times: steps taken at the interview missed once the reader has left
it, calendar reminders never set in the past, a step shared by every interview listed once,
each article named once under "Why and who says so", optional steps marked on the pages."""
import json
from datetime import date

import icalendar
import pytest

from conftest import ROOT
from micropython import every_module, run
from site_plugins import render
from site_plugins.assets import rules_bundle
from site_plugins.browser import ics, planner, planview, state, theday
from site_plugins.rules import load_rules

RULES = load_rules(ROOT / "rules")
DAY = date(2026, 11, 18)
AT_INTERVIEW = {"ask-next-step", "collect-business-cards", "ask-hr-for-names"}


def plan_of_the_day(**answers):
    given = dict(state.default_answers("2026-11-18"), interviewers="Ana", **answers)
    situation, problems = state.situation(given)
    assert problems == []
    return given, planner.plan(RULES, situation, DAY)


@pytest.mark.parametrize("text, minutes", [("09:30", 570), ("9:05", 545), ("00:00", 0),
                                           ("", None), ("24:00", None), ("12:60", None),
                                           ("noon", None), ("1:2:3", 62)])
def test_a_time_is_read_as_minutes_after_midnight(text, minutes):
    assert theday.minutes(text) == minutes


@pytest.mark.parametrize("answers, now, left", [
    ({}, 15 * 60 + 30, False),                               # no time given, not said
    ({"left": True}, 8 * 60, True),                          # said so
    ({"interview_time": "09:00"}, 11 * 60 + 59, False),      # within three hours
    ({"interview_time": "09:00"}, 12 * 60, True),            # three hours after
    ({"interview_time": "09:00"}, None, False),              # the clock not known
    ({"interview_time": "09:00", "interviewed": "2026-11-17"}, 12 * 60, False),  # not today
])
def test_the_reader_has_left_when_they_say_so_or_hours_after_the_interview(answers, now, left):
    given = dict(state.default_answers("2026-11-18"), **answers)
    assert theday.has_left(given, DAY, now) is left


def test_once_left_the_steps_at_the_interview_are_missed_and_never_next_nor_in_the_calendar():
    answers, result = plan_of_the_day(left=True)
    assert result["next"] in AT_INTERVIEW
    after = theday.left_behind(result, RULES, answers, DAY, 15 * 60 + 30)
    missed = dict((item["id"], item["ended"]) for item in after["items"]
                  if item["state"] == "missed")
    assert set(missed) == AT_INTERVIEW
    assert set(missed.values()) == {theday.LEFT_WORDS}
    assert after["next"] not in AT_INTERVIEW
    assert planner.next_item(after["items"])["id"] == after["next"]
    assert "Ask what happens next" not in planview.next_words(after, DAY)
    summaries = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(
        ics.to_ics(after, RULES, DAY)).walk("VEVENT")]
    assert "Ask what happens next" not in summaries and summaries


def test_nothing_changes_before_the_reader_has_left():
    answers, result = plan_of_the_day(interview_time="14:00")
    assert theday.left_behind(result, RULES, answers, DAY, 15 * 60) is result


def triggers(calendar_text):
    return dict((str(e["SUMMARY"]), [str(a.get("TRIGGER").to_ical(), "ascii")
                                     for a in e.walk("VALARM")])
                for e in icalendar.Calendar.from_ical(calendar_text).walk("VEVENT"))


@pytest.mark.parametrize("now, today_trigger", [(None, ["PT9H"]), (8 * 60, ["PT9H"]),
                                                (15 * 60 + 30, ["PT15H45M"]),
                                                (23 * 60 + 50, [])])
def test_a_reminder_for_today_is_never_set_in_the_past(now, today_trigger):
    _, result = plan_of_the_day()
    found = triggers(ics.to_ics(result, RULES, DAY, now=now))
    today = [item["title"] for item in result["items"] if item["due"] == "2026-11-18"]
    later = [item["title"] for item in result["items"]
             if item["due"] and item["due"] > "2026-11-18"]
    assert today and later
    assert all(found[title] == today_trigger for title in today)
    assert all(found[title] == ["PT9H"] for title in later)


def merged_two():
    plans = []
    for number, interviewed in enumerate(("2026-11-10", "2026-11-16")):
        situation = state.situation(dict(state.default_answers(interviewed)))[0]
        plans.append(("i%d" % number, "Job %d" % number, planner.plan(RULES, situation, DAY)))
    return planner.merged(plans)


def test_a_step_the_same_for_every_interview_is_listed_once_and_counted_once():
    result = merged_two()
    once = planview.shared_once(result)
    shared = [item for item in once["items"] if item["id"] == "keep-searching"]
    assert len(shared) == 1 and shared[0]["also"] == ["i1"]
    assert shared[0]["employer"] == planview.EVERY_INTERVIEW
    assert len(once["items"]) == len(result["items"]) - 1
    html = planview.plan_html(once, RULES, DAY)
    listed = html.count('class="fu-item ')
    assert planview.count_words(once) == "%d steps to do" % listed
    assert 'data-also="i1"' in html


def test_a_shared_step_is_done_only_when_done_for_every_interview():
    result = merged_two()
    ticked = dict(result, items=[dict(item, state="done") if item["id"] == "keep-searching"
                                 and item["interview"] == "i0" else item
                                 for item in result["items"]])
    shared = [item for item in planview.shared_once(ticked)["items"]
              if item["id"] == "keep-searching"]
    assert shared[0]["state"] == "ongoing"


def test_why_and_who_says_so_names_each_article_once_folded_under_one_disclosure():
    _, result = plan_of_the_day()
    thanks = [item for item in result["items"] if item["rule"] == "send-thank-you"][0]
    html = planview.credits_html(thanks["cites"], thanks["own"], RULES, "../", thanks)
    assert html.startswith('<details class="fu-why"><summary>Why and who says so</summary>')
    assert html.count("<details") == 1
    names = [cite["source"] for cite, _ in planview.article_parts(thanks["cites"])]
    assert len(names) == len(set(names)) and html.count('class="fu-source"') == len(names)
    assert "The guide's own choice" in html and "The guide on this step" in html


def test_optional_steps_say_which_choice_adds_them():
    pages = render.render_pages(RULES, DAY)
    paper = pages["steps/thank-you.md"].split("{ #mail-paper-copy }")[1].split("\n### ")[0]
    assert "**Optional:** only if you choose \u201cEmail, then paper\u201d" in paper
    assert "(../disagreements.md#note-medium)" in paper
    move_on = pages["steps/move-on.md"].split("{ #move-on }")[1].split("\n### ")[0]
    assert "**Optional:**" in move_on and "#how-many-follow-ups" in move_on
    thanks = pages["steps/thank-you.md"].split("{ #send-thank-you }")[1].split("\n### ")[0]
    assert "**Optional:**" not in thanks


MP_DRIVER = every_module() + """
import json
rules = json.load(open("rules.json"))
day = dates.parse_date("2026-11-18")
with open("out.json", "w") as handle:
    for answers, now in json.load(open("cases.json")):
        given = state.default_answers("2026-11-18")
        given.update(answers)
        result = planner.plan(rules, state.situation(given)[0], day)
        after = theday.left_behind(result, rules, given, day, now)
        merged = planview.shared_once(planner.merged([("a", "A", after), ("b", "B", result)]))
        handle.write(json.dumps([after["next"], planview.plan_html(merged, rules, day),
                                 ics.to_ics(after, rules, day, None, now)]) + "\\n")
"""
MP_CASES = [[{}, None], [{"left": True, "interviewers": "Ana"}, 600],
            [{"interview_time": "09:00"}, 15 * 60 + 30], [{"interview_time": "9:00"}, 600]]


def test_micropython_gives_the_same_day_as_cpython(tmp_path):
    bundle = json.loads(rules_bundle(RULES))
    got = run(tmp_path, MP_DRIVER, {"rules.json": json.dumps(bundle),
                                    "cases.json": json.dumps(MP_CASES)})
    expected = []
    for answers, now in MP_CASES:
        given = dict(state.default_answers("2026-11-18"), **answers)
        result = planner.plan(bundle, state.situation(given)[0], DAY)
        after = theday.left_behind(result, bundle, given, DAY, now)
        merged = planview.shared_once(planner.merged([("a", "A", after), ("b", "B", result)]))
        expected.append([after["next"], planview.plan_html(merged, bundle, DAY),
                         ics.to_ics(after, bundle, DAY, None, now)])
    assert got == expected
