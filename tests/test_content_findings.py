"""The content read of December 2026 (../shared/audits/2026-12-content-findings.md, issue 19),
one table per finding: what each part cites, the plan after a chosen position, and each
draft after the positions that change it. Each test failed before the fix; rows marked
"control" show what was right already and must stay so.

F18 is checked as the rules README's own test now reads; the data itself was already
honest (see the finding)."""
import re
from datetime import date
from pathlib import Path

import pytest

from site_plugins import render
from site_plugins.browser import drafts, planner, state, words
from site_plugins.rules import load_rules
from test_citations import by_id, cited

ROOT = Path(__file__).resolve().parent.parent
MAL, YP, SEL, COON, HM = "malone", "should-you-follow-up", "selectek", "coon", "hiring-manager"
TODAY = date(2026, 11, 16)  # a Monday: the interview day in every situation here
NO_TIMELINE = {"interviewed": "2026-11-16"}
STATED_7D = {"interviewed": "2026-11-16", "decision_within": "7d"}
STATED_4W = {"interviewed": "2026-11-16", "decision_within": "4w"}


@pytest.fixture(scope="module")
def rules():
    return load_rules(ROOT / "rules")


@pytest.fixture(scope="module")
def pages(rules):
    return render.render_pages(rules, TODAY)


def plan_of(rules, situation, choices=None, **change):
    return planner.plan(rules, dict(situation, choices=choices or {}, **change), TODAY)


def items_of(result, rule_id):
    return [item for item in result["items"] if item["rule"] == rule_id]


def position(rules, key):
    disagreement_id, position_id = key.split("=")
    return by_id(by_id(rules["disagreements"])[disagreement_id]["positions"])[position_id]


# --- the plan after each chosen position (F2, F3, F6, F12) -------------------------------
# (choices, situation, rule) -> [(due, to, channel)] for every item of that rule, [] when
# the plan has none, with the articles credited for when and how.

PLANS = [
    # F2: two weeks is the hiring manager's one call to HR, and nothing after it
    ({"no-timeline-wait": "two-weeks"}, NO_TIMELINE, "check-after-a-week",
     [("2026-11-30", "hr", "phone")], {HM: ["when-to-follow-up", "hear-nothing"]},
     {HM: ["when-to-follow-up", "hear-nothing"]}),
    ({"no-timeline-wait": "two-weeks"}, NO_TIMELINE, "second-check", [], None, None),
    # control: the default keeps both checks, a week's email, then the two-week call
    ({}, NO_TIMELINE, "second-check", [("2026-11-30", "hr", "phone")],
     {HM: ["hear-nothing"]}, {HM: ["when-to-follow-up", "hear-nothing"]}),
    # F6: Selectek's card comes within its day or two, credited to Selectek alone
    ({"note-medium": "handwritten"}, NO_TIMELINE, "send-thank-you",
     [("2026-11-16", "interviewers", "handwritten")], {SEL: ["step-two"]}, {SEL: ["step-two"]}),
    # F6: the hiring manager's printed letter is handed in at HR that day
    ({"note-medium": "printed"}, NO_TIMELINE, "deliver-printed-notes",
     [("2026-11-16", "hr", "in-person")], {HM: ["thank-you-notes"]}, {HM: ["thank-you-notes"]}),
    ({}, NO_TIMELINE, "deliver-printed-notes", [], None, None),  # control: only when chosen
    # F12: following up once drops the second check; the first keeps its own day
    ({"how-many-follow-ups": "once-then-move-on"}, STATED_7D, "check-after-decision",
     [("2026-11-24", "hr", "email")], {SEL: ["step-four"], COON: ["opening"]},
     {SEL: ["step-four"], MAL: ["successful-follow-up"]}),
    ({"how-many-follow-ups": "once-then-move-on"}, STATED_7D, "second-check", [], None,
     None),  # control
]


@pytest.mark.parametrize("choices, situation, rule_id, expected, when, how", PLANS)
def test_the_plan_after_each_chosen_position(rules, choices, situation, rule_id, expected,
                                             when, how):
    found = items_of(plan_of(rules, situation, choices), rule_id)
    assert [(item["due"], item["to"], item["channel"]) for item in found] == expected
    for item in found:
        assert cited(item["cites"]["timing"]) == when
        assert cited(item["cites"]["channel"]) == how


def test_f3_a_first_contact_on_linkedin_adds_no_second_message_that_day(rules):
    result = plan_of(rules, NO_TIMELINE, interviewers=["Ana"], via_linkedin=True)
    messages = [(item["due"], item["name"]) for item in result["items"]
                if item["to"] == "interviewers" and item["channel"] not in ("in-person", None)]
    assert len(messages) == len(set(messages)) == 1
    note = by_id(rules["rules"])["linkedin-message"]
    assert (note["kind"], note["when"], cited(note["sources"])) == (
        "how", {"via_linkedin": True}, {COON: ["first-tasks"]})
    assert "in place of an email" in note["text"]


