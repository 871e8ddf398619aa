"""The follow-up planner: rules + a reader's situation + today -> a dated, sourced plan.

Pure and dependency-free, and the same file in the browser (see the package's docstring).
Timings, conditions, texts and sources all come from the rule data; this module only
knows how to apply them.
"""
from datetime import timedelta

from .dates import format_date, iso, parse_date, parse_span
from .situation import PlanError, check_situation, normalise
from .words import describe_timing


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
