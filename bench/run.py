"""`make bench`: the checklist's speed beside the site's own floor, measured in one run.

Every kind of page load is measured once per round, in an order that rotates from round
to round, so that a busy moment on this shared machine falls on every kind alike; the
load average is recorded around each round. Pages are served gzip-compressed, as GitHub
Pages serves them, and each load starts with a cold cache unless it says otherwise.
Prints a table with each target and writes bench/results.json; nothing is a fixed figure.
"""
import functools
import gzip
import http.server
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from conftest import QuietHandler, chromium_path, project_copy  # noqa: E402  (shared with tests)
from micropython import every_module, run as run_micropython  # noqa: E402
from site_plugins.browser import planner  # noqa: E402
from site_plugins.rules import load_rules  # noqa: E402
from situations import random_situation  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "10"))
CORES = os.cpu_count() or 1  # a load average above this means the figures were taken on a busy machine
LIGHTHOUSE_RUNS = int(os.environ.get("BENCH_LIGHTHOUSE_RUNS", "3"))
SUB = "interview-followup"
DAY = "2026-11-18"
COMPRESSED = (".html", ".js", ".mjs", ".css", ".json", ".wasm", ".mpy", ".svg", ".xml")


# --- serving as GitHub Pages does -------------------------------------------------------

class GzipHandler(QuietHandler):
    """Static files, gzip-compressed for clients that accept it."""
    cache = {}

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or not path.endswith(COMPRESSED) or not os.path.isfile(path):
            return super().send_head()
        body = self.cache.get(path) or self.cache.setdefault(  # level 9, as measured before
            path, gzip.compress(Path(path).read_bytes(), 9))
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    """Just enough of a file for SimpleHTTPRequestHandler to copy and close."""

    def __init__(self, data):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a request the benchmark aborts on purpose (PyScript kept from loading)


def serve_gzip(directory):
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:%d/%s/" % (server.server_address[1], SUB)


def build(project, target, **env):
    """Build a site; returns seconds taken."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(target)],
                   cwd=project, check=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1",
                                                     FOLLOWUP_TODAY=DAY, **env))
    return time.perf_counter() - started


# --- one page load of each kind ------------------------------------------------------------

TYPED = (date.today() - timedelta(days=date.today().weekday() + 7))  # a Monday, last week
EXPECTED_CHECK = (TYPED + timedelta(days=7)).isoformat()  # its status check: a Monday too
WATCH_PLAN = """expected => {
    const seen = () => document.querySelector(
        '#fu-plan li[data-id="check-after-a-week"][data-due="' + expected + '"]');
    new MutationObserver((_, observer) => {
        if (seen() && !window.__planPainted) {
            window.__planPainted = performance.now(); observer.disconnect(); }
    }).observe(document, {subtree: true, childList: true});
}"""


def plain_page(browser, base):
    """The floor: a guide page, navigation start to its load event."""
    with fresh_page(browser) as page:
        page.goto(base + "about/")
        return navigation(page)["loadEventEnd"]


def checklist_without_pyscript(browser, base):
    """The checklist's own floor: the page with PyScript kept from loading."""
    with fresh_page(browser) as page:
        page.route("**/assets/pyscript/core.js", lambda route: route.abort())
        page.goto(base + "checklist/")
        return navigation(page)["loadEventEnd"]


def first_time_reader(browser, base, worker=True):
    """Navigation start until the plan for a date the reader typed, as soon as the field
    took it, is painted (with the service worker installing meanwhile, or blocked)."""
    with fresh_page(browser, service_workers="allow" if worker else "block") as page:
        page.add_init_script("(%s)(%s)" % (WATCH_PLAN, json.dumps(EXPECTED_CHECK)))
        page.goto(base + "checklist/", wait_until="commit")
        # early.js keeps what is typed once it runs; typed before, the planner's start
        # puts the field back to its default (about one load in four here)
        page.wait_for_selector("#fu-app[data-state]", state="attached")
        page.fill("#fu-interviewed", TYPED.isoformat())
        page.wait_for_function("window.__planPainted", timeout=60_000)
        return page.evaluate("window.__planPainted")


