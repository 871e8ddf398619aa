"""Offline and installable: the service worker, the manifest, and a new deploy reaching a
returning reader. The site is served under a sub-path by a server whose folder can be
switched from one build to the next, as a deploy does."""
import importlib.util
import json
import shutil
import subprocess
import sys

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import BUILD_DAY, ROOT, SUB_PATH, PageLog, chromium_path, serve
from site_plugins import offline
from test_accessibility import WCAG
from test_widget import open_checklist, wait_ready

CONTROLLED = "() => navigator.serviceWorker.controller !== null"
CSS_MARK = "() => fetch('%sstylesheets/extra.css').then(r => r.text())" \
           ".then(t => /build B/.test(t) ? 'B' : 'A')"
ODD_FETCHES = "urls => Promise.all(urls.map(u => fetch(u).then(r => r.status)))"
CACHED_URLS = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    if (name === "followup-state") continue;
    for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
  }
  return urls;
}"""


# --- the files (no browser) ---------------------------------------------------------

def test_every_page_links_the_manifest_and_the_worker_once(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    step = (built_site / "steps" / "thank-you" / "index.html").read_text(encoding="utf-8")
    assert home.count('<link rel="manifest" href="manifest.webmanifest">') == 1
    assert step.count('<script src="../../assets/offline/register.js" defer>') == 1
    assert offline.with_offline_head(step, "../../", "0f") == offline.with_offline_head(
        offline.with_offline_head(step, "../../", "0f"), "../../", "0f")
    assert "register.js" not in (built_site / "404.html").read_text(encoding="utf-8")


def test_the_manifest_is_relative_and_names_its_icons(built_site):
    manifest = json.loads((built_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["start_url"] == "./checklist/" and manifest["scope"] == "./"
    assert manifest["display"] == "standalone"
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        png = (built_site / icon["src"]).read_bytes()
        width = int.from_bytes(png[16:20], "big")
        assert png.startswith(b"\x89PNG") and "%dx%d" % (width, width) == icon["sizes"]


def test_the_precache_holds_what_the_checklist_needs_with_content_hashes(built_site):
    entries = offline.precache_entries(built_site)
    urls = {entry["url"] for entry in entries}
    needed = {"index.html", "checklist/index.html", "assets/pyscript/core.js",
              "assets/micropython/micropython.wasm", "assets/micropython/micropython.mjs",
              "assets/followup/start.pack", "assets/followup/drafts.mpy",
              "search/search_index.json", "manifest.webmanifest"}
    assert needed <= urls
    assert not [url for url in urls if url.endswith(".map") or "lunr/" in url
                or "codemirror" in url or url in ("sw.js", "404.html")]
    worker = (built_site / "sw.js").read_text(encoding="utf-8")
    assert "__BUILD__" not in worker and '"integrity":"sha256-' in worker
    assert "http" not in worker.split("importScripts(")[1].split(")")[0]  # no CDN


def test_the_policy_allows_the_worker_and_manifest_from_the_site_only(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "worker-src 'self';" in home and "manifest-src 'self';" in home


def test_followup_offline_refuses_what_is_not_a_built_site(tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "site_plugins.cli", "offline", *args],
                              cwd=ROOT, capture_output=True, text=True, check=False)
    missing = run(str(tmp_path))
    assert missing.returncode == 2 and "no index.html" in missing.stderr
    (tmp_path / "index.html").write_text("<html><head></head></html>", encoding="utf-8")
    no_workbox = run(str(tmp_path), "--node-modules", str(tmp_path))
    assert no_workbox.returncode == 2 and "Workbox is not in" in no_workbox.stderr
    assert not (tmp_path / "sw.js").exists()


# --- in the browser ------------------------------------------------------------------

@pytest.fixture(scope="module")
def deploys(built_site, tmp_path_factory):
    """Two builds of the site (B: a changed stylesheet) and a web root
    whose sub-path points at one of them."""
    folder = tmp_path_factory.mktemp("deploys")
    first, second = folder / "a", folder / "b"
    shutil.copytree(built_site, first)
    shutil.copytree(built_site, second)
    with open(second / "stylesheets" / "extra.css", "a", encoding="utf-8") as css:
        css.write("\n/* build B */\n")
    offline.add_offline(second, ROOT / "node_modules")
    broken = folder / "broken"  # B with a file its worker lists gone (a 404)
    shutil.copytree(second, broken)
    (broken / "stylesheets" / "extra.css").unlink()
    plain = folder / "plain"  # B as `mkdocs serve` would serve it: no worker, no build named
    shutil.copytree(second, plain)
    (plain / "sw.js").unlink()
    for page in plain.rglob("*.html"):
        page.write_text(offline.OUR_HEAD.sub("", page.read_text(encoding="utf-8")),
                        encoding="utf-8")
    web = folder / "web"
    web.mkdir()
    (web / SUB_PATH.strip("/")).symlink_to(first)
    server, base = serve(web)
    yield {"a": first, "b": second, "plain": plain, "broken": broken, "link": web / SUB_PATH.strip("/"), "url": base + SUB_PATH}
    server.shutdown()


def build_of(page):
    return page.locator('meta[name="followup-build"]').get_attribute("content")


def build_of_files(site):
    return offline.build_id(offline.precache_entries(site))


def deploy(deploys, which):
    deploys["link"].unlink()
    deploys["link"].symlink_to(deploys[which])


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


def controlled_page(context, url, today="2026-11-18"):
    page = context.new_page()
    page.log = PageLog(page)
    open_checklist(page, None, today=today, url=url)
    page.wait_for_function(CONTROLLED, timeout=30_000)
    return page


def type_company(page):
    """The reader's own data: a company typed, and saved."""
    page.fill("#fu-company", "Acme")
    page.wait_for_function(SAVED)


