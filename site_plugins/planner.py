"""The follow-up planner: rules + a reader's situation + today -> a dated, sourced plan.

Pure and dependency-free. The same file runs under CPython (build time, `followup plan`)
and under PyScript's MicroPython in the browser, so it keeps to what both support: no
strftime, str.ljust/zfill/title, dataclasses, typing, `{**d}` or regex named groups.
Timings, conditions, texts and sources all come from the rule data; this module only
knows how to apply them.
"""
from datetime import date, timedelta

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MAX_DAYS = 365
FIRST_YEAR, LAST_YEAR = 1900, 9000  # far enough from date's limits for any offset we add
RECIPIENT_WORDS = {"self": "you", "interviewers": "the interviewers", "hr": "HR",
                   "hiring-contact": "the hiring contact"}
CHANNEL_WORDS = {"email": "by email", "phone": "by phone", "handwritten": "as a handwritten card",
                 "printed": "as a printed letter", "post": "by post", "linkedin": "on LinkedIn",
                 "in-person": "in person"}
ANCHOR_WORDS = {"interview": "the interview", "decision": "the stated decision date",
                "call-back": "the call-back date you were given",
                "rejection": "the rejection"}


class PlanError(Exception):
    """The situation is not usable; `problems` lists (field, value, message)."""

    def __init__(self, problems):
        super().__init__("; ".join(p[0] + " " + str(p[1]) + ": " + p[2] for p in problems))
        self.problems = problems


# --- dates ------------------------------------------------------------------------

def parse_date(text):
    """A real calendar date from 'YYYY-MM-DD', or None."""
    if not isinstance(text, str) or len(text) != 10 or text[4] != "-" or text[7] != "-":
        return None
    parts = (text[0:4], text[5:7], text[8:10])
    if not all(part.isdigit() for part in parts):
        return None
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def iso(day):
    return "%04d-%02d-%02d" % (day.year, day.month, day.day)


def format_date(day):
    """'Mon 24 Nov 2026'."""
    return "%s %d %s %d" % (DAY_NAMES[day.weekday()], day.day, MONTH_NAMES[day.month - 1],
                            day.year)


def relative_label(day, today):
    """'today', 'tomorrow', 'yesterday', or 'Mon 24 Nov' (with the year if not this one)."""
    gap = (day - today).days
    if gap in (-1, 0, 1):
        return ("yesterday", "today", "tomorrow")[gap + 1]
    label = "%s %d %s" % (DAY_NAMES[day.weekday()], day.day, MONTH_NAMES[day.month - 1])
    return label if day.year == today.year else label + " " + str(day.year)


def day_heading(day, today, overdue=False):
    """'Mon 24 Nov 2026', with '(today)', '(tomorrow)' or '(yesterday)', and 'overdue'."""
    notes = []
    label = relative_label(day, today)
    if label in ("yesterday", "today", "tomorrow"):
        notes.append(label)
    if overdue:
        notes.append("overdue")
    return format_date(day) + (" (" + ", ".join(notes) + ")" if notes else "")


def parse_span(text):
    """'10d' or '2w' -> days, or None if it is not N days/weeks."""
    if not isinstance(text, str) or len(text) < 2 or text[-1] not in "dw":
        return None
    number = text[:-1]
    if not number.isdigit():
        return None
    return int(number) * (7 if text[-1] == "w" else 1)


def describe_timing(timing, rules):
    """Plain words for a rule timing, e.g. 'within 2 hours of the interview'."""
    anchor = ANCHOR_WORDS.get(timing["anchor"]) or _called(timing["anchor"], rules)
    if timing["hours"] is not None:
        return "within %d hours of %s" % (timing["hours"], anchor)
    days, latest = timing["days"], timing["latest"]
    if days == 0 and latest is None:
        return "on the day of " + anchor
    span = str(days) if latest is None else "%d to %d" % (days, latest)
    return "%s day%s after %s" % (span, "" if span == "1" else "s", anchor)


def _called(anchor, rules):
    """How a step or rule used as an anchor is named in words (its 'called' phrase)."""
    for entry in rules["steps"] + rules["rules"]:
        if entry["id"] == anchor:
            return entry.get("called") or anchor
    return anchor


# --- the situation ----------------------------------------------------------------

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


# --- the plan ---------------------------------------------------------------------

def plan(rules, situation, today):
    """The dated plan: {"items": [...], "warnings": [...]}; raises PlanError on bad input."""
    situation = normalise(situation)
    problems = check_situation(rules, situation)
    if problems:
        raise PlanError(problems)
    facts = _facts(situation)
    effects = _effects(rules, situation["choices"])
    items = []
    for rule in rules["rules"]:
        if rule["plan"] and _applies(rule, facts, effects):
            items += _items_for(rule, rules, situation, facts, effects, items)
    items = _give_way_to_rejection(items, rules, facts)
    for item in items:
        item["overdue"] = item["due"] is not None and parse_date(item["due"]) < today
    return {"items": _sorted(items, rules), "warnings": _warnings(facts, today)}


