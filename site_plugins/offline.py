"""Offline and installable: a built site gets a service worker, a web app manifest and
its icons, and every page links them. Runs after the build, on the files as built
(the plugin's last step, or `followup offline SITE_DIR` after any other builder), so
the precache lists exactly what was built, each file with its content hash.

The worker is Workbox's precaching (npm, pinned, copied into the site: never a CDN)
plus our own routing: see worker/sw.js."""
import base64
import hashlib
import json
import re
from pathlib import Path

WORKER = Path(__file__).resolve().parent / "worker"
WORKBOX_MODULES = ("workbox-core", "workbox-routing", "workbox-strategies", "workbox-precaching")
OFFLINE = "assets/offline/"   # register.js, icons, Workbox: site-relative
SW = "sw.js"                  # at the site's root, so that its scope is the whole site
MANIFEST = "manifest.webmanifest"
NAME, SHORT_NAME = "Interview follow-up guide", "Follow-up"
THEME = "#3f51b5"             # the favicon's indigo
# Built files the pages never load, or load by other means: left out of the precache.
# Material's lunr language files serve other languages; of PyScript only its core and
# the error plugin's chunk start (the others belong to plugins the checklist turns off).
SKIP = re.compile(r"\.map$|\.gz$|^sitemap\.xml$|^404\.html$|^%s$|^%sworkbox/"
                  r"|^assets/javascripts/lunr/"
                  r"|^assets/pyscript/(?!core\.js$|core-[\w-]+\.js$|error-[\w-]+\.js$)"
                  % (re.escape(SW), re.escape(OFFLINE)))
BUILD_META = '<meta name="followup-build" content="%s">'
OUR_HEAD = re.compile(r'<link rel="manifest"[^>]*>.*?<script src="[^"]*%sregister\.js" defer>'
                      r"</script>\n?" % re.escape(OFFLINE), re.S)
HEAD_END = re.compile(r"</head>", re.I)


class OfflineError(Exception):
    """The site folder or Workbox's files are not where they should be."""


def add_offline(site_dir, node_modules, name=NAME):
    """Write the worker, manifest and icons into the built site at `site_dir` and link
    them from every page; returns (number of files precached, their bytes)."""
    site = Path(site_dir)
    if not (site / "index.html").is_file():
        raise OfflineError(f"{site_dir}: no index.html there: is it a built site?")
    workbox = _workbox_files(Path(node_modules))
    try:
        return _write_offline(site, workbox, name)
    except OSError as error:
        raise OfflineError(f"cannot write to {site_dir}: {error.strerror or error}")


def _workbox_files(node_modules):
    files = [node_modules / module / "build" / (module + ".prod.js") for module in WORKBOX_MODULES]
    for path in files:
        if not path.is_file():
            raise OfflineError(f"Workbox is not in {node_modules} ({path.parents[1].name} is "
                               "missing): run `make setup` (npm ci) first")
    return files


def _write_offline(site, workbox, name):
    _copy_own_files(site, workbox, name)
    build = build_id(precache_entries(site))  # of the files other than the pages
    for page in _pages(site):
        _link_page(site, page, build)
    entries = precache_entries(site)  # the pages as linked
    (site / SW).write_text(worker_script(build, entries), encoding="utf-8")
    return len(entries), sum(entry["size"] for entry in entries)


def _copy_own_files(site, workbox, name):
    folder = site / OFFLINE
    (folder / "workbox").mkdir(parents=True, exist_ok=True)
    for source in workbox:
        (folder / "workbox" / source.name).write_bytes(source.read_bytes())
    for path in sorted(WORKER.glob("*.png")) + [WORKER / "register.js"]:
        (folder / path.name).write_bytes(path.read_bytes())
    (site / MANIFEST).write_text(manifest(name), encoding="utf-8")


def manifest(name):
    """The web app manifest: every address relative to it, so it works under /<repo>/."""
    icon = OFFLINE + "icon-%s.png"
    return json.dumps({
        "name": name, "short_name": SHORT_NAME if len(name) > 12 else name,
        "description": "What to do after a job interview, and when; your own dated checklist.",
        "start_url": "./checklist/", "scope": "./", "id": "./checklist/",
        "display": "standalone", "theme_color": THEME, "background_color": "#ffffff",
        "icons": [
            {"src": icon % "192", "sizes": "192x192", "type": "image/png", "purpose": "any"},
            {"src": icon % "512", "sizes": "512x512", "type": "image/png", "purpose": "any"},
            {"src": icon % "maskable-512", "sizes": "512x512", "type": "image/png",
             "purpose": "maskable"}]}, indent=2) + "\n"


def precache_entries(site):
    """[{url, revision, integrity, size}] for every built file the guide needs, in path order."""
    entries = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        url = path.relative_to(site).as_posix()
        if SKIP.search(url):
            continue
        digest = hashlib.sha256(path.read_bytes()).digest()
        entries.append({"url": url, "revision": digest.hex()[:16], "size": path.stat().st_size,
                        "integrity": "sha256-" + base64.b64encode(digest).decode("ascii")})
    return entries


def build_id(entries):
    """A name for the build's files other than its pages: a page of another build id
    would load files that do not match it."""
    assets = [(e["url"], e["revision"]) for e in entries if not e["url"].endswith(".html")]
    return hashlib.sha256(json.dumps(assets).encode("utf-8")).hexdigest()[:16]


def _pages(site):
    """Every page but 404.html, which is served at any missing address, so its links
    cannot be relative."""
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).as_posix() != "404.html")


def _link_page(site, page, build):
    depth = len(page.relative_to(site).parts) - 1
    html = page.read_text(encoding="utf-8")
    page.write_text(with_offline_head(html, "../" * depth, build), encoding="utf-8")


def with_offline_head(html, root, build):
    """The page linking the manifest, its icon and the worker's registration (`root`: the
    relative way to the site's root), once, however often it is run."""
    head = "".join([
        '<link rel="manifest" href="%s%s">' % (root, MANIFEST),
        '<meta name="theme-color" content="%s">' % THEME,
        '<link rel="apple-touch-icon" href="%s%sicon-192.png">' % (root, OFFLINE),
        BUILD_META % build,
        '<script src="%s%sregister.js" defer></script>\n' % (root, OFFLINE)])
    html = OUR_HEAD.sub("", html)
    if not HEAD_END.search(html):
        return html
    return HEAD_END.sub(lambda match: head + match.group(0), html, count=1)


def worker_script(build, entries):
    precache = [dict((k, e[k]) for k in ("url", "revision", "integrity")) for e in entries]
    script = (WORKER / "sw.js").read_text(encoding="utf-8")
    return (script.replace("__BUILD__", build)
            .replace("__PRECACHE__", json.dumps(precache, separators=(",", ":"))))