def returning_reader(browser, base, saved):
    """Navigation start until the reader's own plan (from their last visit) is painted:
    the later of the snapshot's paint and the first contentful paint; and until live."""
    with fresh_page(browser, storage_state=saved) as page:
        page.goto(base + "checklist/")
        return own_and_live(page)


def warm_reload(browser, base, saved):
    """The same, reloaded with everything in the browser's HTTP cache (no service worker)."""
    with fresh_page(browser, storage_state=saved, service_workers="block") as page:
        page.goto(base + "checklist/")
        own_and_live(page)
        page.reload()
        return own_and_live(page)


def worker_repeat(browser, base, saved):
    """A later visit (a new tab) served by the service worker the first one installed."""
    with fresh_page(browser, storage_state=saved) as first:
        first.goto(base + "checklist/")
        own_and_live(first)
        first.wait_for_function(CONTROLLED, timeout=60_000)
        page = first.context.new_page()
        first.close()
        page.goto(base + "checklist/")
        timings = own_and_live(page)
        assert navigation(page)["workerStart"] > 0, "the visit was not served by the worker"
        return timings


CONTROLLED = "() => navigator.serviceWorker.controller !== null"


def own_and_live(page):
    page.wait_for_function("document.getElementById('fu-form').dataset.ready === 'true'",
                           timeout=60_000)
    marks = page.evaluate("""() => Object.fromEntries(performance.getEntries()
        .filter(e => ['followup-own-plan', 'followup-start', 'followup-ready',
                      'first-contentful-paint'].includes(e.name)).map(e => [e.name, e.startTime])
        .concat([['parsed', performance.getEntriesByType('navigation')[0]
                  .domContentLoadedEventEnd]]))""")
    assert "followup-own-plan" in marks, "the snapshot was not painted"
    own = max(marks["followup-own-plan"], marks.get("first-contentful-paint", 0))
    # where the live planner's time goes: the page parsed (and Material's script run), then
    # PyScript and MicroPython until our first line (widget.start), then our own start
    return {"own": own, "live": marks["followup-ready"], "parsed": marks["parsed"],
            "pyscript": marks["followup-start"] - marks["parsed"],
            "ours": marks["followup-ready"] - marks["followup-start"]}


class fresh_page:
    """A page in a new browser context: a cold cache (and the given saved storage)."""

    def __init__(self, browser, **options):
        self.context = browser.new_context(**options)

    def __enter__(self):
        return self.context.new_page()

    def __exit__(self, *_):
        self.context.close()


def navigation(page):
    page.wait_for_load_state("load")
    return page.evaluate("JSON.parse(JSON.stringify(performance.getEntriesByType("
                         "'navigation')[0]))")


def saved_reader(browser, base):
    """A returning reader's browser storage: one interview, answered and drawn today."""
    with fresh_page(browser) as page:
        page.goto(base + "checklist/")
        page.wait_for_function("document.getElementById('fu-form').dataset.ready === 'true'")
        page.fill("#fu-interviewed", TYPED.isoformat())
        page.fill("#fu-company", "Acme")
        page.fill("#fu-interviewers", "Ana Ruiz\nBo Li")
        return page.context.storage_state()


# --- other figures -------------------------------------------------------------------------

def worker_cost(browser, base):
    """What the service worker adds to a first visit of the checklist: the files it
    fetches (gzip bytes as served, requests) and when it is ready (ms from navigation)."""
    with fresh_page(browser) as page:
        sizes = []
        page.context.on("requestfinished", lambda r: r.service_worker and sizes.append(
            r.sizes()["responseBodySize"]))
        page.goto(base + "checklist/")
        ready = page.evaluate("navigator.serviceWorker.ready.then(() => performance.now())")
        page.wait_for_function(CONTROLLED, timeout=60_000)
        page.wait_for_load_state("networkidle")
        return {"gzip": sum(sizes), "requests": len(sizes), "ready_ms": ready}