def _facts(situation):
    """The dates and yes/no facts that rules are conditioned on and anchored to."""
    interviewed = parse_date(situation["interviewed"])
    decision = _date_or_span(situation, "decision_by", "decision_within", interviewed)
    call_back = _date_or_span(situation, "call_back_on", "call_back_within", interviewed)
    rejected = parse_date(situation["rejected_on"] or "")
    return {
        "anchors": {"interview": interviewed, "decision": decision,
                    "call-back": call_back, "rejection": rejected},
        "conditions": {"timeline": "stated" if decision else "none",
                       "call_back": call_back is not None, "hr": bool(situation["hr"]),
                       "via_linkedin": bool(situation["via_linkedin"]),
                       "rejected": rejected is not None},
        "holidays": [parse_date(day) for day in situation["holidays"]],
        "interviewed": interviewed,
    }


def _date_or_span(situation, on_field, within_field, interviewed):
    if situation[on_field]:
        return parse_date(situation[on_field])
    if situation[within_field]:
        return interviewed + timedelta(days=parse_span(situation[within_field]))
    return None


def _effects(rules, choices):
    """What the chosen (or default) positions change, per rule id."""
    effects = {"timing": {}, "to": {}, "channel": {}, "include": [], "shaped_by": {},
               "sources": {}}
    for disagreement in rules["disagreements"]:
        chosen = choices.get(disagreement["id"], disagreement["default"])
        for position in disagreement["positions"]:
            if position["id"] == chosen:
                _add_effect(effects, disagreement, position)
    return effects


def touched_rules(effect):
    """The ids of the action rules a position's effect adds or changes."""
    touched = list(effect.get("include") or [])
    for aspect in ("timing", "to", "channel"):
        touched += [rule_id for rule_id in effect.get(aspect) or {} if rule_id not in touched]
    return touched


def _add_effect(effects, disagreement, position):
    effect = position["effect"]
    effects["include"] += list(effect.get("include") or [])
    for aspect in ("timing", "to", "channel"):
        for rule_id in effect.get(aspect) or {}:
            effects[aspect][rule_id] = effect[aspect][rule_id]
    for rule_id in touched_rules(effect):
        shaped = effects["shaped_by"].setdefault(rule_id, [])
        mark = {"disagreement": disagreement["id"], "position": position["id"]}
        if mark not in shaped:
            shaped.append(mark)
            effects["sources"].setdefault(rule_id, []).extend(position["sources"])


def _applies(rule, facts, effects):
    if rule["plan"].get("optional") and rule["id"] not in effects["include"]:
        return False
    for key in rule["when"]:
        if facts["conditions"][key] != rule["when"][key]:
            return False
    return True


def _items_for(rule, rules, situation, facts, effects, earlier):
    """The plan item(s) one action rule produces: one per interviewer where it says so."""
    plan_block = rule["plan"]
    timing = effects["timing"].get(rule["id"], plan_block.get("at"))
    dates = _dates(rule, timing, rules, facts, earlier) if timing else (None, None, None)
    if timing and dates[0] is None:
        return []  # what it counts from is not in this plan
    base = _base_item(rule, plan_block, timing, dates, rules, situation, effects)
    names = situation["interviewers"] if plan_block.get("per") == "interviewer" else []
    if not names:
        return [base]
    return [_for_person(base, name, _slug(name, i, names)) for i, name in enumerate(names)]


def _dates(rule, timing, rules, facts, earlier):
    """(due, latest, moved_from) for a rule, after the floor and working-day shift."""
    start = _anchor_date(timing["anchor"], facts, earlier)
    if start is None:
        return None, None, None
    due = start + timedelta(days=timing["days"])
    latest = start + timedelta(days=timing["latest"]) if timing["latest"] else None
    floor = rule["plan"].get("not_before")
    floor_day = _anchor_date(floor["anchor"], facts, earlier) if floor else None
    if floor_day is not None and floor_day + timedelta(days=floor["days"]) > due:
        due = floor_day + timedelta(days=floor["days"])
    moved_from, moves = None, _moves(rule, rules)
    if moves and not _working(due, facts):
        moved_from = due
        due = _next_working(due, facts)
    if latest is not None:
        latest = _next_working(latest, facts) if moves else latest
        latest = latest if latest > due else None
    return due, latest, moved_from


def _anchor_date(anchor, facts, earlier):
    """The date a timing counts from: a situation date, or an earlier step's or rule's item."""
    if anchor in facts["anchors"]:
        return facts["anchors"][anchor]
    for item in earlier:
        if item["due"] and (item["step"] == anchor or item["rule"] == anchor):
            return parse_date(item["due"])
    return None


def _moves(rule, rules):
    """Employer-facing actions move to a working day; your own tasks do not."""
    step = _step(rules, rule["step"])
    return rule["plan"]["to"] != "self" and not step["never_moves"]


def _working(day, facts):
    return day.weekday() < 5 and day not in facts["holidays"]


def _next_working(day, facts):
    while not _working(day, facts):
        day = day + timedelta(days=1)
    return day


def _step(rules, step_id):
    for step in rules["steps"]:
        if step["id"] == step_id:
            return step
    return None


