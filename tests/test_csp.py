"""The privacy boundary the browser enforces: a Content-Security-Policy on every page."""
import base64
import hashlib
import re
from pathlib import Path

import material
import pytest

from conftest import SUB_PATH, build_site, project_copy, serve
from site_plugins.csp import (INLINE_SCRIPT, known_script_hashes, own_scripts, policy,
                              theme_scripts, with_policy)
from test_site_browser import crawl
from test_widget import fill, more_actions, open_box, open_checklist

META = re.compile(r'<head[^>]*><meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def test_every_built_page_starts_its_head_with_a_same_origin_policy(built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) >= 14
    for path in pages:
        markup = path.read_text(encoding="utf-8")
        match = META.search(markup)
        assert match, path
        directives = dict(d.strip().split(" ", 1) for d in match.group(1).split(";"))
        assert directives["default-src"] == "'self'" and directives["connect-src"] == "'self'"
        assert not re.search(r"https?:|\*", match.group(1)), path
        eval_allowed = "'unsafe-eval'" in directives["script-src"]
        assert eval_allowed == ("assets/pyscript/core.js" in markup), path


THEME = theme_scripts([Path(material.__file__).parent / "templates"])
MD_SCOPE = ('__md_scope=new URL("%s",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+'
            '_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem('
            't.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem('
            'a.pathname+"."+e,JSON.stringify(_))}catch(e){}}')
TABS_TARGET = ('var target=document.getElementById(location.hash.slice(1));target&&target.name&&'
               '(target.checked=target.name.startsWith("__tabbed_"))')


def page_html(head="", nav="", content="", end=""):
    """A page shaped like Material's: head, navigation, the content article, the end."""
    return ('<html><head>%s</head><body><nav class="md-nav">%s</nav><main><div '
            'class="md-content"><article class="md-content__inner md-typeset">%s</article>'
            '</div></main>%s</body></html>' % (head, nav, content, end))


def script(body, attributes=""):
    return "<script%s>%s</script>" % (attributes, body)


def test_the_theme_scripts_come_from_its_templates():
    assert any(pattern.fullmatch(MD_SCOPE % "../..") for pattern in THEME)
    assert any(pattern.fullmatch(TABS_TARGET) for pattern in THEME)


def test_the_theme_inline_scripts_are_allowed_by_hash_and_data_blocks_are_not_hashed():
    html = page_html(head=script(MD_SCOPE % ".") + script("{}", ' type="application/json"'),
                     content=script("print(1)", ' type="mpy"') + '<script src="x.js"></script>',
                     end=script(TABS_TARGET))
    assert known_script_hashes(html, THEME) == [sha256(MD_SCOPE % "."), sha256(TABS_TARGET)]
    assert with_policy(html, THEME).startswith(
        '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
        "script-src 'self' 'sha256-")
    assert "'unsafe-eval'" not in policy([]) and "'unsafe-eval'" in policy([], pyscript=True)


@pytest.mark.parametrize("where", ["head", "nav", "content", "end"])
def test_a_script_that_is_not_the_themes_or_ours_is_never_allowed(where):
    injected = script("window.__injected=1")
    assert known_script_hashes(page_html(**{where: injected}), THEME) == []


def test_a_theme_script_inside_the_content_is_not_allowed():
    assert known_script_hashes(page_html(content=script(TABS_TARGET)), THEME) == []


@pytest.mark.parametrize("value", ['",alert(1),"', "<!--", "\\", "a\nb", "'", "`"])
def test_a_theme_script_whose_value_leaves_its_string_is_not_allowed(value):
    assert known_script_hashes(page_html(head=script(MD_SCOPE % value)), THEME) == []


def test_our_own_scripts_are_allowed_wherever_the_page_has_them(tmp_path):
    (tmp_path / "copy-button.js").write_text("// Says whose page it is.\n"
                                              "if (true) {\n  document.title = 'ours';\n}\n")
    (tmp_path / "notes.txt").write_text("not a script")
    own = own_scripts(tmp_path)
    assert own == ("if (true) {\ndocument.title = 'ours';\n}",)
    html = page_html(content=script(own[0]) + script("document.title = 'theirs';"))
    assert known_script_hashes(html, THEME, own) == [sha256(own[0])]


def sha256(body):
    return base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")


def test_no_injected_script_in_a_built_page_is_allowed(injected_site):
    """A step title and a rule text carrying <script>: whether or not the page escapes them,
    none may be allowed by the page's policy (titles also land in the nav and header)."""
    markup = (injected_site / "steps" / "debrief" / "index.html").read_text(encoding="utf-8")
    allowed = META.search(markup).group(1)
    injected = [body for _, body in INLINE_SCRIPT.findall(markup) if "__injected" in body]
    assert all("'sha256-%s'" % sha256(body) not in allowed for body in injected)
    assert allowed.count("'sha256-") == 4  # the theme's four inline scripts


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory):
    project = project_copy(tmp_path_factory.mktemp("injected"))
    rule_file = project / "rules" / "02-debrief.yml"
    rule_file.write_text(rule_file.read_text().replace(
        "  title: Debrief yourself\n",
        "  title: \"Debrief yourself <script>window.__injected='title'</script>\"\n", 1).replace(
        "    text: >-\n      Find a quiet spot",
        "    text: >-\n      <script>window.__injected='text'</script> Find a quiet spot", 1))
    site = project / "web" / SUB_PATH.strip("/")
    build_site(site, cwd=project)
    return site


@pytest.mark.browser
def test_an_injected_script_does_not_run_in_the_browser(page, injected_site):
    server, base = serve(injected_site.parent)
    try:
        page.goto(base + SUB_PATH + "steps/debrief/")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__injected") is None
    finally:
        server.shutdown()


@pytest.mark.browser
def test_no_violation_on_any_page_or_while_the_widget_is_used(page, site_url):
    pages, _ = crawl(page, site_url)
    violations = []
    for url in pages:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        violations += page.evaluate("window.__csp")
    open_checklist(page, site_url, today="2026-11-18")
    fill(page, {"interviewed": "2026-11-10", "decision_within": "1w", "interviewers": ["Ana"]})
    more_actions(page)
    page.click("button[data-action=share]")
    with page.expect_download():
        page.click("button[data-action=calendar]")
    open_box(page, "fu-drafts-box")
    page.locator(".fu-draft summary").first.click()
    violations += page.evaluate("window.__csp")
    assert violations == []
    assert page.log.errors == []
