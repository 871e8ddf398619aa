"""`followup` on any terminal and at any length: output that the terminal's encoding cannot
hold degrades to replacement characters, valid UTF-8 arguments are read under a C locale,
every failure exits non-zero wherever its message can or cannot go, names lose what would
act on a terminal or a calendar, and thousands of repeated flags take moments."""
import json
import os
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from site_plugins import cli

ROOT = Path(__file__).resolve().parent.parent
PLAN = ["plan", "--interviewed", "2026-11-16", "--today", "2026-11-18"]


def followup(args, env=None, **kwargs):
    """Run the command as a shell would, arguments as bytes, in the project folder."""
    args = [arg if isinstance(arg, bytes) else arg.encode("utf-8") for arg in args]
    return subprocess.run([sys.executable.encode(), b"-m", b"site_plugins.cli", *args],
                          cwd=ROOT, env=dict(os.environ, **(env or {})), timeout=60,
                          check=False, **kwargs)


@pytest.mark.parametrize("encoding", ["cp1252", "ascii", "latin-1"])
def test_a_name_the_output_cannot_encode_is_replaced_not_a_traceback(encoding):
    result = followup(PLAN + ["--company", "Łódź", "--interviewer", "山田 Zoë"],
                      env={"PYTHONIOENCODING": encoding}, capture_output=True)
    assert (result.returncode, result.stderr) == (0, b"")
    text = result.stdout.decode(encoding)
    assert "Follow-up plan for ?" in text and "Next:" in text  # no "Ł" in any of them


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_json_on_a_narrow_terminal_stays_whole(encoding):
    result = followup(PLAN + ["--company", "Łódź", "--format", "json"],
                      env={"PYTHONIOENCODING": encoding}, capture_output=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.decode(encoding))["interview"]["company"] == "Łódź"


C_LOCALE = {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": "", "LANG": "C"}


def test_valid_utf8_arguments_are_read_under_a_c_locale():
    result = followup(PLAN + ["--company", "Łódź", "--format", "json"], env=C_LOCALE,
                      capture_output=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["interview"]["company"] == "Łódź"


def test_a_rules_folder_named_in_utf8_is_read_under_a_c_locale(tmp_path):
    folder = tmp_path / "règles"
    folder.symlink_to(ROOT / "rules")
    result = followup(PLAN + ["--rules", str(folder)], env=C_LOCALE, capture_output=True)
    assert result.returncode == 0, result.stderr


def test_bytes_that_are_not_utf8_are_still_refused_under_a_c_locale():
    result = followup(PLAN + ["--company", b"Acme \xff"], env=C_LOCALE, capture_output=True)
    assert result.returncode == 2
    assert result.stderr == b"followup plan: --company 'Acme \\udcff': is not valid UTF-8 text\n"


def stderr_reader_gone():
    """A pipe for stderr whose reading end is already closed."""
    read, write = os.pipe()
    os.close(read)
    return write


@pytest.mark.parametrize("args, code", [
    (["plan", "--interviewed", "2026-02-30"], 2),
    (PLAN + ["--choose", "no-such=thing"], 2),
    (["check", "no-such-folder"], 1),
    (["plan"], 2),
])
def test_every_failure_exits_non_zero_when_stderr_has_no_reader(args, code):
    write = stderr_reader_gone()
    try:
        result = followup(args, stdout=subprocess.DEVNULL, stderr=write)
    finally:
        os.close(write)
    assert result.returncode == code


def test_every_failure_exits_non_zero_when_stderr_is_closed():
    result = followup(["plan", "--interviewed", "2026-02-30"], stdout=subprocess.PIPE,
                      preexec_fn=lambda: os.close(2))
    assert (result.returncode, result.stdout) == (2, b"")


@pytest.mark.parametrize("args", [["--help"], ["plan", "--help"], []])
def test_help_that_cannot_be_written_exits_non_zero(args):
    with open("/dev/full", "wb") as full:
        result = followup(args, stdout=full, stderr=subprocess.PIPE)
    assert result.returncode != 0
    assert result.stderr.endswith(b"followup: cannot write the output: No space left on device\n")


@pytest.mark.parametrize("args, code", [(["--help"], 0), ([], 2)])
def test_help_whose_reader_stopped_early_ends_quietly_with_its_own_status(args, code):
    read, write = os.pipe()
    os.close(read)
    try:
        result = followup(args, stdout=write, stderr=subprocess.PIPE)
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (code, b"")


def test_the_same_choice_twice_is_said_in_a_bounded_line():
    key = "k" * 100_000  # the longest argument Linux passes is 128 KB
    result = followup(PLAN + ["--choose", key + "=a", "--choose", key + "=b"],
                      capture_output=True)
    assert result.returncode == 2
    line = result.stderr.decode()
    assert line.count("\n") == 1 and len(line) < 400
    assert "is already chosen" in line and "(100002 characters)" in line


@pytest.mark.parametrize("form", ["text", "json", "ics"])
def test_names_lose_line_breaks_and_hidden_characters_in_every_output(form):
    company = "Acme\r\nX-Evil: 1"
    name = "Ana\u202e\u200bRuiz\u2066"
    result = followup(PLAN + ["--company", company, "--interviewer", name, "--role",
                              "Dev\u200f\nOps", "--format", form], capture_output=True)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    for hidden in "\u202e\u200b\u2066\u200f\x00":
        assert hidden not in out
    assert "X-Evil" not in out.replace("Acme X-Evil: 1", "")
    assert "AnaRuiz" in out or form == "ics"
    if form == "ics":
        assert not any(line.startswith("X-Evil") for line in out.split("\r\n"))


@pytest.mark.parametrize("flag, value", [
    ("--interviewer", "Ana"), ("--holiday", "2026-12-01"), ("--choose", "a=b"),
    ("--no-hr", None), ("--decision-within", "1w")])
def test_twenty_thousand_repeated_flags_take_moments(capsys, flag, value):
    """argparse rescans the whole command line for each option: 20,000 took seconds to
    minutes (7.8 s for --interviewer). Far more arguments than any plan needs are
    refused, after counting them once."""
    args = PLAN + [flag, value] * 20_000 if value else PLAN + [flag] * 20_000
    started = time.perf_counter()
    assert cli.main(args) == 2
    assert time.perf_counter() - started < 1.0
    message = capsys.readouterr().err
    assert message.startswith("followup plan: ") and message.count("\n") == 1
    assert f"{flag} given 20000 times" in message and "at most 2000 arguments" in message


def test_the_most_a_plan_can_take_is_well_within_the_argument_limit(capsys):
    days_off = [date(2027, 1, 1) + timedelta(days=offset) for offset in range(365)]
    args = (PLAN + ["--interviewer", "Ana"] * 20 + ["--format", "json"]
            + [arg for day in days_off for arg in ("--holiday", day.isoformat())])
    assert len(args) * 2 < cli.MAX_ARGUMENTS
    assert cli.main(args) == 0
    assert len(json.loads(capsys.readouterr().out)["items"]) > 5