SAVED = "() => Object.keys(localStorage).some(k => k.startsWith('interview-followup:interview:')" \
        " && localStorage.getItem(k).includes('Acme'))"


def test_the_checklist_and_a_guide_page_reload_offline(deploys, context):
    url = deploys["url"]
    page = controlled_page(context, url + "checklist/")
    type_company(page)
    odd = ["../steps/manifest.webmanifest", "../sw.js/x", "../assets/offline/no-such.js"]
    assert page.evaluate(ODD_FETCHES, odd) == [404, 404, 404]
    cached = page.evaluate(CACHED_URLS)
    assert not [u for u in cached if "no-such" in u or "steps/manifest" in u or "/sw.js" in u]
    assert len(cached) == len(offline.precache_entries(deploys["a"]))
    context.set_offline(True)
    page.reload()
    wait_ready(page)
    assert page.input_value("#fu-company") == "Acme"
    assert page.locator("#fu-plan li.fu-item").count() >= 10
    page.goto(url + "steps/thank-you/?h=note")  # never visited: precached
    expect(page.locator("h1")).to_contain_text("thank-you")
    page.reload()
    expect(page.locator("h1")).to_contain_text("thank-you")
    page.goto(url + "sources")  # sent to sources/, as Pages would
    assert page.url == url + "sources/"
    expect(page.locator("h1")).to_be_visible()
    with pytest.raises(Exception, match="ERR_FAILED"):  # nothing made up for an unknown page
        page.goto(url + "no/such/page/")
    assert [error for error in page.log.errors if "ERR_INTERNET_DISCONNECTED" not in error
            and "Failed to load resource" not in error] == []


def test_no_installability_errors(deploys, browser, tmp_path):
    """A persistent profile: Chromium never offers to install from an incognito one."""
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=chromium_path())
    try:
        page = context.new_page()
        page.goto(deploys["url"])
        page.wait_for_function(CONTROLLED, timeout=30_000)
        cdp = context.new_cdp_session(page)
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        assert cdp.send("Page.getAppManifest")["errors"] == []
    finally:
        context.close()


