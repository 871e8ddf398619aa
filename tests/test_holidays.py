"""Public holidays by country: the build's table (from the pinned `holidays` package), the
planner moving steps off them (CPython and MicroPython alike), the checklist's answers,
`followup plan --country`, and the page."""
import gzip
import json
import subprocess
import sys
from datetime import date

import pytest
from playwright.sync_api import expect

from conftest import ROOT
from micropython import every_module, run
from site_plugins import holidays_table
from site_plugins.assets import rules_bundle
from site_plugins.browser import planner, publicdays, state
from site_plugins.checklist import holidays_html
from site_plugins.rules import load_rules

RULES = load_rules(ROOT / "rules")
BUNDLE = json.loads(rules_bundle(RULES))
TABLE = holidays_table.table_for(date(2026, 11, 18))
# Decision due on Thursday 24 December: the check after it falls on Christmas Day.
CHRISTMAS = {"interviewed": "2026-12-18", "decision_by": "2026-12-24"}
TODAY = date(2026, 12, 18)


def check_after_decision(situation):
    result = planner.plan(RULES, situation, TODAY)
    return next(item for item in result["items"] if item["id"] == "check-after-decision")


# --- the table ------------------------------------------------------------------------

def test_the_table_covers_the_build_year_and_two_more_and_stays_small():
    raw = holidays_table.table_json(date(2026, 11, 18))
    assert publicdays.years(TABLE) == (2026, 2028)
    assert len(TABLE["countries"]) > 200
    assert len(raw) < 64 * 1024 and len(gzip.compress(raw)) < 24 * 1024


@pytest.mark.parametrize("code, day", [
    ("GB", "2026-12-25"), ("GB-ENG", "2026-04-06"), ("GB-SCT", "2026-01-02"),
    ("US", "2026-11-26"), ("US-CA", "2026-03-31"), ("DE-BY", "2026-01-06"),
    ("FR", "2027-07-14"), ("GB", "2028-12-25")])
def test_a_country_or_region_has_its_public_holidays(code, day):
    assert day in publicdays.days(TABLE, code)


def test_a_region_adds_its_own_days_and_keeps_its_countrys():
    assert "2026-01-02" not in publicdays.days(TABLE, "GB-ENG")
    assert set(publicdays.days(TABLE, "US")) <= set(publicdays.days(TABLE, "US-CA")) | {
        "2026-10-12", "2027-10-11", "2028-10-09", "2026-02-16", "2027-02-15", "2028-02-21"}
    assert publicdays.days(TABLE, "gb-eng") == publicdays.days(TABLE, "GB-ENG")


def test_every_country_has_its_own_weekend():
    assert publicdays.weekend(TABLE, "SA") == [4, 5]  # Friday and Saturday
    assert publicdays.weekend(TABLE, "HK") == [6]
    assert publicdays.weekend(TABLE, "GB-SCT") == [5, 6]
    assert "weekend" not in TABLE["countries"]["GB"]


def test_unknown_codes_are_named_with_what_is_known():
    assert "known: AD," in publicdays.problem(TABLE, "ZZ")
    assert publicdays.problem(TABLE, "GB-XYZ") == (
        "names no region of United Kingdom (its regions: ENG, NIR, SCT, WLS)")
    assert publicdays.problem(TABLE, "GB-SCT") is None
    assert "could not be loaded" in publicdays.problem(None, "GB")


def test_days_survive_the_compact_form():
    days = [date(2026, 1, 1), date(2027, 6, 30), date(2028, 12, 31)]
    table = {"from": 2026, "to": 2028, "countries": {"XX": {
        "name": "X", "days": publicdays.encoded(2026, days)}}}
    assert publicdays.days(table, "XX") == ["2026-01-01", "2027-06-30", "2028-12-31"]


# --- the planner ------------------------------------------------------------------------

def test_without_a_country_a_step_may_fall_on_christmas_day():
    item = check_after_decision(CHRISTMAS)
    assert (item["due"], item["moved_from"]) == ("2026-12-25", None)


def test_with_the_uk_chosen_a_step_moves_off_christmas_and_says_why():
    item = check_after_decision(dict(CHRISTMAS, public_holidays=publicdays.days(TABLE, "GB")))
    # Friday 25 (Christmas), the weekend, Monday 28 (Boxing Day observed): Tuesday 29.
    assert (item["due"], item["moved_from"]) == ("2026-12-29", "2026-12-25")
    assert item["note"] == ("Moved from Fri 25 Dec 2026 (a public holiday) to the next "
                            "working day, Tue 29 Dec 2026.")


