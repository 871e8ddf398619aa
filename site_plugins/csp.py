"""Post-processing of built pages. A Content-Security-Policy for each built page, as a
<meta> tag (GitHub Pages sets no headers). The network is limited to the site's own
origin. Inline scripts run only when they are known: the theme's own (matched against
the inline scripts of its template files, outside the page's content) and ours (the
*.js files in site_plugins/browser/). A script that reached a page any other way (say,
inside a rule's text) is never allowed, wherever it sits. Only a page that loads PyScript
may compile WebAssembly (MicroPython) and evaluate strings as code: PyScript's core builds
helper functions with `Function(...)`; the network limit still holds there."""
import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)
NOT_JAVASCRIPT = re.compile(r'\btype="(?!(?:text/javascript|module)")[^"]*"', re.I)
HEAD = re.compile(r"<head[^>]*>", re.I)
CONTENT = re.compile(r'<article class="md-content__inner[^"]*">.*</article>', re.S)
JINJA_VALUE = re.compile(r"\{\{.*?\}\}", re.S)
# What a template's {{ value }} may become inside a script: text that cannot leave the
# string literal it sits in (every one in Material's scripts does), nor end the script.
SAFE_VALUE = r"""[^"'`\\<>\n]*"""
PYSCRIPT = "assets/pyscript/core.js"
OWN_SCRIPTS = Path(__file__).resolve().parent / "browser"


def own_scripts(folder=OWN_SCRIPTS):
    """The bodies of our own inline scripts: each *.js file in `folder`. A page inlines
    one as `<script>` + `script_body(file)` + `</script>`."""
    return tuple(script_body(path) for path in sorted(Path(folder).glob("*.js")))


def script_body(path):
    """A script as the page inlines it: its comment lines and indentation left out,
    since every page that has it carries its bytes."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


def theme_scripts(template_dirs):
    """A pattern for each inline script in the theme's templates (e.g. MkDocs'
    `config.theme.dirs`), its {{ values }} standing for text that stays in its string."""
    bodies = {body for folder in template_dirs for path in sorted(Path(folder).rglob("*.html"))
              for attributes, body in INLINE_SCRIPT.findall(path.read_text(encoding="utf-8"))
              if not NOT_JAVASCRIPT.search(attributes) and "{%" not in body
              and "{#" not in body}
    return tuple(re.compile(SAFE_VALUE.join(map(re.escape, JINJA_VALUE.split(body))))
                 for body in sorted(bodies))


def policy(script_hashes, pyscript=False):
    sources = ["'self'"] + (["'wasm-unsafe-eval'", "'unsafe-eval'"] if pyscript else [])
    sources += ["'sha256-%s'" % digest for digest in sorted(set(script_hashes))]
    return "; ".join([
        "default-src 'self'",
        "script-src " + " ".join(sources),
        "style-src 'self' 'unsafe-inline'",  # Material and PyScript set inline styles
        "img-src 'self' data:",              # Material's icons are data: URIs in its CSS
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ])


def known_script_hashes(html, theme=(), own=()):
    """sha256 of each inline JavaScript in the page that is one of `own` (bodies), or one
    of `theme` (patterns) outside the page's content."""
    content = CONTENT.search(html)
    start, end = content.span() if content else (len(html), len(html))
    return [_sha256(match.group(2)) for match in INLINE_SCRIPT.finditer(html)
            if not NOT_JAVASCRIPT.search(match.group(1))
            and (match.group(2) in own or (not start <= match.start() < end and
                                           any(p.fullmatch(match.group(2)) for p in theme)))]


def _sha256(body):
    return base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")


def with_policy(html, theme=(), own=()):
    """The page with its policy as the first element of <head>; see `known_script_hashes`
    for the inline scripts it allows."""
    meta = '<meta http-equiv="Content-Security-Policy" content="%s">' % policy(
        known_script_hashes(html, theme, own), PYSCRIPT in html)
    return HEAD.sub(lambda match: match.group(0) + meta, html, count=1)


PRELOAD = re.compile(r'<link rel="(?:module)?preload"[^>]*>\n?')


def with_preloads_in_head(html):
    """Move preload links written in a page's body into its <head>, where the browser
    finds them before it has parsed the page."""
    links = PRELOAD.findall(html.split("</head>", 1)[1]) if "</head>" in html else []
    if not links:
        return html
    head, body = html.split("</head>", 1)
    return head + "".join(links) + "</head>" + PRELOAD.sub("", body)