def test_a_new_deploy_reaches_the_reader_within_two_reloads_without_a_mix(deploys, context):
    deploy(deploys, "a")
    try:
        page = controlled_page(context, deploys["url"] + "checklist/")
        type_company(page)
        deploy(deploys, "b")
        seen = []
        for _ in range(2):
            page.reload()
            wait_ready(page)
            built = "B" if build_of(page) == build_of_files(deploys["b"]) else "A"
            assert page.evaluate(CSS_MARK % "../") == built  # never a page with another's files
            seen.append(built)
        assert seen[-1] == "B"
        assert page.input_value("#fu-company") == "Acme"
    finally:
        deploy(deploys, "a")


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory):
    """render's output built by Zensical, then `followup csp` and `followup offline`."""
    if importlib.util.find_spec("zensical") is None:
        pytest.skip("Zensical is not installed (make setup installs the pinned version)")
    out = tmp_path_factory.mktemp("zensical-offline") / "rendered"
    followup("render", "--out", str(out), "--today", BUILD_DAY)
    with open(out / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write(f"site_dir: web{SUB_PATH}\n")
    subprocess.run([sys.executable, "-m", "zensical", "build", "-f", str(out / "mkdocs.yml")],
                   cwd=out, capture_output=True, check=True)
    site = out / "web" / SUB_PATH.strip("/")
    followup("csp", str(site), "--config", str(out / "mkdocs.yml"))
    followup("offline", str(site))  # last: it hashes the pages as they will be served
    server, base = serve(site.parent)
    yield base + SUB_PATH
    server.shutdown()


def followup(*args):
    return subprocess.run([sys.executable, "-m", "site_plugins.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, check=True)


def test_a_zensical_build_with_followup_offline_reloads_offline(zensical_site, context):
    page = controlled_page(context, zensical_site + "checklist/")
    type_company(page)
    context.set_offline(True)
    page.reload()
    wait_ready(page)
    assert page.input_value("#fu-company") == "Acme"
    assert page.log.failed == []


def test_a_page_that_names_no_build_gets_its_files_from_the_network(deploys, context):
    deploy(deploys, "a")
    try:
        page = context.new_page()
        page.goto(deploys["url"] + "steps/thank-you/")
        page.wait_for_function(CONTROLLED, timeout=30_000)
        deploy(deploys, "plain")
        page.reload()
        assert page.evaluate(CSS_MARK % "../../") == "B"
    finally:
        deploy(deploys, "a")


def test_a_build_with_a_missing_file_never_takes_over(deploys, context):
    """Its worker's install fails on the 404; nothing of it is cached as a page or file,
    and the reader keeps the working build offline."""
    deploy(deploys, "a")
    try:
        page = context.new_page()
        page.goto(deploys["url"] + "steps/thank-you/")
        page.wait_for_function(CONTROLLED, timeout=30_000)
        deploy(deploys, "broken")
        assert page.evaluate(UPDATE_SETTLED)  # the new worker tried to install
        assert page.evaluate(CACHED_STATUSES) == [200]
        context.set_offline(True)
        page.reload()
        assert page.evaluate(CSS_MARK % "../../") == "A"
    finally:
        deploy(deploys, "a")


UPDATE_SETTLED = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  await registration.update().catch(() => null);
  const tried = Boolean(registration.installing);
  while (registration.installing || registration.waiting) {
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return tried;
}"""
CACHED_STATUSES = """async () => {
  const statuses = new Set();
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) statuses.add((await cache.match(request)).status);
  }
  return [...statuses];
}"""


def test_a_page_open_during_a_deploy_keeps_its_files_and_is_told(deploys, context):
    deploy(deploys, "a")
    try:
        old = controlled_page(context, deploys["url"] + "checklist/")
        deploy(deploys, "b")
        other = context.new_page()
        other.goto(deploys["url"] + "steps/thank-you/")  # the browser fetches the new worker
        old.set_viewport_size({"width": 360, "height": 740})  # a phone
        expect(old.locator("#fu-update")).to_be_visible(timeout=30_000)
        assert old.evaluate(CSS_MARK % "../") == "A"  # still its own build's files
        box = old.locator("#fu-update").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
        assert Axe().run(old, context="#fu-update", options=WCAG).response["violations"] == []
        with old.expect_navigation():
            old.locator("#fu-update button").click()  # Reload: the new version, files and all
        wait_ready(old)
        assert old.evaluate(CSS_MARK % "../") == "B"
        other.reload()
        assert other.evaluate(CSS_MARK % "../../") == "B"
        old.close()
        other.reload()  # the old build's cache goes once no page uses it
        wanted = {"followup-" + build_of(other), "followup-state"}
        for _ in range(50):
            if set(other.evaluate("caches.keys()")) == wanted:
                break
            other.wait_for_timeout(100)
        assert set(other.evaluate("caches.keys()")) == wanted
    finally:
        deploy(deploys, "a")
