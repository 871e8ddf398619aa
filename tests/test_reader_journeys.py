"""The reader's own record over the weeks, in Chromium: what was done stays done on later
days, an ordinary slip loses nothing, a corrected name keeps its person's marks, a
calendar entry brings the plan back to a browser with nothing saved, and what another
site on the same origin writes is never painted."""
import json

import icalendar
import pytest
from playwright.sync_api import expect

from test_widget import open_answers, open_box, open_checklist, records, stored, wait_ready
from test_widget_storage import companies, export_file, link, type_into

pytestmark = pytest.mark.browser
THANKS = "#tick-send-thank-you\\:ana"
SNAPSHOT = "interview-followup:snapshot"


def status(page):
    return page.locator("#fu-status").text_content()


def test_what_was_ticked_stays_done_on_later_days_and_the_count_falls(page, site_url):
    open_checklist(page, site_url, today="2026-11-16")
    expect(page.locator("#fu-kept-text")).to_contain_text("Nothing was saved")
    type_into(page, "#fu-interviewers", "Ana")
    expect(page.locator("#fu-kept-text")).not_to_contain_text("Nothing was saved")
    type_into(page, "#fu-company", "Acme")
    before = page.locator("#fu-plan .fu-when:not(.fu-when-done) .fu-item").count()
    page.check(THANKS)
    expect(page.locator(THANKS)).to_be_focused()  # focus stays on the tick, now under Done
    expect(page.locator("#fu-plan .fu-when-done " + THANKS)).to_be_checked()
    assert page.locator("#fu-plan .fu-when:not(.fu-when-done) .fu-item").count() == before - 1
    assert status(page).startswith("Done: ")
    assert records(page)[0]["done_on"] == {"send-thank-you:ana": "2026-11-16"}
    for day in ("2026-11-19", "2026-11-27", "2026-12-14"):  # in its window, past it, weeks on
        open_checklist(page, site_url, today=day)
        done = page.locator("#fu-plan .fu-when-done li[data-id='send-thank-you:ana']")
        expect(done).to_contain_text("done Mon 16 Nov")
        assert page.locator("#fu-plan li[data-id='send-thank-you:ana']").count() == 1
        expect(page.locator("#fu-next")).not_to_contain_text("thank-you")
    page.click(THANKS)  # unticked weeks later: back in the plan, now too late, missed
    expect(page.locator("#fu-plan .fu-missed li[data-id='send-thank-you:ana']")).to_have_count(1)


def test_enter_twice_on_delete_loses_nothing_and_keep_gives_focus_back(page, site_url):
    open_checklist(page, site_url)
    type_into(page, "#fu-company", "Acme")
    page.click("button[data-action=add]")
    type_into(page, "#fu-company", "Beta")
    page.focus("button[data-action=delete]")
    page.keyboard.press("Enter")
    expect(page.locator("#fu-notice")).to_contain_text("Delete \u201cBeta")
    page.keyboard.press("Enter")
    expect(page.locator("#fu-notice")).to_be_hidden()
    expect(page.locator("button[data-action=delete]")).to_be_focused()
    assert companies(page) == ["Acme", "Beta"]
    page.keyboard.press("Enter")
    page.click("#fu-notice button[data-action=delete-confirmed]")
    assert companies(page) == ["Acme"]
    expect(page.locator("#fu-which")).to_be_focused()


def test_a_corrected_name_keeps_that_persons_tick_and_edited_draft(page, site_url):
    open_checklist(page, site_url, today="2026-11-16")
    type_into(page, "#fu-interviewers", "Jon Smith\nBo Li")
    page.check("#tick-send-thank-you\\:bo-li")
    open_box(page, "fu-drafts-box")
    page.locator("details[data-draft='send-thank-you:jon-smith'] summary").click()
    page.fill("#fu-draft-send-thank-you\\:jon-smith", "Dear Jon, my own words.")
    type_into(page, "#fu-interviewers", "Cy Ode\nBo Lee\nJohn Smith")  # two fixed, one added
    expect(page.locator("#tick-send-thank-you\\:bo-lee")).to_be_checked()
    expect(page.locator("#tick-send-thank-you\\:john-smith")).not_to_be_checked()
    expect(page.locator("#tick-send-thank-you\\:cy-ode")).not_to_be_checked()
    page.evaluate("document.querySelectorAll('.fu-draft').forEach(d => { d.open = true; })")
    expect(page.locator("#fu-draft-send-thank-you\\:john-smith")).to_have_value(
        "Dear Jon, my own words.")
    saved = records(page)[0]
    assert saved["ticked"] == ["send-thank-you:bo-lee"]
    assert list(saved["drafts"]) == ["send-thank-you:john-smith"]


