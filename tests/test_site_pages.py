"""The meaning of the built pages: each rule on its step page with its sources, every side
of every disagreement, and every citing rule on the sources page."""
import html
import re
from pathlib import Path

import pytest
import yaml

from conftest import build_site, project_copy
from site_plugins.browser import citations, words
from site_plugins.rules import load_rules

RULES = load_rules(Path(__file__).resolve().parent.parent / "rules")


def page(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8")


def section(markup, element_id):
    """The HTML from the element with this id up to the next heading of the same or higher level."""
    start = re.search(r'<h([1-6])[^>]*id="%s"' % re.escape(element_id), markup)
    assert start, f"no heading with id {element_id}"
    level = int(start.group(1))
    end = re.compile(r"<h[1-%d][ >]" % level).search(markup, start.end())
    return markup[start.start():end.start() if end else len(markup)]


def text(markup):
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def anchor(cite):
    return cite["source"] + ("-" + cite["section"] if cite["section"] else "")


def assert_badges(block, cites, base):
    """One badge per article, leading to its first section and naming every section."""
    for cite in words.by_article(cites):
        link = re.search(r'<a [^>]*href="%ssources/#%s"[^>]*>' % (re.escape(base),
                                                                   re.escape(anchor(cite))), block)
        assert link, anchor(cite)
        assert html.unescape(words.section_heading(cite, RULES)) in html.unescape(link.group(0))


@pytest.mark.parametrize("rule", RULES["rules"], ids=[r["id"] for r in RULES["rules"]])
def test_each_rule_is_on_its_step_page_with_each_part_sourced(built_site, rule):
    block = section(page(built_site, f"steps/{rule['step']}"), rule["id"])
    assert rule["title"] in text(block)
    assert " ".join(rule["text"].split()[:6]) in " ".join(text(block).split())
    for cites in citations.rule_cites(rule).values():
        assert_badges(block, cites, "../../")
    for _, note in words.own_notes(citations.rule_notes(rule)):
        assert " ".join(note.split()[:6]) in " ".join(text(block).split())


@pytest.mark.parametrize("disagreement", RULES["disagreements"],
                         ids=[d["id"] for d in RULES["disagreements"]])
def test_each_disagreement_shows_every_position_and_the_default(built_site, disagreement):
    block = section(page(built_site, "disagreements"), disagreement["id"])
    said = text(block)
    for position in disagreement["positions"]:
        assert position["label"] in said and position["summary"] in said
        assert_badges(block, position["sources"], "../")
    default = next(p for p in disagreement["positions"] if p["id"] == disagreement["default"])
    assert default["label"] in said and disagreement["why_default"] in " ".join(said.split())


def test_the_sources_page_names_links_and_locates_every_article(built_site):
    markup = page(built_site, "sources")
    for source in RULES["sources"]:
        block = section(markup, source["id"])
        citing = [r for r in RULES["rules"] if source["id"] in citations.rule_sources(r)]
        assert f"Cited by {len(citing)} rules" in text(block)
        assert words.source_name(source["id"], RULES) in text(block)
        assert source["title"] in text(block)
        if source.get("url"):
            assert f'href="{source["url"]}"' in block
        for section_id, heading in source["sections"].items():
            assert f'id="{source["id"]}-{section_id}"' in block and heading in text(block)
        for rule in citing:
            assert f'href="../steps/{rule["step"]}/#{rule["id"]}"' in block
    assert sum(bool(source.get("url")) for source in RULES["sources"]) == 4


def test_no_article_id_is_visible_in_any_page(built_site):
    ids = [source["id"] for source in RULES["sources"]]
    pattern = re.compile(r"(?<![\w-])(%s)(?![\w-])" % "|".join(map(re.escape, ids)))
    for path in built_site.rglob("*.html"):
        markup = path.read_text(encoding="utf-8")
        body = re.sub(r"<(script|style|mpy-config|py-config)[^>]*>.*?</\1>", "", markup, flags=re.S)
        shown = text(re.sub(r'\s(href|id|class|data-[\w-]+|for|aria-[\w-]+)="[^"]*"', "", body))
        assert not pattern.findall(shown), (path, pattern.findall(shown)[:5])


def test_the_home_page_lists_the_steps_in_order_with_a_described_timeline(built_site):
    markup = page(built_site, ".")
    positions = [markup.index(f'href="steps/{step["id"]}/"') for step in RULES["steps"]]
    assert positions == sorted(positions)
    svg = re.search(r"<svg class=\"fu-tl\".*?</svg>", markup, re.S).group(0)
    assert 'role="img"' in svg and "<desc" in svg
    assert "day 7" in text(re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S).group(1))


def test_the_checklist_shows_the_default_plan_from_the_planner(built_site):
    markup = page(built_site, "checklist")
    plan = re.search(r'<div id="fu-plan">.*?<div id="fu-toolbar"', markup, re.S).group(0)
    for title in ("Write your debrief notes", "Ask where things stand", "Check in once more",
                  "Keep your other options open"):
        assert title in text(plan)
    assert plan.count('type="checkbox"') >= 10


def test_no_page_names_another_host_in_a_script_style_or_font(built_site):
    for path in built_site.rglob("*.html"):
        markup = path.read_text(encoding="utf-8")
        for match in re.finditer(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="([^"]+)"', markup):
            assert not re.match(r"(https?:)?//", match.group(1)), (path, match.group(1))


def test_rule_text_is_shown_as_written_never_run_or_read_as_markup(tmp_path):
    """A rule whose text holds Markdown shows those characters (HTML in rule text is
    refused by the loader: see test_text_everywhere.py)."""
    (tmp_path / "project").mkdir()
    project = project_copy(tmp_path / "project")
    hostile = "window.__pwned=1 *not bold* [link](http://x) {: #y } `code` AT&T | a"
    rule_file = project / "rules" / "02-debrief.yml"
    data = yaml.safe_load(rule_file.read_text())
    rule = next(r for r in data["rules"] if r["id"] == "write-debrief")
    rule.update(title="Write *notes* now", text=hostile)
    rule_file.write_text(yaml.safe_dump(data, allow_unicode=True))
    site = tmp_path / "site"
    build_site(site, config=project / "mkdocs.yml", cwd=project)
    markup = (site / "steps" / "debrief" / "index.html").read_text(encoding="utf-8")
    block = section(markup, "write-debrief")
    assert "<em>not bold</em>" not in block and "<code>code</code>" not in block
    assert 'href="http://x"' not in markup and 'id="y"' not in markup
    assert hostile in html.unescape(re.sub(r"<[^>]+>", "", block))
    assert "Write *notes* now" in text(block)


# Link texts that say nothing about where a link goes (Lighthouse's English list).
GENERIC_LINK_TEXTS = {"click here", "click this", "go", "here", "information", "learn more",
                      "more", "more info", "more information", "right here", "read more",
                      "see more", "start", "this"}


def test_every_link_says_where_it_goes(built_site):
    generic = []
    for path in built_site.rglob("*.html"):
        for anchor in re.finditer(r"<a\b[^>]*>(.*?)</a>", path.read_text(encoding="utf-8"), re.S):
            if " ".join(text(anchor.group(1)).split()).lower() in GENERIC_LINK_TEXTS:
                generic.append((str(path.relative_to(built_site)), anchor.group(0)))
    assert generic == []
