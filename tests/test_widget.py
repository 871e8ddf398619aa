"""The checklist in Chromium: the plan it draws, what it keeps, and what it brings in and
sends out; readers who come late, hear back, or have several interviews."""
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
INDEX = "interview-followup:index"
PAYLOADS = ['<img src=x onerror="window.__pwned=1">', "<script>window.__pwned=1</script>",
            '"><svg onload="window.__pwned=1">', "javascript:window.__pwned=1"]
OUTCOMES = (("rejected_on", "rejected"), ("offer_on", "offer"), ("next_interview", "next-round"))


def open_checklist(page, site_url, today="2026-11-22", url=None):
    page.clock.set_fixed_time(today + "T10:00:00")
    if url:
        page.goto("about:blank")  # a new page load, as when a link is opened from elsewhere
    page.goto(url or site_url + "checklist/")
    wait_ready(page)


def wait_ready(page):
    expect(page.locator("#fu-form")).to_have_attribute("data-ready", "true", timeout=30_000)


def open_answers(page):
    """Unfold the form (it is folded under its summary for a returning reader), and the
    answers fewer readers need (a call-back, HR, their answer, your name, days off)."""
    page.evaluate("document.getElementById('fu-answers').open = true; "
                  "document.getElementById('fu-more-answers').open = true")


def more_actions(page):
    """Unfold the less used actions (share, copy, export, start again)."""
    page.evaluate("document.querySelector('.fu-more').open = true")


def form_values(situation):
    """The form's control values for a planner situation."""
    values = {"fu-interviewed": situation["interviewed"], "fu-timeline": "none",
              "fu-call-back": "none", "fu-outcome": "waiting", "fu-outcome-on": "",
              "fu-interviewers": "\n".join(situation.get("interviewers", [])),
              "fu-holidays": " ".join(situation.get("holidays", [])),
              "fu-company": situation.get("company", ""), "fu-role": situation.get("role", "")}
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
    for field, outcome in OUTCOMES:
        if situation.get(field):
            values["fu-outcome"], values["fu-outcome-on"] = outcome, situation[field]
    return values


def choice_flags(situation):
    """The radio button checked for each disagreement: the chosen side, else the default."""
    return dict(("fu-choice-%s-%s" % (d["id"], situation.get("choices", {}).get(
        d["id"], d["default"])), True) for d in RULES["disagreements"])


def open_box(page, box_id):
    """Unfold a part that the widget draws when it is opened (timeline, drafts)."""
    page.evaluate("id => { document.getElementById(id).open = true; }", box_id)
    inner = {"fu-timeline-box": "#fu-timeline-picture svg", "fu-drafts-box": "#fu-drafts *"}
    page.wait_for_selector(inner[box_id], state="attached")


def open_choices(page):
    """Unfold the choices where the sources disagree (their fields are drawn on opening)."""
    page.evaluate("document.getElementById('fu-choices').open = true")
    page.wait_for_selector("#fu-choice-note-medium", state="attached")


def fill(page, situation):
    """Set every control at once, then tell the form it changed, as a reader's edit would."""
    open_choices(page)
    page.evaluate("""([values, flags]) => {
        for (const [id, value] of Object.entries(values)) document.getElementById(id).value = value;
        for (const [id, value] of Object.entries(flags)) document.getElementById(id).checked = value;
        document.getElementById('fu-form').dispatchEvent(new Event('change', {bubbles: true}));
    }""", [form_values(situation), dict(choice_flags(situation), **{
        "fu-hr": situation.get("hr", True),
        "fu-via-linkedin": situation.get("via_linkedin", False)})])


def shown_plan(page):
    return page.eval_on_selector_all("#fu-plan li.fu-item", """els => els.map(li => ({
        id: li.dataset.id, due: li.dataset.due || null, state: li.dataset.state,
        sources: li.dataset.sources.split(' ')}))""")


