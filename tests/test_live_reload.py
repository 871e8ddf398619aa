"""`mkdocs serve` rebuilds when a rule changes, and the open page shows the change."""
import os
import socket
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from conftest import project_copy

pytestmark = pytest.mark.browser


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def dev_server(tmp_path):
    """A copy of the project (so the real rules are never touched) served by `mkdocs serve`."""
    project_copy(tmp_path)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--livereload"],
        cwd=tmp_path, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    for line in server.stdout:  # wait until it says it is serving
        if "Serving on" in line:
            break
    yield tmp_path, f"http://127.0.0.1:{port}/"
    server.terminate()
    server.wait(timeout=20)


def test_editing_a_rule_shows_up_after_the_reload(page, dev_server):
    project, url = dev_server
    page.goto(url + "steps/thank-you/")
    heading = page.locator("h3#send-thank-you")
    expect(heading).to_contain_text("Send a thank-you note")
    rule_file = project / "rules" / "03-thank-you.yml"
    rule_file.write_text(rule_file.read_text().replace(
        "title: Send a thank-you note\n", "title: Thank every interviewer in writing\n", 1))
    expect(heading).to_contain_text("Thank every interviewer in writing", timeout=60_000)
