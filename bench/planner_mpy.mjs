// Planner throughput under the pinned MicroPython WebAssembly build: plans per second
// over the given cases (the interpreter's start-up is not counted).
// Usage: node bench/planner_mpy.mjs PLANNER_PY RULES_JSON CASES_JSON
import { readFileSync } from "node:fs";
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript/micropython.mjs";

const [plannerPath, rulesPath, casesPath] = process.argv.slice(2);
const mp = await loadMicroPython({ heapsize: 64 * 1024 * 1024, stdout: () => {} });
mp.FS.writeFile("/planner.py", readFileSync(plannerPath, "utf8"));
mp.FS.writeFile("/rules.json", readFileSync(rulesPath, "utf8"));
mp.FS.writeFile("/cases.json", readFileSync(casesPath, "utf8"));
mp.runPython(`
import sys, json
sys.path.append("/")
import planner
rules = json.load(open("/rules.json"))
cases = [(c["situation"], planner.parse_date(c["today"])) for c in json.load(open("/cases.json"))]
`);
const started = performance.now();
mp.runPython(`
for situation, today in cases:
    planner.plan(rules, situation, today)
`);
const seconds = (performance.now() - started) / 1000;
const count = JSON.parse(readFileSync(casesPath, "utf8")).length;
process.stdout.write(JSON.stringify({ plans: count, seconds, plans_per_second: count / seconds }));