def cli_plan(situation, today):
    args = ["--interviewed", situation["interviewed"], "--today", today, "--format", "json"]
    for key in ("decision_by", "decision_within", "call_back_on", "call_back_within",
                "rejected_on", "offer_on", "next_interview", "company", "role"):
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
    return [{"id": i["id"], "due": i["due"], "state": i["state"], "sources": i["sources"]}
            for i in json.loads(out)["items"] if i["state"] != "missed"]


def stored(page, key):
    return json.loads(page.evaluate("k => localStorage.getItem(k)", key) or "null")


def records(page):
    index = stored(page, INDEX)
    return [stored(page, "interview-followup:interview:" + i) for i in index["interviews"]]


def test_the_page_shows_the_same_plan_as_followup_plan_for_25_situations(page, site_url):
    open_checklist(page, site_url)
    rng = random.Random(7)
    for _ in range(25):
        situation, today = random_situation(rng, RULES)
        if situation.get("next_interview"):  # the page takes one answer: the latest news
            situation.pop("rejected_on", None)
        page.clock.set_fixed_time(today.isoformat() + "T10:00:00")
        fill(page, situation)
        assert shown_plan(page) == cli_plan(situation, today.isoformat()), situation
    assert page.log.errors == []


@pytest.mark.parametrize("today, first, missed", [
    ("2026-11-16", "ask-next-step", 0),   # on the day: ask before you leave
    ("2026-11-23", None, 1),              # a week later: the interview day's tasks are missed
    ("2026-12-07", None, 1),              # three weeks later
])
def test_a_late_reader_sees_what_is_missed_apart_and_what_to_do_next(page, site_url, today,
                                                                     first, missed):
    open_checklist(page, site_url, today=today)
    fill(page, {"interviewed": "2026-11-16", "decision_within": "7d"})
    plan = shown_plan(page)
    expected_next = cli_plan({"interviewed": "2026-11-16", "decision_within": "7d"}, today)
    assert plan == expected_next
    assert page.locator("#fu-plan .fu-missed").count() == missed
    next_line = page.inner_text("#fu-next")
    assert next_line.startswith("Next: ")
    if first:
        assert plan[0]["id"] == first and plan[0]["state"] == "today"
    else:
        assert "ask-next-step" not in [item["id"] for item in plan]


