"""`followup render` output builds with plain MkDocs into a site with the same pages."""
import os
import subprocess
import sys

import pytest
import yaml

from conftest import BUILD_DAY, ROOT, build_site
from site_plugins.export import ConfigLoader


def pages(site):
    return {str(p.relative_to(site)) for p in site.rglob("index.html")}


def headings(site):
    return {path: (site / path).read_text(encoding="utf-8").split("<h1", 1)[1].split("</h1>")[0]
            for path in pages(site)}


def test_rendered_guide_builds_without_the_plugin_into_the_same_pages(tmp_path, built_site):
    out = tmp_path / "rendered"
    result = subprocess.run([sys.executable, "-m", "site_plugins.cli", "render", "--out",
                             str(out), "--today", BUILD_DAY], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    config = yaml.load((out / "mkdocs.yml").read_text(), Loader=ConfigLoader)
    assert all("followup" not in str(plugin) for plugin in config["plugins"])
    site = tmp_path / "site"
    build_site(site, config=out / "mkdocs.yml", cwd=out)
    assert pages(site) == pages(built_site)
    assert headings(site) == headings(built_site)
    assert (site / "assets/micropython/micropython.wasm").is_file()
    assert (site / "assets/followup/start.pack").is_file()
    # The step render's output asks for, after the build: the plugin's policy on every page.
    assert f"followup csp SITE_DIR --config {out / 'mkdocs.yml'}" in result.stdout
    assert result.stdout.rstrip().endswith("followup offline SITE_DIR")
    assert not policies(site)
    for _ in range(2):  # running it again changes nothing
        added = subprocess.run([sys.executable, "-m", "site_plugins.cli", "csp", str(site),
                                "--config", str(out / "mkdocs.yml")], cwd=ROOT,
                               capture_output=True, text=True, check=False)
        assert (added.returncode, added.stderr) == (0, "")
        assert policies(site) == policies(built_site)


def policies(site):
    """Each page's Content-Security-Policy (the first element of its head), by path."""
    found = {}
    for path in site.rglob("*.html"):
        if path.relative_to(site).parts[0] != "assets":
            markup = path.read_text(encoding="utf-8")
            found[str(path.relative_to(site))] = markup.count("Content-Security-Policy"), (
                markup.split('http-equiv="Content-Security-Policy" content="', 1)[-1]
                .split('"', 1)[0] if "Content-Security-Policy" in markup else None)
    return {path: policy for path, policy in found.items() if policy[0]}


def page_not_utf8(site):
    (site / "x").mkdir(parents=True)
    (site / "index.html").write_text("<html><head></head></html>")
    (site / "x" / "index.html").write_bytes(b"<html>\xff</html>")


@pytest.mark.parametrize("make, message", [
    (lambda site: None, ": no index.html there: is it a built site?"),
    (lambda site: site.mkdir(), ": no index.html there: is it a built site?"),
    (page_not_utf8, "/x/index.html: not UTF-8 text"),
])
def test_csp_refuses_a_folder_that_is_not_a_built_site(tmp_path, make, message):
    site = tmp_path / "site"
    make(site)
    result = subprocess.run([sys.executable, "-m", "site_plugins.cli", "csp", str(site)],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout, result.stderr) == (
        2, "", f"followup csp: {site}{message}\n")


@pytest.mark.parametrize("args, env, message", [
    (["--today", "2026-02-30"], {},
     "--today '2026-02-30': is not a real date (use YYYY-MM-DD)"),
    (["--today", "9999-12-31"], {},
     "--today '9999-12-31': must be between the years 1900 and 9000"),
    ([], {"FOLLOWUP_TODAY": "0001-01-01"},
     "$FOLLOWUP_TODAY '0001-01-01': must be between the years 1900 and 9000"),
])
def test_render_reports_a_bad_date_in_one_line(tmp_path, args, env, message):
    result = subprocess.run([sys.executable, "-m", "site_plugins.cli", "render", "--out",
                             str(tmp_path / "x"), *args], cwd=ROOT, env=dict(os.environ, **env),
                            capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout, result.stderr) == (
        2, "", "followup render: " + message + "\n")
    assert not (tmp_path / "x").exists()
