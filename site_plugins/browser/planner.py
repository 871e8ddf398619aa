"""The follow-up planner: rules + a reader's situation + today -> a dated, sourced plan.

Pure and dependency-free, and the same file in the browser (see the package's docstring).
Timings, conditions, texts and sources all come from the rule data; this module only
knows how to apply them.
"""
from datetime import timedelta

from .dates import format_date, iso, parse_date, parse_span
from .answers import dropped_entry, end_with_answers
from .citations import item_cites, source_ids
from .situation import ANSWERS, PlanError, check_situation, normalise
from .words import describe_timing



def plan(rules, situation, today):
    """The dated plan for one interview; raises PlanError on bad input.

    {"interview": {...}, "items": [...], "dropped": [...], "next": item id or None,
     "choices": {disagreement: the position used, chosen or default}, "warnings": [...]}"""
    situation = normalise(situation)
    problems = check_situation(rules, situation)
    if problems:
        raise PlanError(problems)
    effects = _effects(rules, situation["choices"])
    items, dropped = [], []
    for facts in _rounds(situation):
        made, excluded = _round_items(rules, situation, facts, effects)
        items += made
        dropped += excluded
    items, ended = end_with_answers(items, rules, situation)
    for item in items:
        item["state"] = _state(item, today)
    items = _sorted(items, rules)
    upcoming = next_item(items)
    return {"interview": _interview(situation), "items": items, "dropped": dropped + ended,
            "next": upcoming["id"] if upcoming else None,
            "choices": dict((d["id"], situation["choices"].get(d["id"], d["default"]))
                            for d in rules["disagreements"]),
            "warnings": _warnings(situation, today) + _unknown_holidays(situation, items)}


def next_item(items):
    """What to do next: the first item due today, else the first overdue one still worth
    doing, else the next upcoming one (done items never are). (What falls due today comes
    before an older task that can still wait a little.)"""
    for states in (("today",), ("overdue",), ("upcoming",)):
        for item in items:
            if item["state"] in states:
                return item
    return None


def with_done(result, done):
    """The plan with the reader's ticks: `done` maps an item's `tick_key` to the day it
    was ticked ('' when not known). A ticked item is done (state "done", its day in
    "done_on") whatever its dates say: never due, overdue or missed, and never next."""
    items = [dict(item, state="done", done_on=done[tick_key(item)])
             if tick_key(item) in done else item for item in result["items"]]
    upcoming = next_item(items)
    return dict(result, items=items, next=upcoming["id"] if upcoming else None)


def steps_to_do(items):
    """What is still to do: neither done nor missed (undated steps included)."""
    return [item for item in items if item["state"] in ("today", "overdue", "upcoming",
                                                        "ongoing")]


def tick_key(item):
    """How a reader's tick names an item: its id, and in a merged plan its interview."""
    return (item["interview"] + "~" if item.get("interview") else "") + item["id"]


def merged(plans):
    """Several interviews' plans as one, in date order: `plans` is [(interview id,
    employer words, plan)]; each item and dropped entry says which interview it is of."""
    items, dropped = [], []
    for interview_id, employer, result in plans:
        items += [dict(item, interview=interview_id, employer=employer)
                  for item in result["items"]]
        dropped += [dict(entry, interview=interview_id, employer=employer)
                    for entry in result["dropped"]]
    keyed = [((item["due"] is None, item["due"] or "", index), item)
             for index, item in enumerate(items)]
    return {"items": [pair[1] for pair in sorted(keyed, key=lambda pair: pair[0])],
            "dropped": dropped, "warnings": []}


# --- the situation as facts, round by round ----------------------------------------

def _rounds(situation):
    """The facts of each interview round: the one given, and the next one when the reader
    was invited to another round (planned as if nothing was said about its timeline)."""
    first = parse_date(situation["interviewed"])
    answer = _answer(situation)
    following = parse_date(situation["next_interview"] or "")
    rounds = [_facts(situation, 1, first, "next-round" if following else answer)]
    if following:
        rounds.append(_facts(situation, 2, following, answer, first_round=False))
    return rounds


