"""The rule base: read every YAML file under rules/ and return trusted, JSON-ready data.

`load_rules(folder)` either returns plain data or raises `RulesError` carrying every
problem found, each located as `rules/<file>.yml:LINE:COL: message`. Everything
downstream (planner, render, plugin) may assume the data is valid.
"""
import os
import re
from pathlib import Path

import yaml

from . import bounded, schema as s

# The dates a timing may count from, besides an earlier step or action rule.
FIXED_ANCHORS = ("interview", "decision", "call-back", "rejection", "offer", "next-interview")
# The employer's answers: each can end a step (`ends_with`); `outcome` conditions on them.
ANSWERS = ("rejection", "offer", "next-round")
OUTCOMES = ("waiting", "rejected", "offer", "next-round")
RECIPIENTS = ("self", "interviewers", "hr", "hiring-contact")
CHANNELS = ("email", "phone", "handwritten", "printed", "post", "linkedin", "in-person")
KINDS = ("action", "how", "avoid", "context")
CONDITIONS = {
    "timeline": s.one_of(("stated", "none")),
    "call_back": s.boolean,
    "hr": s.boolean,
    "via_linkedin": s.boolean,
    "outcome": s.one_of(OUTCOMES),
}
# The parts of a planned action that each say who says them (`<part>_sources`) or that
# the guide decided them itself (`<part>_note`); a part with neither takes the rule's own.
PARTS = ("timing", "to", "channel", "useful")

SOURCE = s.record({"id": s.ident, "name": s.text, "title": s.text, "author": s.text,
                   "url": s.url, "published": s.text, "contributes": s.text,
                   "sections": s.dict_of(s.ident, s.text)},
                  required=("id", "title", "author"), name="source")
STEP = s.record({"id": s.ident, "title": s.text, "summary": s.text, "never_moves": s.boolean,
                 "ends_with": s.list_of(s.one_of(ANSWERS)), "called": s.text},
                required=("id", "title", "summary"), name="step")
PLAN = s.record(dict({
    "to": s.one_of(RECIPIENTS), "fallback_to": s.one_of(RECIPIENTS[1:]),
    "channel": s.one_of(CHANNELS), "per": s.one_of(("interviewer",)),
    "optional": s.boolean, "at": s.timing, "not_before": s.timing, "useful_for": s.span,
}, **dict((part + suffix, check) for part in PARTS
          for suffix, check in (("_sources", s.citations), ("_note", s.text)))),
    required=("to",), name="plan")
RULE = s.record({
    "id": s.ident, "kind": s.one_of(KINDS), "title": s.text, "text": s.text,
    "sources": s.citations, "when": s.record(CONDITIONS, name="when"),
    "plan": PLAN, "called": s.text,
}, required=("id", "kind", "title", "text", "sources"), name="rule")
EFFECT = s.record({
    "timing": s.dict_of(s.ref_to("action"), s.timing),
    "to": s.dict_of(s.ref_to("action"), s.one_of(RECIPIENTS)),
    "channel": s.dict_of(s.ref_to("action"), s.one_of(CHANNELS)),
    "include": s.list_of(s.ref_to("optional-action")),
    "exclude": s.list_of(s.ref_to("action")),
}, name="effect")
POSITION = s.record({
    "id": s.ident, "label": s.text, "summary": s.text,
    "sources": s.citations, "effect": EFFECT,
}, required=("id", "label", "summary", "sources", "effect"), name="position")
DISAGREEMENT = s.record({
    "id": s.ident, "step": s.ref_to("step"), "question": s.text, "default": s.ident,
    "why_default": s.text, "positions": s.list_of(POSITION, minimum=2),
}, required=("id", "step", "question", "default", "why_default", "positions"),
    name="disagreement")
FILE = s.record({
    "sources": s.list_of(SOURCE), "step": STEP, "rules": s.list_of(RULE),
    "disagreements": s.list_of(DISAGREEMENT),
}, name="file")


