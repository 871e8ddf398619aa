"""Shared fixtures: a built site served under a sub-path, and Chromium driven by Playwright."""
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SUB_PATH = "/interview-followup/"
BUILD_DAY = "2026-11-18"  # a Wednesday: the default plan in test builds does not hang on the clock


def chromium_path():
    """The same order as `make browser`: $CHROMIUM, /usr/bin/chromium, Playwright's own."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def build_site(target, config="mkdocs.yml", cwd=ROOT):
    """Build with the real mkdocs command; fail the test with its output if it fails."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", FOLLOWUP_TODAY=BUILD_DAY)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(target)],
        cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def project_copy(folder):
    """A working copy of the site's sources in `folder` (the real rules are never touched)."""
    for name in ("mkdocs.yml", "docs", "rules"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, folder / name)
    (folder / "node_modules").symlink_to(ROOT / "node_modules")
    return folder


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript",
                      ".js": "text/javascript", ".json": "application/json"}

    def log_message(self, *args):
        pass


def serve(directory):
    """Serve `directory` on a free loopback port; returns (server, base URL)."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real site, built once per run, placed under a sub-path of a web root."""
    web_root = tmp_path_factory.mktemp("web")
    site = web_root / SUB_PATH.strip("/")
    build_site(site)
    return site


@pytest.fixture(scope="session")
def site_url(built_site):
    server, base = serve(built_site.parent)
    yield base + SUB_PATH
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
        playwright = sync_playwright().start()
        launched = playwright.chromium.launch(executable_path=chromium_path())
    except Exception as error:  # no browser on this machine
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium is required in CI and could not start: {error}")
        pytest.skip(f"no Chromium (run `make test` to install it): {error}")
    yield launched
    launched.close()
    playwright.stop()


class PageLog:
    """What a page did: console errors, failed requests, and every URL it asked for."""

    def __init__(self, page):
        self.errors, self.failed, self.requests = [], [], []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} {r.status}"))
        page.on("request", lambda r: self.requests.append(r.url))


CSP_WATCH = ("window.__csp = []; document.addEventListener('securitypolicyviolation', e => "
             "window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")


@pytest.fixture
def page(browser):
    context = browser.new_context()
    context.add_init_script(CSP_WATCH)
    page = context.new_page()
    page.log = PageLog(page)
    yield page
    context.close()