def transfer(browser, base):
    """Bytes a cold load of the checklist transfers (as served, gzip) and its requests,
    the service worker's own fetches left out (see worker_cost)."""
    with fresh_page(browser, service_workers="block") as page:
        sizes = []
        page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"]))
        page.goto(base + "checklist/")
        page.wait_for_function("document.getElementById('fu-form').dataset.ready === 'true'",
                               timeout=60_000)
        page.wait_for_load_state("networkidle")
        return {"gzip": sum(sizes), "requests": len(sizes)}


def update_times(browser, base, count=100):
    """Milliseconds from an input change to the redrawn plan, measured in the page (plan,
    markup, timeline, drafts, saved record and snapshot)."""
    with fresh_page(browser) as page:
        page.goto(base + "checklist/")
        page.wait_for_function("document.getElementById('fu-form').dataset.ready === 'true'",
                               timeout=60_000)
        page.select_option("#fu-timeline", "within")
        times = page.evaluate("""count => {
            const field = document.getElementById('fu-decision-n'), out = [];
            for (let i = 0; i < count; i++) {
                field.value = String(1 + (i % 30));
                const start = performance.now();
                field.dispatchEvent(new Event('input', {bubbles: true}));
                out.push(performance.now() - start);
            }
            return out; }""", count)
    return sorted(times)


def all_view_ticks(browser, base, interviews=50, names=20, days_off=181, count=5):
    """Milliseconds from a tick in "All my interviews" to the page updated, measured in the
    page, with `interviews` saved interviews of `names` interviewers and `days_off` days
    off each (issue 18's worst case)."""
    off = " ".join((date(2026, 12, 1) + timedelta(days=2 * n)).isoformat() for n in range(days_off))
    records = [{"version": 2, "id": "i%02d" % n, "ticked": [], "answers": {
        "interviewed": "2026-11-%02d" % (1 + n % 25), "company": "Company %d" % n,
        "holidays": off, "interviewers": "\n".join("Person %d %d" % (n, m) for m in range(names))}}
        for n in range(interviews)]
    with fresh_page(browser) as page:
        page.goto(base + "checklist/")
        page.wait_for_function("document.getElementById('fu-form').dataset.ready === 'true'",
                               timeout=60_000)
        page.evaluate("""records => { localStorage.clear();
            for (const r of records) localStorage.setItem('interview-followup:interview:' + r.id, JSON.stringify(r));
            localStorage.setItem('interview-followup:index', JSON.stringify(
                {version: 2, interviews: records.map(r => r.id), current: 'all'})); }""", records)
        page.reload()
        page.wait_for_function("document.getElementById('fu-form').dataset.ready === 'true'",
                               timeout=180_000)
        return sorted(page.evaluate("""count => {
            const out = [], boxes = document.querySelectorAll('#fu-plan .fu-tick');
            for (let i = 0; i < count; i++) {
                const start = performance.now();
                boxes[i].click();
                out.push(performance.now() - start);
            }
            return out; }""", count))


def largest_module():
    """(name, bytes) of the largest module of the browser package."""
    sizes = [(path.name, path.stat().st_size)
             for path in (ROOT / "site_plugins" / "browser").glob("*.py")]
    return max(sizes, key=lambda pair: pair[1])


