"""Post-processing of built pages. A Content-Security-Policy for each built page, as a <meta> tag (GitHub Pages sets no
headers). The network is limited to the site's own origin; the only inline scripts
allowed are the ones on that page, by hash. Only a page that loads PyScript may compile
WebAssembly (MicroPython) and evaluate strings as code: PyScript's core builds helper
functions with `Function(...)`; the network limit still holds there."""
import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)
NOT_JAVASCRIPT = re.compile(r'\btype="(?!(?:text/javascript|module)")[^"]*"', re.I)
HEAD = re.compile(r"<head[^>]*>", re.I)
PYSCRIPT = "assets/pyscript/core.js"


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


def inline_script_hashes(html):
    """sha256 of every inline script the browser would run as JavaScript."""
    return [base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
            for attributes, body in INLINE_SCRIPT.findall(html)
            if not NOT_JAVASCRIPT.search(attributes)]


def with_policy(html):
    """The page with its policy as the first element of <head>."""
    meta = '<meta http-equiv="Content-Security-Policy" content="%s">' % policy(
        inline_script_hashes(html), PYSCRIPT in html)
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