def _base_item(rule, plan_block, timing, dates, rules, situation, effects):
    due, latest, moved_from = dates
    to = effects["to"].get(rule["id"], plan_block["to"])
    if to == "hr" and not situation["hr"]:
        to = plan_block["fallback_to"]
    return {
        "id": rule["id"], "rule": rule["id"], "step": rule["step"], "to": to,
        "channel": effects["channel"].get(rule["id"], plan_block.get("channel")),
        "due": iso(due) if due else None, "latest": iso(latest) if latest else None,
        "moved_from": iso(moved_from) if moved_from else None,
        "note": _moved_note(moved_from, due) if moved_from else None,
        "timing": describe_timing(timing, rules) if timing else "throughout your search",
        "title": rule["title"], "text": rule["text"], "name": None,
        "sources": _item_sources(rule, rules, effects),
        "shaped_by": effects["shaped_by"].get(rule["id"], []),
    }


def _moved_note(moved_from, due):
    reason = "a weekend" if moved_from.weekday() >= 5 else "a non-working day"
    return "Moved from %s (%s) to the next working day, %s." % (
        format_date(moved_from), reason, format_date(due))


def rule_sources(rule):
    """The sources a rule cites: its own, then its timing's, each once."""
    cited = list(rule["sources"])
    for source_id in (rule["plan"] or {}).get("timing_sources") or []:
        if source_id not in cited:
            cited.append(source_id)
    return cited


def _item_sources(rule, rules, effects):
    """The rule's sources, its timing's and its shaping positions', in registry order."""
    cited = rule_sources(rule) + effects["sources"].get(rule["id"], [])
    return [source["id"] for source in rules["sources"] if source["id"] in cited]


def _for_person(base, name, slug):
    item = dict(base)
    item["id"] = base["id"] + ":" + slug
    item["name"] = name
    item["title"] = base["title"] + ": " + name
    return item


def _slug(name, index, names):
    """A stable id part for a person: ASCII letters and digits, '-' between words."""
    slug, gap = "", False
    for char in name.lower():
        if ("a" <= char <= "z") or ("0" <= char <= "9"):
            slug += ("-" if gap and slug else "") + char
            gap = False
        else:
            gap = True
    if not slug:
        slug = "-".join("%x" % ord(char) for char in name)
    same_before = [n for n in names[:index] if n == name]
    return slug if not same_before else slug + "-" + str(len(same_before) + 1)


def _give_way_to_rejection(items, rules, facts):
    """From the rejection date on, waiting and checking give way to the rejection steps."""
    rejected = facts["anchors"]["rejection"]
    if rejected is None:
        return items
    ends = [step["id"] for step in rules["steps"] if step.get("until_rejected")]
    return [item for item in items if not (
        item["step"] in ends and item["due"] and parse_date(item["due"]) >= rejected)]


def _sorted(items, rules):
    """Date order, undated last; ties by step, rule, then the order the items were made
    (MicroPython's sort is not stable, so that order is part of the key)."""
    step_order = [step["id"] for step in rules["steps"]]
    rule_order = [rule["id"] for rule in rules["rules"]]
    keyed = [((item["due"] is None, item["due"] or "", step_order.index(item["step"]),
               rule_order.index(item["rule"]), index), item) for index, item in enumerate(items)]
    return [pair[1] for pair in sorted(keyed, key=lambda pair: pair[0])]


def _warnings(facts, today):
    interviewed = facts["interviewed"]
    if interviewed > today:
        return ["The interview date %s is after today (%s): this plans ahead."
                % (iso(interviewed), iso(today))]
    return []


# --- calendar file ----------------------------------------------------------------

def to_ics(result, situation, today):
    """An RFC 5545 calendar: one all-day event with a reminder per dated item."""
    stamp = "%04d%02d%02dT000000Z" % (today.year, today.month, today.day)
    interviewed = normalise(situation)["interviewed"]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//interview-followup//planner//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Interview follow-up"]
    for item in result["items"]:
        if item["due"]:
            lines += _event(item, stamp, interviewed)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _event(item, stamp, interviewed):
    day = parse_date(item["due"])
    description = item["text"] + "\n\nWhen: " + item["timing"] + "\nSources: " + \
        ", ".join(item["sources"])
    if item["note"]:
        description += "\n" + item["note"]
    return ["BEGIN:VEVENT",
            "UID:" + _escape(item["id"]) + "-" + interviewed + "@interview-followup",
            "DTSTAMP:" + stamp,
            "DTSTART;VALUE=DATE:" + iso(day).replace("-", ""),
            "DTEND;VALUE=DATE:" + iso(day + timedelta(days=1)).replace("-", ""),
            "SUMMARY:" + _escape(item["title"]),
            "DESCRIPTION:" + _escape(description),
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + _escape(item["title"]),
            "TRIGGER:PT9H", "END:VALARM",
            "END:VEVENT"]


def _escape(text):
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _fold(line):
    """Split a content line into 75-octet pieces without breaking a UTF-8 character."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not pieces else 74):
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)