def test_an_edited_draft_with_stale_day_words_or_gaps_is_flagged(page, site_url):
    open_checklist(page, site_url, today="2026-11-16")
    type_into(page, "#fu-interviewers", "Ana")
    open_box(page, "fu-drafts-box")
    page.locator(".fu-draft summary").first.click()
    page.fill("#fu-draft-send-thank-you\\:ana", "Thank you for meeting me today about [topic].")
    check = page.locator("#fu-draft-send-thank-you\\:ana-check")
    expect(check).to_have_text("Fill in [topic] before you send it.")
    open_checklist(page, site_url, today="2026-11-18")
    open_box(page, "fu-drafts-box")
    expect(check).to_contain_text('You wrote this on Mon 16 Nov: check that "today" is still')


def test_a_calendar_entry_brings_the_plan_back_to_a_browser_with_nothing_saved(
        page, site_url, browser, tmp_path):
    open_checklist(page, site_url, today="2026-11-16")
    type_into(page, "#fu-interviewers", "Ana")
    type_into(page, "#fu-company", "Acme")
    page.check("#tick-write-debrief")
    with page.expect_download() as download:
        page.click("button[data-action=calendar]")
    text = open(download.value.path(), "rb").read()
    events = list(icalendar.Calendar.from_ical(text).walk("VEVENT"))
    link = str(events[0]["URL"])
    assert {str(event["URL"]) for event in events} == {link}
    assert all(str(event["DESCRIPTION"]).endswith(link) for event in events)
    assert link.startswith(site_url + "checklist/#restore=")
    fresh = browser.new_context()  # another browser, or this one after Safari cleared it
    other = fresh.new_page()
    open_checklist(other, site_url, today="2026-11-18")
    expect(other.locator("#fu-kept-text")).to_contain_text("open the link in any of its "
                                                           "calendar entries")
    open_checklist(other, site_url, today="2026-11-18", url=link)
    expect(other.locator("#fu-notice")).to_contain_text("added \u201cAcme, 2026-11-16\u201d")
    expect(other.locator("#tick-write-debrief")).to_be_checked()
    expect(other).not_to_have_url(link)  # the data is out of the address bar at once
    # the empty interview the page made stood in for nothing: it gave way
    assert [r["answers"]["company"] for r in records(other)] == ["Acme"]
    expect(other.locator("#fu-kept-text")).not_to_contain_text("Nothing was saved")
    (tmp_path / "plan.ics").write_bytes(text)  # the file itself, imported in a third browser
    third = browser.new_context().new_page()
    open_checklist(third, site_url, today="2026-11-18")
    third.set_input_files("#fu-import", str(tmp_path / "plan.ics"))
    expect(third.locator("#fu-notice")).to_contain_text("The calendar file: added")
    assert [r["ticked"] for r in records(third)][-1] == ["write-debrief"]
    fresh.close()


@pytest.mark.parametrize("fragment, said", [
    ("%7B%22restore%22%3A5%7D", "does not hold an interview"),
    ("%E0%A4%A", "cut short"),
    ("%7B%22restore%22%3A%7B%22answers%22%3A%7B%22interviewed%22%3A%222026-02-30%22%7D%2C"
     "%22ticked%22%3A%22all%22%7D%7D", "added"),  # a bad date and ticks: set aside, said
])
def test_a_crafted_restore_link_is_said_and_changes_nothing_of_the_readers(
        page, site_url, fragment, said):
    open_checklist(page, site_url)
    type_into(page, "#fu-company", "Mine")
    before = records(page)
    open_checklist(page, site_url, url=site_url + "checklist/#restore=" + fragment)
    expect(page.locator("#fu-notice")).to_contain_text(said)
    assert records(page)[0] == before[0]