def _answer(situation):
    """The employer's final answer, as a `when: outcome` value."""
    for field, outcome, _, _ in ANSWERS[:2]:
        if situation[field]:
            return outcome
    return "waiting"


def _facts(situation, number, interviewed, outcome, first_round=True):
    """The dates and yes/no facts that rules are conditioned on and anchored to."""
    decision = _date_or_span(situation, "decision_by", "decision_within", interviewed)
    call_back = _date_or_span(situation, "call_back_on", "call_back_within", interviewed)
    if not first_round:
        decision = call_back = None
    anchors = {"interview": interviewed, "decision": decision, "call-back": call_back}
    for field, _, anchor, _ in ANSWERS:
        anchors[anchor] = parse_date(situation[field] or "")
    return {"round": number, "anchors": anchors, "interviewed": interviewed,
            "conditions": {"timeline": "stated" if decision else "none",
                           "call_back": call_back is not None, "hr": bool(situation["hr"]),
                           "via_linkedin": bool(situation["via_linkedin"]),
                           "outcome": outcome},
            "names": situation["interviewers"] if first_round else [],
            "holidays": [parse_date(day) for day in situation["holidays"]],
            "public": [parse_date(day) for day in situation["public_holidays"]],
            "weekend": situation["weekend"]}


def _date_or_span(situation, on_field, within_field, interviewed):
    if situation[on_field]:
        return parse_date(situation[on_field])
    if situation[within_field]:
        return interviewed + timedelta(days=parse_span(situation[within_field]))
    return None


def _interview(situation):
    """Who and when, and a key that tells this interview apart in calendar files: the
    page's own id for an interview when it has one (so renaming the employer updates the
    events instead of adding new ones), else a hash of employer, role and date in full
    (any two that differ in any character get different keys)."""
    key = "i-" + situation["ref"] if situation["ref"] else "h-" + text_hash(
        "\n".join([situation["company"].lower(), situation["role"].lower(),
                   situation["interviewed"]]))
    return {"interviewed": situation["interviewed"], "company": situation["company"],
            "role": situation["role"], "key": key}


def text_hash(text):
    """FNV-1a (64 bits) of the text's UTF-8, as 16 hex digits: the same under CPython and
    MicroPython, where hashlib may be missing."""
    value = 0xcbf29ce484222325
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x100000001b3) & 0xffffffffffffffff
    return "%016x" % value


# --- what the chosen positions change ------------------------------------------------

def _effects(rules, choices):
    """What the chosen (or default) positions change, per rule id."""
    effects = {"timing": {}, "to": {}, "channel": {}, "include": [], "exclude": {},
               "shaped_by": {}, "cites": {}}
    for disagreement in rules["disagreements"]:
        chosen = choices.get(disagreement["id"], disagreement["default"])
        for position in disagreement["positions"]:
            if position["id"] == chosen:
                _add_effect(effects, disagreement, position, disagreement["id"] in choices)
    return effects


def touched_rules(effect):
    """The ids of the action rules a position's effect adds, drops or changes."""
    touched = list(effect.get("include") or []) + list(effect.get("exclude") or [])
    for aspect in ("timing", "to", "channel"):
        touched += [rule_id for rule_id in effect.get(aspect) or {} if rule_id not in touched]
    return touched


def _add_effect(effects, disagreement, position, chosen):
    effect = position["effect"]
    effects["include"] += list(effect.get("include") or [])
    said = ("You chose \u201c%s\u201d for \u201c%s\u201d." if chosen else
            "The guide's default for \u201c%s\u201d is \u201c%s\u201d.")
    for rule_id in effect.get("exclude") or []:
        effects["exclude"][rule_id] = said % ((position["label"], disagreement["question"])
                                              if chosen else (disagreement["question"],
                                                              position["label"]))
    for aspect in ("timing", "to", "channel"):
        for rule_id in effect.get(aspect) or {}:
            effects[aspect][rule_id] = effect[aspect][rule_id]
            effects["cites"][(rule_id, aspect)] = position["sources"]
    for rule_id in touched_rules(effect):
        effects["shaped_by"].setdefault(rule_id, []).append(
            {"disagreement": disagreement["id"], "position": position["id"]})


