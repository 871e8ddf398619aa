"""What the parity test compares: every output of the browser package for one case.
This file runs under CPython (tests/test_planner_micropython.py imports it) and, as it
is, under MicroPython (the test copies it beside the .mpy package), so it keeps to what
both support."""


def plan_outputs(modules, rules, case):
    """The plan, calendar file, page markup, text and drafts for one situation."""
    dates, planner, ics, planview, drafts = (modules["dates"], modules["planner"],
                                             modules["ics"], modules["planview"],
                                             modules["drafts"])
    today = dates.parse_date(case["today"])
    try:
        result = planner.plan(rules, case["situation"], today)
    except planner.PlanError as error:
        return {"error": [list(problem) for problem in error.problems]}
    answers = {"role": case["situation"].get("role") or "", "me": "Sam",
               "company": case["situation"].get("company") or "",
               "interviewed": case["situation"]["interviewed"]}
    done = planner.with_done(result, {result["items"][0]["id"]: case["today"]})
    merged = planner.merged([("a", "Acme", done), ("b", "Beta", result)])
    return {"plan": result, "ics": ics.to_ics(result, rules, today),
            "html": planview.plan_html(result, rules, today),
            "all": planview.plan_html(merged, rules, today),
            "text": planview.plan_text(result, today),
            "next": planview.next_words(result, today),
            "drafts": drafts.drafts(answers, result, today)}


def state_outputs(modules, rules, case):
    """What the checklist keeps: a saved record checked field by field, answers turned
    into a situation, and a share link's fragment decoded."""
    state = modules["state"]
    record = state.checked_record(case["record"], "i1", "2026-11-18", rules)
    answers = record[0]["answers"] if record[0] else state.default_answers("2026-11-18")
    return {"record": list(record), "situation": list(state.situation(answers, "i1")),
            "fragment": list(state.percent_decoded(case["fragment"], 2000)),
            "encoded": state.percent_encoded(case["fragment"])}
