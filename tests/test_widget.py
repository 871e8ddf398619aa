"""The checklist widget in Chromium: the plan it draws, what it keeps, what it exports."""
import json
import random
import subprocess
import sys
from datetime import date
from urllib.parse import urlparse

import icalendar
import pytest
from playwright.sync_api import expect

from conftest import ROOT
from situations import random_situation
from site_plugins.rules import load_rules

pytestmark = pytest.mark.browser
RULES = load_rules(ROOT / "rules")
PAYLOADS = ['<img src=x onerror="window.__pwned=1">', "<script>window.__pwned=1</script>",
            '"><svg onload="window.__pwned=1">', "javascript:window.__pwned=1"]


def open_checklist(page, site_url, today="2026-11-22", url=None):
    page.clock.set_fixed_time(today + "T10:00:00")
    page.goto(url or site_url + "checklist/")
    expect(page.locator("#fu-form")).to_have_attribute("data-ready", "true", timeout=30_000)


def form_values(situation):
    """The form's control values for a planner situation."""
    values = {"fu-interviewed": situation["interviewed"], "fu-timeline": "none",
              "fu-call-back": "none", "fu-outcome": "pending",
              "fu-interviewers": "\n".join(situation.get("interviewers", [])),
              "fu-holidays": " ".join(situation.get("holidays", []))}
    for key, prefix, on in (("decision", "fu-decision", "by"), ("call_back", "fu-call-back", "on")):
        dated, counted = situation.get(f"{key}_{'by' if key == 'decision' else 'on'}"), \
            situation.get(f"{key}_within")
        select = "fu-timeline" if key == "decision" else "fu-call-back"
        if dated:
            values[select] = on
            values[f"{prefix}-{on}"] = dated
        elif counted:
            values[select] = "within"
            values[f"{prefix}-n"], values[f"{prefix}-unit"] = counted[:-1], counted[-1]
    if situation.get("rejected_on"):
        values["fu-outcome"], values["fu-rejected-on"] = "rejected", situation["rejected_on"]
    for disagreement in RULES["disagreements"]:
        values["fu-choice-" + disagreement["id"]] = situation.get("choices", {}).get(
            disagreement["id"], disagreement["default"])
    return values


def fill(page, situation):
    """Set every control at once, then tell the form it changed, as a reader's edit would."""
    page.evaluate("""([values, flags]) => {
        for (const [id, value] of Object.entries(values)) document.getElementById(id).value = value;
        for (const [id, value] of Object.entries(flags)) document.getElementById(id).checked = value;
        document.getElementById('fu-form').dispatchEvent(new Event('change', {bubbles: true}));
    }""", [form_values(situation), {"fu-hr": situation.get("hr", True),
                                    "fu-via-linkedin": situation.get("via_linkedin", False)}])


def shown_plan(page):
    return page.eval_on_selector_all("#fu-plan li.fu-item", """els => els.map(li => ({
        id: li.dataset.id, due: li.dataset.due || null, sources: li.dataset.sources.split(' ')}))""")


