"""The browser package, as the page gets it (compiled .mpy under the pinned MicroPython
WebAssembly build, run by Node), gives the same plans and calendar files as CPython."""
import json
import random

from micropython import every_module, run
from site_plugins.browser import dates, ics, planner
from site_plugins.rules import load_rules
from situations import random_situation
from conftest import ROOT

RULES = load_rules(ROOT / "rules")
BAD = [{"interviewed": "2026-02-30"}, {"interviewed": "2026-11-18", "decision_within": "0d"},
       {"interviewed": "2026-11-18", "rejected_on": "2026-11-01"},
       {"interviewed": "2026-11-18", "choices": {"note-medium": "fax"}}]
DRIVER = every_module() + """
import json
rules = json.load(open("rules.json"))
out = []
for case in json.load(open("cases.json")):
    today = dates.parse_date(case["today"])
    try:
        result = planner.plan(rules, case["situation"], today)
        out.append({"plan": result, "ics": ics.to_ics(result, case["situation"], today)})
    except planner.PlanError as error:
        out.append({"error": [list(problem) for problem in error.problems]})
with open("out.json", "w") as handle:
    handle.write(json.dumps(out))
"""


def cpython(case):
    today = dates.parse_date(case["today"])
    try:
        result = planner.plan(RULES, case["situation"], today)
    except planner.PlanError as error:
        return {"error": [list(problem) for problem in error.problems]}
    return {"plan": result, "ics": ics.to_ics(result, case["situation"], today)}


def test_micropython_and_cpython_give_the_same_plans(tmp_path):
    rng = random.Random(2026)
    cases = []
    for _ in range(150):
        situation, today = random_situation(rng, RULES)
        cases.append({"situation": situation, "today": today.isoformat()})
    cases += [{"situation": bad, "today": "2026-11-22"} for bad in BAD]
    results = run(tmp_path, DRIVER, {"rules.json": json.dumps(RULES),
                                     "cases.json": json.dumps(cases)})
    assert len(results) == len(cases)
    for case, got in zip(cases, results):
        assert got == cpython(case), case
    assert sum("error" in got for got in results) == len(BAD)