def test_literal_public_holidays_and_typed_days_off_are_both_kept():
    item = check_after_decision(dict(CHRISTMAS, public_holidays=["2026-12-25"],
                                     holidays=["2026-12-28"]))
    assert (item["due"], item["moved_from"]) == ("2026-12-29", "2026-12-25")
    typed = check_after_decision(dict(CHRISTMAS, holidays=["2026-12-25"]))
    assert "(a non-working day)" in typed["note"]


def test_a_friday_saturday_weekend_moves_a_step_off_friday_to_sunday():
    item = check_after_decision(dict(CHRISTMAS, weekend=[4, 5]))
    assert (item["due"], item["moved_from"]) == ("2026-12-27", "2026-12-25")
    assert "(a weekend)" in item["note"]


def test_a_step_past_the_years_known_is_said():
    later = {"interviewed": "2028-12-18", "decision_by": "2029-01-10",
             "public_holidays": ["2028-12-25"], "public_holidays_years": [2026, 2028]}
    result = planner.plan(RULES, later, TODAY)
    assert result["warnings"][-1] == (
        "Public holidays are known for 2026 to 2028 only: steps dated outside those years "
        "(the first on Thu 11 Jan 2029) may still fall on one.")
    assert not planner.plan(RULES, CHRISTMAS, TODAY)["warnings"]


def test_a_bad_public_holiday_or_weekend_is_a_problem_not_a_crash():
    with pytest.raises(planner.PlanError) as error:
        planner.plan(RULES, dict(CHRISTMAS, weekend=[7]), TODAY)
    assert error.value.problems[0][:2] == ("weekend", 7)
    with pytest.raises(planner.PlanError) as error:
        planner.plan(RULES, dict(CHRISTMAS, public_holidays=["2026-13-01"]), TODAY)
    assert error.value.problems == [("public_holidays", "2026-13-01",
                                     "is not a real date (use YYYY-MM-DD)")]


# --- the checklist's answers ----------------------------------------------------------------

@pytest.fixture
def table_in_page():
    publicdays.use(TABLE)
    yield
    publicdays._LOADED.clear()


def answers(**given):
    chosen = state.default_answers("2026-12-18")
    chosen.update(timeline="by", decision_by="2026-12-24", **given)
    return chosen


def test_a_chosen_country_brings_its_public_holidays_into_the_situation(table_in_page):
    situation, problems = state.situation(answers(country="GB", region="SCT"))
    assert problems == [] and "2026-01-02" in situation["public_holidays"]
    assert check_after_decision(situation)["due"] == "2026-12-29"


def test_no_country_adds_nothing_and_an_old_record_stays_valid(table_in_page):
    assert "public_holidays" not in state.situation(answers())[0]
    record, problems = state.checked_record(
        {"version": 2, "answers": {"interviewed": "2026-12-18"}}, "i1", "2026-12-18", RULES)
    assert problems == []
    assert (record["answers"]["country"], record["answers"]["region"]) == ("", "")


def test_an_unknown_country_or_region_is_named_at_its_field(table_in_page):
    assert state.situation(answers(country="ZZ"))[1][0][:2] == ("country", "ZZ")
    assert state.situation(answers(country="GB", region="XYZ"))[1] == [(
        "region", "GB-XYZ", "names no region of United Kingdom (its regions: ENG, NIR, SCT, WLS)")]


def test_the_form_offers_the_countries_of_the_table_and_hides_the_region():
    html = holidays_html(state.default_answers("2026-11-18"))
    assert '<option value="GB">United Kingdom</option>' in html
    assert 'id="fu-region-row" hidden' in html and "2026 to 2028" in html


# --- the same under MicroPython ---------------------------------------------------------

DRIVER = every_module() + """
import json
cases = json.load(open("cases.json"))
rules = json.load(open("rules.json"))
with open("out.json", "w") as handle:
    for given in cases["answers"]:
        answers = state.default_answers("2026-12-18")
        answers.update(given)
        situation, problems = state.situation(answers)
        today = dates.parse_date("2026-12-18")
        result = None if problems else planner.plan(rules, situation, today)
        handle.write(json.dumps([situation, [list(p) for p in problems], result]) + "\\n")
"""
CASES = [{"timeline": "by", "decision_by": "2026-12-24", "country": country, "region": region}
         for country, region in (("", ""), ("GB", ""), ("GB", "SCT"), ("US", "CA"),
                                 ("DE", "BY"), ("SA", ""), ("ZZ", ""), ("GB", "XYZ"))]
CASES.append({"interviewed": "2028-12-18", "timeline": "by", "decision_by": "2029-01-10",
              "country": "GB", "region": ""})


