"""The checklist form's answers: defaults, conversion to a planner situation, and
checking saved, imported or shared state. MicroPython-safe; never raises on bad data.

Answers are what the form holds, one key per control, so they can be saved, exported
and put in a share link as they are. Ticks are kept by stable item id.
"""
VERSION = 1
STORAGE_KEY = "interview-followup:v1"
TEXT_FIELDS = ("interviewed", "timeline", "decision_by", "decision_n", "decision_unit",
               "call_back", "call_back_on", "call_back_n", "call_back_unit", "interviewers",
               "role", "company", "me", "outcome", "rejected_on", "holidays")
FLAG_FIELDS = ("hr", "via_linkedin")
CHOICES = {"timeline": ("none", "by", "within"), "call_back": ("none", "on", "within"),
           "decision_unit": ("d", "w"), "call_back_unit": ("d", "w"),
           "outcome": ("pending", "rejected")}
MAX_TEXT = 2000


def default_answers(today_iso):
    answers = {}
    for key in TEXT_FIELDS:
        answers[key] = ""
    answers.update({"interviewed": today_iso, "timeline": "none", "decision_n": "7",
                    "decision_unit": "d", "call_back": "none", "call_back_n": "3",
                    "call_back_unit": "d", "outcome": "pending", "hr": True,
                    "via_linkedin": False, "choices": {}})
    return answers


def situation(answers):
    """(planner situation, problems) where problems are (field, value, message) found
    before the planner sees the answers (e.g. a count that is not a whole number)."""
    problems = []
    result = {"interviewed": answers["interviewed"], "hr": answers["hr"],
              "via_linkedin": answers["via_linkedin"],
              "interviewers": [n for n in answers["interviewers"].split("\n") if n.strip()],
              "choices": answers["choices"], "holidays": _dates(answers["holidays"])}
    if answers["timeline"] == "by":
        result["decision_by"] = answers["decision_by"]
    elif answers["timeline"] == "within":
        result["decision_within"] = _span(answers, "decision", problems)
    if answers["call_back"] == "on":
        result["call_back_on"] = answers["call_back_on"]
    elif answers["call_back"] == "within":
        result["call_back_within"] = _span(answers, "call_back", problems)
    if answers["outcome"] == "rejected":
        result["rejected_on"] = answers["rejected_on"]
        if not answers["rejected_on"]:
            problems.append(("rejected_on", "", "is required when you were turned down"))
    return result, problems


def _span(answers, prefix, problems):
    count = answers[prefix + "_n"].strip()
    if not count.isdigit():
        problems.append((prefix + "_within", count, "must be a whole number"))
        return None
    return count + answers[prefix + "_unit"]


def _dates(text):
    return [part for part in text.replace(",", " ").split() if part]


def checked_state(data, today_iso):
    """(answers, ticked, problem) from parsed JSON of unknown origin.

    Anything missing or of the wrong type falls back to its default; `problem` says what
    was wrong when the data could not be used at all (then answers are the defaults)."""
    answers = default_answers(today_iso)
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        return answers, [], "it is not a saved checklist"
    if data.get("version") != VERSION:
        return answers, [], "it was saved by a different version of the checklist"
    given = data["answers"]
    for key in TEXT_FIELDS:
        value = given.get(key)
        if isinstance(value, str) and len(value) <= MAX_TEXT and (
                key not in CHOICES or value in CHOICES[key]):
            answers[key] = value
    for key in FLAG_FIELDS:
        if isinstance(given.get(key), bool):
            answers[key] = given[key]
    choices = given.get("choices")
    if isinstance(choices, dict):
        answers["choices"] = dict((k, v) for k, v in choices.items()
                                  if isinstance(k, str) and isinstance(v, str))
    ticked = data.get("ticked")
    ticked = [t for t in ticked if isinstance(t, str)] if isinstance(ticked, list) else []
    return answers, ticked, None


def saved(answers, ticked):
    return {"version": VERSION, "answers": answers, "ticked": list(ticked)}
