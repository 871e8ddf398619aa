"""The rule base: the real rules load and hold what the sources say; broken files are located."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from site_plugins.rules import RulesError, load_rules

ROOT = Path(__file__).resolve().parent.parent
BROKEN = sorted((Path(__file__).parent / "broken_rules").glob("*.yml"))
SOURCE_IDS = {"malone", "should-you-follow-up", "selectek", "coon", "hiring-manager"}


@pytest.fixture(scope="module")
def rules():
    return load_rules(ROOT / "rules")


def by_id(entries):
    return {entry["id"]: entry for entry in entries}


def test_the_corpus_of_broken_files_is_large_enough():
    assert len(BROKEN) >= 25


@pytest.mark.parametrize("case", BROKEN, ids=[case.stem for case in BROKEN])
def test_a_broken_rule_file_gives_exactly_its_located_messages(case, tmp_path, monkeypatch):
    (tmp_path / "rules").mkdir()
    shutil.copy(case, tmp_path / "rules" / case.name)
    monkeypatch.chdir(tmp_path)
    expected = [line.split("# expect: ", 1)[1].replace("{file}", f"rules/{case.name}")
                for line in case.read_text().splitlines() if line.startswith("# expect: ")]
    assert expected, "each case names the messages it must produce"
    with pytest.raises(RulesError) as raised:
        load_rules("rules")
    assert raised.value.problems == expected


def test_problems_in_several_files_are_all_reported_in_one_run(tmp_path, monkeypatch):
    (tmp_path / "rules").mkdir()
    for case in BROKEN[:3]:
        shutil.copy(case, tmp_path / "rules" / case.name)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RulesError) as raised:
        load_rules("rules")
    assert {problem.split(":")[0] for problem in raised.value.problems} == {
        f"rules/{case.name}" for case in BROKEN[:3]}


def test_an_empty_folder_is_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    with pytest.raises(RulesError) as raised:
        load_rules("rules")
    assert raised.value.problems == ["rules/: no rule files (*.yml) found"]


def test_the_real_rules_are_plain_json_ready_data(rules):
    assert json.loads(json.dumps(rules)) == rules


def test_the_steps_come_in_the_order_a_reader_meets_them(rules):
    assert [step["id"] for step in rules["steps"]] == [
        "at-interview", "debrief", "thank-you", "status-check", "escalate",
        "after-rejection", "move-on", "keep-searching"]


def test_the_registry_holds_the_five_sources_and_every_one_is_cited(rules):
    assert set(by_id(rules["sources"])) == SOURCE_IDS
    cited = {cite["source"] for rule in rules["rules"] for cite in rule["sources"]}
    assert cited == SOURCE_IDS


@pytest.mark.parametrize("rule_id, anchor, days, latest, hours, source", [
    ("write-debrief", "interview", 0, None, 2, "hiring-manager"),
    ("send-thank-you", "interview", 0, None, None, "hiring-manager"),
    ("check-on-call-back", "call-back", 0, None, None, "coon"),
    ("check-after-decision", "decision", 1, 2, None, "selectek"),
    ("check-after-a-week", "interview", 7, None, None, "selectek"),
    ("second-check", "interview", 14, None, None, "hiring-manager"),
])
def test_timings_are_data_with_the_source_that_gives_them(rules, rule_id, anchor, days,
                                                          latest, hours, source):
    plan = by_id(rules["rules"])[rule_id]["plan"]
    assert plan["at"] == {"anchor": anchor, "days": days, "latest": latest, "hours": hours}
    assert source in {cite["source"] for cite in plan["timing_sources"]}


def test_our_own_timing_choices_say_so(rules):
    move_on = by_id(rules["rules"])["move-on"]["plan"]
    assert move_on["at"] == {"anchor": "status-check", "days": 14, "latest": None, "hours": None}
    assert not move_on.get("timing_sources")
    assert move_on["timing_note"].startswith("Malone Solutions gives no number of days.")
    assert "The guide suggests two weeks" in move_on["timing_note"]


def test_conditions_cover_the_situations_the_sources_distinguish(rules):
    used = {key for rule in rules["rules"] for key in rule["when"]}
    assert used == {"timeline", "call_back", "hr", "via_linkedin", "outcome"}


@pytest.mark.parametrize("disagreement_id, positions, default", [
    ("note-medium", {"email", "handwritten", "printed", "email-then-paper", "it-depends"},
     "email"),
    ("follow-up-channel", {"phone", "email"}, "email"),
    ("status-contact", {"hr-only", "interviewer"}, "hr-only"),
    ("thank-you-timing", {"same-day", "within-a-day", "within-two-days"}, "same-day"),
    ("after-deadline-wait", {"right-after", "several-days"}, "right-after"),
    ("no-timeline-wait", {"one-week", "two-weeks"}, "one-week"),
    ("further-contact", {"through-hr", "keep-in-touch"}, "through-hr"),
    ("notes-weight", {"matters", "courtesy"}, "matters"),
    ("how-many-follow-ups", {"twice-through-hr", "one-then-wait", "once-then-move-on",
                             "stay-in-touch"}, "twice-through-hr"),
    ("thank-or-sell", {"restate-fit", "simply-thank"}, "restate-fit"),
    ("rejection-note", {"handwritten", "printed"}, "handwritten"),
    ("phoning-the-interviewer", {"no-calls", "brief-call"}, "no-calls"),
    ("sell-again", {"remind-fit", "just-ask"}, "remind-fit"),
    ("ask-outright", {"ask", "send-something-useful"}, "ask"),
    ("paper-copy", {"printed", "handwritten"}, "printed"),
])
def test_each_disagreement_keeps_every_side_with_sources(rules, disagreement_id, positions,
                                                         default):
    disagreement = by_id(rules["disagreements"])[disagreement_id]
    assert set(by_id(disagreement["positions"])) == positions
    assert disagreement["default"] == default and disagreement["why_default"]
    assert all(position["sources"] for position in disagreement["positions"])


def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "site_plugins.cli", *args], cwd=cwd,
                          capture_output=True, text=True, check=False)


def test_followup_check_passes_and_shows_all_five_sources_cited():
    result = run_cli("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("rules: OK: ")
    for source_id in SOURCE_IDS:
        line = next(l for l in result.stdout.splitlines() if l.strip().startswith(source_id + " "))
        assert int(line.split()[1]) > 0


def test_followup_check_lists_every_problem_and_exits_1(tmp_path):
    """Shape problems in many files come out together, each exactly as the corpus says."""
    (tmp_path / "rules").mkdir()
    shape_cases = [case for case in BROKEN if int(case.name[:2]) <= 29]
    for case in shape_cases:
        shutil.copy(case, tmp_path / "rules" / case.name)
    result = run_cli("check", "rules", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problems = [line for line in result.stderr.splitlines() if line.startswith("rules/")]
    expected = {line.split("# expect: ", 1)[1].replace("{file}", f"rules/{case.name}")
                for case in shape_cases for line in case.read_text().splitlines()
                if line.startswith("# expect: ")}
    assert len({p.split(":")[0] for p in problems}) >= 15
    assert set(problems) <= expected
    assert result.stderr.splitlines()[-1] == f"{len(problems)} problem(s) in rules"