def _applies(rule, facts, effects):
    if rule["plan"].get("optional") and rule["id"] not in effects["include"]:
        return False
    for key in rule["when"]:
        if facts["conditions"][key] != rule["when"][key]:
            return False
    return True


# --- items -------------------------------------------------------------------------------

def _round_items(rules, situation, facts, effects):
    """(items, dropped) for one round: every action rule that applies to it."""
    items, dropped = [], []
    for rule in rules["rules"]:
        if not rule["plan"] or not _applies(rule, facts, effects):
            continue
        if facts["round"] > 1 and not rule["plan"].get("at"):
            continue  # what runs throughout the search is planned once
        made = _items_for(rule, rules, situation, facts, effects, items)
        if rule["id"] in effects["exclude"]:
            dropped += [dropped_entry(item, effects["exclude"][rule["id"]]) for item in made]
        else:
            items += made
    return items, dropped


def _items_for(rule, rules, situation, facts, effects, earlier):
    """The plan item(s) one action rule produces: one per interviewer where it says so."""
    plan_block = rule["plan"]
    timing = effects["timing"].get(rule["id"], plan_block.get("at"))
    dates = _dates(rule, timing, rules, facts, earlier) if timing else (None, None, None, False)
    if timing and dates[0] is None:
        return []  # what it counts from is not in this plan
    base = _base_item(rule, timing, dates, rules, situation, facts, effects)
    names = facts["names"] if plan_block.get("per") == "interviewer" else []
    if not names:
        return [base]
    return [_for_person(base, name, slug) for name, slug in zip(names, person_slugs(names))]


def _dates(rule, timing, rules, facts, earlier):
    """(due, latest, moved_from, floored) after the floor and the working-day shift."""
    start = _anchor_date(timing["anchor"], facts, earlier)
    if start is None:
        return None, None, None, False
    # Nothing is planned before the interview it follows, even "two days before the
    # next round" when that round comes sooner.
    due = max(start + timedelta(days=timing["days"]), facts["interviewed"])
    latest = start + timedelta(days=timing["latest"]) if timing["latest"] else None
    floor = rule["plan"].get("not_before")
    floor_start = _anchor_date(floor["anchor"], facts, earlier) if floor else None
    floored = floor_start is not None and floor_start + timedelta(days=floor["days"]) > due
    if floored:
        due = floor_start + timedelta(days=floor["days"])
        latest = None
    moved_from, moves = None, _moves(rule, rules)
    if moves and not _working(due, facts):
        moved_from = due
        due = _next_working(due, facts)
    if latest is not None:
        latest = _next_working(latest, facts) if moves else latest
        latest = latest if latest > due else None
    return due, latest, moved_from, floored


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
    return rule["plan"]["to"] != "self" and not _step(rules, rule["step"])["never_moves"]


def _working(day, facts):
    return (day.weekday() not in facts["weekend"] and day not in facts["holidays"]
            and day not in facts["public"])


def _next_working(day, facts):
    while not _working(day, facts):
        day = day + timedelta(days=1)
    return day


def _step(rules, step_id):
    for step in rules["steps"]:
        if step["id"] == step_id:
            return step
    return None


def _base_item(rule, timing, dates, rules, situation, facts, effects):
    due, latest, moved_from, floored = dates
    plan_block = rule["plan"]
    to = effects["to"].get(rule["id"], plan_block["to"])
    if to == "hr" and not situation["hr"]:
        to = plan_block["fallback_to"]
    channel = effects["channel"].get(rule["id"], plan_block.get("channel"))
    said = rule["plan"]["not_before"] if floored else timing
    prefix = "" if facts["round"] == 1 else "round%d:" % facts["round"]
    cites, own = item_cites(rule, effects, {"timing": timing, "to": to != "self",
                                        "channel": channel, "useful": due,
                                        "floored": floored})
    return {
        "id": prefix + rule["id"], "rule": rule["id"], "step": rule["step"],
        "round": facts["round"], "interview_date": iso(facts["interviewed"]),
        "to": to, "channel": channel,
        "due": iso(due) if due else None, "latest": iso(latest) if latest else None,
        "moved_from": iso(moved_from) if moved_from else None,
        "useful_until": _useful_until(plan_block, due, latest), "ended": None,
        "note": _moved_note(moved_from, due, facts) if moved_from else None,
        "timing": describe_timing(said, rules) if timing else "throughout your search",
        "title": ("" if facts["round"] == 1 else "Round %d: " % facts["round"]) + rule["title"],
        "text": rule["text"], "name": None, "cites": cites, "own": own,
        "sources": source_ids(cites, rules),
        "shaped_by": effects["shaped_by"].get(rule["id"], []),
    }


