"""Life after Material for MkDocs: Zensical builds the guide from `followup render` output
(it reads mkdocs.yml but runs no third-party plugin), and the checklist still works.
Zensical is in the `test` extra (pinned in constraints.txt), so `make test` runs this; with
CI=true a missing Zensical fails the tests instead of skipping them."""
import importlib.util
import os
import subprocess
import sys

import pytest

from conftest import BUILD_DAY, CSP_WATCH, ROOT, SUB_PATH, PageLog, serve
from test_widget import open_checklist

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory):
    """The rendered guide built by Zensical into web/interview-followup/ of its folder."""
    if importlib.util.find_spec("zensical") is None:
        message = "Zensical is not installed (make setup installs the pinned version)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    out = tmp_path_factory.mktemp("zensical") / "rendered"
    subprocess.run([sys.executable, "-m", "site_plugins.cli", "render", "--out", str(out),
                    "--today", BUILD_DAY], cwd=ROOT, check=True)
    with open(out / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write(f"site_dir: web{SUB_PATH}\n")  # Zensical wants it inside the project
    built = subprocess.run([sys.executable, "-m", "zensical", "build", "-f",
                            str(out / "mkdocs.yml")], cwd=out, capture_output=True, text=True,
                           check=False)
    assert built.returncode == 0, built.stdout + built.stderr
    site = out / "web" / SUB_PATH.strip("/")
    assert "Content-Security-Policy" not in (site / "index.html").read_text(encoding="utf-8")
    added = subprocess.run([sys.executable, "-m", "site_plugins.cli", "csp", str(site),
                            "--config", str(out / "mkdocs.yml")], cwd=ROOT,
                           capture_output=True, text=True, check=False)
    assert added.returncode == 0, added.stderr
    return site


@pytest.fixture
def page(browser):
    context = browser.new_context()
    context.add_init_script(CSP_WATCH)
    page = context.new_page()
    page.log = PageLog(page)
    yield page
    context.close()


def test_zensical_builds_the_rendered_guide_and_the_widget_works(zensical_site, page):
    server, base = serve(zensical_site)
    try:
        open_checklist(page, base + "/", today="2026-11-18")
        assert page.locator("#fu-plan li.fu-item").count() >= 10
        assert page.log.errors == [] and page.log.failed == []
        assert page.evaluate("window.__csp") == []
    finally:
        server.shutdown()


def test_every_page_of_the_zensical_build_carries_the_policy_and_breaks_nothing(
        zensical_site, page):
    """`followup csp`, as render's output asks: the plugin's policy, each of Zensical's
    own inline scripts allowed as Zensical rendered it for that page."""
    pages = [path for path in zensical_site.rglob("*.html")
             if path.relative_to(zensical_site).parts[0] != "assets"]
    assert len(pages) >= 14
    for path in pages:
        head = path.read_text(encoding="utf-8").split("</head>", 1)[0]
        assert head.count('http-equiv="Content-Security-Policy"') == 1, path
        assert "script-src 'self' " in head and "'sha256-" in head, path
        assert "base-uri 'none'" in head, path
    server, base = serve(zensical_site)
    try:
        for path in pages:
            page.goto(base + "/" + path.relative_to(zensical_site).as_posix())
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.__csp") == [], path
    finally:
        server.shutdown()


def test_zensical_build_works_under_a_sub_path(zensical_site, page):
    """Zensical resolves relative URLs in raw HTML from the source file's folder; the
    checklist is a folder's index page, so they mean the same as under MkDocs."""
    server, base = serve(zensical_site.parent)
    try:
        open_checklist(page, base + SUB_PATH, today="2026-11-18")
        assert page.locator("#fu-plan li.fu-item").count() >= 10
        assert page.log.failed == [] and page.log.errors == []
    finally:
        server.shutdown()
