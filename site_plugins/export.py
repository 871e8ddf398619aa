"""`followup render`: the whole guide as plain files that any MkDocs-compatible builder
can build without our plugin: generated pages, hand-written docs, assets, and a
mkdocs.yml without the `followup` plugin and with the navigation spelled out."""
import importlib.util
import os
import shutil
from collections import namedtuple
from datetime import date
from pathlib import Path

import yaml

from . import render
from .assets import MissingAssets, site_assets
from .bounded import BoundedLoader, TooComplex, Unreadable, read_bytes, yaml_problem
from .browser.dates import OUT_OF_RANGE, in_range, parse_date
from .csp import add_policies
from .rules import RulesError, load_rules

MARKER = ".followup-render"  # in every folder render writes to: the files it wrote
MARKER_HEAD = ("Made by `followup render`. It lists the files render wrote here; the next "
               "render replaces those and refuses to touch anything else.\n")


class RenderError(Exception):
    def __init__(self, message, bad_input=False):
        super().__init__(message)
        self.bad_input = bad_input


class ConfigMistake(Exception):
    """A setting in the config that render cannot use; the text says which and why."""


Project = namedtuple("Project", "config options docs rules node_modules config_file")


def render_site(config_path, out, today=None):
    """Write the guide to the folder `out` (as typed, for messages); returns how many files
    were written. Everything is read and checked before the folder is touched, so a
    mistake never costs the previous output."""
    project = _project(config_path)
    rules = _load(project.rules)
    day = _day(today, project.options.get("today"))
    files = [(path, markdown.encode("utf-8"))
             for path, markdown in render.render_pages(rules, day).items()]
    files += _assets(rules, project.node_modules)
    plain_config = _plain_yaml(project.config, rules)
    planned = ["mkdocs.yml"] + sorted(
        ["docs/" + path.relative_to(project.docs).as_posix() + ("/" if path.is_dir() else "")
         for path in project.docs.rglob("*")] +
        ["docs/" + str(path) for path, _ in files])
    _claim(out, project, planned)
    return _write_guide(Path(out), project.docs, files, plain_config)


def _write_guide(out, docs, files, plain_config):
    try:
        written = _copy_docs(docs, out / "docs") + _write_all(out / "docs", files)
        (out / "mkdocs.yml").write_bytes(plain_config)
    except OSError as error:
        raise RenderError(f"cannot write to {out}: {error.strerror or error}")
    return written + 1


def _project(config_path):
    """The config and the folders it names, each checked."""
    config = _read_config(config_path)
    root = config_path.resolve().parent
    try:
        options = _plugin_options(config.get("plugins") or [])
        project = Project(config, options, root / _folder(config, "docs_dir", "docs"),
                          root / _folder(options, "rules", "rules"),
                          root / _folder(options, "node_modules", "node_modules"),
                          config_path.resolve())
        if not project.docs.is_dir():
            docs_dir = config.get("docs_dir", "docs")
            raise ConfigMistake(f"docs_dir {docs_dir!r}: is not a folder")
    except ConfigMistake as error:
        raise RenderError(f"{config_path}: {error}", bad_input=True)
    _check_copyable(project.docs)
    return project


def _check_copyable(docs):
    """Every entry under docs must be a folder or (a link to) a regular file: copying a
    FIFO would block, a device (/dev/zero) never end, a linked folder may loop."""
    for parent, folders, files in os.walk(docs):
        for name in folders + files:
            path = os.path.join(parent, name)
            if os.path.islink(path) and os.path.isdir(path):
                raise RenderError(f"{path}: is a link to a folder; render copies real "
                                  "folders only", bad_input=True)
            if name in files and not os.path.isfile(path):
                raise RenderError(f"{path}: is not a regular file, so render cannot copy it",
                                  bad_input=True)