def cli_plan(situation, today):
    args = ["--interviewed", situation["interviewed"], "--today", today, "--format", "json"]
    for key in ("decision_by", "decision_within", "call_back_on", "call_back_within",
                "rejected_on"):
        if situation.get(key):
            args += ["--" + key.replace("_", "-"), situation[key]]
    args += [] if situation.get("hr", True) else ["--no-hr"]
    args += ["--via-linkedin"] if situation.get("via_linkedin") else []
    for name in situation.get("interviewers", []):
        args += ["--interviewer", name]
    for holiday in situation.get("holidays", []):
        args += ["--holiday", holiday]
    for key, value in situation.get("choices", {}).items():
        args += ["--choose", f"{key}={value}"]
    out = subprocess.run([sys.executable, "-m", "site_plugins.cli", "plan", *args], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return [{"id": i["id"], "due": i["due"], "sources": i["sources"]}
            for i in json.loads(out)["items"]]


def test_the_page_shows_the_same_plan_as_followup_plan_for_25_situations(page, site_url):
    open_checklist(page, site_url)
    rng = random.Random(7)
    for _ in range(25):
        situation, today = random_situation(rng, RULES)
        page.clock.set_fixed_time(today.isoformat() + "T10:00:00")
        fill(page, situation)
        assert shown_plan(page) == cli_plan(situation, today.isoformat()), situation
    assert page.log.errors == []


def test_a_typed_change_redraws_the_plan_and_is_announced(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    page.select_option("#fu-timeline", "within")
    page.fill("#fu-decision-n", "7")
    expect(page.locator('li[data-id="check-after-decision"]')).to_have_attribute(
        "data-due", "2026-11-26")
    expect(page.locator("#fu-status")).to_contain_text("Plan updated")
    # the picture shown (of its wide and narrow layouts, the other is hidden)
    expect(page.locator("#fu-timeline-picture").get_by_role("img")).to_contain_text(
        "Ask about the decision")


def test_reload_keeps_answers_and_ticks(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    page.fill("#fu-interviewers", "Ana Ruiz\nBo Li")
    page.fill("#fu-role", "Data analyst")
    page.check("#tick-send-thank-you\\:bo-li")
    page.reload()
    expect(page.locator("#fu-form")).to_have_attribute("data-ready", "true", timeout=30_000)
    expect(page.locator("#fu-interviewers")).to_have_value("Ana Ruiz\nBo Li")
    expect(page.locator("#fu-role")).to_have_value("Data analyst")
    expect(page.locator("#tick-send-thank-you\\:bo-li")).to_be_checked()
    expect(page.locator("#tick-send-thank-you\\:ana-ruiz")).not_to_be_checked()


def test_a_share_link_restores_the_plan_in_a_fresh_browser(page, site_url, browser):
    open_checklist(page, site_url, today="2026-11-18")
    situation = {"interviewed": "2026-11-16", "decision_within": "2w", "hr": False,
                 "interviewers": ["Zoë Ünal"], "choices": {"follow-up-channel": "phone"}}
    fill(page, situation)
    page.click("button[data-action=share]")
    link = page.input_value("#fu-share-url")
    assert urlparse(link).fragment.startswith("answers=")
    expected = shown_plan(page)
    fresh = browser.new_context().new_page()
    open_checklist(fresh, site_url, today="2026-11-18", url=link)
    assert shown_plan(fresh) == expected
    expect(fresh.locator("#fu-interviewers")).to_have_value("Zoë Ünal")
    fresh.context.close()


def test_the_calendar_file_parses_and_matches_the_plan(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    fill(page, {"interviewed": "2026-11-16", "decision_by": "2026-11-27",
                "interviewers": ["Ana; \"Ruiz\", Jr\\"]})
    with page.expect_download() as download:
        page.click("button[data-action=calendar]")
    calendar = icalendar.Calendar.from_ical(open(download.value.path(), "rb").read())
    dated = [item for item in shown_plan(page) if item["due"]]
    events = list(calendar.walk("VEVENT"))
    assert [e.decoded("DTSTART") for e in events] == [date.fromisoformat(i["due"]) for i in dated]
    assert 'Send a thank-you note: Ana; "Ruiz", Jr\\' in [str(e["SUMMARY"]) for e in events]


def test_start_again_clears_answers_ticks_and_storage(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    page.fill("#fu-company", "Acme")
    page.check("#tick-write-debrief")
    page.click("button[data-action=start-again]")
    expect(page.locator("#fu-company")).to_have_value("")
    expect(page.locator("#fu-interviewed")).to_have_value("2026-11-18")
    expect(page.locator("#tick-write-debrief")).not_to_be_checked()
    stored = json.loads(page.evaluate("localStorage.getItem('interview-followup:v1')"))
    assert stored["ticked"] == [] and stored["answers"]["company"] == ""


def test_export_then_import_restores_the_same_answers(page, site_url, tmp_path):
    open_checklist(page, site_url, today="2026-11-18")
    fill(page, {"interviewed": "2026-11-10", "call_back_within": "3d", "interviewers": ["Bo"]})
    with page.expect_download() as download:
        page.click("button[data-action=export]")
    saved = tmp_path / "answers.json"
    download.value.save_as(saved)
    expected = shown_plan(page)
    page.click("button[data-action=start-again]")
    page.set_input_files("#fu-import", str(saved))
    expect(page.locator("#fu-interviewed")).to_have_value("2026-11-10")
    assert shown_plan(page) == expected


@pytest.mark.parametrize("field", ["#fu-interviewers", "#fu-role", "#fu-company", "#fu-me"])
def test_script_and_html_in_text_fields_stay_inert(page, site_url, field):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_checklist(page, site_url, today="2026-11-18")
    for payload in PAYLOADS:
        page.fill(field, payload)
        page.click("button[data-action=share]")
        with page.expect_download() as download:
            page.click("button[data-action=calendar]")
        assert payload.split(" ")[0] in open(download.value.path(), encoding="utf-8").read() \
            or field != "#fu-interviewers"
        page.goto(page.input_value("#fu-share-url"))
        page.reload()
        expect(page.locator("#fu-form")).to_have_attribute("data-ready", "true", timeout=30_000)
        expect(page.locator(field)).to_have_value(payload)
        for draft in page.locator(".fu-draft").all():
            draft.locator("summary").click()
    assert page.evaluate("window.__pwned") is None
    assert dialogs == [] and page.log.errors == []
    assert page.locator("#fu-plan img, #fu-plan script, #fu-drafts img, #fu-drafts svg").count() == 0


def test_a_payload_name_is_shown_as_text_in_the_plan(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    page.fill("#fu-interviewers", PAYLOADS[0])
    expect(page.locator("#fu-plan")).to_contain_text("Send a thank-you note: " + PAYLOADS[0])


@pytest.mark.parametrize("control, value, field, message", [
    ("#fu-decision-n", "0", "#fu-decision-n", "must be between 1 day and a year"),
    ("#fu-decision-n", "4000", "#fu-decision-n", "must be between 1 day and a year"),
    ("#fu-decision-by", "2026-11-01", "#fu-decision-by", "is before the interview (2026-11-18)"),
    ("#fu-holidays", "2026-02-30", "#fu-holidays", "is not a real date"),
    ("#fu-interviewed", "", "#fu-interviewed", "is required"),
])
def test_bad_input_marks_the_field_and_keeps_the_plan(page, site_url, control, value, field,
                                                      message):
    open_checklist(page, site_url, today="2026-11-18")
    if control == "#fu-decision-by":
        page.select_option("#fu-timeline", "by")
        page.fill("#fu-decision-by", "2026-11-25")
    else:
        page.select_option("#fu-timeline", "within")
        page.fill("#fu-decision-n", "7")
    before = shown_plan(page)
    page.fill(control, value)
    expect(page.locator(field)).to_have_attribute("aria-invalid", "true")
    error = page.locator(field + "-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text(message)
    assert (field.lstrip("#") + "-error") in page.get_attribute(field, "aria-describedby")
    assert shown_plan(page) == before
    page.fill(control, "7" if control == "#fu-decision-n" else "")
    if control == "#fu-decision-n":
        expect(page.locator(field)).not_to_have_attribute("aria-invalid", "true")


def test_nothing_leaves_the_site_while_the_widget_is_used(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    fill(page, {"interviewed": "2026-11-10", "decision_within": "1w", "interviewers": ["Ana"]})
    page.click("button[data-action=share]")
    with page.expect_download():
        page.click("button[data-action=calendar]")
    own = urlparse(site_url).netloc
    assert {urlparse(u).netloc for u in page.log.requests
            if urlparse(u).scheme in ("http", "https", "ws", "wss")} == {own}
    wasm = [u for u in page.log.requests if u.endswith("micropython.wasm")]
    assert wasm == [site_url + "assets/micropython/micropython.wasm"]


def test_the_widget_starts_after_in_site_navigation(page, site_url):
    page.goto(site_url)
    page.get_by_role("link", name="Your checklist").first.click()
    expect(page.locator("#fu-form")).to_have_attribute("data-ready", "true", timeout=30_000)
    expect(page.locator("#fu-status")).to_contain_text("Plan updated")


def test_broken_saved_state_is_reset_with_a_notice(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    for broken in ("{not json", '{"version": 99, "answers": {}}', '"just a string"'):
        page.evaluate("v => localStorage.setItem('interview-followup:v1', v)", broken)
        page.reload()
        expect(page.locator("#fu-form")).to_have_attribute("data-ready", "true", timeout=30_000)
        expect(page.locator("#fu-notice")).to_contain_text("Your saved checklist could not be read")
        assert shown_plan(page)[0]["due"] == "2026-11-18"
    assert page.log.errors == []
