"""`make bench`: the guide's figures, measured side by side in one run.

Prints a table with each target and writes bench/results.json. Figures are measured on
this machine at run time; nothing here is a fixed number.
"""
import gzip
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from conftest import chromium_path, project_copy, serve  # noqa: E402  (shared with the tests)
from micropython import every_module, run as run_micropython  # noqa: E402
from site_plugins.browser import dates, ics, planner  # noqa: E402
from site_plugins.rules import load_rules  # noqa: E402
from situations import random_situation  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
SUB = "interview-followup"
DAY = "2026-11-18"


def build(project, target, **env):
    """Build a site; returns seconds taken."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(target)],
                   cwd=project, check=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1",
                                                     FOLLOWUP_TODAY=DAY, **env))
    return time.perf_counter() - started


def spread(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "runs": len(values)}


# --- in the browser ----------------------------------------------------------------

def page_load(browser, url, widget):
    """Milliseconds from navigation start to a usable page (the live plan, for the widget)."""
    context = browser.new_context()  # a new context: a cold cache
    page = context.new_page()
    page.goto(url)
    if widget:
        page.wait_for_function("document.getElementById('fu-form').dataset.ready === 'true'",
                               timeout=60_000)
        elapsed = page.evaluate("performance.getEntriesByName('followup-ready')[0].startTime")
        page.fill("#fu-role", "Analyst")  # and the form responds (checked, not timed)
        page.wait_for_function("document.querySelector('.fu-draft-body').value"
                               ".includes('Analyst')")
    else:
        page.wait_for_load_state("load")
        elapsed = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    context.close()
    return elapsed


def transfer(browser, url):
    """Bytes a cold load of the page transfers: raw and gzip-compressed."""
    context = browser.new_context()
    page = context.new_page()
    bodies = []
    page.on("response", lambda r: bodies.append(r))
    page.goto(url)
    page.wait_for_function("document.getElementById('fu-form').dataset.ready === 'true'",
                           timeout=60_000)
    page.wait_for_load_state("networkidle")
    raw = packed = 0
    for response in bodies:
        body = response.body()
        raw += len(body)
        packed += len(gzip.compress(body, 9))
    context.close()
    return raw, packed, len(bodies)


def update_times(browser, url, count=100):
    """Milliseconds from an input change to the redrawn plan, measured in the page."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
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
    context.close()
    return sorted(times)


# --- builds and the planner -----------------------------------------------------------

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
                         "    sources: [coon]\n" % (number, number, number))
    return folder


def build_costs():
    results = {}
    for count in (100, 500, 5000):
        with tempfile.TemporaryDirectory() as folder:
            project = synthetic_project(count, Path(folder))
            seconds = build(project, Path(folder) / "site")
        results[count] = {"seconds": seconds, "ms_per_rule": seconds * 1000 / count}
    return results


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


# --- the run ----------------------------------------------------------------------

def main():
    from playwright.sync_api import sync_playwright
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    real_build = spread([build(ROOT, work / "real" / SUB) for _ in range(3)])
    build(ROOT, work / "pyodide" / SUB, FOLLOWUP_INTERPRETER="pyodide")
    servers = {name: serve(work / name) for name in ("real", "pyodide")}
    base = dict((name, url + "/" + SUB + "/") for name, (_, url) in servers.items())
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path())
        load = {
            "checklist_micropython": spread([page_load(browser, base["real"] + "checklist/", True)
                                             for _ in range(RUNS)]),
            "checklist_pyodide": spread([page_load(browser, base["pyodide"] + "checklist/", True)
                                         for _ in range(RUNS)]),
            "plain_page": spread([page_load(browser, base["real"] + "about/", False)
                                  for _ in range(RUNS)]),
        }
        raw, packed, requests = transfer(browser, base["real"] + "checklist/")
        updates = update_times(browser, base["real"] + "checklist/")
        browser.close()
    for server, _ in servers.values():
        server.shutdown()
    results = {
        "date": date.today().isoformat(), "runs": RUNS, "load_ms": load,
        "ratios": {"micropython_to_plain": load["checklist_micropython"]["median"]
                   / load["plain_page"]["median"],
                   "pyodide_to_plain": load["checklist_pyodide"]["median"]
                   / load["plain_page"]["median"],
                   "pyodide_to_micropython": load["checklist_pyodide"]["median"]
                   / load["checklist_micropython"]["median"]},
        "checklist_bytes": {"raw": raw, "gzip": packed, "requests": requests},
        "update_ms": {"p50": statistics.median(updates),
                      "p95": updates[int(len(updates) * 0.95) - 1], "samples": len(updates)},
        "build_seconds_real_site": real_build,
        "build_synthetic": build_costs(),
        "planner_plans_per_second": {"cpython": planner_cpython(),
                                     "micropython": planner_micropython()},
    }
    shutil.rmtree(work, ignore_errors=True)
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(table(results))