def lighthouse(url):
    """Lighthouse 12.8.2 (pinned in package.json), mobile: each category's score out of 100."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run([str(ROOT / "node_modules" / ".bin" / "lighthouse"), url, "--quiet",
                        "--output=json", "--output-path=" + str(report),
                        "--chrome-flags=--headless=new --no-sandbox"],
                       check=True, env=dict(os.environ, CHROME_PATH=chromium_path() or ""),
                       capture_output=True)
        data = json.loads(report.read_text())
    scores = {key: round(category["score"] * 100) for key, category in data["categories"].items()}
    scores["tbt_ms"] = data["audits"]["total-blocking-time"]["numericValue"]
    scores["lcp_ms"] = data["audits"]["largest-contentful-paint"]["numericValue"]
    return scores


def build_costs():
    results = {}
    for count in (100, 500, 5000):
        with tempfile.TemporaryDirectory() as folder:
            project = synthetic_project(count, Path(folder))
            seconds = build(project, Path(folder) / "site")
        results[count] = {"seconds": seconds, "ms_per_rule": seconds * 1000 / count}
    return results


def synthetic_project(count, folder):
    """A copy of the project whose rules are padded to `count` rules with extra advice."""
    project_copy(folder)
    files = sorted((folder / "rules").glob("0*.yml"))
    real = len(load_rules(ROOT / "rules")["rules"])
    for number in range(max(0, count - real)):
        target = files[number % len(files)]
        with target.open("a", encoding="utf-8") as handle:
            handle.write("\n  - id: extra-%d\n    kind: how\n    title: Extra advice %d\n"
                         "    text: A generated tip used only to measure build time, number %d.\n"
                         "    sources: {coon: opening}\n" % (number, number, number))
    return folder


def planner_cpython(seconds=2.0):
    rules = load_rules(ROOT / "rules")
    rng = random.Random(1)
    cases = [random_situation(rng, rules) for _ in range(200)]
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        situation, today = cases[done % len(cases)]
        planner.plan(rules, situation, today)
        done += 1
    return done / (time.perf_counter() - started)


def planner_micropython(count=300):
    """Plans per second under the pinned MicroPython wasm (start-up not counted)."""
    rules = load_rules(ROOT / "rules")
    rng = random.Random(1)
    cases = [{"situation": s, "today": t.isoformat()}
             for s, t in (random_situation(rng, rules) for _ in range(count))]
    driver = every_module() + """
import json, time
rules = json.load(open("rules.json"))
cases = [(c["situation"], dates.parse_date(c["today"])) for c in json.load(open("cases.json"))]
started = time.ticks_ms()
for situation, today in cases:
    planner.plan(rules, situation, today)
seconds = time.ticks_diff(time.ticks_ms(), started) / 1000
with open("out.json", "w") as handle:
    handle.write(json.dumps({"plans_per_second": len(cases) / seconds}))
