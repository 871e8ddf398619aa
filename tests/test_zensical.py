"""Life after Material for MkDocs: Zensical builds the guide from `followup render` output
(it reads mkdocs.yml but runs no third-party plugin), and the checklist still works.
Runs wherever Zensical is installed (`pip install zensical`); it does not install here."""
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import BUILD_DAY, ROOT, SUB_PATH, serve
from test_widget import open_checklist

pytestmark = pytest.mark.skipif(shutil.which("zensical") is None,
                                reason="Zensical is not installed (pip install zensical)")


def test_zensical_builds_the_rendered_guide_and_the_widget_works(tmp_path, browser):
    out = tmp_path / "rendered"
    subprocess.run([sys.executable, "-m", "site_plugins.cli", "render", "--out", str(out),
                    "--today", BUILD_DAY], cwd=ROOT, check=True)
    config = yaml.safe_load((out / "mkdocs.yml").read_text())
    config["site_dir"] = str(tmp_path / "web" / SUB_PATH.strip("/"))
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    subprocess.run(["zensical", "build", "-f", str(out / "mkdocs.yml")], cwd=out, check=True)
    server, base = serve(tmp_path / "web")
    page = browser.new_context().new_page()
    page.log = type("Log", (), {"errors": []})()
    try:
        open_checklist(page, base + SUB_PATH, today="2026-11-18")
        assert page.locator("#fu-plan li.fu-item").count() >= 10
    finally:
        page.context.close()
        server.shutdown()