class RulesError(Exception):
    """The rule base has problems; `problems` holds each as a located message."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


def load_rules(folder="rules"):
    """Read, validate and cross-check every `*.yml` file in `folder`."""
    where, parts, problems, refs = {}, [], [], []
    budget = bounded.Budget()  # bytes read, whatever sizes the files report
    for path in _rule_files(Path(folder)):
        ctx = s.Context(_display(path), where)
        parts.append(_read_file(path, ctx, budget))
        problems += ctx.problems
        refs += ctx.refs
        if budget.spent:
            break
    data = _merge(parts)
    if not problems:
        problems = check_meaning(data, refs, where)
    if problems:
        raise RulesError([_format(p) for p in sorted(set(problems))])
    return data


def _rule_files(folder):
    """The rule files in `folder`, when there are some and not more than the loader reads."""
    if not folder.is_dir():
        raise RulesError([f"{_display(folder)}: "
                          + ("is not a folder" if folder.exists() else "does not exist")])
    files = sorted(folder.glob("*.yml")) + sorted(folder.glob("*.yaml"))
    if not files:
        raise RulesError([f"{_display(folder)}/: no rule files (*.yml) found"])
    sizes = [path.stat().st_size for path in files if path.is_file()]
    total = sum(size for size in sizes if size <= bounded.MAX_BYTES)  # the rest is refused
    if len(files) > bounded.MAX_FILES or total > bounded.MAX_TOTAL_BYTES:
        raise RulesError([f"{_display(folder)}/: {len(files)} rule files, {total // 1024} KB "
                          f"in all; the loader reads at most {bounded.MAX_FILES} files and "
                          f"{bounded.MAX_TOTAL_BYTES // 1024} KB in all"])
    return files


def _format(problem):
    path, line, col, message = problem
    return f"{path}:{line}:{col}: {message}" if line else f"{path}: {message}"


def _present(entries):
    """The entries of a list that validated (None marks one that did not)."""
    return [entry for entry in entries or [] if entry]


def _display(path):
    """The path as the author knows it: relative to the working folder when inside it."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative.replace(os.sep, "/")


def _read_file(path, ctx, budget=None):
    """Parse one file into node form and validate its shape; None if unreadable."""
    try:
        text = bounded.read_bytes(path, budget=budget).decode("utf-8")
        node = yaml.compose(text, Loader=bounded.BoundedLoader)
    except bounded.Unreadable as error:
        ctx.problems.append((ctx.path, 0, 0, str(error)))
        return None
    except UnicodeDecodeError as error:
        ctx.problems.append((ctx.path, 1, 1, f"not UTF-8 text ({error.reason})"))
        return None
    except (yaml.YAMLError, bounded.TooComplex) as error:
        ctx.problems.append((ctx.path, *bounded.yaml_problem(error, text)))
        return None
    if node is None:
        ctx.problems.append((ctx.path, 1, 1, "file is empty"))
        return None
    return _validate_file(node, ctx)


def _validate_file(node, ctx):
    data = FILE(node, ctx, "the file")
    if data is None:
        return None
    if "rules" in data and "step" not in data:
        ctx.problem(node, "a file with 'rules' must also have a 'step' that they belong to")
    if not data:
        ctx.problem(node, "nothing to read: expected 'sources', 'step' and 'rules', "
                          "or 'disagreements'")
    return data


def _merge(parts):
    """Concatenate the files' contents into one rule base, steps in file order."""
    data = {"sources": [], "steps": [], "rules": [], "disagreements": []}
    for part in filter(None, parts):
        data["sources"] += _present(part.get("sources"))
        data["disagreements"] += _present(part.get("disagreements"))
        step = part.get("step")
        if step:
            step["never_moves"] = bool(step.get("never_moves"))
            step["ends_with"] = _present(step.get("ends_with"))
            data["steps"].append(step)
            for rule in _present(part.get("rules")):
                rule.update(step=step.get("id"), when=rule.get("when") or {},
                            plan=rule.get("plan"))
                data["rules"].append(rule)
    return data


def check_meaning(data, refs, where):
    """Problems that need the whole rule base: ids, references, plans, defaults."""
    def at(value, message):
        return where[id(value)] + (message,)
    problems = _check_registry(data, where)
    problems += _check_ids(data, at)
    problems += _check_refs(data, refs)
    for rule in data["rules"]:
        problems += _check_rule(rule, at)
    problems += _check_anchor_order(data, at)
    plans = {rule["id"]: rule["plan"] for rule in data["rules"] if rule["plan"]}
    for disagreement in data["disagreements"]:
        problems += _check_disagreement(disagreement, at) + _check_effects(disagreement, plans, at)
    problems += _check_sections_named(data, at) + _check_no_ids_in_text(data, at)
    return problems + _check_optional_reachable(data, at)


def citation_lists(data):
    """Every list of citations in the rule base: rules, their plans' parts, positions."""
    lists = []
    for rule in data["rules"]:
        lists.append(rule["sources"])
        lists += [rule["plan"][part + "_sources"] for part in PARTS
                  if rule["plan"] and rule["plan"].get(part + "_sources")]
    return lists + [p["sources"] for d in data["disagreements"] for p in d["positions"]]


def _check_sections_named(data, at):
    """An article whose sections are listed is cited by section, so a reader can find it."""
    sectioned = dict((source["id"], source["sections"]) for source in data["sources"]
                     if source.get("sections"))
    return [at(cite, f"cite {cite['source']} with the section that says it, as "
                     f"'{cite['source']}: SECTION' (known: {', '.join(sectioned[cite['source']])})")
            for cites in citation_lists(data) for cite in cites
            if cite["section"] is None and cite["source"] in sectioned]


