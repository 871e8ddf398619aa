"""Run Python under the pinned MicroPython wasm build, with the browser package as the
page gets it: every module of site_plugins/browser/, compiled to .mpy by the same code
that builds the site, as the package `followup`."""
import json
import shutil
import subprocess
from pathlib import Path

from site_plugins.assets import BROWSER_PACKAGE, browser_sources, compiled

ROOT = Path(__file__).resolve().parent.parent
# Just enough of `pyscript` for the widget module to import outside a page.
PYSCRIPT_STUB = {"__init__.py": "document = None\nwindow = None\n\n\nasync def fetch(url):\n"
                                "    raise OSError(url)\n",
                 "ffi.py": "def create_proxy(f):\n    return f\n\n\ndef to_js(x):\n    return x\n"}


def every_module():
    """The import line that loads every module of the browser package."""
    return "from %s import %s" % (BROWSER_PACKAGE, ", ".join(
        path.stem for path in browser_sources()))


def run(workdir, driver, files):
    """Run `driver` (Python source) beside `files` ({name: text}); returns what it wrote
    to out.json as JSON lines, each parsed (one line per value keeps MicroPython's
    json.dumps fast: it slows down sharply on one very large value)."""
    node = shutil.which("node")
    assert node, "Node is part of the set-up (npm installs the MicroPython build)"
    package = Path(workdir) / BROWSER_PACKAGE
    package.mkdir(parents=True)
    for path in browser_sources():
        (package / (path.stem + ".mpy")).write_bytes(compiled(path))
    (Path(workdir) / "pyscript").mkdir()
    for name, text in PYSCRIPT_STUB.items():
        (Path(workdir) / "pyscript" / name).write_text(text)
    for name, text in dict(files, **{"driver.py": driver}).items():
        (Path(workdir) / name).write_text(text, encoding="utf-8")
    result = subprocess.run([node, "tests/mpy/run.mjs", str(workdir)], cwd=ROOT,
                            capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line]
