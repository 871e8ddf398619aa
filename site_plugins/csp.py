"""Post-processing of built pages. A Content-Security-Policy for each built page, as a
<meta> tag (GitHub Pages sets no headers). The network is limited to the site's own
origin, and scripts to the site's own path when its address is known (`site_url`): on
GitHub Pages every project of a user shares one origin. Inline scripts run only when
the build put them there: the theme's own, exactly as this build rendered them for this
page (its template's scripts with this page's values, outside the page's content), and
ours (the *.js files in site_plugins/browser/). A script that reached a page any other way
(say, inside a rule's text, or a copy of a theme script with other values) is never
allowed, wherever it sits. Only a page that loads PyScript may compile WebAssembly
(MicroPython) and evaluate strings as code: PyScript's core builds helper functions with
`Function(...)`; the network limit still holds there.

`add_policies` does the same for a site that another builder made from `followup render`
output (plain MkDocs, Zensical), from the built files alone."""
import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)
NOT_JAVASCRIPT = re.compile(r'\btype="(?!(?:text/javascript|module)")[^"]*"', re.I)
HEAD = re.compile(r"<head[^>]*>", re.I)
CONTENT = re.compile(r'<article class="md-content__inner[^"]*">.*</article>', re.S)
JINJA_VALUE = re.compile(r"\{\{(.*?)\}\}", re.S)
OUR_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
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
    """Each inline script in the theme's templates (e.g. MkDocs' `config.theme.dirs`),
    split at the {{ values }} it prints: its texts and, between them, the expressions."""
    bodies = {body for folder in template_dirs for path in sorted(Path(folder).rglob("*.html"))
              for attributes, body in INLINE_SCRIPT.findall(path.read_text(encoding="utf-8"))
              if not NOT_JAVASCRIPT.search(attributes) and "{%" not in body
              and "{#" not in body}
    return tuple(tuple(" ".join(part.split()) if odd else part
                       for odd, part in _alternating(JINJA_VALUE.split(body)))
                 for body in sorted(bodies))


def _alternating(parts):
    return ((index % 2 == 1, part) for index, part in enumerate(parts))


def page_values(base_url, scope=None):
    """What the theme's inline scripts print on one page, by expression: Material's (and
    Zensical's) print only where the site lives, relative to the page."""
    return {"base_url": base_url, "config.extra.scope | d(base_url)": scope or base_url,
            "config.extra.scope | d(base_url, true)": scope or base_url}


def rendered(theme, values):
    """The theme's inline scripts as the build wrote them into one page, each with the
    page's `values` (see `page_values`). A script that prints anything else (say,
    redirect.html's target) is left out: the build never wrote it with a value we know."""
    bodies = set()
    for parts in theme:
        expressions = parts[1::2]
        if all(values.get(expression) is not None for expression in expressions):
            bodies.add("".join(values[part] if odd else part
                               for odd, part in _alternating(parts)))
    return frozenset(bodies)


def script_source(site_url):
    """Where scripts may come from: the site's own path when its address is known (a
    project on user.github.io shares the origin with every other project of the user),
    else the page's origin."""
    parts = urlsplit(site_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path in ("", "/"):
        return "'self'"
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}/"


def policy(script_hashes, pyscript=False, scripts_from="'self'"):
    sources = [scripts_from] + (["'wasm-unsafe-eval'", "'unsafe-eval'"] if pyscript else [])
    sources += ["'sha256-%s'" % digest for digest in sorted(set(script_hashes))]
    return "; ".join([
        "default-src 'self'",
        "script-src " + " ".join(sources),
        "style-src 'self' 'unsafe-inline'",  # Material and PyScript set inline styles
        "img-src 'self' data:",              # Material's icons are data: URIs in its CSS
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",                 # the site's service worker (sw.js)
        "manifest-src 'self'",               # its web app manifest
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def known_script_hashes(html, theme=(), own=()):
    """sha256 of each inline JavaScript in the page that is one of `own`, or one of
    `theme` outside the page's content (bodies as the build wrote them: see `rendered`)."""
    content = CONTENT.search(html)
    start, end = content.span() if content else (len(html), len(html))
    return [_sha256(match.group(2)) for match in INLINE_SCRIPT.finditer(html)
            if not NOT_JAVASCRIPT.search(match.group(1))
            and (match.group(2) in own or (match.group(2) in theme
                                           and not start <= match.start() < end))]


def _sha256(body):
    return base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")


def with_policy(html, theme=(), own=(), scripts_from="'self'"):
    """The page with its policy as the first element of <head>; see `known_script_hashes`
    for the inline scripts it allows. A policy already there (from an earlier run) goes."""
    head = HEAD.search(html)
    if head and OUR_POLICY.match(html, head.end()):
        html = html[:head.end()] + OUR_POLICY.sub("", html[head.end():], count=1)
    meta = '<meta http-equiv="Content-Security-Policy" content="%s">' % policy(
        known_script_hashes(html, theme, own), PYSCRIPT in html, scripts_from)
    return HEAD.sub(lambda match: match.group(0) + meta, html, count=1)


def add_policies(site_dir, template_dirs, site_url=None, scope=None):
    """Give every page of a site built without our plugin its policy, as the plugin
    would: each page's base_url from where it lies (404.html: the site's path, as MkDocs
    and Zensical print it). Returns how many pages were given one; a page that is not
    UTF-8 raises ValueError naming it."""
    site, theme, own = Path(site_dir), theme_scripts(template_dirs), own_scripts()
    count = 0
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site)
        if relative.parts[0] == "assets" or path.is_symlink() or not path.is_file():
            continue
        try:
            html = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise ValueError(f"{relative.as_posix()}: not UTF-8 text") from None
        values = page_values(base_url_of(relative, site_url), scope)
        path.write_text(with_policy(html, rendered(theme, values), own,
                                    script_source(site_url)), encoding="utf-8")
        count += 1
    return count


def base_url_of(relative, site_url=None):
    """The base_url MkDocs (and Zensical) render into the page at `relative` (a path in
    the site): the way back up to the site's root, or for 404.html, served at any depth,
    the site's path."""
    if relative.as_posix() == "404.html":
        return urlsplit(site_url or "/").path
    return "/".join([".."] * len(relative.parent.parts)) or "."


PRELOAD = re.compile(r'<link rel="(?:module)?preload"[^>]*>\n?')


def with_preloads_in_head(html):
    """Move preload links written in a page's body into its <head>, where the browser
    finds them before it has parsed the page."""
    links = PRELOAD.findall(html.split("</head>", 1)[1]) if "</head>" in html else []
    if not links:
        return html
    head, body = html.split("</head>", 1)
    return head + "".join(links) + "</head>" + PRELOAD.sub("", body)