# --- what each part cites (F4, F7, F8, F10, F14) -------------------------------------

CITES = [
    # F4: a second check that the guide's floor moved past two weeks: the day is the guide's
    (STATED_4W, {}, "second-check", "2026-12-22", {}, True),
    (STATED_7D, {}, "second-check", "2026-12-01", {}, True),
    # F10: Coon's day eight or nine of seven is credited to Coon
    (STATED_7D, {}, "check-after-decision", "2026-11-24",
     {SEL: ["step-four"], COON: ["opening"]}, True),
    # F14: Coon gives the call-back day; moving it off a weekend is the guide's
    ({"interviewed": "2026-11-19", "call_back_within": "3d"}, {}, "check-on-call-back",
     "2026-11-23", {COON: ["closing"]}, True),
]


@pytest.mark.parametrize("situation, choices, rule_id, due, when, own", CITES)
def test_who_is_credited_for_when(rules, situation, choices, rule_id, due, when, own):
    item = items_of(plan_of(rules, situation, choices), rule_id)[0]
    assert item["due"] == due
    assert cited(item["cites"]["timing"]) == when
    assert ("timing" in item["own"]) == own


POSITION_CITES = {
    "ask-outright=ask": {MAL: ["when-to-follow-up"], YP: ["next-week"]},                 # F7
    "status-contact=hr-only": {HM: ["when-to-follow-up", "hear-nothing"]},              # F8
    "further-contact=through-hr": {HM: ["hear-nothing"]},                               # F9
    "further-contact=keep-in-touch": {COON: ["first-tasks"]},                           # F9
    "notes-weight=courtesy": {HM: ["thank-you-notes", "conclusion"]},                   # F21
    "notes-weight=matters": {YP: ["opening", "thank-you"], SEL: ["opening"],             # F21
                             COON: ["upon-leaving", "remain-fresh"],
                             MAL: ["opening", "when-to-follow-up"]},
}


@pytest.mark.parametrize("key, expected", POSITION_CITES.items(), ids=list(POSITION_CITES))
def test_each_position_cites_only_who_holds_it(rules, key, expected):
    assert cited(position(rules, key)["sources"]) == expected


# --- what the texts say (F1, F4, F12-F14, F17, F20-F22) -------------------------------
# (where, must say, must not say): where is "rule:ID:FIELD", "position:D=P:FIELD",
# "disagreement:ID:FIELD" or "plan:RULE_ID:FIELD" (a plan field of an action rule).

TEXTS = [
    ("position:no-timeline-wait=two-weeks:summary", ["one week is fine", "anxious"],
     ["make your first check once two have passed"]),                                    # F1
    ("rule:second-check:text", ["first check"], ["Two weeks have passed"]),              # F4
    ("position:how-many-follow-ups=twice-through-hr:summary", ["the guide's"], []),      # F12
    ("disagreement:how-many-follow-ups:why_default", ["the guide's own reading"],
     ["the only one to give a second check"]),
    ("position:how-many-follow-ups=once-then-move-on:summary", ["keeps the timing"], []),
    ("rule:avoid-calling-hiring-manager:title", ["Never"], ["Think twice"]),              # F13
    ("rule:check-on-call-back:text", ["next working day"], ["exactly that day"]),         # F14
    ("disagreement:phoning-the-interviewer:why_default", ["only option"],                 # F17
     ["itself says the second check"]),
    ("disagreement:status-contact:why_default", ["Coon"],
     ["The articles that time a check after a stated date do not say whom"]),
    ("disagreement:paper-copy:why_default", ["does not say so"], ["means the more personal"]),
    ("position:thank-or-sell=simply-thank:summary", ["gratitude"], ["no case to make"]),  # F20
    ("plan:closing-note:timing_note", ["rejection"], ["after asking for feedback"]),
    ("rule:thank-everyone:text", ["(if they sat in"], []),
    ("position:notes-weight=courtesy:summary", ["etiquette"], []),                       # F21
    ("rule:status-content:text", [], ["one of the questions where the articles differ"]),  # F22
    ("rule:second-check:text", ["no HR department", "to HR"], ["call HR and"]),
]


def text_at(rules, where):
    kind, key, field = where.split(":")
    if kind == "rule":
        return by_id(rules["rules"])[key][field]
    if kind == "plan":
        return by_id(rules["rules"])[key]["plan"][field]
    if kind == "position":
        return position(rules, key)[field]
    return by_id(rules["disagreements"])[key][field]


@pytest.mark.parametrize("where, says, never", TEXTS, ids=[row[0] for row in TEXTS])
def test_each_text_says_what_its_articles_say(rules, where, says, never):
    found = " ".join(text_at(rules, where).split())
    for words_ in says:
        assert words_ in found
    for words_ in never:
        assert words_ not in found


