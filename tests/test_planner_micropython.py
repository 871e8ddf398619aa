"""The browser package, as the page gets it (compiled .mpy under the pinned MicroPython
WebAssembly build, run by Node), gives the same plans, calendar files, page markup,
drafts and saved-state checks as CPython, on random and chosen cases."""
import json
import random

import parity
from micropython import every_module, run
from site_plugins.browser import dates, drafts, ics, planner, planview, state
from site_plugins.assets import rules_bundle
from site_plugins.rules import load_rules
from situations import CHOSEN, random_situation
from conftest import ROOT

RULES = load_rules(ROOT / "rules")
BUNDLE = json.loads(rules_bundle(RULES))  # what the page gets
MODULES = {"dates": dates, "planner": planner, "ics": ics, "planview": planview,
           "drafts": drafts, "state": state}
BAD = [{"interviewed": "2026-02-30"}, {"interviewed": "2026-11-18", "decision_within": "0d"},
       {"interviewed": "2026-11-18", "rejected_on": "2026-11-01"},
       {"interviewed": "2026-11-18", "choices": {"note-medium": "fax"}},
       {"interviewed": "2026-11-18", "decision_within": "\u00b2d"},
       {"interviewed": "2026-11-18", "interviewers": ["x"] * 21}]
RECORDS = [
    {"version": 2, "answers": {"interviewed": "2026-11-01", "company": "Acme",
                               "outcome": "rejected", "outcome_on": "2026-11-09"},
     "ticked": ["write-debrief", 3], "drafts": {"thank-you": "Hi"}},
    {"version": 1, "answers": {"interviewed": "2026-11-01", "outcome": "pending",
                               "hr": "yes", "choices": {"note-medium": "fax", "gone": "x"}}},
    {"version": 2, "answers": {"timeline": "soon", "decision_n": "٣"}, "set_aside": {"a": 1}},
    "not a record", {"version": 7, "answers": {}},
]
FRAGMENTS = ["%7B%22a%22%3A1%7D", "%", "%E0%A4%A", "%ED%A0%80", "caf%C3%A9", "%F4%90%80%80",
             "plain text ü", ""]
DRIVER = every_module() + """
import json, parity
modules = {"dates": dates, "planner": planner, "ics": ics, "planview": planview,
           "drafts": drafts, "state": state}
rules = json.load(open("rules.json"))
cases = json.load(open("cases.json"))
with open("out.json", "w") as handle:
    for case in cases["plans"]:
        handle.write(json.dumps(parity.plan_outputs(modules, rules, case)) + "\\n")
    for case in cases["states"]:
        handle.write(json.dumps(parity.state_outputs(modules, rules, case)) + "\\n")
"""


def test_micropython_and_cpython_give_the_same_outputs(tmp_path):
    rng = random.Random(2026)
    plans = [{"situation": s, "today": t.isoformat()}
             for s, t in (random_situation(rng, RULES) for _ in range(120))]
    plans += [{"situation": s, "today": t} for s, t in CHOSEN]
    plans += [{"situation": bad, "today": "2026-11-22"} for bad in BAD]
    states = [{"record": record, "fragment": fragment}
              for record, fragment in zip(RECORDS * 2, FRAGMENTS)]
    cases = {"plans": plans, "states": states}
    lines = run(tmp_path, DRIVER, {"rules.json": json.dumps(BUNDLE), "cases.json": json.dumps(cases),
                                 "parity.py": (ROOT / "tests" / "parity.py").read_text()})
    got = {"plans": lines[:len(plans)], "states": lines[len(plans):]}
    expected = json.loads(json.dumps({
        "plans": [parity.plan_outputs(MODULES, BUNDLE, case) for case in plans],
        "states": [parity.state_outputs(MODULES, BUNDLE, case) for case in states]}))
    assert expected["plans"] == json.loads(json.dumps(
        [parity.plan_outputs(MODULES, RULES, case) for case in plans]))  # the bundle suffices
    for case, mine, theirs in zip(plans, expected["plans"], got["plans"]):
        assert theirs == mine, case
    for case, mine, theirs in zip(states, expected["states"], got["states"]):
        assert theirs == mine, case
    assert sum("error" in outputs for outputs in got["plans"]) == len(BAD)


def test_the_start_pack_unpacked_as_the_page_does_holds_every_module_it_starts_with(tmp_path):
    """The page's start unpacks start.pack (checklist.UNPACK, run as shipped) into the
    package and rules.json; the widget's imports then work and rules.json is the bundle.
    The lazy modules are not in it: the page fetches each when first needed."""
    from site_plugins.assets import LAZY_MODULES, start_pack
    from site_plugins.checklist import UNPACK
    (tmp_path / "start.pack").write_bytes(start_pack(RULES))
    driver = """import os
for name in os.listdir("followup"):  # only what the pack holds
    os.remove("followup/" + name)
""" + UNPACK + """
from followup import widget, planner, dates
import json
rules = json.load(open("rules.json"))
result = planner.plan(rules, {"interviewed": "2026-11-16"}, dates.parse_date("2026-11-20"))
with open("out.json", "w") as handle:
    handle.write(json.dumps(sorted(os.listdir("followup"))) + "\\n")
    handle.write(json.dumps(rules == json.load(open("rules.json"))) + "\\n")
    handle.write(json.dumps([item["id"] for item in result["items"]][:3]) + "\\n")
"""
    names, same, first = run(tmp_path, driver, {})
    expected = sorted(path.stem + ".mpy" for path in (ROOT / "site_plugins" / "browser").glob(
        "*.py") if path.stem != "__init__" and path.stem not in LAZY_MODULES)
    assert names == expected and "widget.mpy" in names and "drafts.mpy" not in names
    assert same is True
    cpython = planner.plan(BUNDLE, {"interviewed": "2026-11-16"}, dates.parse_date("2026-11-20"))
    assert first == [item["id"] for item in cpython["items"]][:3]