def _folder(settings, key, default):
    """A folder setting, or its default (MkDocs' own for docs_dir: docs)."""
    value = settings.get(key, default)
    if not isinstance(value, str) or not value.strip():
        raise ConfigMistake(f"{key} must be a folder name, not {_kind(value)}")
    return value


def _read_config(path):
    try:
        text = read_bytes(path).decode("utf-8")
        config = yaml.load(text, Loader=ConfigLoader)
    except Unreadable as error:
        raise RenderError(f"{path}: {error}", bad_input=True)
    except UnicodeDecodeError as error:
        raise RenderError(f"{path}: not UTF-8 text ({error.reason})", bad_input=True)
    except (yaml.YAMLError, TooComplex) as error:
        raise RenderError("%s:%d:%d: %s" % (path, *yaml_problem(error, text)), bad_input=True)
    if not isinstance(config, dict):
        raise RenderError(f"{path}: the config must be a mapping of settings "
                          f"(site_name: …), not {_kind(config)}", bad_input=True)
    return config


def _kind(value):
    """What a YAML value is, in a reader's words."""
    if isinstance(value, Tagged):
        return f"a value tagged {value.tag}"
    words = {str: "text", list: "a list", dict: "a mapping", int: "a number",
             float: "a number", bool: "true/false", type(None): "nothing"}
    return words.get(type(value), type(value).__name__)


def _plugin_options(plugins):
    """The followup plugin's options: MkDocs takes plugins as a list or as a mapping."""
    if isinstance(plugins, dict):
        options = plugins.get("followup")
    elif isinstance(plugins, list):
        options = next((p["followup"] for p in plugins if isinstance(p, dict)
                        and "followup" in p), None)
    else:
        raise ConfigMistake(f"plugins must be a list or a mapping, not {_kind(plugins)}")
    if options is not None and not isinstance(options, dict):
        raise ConfigMistake(f"the followup plugin's options must be a mapping, not "
                            f"{_kind(options)}")
    return _with_today_as_text(options or {})


def _with_today_as_text(options):
    """YAML reads an unquoted `today: 2026-11-18` as a date; the planner takes text."""
    today = options.get("today")
    if isinstance(today, date):
        return dict(options, today=today.isoformat())
    if today is not None and not isinstance(today, str):
        raise ConfigMistake(f"the followup plugin's today must be a date like 2026-11-18, "
                            f"not {_kind(today)}")
    return options


def _load(rules_dir):
    try:
        return load_rules(rules_dir)
    except RulesError as error:
        raise RenderError("problems in the rules:\n" + "\n".join(error.problems))


def _day(today, option):
    """The default plan's date: --today, else the plugin's today, else $FOLLOWUP_TODAY."""
    where = "--today" if today else "today in the config" if option else "$FOLLOWUP_TODAY"
    try:
        return plan_day(today or option)
    except ValueError as error:
        text, reason = error.args
        raise RenderError(f"{where} {text!r}: {reason}", True)


def plan_day(setting=None):
    """The default plan's date: `setting`, else $FOLLOWUP_TODAY, else the build day.
    Raises ValueError(text, reason) when it is not a date the planner can take."""
    text = setting or os.environ.get("FOLLOWUP_TODAY")
    if not text:
        return date.today()
    day = parse_date(text)
    if day is None:
        raise ValueError(text, "is not a real date (use YYYY-MM-DD)")
    if not in_range(day):
        raise ValueError(text, OUT_OF_RANGE)
    return day


def _assets(rules, node_modules):
    try:
        return site_assets(rules, node_modules)
    except MissingAssets as error:
        raise RenderError(str(error))