# --- the disagreements are the articles' real ones (F9, F11) ------------------------

def test_f9_f11_further_contact_is_a_disagreement_and_linkedin_connecting_is_coons_note(
        rules, pages):
    found = by_id(rules["disagreements"])
    assert "linkedin-connect" not in found and len(found) == 15
    further = found["further-contact"]
    assert (further["default"], further["step"]) == ("through-hr", "status-check")
    assert all(p["effect"] == {} for p in further["positions"])
    assert "{ #further-contact }" in pages["disagreements.md"]
    views = by_id(rules["rules"])["linkedin-connect-views"]
    assert (views["kind"], cited(views["sources"])) == ("context", {COON: ["first-tasks"]})
    assert "Cheddar Den" in by_id(rules["rules"])["coffee-offer"]["text"]


# --- one name per article (F15, F19) ---------------------------------------------------

NAMES = {MAL: "Malone Solutions", YP: "Yellow Pages tips", SEL: "Selectek", COON: "Coon",
         HM: "The hiring manager's article (Cheddar Den)"}


def test_f19_each_article_has_one_name_that_is_not_a_claim_about_a_role(rules):
    assert {s["id"]: words.source_name(s["id"], rules) for s in rules["sources"]} == NAMES
    assert (drafts.MALONE, drafts.YELLOW_PAGES, drafts.SELECTEK, drafts.COON,
            drafts.CHEDDAR[:1].upper() + drafts.CHEDDAR[1:]) == tuple(NAMES.values())


def reader_texts(rules):
    for rule in rules["rules"]:
        yield rule["id"], " ".join([rule["title"], rule["text"]] + [
            value for key, value in (rule["plan"] or {}).items() if key.endswith("_note")])
    for disagreement in rules["disagreements"]:
        yield disagreement["id"], " ".join(
            [disagreement["question"], disagreement["why_default"]]
            + [p["summary"] for p in disagreement["positions"]])


def test_f19_sentences_name_the_hiring_managers_article_the_same_way(rules):
    for where, found in reader_texts(rules):
        found = " ".join(found.split())
        assert "A hiring manager" not in found, where
        for match in re.finditer(r"hiring manager's article", found):
            assert found[match.end():].startswith(" (Cheddar Den)"), where


@pytest.mark.parametrize("page, rule_id, name", [
    ("steps/debrief.md", "debrief-details", "Selectek"),
    ("steps/status-check.md", "avoid-over-eager", "Coon"),
    ("steps/after-rejection.md", "connections-last", "Yellow Pages tips"),
    ("steps/escalate.md", "second-check", "The hiring manager's article \\(Cheddar Den\\)"),
])
def test_f15_an_article_cited_for_two_sections_is_named_once(pages, page, rule_id, name):
    block = pages[page].split("{ #%s }" % rule_id)[1].split("\n### ")[0]
    sources_line = next(line for line in block.splitlines() if line.startswith("Sources:"))
    for part in sources_line.split("; "):
        assert part.count("[%s]" % name) <= 1, part
    assert "Sections: " in sources_line


def test_f15_no_name_twice_on_the_disagreements_page_or_the_checklist(pages):
    for line in pages["disagreements.md"].splitlines():
        if line.startswith("**Who says so:**"):
            shown = re.findall(r"\[([^\]]+)\]\(", line)
            assert len(shown) == len(set(shown)), line
    for cite in re.findall(r'<p class="fu-cite">(.*?)</p>', pages["checklist/index.md"]):
        for part in cite.split("; "):
            shown = re.findall(r'class="fu-source"[^>]*>([^<]+)</a>', part)
            assert len(shown) == len(set(shown)), part


# --- the checklist without JavaScript (F16) --------------------------------------------

def test_f16_the_static_checklist_counts_days_from_the_interview_day(pages):
    page = pages["checklist/index.md"]
    plan = page[page.index('id="fu-next"'):page.index('id="fu-toolbar"')]
    assert "today" not in re.sub(r"<[^>]+>", " ", plan).lower()
    assert "The interview day" in plan and "Day 7 after the interview" in plan


# --- the pages' wording (F22) ------------------------------------------------------------

def test_f22_no_question_mark_comma_no_fallback_that_cannot_apply_no_overclaim(pages, rules):
    for path, markdown in pages.items():
        assert "?," not in markdown, path
    names = pages["steps/at-interview.md"].split("{ #ask-hr-for-names }")[1].split("\n### ")[0]
    assert "**To:** HR ·" in names and "no HR department" not in names
    assert "five published articles recommend" not in pages["index.md"]
    assert "up to 2 days after it is due" in pages["steps/status-check.md"]
    for rule in rules["rules"]:
        if rule["plan"] and rule["plan"].get("at"):
            assert len(rule["title"]) <= 44, rule["id"]  # the wide timeline's title width


