"""What the checklist keeps when the browser makes it hard: two open tabs, more interviews
than it shows, a full storage, a hostile link or file. Nothing a reader saved is lost
without a word, and nothing from outside takes what is the reader's own."""
import json
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from site_plugins.browser import state
from test_widget import INDEX, fill, more_actions, open_answers, open_checklist, records, \
    stored, wait_ready

pytestmark = pytest.mark.browser
RECORD = "interview-followup:interview:"


def companies(page):
    return [r["answers"]["company"] for r in records(page)]


def labels(page):
    return page.eval_on_selector_all("#fu-which option", "os => os.map(o => o.textContent)")


def type_into(page, selector, text):
    open_answers(page)
    page.fill(selector, text)


def export_file(tmp_path, name, entries):
    path = tmp_path / name
    path.write_text(json.dumps({"version": 2, "interviews": entries}))
    return str(path)


def test_two_open_tabs_keep_each_others_changes(page, site_url):
    open_checklist(page, site_url, today="2026-11-22")
    other = page.context.new_page()
    other.log = page.log
    open_checklist(other, site_url, today="2026-11-22")  # open before any change below
    type_into(page, "#fu-company", "Acme")
    page.click("button[data-action=add]")
    type_into(page, "#fu-company", "Beta")
    expect(other.locator("#fu-which option")).to_have_count(3)  # the two, and "All"
    assert labels(other)[:2] == ["Acme, 2026-11-22", "Beta, 2026-11-22"]
    type_into(other, "#fu-role", "Analyst")  # the other tab still shows the first one
    expect(page.locator("#fu-which option").first).to_have_text(
        "Analyst at Acme, 2026-11-22")
    third = page.context.new_page()
    open_checklist(third, site_url, today="2026-11-22")
    assert [(r["answers"]["company"], r["answers"]["role"]) for r in records(third)] == [
        ("Acme", "Analyst"), ("Beta", "")]
    assert labels(third) == ["Analyst at Acme, 2026-11-22", "Beta, 2026-11-22",
                             "All my interviews (2)"]
    assert page.log.errors == []


def test_start_again_in_one_tab_leaves_one_fresh_interview_in_both(page, site_url):
    open_checklist(page, site_url, today="2026-11-22")
    fill(page, {"interviewed": "2026-11-16", "company": "Acme"})
    page.click("button[data-action=add]")
    fill(page, {"interviewed": "2026-11-18", "company": "Beta"})
    other = page.context.new_page()
    other.log = page.log
    open_checklist(other, site_url, today="2026-11-22")
    more_actions(page)
    page.click("button[data-action=start-again]")
    page.click("#fu-notice button[data-action=clear-everything]")
    expect(other.locator("#fu-which option")).to_have_count(1)
    assert len(stored(page, INDEX)["interviews"]) == 1
    assert companies(other) == [""]
    assert page.log.errors == []


def test_an_interview_the_index_lost_is_found_again(page, site_url):
    open_checklist(page, site_url, today="2026-11-22")
    type_into(page, "#fu-company", "Listed")
    orphan = state.new_record("i42", state.default_answers("2026-11-20"))
    orphan["answers"]["company"] = "Orphan"
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [RECORD + "i42", json.dumps(orphan)])
    page.reload()
    wait_ready(page)
    assert labels(page)[:2] == ["Listed, 2026-11-22", "Orphan, 2026-11-20"]


def test_the_checklist_takes_50_interviews_and_says_what_it_did_not_take(page, site_url,
                                                                        tmp_path):
    open_checklist(page, site_url, today="2026-11-22")
    type_into(page, "#fu-company", "Mine")
    entries = [{"id": "x%d" % n, "answers": {"company": "C%d" % n, "interviewed": "2026-11-10"}}
               for n in range(52)]
    page.set_input_files("#fu-import", export_file(tmp_path, "many.json", entries))
    expect(page.locator("#fu-notice")).to_contain_text(
        "added \u201cC0, 2026-11-10\u201d, \u201cC1, 2026-11-10\u201d, \u201cC2, 2026-11-10\u201d, "
        "\u201cC3, 2026-11-10\u201d, \u201cC4, 2026-11-10\u201d and 44 more. Your other interviews "
        "are kept. 3 more were not added: You have 50 interviews, the most the checklist shows "
        "at once")
    assert companies(page) == ["Mine"] + ["C%d" % n for n in range(49)]
    page.click("button[data-action=add]")
    expect(page.locator("#fu-notice")).to_contain_text("You have 50 interviews")
    assert len(records(page)) == 50
    page.reload()
    wait_ready(page)
    assert len(labels(page)) == 51 and companies(page)[-1] == "C48"
    assert page.log.errors == []


def test_saved_interviews_past_the_50th_are_kept_listed_and_said(page, site_url):
    open_checklist(page, site_url, today="2026-11-22")
    ids = ["y%d" % n for n in range(55)]
    page.evaluate("""ids => {
        localStorage.clear();
        for (const [n, id] of ids.entries())
            localStorage.setItem('interview-followup:interview:' + id, JSON.stringify(
                {version: 2, id, answers: {company: 'C' + n, interviewed: '2026-11-10'}}));
        localStorage.setItem('interview-followup:index',
                             JSON.stringify({version: 2, interviews: ids, current: 'y0'}));
    }""", ids)
    page.reload()
    wait_ready(page)
    expect(page.locator("#fu-notice")).to_contain_text(
        "5 more saved interviews are kept in this browser but not shown")
    assert len(labels(page)) == 51
    page.select_option("#fu-which", "y3")  # saves the index again
    expect(page.locator("#fu-company")).to_have_value("C3")
    assert stored(page, INDEX)["interviews"] == ids
    page.select_option("#fu-which", "y49")
    page.click("button[data-action=delete]")
    page.click("#fu-notice button[data-action=delete-confirmed]")
    page.reload()
    wait_ready(page)
    assert "C50" in [label.split(",")[0] for label in labels(page)]
    assert page.log.errors == []


