"""The files the browser needs, copied into the site so it never calls another host."""
import json
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
PYSCRIPT = "@pyscript/core/dist"
MICROPYTHON = "@micropython/micropython-webassembly-pyscript"
# Our modules that also run in the browser, side by side in assets/followup/.
BROWSER_MODULES = ("planner.py", "timeline.py", "planview.py", "state.py", "drafts.py")
INTERPRETERS = {  # name -> (script type, npm folder, files the browser loads)
    "micropython": ("mpy", MICROPYTHON, ("micropython.mjs", "micropython.wasm")),
    # Only for the benchmark's comparison build (make bench): the real site uses MicroPython.
    "pyodide": ("py", "pyodide", ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm",
                                  "python_stdlib.zip", "pyodide-lock.json")),
}


class MissingAssets(Exception):
    """The npm packages are not installed (run `make setup`)."""


def site_assets(rules, node_modules, interpreter="micropython"):
    """[(path in the site, bytes or a source Path)] for PyScript, its interpreter and our code."""
    node_modules = Path(node_modules)
    _, package, names = INTERPRETERS[interpreter]
    core, engine = node_modules / PYSCRIPT, node_modules / package
    if not (core / "core.js").is_file() or not (engine / names[-1]).is_file():
        raise MissingAssets(f"PyScript and {interpreter} are not in {node_modules}: "
                            "run `make setup` (npm ci) first")
    files = [("assets/pyscript/" + p.name, p) for p in sorted(core.iterdir())
             if p.is_file() and p.suffix != ".map"]
    files += [("assets/%s/%s" % (interpreter, name), engine / name) for name in names]
    files += [("assets/followup/" + name, PACKAGE / name) for name in BROWSER_MODULES]
    files += [("assets/followup/" + p.name, p) for p in sorted((PACKAGE / "widget").iterdir())
              if p.suffix == ".py"]
    files.append(("assets/followup/rules.json", rules_bundle(rules)))
    return files


def rules_bundle(rules):
    """What the planner in the browser needs, as compact JSON (no YAML there): the rule
    base less the advice that only the guide's pages show (rules with no plan)."""
    bundle = dict(rules, rules=[rule for rule in rules["rules"] if rule["plan"]])
    return json.dumps(bundle, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
