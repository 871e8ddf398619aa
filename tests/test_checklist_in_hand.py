"""The checklist in a hand (issue 20): the plan first and short on a phone, the keyboard and
screen reader never lost, "All my interviews" right, and the interview day as the reader
lives it. Browser tests at a phone's size (360×740) and a desktop's (1280×900)."""
import pytest
from playwright.sync_api import expect

from test_widget import fill, more_actions, open_answers, open_checklist, records, wait_ready

pytestmark = pytest.mark.browser
SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}
# A panel of three and a decision "within 10 days", two days after the interview.
PRIYA = {"interviewed": "2026-11-16", "decision_within": "10d", "company": "Lumen",
         "role": "Analyst", "interviewers": ["Priya Shah", "Tom Okafor", "Ana Ruiz"]}
MOST_SCREENS = 6
# Changes of the status line (a live region) while a word is typed: one when typing
# pauses, not one per keystroke.
MOST_ANNOUNCEMENTS = 2
COUNT_STATUS_CHANGES = """() => { window.__said = 0; new MutationObserver(() => window.__said++)
  .observe(document.getElementById('fu-status'),
           {childList: true, characterData: true, subtree: true}); }"""
TO_DO = "#fu-plan .fu-when:not(.fu-when-done) li.fu-item"


@pytest.fixture(params=SIZES)
def sized(request, browser):
    context = browser.new_context(viewport=SIZES[request.param])
    page = context.new_page()
    page.size = SIZES[request.param]
    yield page
    context.close()


def top_and_bottom(page, selector):
    return page.eval_on_selector(selector, """el => { const box = el.getBoundingClientRect();
        return [box.top + scrollY, box.bottom + scrollY]; }""")


def test_the_plan_of_a_panel_of_three_fits_in_six_screens(sized, site_url):
    open_checklist(sized, site_url, today="2026-11-18")
    fill(sized, PRIYA)
    expect(sized.locator("#fu-plan li[data-id='send-thank-you:ana-ruiz']")).to_be_attached()
    top, bottom = top_and_bottom(sized, "#fu-plan")
    assert (bottom - top) / sized.size["height"] <= MOST_SCREENS
    # the sources and the guide's reasons are one tap away, each article named once
    for why in sized.locator("#fu-plan li.fu-item .fu-why").all():
        expect(why).not_to_have_attribute("open", "")
        names = why.locator(".fu-source").all_text_contents()
        assert len(names) == len(set(names))
    assert sized.locator("#fu-plan li.fu-item").count() == \
        sized.locator("#fu-plan li.fu-item details.fu-why").count()


def test_a_returning_reader_sees_the_next_line_and_what_is_due_in_the_first_screen(sized,
                                                                                   site_url):
    open_checklist(sized, site_url, today="2026-11-18")
    fill(sized, PRIYA)
    sized.reload()
    wait_ready(sized)
    expect(sized.locator("#fu-answers")).not_to_have_attribute("open", "")
    expect(sized.locator(".fu-intro")).to_be_hidden()
    expect(sized.locator("#fu-next")).to_contain_text("Next:")
    assert top_and_bottom(sized, "#fu-next")[1] <= sized.size["height"]
    now_heading = top_and_bottom(sized, ".fu-when-now h3")
    assert now_heading[1] <= sized.size["height"]
    sized.click("#fu-answers > summary")  # the answers are one tap away
    expect(sized.locator("#fu-company")).to_be_visible()