def test_a_saved_index_naming_an_interview_twice_shows_it_once(page, site_url):
    open_checklist(page, site_url, today="2026-11-22")
    record = state.new_record("a", state.default_answers("2026-11-20"))
    page.evaluate("""r => { localStorage.clear();
        localStorage.setItem('interview-followup:interview:a', JSON.stringify(r));
        localStorage.setItem('interview-followup:index',
            JSON.stringify({version: 2, interviews: ['a', 'a'], current: 'a'})); }""", record)
    page.reload()
    wait_ready(page)
    assert labels(page) == ["Interview, 2026-11-20"]
    page.click("button[data-action=delete]")
    page.click("#fu-notice button[data-action=delete-confirmed]")
    expect(page.locator("#fu-notice")).to_contain_text("Deleted")
    assert len(records(page)) == 1 and page.log.errors == []


FILLER = """() => {
    localStorage.removeItem('interview-followup:snapshot');
    const fill = (prefix, size) => {
        const text = 'x'.repeat(size);
        try { for (let n = 0; ; n++) localStorage.setItem(prefix + n, text); } catch (e) {}
    };
    fill('junk-big-', 1 << 20); fill('junk-mid-', 1 << 14); fill('junk-small-', 64);
}"""


def test_a_full_storage_is_said_and_nothing_is_half_done(page, site_url):
    open_checklist(page, site_url, today="2026-11-22")
    type_into(page, "#fu-company", "Kept")
    page.evaluate(FILLER)
    type_into(page, "#fu-role", "R" * 1500)
    expect(page.locator("#fu-notice")).to_be_visible()
    expect(page.locator("#fu-notice-text")).to_contain_text("would not save your checklist")
    page.click("button[data-action=add]")
    expect(page.locator("#fu-notice-text")).to_contain_text("No interview was added")
    assert len(labels(page)) == 1
    expect(page.locator("#fu-company")).to_have_value("Kept")  # still the same interview
    page.evaluate("""() => { for (const key of Object.keys(localStorage))
        if (key.startsWith('junk-')) localStorage.removeItem(key); }""")
    page.click("button[data-action=add]")  # the first save that works saves the rest too
    expect(page.locator("#fu-which option")).to_have_count(3)
    page.reload()
    wait_ready(page)
    assert [(r["answers"]["company"], r["answers"]["role"]) for r in records(page)] == [
        ("Kept", "R" * 1500), ("", "")]
    assert page.log.errors == []


def link(site_url, interview):
    return site_url + "checklist/#interview=" + quote(
        json.dumps({"version": 2, "interview": interview}), safe="")


def test_a_link_cannot_plant_an_interview_the_list_cannot_open(page, site_url):
    open_checklist(page, site_url, today="2026-11-22")
    type_into(page, "#fu-company", "Mine")
    open_checklist(page, site_url, today="2026-11-22", url=link(site_url, {
        "id": "all", "answers": {"company": "Planted", "interviewed": "2026-11-20"}}))
    expect(page.locator("#fu-notice")).to_contain_text("added \u201cPlanted, 2026-11-20\u201d")
    values = page.eval_on_selector_all("#fu-which option", "os => os.map(o => o.value)")
    assert values.count("all") == 1 and values[-1] == "all" and len(values) == 3
    expect(page.locator("#fu-company")).to_have_value("Planted")
    page.click("button[data-action=delete]")
    page.click("#fu-notice button[data-action=delete-confirmed]")
    assert companies(page) == ["Mine"]


def test_a_link_brings_answers_only_never_drafts_or_ticks(page, site_url):
    open_checklist(page, site_url, today="2026-11-22")
    type_into(page, "#fu-company", "Mine")
    open_checklist(page, site_url, today="2026-11-22", url=link(site_url, {
        "id": "evil", "answers": {"company": "Acme", "interviewed": "2026-11-18"},
        "drafts": {"send-thank-you": "Please wire money to the link's maker"},
        "ticked": ["send-thank-you"], "set_aside": {"x": 1}}))
    expect(page.locator("#fu-notice")).to_contain_text("added \u201cAcme, 2026-11-18\u201d")
    added = [r for r in records(page) if r["answers"]["company"] == "Acme"][0]
    assert (added["drafts"], added["ticked"], added["set_aside"]) == ({}, [], {})


def test_a_deeply_nested_value_is_kept_short_and_everything_still_saves(page, site_url,
                                                                         tmp_path):
    open_checklist(page, site_url, today="2026-11-22")
    type_into(page, "#fu-company", "Mine")
    deep = tmp_path / "deep.json"
    deep.write_text('{"version": 2, "interviews": [{"id": "deep1", "answers": {"company": '
                    + "[" * 20000 + "]" * 20000 + ', "role": "Imported"}}]}')
    page.set_input_files("#fu-import", str(deep))
    expect(page.locator("#fu-notice")).to_contain_text("added \u201cImported, 2026-11-22\u201d")
    expect(page.locator("#fu-notice")).not_to_contain_text("would not save")
    more_actions(page)
    with page.expect_download() as download:
        page.click("button[data-action=export]")
    exported = json.loads(open(download.value.path()).read())
    assert [r["answers"]["role"] for r in exported["interviews"]] == ["", "Imported"]
    page.reload()
    wait_ready(page)
    assert companies(page) == ["Mine", ""]
    assert page.log.errors == []
