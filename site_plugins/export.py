"""`followup render`: the whole guide as plain files that any MkDocs-compatible builder
can build without our plugin: generated pages, hand-written docs, assets, and a
mkdocs.yml without the `followup` plugin and with the navigation spelled out."""
import os
import shutil
from datetime import date

import yaml

from . import render
from .assets import MissingAssets, site_assets
from .browser.dates import parse_date
from .rules import RulesError, load_rules


class RenderError(Exception):
    def __init__(self, message, bad_input=False):
        super().__init__(message)
        self.bad_input = bad_input


def render_site(config_path, out, today=None):
    """Write the guide to `out`; returns how many files were written."""
    config = _read_config(config_path)
    root = config_path.resolve().parent
    options = _plugin_options(config)
    rules = _load(root / options.get("rules", "rules"))
    try:
        day = plan_day(today or options.get("today"))
    except ValueError as error:
        raise RenderError(f"--today {str(error)!r}: is not a real date (use YYYY-MM-DD)", True)
    docs = out / "docs"
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(root / config.get("docs_dir", "docs"), docs)
    written = sum(1 for path in docs.rglob("*") if path.is_file())
    files = [(path, markdown.encode("utf-8"))
             for path, markdown in render.render_pages(rules, day).items()]
    files += _assets(rules, root / options.get("node_modules", "node_modules"))
    for path, source in files:
        _write(docs / path, source if isinstance(source, bytes) else source.read_bytes())
    _write(out / "mkdocs.yml", yaml.safe_dump(_plain_config(config, rules), sort_keys=False,
                                               allow_unicode=True).encode("utf-8"))
    return written + len(files) + 1


def _read_config(path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise RenderError(f"cannot read {path}: {error}", bad_input=True)


def _plugin_options(config):
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "followup" in plugin:
            return plugin["followup"] or {}
    return {}


def _load(rules_dir):
    try:
        return load_rules(rules_dir)
    except RulesError as error:
        raise RenderError("problems in the rules:\n" + "\n".join(error.problems))


def plan_day(setting=None):
    """The default plan's date: `setting`, else $FOLLOWUP_TODAY, else the build day.
    Raises ValueError carrying the text when it is not a date."""
    text = setting or os.environ.get("FOLLOWUP_TODAY")
    if not text:
        return date.today()
    day = parse_date(text)
    if day is None:
        raise ValueError(text)
    return day


def _assets(rules, node_modules):
    try:
        return site_assets(rules, node_modules)
    except MissingAssets as error:
        raise RenderError(str(error))


def _write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _plain_config(config, rules):
    """Our mkdocs.yml without the followup plugin, with docs_dir and nav made explicit."""
    plain = dict(config)
    plain["docs_dir"] = "docs"
    plain["plugins"] = [p for p in config.get("plugins") or []
                        if not (isinstance(p, dict) and "followup" in p) and p != "followup"]
    plain["nav"] = render.nav(rules)
    return plain
