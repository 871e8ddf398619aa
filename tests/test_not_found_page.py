"""GitHub Pages answers any missing path with the site's 404.html (status 404), at whatever
depth it was asked for. Built with SITE_URL under a sub-path, as the Pages workflow does,
that page must be styled, script-clean and link only to pages that exist."""
import functools
import http.server
import threading
from urllib.parse import urlparse

import pytest

from conftest import SUB_PATH, QuietHandler, build_site

pytestmark = pytest.mark.browser


class PagesHandler(QuietHandler):
    """Serves files like SimpleHTTPRequestHandler, and a missing path as GitHub Pages does."""
    not_found = None  # the site's 404.html

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


@pytest.fixture(scope="module")
def pages_url(tmp_path_factory):
    """The site built for its address (SITE_URL, which also limits its scripts to its
    path), served from a web root as GitHub Pages would serve it."""
    site = tmp_path_factory.mktemp("pages") / SUB_PATH.strip("/")
    handler = type("Handler", (PagesHandler,), {"not_found": site / "404.html"})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site.parent)))
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", origin + SUB_PATH)  # build_site passes the environment on
        build_site(site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield origin
    server.shutdown()


def test_a_deep_missing_path_gets_a_styled_404_page_whose_links_work(page, pages_url):
    missing = pages_url + SUB_PATH + "no/such/page/"
    response = page.goto(missing)
    page.wait_for_load_state("networkidle")
    assert response.status == 404
    assert "404" in page.locator("article h1").inner_text()
    assert page.log.failed == [f"{missing} 404"]  # the page itself, and nothing else
    assert page.log.errors == ["Failed to load resource: the server responded with a "
                               "status of 404 (Not Found)"]
    assert page.evaluate("window.__csp") == []
    sheets = page.evaluate("[...document.styleSheets].map(s => s.href || '')")
    assert any(SUB_PATH + "assets/stylesheets/main." in href for href in sheets)
    header = page.locator("header.md-header")
    assert header.evaluate("e => getComputedStyle(e).position") == "sticky"
    links = {href for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
             if urlparse(href).netloc == urlparse(pages_url).netloc}
    assert len(links) >= 10
    for href in sorted(links):
        assert page.request.get(href).status == 200, href