"""
    with tempfile.TemporaryDirectory() as folder:
        return run_micropython(folder, driver, {"rules.json": json.dumps(rules),
                                                "cases.json": json.dumps(cases)})[0]["plans_per_second"]


# --- the run -------------------------------------------------------------------------------

def rounds(browser, base, saved):
    """Every kind of load once per round, the order rotating; the load average around it."""
    kinds = {"plain": lambda: plain_page(browser, base),
             "checklist_floor": lambda: checklist_without_pyscript(browser, base),
             "first_time": lambda: first_time_reader(browser, base),
             "first_time_no_worker": lambda: first_time_reader(browser, base, worker=False),
             "returning": lambda: returning_reader(browser, base, saved),
             "warm_reload": lambda: warm_reload(browser, base, saved),
             "worker_repeat": lambda: worker_repeat(browser, base, saved)}
    names, results, loads = list(kinds), dict((name, []) for name in kinds), []
    for number in range(ROUNDS):
        before = os.getloadavg()[0]
        order = names[number % len(names):] + names[:number % len(names)]
        for name in order:
            results[name].append(kinds[name]())
        loads.append([before, os.getloadavg()[0]])
    return results, loads


def spread(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "runs": len(values)}


def main():
    from playwright.sync_api import sync_playwright
    before = os.getloadavg()  # other work on the machine: the run's own Chromium adds to it
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    real_build = spread([build(ROOT, work / SUB) for _ in range(3)])
    server, base = serve_gzip(work)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path())
        saved = saved_reader(browser, base)
        loads, load_average = rounds(browser, base, saved)
        transferred = transfer(browser, base)
        transferred["worker"] = worker_cost(browser, base)
        updates = update_times(browser, base)
        ticks = all_view_ticks(browser, base)
        browser.close()
    scores = {page: [lighthouse(base + path) for _ in range(LIGHTHOUSE_RUNS)]
              for page, path in (("checklist", "checklist/"), ("home", ""))}
    server.shutdown()
    shutil.rmtree(work, ignore_errors=True)
    results = summarise(loads, load_average, transferred, updates, scores, real_build)
    results["all_view_tick_ms"] = {"median": statistics.median(ticks), "max": max(ticks),
                                   "samples": len(ticks)}
    results["largest_module"] = largest_module()
    results["load_average_before"] = before
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(table(results))


def summarise(loads, load_average, transferred, updates, scores, real_build):
    returning = [r["own"] for r in loads["returning"]]
    warm = loads["warm_reload"]
    floor = statistics.median(loads["plain"])
    return {
        "date": date.today().isoformat(), "rounds": ROUNDS, "load_average": load_average,
        "ms": {"plain": spread(loads["plain"]), "checklist_floor": spread(loads["checklist_floor"]),
               "first_time": spread(loads["first_time"]), "returning_own": spread(returning),
               "returning_live": spread([r["live"] for r in loads["returning"]]),
               "returning_parsed": spread([r["parsed"] for r in loads["returning"]]),
               "returning_pyscript": spread([r["pyscript"] for r in loads["returning"]]),
               "returning_ours": spread([r["ours"] for r in loads["returning"]]),
               "warm_own": spread([r["own"] for r in warm]),
               "warm_live": spread([r["live"] for r in warm]),
               "first_time_no_worker": spread(loads["first_time_no_worker"]),
               "worker_own": spread([r["own"] for r in loads["worker_repeat"]]),
               "worker_live": spread([r["live"] for r in loads["worker_repeat"]])},
        "ratios": {"returning_to_plain": statistics.median(returning) / floor,
                   "first_time_to_plain": statistics.median(loads["first_time"]) / floor},
        "checklist_bytes": transferred,
        "update_ms": {"p50": statistics.median(updates),
                      "p95": updates[int(len(updates) * 0.95) - 1], "samples": len(updates)},
        "lighthouse": dict((page, {key: statistics.median(run[key] for run in runs)
                                   for key in runs[0]}) for page, runs in scores.items()),
        "lighthouse_runs": scores,
        "build_seconds_real_site": real_build, "build_synthetic": build_costs(),
        "planner_plans_per_second": {"cpython": planner_cpython(),
                                     "micropython": planner_micropython()},
    }


def table(r):
    ms, synth, lh = r["ms"], r["build_synthetic"], r["lighthouse"]
    growth = synth[5000]["ms_per_rule"] / synth[500]["ms_per_rule"]
    loads = [value for pair in r["load_average"] for value in pair]

    def timed(key):
        return "%.0f ms (%.0f-%.0f)" % (ms[key]["median"], ms[key]["min"], ms[key]["max"])
    rows = [
        ("Plain guide page, to its load event (the floor)", timed("plain"), "", ""),
        ("Checklist without PyScript, to its load event", timed("checklist_floor"), "", ""),
        ("First-time reader: date typed as soon as the field takes it, to its plan painted",
         timed("first_time"), "", ""),
        ("Returning reader: their own plan painted (snapshot)", timed("returning_own"), "", ""),
        ("Returning reader: the live planner ready", timed("returning_live"), "", ""),
        ("... of which: page parsed (DOMContentLoaded) / PyScript and MicroPython started "
         "(to our first line) / our own start", "%.0f / %.0f / %.0f ms" % tuple(
             ms[key]["median"] for key in ("returning_parsed", "returning_pyscript",
                                           "returning_ours")), "", ""),
        ("Warm reload (HTTP cache, no worker): own plan / live planner", "%.0f / %.0f ms" % (
            ms["warm_own"]["median"], ms["warm_live"]["median"]), "", ""),
        ("Repeat visit served by the service worker: own plan / live planner",
         "%.0f / %.0f ms" % (ms["worker_own"]["median"], ms["worker_live"]["median"]), "", ""),
        ("First-time reader, worker blocked (against the first-time row: its cost in time)",
         timed("first_time_no_worker"), "", ""),
        ("What the worker adds to a first visit: bytes gzip (requests), ready after",
         "%.0f KB (%d), %.0f ms" % (r["checklist_bytes"]["worker"]["gzip"] / 1000,
                                    r["checklist_bytes"]["worker"]["requests"],
                                    r["checklist_bytes"]["worker"]["ready_ms"]), "", ""),
        ("Returning reader / plain page", "%.2fx" % r["ratios"]["returning_to_plain"],
         "<= 1.0x", _verdict(r["ratios"]["returning_to_plain"] <= 1.0)),
        ("First-time reader / plain page", "%.2fx" % r["ratios"]["first_time_to_plain"],
         "<= 2.0x", _verdict(r["ratios"]["first_time_to_plain"] <= 2.0)),
        ("Checklist bytes, gzip (requests)", "%.0f KB (%d)" % (
            r["checklist_bytes"]["gzip"] / 1000, r["checklist_bytes"]["requests"]),
         "<= 400 KB", _verdict(r["checklist_bytes"]["gzip"] <= 400_000)),
        ("Update: input change to redrawn plan, p50 / p95", "%.1f / %.1f ms" % (
            r["update_ms"]["p50"], r["update_ms"]["p95"]), "p95 <= 16 ms",
         _verdict(r["update_ms"]["p95"] <= 16)),
        ("All my interviews, 50 x 20 names x 181 days off: a tick, median (max)",
         "%.0f ms (%.0f)" % (r["all_view_tick_ms"]["median"], r["all_view_tick_ms"]["max"]),
         "<= 100 ms", _verdict(r["all_view_tick_ms"]["median"] <= 100)),
        ("Largest browser module", "%s, %d lines" % (r["largest_module"][0], _lines(
            r["largest_module"][0])), "<= 500 lines", _verdict(_lines(r["largest_module"][0]) <= 500)),
    ]
    rows += _lighthouse_rows(lh)
    rows += [("Build, real site (median of 3)", "%.2f s" % r["build_seconds_real_site"]["median"], "", "")]
    rows += [("Build, %d rules" % n, "%.1f s (%.2f ms/rule)" % (synth[n]["seconds"],
                                                                synth[n]["ms_per_rule"]), "", "")
             for n in (100, 500, 5000)]
    rows += [("Cost per rule at 5,000 / at 500", "%.2fx" % growth, "<= 1.5x", _verdict(growth <= 1.5)),
             ("Planner, plans per second: CPython / MicroPython", "%.0f / %.0f" % (
                 r["planner_plans_per_second"]["cpython"], r["planner_plans_per_second"]["micropython"]),
              "", ""),
             ("Load average (1 / 5 min) before the run", "%.2f / %.2f" % tuple(
                 r["load_average_before"][:2]), "1 min <= %d (cores)" % CORES,
              "quiet" if r["load_average_before"][0] <= CORES else
              "BUSY: figures taken under load"),
             ("Load average during the rounds (1 min, the run's own Chromium included): min-max",
              "%.2f-%.2f" % (min(loads), max(loads)), "", "")]
    lines = ["| figure | measured | target | |", "|---|---|---|---|"]
    lines += ["| %s | %s | %s | %s |" % row for row in rows]
    return "\n".join(lines)


def _lighthouse_rows(lh):
    rows = []
    for page, performance_target in (("checklist", 97), ("home", 99)):
        scores = lh[page]
        rows.append(("Lighthouse %s (mobile, median of %d): performance" % (page, LIGHTHOUSE_RUNS),
                     "%.0f (TBT %.0f ms, LCP %.0f ms)" % (scores["performance"], scores["tbt_ms"],
                                                          scores["lcp_ms"]),
                     ">= %d" % performance_target,
                     _verdict(scores["performance"] >= performance_target)))
        others = [scores[key] for key in ("accessibility", "best-practices", "seo")]
        rows.append(("Lighthouse %s: accessibility / best practices / SEO" % page,
                     "%.0f / %.0f / %.0f" % tuple(others), "100 each",
                     _verdict(min(others) >= 100)))
    return rows


def _lines(name):
    return len((ROOT / "site_plugins" / "browser" / name).read_text().splitlines())


def _verdict(met):
    return "met" if met else "MISSED"


if __name__ == "__main__":
    main()
