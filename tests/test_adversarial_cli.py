"""Adversarial command lines: each gives exit status 2 and exactly one line naming the flag
and the value, and never a traceback. Arguments go in as bytes, as a shell passes them, so
bytes that are not UTF-8 can be tried too. Every case runs in an empty folder."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from site_plugins.rules import load_rules

INTERVIEWED = ["plan", "--interviewed", "2026-11-18"]
ROOT = Path(__file__).resolve().parent.parent
NOT_A_NUMBER = "must be a number of days or weeks, like 10d or 2w"
NOT_A_DATE = "is not a real date (use YYYY-MM-DD)"
RULES = load_rules(Path(__file__).resolve().parent.parent / "rules")
DISAGREEMENTS = "(known: %s)" % ", ".join(d["id"] for d in RULES["disagreements"])
NOTE_MEDIUMS = "(known: %s)" % ", ".join(p["id"] for d in RULES["disagreements"]
                                         if d["id"] == "note-medium" for p in d["positions"])
LONG = "9" * 100_000

CASES = [
    # A single-value flag given twice is an error, in every spelling.
    (INTERVIEWED + ["--interviewed", "2026-11-19"], "followup plan: --interviewed: given twice"),
    (INTERVIEWED + ["--today", "2026-11-20", "--today=2026-11-21"],
     "followup plan: --today: given twice"),
    (INTERVIEWED + ["--decision-by", "2026-11-20", "--decision-by", "2026-11-21"],
     "followup plan: --decision-by: given twice"),
    (INTERVIEWED + ["--decision-within", "1w", "--decision-within", "2w"],
     "followup plan: --decision-within: given twice"),
    (INTERVIEWED + ["--call-back-on", "2026-11-20", "--call-back-on", "2026-11-21"],
     "followup plan: --call-back-on: given twice"),
    (INTERVIEWED + ["--call-back-within", "3d", "--call-back-within", "3d"],
     "followup plan: --call-back-within: given twice"),
    (INTERVIEWED + ["--rejected-on", "2026-11-20", "--rejected-on", "2026-11-20"],
     "followup plan: --rejected-on: given twice"),
    (INTERVIEWED + ["--format", "json", "--format", "ics"], "followup plan: --format: given twice"),
    (INTERVIEWED + ["--rules", "a", "--rules", "b"], "followup plan: --rules: given twice"),
    (["render", "--out", "a", "--out", "b"], "followup render: --out: given twice"),
    (["render", "--out", "a", "--config", "x.yml", "--config", "y.yml"],
     "followup render: --config: given twice"),
    (["render", "--out", "a", "--today", "2026-11-18", "--today", "2026-11-18"],
     "followup render: --today: given twice"),
    # One choice per disagreement, too.
    (INTERVIEWED + ["--choose", "note-medium=email", "--choose", "note-medium=printed"],
     "followup plan: --choose 'note-medium=printed': 'note-medium' is already chosen "
     "(note-medium=email)"),
    # Bytes that are not UTF-8.
    (INTERVIEWED + ["--interviewer", b"Ana \xff", "--format", "ics"],
     r"followup plan: --interviewer 'Ana \udcff': is not valid UTF-8 text"),
    (["plan", "--interviewed", b"2026-11-18\xe9"],
     r"followup plan: --interviewed '2026-11-18\udce9': is not valid UTF-8 text"),
    (INTERVIEWED + [b"--today=2026-11-\xc3("],
     r"followup plan: --today '2026-11-\udcc3(': is not valid UTF-8 text"),
    (INTERVIEWED + ["--choose", b"note-medium=\xed\xa0\x80"],
     r"followup plan: --choose 'note-medium=\udced\udca0\udc80': is not valid UTF-8 text"),
    (INTERVIEWED + ["--holiday", b"\x80"], r"followup plan: --holiday '\udc80': is not valid UTF-8 text"),
    (INTERVIEWED + ["--rules", b"rul\xffes"],
     r"followup plan: --rules 'rul\udcffes': is not valid UTF-8 text"),
    (["check", b"rul\xffes"], r"followup check: RULES_DIR 'rul\udcffes': is not valid UTF-8 text"),
    (["render", "--out", b"\xfe"], r"followup render: --out '\udcfe': is not valid UTF-8 text"),
    # Digits are ASCII only: superscript, Arabic-Indic and fullwidth digits are refused.
    (INTERVIEWED + ["--decision-within", "²d"], f"followup plan: --decision-within '²d': {NOT_A_NUMBER}"),
    (INTERVIEWED + ["--decision-within", "١٢d"], f"followup plan: --decision-within '١٢d': {NOT_A_NUMBER}"),
    (INTERVIEWED + ["--decision-within", "１２d"], f"followup plan: --decision-within '１２d': {NOT_A_NUMBER}"),
    (INTERVIEWED + ["--call-back-within", "٣w"], f"followup plan: --call-back-within '٣w': {NOT_A_NUMBER}"),
    (["plan", "--interviewed", "٢٠٢٦-١١-١٨"], f"followup plan: --interviewed '٢٠٢٦-١١-١٨': {NOT_A_DATE}"),
    (["plan", "--interviewed", "２０２６-11-18"], f"followup plan: --interviewed '２０２６-11-18': {NOT_A_DATE}"),
    (INTERVIEWED + ["--decision-by", "2026-¹1-20"], f"followup plan: --decision-by '2026-¹1-20': {NOT_A_DATE}"),
    (INTERVIEWED + ["--holiday", "2026-11-２０"], f"followup plan: --holiday '2026-11-２０': {NOT_A_DATE}"),
    (INTERVIEWED + ["--today", "2026-1１-20"], f"followup plan: --today '2026-1１-20': {NOT_A_DATE}"),
    # Empty values are mistakes, not a way to leave a flag out.
    (["plan", "--interviewed", ""], "followup plan: --interviewed '': must not be empty"),
    (INTERVIEWED + ["--today="], "followup plan: --today '': must not be empty"),
    (INTERVIEWED + ["--decision-within", ""], "followup plan: --decision-within '': must not be empty"),
    (INTERVIEWED + ["--decision-by", " "], "followup plan: --decision-by ' ': must not be empty"),
    (INTERVIEWED + ["--interviewer", ""], "followup plan: --interviewer '': must not be empty"),
    (INTERVIEWED + ["--holiday", "\t"], r"followup plan: --holiday '\t': must not be empty"),
    (INTERVIEWED + ["--choose", ""], "followup plan: --choose '': must not be empty"),
    (INTERVIEWED + ["--rules", ""], "followup plan: --rules '': must not be empty"),
    (INTERVIEWED + ["--format", ""],
     "followup plan: argument --format: invalid choice: '' (choose from 'text', 'json', 'ics')"),
    (["check", ""], "followup check: RULES_DIR '': must not be empty"),
    (["render", "--out", ""], "followup render: --out '': must not be empty"),
    (["render", "--out", "a", "--config", ""], "followup render: --config '': must not be empty"),
    # Very long values are quoted in part, with their length.
    (["plan", "--interviewed", LONG],
     f"followup plan: --interviewed '{'9' * 77}…' (100000 characters): {NOT_A_DATE}"),
    (INTERVIEWED + ["--decision-within", LONG + "d"],
     f"followup plan: --decision-within '{'9' * 77}…' (100001 characters): {NOT_A_NUMBER}"),
    (INTERVIEWED + ["--choose", "x" * 50_000 + "=y"],
     f"followup plan: --choose '{'x' * 77}…' (50002 characters): is not a disagreement "
     f"{DISAGREEMENTS}"),
    # --choose with odd text.
    (INTERVIEWED + ["--choose", "note-medium"],
     "followup plan: --choose 'note-medium': must be DISAGREEMENT=POSITION"),
    (INTERVIEWED + ["--choose", "="], f"followup plan: --choose '=': is not a disagreement {DISAGREEMENTS}"),
    (INTERVIEWED + ["--choose", "=email"],
     f"followup plan: --choose '=email': is not a disagreement {DISAGREEMENTS}"),
    (INTERVIEWED + ["--choose", "note-medium="],
     "followup plan: --choose 'note-medium=': is not a position "
     + NOTE_MEDIUMS),
    (INTERVIEWED + ["--choose", "note-medium=email=x"],
     "followup plan: --choose 'note-medium=email=x': is not a position "
     + NOTE_MEDIUMS),
    (INTERVIEWED + ["--choose", "NOTE-MEDIUM=email"],
     f"followup plan: --choose 'NOTE-MEDIUM=email': is not a disagreement {DISAGREEMENTS}"),
    (INTERVIEWED + ["--choose", "note-medium = email"],
     f"followup plan: --choose 'note-medium = email': is not a disagreement {DISAGREEMENTS}"),
    (INTERVIEWED + ["--choose", "../../etc=passwd"],
     f"followup plan: --choose '../../etc=passwd': is not a disagreement {DISAGREEMENTS}"),
    # What argparse itself says stays one line.
    (["plan", "--interview", "2026-11-18"],
     "followup plan: ambiguous option: --interview could match --interviewed, --interviewer"),
    (INTERVIEWED + ["--interviewer", "-x"], "followup plan: argument --interviewer: expected one argument"),
    (INTERVIEWED + ["--decision-by", "2026-11-20", "--decision-within", "1w"],
     "followup plan: argument --decision-within: not allowed with argument --decision-by"),
]


def as_bytes(arg):
    return arg if isinstance(arg, bytes) else arg.encode("utf-8")


def case_id(args):
    text = " ".join(str(arg) for arg in args)
    return text if len(text) < 70 else text[:67] + "..."


@pytest.mark.parametrize("args, message", CASES, ids=[case_id(args) for args, _ in CASES])
def test_bad_command_line_exits_2_with_one_line(tmp_path, args, message):
    result = subprocess.run([sys.executable.encode(), b"-m", b"site_plugins.cli",
                             *map(as_bytes, args)], cwd=tmp_path, capture_output=True,
                            timeout=60, check=False)
    stderr = result.stderr.decode("utf-8")
    assert "Traceback" not in stderr
    assert (result.returncode, result.stdout, stderr) == (2, b"", message + "\n")
    assert list(tmp_path.iterdir()) == []  # nothing written, nothing made


def test_repeatable_flags_stay_repeatable(tmp_path):
    result = subprocess.run([sys.executable, "-m", "site_plugins.cli", *INTERVIEWED,
                             "--today", "2026-11-18", "--format", "json",
                             "--interviewer", "Ana", "--interviewer", "Bo",
                             "--holiday", "2026-11-19", "--holiday", "2026-11-20",
                             "--choose", "note-medium=printed", "--choose",
                             "follow-up-channel=phone"], cwd=tmp_path, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert '"send-thank-you:bo"' in result.stdout and '"printed"' in result.stdout


def test_output_cut_short_by_its_reader_is_not_an_error():
    """`followup … | head`: whoever reads the output stops early; no traceback."""
    for args in (["check"], INTERVIEWED + ["--format", "json"]):
        read, write = os.pipe()
        os.close(read)  # nobody will read: the first write finds the pipe closed
        run = subprocess.run([sys.executable, "-m", "site_plugins.cli", *args], stdout=write,
                             stderr=subprocess.PIPE, cwd=Path(__file__).resolve().parent.parent)
        os.close(write)
        assert b"Traceback" not in run.stderr and b"Error" not in run.stderr, run.stderr


@pytest.mark.parametrize("args", [["check"], INTERVIEWED, INTERVIEWED + ["--format", "ics"]])
def test_output_that_cannot_be_written_is_said_in_one_line(args):
    with open("/dev/full", "wb") as full:
        run = subprocess.run([sys.executable, "-m", "site_plugins.cli", *args], stdout=full,
                             stderr=subprocess.PIPE, text=True, cwd=ROOT)
    assert (run.returncode, run.stderr) == (
        1, "followup: cannot write the output: No space left on device\n")


def test_closed_stdout_or_stderr_never_mixes_messages_into_the_output():
    closed_out = subprocess.run(
        [sys.executable, "-m", "site_plugins.cli", *INTERVIEWED], stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True, cwd=ROOT,
        preexec_fn=lambda: os.close(1))
    assert (closed_out.returncode, closed_out.stderr) == (
        1, "followup: there is no standard output to write to\n")
    closed_err = subprocess.run(
        [sys.executable, "-m", "site_plugins.cli", *INTERVIEWED, "--rules", "/nonexistent"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT,
        preexec_fn=lambda: os.close(2))
    assert (closed_out.returncode != 0, closed_err.returncode, closed_err.stdout) == (True, 1, "")