def table(r):
    load, synth = r["load_ms"], r["build_synthetic"]
    growth = synth[5000]["ms_per_rule"] / synth[500]["ms_per_rule"]
    rows = [
        ("Time to a live plan, MicroPython (median, min-max)", "%.0f ms (%.0f-%.0f)" % (
            load["checklist_micropython"]["median"], load["checklist_micropython"]["min"],
            load["checklist_micropython"]["max"]), "", ""),
        ("Time to a live plan, Pyodide build", "%.0f ms (%.0f-%.0f)" % (
            load["checklist_pyodide"]["median"], load["checklist_pyodide"]["min"],
            load["checklist_pyodide"]["max"]), "", ""),
        ("Plain guide page load (the floor)", "%.0f ms (%.0f-%.0f)" % (
            load["plain_page"]["median"], load["plain_page"]["min"], load["plain_page"]["max"]),
         "", ""),
        ("Live plan / plain page", "%.2fx" % r["ratios"]["micropython_to_plain"], "<= 1.5x",
         _verdict(r["ratios"]["micropython_to_plain"] <= 1.5)),
        ("Pyodide / plain page; Pyodide / MicroPython", "%.2fx; %.2fx" % (
            r["ratios"]["pyodide_to_plain"], r["ratios"]["pyodide_to_micropython"]), "", ""),
        ("Checklist page bytes, raw / gzip (%d requests)" % r["checklist_bytes"]["requests"],
         "%.0f KB / %.0f KB" % (r["checklist_bytes"]["raw"] / 1000, r["checklist_bytes"]["gzip"] / 1000),
         "gzip <= 400 KB", _verdict(r["checklist_bytes"]["gzip"] <= 400_000)),
        ("Update: input change to redrawn plan, p50 / p95", "%.1f / %.1f ms" % (
            r["update_ms"]["p50"], r["update_ms"]["p95"]), "p95 <= 16 ms",
         _verdict(r["update_ms"]["p95"] <= 16)),
        ("Build, real site (median of 3)", "%.2f s" % r["build_seconds_real_site"]["median"], "", ""),
    ]
    rows += [("Build, %d rules" % n, "%.1f s (%.2f ms/rule)" % (synth[n]["seconds"],
                                                                synth[n]["ms_per_rule"]), "", "")
             for n in (100, 500, 5000)]
    rows += [("Cost per rule at 5,000 / at 500", "%.2fx" % growth, "<= 1.5x", _verdict(growth <= 1.5)),
             ("Planner, plans per second: CPython / MicroPython", "%.0f / %.0f" % (
                 r["planner_plans_per_second"]["cpython"], r["planner_plans_per_second"]["micropython"]),
              "", "")]
    lines = ["| figure | measured | target | |", "|---|---|---|---|"]
    lines += ["| %s | %s | %s | %s |" % row for row in rows]
    return "\n".join(lines)


def _verdict(met):
    return "met" if met else "MISSED"


if __name__ == "__main__":
    main()