def _claim(typed, project, planned):
    """Make `typed` a folder render may write `planned` into: a new or empty folder, or
    one where render wrote before and nothing else has been put since. The files the
    last render wrote (listed in its MARKER) are removed; the folder itself, and
    anything render did not write, never are. See `_refusal` for what is refused."""
    out = Path(typed)
    try:
        refusal = _refusal(out, project)
        if refusal is None and (out / MARKER).is_file():
            refusal = _clear_ours(out)
        if refusal is None:
            out.mkdir(parents=True, exist_ok=True)
            (out / MARKER).write_text(MARKER_HEAD + "".join(path + "\n" for path in planned),
                                      encoding="utf-8")
    except OSError as error:
        refusal = f"cannot be used: {error.strerror or error}"
    if refusal:
        raise RenderError(f"--out {typed!r}: {refusal}", bad_input=True)


def _refusal(out, project):
    """Why `out` may not be used, in words; None when it is new, empty, or ours."""
    if out.is_symlink():
        return "is a symbolic link; name the folder itself"
    if out.exists() and not out.is_dir():
        return "is a file, not a folder"
    target = out.resolve()
    for what, path in (("mkdocs.yml", project.config_file), ("docs_dir", project.docs),
                       ("rules", project.rules), ("node_modules", project.node_modules)):
        overlap = _overlap(target, path.resolve())
        if overlap:
            return f"{overlap} the project's {what} ({path}); choose a folder of its own"
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        return (f"is not empty and was not made by followup render (it has no {MARKER} "
                "file); choose a new or empty folder")
    return None


def _clear_ours(out):
    """Remove the files the last render listed, and the folders that held only them;
    or say why not (something there that render did not write), removing nothing."""
    lines = (out / MARKER).read_text(encoding="utf-8", errors="replace").splitlines()
    listed = set(lines[1:]) if lines[:1] == [MARKER_HEAD.strip()] else None
    if listed is None or any(not path or path.startswith("/") or ".." in path.split("/")
                             for path in listed):
        return (f"has a {MARKER} file that is not one render wrote; remove the folder "
                "yourself or choose another")
    files = {path for path in listed if not path.endswith("/")}  # folders end with "/"
    ours = {MARKER} | {path.rstrip("/") for path in listed} | {
        "/".join(path.split("/")[:depth]) for path in listed
        for depth in range(1, path.rstrip("/").count("/") + 1)}
    strangers = sorted(path for path in _entries(out) if path not in ours
                       and path.rpartition("/")[0] in ours | {""})  # not inside another
    if strangers:
        return (f"holds {len(strangers)} thing(s) followup render did not write, e.g. "
                f"{strangers[0]!r}; move them out or choose another folder")
    for path in sorted(files):
        if os.path.lexists(out / path):
            os.unlink(out / path)
    for path in sorted(ours - files - {MARKER}, key=lambda p: -p.count("/")):
        if (out / path).is_dir() and not (out / path).is_symlink() \
                and not any((out / path).iterdir()):
            (out / path).rmdir()
    return None


def _entries(out):
    """Every file, folder and link under `out`, as paths relative to it."""
    found = []
    for parent, folders, files in os.walk(out):
        for name in folders + files:
            found.append(Path(parent, name).relative_to(out).as_posix())
    return found


def _overlap(target, path):
    if target == path:
        return "is"
    if target in path.parents:
        return "holds"
    return "is inside" if path in target.parents else None


def _copy_docs(docs, target):
    """The hand-written pages and stylesheet; returns how many files."""
    shutil.copytree(docs, target)
    return sum(1 for path in target.rglob("*") if path.is_file())


def _write_all(folder, files):
    """Each (path under `folder`, bytes or a source Path); returns how many files."""
    for path, source in files:
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source if isinstance(source, bytes) else source.read_bytes())
    return len(files)


def _plain_yaml(config, rules):
    """Our mkdocs.yml without the followup plugin, with docs_dir and nav made explicit;
    tags such as !ENV are kept for the builder to resolve."""
    plain = dict(config, docs_dir="docs", nav=render.nav(rules),
                 plugins=_without_followup(config.get("plugins") or []))
    return yaml.dump(plain, Dumper=ConfigDumper, sort_keys=False,
                     allow_unicode=True).encode("utf-8")