def test_micropython_reads_the_table_and_plans_the_same(tmp_path, table_in_page):
    lines = run(tmp_path, DRIVER, {"rules.json": json.dumps(BUNDLE),
                                   "holidays.json": json.dumps(TABLE),
                                   "cases.json": json.dumps({"answers": CASES})})
    for given, theirs in zip(CASES, lines):
        chosen = state.default_answers("2026-12-18")
        chosen.update(given)
        situation, problems = state.situation(chosen)
        result = None if problems else planner.plan(BUNDLE, situation, TODAY)
        assert theirs == json.loads(json.dumps([situation, [list(p) for p in problems],
                                                result])), given
    moved = [item for item in lines[1][2]["items"] if item["id"] == "check-after-decision"]
    assert moved[0]["moved_from"] == "2026-12-25"


# --- followup plan --country ------------------------------------------------------------

def followup(*args):
    return subprocess.run([sys.executable, "-m", "site_plugins.cli", "plan",
                           "--interviewed", "2026-12-18", "--today", "2026-12-18",
                           "--decision-by", "2026-12-24", *args], cwd=ROOT,
                          capture_output=True, text=True, check=False)


@pytest.mark.parametrize("code", ["GB", "gb-eng", "DE-BY", "US-CA", "SA"])
def test_the_command_line_moves_steps_off_the_countrys_public_holidays(code):
    # (SA: its weekend is Friday and Saturday, so Christmas Day is moved as a weekend day)
    result = followup("--country", code, "--format", "json")
    assert result.returncode == 0, result.stderr
    item = next(i for i in json.loads(result.stdout)["items"] if i["id"] == "check-after-decision")
    assert item["moved_from"] == "2026-12-25"
    assert ("(a weekend)" if code == "SA" else "(a public holiday)") in item["note"]


@pytest.mark.parametrize("code, message", [
    ("ZZ", "followup plan: --country 'ZZ': is not a country the public holidays table "
           "knows (known: AD, "),
    ("GB-XYZ", "followup plan: --country 'GB-XYZ': names no region of United Kingdom "
               "(its regions: ENG, NIR, SCT, WLS)\n"),
    ("", "followup plan: --country '': must not be empty\n")])
def test_the_command_line_refuses_an_unknown_country_where_it_was_given(code, message):
    result = followup("--country", code)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(message) and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


# --- in the page ----------------------------------------------------------------------------

def due_of(page, item_id):
    return page.locator('#fu-plan li.fu-item[data-id="%s"]' % item_id).first


@pytest.mark.browser
def test_choosing_a_country_in_the_page_moves_a_step_off_christmas_day(page, site_url):
    from test_widget import open_answers, open_checklist
    open_checklist(page, site_url, today="2026-12-18")
    open_answers(page)
    page.evaluate("""() => {
        document.querySelectorAll('#fu-form details').forEach(box => { box.open = true; });
        const values = {'fu-interviewed': '2026-12-18', 'fu-timeline': 'by',
                        'fu-decision-by': '2026-12-24'};
        for (const [id, value] of Object.entries(values)) document.getElementById(id).value = value;
        document.getElementById('fu-form').dispatchEvent(new Event('change', {bubbles: true}));
    }""")
    check = due_of(page, "check-after-decision")
    expect(check).to_have_attribute("data-due", "2026-12-25")
    expect(page.locator("#fu-region-row")).to_be_hidden()
    page.select_option("#fu-country", "GB")
    expect(check).to_have_attribute("data-due", "2026-12-29")
    expect(page.locator("#fu-region-row")).to_be_visible()
    page.select_option("#fu-region", "SCT")
    page.reload()
    expect(page.locator("#fu-form")).to_have_attribute("data-ready", "true", timeout=30_000)
    expect(due_of(page, "check-after-decision")).to_have_attribute("data-due", "2026-12-29")
    assert page.eval_on_selector("#fu-country", "e => e.value") == "GB"
    assert page.eval_on_selector("#fu-region", "e => e.value") == "SCT"


@pytest.mark.browser
def test_the_table_is_fetched_only_for_an_interview_with_a_country(page, site_url):
    """A first visit does not download the public holidays; a shared interview with a
    country and region, opened in a fresh browser, waits for the table and keeps both."""
    from test_widget import open_checklist
    from test_widget_storage import link
    fetched = []
    page.on("request", lambda request: request.url.endswith("/holidays.json")
            and fetched.append(request.url))
    open_checklist(page, site_url, today="2026-12-18")
    assert fetched == []
    open_checklist(page, site_url, today="2026-12-18", url=link(site_url, {
        "answers": {"company": "Acme", "interviewed": "2026-12-18", "timeline": "by",
                    "decision_by": "2026-12-24", "country": "GB", "region": "SCT"}}))
    expect(due_of(page, "check-after-decision")).to_have_attribute("data-due", "2026-12-29")
    assert page.eval_on_selector("#fu-region", "e => e.value") == "SCT"
    assert len(fetched) == 1
