"""The privacy boundary the browser enforces: a Content-Security-Policy on every page."""
import base64
import hashlib
import os
import re
from pathlib import Path
from unittest import mock

import material
import pytest

from conftest import SUB_PATH, build_site, serve
from site_plugins.csp import (known_script_hashes, own_scripts, page_values, policy, rendered,
                              script_source, theme_scripts, with_policy)
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
        assert (directives["base-uri"], directives["form-action"],
                directives["object-src"]) == ("'none'", "'none'", "'none'")


THEMES = theme_scripts([Path(material.__file__).parent / "templates"])
THEME = rendered(THEMES, page_values("."))  # the theme's scripts on a site's home page
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


REDIRECT = 'window.location.replace(["%s",window.location.search,window.location.hash].join(""))'


def test_the_theme_scripts_come_from_its_templates_with_this_pages_values():
    assert MD_SCOPE % "." in THEME and TABS_TARGET in THEME
    assert MD_SCOPE % "../.." in rendered(THEMES, page_values("../.."))
    assert MD_SCOPE % "/docs/" in rendered(THEMES, page_values(".", scope="/docs/"))
    assert MD_SCOPE % "../.." not in THEME


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


@pytest.mark.parametrize("value", ["https://evil.example/", "../..", "x", ""])
def test_a_theme_script_with_values_the_build_did_not_render_is_not_allowed(value):
    """Not even quote-free ones, nor in the navigation: only the page's own values."""
    for where in ("head", "nav", "end"):
        html = page_html(**{where: script(MD_SCOPE % value) + script(REDIRECT % value)})
        assert known_script_hashes(html, THEME) == [], where


def test_a_redirect_like_the_themes_is_never_allowed():
    """The theme's redirect.html prints a page's `location`, a value no page of ours has."""
    theme = rendered(THEMES, dict(page_values("."), **{"page.meta.location": "."}))
    assert REDIRECT % "." in theme
    for value in (".", "https://evil.example/"):
        assert known_script_hashes(page_html(nav=script(REDIRECT % value)), THEME) == []


def test_scripts_come_from_the_sites_own_path_when_its_address_is_known():
    assert script_source("https://user.github.io/interview-followup/") == (
        "https://user.github.io/interview-followup/")
    assert script_source("https://user.github.io/interview-followup") == (
        "https://user.github.io/interview-followup/")
    for unknown in (None, "", "https://guide.example/", "/interview-followup/", "file:///x/"):
        assert script_source(unknown) == "'self'"
    directives = policy([], scripts_from="https://user.github.io/a/").split("; ")
    assert "script-src https://user.github.io/a/" in directives


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


def test_no_injected_script_in_a_built_page_is_allowed(built_site):
    """Scripts that reach a built page where rule text lands (the navigation, the content),
    copies of the theme's own with other values among them: none is allowed; the theme's
    four, as the build wrote them, are."""
    markup = (built_site / "steps" / "debrief" / "index.html").read_text(encoding="utf-8")
    page_theme = rendered(THEMES, page_values("../.."))
    assert len(META.search(markup).group(1).split("'sha256-")) == 5
    injected = [script(MD_SCOPE % "https://evil.example/"), script(REDIRECT % "../.."),
                script(MD_SCOPE % "."), script("window.__injected = 1")]
    nav = markup.index('<nav class="md-nav md-nav--primary"')
    markup = markup[:nav] + "".join(injected) + markup[nav:]
    allowed = META.search(with_policy(markup, page_theme)).group(1)
    assert allowed.count("'sha256-") == 4
    assert all("'sha256-%s'" % sha256(body[8:-9]) not in allowed for body in injected)


@pytest.fixture(scope="module")
def shared_origin(tmp_path_factory):
    """The site built for its address (SITE_URL) and served under /interview-followup/ of
    an origin it shares with another project, /other-project/, as on user.github.io."""
    web = tmp_path_factory.mktemp("shared-origin")
    server, base = serve(web)
    (web / "other-project").mkdir()
    (web / "other-project" / "x.js").write_text("window.__neighbour = 1;\n")
    site = web / SUB_PATH.strip("/")
    with mock.patch.dict(os.environ, SITE_URL=base + SUB_PATH):
        build_site(site)
    home = (site / "index.html").read_text(encoding="utf-8")
    (site / "neighbour.html").write_text(  # as if a page of ours loaded the other's script
        home.replace("</body>", '<script src="/other-project/x.js"></script></body>'))
    yield base + SUB_PATH, site
    server.shutdown()


@pytest.mark.browser
def test_scripts_load_only_from_the_sites_own_path(page, shared_origin):
    url, site = shared_origin
    allowed = META.search((site / "index.html").read_text(encoding="utf-8")).group(1)
    assert "script-src %s " % url in allowed and "script-src 'self'" not in allowed
    page.goto(url + "neighbour.html")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__neighbour") is None
    assert any("other-project/x.js" in violation for violation in page.evaluate("window.__csp"))


@pytest.mark.browser
def test_the_checklist_works_with_scripts_from_the_sites_own_path(page, shared_origin):
    """PyScript's modules, MicroPython's WebAssembly and the search worker all load."""
    url, _ = shared_origin
    open_checklist(page, url, today="2026-11-18")
    assert page.locator("#fu-plan li.fu-item").count() >= 10
    assert page.evaluate("window.__csp") == [] and page.log.failed == []


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
