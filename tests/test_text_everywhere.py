"""Rule text is plain text wherever it lands: every field a reader sees, set to hostile
values, creates no element, attribute or link on any built page (navigation, header,
<title>, search index included), and markup in it is refused by `followup check`."""
import html
import html.parser
import json
import subprocess
import sys

import pytest
import yaml

from conftest import build_site, project_copy
from site_plugins.rules import RulesError, load_rules

# Every field of the rule format that a reader sees, by the entry that holds it.
TEXT_FIELDS = {
    "sources": ("name", "title", "author", "published", "contributes"),
    "step": ("title", "summary", "called"),
    "rules": ("title", "text", "called"),
    "plan": ("timing_note", "to_note", "channel_note", "useful_note"),
    "disagreements": ("question", "why_default"),
    "positions": ("label", "summary"),
}
# Accepted by the loader (no '<', '>' or character reference), yet markup to Markdown,
# Material's attribute lists, Jinja, or HTML attributes if printed unescaped.
HOSTILE = ('Zq" onmouseover="zqa\' onfocus=\'zqb [zqc](https://evil.example/c) '
           '![zqd](https://evil.example/d.png) {: #zqe onclick=zqe } *zqf* `zqg` '
           '{{ zqh }} {% raw %} javascript:zqi AT&T -- ]] https://evil.example/j')
LINK_ATTRIBUTES = ("href", "src", "action", "formaction", "srcset", "poster", "data")


def rewrite_rules(folder, value_for):
    """Set every reader-visible field in the rule files of `folder` to `value_for(field)`;
    returns how many values were set."""
    count = 0
    for path in sorted(folder.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        count += _rewrite(data, value_for)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, width=1000), encoding="utf-8")
    return count


def _rewrite(data, value_for):
    count = 0
    for kind, fields in TEXT_FIELDS.items():
        for entry in _entries(data, kind):
            for field in fields:
                if isinstance(entry.get(field), str):
                    entry[field] = value_for(field)
                    count += 1
            if kind == "sources" and entry.get("sections"):
                entry["sections"] = dict.fromkeys(entry["sections"], value_for("section"))
                count += len(entry["sections"])
    return count


def _entries(data, kind):
    if kind == "step":
        return [data["step"]] if "step" in data else []
    if kind == "plan":
        return [rule["plan"] for rule in data.get("rules", []) if rule.get("plan")]
    if kind == "positions":
        return [p for d in data.get("disagreements", []) for p in d["positions"]]
    return data.get(kind, [])


@pytest.mark.parametrize("markup", ["<b>", "a > b", "&amp;", "&#60;", "&#x3c;", "&lt",
                                    "&copy 2024", "&nbsp;"])
def test_markup_in_any_reader_visible_field_is_refused_where_it_is(tmp_path, markup):
    rules = project_copy(tmp_path) / "rules"
    count = rewrite_rules(rules, lambda field: f"Plain words {markup} in {field}")
    with pytest.raises(RulesError) as caught:
        load_rules(rules)
    problems = caught.value.problems
    assert len(problems) == count > 100
    for problem in problems:
        path, line, column, message = problem.split(":", 3)
        assert "which a page could read as HTML: rule text is plain text" in message
        text = (tmp_path / path).read_text(encoding="utf-8").splitlines()[int(line) - 1]
        assert markup in text[int(column) - 1:], problem


def test_followup_check_names_the_place_of_markup_in_a_title(tmp_path):
    rules = project_copy(tmp_path) / "rules"
    path = rules / "02-debrief.yml"
    path.write_text(path.read_text().replace("  title: Debrief yourself\n",
                                             "  title: Debrief <b>yourself</b>\n", 1))
    line = path.read_text().splitlines().index("  title: Debrief <b>yourself</b>") + 1
    result = subprocess.run([sys.executable, "-m", "site_plugins.cli", "check", "rules"],
                            cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"rules/02-debrief.yml:{line}:10: step title holds '<', which a page could read as "
        "HTML: rule text is plain text; write it in words (e.g. 'and' for '&')")


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "data:text/html,hi", "//evil.example/x", "ftp://example.com/x",
    "https://example.com/ \"title\"", "https://example.com/a) [x](https://evil.example",
    "https://example.com/<b>", "https://exa mple.com/", "https:example.com"])
def test_a_source_url_that_is_not_a_plain_web_address_is_refused_where_it_is(tmp_path, url):
    rules = project_copy(tmp_path) / "rules"
    path = rules / "sources.yml"
    text = path.read_text()
    first = text.index("    url: ")
    end = text.index("\n", first)
    path.write_text(text[:first] + "    url: " + json.dumps(url) + text[end:])
    line = text.count("\n", 0, first) + 1
    with pytest.raises(RulesError) as caught:
        load_rules(rules)
    [problem] = caught.value.problems
    assert problem.endswith(f"/sources.yml:{line}:10: source url '{url}' must be an https: "
                            "(or http:) address with no spaces, quotes, brackets or angle "
                            "brackets")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = project_copy(tmp_path_factory.mktemp("hostile"))
    rewrite_rules(project / "rules", lambda field: f"{HOSTILE} {field}")
    site = project / "site"
    build_site(site, cwd=project)
    return site


class Elements(html.parser.HTMLParser):
    """Each start tag as (tag, {attribute: value}), and the page's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parsed(markup):
    parser = Elements()
    parser.feed(markup)
    parser.close()
    return parser


def made_from_hostile_text(markup):
    """What in `markup` hostile rule text made: elements, attributes, links."""
    found = []
    for tag, attrs in parsed(markup).tags:
        for name, value in attrs.items():
            if name.startswith("on") or name in ("zqa", "zqb"):
                found.append((tag, name, value))
            if name in LINK_ATTRIBUTES and value and ("evil.example" in value
                                                      or "javascript:" in value):
                found.append((tag, name, value))
            if name in ("id", "class", "name") and "zqe" in (value or "").split():
                found.append((tag, name, value))  # an attribute list's {: #zqe }
    return found


def test_hostile_text_in_every_field_makes_nothing_on_any_built_page(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 14
    for path in pages:
        markup = path.read_text(encoding="utf-8")
        assert made_from_hostile_text(markup) == [], path
        for made in ("<em>zqf</em>", "<code>zqg</code>", ">zqc</a>", 'alt="zqd"'):
            assert made not in markup, (path, made)


def test_hostile_text_shows_as_written_in_the_navigation_title_and_header(hostile_site):
    markup = (hostile_site / "steps" / "debrief" / "index.html").read_text(encoding="utf-8")
    title = markup.split("<title>", 1)[1].split("</title>", 1)[0]
    assert html.unescape(title) == f"{HOSTILE} title - Interview follow-up guide"
    nav = markup.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert f"{HOSTILE} title" in " ".join("".join(parsed(nav).text).split())


def test_hostile_text_in_the_search_index_makes_nothing(hostile_site):
    index = json.loads((hostile_site / "search" / "search_index.json").read_text())
    hostile = [doc for doc in index["docs"] if "zq" in (doc["title"] + doc["text"]).lower()]
    assert hostile
    for doc in hostile:  # Material shows a result's title and text as HTML
        assert made_from_hostile_text(doc["title"]) == []
        assert made_from_hostile_text(doc["text"]) == []
        assert not parsed(doc["title"]).tags, doc["title"]
