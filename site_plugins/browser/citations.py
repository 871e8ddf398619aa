"""Who says each part of a plan's item: the articles, and where the guide decides itself.

A rule cites articles (by section) for its point; its plan may cite others for when, to
whom, how, and how long it helps, or say in a note that the guide chose that part. A
chosen position's sources go to the part it changes, and nowhere else.
"""
PARTS = ("timing", "to", "channel", "useful")


def item_cites(rule, effects, present):
    """({part: citations}, {part: the guide's own note}) for an item: the rule's own for
    the action; for each part, a chosen position's sources if one changed it, else the
    plan's `<part>_sources`, else the rule's own; a `<part>_note` marks the guide's choice.
    When the plan's floor (`not_before`) set the day (`present["floored"]`), the day is
    the guide's alone: its timing note, no article."""
    plan_block, cites, own = rule["plan"], {"action": rule["sources"]}, {}
    for part in PARTS:
        if not present[part] or (part == "useful" and "useful_for" not in plan_block):
            continue
        chosen = effects["cites"].get((rule["id"], part))
        if chosen:
            cites[part] = chosen
            continue
        if plan_block.get(part + "_note"):
            own[part] = plan_block[part + "_note"]
        cites[part] = plan_block.get(part + "_sources") or ([] if part in own else
                                                            rule["sources"])
        if part == "timing" and present.get("floored") and part in own:
            cites[part] = []
    return cites, own


def rule_cites(rule):
    """{part: citations} for a rule as written, before any position changes it."""
    return _written(rule)[0]


def rule_notes(rule):
    """{part: note} for the parts of a rule the guide decided itself."""
    return _written(rule)[1]


def _written(rule):
    plan_block = rule["plan"]
    if not plan_block:
        return {"action": rule["sources"]}, {}
    return item_cites(rule, {"cites": {}}, {"timing": plan_block.get("at"),
                                        "to": plan_block["to"] != "self",
                                        "channel": plan_block.get("channel"),
                                        "useful": plan_block.get("at")})


def rule_sources(rule):
    """The ids of the articles a rule cites anywhere (its own and its plan's), each once."""
    cited = []
    lists = [rule["sources"]] + [(rule["plan"] or {}).get(part + "_sources") or []
                                 for part in PARTS]
    for cites in lists:
        for cite in cites:
            if cite["source"] not in cited:
                cited.append(cite["source"])
    return cited


def source_ids(cites, rules):
    """Every article an item cites, in the order of the registry."""
    cited = [cite["source"] for part in cites for cite in cites[part]]
    return [source["id"] for source in rules["sources"] if source["id"] in cited]
