"""The privacy boundary the browser enforces: a Content-Security-Policy on every page."""
import re

import pytest

from site_plugins.csp import inline_script_hashes, policy, with_policy
from test_site_browser import crawl
from test_widget import fill, more_actions, open_checklist

META = re.compile(r'<head[^>]*><meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def test_every_built_page_starts_its_head_with_a_same_origin_policy(built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) >= 14
    for path in pages:
        markup = path.read_text(encoding="utf-8")
        match = META.search(markup)
        assert match, path
        directives = dict(d.strip().split(" ", 1) for d in match.group(1).split(";"))
        assert directives["default-src"] == "'self'" and directives["connect-src"] == "'self'"
        assert not re.search(r"https?:|\*", match.group(1)), path
        eval_allowed = "'unsafe-eval'" in directives["script-src"]
        assert eval_allowed == ("assets/pyscript/core.js" in markup), path


def test_inline_scripts_are_allowed_by_hash_and_data_blocks_are_not_hashed():
    html = ('<html><head><script>var a=1;</script><script type="application/json">{}</script>'
            '<script type="mpy">print(1)</script><script src="x.js"></script></head></html>')
    assert inline_script_hashes(html) == ["gaaMFNHZyRta8zB2VHkWLMP4tMxJ+d8v3dTW7nw2r6M="]
    assert with_policy(html).startswith(
        '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
        "script-src 'self' 'sha256-gaaMFNHZyRta8zB2VHkWLMP4tMxJ+d8v3dTW7nw2r6M='")
    assert "'unsafe-eval'" not in policy([]) and "'unsafe-eval'" in policy([], pyscript=True)


@pytest.mark.browser
def test_no_violation_on_any_page_or_while_the_widget_is_used(page, site_url):
    pages, _ = crawl(page, site_url)
    violations = []
    for url in pages:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        violations += page.evaluate("window.__csp")
    open_checklist(page, site_url, today="2026-11-18")
    fill(page, {"interviewed": "2026-11-10", "decision_within": "1w", "interviewers": ["Ana"]})
    more_actions(page)
    page.click("button[data-action=share]")
    with page.expect_download():
        page.click("button[data-action=calendar]")
    page.locator(".fu-draft summary").first.click()
    violations += page.evaluate("window.__csp")
    assert violations == []
    assert page.log.errors == []