def test_f22_a_second_check_with_no_hr_department_says_whom_it_calls(rules):
    item = items_of(plan_of(rules, NO_TIMELINE, hr=False), "second-check")[0]
    assert (item["to"], item["channel"]) == ("interviewers", "phone")
    assert not item["text"].lower().lstrip().startswith(("call hr", "two weeks"))


def test_f22_preparing_for_a_next_round_the_next_day_is_dated_and_useful_as_it_says(rules):
    result = plan_of(rules, NO_TIMELINE, next_interview="2026-11-17")
    item = items_of(result, "prepare-next-round")[0]
    assert (item["due"], item["timing"], item["useful_until"]) == (
        "2026-11-16", "the day before the next interview", "2026-11-17")


def test_f18_the_rules_readme_allows_only_combinations_that_say_which_part_is_the_guides():
    readme = " ".join((ROOT / "rules" / "README.md").read_text(encoding="utf-8").split())
    assert "is marked as the guide's own" in readme


# --- drafts (F5, and F3's LinkedIn and F6's printed letter) ---------------------------
# (choices, answers changed, draft kind, whom it goes to, must say, must not say)

CALL = ("Status call", "[your HR contact]")
HR_EMAIL = ("Status check", "[your HR contact]")
PANEL_EMAIL = ("Status check", "[interviewer's name]")
THANKS = ("Thank-you note", "Ana Ruiz")
VOICEMAIL = ["Hang up and call again at another time", "Rehearse", "without leaving one",
             "(Yellow Pages tips)"]

DRAFTS = [
    ({"follow-up-channel": "phone"}, {}, CALL, VOICEMAIL, ["number twice", "slowly"]),
    ({}, {}, CALL, VOICEMAIL, ["number twice"]),  # the second check, a call to HR
    ({}, {}, THANKS, ["strengths", "(Malone Solutions, Yellow Pages tips)"], []),
    ({"thank-or-sell": "simply-thank"}, {}, THANKS, ["(Selectek)"], ["strengths"]),
    ({}, {}, HR_EMAIL, ["with Ana Ruiz and Bo Li", "why you fit"],
     ["Since we spoke", "our conversation"]),
    ({"sell-again": "just-ask"}, {}, HR_EMAIL, ["where the process stands"],
     ["why you fit", "a point from the interview"]),
    ({"status-contact": "interviewer"}, {}, PANEL_EMAIL, ["where the process stands", "(Coon)"],
     []),
    ({"status-contact": "interviewer", "ask-outright": "send-something-useful"}, {},
     PANEL_EMAIL, ["article", "look forward to hearing from you", "(the hiring manager's "
                   "article (Cheddar Den))"], ["where the process stands"]),
    ({"status-contact": "interviewer", "sell-again": "just-ask"}, {}, PANEL_EMAIL,
     ["where the process stands", "Thank you again for meeting me"],
     ["a point from the interview"]),
    ({"note-medium": "printed"}, {}, THANKS, ["hand it in at HR", "Cheddar Den"], []),
    ({}, {"via_linkedin": True}, THANKS, ["through their profile", "(Coon)",
                                          "one way, not both: the guide's own"], []),
]


def drafts_for(rules, choices, change, today=TODAY):
    answers = state.default_answers("2026-11-16")
    answers.update(interviewers="Ana Ruiz\nBo Li", role="Analyst", company="Acme", me="Sam",
                   choices=choices, **change)
    result = planner.plan(rules, state.situation(answers)[0], today)
    return drafts.drafts(answers, result, today)


@pytest.mark.parametrize("choices, change, draft, says, never", DRAFTS)
def test_each_draft_follows_the_chosen_positions(rules, choices, change, draft, says, never):
    kind, to = draft
    made = [d for d in drafts_for(rules, choices, change) if (d["kind"], d["to"]) == (kind, to)]
    assert made, (kind, to)
    body = made[-1]["body"]
    for words_ in says:
        assert words_ in body
    for words_ in never:
        assert words_.lower() not in body.lower()


def test_every_bracketed_line_of_advice_in_a_draft_says_whose_it_is(rules):
    choice_sets = [{}] + [dict(c) for c, _, _, _, _ in DRAFTS]
    for choices in choice_sets:
        for change in ({}, {"via_linkedin": True}):
            for draft in drafts_for(rules, dict(choices, **{"follow-up-channel": "phone"}),
                                    change):
                for line in re.findall(r"\[[^\]\n]{40,}\]", draft["body"]):
                    assert line.endswith(".]"), line
                    assert any(name in line for name in list(NAMES.values()) + [
                        "the hiring manager's article (Cheddar Den)", "the guide's own"]), line