def _check_no_ids_in_text(data, at):
    """Readers never see an article's id: texts name articles by their names."""
    names = dict((source["id"], source.get("name") or source["title"]) for source in data["sources"])
    pattern = re.compile(r"(?<![\w-])(%s)(?![\w-])" % "|".join(re.escape(i) for i in names))
    problems = []
    for entry, fields in _texts(data):
        for field in fields:
            found = pattern.search(entry.get(field) or "")
            if found:
                problems.append(at(entry, f"{field} names an article by its id "
                                          f"'{found.group(1)}': write its name, "
                                          f"'{names[found.group(1)]}'"))
    return problems


def _texts(data):
    """(entry, its fields that readers see) for every entry that has text for readers."""
    pairs = [(source, ("name", "title", "contributes")) for source in data["sources"]]
    pairs += [(step, ("title", "summary", "called")) for step in data["steps"]]
    for rule in data["rules"]:
        pairs.append((rule, ("title", "text", "called")))
        if rule["plan"]:
            pairs.append((rule["plan"], tuple(part + "_note" for part in PARTS)))
    for disagreement in data["disagreements"]:
        pairs.append((disagreement, ("question", "why_default")))
        pairs += [(position, ("label", "summary")) for position in disagreement["positions"]]
    return pairs


def _check_registry(data, where):
    folder = os.path.dirname(next(iter(where.values()))[0]) if where else "rules"
    missing = [kind for kind in ("sources", "steps") if not data[kind]]
    return [(f"{folder}/", 0, 0, f"no {kind} defined in any file") for kind in missing]


def _check_ids(data, at):
    problems = []
    for kind, entries in (("source", data["sources"]), ("step", data["steps"]),
                          ("rule", data["rules"]), ("disagreement", data["disagreements"])):
        problems += _duplicates(kind, entries, at)
    for disagreement in data["disagreements"]:
        problems += _duplicates("position", disagreement["positions"], at)
    return problems


def _duplicates(kind, entries, at):
    seen, problems = {}, []
    for entry in entries:
        first = seen.setdefault(entry["id"], entry)
        if first is not entry:
            line = at(first, "")
            problems.append(at(entry, f"duplicate {kind} id '{entry['id']}' "
                                      f"(first defined at {line[0]}:{line[1]})"))
    return problems


def _known(data):
    steps = [step["id"] for step in data["steps"]]
    actions = [rule for rule in data["rules"] if rule["plan"]]
    return {
        "source": [source["id"] for source in data["sources"]],
        "section": [(source["id"], section) for source in data["sources"]
                    for section in source.get("sections") or {}],
        "step": steps,
        "anchor": list(FIXED_ANCHORS) + steps + [rule["id"] for rule in actions],
        "action": [rule["id"] for rule in actions],
        "optional-action": [rule["id"] for rule in actions if rule["plan"].get("optional")],
    }


def _check_refs(data, refs):
    known = _known(data)
    found = dict((kind, set(values)) for kind, values in known.items())  # a lookup each
    problems = []
    for kind, value, location, what in refs:
        if value in found[kind]:
            continue
        if kind == "section":
            problems.append(location + (f"{what}: {s.quoted(value[1])} is not a section of "
                                        f"{value[0]} (known: {_sections_of(data, value[0])})",))
        elif kind == "optional-action" and value in known["action"]:
            problems.append(location + (f"{what}: action {s.quoted(value)} is not optional; add "
                                        "'optional: true' to its plan to include it here",))
        else:
            problems.append(location + (f"{what}: unknown {kind} {s.quoted(value)} "
                                        f"(known: {', '.join(known[kind]) or 'none'})",))
    return problems


def _sections_of(data, source_id):
    for source in data["sources"]:
        if source["id"] == source_id:
            return ", ".join(source.get("sections") or {}) or "none"
    return "none"


def _check_rule(rule, at):
    plan = rule["plan"]
    if rule["kind"] == "action" and not plan:
        return [at(rule, f"rule '{rule['id']}' is an action, so it needs a 'plan'")]
    if rule["kind"] != "action" and plan:
        return [at(rule, f"rule '{rule['id']}' has a 'plan' but is of kind "
                         f"'{rule['kind']}'; only actions go into the plan")]
    return [at(plan, message) for message in _plan_mistakes(plan)] if plan else []