def test_a_first_time_reader_sees_the_few_questions_that_matter_first(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    expect(page.locator(".fu-intro")).to_be_visible()
    for field in ("#fu-company", "#fu-interviewed", "#fu-timeline", "#fu-interviewers"):
        expect(page.locator(field)).to_be_visible()
    for field in ("#fu-call-back", "#fu-outcome", "#fu-me"):
        expect(page.locator(field)).to_be_hidden()
    page.click("#fu-more-answers > summary")
    expect(page.locator("#fu-outcome")).to_be_visible()


def test_a_tick_keeps_the_focus_and_a_second_space_unticks(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    fill(page, PRIYA)
    tick = page.locator("#tick-send-thank-you\\:tom-okafor")
    tick.focus()
    page.keyboard.press("Space")
    expect(tick).to_be_checked()
    expect(tick).to_be_focused()
    expect(page.locator("#fu-status")).to_contain_text("Next:")
    # said in full to a screen reader, but the Next line just below is not shown twice
    next_line = page.inner_text("#fu-next")
    assert page.text_content("#fu-status").endswith(" " + next_line)
    expect(page.locator("#fu-status .fu-visually-hidden")).to_have_text(next_line)
    assert page.evaluate("""() => { const s = document.getElementById('fu-status');
        return [...s.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('');
    }""").startswith("Done: ")
    page.keyboard.press("Space")
    expect(tick).not_to_be_checked()
    expect(tick).to_be_focused()
    assert page.evaluate("scrollY") > 0  # the page did not jump to the top either


def test_typing_a_company_name_is_announced_once_typing_pauses(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    page.wait_for_timeout(1500)  # the start-up announcement has been made
    page.evaluate(COUNT_STATUS_CHANGES)
    page.locator("#fu-company").press_sequentially("Acme Corporation", delay=60)
    page.locator("#fu-role").press_sequentially("Analyst", delay=60)
    page.wait_for_timeout(2000)
    assert page.evaluate("window.__said") <= MOST_ANNOUNCEMENTS


def test_a_half_typed_date_is_neither_announced_nor_marked(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    page.wait_for_timeout(1500)
    page.evaluate(COUNT_STATUS_CHANGES)
    page.locator("#fu-interviewed").focus()
    page.keyboard.press("Backspace")  # the month cleared: the date is no longer whole
    page.wait_for_timeout(2000)
    assert page.evaluate("window.__said") == 0
    expect(page.locator("#fu-interviewed")).not_to_have_attribute("aria-invalid", "true")
    page.keyboard.type("11")
    page.wait_for_timeout(2000)
    assert page.evaluate("window.__said") <= 1
    expect(page.locator("#fu-status")).not_to_contain_text("check the highlighted")


def two_interviews(page, site_url):
    open_checklist(page, site_url, today="2026-11-23")
    fill(page, {"interviewed": "2026-11-22", "company": "Acme", "interviewers": ["Ana"]})
    page.click("button[data-action=add]")
    fill(page, {"interviewed": "2026-11-18", "company": "Beta", "decision_within": "1w"})
    page.select_option("#fu-which", "all")
    expect(page.locator("#fu-answers")).to_be_hidden()


def test_all_my_interviews_counts_what_it_lists_and_lists_a_shared_step_once(sized, site_url):
    two_interviews(sized, site_url)
    listed = sized.locator(TO_DO).count()
    expect(sized.locator("#fu-status")).to_contain_text("All your interviews: %d steps to do"
                                                        % listed)
    shared = sized.locator("#fu-plan li.fu-item[data-id='keep-searching']")
    expect(shared).to_have_count(1)
    expect(shared).to_contain_text("Every interview")
    shared.locator(".fu-tick").check()
    assert [r["ticked"] for r in records(sized)] == [["keep-searching"], ["keep-searching"]]
    expect(sized.locator("#fu-all-note")).to_be_visible()
    expect(sized.locator("#fu-all-note")).to_contain_text("one interview at a time")


def test_all_my_interviews_controls_work_or_say_why(page, site_url):
    two_interviews(page, site_url)
    more_actions(page)
    page.click("button[data-action=share]")
    expect(page.locator("#fu-notice")).to_contain_text("holds one interview")
    expect(page.locator("#fu-which")).to_be_focused()
    assert page.input_value("#fu-share-url") == ""
    page.click("button[data-action=copy-plain]")
    plain = page.locator("#fu-plain-plan")
    expect(plain).to_be_focused()
    text = plain.input_value()
    assert "INTERVIEW 1" in text and "INTERVIEW 2" in text
    assert "Ana" not in text and "Acme" not in text and "Interviewer 1" in text
    with page.expect_download():
        page.click("button[data-action=calendar]")


def test_an_in_person_step_is_not_next_once_the_reader_has_left(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")  # the clock: 10:00
    fill(page, {"interviewed": "2026-11-18", "interviewers": ["Ana"]})
    expect(page.locator("#fu-next")).to_contain_text("Ask what happens next")
    button = page.locator("button[data-action=left]")
    expect(button).to_be_visible()
    button.click()
    expect(page.locator("#fu-next")).not_to_contain_text("Ask what happens next")
    expect(page.locator("#fu-next")).to_be_focused()
    expect(button).to_be_hidden()
    in_person = page.locator("#fu-plan .fu-missed li[data-id='ask-next-step']")
    expect(in_person).to_contain_text("you have left the interview")
    page.reload()
    wait_ready(page)
    expect(page.locator("#fu-next")).not_to_contain_text("Ask what happens next")


def test_an_in_person_step_is_not_next_hours_after_the_interview_time(page, site_url):
    open_checklist(page, site_url, today="2026-11-18")
    page.clock.set_fixed_time("2026-11-18T15:30:00")
    page.reload()
    wait_ready(page)
    fill(page, {"interviewed": "2026-11-18", "interviewers": ["Ana"]})
    open_answers(page)
    page.fill("#fu-interview-time", "09:00")
    expect(page.locator("#fu-next")).not_to_contain_text("Ask what happens next")
    page.fill("#fu-interview-time", "14:00")
    expect(page.locator("#fu-next")).to_contain_text("Ask what happens next")
