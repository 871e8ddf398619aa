"""The built site, served under a sub-path, read in Chromium as a visitor would."""
from urllib.parse import urldefrag, urlparse

import pytest

pytestmark = pytest.mark.browser


def test_home_page_loads_cleanly_from_its_own_server(page, site_url):
    page.goto(site_url)
    assert page.title() == "Interview follow-up guide"
    assert page.locator("h1").first.inner_text().rstrip("¶") == "After the interview: what to do, and when"
    assert page.log.errors == [] and page.log.failed == []


def crawl(page, start):
    """Visit every page reachable from `start` inside the site; returns what was seen."""
    root = start
    queue, pages, links = [start], {}, []
    while queue:
        url = queue.pop()
        if url in pages:
            continue
        response = page.goto(url)
        assert response.status == 200, url
        page.wait_for_load_state("networkidle")
        pages[url] = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            target, fragment = urldefrag(href)
            if target.startswith(root):
                links.append((url, target, fragment))
                queue.append(target)
    return pages, links


def test_every_page_loads_and_every_internal_link_and_anchor_resolves(page, site_url):
    pages, links = crawl(page, site_url)
    assert len(pages) >= 13  # home, checklist, 8 steps, disagreements, sources, about
    assert page.log.errors == [], page.log.errors
    assert page.log.failed == [], page.log.failed
    broken = [(source, target, fragment) for source, target, fragment in links
              if fragment and fragment not in pages[target]]
    assert broken == []


def test_no_request_goes_to_any_host_but_the_site(page, site_url):
    crawl(page, site_url)
    own = urlparse(site_url).netloc
    foreign = {u for u in page.log.requests if urlparse(u).scheme in ("http", "https", "ws", "wss")
               and urlparse(u).netloc != own}
    assert foreign == set()
