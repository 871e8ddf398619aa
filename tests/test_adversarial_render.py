"""`followup render --out DIR` only ever replaces what it wrote itself: every other target,
and a folder where anything else has been put since, is refused with one line and exit 2,
and every file stays byte for byte as it was.
Each case runs on a copy of the project inside tmp_path, never on the real one."""
import hashlib
import os
import subprocess
import sys

import pytest

from conftest import BUILD_DAY, project_copy
from site_plugins.export import MARKER


def render(project, *args):
    result = subprocess.run([sys.executable, "-m", "site_plugins.cli", "render",
                             "--today", BUILD_DAY, *args], cwd=project, capture_output=True,
                            text=True, timeout=120, check=False)
    assert "Traceback" not in result.stderr
    return result


def snapshot(folder):
    """Every file, folder and link under `folder`: path -> content hash or link target."""
    seen = {}
    for parent, folders, files in os.walk(folder):
        for name in folders + files:
            path = os.path.join(parent, name)
            if os.path.islink(path):
                seen[path] = "-> " + os.readlink(path)
            elif os.path.isfile(path):
                with open(path, "rb") as file:
                    seen[path] = hashlib.sha256(file.read()).hexdigest()
            else:
                seen[path] = "folder"
    return seen


@pytest.fixture
def world(tmp_path):
    """A project copy, a stranger's folder beside it, and a file."""
    (tmp_path / "project").mkdir()
    project = project_copy(tmp_path / "project")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "precious.txt").write_text("a stranger's file\n")
    (project / "notes.txt").write_text("not a folder\n")
    return project


VICTIMS = {  # --out -> the message after "followup render: --out '<out>': "
    ".": "holds the project's mkdocs.yml ({project}/mkdocs.yml); choose a folder of its own",
    "..": "holds the project's mkdocs.yml ({project}/mkdocs.yml); choose a folder of its own",
    "/": "holds the project's mkdocs.yml ({project}/mkdocs.yml); choose a folder of its own",
    "docs": "is the project's docs_dir ({project}/docs); choose a folder of its own",
    "docs/": "is the project's docs_dir ({project}/docs); choose a folder of its own",
    "docs/new": "is inside the project's docs_dir ({project}/docs); choose a folder of its own",
    "rules": "is the project's rules ({project}/rules); choose a folder of its own",
    "./rules/../docs": "is the project's docs_dir ({project}/docs); choose a folder of its own",
    "node_modules": "is a symbolic link; name the folder itself",
    "../elsewhere": "is not empty and was not made by followup render (it has no "
                    ".followup-render file); choose a new or empty folder",
    "notes.txt": "is a file, not a folder",
    "mkdocs.yml": "is a file, not a folder",
    "notes.txt/sub": "cannot be used: Not a directory",
}


@pytest.mark.parametrize("out, message", VICTIMS.items(), ids=list(VICTIMS))
def test_render_refuses_a_folder_it_did_not_make_and_touches_nothing(world, out, message):
    before = snapshot(world.parent)
    result = render(world, "--out", out)
    assert (result.returncode, result.stdout, result.stderr) == (
        2, "", f"followup render: --out {out!r}: {message.format(project=world)}\n")
    assert snapshot(world.parent) == before


def test_render_replaces_its_own_output_and_only_that(world):
    first = render(world, "--out", "rendered")
    assert first.returncode == 0, first.stderr
    marker = world / "rendered" / MARKER
    assert "docs/checklist/index.md\n" in marker.read_text()
    # A page an earlier render wrote that this one no longer writes:
    (world / "rendered" / "docs" / "old").mkdir()
    (world / "rendered" / "docs" / "old" / "gone.md").write_text("from an earlier run\n")
    marker.write_text(marker.read_text() + "docs/old/gone.md\n")
    outside = snapshot(world.parent / "elsewhere")
    again = render(world, "--out", "rendered")
    assert again.returncode == 0, again.stderr
    assert not (world / "rendered" / "docs" / "old").exists()
    assert (world / "rendered" / "docs" / "checklist" / "index.md").is_file()
    assert snapshot(world.parent / "elsewhere") == outside


@pytest.mark.parametrize("stranger", ["docs/mine/notes.md", "other-users-file", "docs/empty/"])
def test_render_adopts_an_empty_folder_but_never_what_others_put_there_since(world, stranger):
    shared = world / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # like /dev/shm or /tmp: other people write here too
    first = render(world, "--out", "shared")
    assert first.returncode == 0, first.stderr
    if stranger.endswith("/"):
        (shared / stranger).mkdir()
    else:
        (shared / stranger).parent.mkdir(exist_ok=True)
        (shared / stranger).write_text("someone else's\n")
    before = snapshot(shared)
    again = render(world, "--out", "shared")
    assert (again.returncode, again.stdout) == (2, "")
    assert again.stderr == (f"followup render: --out 'shared': holds 1 thing(s) followup "
                            f"render did not write, e.g. {stranger.split('/notes')[0].rstrip('/')!r}; move them "
                            "out or choose another folder\n")
    assert snapshot(shared) == before
    assert oct(shared.stat().st_mode & 0o7777) == "0o1777"


