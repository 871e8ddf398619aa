"""The planner file itself, run by the pinned MicroPython WebAssembly build under Node,
gives the same plans and calendar files as under CPython."""
import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from site_plugins import planner
from site_plugins.rules import load_rules
from situations import random_situation

ROOT = Path(__file__).resolve().parent.parent
RULES = load_rules(ROOT / "rules")
BAD = [{"interviewed": "2026-02-30"}, {"interviewed": "2026-11-18", "decision_within": "0d"},
       {"interviewed": "2026-11-18", "rejected_on": "2026-11-01"},
       {"interviewed": "2026-11-18", "choices": {"note-medium": "fax"}}]


def cpython(case):
    today = planner.parse_date(case["today"])
    try:
        result = planner.plan(RULES, case["situation"], today)
    except planner.PlanError as error:
        return {"error": [list(problem) for problem in error.problems]}
    return {"plan": result, "ics": planner.to_ics(result, case["situation"], today)}


def test_micropython_and_cpython_give_the_same_plans(tmp_path):
    node = shutil.which("node")
    assert node, "Node is part of the set-up (npm installs the MicroPython build)"
    rng = random.Random(2026)
    cases = []
    for _ in range(150):
        situation, today = random_situation(rng, RULES)
        cases.append({"situation": situation, "today": today.isoformat()})
    cases += [{"situation": bad, "today": "2026-11-22"} for bad in BAD]
    (tmp_path / "rules.json").write_text(json.dumps(RULES))
    (tmp_path / "cases.json").write_text(json.dumps(cases))
    run = subprocess.run([node, "tests/mpy/run_planner.mjs", "site_plugins/planner.py",
                          str(tmp_path / "rules.json"), str(tmp_path / "cases.json")],
                         cwd=ROOT, capture_output=True, text=True, check=False, timeout=300)
    assert run.returncode == 0, run.stderr
    results = json.loads(run.stdout)
    assert len(results) == len(cases)
    for case, got in zip(cases, results):
        assert got == cpython(case), case
    assert sum("error" in got for got in results) == len(BAD)