def test_a_typed_change_redraws_the_plan_and_is_announced(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    page.select_option("#fu-timeline", "within")
    page.fill("#fu-decision-n", "7")
    expect(page.locator('li[data-id="check-after-decision"]')).to_have_attribute(
        "data-due", "2026-11-26")
    expect(page.locator("#fu-status")).to_contain_text("Plan updated")
    # the picture shown (of its wide and narrow layouts, the other is hidden)
    open_box(page, "fu-timeline-box")
    expect(page.locator("#fu-timeline-picture").get_by_role("img")).to_contain_text(
        "Ask about the decision")


def test_each_answer_at_each_stage_changes_the_plan_as_followup_plan_does(page, site_url):
    open_checklist(page, site_url, today="2026-11-23")
    for field in ("rejected_on", "offer_on", "next_interview"):
        for day in ("2026-11-16", "2026-11-20", "2026-11-27"):
            situation = {"interviewed": "2026-11-16", field: day, "interviewers": ["Ana"]}
            fill(page, situation)
            assert shown_plan(page) == cli_plan(situation, "2026-11-23"), situation
            dropped = page.locator("#fu-plan .fu-dropped li").count()
            assert dropped == len(json.loads(subprocess.run(
                [sys.executable, "-m", "site_plugins.cli", "plan", "--interviewed", "2026-11-16",
                 "--today", "2026-11-23", "--" + field.replace("_", "-"), day, "--interviewer",
                 "Ana", "--format", "json"], cwd=ROOT, capture_output=True, text=True,
                check=True).stdout)["dropped"])


def test_reload_keeps_answers_and_ticks_and_folds_the_form_away(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    page.fill("#fu-interviewers", "Ana Ruiz\nBo Li")
    page.fill("#fu-role", "Data analyst")
    page.check("#tick-send-thank-you\\:bo-li")
    page.reload()
    wait_ready(page)
    expect(page.locator("#fu-answers")).not_to_have_attribute("open", "")
    expect(page.locator("#fu-answers-summary")).to_contain_text("Data analyst")
    expect(page.locator("#fu-interviewers")).to_have_value("Ana Ruiz\nBo Li")
    expect(page.locator("#fu-role")).to_have_value("Data analyst")
    expect(page.locator("#tick-send-thank-you\\:bo-li")).to_be_checked()
    expect(page.locator("#tick-send-thank-you\\:ana-ruiz")).not_to_be_checked()


def test_two_interviews_are_kept_across_a_reload_and_merged_in_the_all_view(page, site_url):
    open_checklist(page, site_url, today="2026-11-23")
    fill(page, {"interviewed": "2026-11-16", "company": "Acme", "role": "Analyst"})
    page.click("button[data-action=add]")
    fill(page, {"interviewed": "2026-11-16", "company": "Beta", "decision_within": "1w"})
    page.reload()
    wait_ready(page)
    labels = page.eval_on_selector_all("#fu-which option", "os => os.map(o => o.textContent)")
    assert labels == ["Analyst at Acme, 2026-11-16", "Beta, 2026-11-16", "All my interviews (2)"]
    page.select_option("#fu-which", "all")
    expect(page.locator("#fu-answers")).to_be_hidden()
    employers = set(page.eval_on_selector_all("#fu-plan .fu-employer",
                                              "es => es.map(e => e.textContent)"))
    # a step the same for both (keep searching) is listed once, for every interview
    assert employers == {"Analyst at Acme, 2026-11-16: ", "Beta, 2026-11-16: ",
                         "Every interview: "}
    with page.expect_download() as download:
        page.click("button[data-action=calendar]")
    events = list(icalendar.Calendar.from_ical(open(download.value.path(), "rb").read())
                  .walk("VEVENT"))
    summaries = {str(e["SUMMARY"]).split(":")[0] for e in events}
    assert summaries == {"Acme", "Beta"}
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    page.reload()
    wait_ready(page)
    expect(page.locator("#fu-which")).to_have_value("all")


def test_delete_and_undo(page, site_url):
    open_checklist(page, site_url, today="2026-11-23")
    fill(page, {"interviewed": "2026-11-16", "company": "Acme"})
    page.click("button[data-action=add]")
    fill(page, {"interviewed": "2026-11-18", "company": "Beta"})
    page.click("button[data-action=delete]")
    page.click("#fu-notice button[data-action=delete-confirmed]")
    expect(page.locator("#fu-notice")).to_contain_text("Deleted \u201cBeta, 2026-11-18\u201d")
    assert [r["answers"]["company"] for r in records(page)] == ["Acme"]
    page.click("#fu-notice button[data-action=undo]")
    assert [r["answers"]["company"] for r in records(page)] == ["Acme", "Beta"]
    expect(page.locator("#fu-company")).to_have_value("Beta")


def test_a_share_link_is_added_beside_the_readers_own_and_leaves_the_address_bar(
        page, site_url, browser):
    open_checklist(page, site_url, today="2026-11-18")
    fill(page, {"interviewed": "2026-11-16", "decision_within": "2w", "hr": False,
                "interviewers": ["Zoë Ünal"], "company": "Shared Co",
                "choices": {"follow-up-channel": "phone"}})
    more_actions(page)
    page.click("button[data-action=share]")
    link = page.input_value("#fu-share-url")
    assert urlparse(link).fragment.startswith("interview=")
    expected = shown_plan(page)
    other = browser.new_context().new_page()
    other.log = page.log
    open_checklist(other, site_url, today="2026-11-18")
    fill(other, {"interviewed": "2026-11-10", "company": "Mine"})
    open_checklist(other, site_url, today="2026-11-18", url=link)
    assert urlparse(other.url).fragment == ""
    expect(other.locator("#fu-notice")).to_contain_text("added \u201cShared Co, 2026-11-16\u201d")
    assert shown_plan(other) == expected
    assert sorted(r["answers"]["company"] for r in records(other)) == ["Mine", "Shared Co"]
    other.reload()
    wait_ready(other)
    assert len(records(other)) == 2  # the reload did not apply the link again
    open_checklist(other, site_url, today="2026-11-18", url=link)
    expect(other.locator("#fu-notice")).to_contain_text("nothing new")
    other.context.close()


def test_a_changed_share_link_of_the_same_interview_offers_to_update_it(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    fill(page, {"interviewed": "2026-11-16", "company": "Acme"})
    more_actions(page)
    page.click("button[data-action=share]")
    link = page.input_value("#fu-share-url")
    fill(page, {"interviewed": "2026-11-16", "company": "Acme", "role": "Chef"})
    open_checklist(page, site_url, today="2026-11-18", url=link)
    expect(page.locator("#fu-notice")).to_contain_text("You already have this interview")
    assert [r["answers"]["role"] for r in records(page)] == ["Chef"]  # nothing changed yet
    page.click("#fu-notice button[data-action=take-shared]")
    assert [r["answers"]["role"] for r in records(page)] == [""]
    page.click("#fu-notice button[data-action=undo]")
    assert [r["answers"]["role"] for r in records(page)] == ["Chef"]


@pytest.mark.parametrize("fragment", ["%", "%E0%A4%A", "%ED%A0%80", "%7B", "x" * 2_000_000,
                                      "%7B%22version%22%3A2%7D"])
def test_a_crafted_link_is_refused_with_a_notice_and_the_checklist_keeps_working(
        page, site_url, fragment):
    open_checklist(page, site_url, today="2026-11-18")
    page.fill("#fu-company", "Kept Ltd")
    open_checklist(page, site_url, today="2026-11-18",
                   url=site_url + "checklist/#interview=" + fragment)
    expect(page.locator("#fu-notice")).to_contain_text("link could not be read")
    assert [r["answers"]["company"] for r in records(page)] == ["Kept Ltd"]
    open_answers(page)
    page.fill("#fu-role", "Still works")
    expect(page.locator("#fu-answers-summary")).to_contain_text("Still works")
    assert urlparse(page.url).fragment == "" and page.log.errors == []


def test_a_saved_state_that_no_longer_validates_is_kept_and_reported(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    page.fill("#fu-company", "Acme")
    interview_id = stored(page, INDEX)["interviews"][0]
    key = "interview-followup:interview:" + interview_id
    saved = stored(page, key)
    saved["answers"].update(timeline="someday", choices={"note-medium": "fax"})
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(saved)])
    page.reload()
    wait_ready(page)
    notice = page.inner_text("#fu-notice")
    assert "what they said about deciding could not be read" in notice
    assert "Should the thank-you note be" in notice
    expect(page.locator("#fu-company")).to_have_value("Acme")
    assert stored(page, key) == saved  # kept as it was until the reader changes something
    open_answers(page)
    page.fill("#fu-role", "Chef")
    kept = stored(page, key)  # then what could not be used is set aside, never dropped
    assert kept["set_aside"] == {"timeline": "someday", "choices": {"note-medium": "fax"}}
    assert (kept["answers"]["company"], kept["answers"]["timeline"]) == ("Acme", "none")


def test_a_first_version_checklist_is_migrated_and_kept(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    page.evaluate("""() => { localStorage.clear(); localStorage.setItem('interview-followup:v1',
        JSON.stringify({version: 1, ticked: ['write-debrief'], answers: {interviewed:
        '2026-11-10', company: 'Old Co', outcome: 'rejected', rejected_on: '2026-11-12'}})); }""")
    page.reload()
    wait_ready(page)
    expect(page.locator("#fu-company")).to_have_value("Old Co")
    expect(page.locator("#fu-outcome-on")).to_have_value("2026-11-12")
    assert records(page)[0]["ticked"] == ["write-debrief"]
    assert stored(page, "interview-followup:v1")["answers"]["company"] == "Old Co"


def test_answers_typed_with_an_error_are_saved_as_typed_and_the_plan_is_kept(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    page.select_option("#fu-timeline", "within")
    page.fill("#fu-decision-n", "7")
    before = shown_plan(page)
    page.fill("#fu-decision-n", "0")
    expect(page.locator("#fu-decision-n")).to_have_attribute("aria-invalid", "true")
    assert records(page)[0]["answers"]["decision_n"] == "0"
    assert records(page)[0]["valid"]["decision_n"] == "7"
    page.reload()
    wait_ready(page)
    expect(page.locator("#fu-decision-n")).to_have_value("0")
    expect(page.locator("#fu-decision-n")).to_have_attribute("aria-invalid", "true")
    assert shown_plan(page) == before


def test_the_calendar_file_parses_and_matches_the_plan(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    fill(page, {"interviewed": "2026-11-16", "decision_by": "2026-11-27",
                "interviewers": ["Ana; \"Ruiz\", Jr\\"]})
    with page.expect_download() as download:
        page.click("button[data-action=calendar]")
    calendar = icalendar.Calendar.from_ical(open(download.value.path(), "rb").read())
    dated = [item for item in shown_plan(page) if item["due"] and item["state"] != "missed"]
    events = list(calendar.walk("VEVENT"))
    assert [e.decoded("DTSTART") for e in events] == [  # what is late goes on today
        max(date.fromisoformat(i["due"]), date(2026, 11, 18)) for i in dated]
    assert any(str(e["SUMMARY"]).endswith(': Ana; "Ruiz", Jr\\') for e in events)


def test_start_again_clears_everything_and_can_be_undone(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    page.fill("#fu-company", "Acme")
    page.check("#tick-write-debrief")
    more_actions(page)
    page.click("button[data-action=start-again]")
    expect(page.locator("#fu-notice")).to_contain_text("This clears your 1 interview")
    page.click("#fu-notice button[data-action=keep-everything]")
    expect(page.locator("#fu-company")).to_have_value("Acme")  # asked first, nothing lost
    page.click("button[data-action=start-again]")
    page.click("#fu-notice button[data-action=clear-everything]")
    expect(page.locator("#fu-company")).to_have_value("")
    expect(page.locator("#fu-interviewed")).to_have_value("2026-11-18")
    expect(page.locator("#tick-write-debrief")).not_to_be_checked()
    assert [r["answers"]["company"] for r in records(page)] == [""]
    page.click("#fu-notice button[data-action=undo]")
    expect(page.locator("#fu-company")).to_have_value("Acme")
    assert [r["answers"]["company"] for r in records(page)] == ["Acme"]


def test_export_then_import_adds_or_updates_and_never_silently_replaces(page, site_url,
                                                                        tmp_path):
    open_checklist(page, site_url, today="2026-11-18")
    fill(page, {"interviewed": "2026-11-10", "call_back_within": "3d", "company": "Acme"})
    more_actions(page)
    with page.expect_download() as download:
        page.click("button[data-action=export]")
    saved = tmp_path / "answers.json"
    download.value.save_as(saved)
    expected = shown_plan(page)
    fill(page, {"interviewed": "2026-11-12", "company": "Acme"})
    page.click("button[data-action=add]")
    fill(page, {"interviewed": "2026-11-14", "company": "Other"})
    page.set_input_files("#fu-import", str(saved))
    expect(page.locator("#fu-notice")).to_contain_text("updated \u201cAcme, 2026-11-10\u201d")
    assert sorted(r["answers"]["company"] for r in records(page)) == ["Acme", "Other"]
    assert shown_plan(page) == expected
    page.click("#fu-notice button[data-action=undo]")
    assert sorted(r["answers"]["interviewed"] for r in records(page)) == ["2026-11-12",
                                                                         "2026-11-14"]


def test_an_oversized_or_broken_import_is_refused_and_changes_nothing(page, site_url, tmp_path):
    open_checklist(page, site_url, today="2026-11-18")
    page.fill("#fu-company", "Kept Ltd")
    before = records(page)
    for name, text in (("huge.json", '{"version": 2, "interviews": [' + "1," * 600_000 + "1]}"),
                       ("broken.json", "{not json"), ("other.json", "[1, 2]")):
        (tmp_path / name).write_text(text)
        page.set_input_files("#fu-import", str(tmp_path / name))
        expect(page.locator("#fu-notice")).to_contain_text("Nothing was changed")
        assert records(page) == before
    assert page.log.errors == []


@pytest.mark.parametrize("field", ["#fu-interviewers", "#fu-role", "#fu-company", "#fu-me"])
def test_script_and_html_in_text_fields_stay_inert(page, site_url, field):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_checklist(page, site_url, today="2026-11-18")
    for payload in PAYLOADS:
        open_answers(page)
        page.fill(field, payload)
        with page.expect_download() as download:
            page.click("button[data-action=calendar]")
        assert payload.split(" ")[0] in open(download.value.path(), encoding="utf-8").read() \
            or field in ("#fu-role", "#fu-me")
        page.reload()
        wait_ready(page)
        expect(page.locator(field)).to_have_value(payload)
        open_box(page, "fu-drafts-box")
        for draft in page.locator(".fu-draft").all():
            draft.locator("summary").click()
    assert page.evaluate("window.__pwned") is None
    assert dialogs == [] and page.log.errors == []
    assert page.locator("#fu-plan img, #fu-plan script, #fu-drafts img, #fu-drafts svg, "
                        "#fu-which img").count() == 0


@pytest.mark.parametrize("control, value, field, message", [
    ("#fu-decision-n", "0", "#fu-decision-n", "must be between 1 day and a year"),
    ("#fu-decision-n", "4000", "#fu-decision-n", "must be between 1 day and a year"),
    ("#fu-decision-by", "2026-11-01", "#fu-decision-by", "is before the interview (2026-11-18)"),
    ("#fu-holidays", "2026-02-30", "#fu-holidays", "is not a real date"),
    ("#fu-interviewed", "", "#fu-interviewed", "is required"),
    ("#fu-interviewers", "Ana\n" + "B" * 150, "#fu-interviewers",
     "One of the names is longer than 100 characters."),
    ("#fu-interviewers", "\n".join("P%d" % n for n in range(21)), "#fu-interviewers",
     "Please give at most 20 names (there are 21)."),
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
    open_answers(page)
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


def test_drafts_follow_the_situation_and_keep_the_readers_edits(page, site_url):
    open_checklist(page, site_url, today="2026-11-23")
    fill(page, {"interviewed": "2026-11-20", "interviewers": ["Ana Ruiz", "Bo Li"],
                "company": "Acme"})
    open_box(page, "fu-drafts-box")
    titles = page.eval_on_selector_all(".fu-draft summary", "s => s.map(e => e.textContent)")
    assert titles[0].startswith("Thank-you note to Ana Ruiz") and \
        titles[1].startswith("Thank-you note to Bo Li")
    body = page.locator("#fu-draft-send-thank-you\\:ana-ruiz")
    assert "meeting me on Friday" in body.input_value()
    page.locator(".fu-draft summary").first.click()
    body.fill("My own words")
    page.reload()
    wait_ready(page)
    expect(page.locator("#fu-draft-send-thank-you\\:ana-ruiz")).to_have_value("My own words")
    fill(page, {"interviewed": "2026-11-20", "interviewers": ["Ana Ruiz"], "company": "Acme",
                "rejected_on": "2026-11-23"})
    first = page.locator(".fu-draft").first
    assert "Thank-you note" not in page.inner_text("#fu-drafts")
    assert first.get_attribute("data-draft") in ("ask-feedback", "closing-note")


def test_nothing_leaves_the_site_while_the_widget_is_used(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    fill(page, {"interviewed": "2026-11-10", "decision_within": "1w", "interviewers": ["Ana"]})
    more_actions(page)
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
    wait_ready(page)
    expect(page.locator("#fu-status")).to_contain_text("Plan updated")


def hold_the_interpreter(page):
    """Keep MicroPython from arriving until `release` is called: the page as it is before
    the planner starts."""
    held = []
    page.route("**/micropython.wasm", lambda route: held.append(route))
    return lambda: [route.continue_() for route in held]


def test_a_returning_reader_sees_their_own_plan_before_the_planner_starts(page, site_url):
    open_checklist(page, site_url, today="2026-11-23")
    fill(page, {"interviewed": "2026-11-16", "company": "Acme", "interviewers": ["Ana"]})
    live = page.inner_html("#fu-plan")
    release = hold_the_interpreter(page)
    page.reload(wait_until="domcontentloaded")
    expect(page.locator("#fu-app")).to_have_attribute("data-painted", "snapshot")
    assert page.get_attribute("#fu-form", "data-ready") is None
    assert page.inner_html("#fu-plan") == live
    expect(page.locator("#fu-status")).to_have_text("Starting the planner\u2026")
    release()
    wait_ready(page)
    assert page.inner_html("#fu-plan") == live


def test_yesterdays_snapshot_is_not_shown_as_today(page, site_url):
    open_checklist(page, site_url, today="2026-11-23")
    fill(page, {"interviewed": "2026-11-16", "company": "Acme"})
    page.clock.set_fixed_time("2026-11-24T10:00:00")
    release = hold_the_interpreter(page)
    page.reload(wait_until="domcontentloaded")
    expect(page.locator("#fu-app")).to_have_attribute("data-painted", "stale")
    expect(page.locator("#fu-plan")).to_have_text("Bringing your plan up to date for today\u2026")
    release()
    wait_ready(page)
    assert page.locator('#fu-plan li[data-state="overdue"]').count() >= 1
    assert page.inner_text("#fu-next") == "Next: Ask where things stand, overdue since yesterday."


def test_what_is_typed_before_the_planner_is_ready_is_applied(page, site_url):
    page.clock.set_fixed_time("2026-11-23T10:00:00")
    release = hold_the_interpreter(page)
    page.goto(site_url + "checklist/", wait_until="domcontentloaded")
    page.fill("#fu-interviewed", "2026-11-09")
    page.fill("#fu-company", "Early Ltd")
    release()
    wait_ready(page)
    expect(page.locator("#fu-interviewed")).to_have_value("2026-11-09")
    assert records(page)[0]["answers"]["company"] == "Early Ltd"
    assert page.locator('#fu-plan li[data-id="check-after-a-week"]').get_attribute(
        "data-due") == "2026-11-16"


def test_a_link_pasted_into_the_open_checklist_is_taken_in(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    fill(page, {"interviewed": "2026-11-16", "company": "Pasted"})
    more_actions(page)
    page.click("button[data-action=share]")
    link = page.input_value("#fu-share-url")
    page.click("button[data-action=delete]")
    page.click("#fu-notice button[data-action=delete-confirmed]")
    page.evaluate("url => { location.href = url; }", link)
    expect(page.locator("#fu-notice")).to_contain_text("added \u201cPasted, 2026-11-16\u201d")
    assert urlparse(page.url).fragment == ""


def test_error_marks_belong_to_the_interview_shown(page, site_url, tmp_path):
    open_checklist(page, site_url, today="2026-11-18")
    page.fill("#fu-company", "Fine Ltd")
    broken = {"version": 2, "interviews": [{"id": "imported", "answers": {
        "company": "Odd Co", "interviewed": "2026-11-18", "timeline": "within",
        "decision_n": "0"}}]}
    (tmp_path / "odd.json").write_text(json.dumps(broken))
    page.set_input_files("#fu-import", str(tmp_path / "odd.json"))
    expect(page.locator("#fu-company")).to_have_value("Odd Co")
    expect(page.locator("#fu-decision-n")).to_have_attribute("aria-invalid", "true")
    page.select_option("#fu-which", index=0)
    expect(page.locator("#fu-company")).to_have_value("Fine Ltd")
    assert page.locator("#fu-form [aria-invalid=true]").count() == 0
    assert page.locator(".fu-error:not([hidden])").count() == 0