def _without_followup(plugins):
    if isinstance(plugins, dict):
        return {name: options for name, options in plugins.items() if name != "followup"}
    return [plugin for plugin in plugins if plugin != "followup"
            and not (isinstance(plugin, dict) and "followup" in plugin)]


def add_site_policies(site_dir, config_path):
    """`followup csp`: give a site that another builder made from render's output (plain
    MkDocs, Zensical) the Content-Security-Policy our plugin gives its pages. The theme's
    templates are those of the builder named in the site's generator tag; `site_url`,
    `extra.scope` and the theme's `custom_dir` come from the config, as the builder read
    it. Returns how many pages were given a policy."""
    site = Path(site_dir)
    if site.is_symlink() or not (site / "index.html").is_file():
        raise RenderError(f"{site_dir}: no index.html there: is it a built site?",
                          bad_input=True)
    config = _read_config(Path(config_path))
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    custom = _resolved(theme.get("custom_dir"))
    folders = ([Path(config_path).resolve().parent / custom] if isinstance(custom, str) else [])
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    try:
        return add_policies(site, folders + [_builder_templates(site)],
                            _text_or_none(_resolved(config.get("site_url"))),
                            _text_or_none(_resolved(extra.get("scope"))))
    except ValueError as error:
        raise RenderError(f"{site_dir}/{error}", bad_input=True)
    except OSError as error:
        raise RenderError(f"cannot write {error.filename}: {error.strerror or error}")


def _builder_templates(site):
    """The template folder of the theme that built `site`: Zensical's own or Material's."""
    head = (site / "index.html").read_text(encoding="utf-8", errors="replace")[:10_000]
    name = "zensical" if 'name="generator" content="zensical' in head else "material"
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RenderError(f"{site}: built with {name}, which is not installed here, so its "
                          "templates cannot be read")
    return Path(spec.submodule_search_locations[0]) / "templates"


def _resolved(value):
    """A config value as MkDocs (and Zensical) read it: `!ENV NAME` or `!ENV [NAME…,
    default]` from the environment."""
    if not (isinstance(value, Tagged) and value.tag == "!ENV"):
        return value
    names = value.value if isinstance(value.value, list) else [value.value]
    for name in names[:-1] if len(names) > 1 else names:
        if isinstance(name, str) and os.environ.get(name) is not None:
            return os.environ[name]
    return names[-1] if len(names) > 1 else None


def _text_or_none(value):
    return value if isinstance(value, str) and value else None


class Tagged:
    """A config value under a tag render does not resolve (!ENV, !relative, !!python/name):
    read as it is and written back as it was."""

    def __init__(self, tag, value):
        self.tag, self.value = tag, value


class ConfigLoader(BoundedLoader):
    """Bounded safe YAML that keeps every tag it does not know as a `Tagged` value."""

    def construct_object(self, node, deep=False):
        # PyYAML's safe constructors raise plain Python errors for values such as
        # `!!int x`, `!!timestamp nope` or an int of 5,000 digits; locate them instead.
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, KeyError, AttributeError):
            raise yaml.constructor.ConstructorError(
                None, None, f"this value cannot be read as {node.tag}", node.start_mark) from None


class ConfigDumper(yaml.SafeDumper):
    """Writes `Tagged` values back under their tags."""


def _construct_tagged(loader, node):
    if isinstance(node, yaml.ScalarNode):
        return Tagged(node.tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True))
    return Tagged(node.tag, loader.construct_mapping(node, deep=True))


def _represent_tagged(dumper, tagged):
    if isinstance(tagged.value, list):
        return dumper.represent_sequence(tagged.tag, tagged.value, flow_style=True)
    if isinstance(tagged.value, dict):
        return dumper.represent_mapping(tagged.tag, tagged.value)
    return dumper.represent_scalar(tagged.tag, tagged.value)


ConfigLoader.add_constructor(None, _construct_tagged)
ConfigDumper.add_representer(Tagged, _represent_tagged)
