"""Every page at a phone's size (360×740): nothing scrolls sideways, the timeline's words
stay readable, and every control is big enough to touch (WCAG 2.2, 2.5.8)."""
import pytest

from test_site_browser import crawl
from test_widget import open_checklist

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}
SMALLEST_LABEL_PX = 11
SMALLEST_TARGET_PX = 24

# Parts of the page's content that the reader must scroll sideways to read (such as a
# table in Material's scrolling wrapper).
SCROLLS_SIDEWAYS = """() => [...document.querySelectorAll('.md-content *')]
  .filter(el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX)
    && el.scrollWidth > el.clientWidth + 1)
  .map(el => el.outerHTML.slice(0, 80))"""

# Font size of every shown timeline label times the factor its SVG is scaled by on screen.
TIMELINE_LABEL_SIZES = """() => [...document.querySelectorAll('svg.fu-tl')]
  .filter(svg => svg.checkVisibility())
  .flatMap(svg => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll('text')].map(text =>
      [text.textContent, parseFloat(getComputedStyle(text).fontSize) * scale]);
  })"""

# Targets smaller than `minimum` CSS px, with WCAG 2.5.8's exception for a link that sits in
# a line of text. A label counts as a target only where its control is not shown itself
# (Material's tabs, toggles and the file input's button are labels for hidden inputs).
SMALL_TARGETS = """(minimum) => {
  const shown = el => {
    const box = el.getBoundingClientRect();
    return box.width > 1 && box.height > 1 && box.right > 0 && box.left < innerWidth
      && el.checkVisibility({visibilityProperty: true});
  };
  const standsIn = el => el.tagName !== 'LABEL' || !(el.control && shown(el.control));
  const words = el => el.textContent.replace(/\\s+/g, ' ').trim();
  const block = el => {
    let parent = el.parentElement;
    while (getComputedStyle(parent).display.startsWith('inline')) parent = parent.parentElement;
    return parent;
  };
  const inText = el => getComputedStyle(el).display === 'inline'
    && words(block(el)).length > words(el).length;
  const small = el => {
    const box = el.getBoundingClientRect();
    return Math.round(box.width) < minimum || Math.round(box.height) < minimum;
  };
  const targets = 'a[href], button, input, select, textarea, summary, label[for]';
  return [...document.querySelectorAll(targets)]
    .filter(el => shown(el) && standsIn(el) && !inText(el) && small(el))
    .map(el => {
      const box = el.getBoundingClientRect();
      return `${el.outerHTML.slice(0, 80)} ${Math.round(box.width)}x${Math.round(box.height)}`;
    });
}"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def every_page(browser, site_url):
    page = browser.new_page(viewport=PHONE)
    pages, _ = crawl(page, site_url)
    page.close()
    return sorted(pages)


def visit(page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")


def test_no_page_is_wider_than_a_phone_or_hides_content_in_a_sideways_scroll(phone, every_page):
    too_wide, scrolled = {}, {}
    for url in every_page:
        visit(phone, url)
        too_wide[url] = phone.evaluate("document.documentElement.scrollWidth") > PHONE["width"]
        scrolled[url] = phone.evaluate(SCROLLS_SIDEWAYS)
    assert [url for url, wide in too_wide.items() if wide] == []
    assert {url: found for url, found in scrolled.items() if found} == {}


def test_every_touch_target_is_big_enough(phone, every_page):
    small = {}
    for url in every_page:
        visit(phone, url)
        small[url] = phone.evaluate(SMALL_TARGETS, SMALLEST_TARGET_PX)
    assert {url: found for url, found in small.items() if found} == {}


def too_small(sizes):
    return [(label, round(size, 1)) for label, size in sizes if size < SMALLEST_LABEL_PX]


def test_the_home_pages_timeline_is_readable_on_a_phone(phone, site_url):
    for url in (site_url,):  # the checklist draws its timeline in the page (below)
        visit(phone, url)
        sizes = phone.evaluate(TIMELINE_LABEL_SIZES)
        assert any(label == "interview" for label, _ in sizes), url
        assert too_small(sizes) == [], url


def test_the_timeline_the_widget_draws_is_readable_on_a_phone(phone, site_url):
    open_checklist(phone, site_url, today="2026-11-18")
    phone.click("#fu-timeline-box summary")
    phone.wait_for_selector("svg.fu-tl[aria-labelledby^=widget-tl]", state="attached")
    sizes = phone.evaluate(TIMELINE_LABEL_SIZES)
    assert phone.locator("svg.fu-tl[aria-labelledby^=widget-tl]").count() > 0
    assert any(label == "interview" for label, _ in sizes)
    assert too_small(sizes) == []
