"""A reader's situation: what they told us about one interview, normalised and checked."""
from .dates import FIRST_YEAR, LAST_YEAR, MAX_DAYS, iso, parse_date, parse_span


class PlanError(Exception):
    """The situation is not usable; `problems` lists (field, value, message)."""

    def __init__(self, problems):
        super().__init__("; ".join(p[0] + " " + str(p[1]) + ": " + p[2] for p in problems))
        self.problems = problems


def normalise(situation):
    """The situation with every optional field present, names trimmed."""
    result = {"interviewed": None, "decision_by": None, "decision_within": None,
              "call_back_on": None, "call_back_within": None, "hr": True,
              "via_linkedin": False, "interviewers": [], "rejected_on": None,
              "choices": {}, "holidays": []}
    for key in situation:
        result[key] = situation[key]
    names = [str(name).strip() for name in result["interviewers"] or []]
    result["interviewers"] = [name for name in names if name]
    result["holidays"] = list(result["holidays"] or [])
    result["choices"] = dict(result["choices"] or {})
    return result


def check_situation(rules, situation):
    """Every problem with the situation, as (field, value, message)."""
    problems = []
    interviewed = _check_date(situation, "interviewed", problems, required=True)
    for field in ("decision_by", "call_back_on", "rejected_on"):
        day = _check_date(situation, field, problems)
        if day and interviewed and day < interviewed:
            problems.append((field, situation[field], "is before the interview (%s)"
                             % iso(interviewed)))
        elif day and interviewed and (day - interviewed).days > MAX_DAYS:
            problems.append((field, situation[field], "is more than a year after the interview"))
    for field in ("decision_within", "call_back_within"):
        _check_span(situation, field, problems)
    _check_exclusive(situation, "decision_by", "decision_within", problems)
    _check_exclusive(situation, "call_back_on", "call_back_within", problems)
    for holiday in situation["holidays"]:
        if parse_date(holiday) is None:
            problems.append(("holidays", holiday, "is not a real date (use YYYY-MM-DD)"))
    if len(situation["holidays"]) > MAX_DAYS:
        problems.append(("holidays", len(situation["holidays"]), "at most %d dates" % MAX_DAYS))
    return problems + _check_choices(rules, situation["choices"])


def _check_date(situation, field, problems, required=False):
    value = situation[field]
    if value in (None, ""):
        if required:
            problems.append((field, "", "is required (use YYYY-MM-DD)"))
        return None
    day = parse_date(value)
    if day is None:
        problems.append((field, value, "is not a real date (use YYYY-MM-DD)"))
    elif not FIRST_YEAR <= day.year <= LAST_YEAR:
        problems.append((field, value, "must be between the years %d and %d"
                         % (FIRST_YEAR, LAST_YEAR)))
        return None
    return day


def _check_span(situation, field, problems):
    value = situation[field]
    if value in (None, ""):
        return
    days = parse_span(value)
    if days is None:
        problems.append((field, value, "must be a number of days or weeks, like 10d or 2w"))
    elif days < 1 or days > MAX_DAYS:
        problems.append((field, value, "must be between 1 day and a year"))


def _check_exclusive(situation, first, second, problems):
    if situation[first] not in (None, "") and situation[second] not in (None, ""):
        problems.append((second, situation[second], "cannot be given together with " + first))


def _check_choices(rules, choices):
    problems = []
    disagreements = {}
    for disagreement in rules["disagreements"]:
        disagreements[disagreement["id"]] = [p["id"] for p in disagreement["positions"]]
    for key in choices:
        if key not in disagreements:
            problems.append(("choices", key, "is not a disagreement (known: "
                             + ", ".join(disagreements) + ")"))
        elif choices[key] not in disagreements[key]:
            problems.append(("choices", key + "=" + str(choices[key]),
                             "is not a position (known: " + ", ".join(disagreements[key]) + ")"))
    return problems
