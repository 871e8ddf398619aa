"""The MkDocs plugin as a site maintainer meets it: build errors and the instant-navigation guard."""
import os
import re
import subprocess
import sys

from conftest import project_copy


def mkdocs_build(project, **env):
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "out"],
                          cwd=project, capture_output=True, text=True, check=False,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env))


def test_a_broken_rule_fails_the_build_with_the_loaders_located_message(tmp_path):
    project = project_copy(tmp_path)
    rule_file = project / "rules" / "05-escalate.yml"
    text = rule_file.read_text()
    assert "    sources: {hiring-manager: " in text
    rule_file.write_text(text.replace("    sources: {hiring-manager: ", "    sources: {hiring-manger: ", 1))
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert re.search(r"rules/05-escalate\.yml:\d+:\d+: rule sources key: unknown source "
                     r"'hiring-manger'", result.stderr)
    assert "Traceback" not in result.stderr


def test_instant_navigation_is_turned_off_and_the_build_says_why(tmp_path):
    project = project_copy(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("    - navigation.sections\n",
                                                 "    - navigation.instant\n    - navigation.sections\n"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert "turned off navigation.instant" in result.stderr
    assert "navigation.instant" not in (project / "out" / "index.html").read_text()


def test_a_plan_day_the_planner_cannot_take_fails_the_build_with_one_message(tmp_path):
    result = mkdocs_build(project_copy(tmp_path), FOLLOWUP_TODAY="9999-12-31")
    assert result.returncode != 0
    assert "followup: today '9999-12-31' must be between the years 1900 and 9000" in result.stderr
    assert "Traceback" not in result.stderr
