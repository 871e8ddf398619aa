"""The built site, served under a sub-path, opened in Chromium."""
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser


def test_home_page_loads_cleanly_from_its_own_server(page, site_url):
    page.goto(site_url)
    assert page.title().startswith("Interview follow-up guide")
    assert page.locator("h1").first.inner_text().strip() != ""
    assert page.log.errors == []
    assert page.log.failed == []
    own = urlparse(site_url).netloc
    assert {urlparse(u).netloc for u in page.log.requests if u.startswith("http")} == {own}
