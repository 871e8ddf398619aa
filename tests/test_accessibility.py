"""axe-core (WCAG 2.2 A/AA rules): zero violations on every page, in both colour schemes,
at a desktop's and a phone's size, with search results open, and on the checklist with the
widget filled in."""
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from test_phone import PHONE
from test_site_browser import crawl
from test_widget import fill, more_actions, open_box, open_checklist, wait_ready

pytestmark = pytest.mark.browser
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                                "wcag22aa"]}}


def settled(page):
    """Wait until every finite CSS transition and animation has ended (a cancelled one
    counts as ended): axe measures colours as drawn, and Material fades in its search
    dialog and its back-to-top button."""
    page.evaluate("""Promise.all(document.getAnimations()
        .filter(animation => animation.effect.getComputedTiming().endTime < Infinity)
        .map(animation => animation.finished.catch(() => null)))""")


def violations(page):
    settled(page)
    results = Axe().run(page, options=WCAG)
    return [(v["id"], [n["target"] for n in v["nodes"]][:3])
            for v in results.response["violations"]]


SIZES = {"desktop": {"width": 1280, "height": 720}, "phone": PHONE}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_violations(browser, site_url, scheme, size):
    page = browser.new_context(color_scheme=scheme, viewport=SIZES[size]).new_page()
    pages, _ = crawl(page, site_url)
    found = {}
    for url in pages:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        found[url] = violations(page)
    page.context.close()
    assert {url: v for url, v in found.items() if v} == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_filled_in_widget_has_no_violations(browser, site_url, scheme):
    page = browser.new_context(color_scheme=scheme).new_page()
    page.log = type("Log", (), {"errors": []})()
    open_checklist(page, site_url, today="2026-11-18")
    fill(page, {"interviewed": "2026-11-10", "decision_within": "1w", "interviewers": ["Ana"],
                "rejected_on": "2026-11-20", "holidays": ["2026-11-26"]})
    page.click("button[data-action=add]")  # a notice with a button, and two interviews
    fill(page, {"interviewed": "2026-11-16", "company": "Acme", "interviewers": ["Bo"],
                "decision_within": "1w"})
    page.fill("#fu-decision-n", "0")  # an error message showing, too
    expect(page.locator("#fu-decision-n")).to_have_attribute("aria-invalid", "true")
    more_actions(page)
    page.click("button[data-action=copy-plain]")
    open_box(page, "fu-drafts-box")
    open_box(page, "fu-timeline-box")
    for folded in page.locator(".fu-draft summary, .fu-missed summary, .fu-dropped summary").all():
        folded.click()
    page.locator(".fu-choices summary").click()
    assert violations(page) == []
    page.context.close()


@pytest.mark.parametrize("query, count", [("thank", re.compile(r"^\d+ matching documents?$")),
                                          ("xylophone", "No matching documents")],
                         ids=["matches", "matches nothing"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_results_have_no_violations(browser, site_url, scheme, size, query, count):
    page = browser.new_context(color_scheme=scheme, viewport=SIZES[size]).new_page()
    page.goto(site_url)
    page.keyboard.press("/")  # Material's shortcut opens search at every screen size
    dialog = page.get_by_role("dialog", name="Search")
    dialog.get_by_role("textbox", name="Search").press_sequentially(query)
    expect(dialog.locator(".md-search-result__meta")).to_have_text(count)
    assert violations(page) == []
    page.context.close()


@pytest.mark.parametrize("size", SIZES)
def test_the_plan_first_layout_and_all_my_interviews_have_no_violations(browser, site_url, size):
    """Issue 20's parts: 'Why and who says so' opened, the answers folded for a returning
    reader, the 'I have left' button, and the All view with its note and notice."""
    page = browser.new_context(viewport=SIZES[size]).new_page()
    open_checklist(page, site_url, today="2026-11-18")
    fill(page, {"interviewed": "2026-11-18", "company": "Lumen", "decision_within": "10d",
                "interviewers": ["Priya Shah", "Tom Okafor", "Ana Ruiz"]})
    page.reload()
    wait_ready(page)
    expect(page.locator("button[data-action=left]")).to_be_visible()
    for why in page.locator("#fu-plan .fu-why summary").all()[:3]:
        why.click()
    page.click("#fu-answers > summary")
    page.click("#fu-more-answers > summary")
    assert violations(page) == []
    page.click("button[data-action=add]")
    page.select_option("#fu-which", "all")
    more_actions(page)
    page.click("button[data-action=share]")
    expect(page.locator("#fu-all-note")).to_be_visible()
    assert violations(page) == []
    page.context.close()
