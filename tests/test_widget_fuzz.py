"""Fuzzing the widget's inputs: random text, dates, numbers and imported JSON never cause
an uncaught error, and the saved state is always a usable checklist."""
import json
import random

import pytest

from site_plugins.browser import dates, planner, state
from test_widget import RULES, open_checklist, records, shown_plan

pytestmark = pytest.mark.browser
TEXT_FIELDS = ["fu-interviewers", "fu-role", "fu-company", "fu-me", "fu-holidays"]
DATE_FIELDS = ["fu-interviewed", "fu-decision-by", "fu-call-back-on", "fu-outcome-on"]
NUMBER_FIELDS = ["fu-decision-n", "fu-call-back-n"]
SELECTS = {"fu-timeline": ["none", "by", "within"], "fu-call-back": ["none", "on", "within"],
           "fu-outcome": ["waiting", "rejected", "offer", "next-round"],
           "fu-decision-unit": ["d", "w"]}
ODD = ["", " ", "0", "-1", "1e309", "99999999999999999999", "NaN", "0000-00-00", "2026-02-29",
       "2028-02-29", "9999-12-31", "2026-13-01", "١٢", "\u202e", "\x00", "😀" * 50, "a" * 3000,
       '{"version": 1}', "</textarea><script>window.__pwned=1</script>", "%00%ZZ", "\\u0000"]


def random_text(rng):
    if rng.random() < 0.5:
        return rng.choice(ODD)
    return "".join(chr(rng.choice([rng.randint(32, 126), rng.randint(0x80, 0x2FFF)]))
                   for _ in range(rng.randint(0, 40)))


def random_value(rng, field):
    if field in DATE_FIELDS and rng.random() < 0.6:
        return "%04d-%02d-%02d" % (rng.randint(2020, 2030), rng.randint(1, 12), rng.randint(1, 28))
    if field in NUMBER_FIELDS and rng.random() < 0.6:
        return str(rng.randint(-5, 400))
    return random_text(rng)


def stored_state_is_usable(page):
    """Every saved interview reads back whole, and its last valid answers make a plan."""
    for saved in records(page):
        record, problems = state.checked_record(saved, saved["id"], "2026-11-18", RULES)
        assert problems == []
        situation, problems = state.situation(record["valid"])
        assert problems == []
        planner.plan(RULES, situation, dates.parse_date("2026-11-18"))  # raises if not usable


def set_and_change(page, field, value):
    page.evaluate("""([id, value]) => { const el = document.getElementById(id);
        el.value = value; el.dispatchEvent(new Event('input', {bubbles: true})); }""", [field, value])


def test_random_input_never_breaks_the_page_or_the_saved_state(page, site_url):
    rng = random.Random(2026)
    open_checklist(page, site_url, today="2026-11-18")
    for _ in range(150):
        if rng.random() < 0.25:
            field = rng.choice(sorted(SELECTS))
            value = rng.choice(SELECTS[field])
        else:
            field = rng.choice(TEXT_FIELDS + DATE_FIELDS + NUMBER_FIELDS)
            value = random_value(rng, field)
        set_and_change(page, field, value)
        assert page.log.errors == [], (field, value)
        stored_state_is_usable(page)
        assert shown_plan(page)
    assert page.evaluate("window.__pwned") is None


def test_random_imports_never_lose_the_saved_state(page, site_url, tmp_path):
    rng = random.Random(11)
    open_checklist(page, site_url, today="2026-11-18")
    page.fill("#fu-company", "Kept Ltd")
    candidates = ["", "null", "[]", "{}", '{"version": 2}', '{"version": 2, "interviews": 5}',
                  '{"version": 2, "interviews": [{"answers": {"interviewed": "2026-02-30"}}]}',
                  '{"version": 2, "interviews": [{"answers": {"timeline": "within", '
                  '"decision_n": "0"}}]}', "[" * 5000 + "]" * 5000,
                  '{"version": 1, "answers": {"interviewers": 7}}x']
    candidates += [json.dumps({"version": 2, "interviews": [{"id": rng.choice(["a", 5, None]),
                                                            "answers": {rng.choice(
                                                                state.TEXT_FIELDS): random_text(rng)}}]})
                   for _ in range(10)]
    for number, text in enumerate(candidates):
        path = tmp_path / f"import-{number}.json"
        path.write_text(text, encoding="utf-8")
        page.set_input_files("#fu-import", str(path))
        page.wait_for_function("document.getElementById('fu-import').value === ''")
        assert page.log.errors == [], text[:80]
        stored_state_is_usable(page)
        assert "Kept Ltd" in [r["answers"]["company"] for r in records(page)]