def _plan_mistakes(plan):
    """What is inconsistent inside one plan block, as messages."""
    to, mistakes = plan["to"], []
    if to == "hr" and "fallback_to" not in plan:
        mistakes.append("a plan addressed to hr needs 'fallback_to' for employers with no HR")
    if to != "hr" and "fallback_to" in plan:
        mistakes.append("'fallback_to' only applies to a plan addressed to hr")
    if to != "self" and "channel" not in plan:
        mistakes.append(f"a plan addressed to {to} needs a 'channel'")
    if plan.get("per") and to != "interviewers":
        mistakes.append("'per: interviewer' only applies to a plan addressed to interviewers")
    if "at" not in plan and ("not_before" in plan or plan.get("optional")):
        mistakes.append("'not_before' and 'optional' need a dated plan ('at')")
    if "at" in plan and not (plan.get("timing_sources") or plan.get("timing_note")):
        mistakes.append("a dated plan needs 'timing_sources' or, for our own choice, "
                        "a 'timing_note' saying so")
    if "useful_for" in plan and not (plan.get("useful_sources") or plan.get("useful_note")):
        mistakes.append("'useful_for' needs 'useful_sources' or, for our own judgement, "
                        "a 'useful_note' saying so")
    if "useful_for" not in plan and ("useful_sources" in plan or "useful_note" in plan):
        mistakes.append("'useful_sources' and 'useful_note' need 'useful_for'")
    if "at" not in plan and "useful_for" in plan:
        mistakes.append("'useful_for' needs a dated plan ('at')")
    return mistakes


def _check_anchor_order(data, at):
    """A timing may only count from a step, or an action rule, that comes before its own."""
    order = {step["id"]: index for index, step in enumerate(data["steps"])}
    rank = {rule["id"]: index for index, rule in enumerate(data["rules"])}
    rules = {rule["id"]: rule for rule in data["rules"]}
    problems = []
    named = {entry["id"] for entry in data["steps"] + data["rules"] if entry.get("called")}
    for rule, timing in _timings(data, rules):
        anchor = timing["anchor"]
        if anchor in order and order[anchor] >= order[rule["step"]]:
            problems.append(at(timing, f"'{anchor}' is not an earlier step than "
                                       f"'{rule['step']}', so rule '{rule['id']}' "
                                       "cannot count from it"))
        elif anchor in rank and rank[anchor] >= rank[rule["id"]]:
            problems.append(at(timing, f"rule '{anchor}' does not come before rule "
                                       f"'{rule['id']}', so it cannot count from it"))
        elif (anchor in order or anchor in rank) and anchor not in named:
            problems.append(at(timing, f"'{anchor}' is used as an anchor, so it needs a "
                                       "'called' phrase for the timing's wording"))
    return problems


def _timings(data, rules):
    """(rule, timing) for every timing that can date an action, effects included."""
    timed = [(rule, t) for rule in data["rules"] if rule["plan"]
             for t in (rule["plan"].get("at"), rule["plan"].get("not_before")) if t]
    for disagreement in data["disagreements"]:
        for position in disagreement["positions"]:
            timed += [(rules[rule_id], t) for rule_id, t in
                      (position["effect"].get("timing") or {}).items() if rule_id in rules]
    return timed


def _check_disagreement(disagreement, at):
    ids = [position["id"] for position in disagreement["positions"]]
    if disagreement["default"] not in ids:
        return [at(disagreement, f"default '{disagreement['default']}' of disagreement "
                                 f"'{disagreement['id']}' is not one of its positions "
                                 f"({', '.join(ids)})")]
    return []


def _check_effects(disagreement, plans, at):
    """A position that sends an action to someone else leaves a plan the planner can
    follow: one sent to hr says whom to ask where there is no HR, any message a channel.
    `plans`: each action rule's plan, by rule id."""
    problems = []
    for position in disagreement["positions"]:
        effect = position["effect"]
        for rule_id, to in (effect.get("to") or {}).items():
            plan = plans.get(rule_id)
            if plan is None:
                continue  # an unknown rule, reported with the references
            if to == "hr" and "fallback_to" not in plan:
                problems.append(at(effect, f"position '{position['id']}' sends '{rule_id}' "
                                           "to hr, so its plan needs 'fallback_to' for "
                                           "employers with no HR"))
            if to != "self" and "channel" not in plan and \
                    rule_id not in (effect.get("channel") or {}):
                problems.append(at(effect, f"position '{position['id']}' sends '{rule_id}' "
                                           f"to {to}, so it needs a 'channel' in its plan "
                                           "or in this effect"))
    return problems


def _check_optional_reachable(data, at):
    included = {rule_id for d in data["disagreements"] for p in d["positions"]
                for rule_id in p["effect"].get("include") or []}
    return [at(rule, f"optional action '{rule['id']}' is included by no position, "
                     "so it can never appear in a plan")
            for rule in data["rules"]
            if rule["plan"] and rule["plan"].get("optional") and rule["id"] not in included]
