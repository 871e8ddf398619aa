"""Adversarial rule folders: `followup check` gives one located message and exit 1, within
1 GB of memory and 20 seconds, and never a traceback, a hang or a crash."""
import errno
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from site_plugins import bounded
from site_plugins.rules import RulesError, load_rules

ROOT = Path(__file__).resolve().parent.parent
MEMORY = 1 << 30
SECONDS = 20
A_RULE_FILE = (ROOT / "tests/broken_rules/14-timing-hours-too-many.yml").read_text()


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def followup_check(folder):
    return subprocess.run([sys.executable, "-m", "site_plugins.cli", "check", "rules"],
                          cwd=folder, capture_output=True, text=True, timeout=SECONDS,
                          preexec_fn=limit_memory, check=False)


def aliases(layers, width):
    """YAML where each layer lists `width` aliases of the one before: width**layers values."""
    lines = ["layer-0: &layer0 [" + ", ".join(["x"] * width) + "]"]
    lines += ["layer-%d: &layer%d [%s]" % (n, n, ", ".join(["*layer%d" % (n - 1)] * width))
              for n in range(1, layers)]
    return "\n".join(lines) + "\nsources: [%s]\n" % ", ".join(["*layer%d" % (layers - 1)] * width)


def positions_bomb(width):
    """A disagreement of `width` positions citing `width` sources each, all by alias."""
    position = "p: &p {id: a, label: A, summary: S, sources: [%s], effect: {}}\n" % (
        ", ".join(["alpha"] * width))
    return position + ("disagreements: [{id: d, step: s, question: Q, default: a, "
                       "why_default: W, positions: [%s]}]\n" % ", ".join(["*p"] * width))


def sparse(path, size):
    with open(path, "wb") as file:
        file.truncate(size)


CASES = {  # name -> (how to make rules/x.yml, the message after "rules/x.yml")
    "a folder": (os.mkdir, ": is a folder, not a file"),
    "a symlink loop": (lambda path: os.symlink("x.yml", path),
                       ": is a symbolic link that loops back on itself"),
    "a dangling symlink": (lambda path: os.symlink("gone.yml", path),
                           ": is a symbolic link to nothing"),
    "a symlink to a folder": (lambda path: os.symlink(".", path), ": is a folder, not a file"),
    "a FIFO": (os.mkfifo, ": is a FIFO (named pipe), not a file"),
    "a symlink to /dev/zero": (lambda path: os.symlink("/dev/zero", path),
                               ": is a device, not a file"),
    "a symlink to /dev/urandom": (lambda path: os.symlink("/dev/urandom", path),
                                  ": is a device, not a file"),
    "a 50 MB file": (lambda path: sparse(path, 50 << 20),
                     ": is larger than 512 KB; split it into smaller files"),
    "a file one byte too large": (lambda path: path.write_text("#" * (512 * 1024 + 1)),
                                  ": is larger than 512 KB; split it into smaller files"),
    "3,000-deep flow nesting": (lambda path: path.write_text("a: " + "[" * 3000 + "]" * 3000),
                                ":1:53: nested more than 50 levels deep"),
    "400-deep block nesting": (lambda path: path.write_text(
        "".join(" " * depth + "- \n" for depth in range(400))),
        ":51:51: nested more than 50 levels deep"),
    "an alias bomb of 30 KB (1000**3 values)": (lambda path: path.write_text(aliases(3, 1000)),
                                                ":2:10: aliases make this stand for more "
                                                "than 100,000 values"),
    "aliases nested as the format nests": (lambda path: path.write_text(positions_bomb(400)),
                                           ":2:86: aliases make this stand for more than "
                                           "100,000 values"),
    "a 5,000-digit number in a timing": (lambda path: path.write_text(
        A_RULE_FILE.replace("interview + 30h", "interview + " + "9" * 5000 + "d")),
        ":17:11: plan at 'interview + " + "9" * 48 + "…' (5013 characters): a number of "
        "more than 4 digits; at most 365 days after its anchor"),
    "Arabic-Indic digits in a timing": (lambda path: path.write_text(
        A_RULE_FILE.replace("interview + 30h", "interview + ١٢d")),
        ":17:11: plan at 'interview + ١٢d' does not parse: write ANCHOR + N(h|d|w), "
        "e.g. 'interview + 2h', 'decision + 1d..2d', 'next-interview - 1d'"),
    "bytes that are not UTF-8": (lambda path: path.write_bytes(b"sources: \xff\xfe\n"),
                                 ":1:1: not UTF-8 text (invalid start byte)"),
}


