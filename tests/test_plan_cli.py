"""`followup plan` as another tool would call it."""
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import icalendar
import pytest

ROOT = Path(__file__).resolve().parent.parent
STEPS = {"at-interview", "debrief", "thank-you", "status-check", "escalate", "move-on",
         "after-rejection", "keep-searching"}
RECIPIENTS = {"self", "interviewers", "hr", "hiring-contact"}


def followup(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "site_plugins.cli", "plan", *args], cwd=cwd,
                          capture_output=True, text=True, check=False)


def ics_bytes(*args):
    result = subprocess.run([sys.executable, "-m", "site_plugins.cli", "plan", *args,
                             "--format", "ics"], cwd=ROOT, capture_output=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def plan_json(*args):
    result = followup("--format", "json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_json_follows_the_contract():
    result = plan_json("--interviewed", "2026-11-16", "--today", "2026-11-22",
                       "--decision-within", "7d", "--interviewer", "Ana Ruiz",
                       "--interviewer", "Bo Li", "--choose", "follow-up-channel=phone")
    assert result["warnings"] == []
    items = result["items"]
    for item in items:
        assert {"id", "step", "to", "due", "title", "sources"} <= set(item)
        assert item["step"] in STEPS and item["to"] in RECIPIENTS
    dues = [i["due"] for i in items]
    assert dues[-1] is None and None not in dues[:-1] and dues[:-1] == sorted(dues[:-1])
    check = next(i for i in items if i["id"] == "check-after-decision")
    assert (check["due"], check["latest"], check["channel"]) == ("2026-11-24", "2026-11-25", "phone")
    assert [i["id"] for i in items if i["rule"] == "send-thank-you"] == [
        "send-thank-you:ana-ruiz", "send-thank-you:bo-li"]


def test_every_flag_reaches_the_plan():
    items = plan_json("--interviewed", "2026-11-16", "--today", "2026-11-16",
                      "--call-back-on", "2026-11-20", "--no-hr", "--via-linkedin",
                      "--rejected-on", "2026-11-25", "--holiday", "2026-11-20",
                      "--choose", "rejection-note=printed")["items"]
    by_id = {i["id"]: i for i in items}
    assert by_id["check-on-call-back"]["due"] == "2026-11-23"  # Fri 20 is a holiday
    assert "ask-hr-for-names" not in by_id
    # a first contact on LinkedIn changes how the thank-you may go (Coon), never adds a
    # second message on the same day
    assert "linkedin-message" not in by_id
    assert by_id["closing-note"]["channel"] == "printed"
    assert "second-check" not in by_id


def test_a_future_interview_is_a_warning_not_an_error():
    result = plan_json("--interviewed", "2026-12-01", "--today", "2026-11-22")
    assert result["warnings"] == [
        "The interview date 2026-12-01 is after today (2026-11-22): this plans ahead."]


FIXTURE = str(ROOT / "tests" / "fixture_rules")


def test_text_leads_with_what_is_due_now_and_lists_the_rest_briefly():
    out = followup("--rules", FIXTURE, "--interviewed", "2026-11-16", "--today", "2026-11-23",
                   "--decision-within", "7d", "--interviewer", "Ana", "--company", "Acme",
                   "--role", "Analyst", "--rejected-on", "2026-11-24").stdout
    assert out == """\
Follow-up plan for Analyst at Acme, interview on Mon 16 Nov 2026 (today: Mon 23 Nov 2026)

Next: Thank them: Ana (overdue since Mon 16 Nov)

Now
  Mon 16 Nov 2026 (overdue)
  [ ] Thank them: Ana
      The interviewers, by email; on the interview day or up to 1 day after,
        at the latest Tue 17 Nov 2026
      Send a note.
      Sources: what, whom: Alpha article, Beta article; when: Alpha article;
        how: Beta article
      The guide's own choice (how long it helps): A late note still helps
        for a week.

Coming up
  Wed 25 Nov 2026
  [ ] Send a closing note
      The hiring contact, as a handwritten card; the day after the rejection
      Thank them anyway.
      Sources: Beta article
      The guide's own choice (when): The day after, our choice.

Throughout
  [ ] Keep looking
      Your own task; throughout your search
      Apply elsewhere.
      Sources: Alpha article

Missed, or no longer needed
  - Ask what happens next: too late to help now (it was due Mon 16 Nov 2026)
  - Write notes: too late to help now (it was due Mon 16 Nov 2026)

No longer needed
  - Ask after their date: You were turned down on Tue 24 Nov 2026.
  - Ask once more: You were turned down on Tue 24 Nov 2026.
"""


def test_json_has_states_next_dropped_and_the_interview():
    result = plan_json("--rules", FIXTURE, "--interviewed", "2026-11-16", "--today",
                       "2026-11-23", "--next-interview", "2026-11-26", "--company", "Acme")
    assert result["interview"] == {"interviewed": "2026-11-16", "company": "Acme", "role": "",
                                   "key": "h-22592772c6249796"}  # acme, no role, the day
    assert result["next"] == "thank"
    assert {i["id"]: i["state"] for i in result["items"]}["round2:ask"] == "upcoming"
    assert [d["id"] for d in result["dropped"]] == ["check-week", "again"]


def test_an_offer_keeps_what_still_applies_and_the_calendar_leaves_out_the_rest():
    args = ("--rules", FIXTURE, "--interviewed", "2026-11-16", "--today", "2026-11-17",
            "--offer-on", "2026-11-20")
    result = plan_json(*args)
    assert [(i["id"], i["state"]) for i in result["items"]] == [
        ("ask", "missed"), ("notes", "overdue"), ("thank", "today"), ("keep-looking", "ongoing")]
    assert [d["id"] for d in result["dropped"]] == ["check-week", "again"]
    calendar = icalendar.Calendar.from_ical(ics_bytes(*args))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Write notes", "Thank them"]


def test_it_runs_from_any_folder(tmp_path):
    result = followup("--interviewed", "2026-11-18", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["items"]


def test_ics_parses_and_each_event_falls_on_its_items_due_date():
    args = ("--interviewed", "2026-11-16", "--today", "2026-11-22", "--decision-within", "7d",
            "--interviewer", "Zoë Ünal; \"CTO\", Acme\\Labs")
    items = plan_json(*args)["items"]
    raw = ics_bytes(*args)
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    dated = [i for i in items if i["due"] and i["state"] != "missed"]
    assert len(events) == len(dated) and dated
    for event, item in zip(events, dated):
        # a late item is on today's date, so that its reminder still rings
        assert event.decoded("DTSTART") == max(date.fromisoformat(item["due"]), date(2026, 11, 22))
        assert str(event["SUMMARY"]) == item["title"]
        assert list(event.walk("VALARM"))
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == len(uids)
    again = icalendar.Calendar.from_ical(ics_bytes(*args))
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == uids


@pytest.mark.parametrize("args, message", [
    (["--interviewed", "2026-02-30"],
     "followup plan: --interviewed '2026-02-30': is not a real date (use YYYY-MM-DD)"),
    (["--interviewed", "2026-11-18", "--decision-by", "2026-11-01"],
     "followup plan: --decision-by '2026-11-01': is before the interview (2026-11-18)"),
    (["--interviewed", "2026-11-18", "--rejected-on", "2026-11-17"],
     "followup plan: --rejected-on '2026-11-17': is before the interview (2026-11-18)"),
    (["--interviewed", "2026-11-18", "--rejected-on", "9999-12-31"],
     "followup plan: --rejected-on '9999-12-31': must be between the years 1900 and 9000"),
    (["--interviewed", "2026-11-18", "--call-back-within", "400d"],
     "followup plan: --call-back-within '400d': must be between 1 day and a year"),
    (["--interviewed", "2026-11-18", "--decision-within", "0w"],
     "followup plan: --decision-within '0w': must be between 1 day and a year"),
    (["--interviewed", "2026-11-18", "--choose", "note-medium=fax"],
     "followup plan: --choose 'note-medium=fax': is not a position "
     "(known: email, handwritten, printed, email-then-paper, it-depends)"),
    (["--interviewed", "2026-11-18", "--choose", "note-medium"],
     "followup plan: --choose 'note-medium': must be DISAGREEMENT=POSITION"),
    (["--interviewed", "2026-11-18", "--holiday", "someday"],
     "followup plan: --holiday 'someday': is not a real date (use YYYY-MM-DD)"),
    (["--interviewed", "2026-11-18", "--today", "2026-11-31"],
     "followup plan: --today '2026-11-31': is not a real date (use YYYY-MM-DD)"),
    (["--interviewed", "2026-11-18", "--today", "9999-12-31", "--format", "ics"],
     "followup plan: --today '9999-12-31': must be between the years 1900 and 9000"),
    (["--interviewed", "2026-11-18", "--today", "0001-01-01"],
     "followup plan: --today '0001-01-01': must be between the years 1900 and 9000"),
    (["--interviewed", "2026-11-18"] + ["--interviewer", "Ana"] * 21,
     "followup plan: --interviewer: given 21 times; at most 20 names"),
    (["--interviewed", "2026-11-18", "--format", "xml"],
     "followup plan: argument --format: invalid choice: 'xml' (choose from 'text', 'json', 'ics')"),
    ([], "followup plan: the following arguments are required: --interviewed"),
])
def test_bad_input_exits_2_with_one_line_naming_flag_and_value(args, message):
    result = followup(*args)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", message + "\n")