def test_a_calendar_file_that_is_not_ours_is_refused(page, site_url, tmp_path):
    open_checklist(page, site_url)
    type_into(page, "#fu-company", "Mine")
    path = tmp_path / "other.ics"
    path.write_text("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nURL:https://example.com/#restore=x\r\n"
                    "SUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    page.evaluate("document.querySelector('.fu-more').open = true")
    page.set_input_files("#fu-import", str(path))
    expect(page.locator("#fu-notice")).to_contain_text("The calendar file could not be imported")
    assert companies(page) == ["Mine"]


@pytest.mark.parametrize("markup", [
    '<base href="https://evil.example/">', '<a href="https://evil.example/">your plan</a>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<script type="mpy">print(1)</script>', '<p onclick="alert(1)">x</p>',
    '<a href="javascript:alert(1)">x</a>', '<form action="https://evil.example/"></form>'])
def test_a_snapshot_another_site_wrote_is_dropped_and_the_planner_paints(page, site_url, markup):
    open_checklist(page, site_url)
    type_into(page, "#fu-company", "Mine")
    page.wait_for_function("localStorage.getItem('interview-followup:snapshot') !== null")
    snapshot = stored(page, SNAPSHOT)
    snapshot["html"]["fu-plan"] += markup
    page.goto(site_url)  # written from another page of the origin: the checklist's own
    # pending saves (a snapshot after typing) cannot write over it
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [SNAPSHOT, json.dumps(snapshot)])
    open_checklist(page, site_url)
    expect(page.locator("#fu-app")).to_have_attribute("data-painted", "refused")
    assert page.evaluate("document.querySelectorAll('base, #fu-plan meta, #fu-plan form, "
                         "#fu-plan script, [onclick]').length") == 0
    assert "evil" not in page.locator("#fu-plan").inner_html()
    assert companies(page) == ["Mine"]
    page.wait_for_function("localStorage.getItem('interview-followup:snapshot') !== null")
    assert "evil" not in json.dumps(stored(page, SNAPSHOT))  # the planner's own, saved again


def test_a_tick_in_all_my_interviews_is_done_in_place_and_kept(page, site_url):
    open_checklist(page, site_url, today="2026-11-16")
    type_into(page, "#fu-company", "Acme")
    page.click("button[data-action=add]")
    type_into(page, "#fu-company", "Beta")
    page.select_option("#fu-which", "all")
    item = page.locator("#fu-plan li.fu-item", has_text="Beta").filter(
        has=page.locator("[id^='tick-'][id$='~write-debrief']"))
    item.locator(".fu-tick").check()
    expect(item).to_have_attribute("data-state", "done")
    expect(item.locator(".fu-tag")).to_have_text("done today")
    expect(item.locator(".fu-tick")).to_be_focused()
    assert [r["ticked"] for r in records(page)] == [[], ["write-debrief"]]
    open_checklist(page, site_url, today="2026-11-20")
    assert page.log.errors == []
    done = page.locator("#fu-plan .fu-when-done li", has_text="Beta")
    expect(done).to_contain_text("done Mon 16 Nov")


def test_a_shared_name_with_line_breaks_nul_or_direction_marks_stays_on_one_clean_line(
        page, site_url):
    open_checklist(page, site_url, today="2026-11-16", url=link(site_url, {
        "id": "x1", "answers": {"interviewed": "2026-11-16", "interviewers": "Ana",
                                "company": "Acme\r\nBcc: boss@evil.example\u202e",
                                "role": "Ana\u0000lyst\u200b"}}))
    expect(page.locator("#fu-which option[value=x1]")).to_have_text(
        "Ana lyst at Acme Bcc: boss@evil.example, 2026-11-16")
    open_box(page, "fu-drafts-box")
    mail = page.locator("#fu-drafts a[data-subject]").first.get_attribute("href")
    subject = mail.split("subject=")[1].split("&")[0]
    assert "%0D" not in subject and "%0A" not in subject and "%00" not in subject
    assert "%E2%80%AE" not in mail and "%E2%80%8B" not in mail  # U+202E, U+200B
    with page.expect_download() as download:
        page.click("button[data-action=calendar]")
    name = download.value.suggested_filename
    assert name == "interview-follow-up-ana-lyst-at-acme-bcc-boss-evil-example-2026-11-16.ics"


