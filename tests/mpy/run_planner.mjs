// Run site_plugins/planner.py under the pinned MicroPython WebAssembly build (the one
// PyScript serves in the browser), over a list of cases, and print the results as JSON.
// Usage: node tests/mpy/run_planner.mjs PLANNER_PY RULES_JSON CASES_JSON
import { readFileSync } from "node:fs";
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript/micropython.mjs";

const [plannerPath, rulesPath, casesPath] = process.argv.slice(2);
let stderr = "";
const mp = await loadMicroPython({ heapsize: 64 * 1024 * 1024, stdout: () => {},
                                   stderr: (line) => { stderr += line + "\n"; } });
mp.FS.writeFile("/planner.py", readFileSync(plannerPath, "utf8"));
mp.FS.writeFile("/rules.json", readFileSync(rulesPath, "utf8"));
mp.FS.writeFile("/cases.json", readFileSync(casesPath, "utf8"));
try {
  mp.runPython(`
import sys, json
sys.path.append("/")
import planner
rules = json.load(open("/rules.json"))
out = []
for case in json.load(open("/cases.json")):
    today = planner.parse_date(case["today"])
    try:
        result = planner.plan(rules, case["situation"], today)
        out.append({"plan": result, "ics": planner.to_ics(result, case["situation"], today)})
    except planner.PlanError as error:
        out.append({"error": [list(problem) for problem in error.problems]})
with open("/out.json", "w") as handle:
    handle.write(json.dumps(out))
`);
} catch (error) {
  process.stderr.write(stderr + String(error) + "\n");
  process.exit(1);
}
process.stdout.write(new TextDecoder().decode(mp.FS.readFile("/out.json")));
