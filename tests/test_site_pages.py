"""The meaning of the built pages: each rule on its step page with its sources, every side
of every disagreement, and every citing rule on the sources page."""
import html
import re
from pathlib import Path

import pytest

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


@pytest.mark.parametrize("rule", RULES["rules"], ids=[r["id"] for r in RULES["rules"]])
def test_each_rule_is_on_its_step_page_with_its_sources(built_site, rule):
    block = section(page(built_site, f"steps/{rule['step']}"), rule["id"])
    assert rule["title"] in text(block)
    assert " ".join(rule["text"].split()[:6]) in " ".join(text(block).split())
    for source_id in rule["sources"]:
        assert f'href="../../sources/#{source_id}"' in block


@pytest.mark.parametrize("disagreement", RULES["disagreements"],
                         ids=[d["id"] for d in RULES["disagreements"]])
def test_each_disagreement_shows_every_position_and_the_default(built_site, disagreement):
    block = section(page(built_site, "disagreements"), disagreement["id"])
    words = text(block)
    for position in disagreement["positions"]:
        assert position["label"] in words and position["summary"] in words
        for source_id in position["sources"]:
            assert f'href="../sources/#{source_id}"' in block
    default = next(p for p in disagreement["positions"] if p["id"] == disagreement["default"])
    assert f"Our default: {default['label']}" in words


def test_the_sources_page_lists_every_citing_rule(built_site):
    markup = page(built_site, "sources")
    for source in RULES["sources"]:
        block = section(markup, source["id"])
        citing = [r for r in RULES["rules"] if source["id"] in r["sources"]
                  or source["id"] in ((r["plan"] or {}).get("timing_sources") or [])]
        assert f"Cited by {len(citing)} rules" in text(block)
        for rule in citing:
            assert f'href="../steps/{rule["step"]}/#{rule["id"]}"' in block


def test_the_home_page_lists_the_steps_in_order_with_a_described_timeline(built_site):
    markup = page(built_site, ".")
    positions = [markup.index(f'href="steps/{step["id"]}/"') for step in RULES["steps"]]
    assert positions == sorted(positions)
    svg = re.search(r"<svg class=\"fu-tl\".*?</svg>", markup, re.S).group(0)
    assert 'role="img"' in svg and "<desc" in svg
    assert "day 7" in text(re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S).group(1))


def test_the_checklist_shows_the_default_plan_from_the_planner(built_site):
    markup = page(built_site, "checklist")
    plan = section(markup, "your-plan")
    for title in ("Write your debrief notes", "Ask where things stand", "Check in once more",
                  "Cross this job off your list", "Keep applying elsewhere"):
        assert title in text(plan)
    assert markup.count('type="checkbox"') >= 10


def test_no_page_names_another_host_in_a_script_style_or_font(built_site):
    for path in built_site.rglob("*.html"):
        markup = path.read_text(encoding="utf-8")
        for match in re.finditer(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="([^"]+)"', markup):
            assert not re.match(r"(https?:)?//", match.group(1)), (path, match.group(1))


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