def test_an_import_naming_one_id_twice_keeps_both_and_says_so(page, site_url, tmp_path):
    open_checklist(page, site_url)
    type_into(page, "#fu-company", "Mine")
    twice = [{"id": "same", "answers": {"interviewed": "2026-11-16", "company": name}}
             for name in ("First", "Second")]
    page.evaluate("document.querySelector('.fu-more').open = true")
    page.set_input_files("#fu-import", export_file(tmp_path, "twice.json", twice))
    expect(page.locator("#fu-notice")).to_contain_text(
        "added \u201cFirst, 2026-11-16\u201d, \u201cSecond, 2026-11-16\u201d")
    assert companies(page) == ["Mine", "First", "Second"]


def test_a_calendar_file_name_stays_short_and_plain_for_any_company(page, site_url):
    open_checklist(page, site_url, today="2026-11-16")
    type_into(page, "#fu-company", "Ünïcode & Sons " * 300)
    type_into(page, "#fu-role", "Analyst")
    with page.expect_download() as download:
        page.click("button[data-action=calendar]")
    name = download.value.suggested_filename
    assert name.startswith("interview-follow-up-analyst-at-n-code-sons-") and len(name) <= 84
    assert all(char.isascii() and (char.isalnum() or char in "-.") for char in name)


def test_copying_says_so_on_the_button_and_a_passing_notice_goes_with_the_next_tick(
        page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_checklist(page, site_url, today="2026-11-16")
    type_into(page, "#fu-interviewers", "Ana")
    page.click("button[data-action=add]")
    expect(page.locator("#fu-notice")).to_contain_text("Added a new interview")
    type_into(page, "#fu-interviewers", "Bo")
    page.check("#tick-write-debrief")
    expect(page.locator("#fu-notice")).to_be_hidden()
    open_box(page, "fu-drafts-box")
    draft = page.locator("details[data-draft='send-thank-you:bo']")
    draft.locator("summary").click()
    draft.locator("button.fu-copy").click()
    expect(draft.locator("button.fu-copy")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == \
        draft.locator("textarea").input_value()


def test_after_an_import_the_focus_is_on_what_the_page_says_about_the_file(page, site_url,
                                                                           tmp_path):
    """The file chooser is hidden behind its label: once a file is read, the focus moves
    to the notice that says what was added (or why nothing was), not stay on it."""
    open_checklist(page, site_url, today="2026-11-22")
    type_into(page, "#fu-company", "Mine")
    page.evaluate("document.querySelector('.fu-more').open = true")
    page.focus("#fu-import")
    page.set_input_files("#fu-import", export_file(tmp_path, "one.json", [
        {"id": "x1", "answers": {"company": "Beta", "interviewed": "2026-11-10"}}]))
    expect(page.locator("#fu-notice")).to_contain_text("added \u201cBeta, 2026-11-10\u201d")
    expect(page.locator("#fu-notice")).to_be_focused()
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    page.focus("#fu-import")
    page.set_input_files("#fu-import", str(bad))
    expect(page.locator("#fu-notice")).to_contain_text("could not be imported")
    expect(page.locator("#fu-notice")).to_be_focused()


def test_a_returning_reader_never_sees_the_first_time_form_before_their_own_plan(browser,
                                                                                 site_url):
    """While the page waits for the sanitiser that checks their saved plan, the checklist
    below its introduction stays unseen (browser/hold.js), then shows their own plan: the
    empty form is never shown first and folded away under them. (No service worker: the
    sanitiser's request is held back here, and one served by the worker would not be.)"""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    open_checklist(page, site_url, today="2026-11-22")
    assert not page.evaluate("document.documentElement.classList.length && "
                             "document.documentElement.classList.contains('fu-own-plan-coming')")
    type_into(page, "#fu-company", "Acme")
    page.wait_for_function("localStorage.getItem('interview-followup:snapshot') !== null")
    held = []
    page.route("**/assets/dompurify/purify.min.js", lambda route: held.append(route))
    page.goto(site_url + "checklist/", wait_until="commit")
    for _ in range(600):  # at most 30 s for the request to be made
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the sanitiser was never requested"
    page.wait_for_function("document.getElementById('fu-answers') !== null")
    visibility = "id => getComputedStyle(document.querySelector(id)).visibility"
    assert page.evaluate(visibility, "#fu-answers") == "hidden"
    assert page.evaluate(visibility, ".fu-intro") == "visible"
    held[0].continue_()
    wait_ready(page)
    assert page.evaluate(visibility, "#fu-answers") == "visible"
    assert page.evaluate(visibility, "#fu-plan") == "visible"
    expect(page.locator("#fu-answers-summary")).to_contain_text("Acme")
    context.close()