def test_a_failed_render_keeps_the_previous_output(world):
    assert render(world, "--out", "rendered").returncode == 0
    before = snapshot(world / "rendered")
    (world / "rules" / "sources.yml").write_text("sources: [\n")
    result = render(world, "--out", "rendered")
    assert result.returncode == 1
    assert result.stderr.startswith("followup render: problems in the rules:\nrules/sources.yml:")
    assert snapshot(world / "rendered") == before


CONFIGS = {  # mkdocs.yml bytes -> the message after "followup render: mkdocs.yml"
    b"- a list\n": ": the config must be a mapping of settings (site_name: …), not a list",
    b"": ": the config must be a mapping of settings (site_name: …), not nothing",
    b"just text\n": ": the config must be a mapping of settings (site_name: …), not text",
    b"site_name: x\ndocs_dir: [a]\n": ": docs_dir must be a folder name, not a list",
    b"site_name: x\ndocs_dir: nowhere\n": ": docs_dir 'nowhere': is not a folder",
    b"site_name: x\ndocs_dir: nowhere/\n": ": docs_dir 'nowhere/': is not a folder",
    b"site_name: x\nplugins: 5\n": ": plugins must be a list or a mapping, not a number",
    b"site_name: x\nplugins:\n  - followup: [rules]\n":
        ": the followup plugin's options must be a mapping, not a list",
    b"site_name: x\nplugins:\n  - followup:\n      rules: 7\n":
        ": rules must be a folder name, not a number",
    b"site_name: x\nplugins:\n  - followup:\n      today: 5\n":
        ": the followup plugin's today must be a date like 2026-11-18, not a number",
    b"site_name: [\n": ":2:1: YAML syntax error: expected the node content, but found "
                       "'<stream end>'",
    b"site_name: !!bool maybe\n": ":1:12: this value cannot be read as tag:yaml.org,2002:bool",
    b"site_name: x\nn: " + b"9" * 5000 + b"\n":
        ":2:4: this value cannot be read as tag:yaml.org,2002:int",
    b"site_name: \xff\n": ": not UTF-8 text (invalid start byte)",
    b"a: &a [" + b",".join([b"x"] * 400) + b"]\nb: [" + b",".join([b"*a"] * 400) + b"]\n":
        ":2:4: aliases make this stand for more than 100,000 values",
}


@pytest.mark.parametrize("text, message", CONFIGS.items(), ids=[repr(t[:24]) for t in CONFIGS])
def test_render_explains_a_config_it_cannot_use(world, text, message):
    (world / "mkdocs.yml").write_bytes(text)
    before = snapshot(world.parent)
    result = render(world, "--out", "rendered")
    assert (result.returncode, result.stderr) == (2, f"followup render: mkdocs.yml{message}\n")
    assert snapshot(world.parent) == before


def test_render_takes_mkdocs_default_docs_dir_and_keeps_env_tags(world):
    config = world / "mkdocs.yml"
    config.write_text(config.read_text().replace("docs_dir: docs\n", "")
                      + "extra:\n  where: !ENV [WHERE, 'here']\n")
    result = render(world, "--out", "rendered")
    assert result.returncode == 0, result.stderr
    assert (world / "rendered" / "docs" / "about.md").is_file()
    written = (world / "rendered" / "mkdocs.yml").read_text()
    assert "where: !ENV [WHERE, here]" in written and "docs_dir: docs" in written


def test_render_names_the_default_docs_dir_when_it_is_missing(world):
    (world / "mkdocs.yml").write_text("site_name: x\n")
    (world / "docs").rename(world / "pages")
    result = render(world, "--out", "rendered")
    assert (result.returncode, result.stderr) == (
        2, "followup render: mkdocs.yml: docs_dir 'docs': is not a folder\n")


@pytest.mark.parametrize("name, make, message", [
    ("a folder", os.mkdir, "is a folder, not a file"),
    ("a FIFO", os.mkfifo, "is a FIFO (named pipe), not a file"),
    ("a missing file", lambda path: None, "does not exist"),
])
def test_render_names_a_config_that_is_not_a_file(world, name, make, message):
    make(world / "other.yml")
    result = render(world, "--out", "rendered", "--config", "other.yml")
    assert (result.returncode, result.stderr) == (
        2, f"followup render: other.yml: {message}\n")


@pytest.mark.parametrize("name, make, message", [
    ("a link to /dev/zero", lambda path: os.symlink("/dev/zero", path),
     "is not a regular file, so render cannot copy it"),
    ("a FIFO", os.mkfifo, "is not a regular file, so render cannot copy it"),
    ("a dangling link", lambda path: os.symlink("gone.md", path),
     "is not a regular file, so render cannot copy it"),
    ("a link to its own folder", lambda path: os.symlink(".", path),
     "is a link to a folder; render copies real folders only"),
])
def test_render_refuses_docs_it_cannot_copy_before_writing(world, name, make, message):
    assert render(world, "--out", "rendered").returncode == 0
    make(world / "docs" / "odd")
    before = snapshot(world / "rendered")
    result = render(world, "--out", "rendered")
    assert (result.returncode, result.stderr) == (
        2, f"followup render: {world / 'docs' / 'odd'}: {message}\n")
    assert snapshot(world / "rendered") == before