@pytest.mark.parametrize("make, message", CASES.values(), ids=list(CASES))
def test_followup_check_names_the_file_and_stops_in_bounds(tmp_path, make, message):
    (tmp_path / "rules").mkdir()
    make(tmp_path / "rules" / "x.yml")
    result = followup_check(tmp_path)
    assert "Traceback" not in result.stderr
    assert (result.returncode, result.stderr) == (
        1, f"rules/x.yml{message}\n1 problem(s) in rules\n")


def many_files(folder, count, size):
    folder.mkdir()
    for number in range(count):
        (folder / f"{number}.yml").write_text("#" * size)


FOLDERS = {  # name -> (how to make rules, the message)
    "no folder": (lambda path: None, "rules: does not exist"),
    "a file": (lambda path: path.write_text("sources: []\n"), "rules: is not a folder"),
    "a FIFO": (os.mkfifo, "rules: is not a folder"),
    "a symlink to /dev/zero": (lambda path: os.symlink("/dev/zero", path),
                               "rules: is not a folder"),
    "1,001 empty files": (lambda path: many_files(path, 1001, 0),
                          "rules/: 1001 rule files, 0 KB in all; the loader reads at most "
                          "1000 files and 1024 KB in all"),
    "five files of 250 KB": (lambda path: many_files(path, 5, 250 * 1024),
                             "rules/: 5 rule files, 1250 KB in all; the loader reads at most "
                             "1000 files and 1024 KB in all"),
}


@pytest.mark.parametrize("make, message", FOLDERS.values(), ids=list(FOLDERS))
def test_followup_check_names_a_rules_folder_it_will_not_read(tmp_path, make, message):
    make(tmp_path / "rules")
    result = followup_check(tmp_path)
    assert (result.returncode, result.stderr) == (1, f"{message}\n1 problem(s) in rules\n")


def test_the_byte_budget_counts_what_is_read_not_what_files_report(tmp_path, monkeypatch):
    """1,000 links to /proc/self/maps report 0 bytes each but hold tens of KB: reading
    stops at 1 MB in all, with one located message, instead of reading them all."""
    (tmp_path / "rules").mkdir()
    for number in range(1000):
        os.symlink("/proc/self/maps", tmp_path / "rules" / f"{number:04}.yml")
    read = []
    real_read = bounded.os.read
    monkeypatch.setattr(bounded.os, "read", lambda fd, n: read.append(real_read(fd, n))
                        or read[-1])
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RulesError) as raised:
        load_rules("rules")
    past = [p for p in raised.value.problems if "past 1024 KB in all" in p]
    assert len(past) == 1 and past[0].startswith("rules/0") and past[0].endswith(
        ".yml: takes the files read past 1024 KB in all, the most the loader reads; the "
        "files after it are not read")
    assert sum(map(len, read)) <= bounded.MAX_TOTAL_BYTES + 1000


def test_a_bad_file_does_not_hide_the_problems_of_the_others(tmp_path):
    (tmp_path / "rules").mkdir()
    os.mkfifo(tmp_path / "rules" / "a.yml")
    (tmp_path / "rules" / "b.yml").write_text(A_RULE_FILE)
    result = followup_check(tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "rules/a.yml: is a FIFO (named pipe), not a file",
        "rules/b.yml:17:11: plan at 'interview + 30h': hours must be 0 to 23 after the anchor, with no range",
        "2 problem(s) in rules"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_named(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "x.yml").write_text(A_RULE_FILE)
    (tmp_path / "rules" / "x.yml").chmod(0)
    assert followup_check(tmp_path).stderr.splitlines()[0] == (
        "rules/x.yml: cannot be read: permission denied")


def test_a_refused_open_is_explained_in_words(tmp_path, monkeypatch):
    """The same as an unreadable file, where the tests run as root (which reads anything)."""
    def refuse(*args):
        raise PermissionError(errno.EACCES, "Permission denied")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "x.yml").write_text(A_RULE_FILE)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(bounded.os, "open", refuse)
    with pytest.raises(RulesError) as raised:
        load_rules("rules")
    assert raised.value.problems == ["rules/x.yml: cannot be read: permission denied"]


def test_the_limits_leave_room_for_the_real_rules():
    data = load_rules(ROOT / "rules")
    assert data["rules"]
    biggest = max(path.stat().st_size for path in (ROOT / "rules").glob("*.yml"))
    assert biggest * 10 < bounded.MAX_BYTES