def _useful_until(plan_block, due, latest):
    """The last day the item still helps (None: any time), counted from its last due day."""
    days = plan_block.get("useful_for")
    if due is None or days is None or days == "any-time":
        return None
    return iso((latest or due) + timedelta(days=days))


def _moved_note(moved_from, due, facts):
    """Why an item moved: a weekend, a public holiday of the reader's country, or a day
    off they gave."""
    reason = "a weekend" if moved_from.weekday() in facts["weekend"] else (
        "a public holiday" if moved_from in facts["public"] else "a non-working day")
    return "Moved from %s (%s) to the next working day, %s." % (
        format_date(moved_from), reason, format_date(due))


def _for_person(base, name, slug):
    item = dict(base)
    item["id"] = base["id"] + ":" + slug
    item["name"] = name
    item["title"] = base["title"] + ": " + name
    return item


def person_slugs(names):
    """A stable id part per person, unique: a name whose part is already taken is numbered
    with the first number no other name's part is ("Ana", "ana", "Ana 2" -> ana, ana-3,
    ana-2), so two people never share a tick or a calendar entry."""
    parts = [slug(name) or "-".join("%x" % ord(char) for char in name) for name in names]
    used, slugs = set(parts), []
    for index, part in enumerate(parts):
        if part in parts[:index]:
            number = 2
            while part + "-" + str(number) in used:
                number += 1
            part += "-" + str(number)
            used.add(part)
        slugs.append(part)
    return slugs


def slug(name):
    """ASCII letters and digits of a name, '-' between words."""
    made, gap = "", False
    for char in name.lower():
        if ("a" <= char <= "z") or ("0" <= char <= "9"):
            made += ("-" if gap and made else "") + char
            gap = False
        else:
            gap = True
    return made


def _state(item, today):
    """upcoming, today (due now, or inside its window), overdue (late but still worth
    doing), missed (not done, and too late to help), or ongoing (no date). (The reader's
    ticks make items "done": with_done.)"""
    if item["due"] is None:
        return "ongoing"
    if today < parse_date(item["due"]):
        return "upcoming"
    if today <= parse_date(item["latest"] or item["due"]):
        return "today"
    useful = item["useful_until"]
    return "overdue" if useful is None or today <= parse_date(useful) else "missed"


def _sorted(items, rules):
    """Date order, undated last; ties by step, rule, then the order the items were made
    (MicroPython's sort is not stable, so that order is part of the key)."""
    step_order = dict((step["id"], index) for index, step in enumerate(rules["steps"]))
    rule_order = dict((rule["id"], index) for index, rule in enumerate(rules["rules"]))
    keyed = [((item["due"] is None, item["due"] or "", step_order[item["step"]],
               rule_order[item["rule"]], index), item) for index, item in enumerate(items)]
    return [pair[1] for pair in sorted(keyed, key=lambda pair: pair[0])]


def _unknown_holidays(situation, items):
    """A word when a step to the employer is dated in a year whose public holidays the
    plan was not given (the site's table covers a few years from its build)."""
    known = situation["public_holidays_years"]
    outside = [parse_date(item["due"]) for item in items if known and item["due"]
               and item["to"] != "self"
               and not known[0] <= parse_date(item["due"]).year <= known[1]]
    if not outside:
        return []
    return ["Public holidays are known for %d to %d only: steps dated outside those years "
            "(the first on %s) may still fall on one."
            % (known[0], known[1], format_date(min(outside)))]


def _warnings(situation, today):
    interviewed = parse_date(situation["interviewed"])
    if interviewed > today:
        return ["The interview date %s is after today (%s): this plans ahead."
                % (iso(interviewed), iso(today))]
    return []
