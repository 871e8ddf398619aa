"""Properties that hold for every valid situation (hypothesis)."""
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings, strategies as st

from site_plugins.browser import planner
from site_plugins.rules import load_rules
from situations import random_situation

RULES = load_rules(Path(__file__).resolve().parent.parent / "rules")
FIXED_STEPS = {step["id"] for step in RULES["steps"] if step["never_moves"]}
KNOWN_SOURCES = {source["id"] for source in RULES["sources"]}


def plans():
    return st.randoms(use_true_random=False).map(lambda rng: random_situation(rng, RULES))


def dated(result):
    return [(item, date.fromisoformat(item["due"])) for item in result["items"] if item["due"]]


@settings(max_examples=300, deadline=None)
@given(plans())
def test_plans_keep_their_promises(case):
    situation, today = case
    result = planner.plan(RULES, situation, today)
    interviewed = date.fromisoformat(situation["interviewed"])
    holidays = {date.fromisoformat(day) for day in situation["holidays"]}
    for item, due in dated(result):
        assert due >= interviewed, item
        if item["to"] != "self" and item["step"] not in FIXED_STEPS:
            assert due.weekday() < 5 and due not in holidays, item
    keys = [(item["due"] is None, item["due"] or "") for item in result["items"]]
    assert keys == sorted(keys)
    for item in result["items"]:
        assert item["sources"] and set(item["sources"]) <= KNOWN_SOURCES
    ids = [item["id"] for item in result["items"]]
    assert len(ids) == len(set(ids))


@settings(max_examples=300, deadline=None)
@given(plans())
def test_the_second_check_never_comes_before_a_week_after_the_first(case):
    situation, today = case
    due = {item["step"]: date.fromisoformat(item["due"])
           for item, _ in dated(planner.plan(RULES, situation, today))
           if item["step"] in ("status-check", "escalate")}
    if len(due) == 2:
        assert due["escalate"] >= due["status-check"] + timedelta(days=7)
