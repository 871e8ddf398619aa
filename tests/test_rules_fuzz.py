"""Fuzzing the rule loader: any YAML gives either valid data or located messages."""
import os
import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from site_plugins.rules import RulesError, load_rules

ROOT = Path(__file__).resolve().parent.parent
REAL = {p.name: p.read_text() for p in sorted((ROOT / "rules").glob("*.yml"))}
LOCATED = re.compile(r"^rules/([^:]+\.yml:\d+:\d+|): .+")
WORDS = ["id", "kind", "title", "text", "sources", "plan", "when", "to", "at", "step",
         "rules", "disagreements", "positions", "default", "effect", "timing", "channel",
         "action", "how", "hr", "email", "interview + 2h", "decision + 1d..2d", "malone",
         "coon", "x + 99999999d", "true", "null", "-", ":", "[", "{", "&a", "*a", "!!python/name:os.system"]


def load_text(files):
    """Load a rules folder made of {name: text}; return the data or the problems."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "rules").mkdir()
        for name, text in files.items():
            (Path(folder) / "rules" / name).write_text(text, encoding="utf-8")
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            return load_rules("rules")
        except RulesError as error:
            return error.problems
        finally:
            os.chdir(cwd)


def check(outcome):
    if isinstance(outcome, dict):
        assert outcome["rules"] and outcome["sources"]
    else:
        assert outcome and all(LOCATED.match(problem) for problem in outcome), outcome


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.sampled_from(WORDS) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(WORDS) | st.text(max_size=6), inner, max_size=5),
    max_leaves=25)
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=10), max_size=40).map(" ".join))
def test_word_salad(text):
    check(load_text({"salad.yml": text}))


@FUZZ
@given(yaml_values)
def test_well_formed_yaml_of_any_shape(value):
    check(load_text({"shape.yml": yaml.safe_dump(value)}))


@FUZZ
@given(st.sampled_from(sorted(REAL)), st.data())
def test_mutated_real_rule_files(name, data):
    """The real rule base with one file's lines cut, repeated, re-indented or replaced."""
    lines = REAL[name].splitlines()
    index = data.draw(st.integers(0, len(lines) - 1))
    how = data.draw(st.sampled_from(["cut", "repeat", "indent", "dedent", "replace"]))
    if how == "cut":
        del lines[index]
    elif how == "repeat":
        lines.insert(index, lines[index])
    elif how == "indent":
        lines[index] = "  " + lines[index]
    elif how == "dedent":
        lines[index] = lines[index].lstrip()
    else:
        lines[index] = data.draw(st.sampled_from(WORDS) | st.text(max_size=20))
    check(load_text(dict(REAL, **{name: "\n".join(lines)})))
