"""The files the browser needs, copied into the site so it never calls another host."""
import json
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
PYSCRIPT = "@pyscript/core/dist"
MICROPYTHON = "@micropython/micropython-webassembly-pyscript"
# Our modules that also run in the browser, side by side in assets/followup/.
BROWSER_MODULES = ("planner.py", "timeline.py", "planview.py", "state.py", "drafts.py")


class MissingAssets(Exception):
    """The npm packages are not installed (run `make setup`)."""


def site_assets(rules, node_modules):
    """[(path in the site, bytes or a source Path)] for PyScript, MicroPython and our code."""
    node_modules = Path(node_modules)
    core, micropython = node_modules / PYSCRIPT, node_modules / MICROPYTHON
    if not (core / "core.js").is_file() or not (micropython / "micropython.wasm").is_file():
        raise MissingAssets(f"PyScript and MicroPython are not in {node_modules}: "
                            "run `make setup` (npm ci) first")
    files = [("assets/pyscript/" + p.name, p) for p in sorted(core.iterdir())
             if p.is_file() and p.suffix != ".map"]
    files += [("assets/micropython/" + name, micropython / name)
              for name in ("micropython.mjs", "micropython.wasm")]
    files += [("assets/followup/" + name, PACKAGE / name) for name in BROWSER_MODULES]
    files += [("assets/followup/" + p.name, p) for p in sorted((PACKAGE / "widget").iterdir())
              if p.suffix == ".py"]
    files.append(("assets/followup/rules.json", rules_bundle(rules)))
    return files


def rules_bundle(rules):
    """The rule base as compact JSON, for the planner in the browser (no YAML there)."""
    return json.dumps(rules, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
