"""Rule data -> the guide's Markdown pages. Plain functions, no MkDocs import.

`render_pages(rules, today)` returns {path: markdown}; the MkDocs plugin adds them as
generated files and `followup render` writes them to disk, so the guide can be built
by any MkDocs-compatible tool. Pages use Material's Markdown extensions (admonitions,
attribute lists, task lists) but no plugin of ours.
"""
from .browser import dates, planner, words
from .checklist import checklist_page
from .browser.timeline import timeline_svg

CONDITION_WORDS = {
    ("timeline", "stated"): "the employer said when they would decide",
    ("timeline", "none"): "the employer gave no decision date",
    ("call_back", True): "they asked you to get in touch on a given day",
    ("call_back", False): "they did not ask you to call back",
    ("hr", True): "the employer has an HR department",
    ("hr", False): "the employer has no HR department",
    ("via_linkedin", True): "your first contact came through LinkedIn",
    ("via_linkedin", False): "your first contact did not come through LinkedIn",
    ("rejected", True): "you have been turned down",
    ("rejected", False): "you have not been turned down",
}
KIND_SECTIONS = (("action", "What to do"), ("how", "How to do it well"),
                 ("avoid", "What not to do"), ("context", "Good to know"))


def render_pages(rules, today, interpreter="micropython"):
    """Every generated page of the guide, as {path relative to docs: Markdown}."""
    default = planner.plan(rules, {"interviewed": dates.iso(today)}, today)
    pages = {"index.md": home_page(rules, default, today),
             "checklist.md": checklist_page(rules, default, today, interpreter),
             "disagreements.md": disagreements_page(rules),
             "sources.md": sources_page(rules)}
    for step in rules["steps"]:
        pages["steps/%s.md" % step["id"]] = step_page(rules, step)
    return pages


def nav(rules):
    """The navigation, in the order a reader meets the steps."""
    return [{"Home": "index.md"}, {"Your checklist": "checklist.md"},
            {"The steps": [{step["title"]: "steps/%s.md" % step["id"]}
                           for step in rules["steps"]]},
            {"Where the sources disagree": "disagreements.md"}, {"Sources": "sources.md"},
            {"About this guide": "about.md"}]


# --- shared pieces ----------------------------------------------------------------

def badges(source_ids, rules, depth):
    """Source badges linking to the sources page; `depth` is how deep the page sits."""
    names = {source["id"]: source for source in rules["sources"]}
    prefix = "../" * depth
    return " ".join('[%s](%ssources.md#%s "%s"){ .fu-source }'
                    % (source_id, prefix, source_id, names[source_id]["author"])
                    for source_id in source_ids)


def by_id(entries):
    return dict((entry["id"], entry) for entry in entries)


def _when_line(rule, rules):
    plan = rule["plan"]
    parts = []
    if plan.get("at"):
        parts.append("**When:** " + words.describe_timing(plan["at"], rules))
        if plan.get("not_before"):
            parts[-1] += ", and not before " + words.describe_timing(plan["not_before"], rules)
    else:
        parts.append("**When:** throughout your search")
    parts.append("**Who:** " + ("you alone" if plan["to"] == "self"
                                else words.RECIPIENT_WORDS[plan["to"]]))
    if plan.get("channel"):
        parts.append("**How:** " + words.CHANNEL_WORDS[plan["channel"]])
    return " · ".join(parts)


def _conditions(rule):
    words = [CONDITION_WORDS[(key, rule["when"][key])] for key in rule["when"]]
    return "**Only if** " + " and ".join(words) + "."


def _shaping(rule, rules, depth):
    """Links to the disagreements whose positions change this action."""
    found = []
    for disagreement in rules["disagreements"]:
        for position in disagreement["positions"]:
            if rule["id"] in planner.touched_rules(position["effect"]) and disagreement not in found:
                found.append(disagreement)
    return ", ".join("[%s](%sdisagreements.md#%s)" % (d["question"], "../" * depth, d["id"])
                     for d in found)


# --- step pages -------------------------------------------------------------------

def step_page(rules, step):
    rules_here = [rule for rule in rules["rules"] if rule["step"] == step["id"]]
    lines = ["# %s" % step["title"], "", step["summary"], ""]
    for kind, heading in KIND_SECTIONS:
        chosen = [rule for rule in rules_here if rule["kind"] == kind]
        if chosen:
            lines += ["## %s" % heading, ""]
            for rule in chosen:
                lines += _rule_block(rule, rules)
    lines += _step_disagreements(rules, step)
    return "\n".join(lines)


def _rule_block(rule, rules):
    lines = ["### %s { #%s }" % (rule["title"], rule["id"]), ""]
    if rule["kind"] == "avoid":
        lines += ['!!! warning "Avoid"', "    " + rule["text"], ""]
    else:
        lines += [rule["text"], ""]
    if rule["plan"]:
        lines += [_when_line(rule, rules), ""]
        if rule["plan"].get("timing_note"):
            lines += ['!!! note "About this timing"', "    " + rule["plan"]["timing_note"], ""]
    if rule["when"]:
        lines += [_conditions(rule), ""]
    shaping = _shaping(rule, rules, 1)
    if shaping:
        lines += ["**The sources differ:** " + shaping, ""]
    return lines + ["Sources: " + badges(planner.rule_sources(rule), rules, 1), ""]


def _step_disagreements(rules, step):
    here = [d for d in rules["disagreements"] if d["step"] == step["id"]]
    if not here:
        return []
    lines = ["## Where the sources disagree", ""]
    for disagreement in here:
        default = by_id(disagreement["positions"])[disagreement["default"]]
        lines.append("- [%s](../disagreements.md#%s) Our default: %s."
                     % (disagreement["question"], disagreement["id"], default["label"]))
    return lines + [""]


# --- disagreements ----------------------------------------------------------------

def disagreements_page(rules):
    lines = ["# Where the sources disagree", "",
             "The five articles agree on most things, but not on everything. Here each "
             "disagreement is shown with every side, who takes it, and what choosing it "
             "changes in your plan. The guide picks a default so the checklist works out "
             "of the box; you can choose differently on the [checklist](checklist.md).", ""]
    for disagreement in rules["disagreements"]:
        lines += _disagreement_block(disagreement, rules)
    return "\n".join(lines)


def _disagreement_block(disagreement, rules):
    steps = by_id(rules["steps"])
    default = by_id(disagreement["positions"])[disagreement["default"]]
    lines = ["## %s { #%s }" % (disagreement["question"], disagreement["id"]), "",
             "Part of: [%s](steps/%s.md)" % (steps[disagreement["step"]]["title"],
                                             disagreement["step"]), "",
             '<ul class="fu-positions" markdown>']
    for position in disagreement["positions"]:
        lines += _position_card(position, position["id"] == disagreement["default"], rules)
    return lines + ["</ul>", "", '!!! tip "Our default: %s"' % default["label"],
                    "    " + disagreement["why_default"], ""]


def _position_card(position, is_default, rules):
    """One side of a disagreement as a card (a list item), so that sides stack on a phone
    and stand side by side where there is room, without a table to scroll sideways."""
    label = "**%s**" % position["label"] + (" (our default)" if is_default else "")
    return (['<li class="fu-position%s" markdown="block">' % (" fu-default" if is_default else ""),
             label, "", position["summary"], "",
             "**Who says so:** " + badges(position["sources"], rules, 0), ""]
            + _plan_changes(effect_changes(position["effect"], rules)) + ["", "</li>"])


def _plan_changes(changes):
    heading = "**What it changes in your plan:**"
    if not changes:
        return [heading + " Nothing: the dates and people stay the same."]
    return [heading, ""] + ["- " + change for change in changes]


def effect_changes(effect, rules):
    """What a position changes in the plan, one line per change; derived from its effect data."""
    titles = dict((rule["id"], rule["title"]) for rule in rules["rules"])
    changes = []
    for rule_id, timing in (effect.get("timing") or {}).items():
        changes.append("%s: %s" % (titles[rule_id], words.describe_timing(timing, rules)))
    for rule_id, to in (effect.get("to") or {}).items():
        changes.append("%s: to %s" % (titles[rule_id], words.RECIPIENT_WORDS[to]))
    for rule_id, channel in (effect.get("channel") or {}).items():
        changes.append("%s: %s" % (titles[rule_id], words.CHANNEL_WORDS[channel]))
    for rule_id in effect.get("include") or []:
        changes.append("Adds: %s" % titles[rule_id])
    return changes


# --- sources ----------------------------------------------------------------------

def sources_page(rules):
    lines = ["# Sources", "",
             "The guide is built from five published articles. Every rule paraphrases "
             "them and names the ones it comes from. Long titles are shortened here.", ""]
    for source in rules["sources"]:
        lines += _source_block(source, rules)
    return "\n".join(lines)


def _source_block(source, rules):
    citing = [rule for rule in rules["rules"] if source["id"] in planner.rule_sources(rule)]
    lines = ["## %s { #%s }" % (source["title"], source["id"]), "",
             "*%s* · id `%s`" % (source["author"], source["id"]), ""]
    if source.get("contributes"):
        lines += ["**What it contributes:** " + source["contributes"], ""]
    lines += ["**Cited by %d rules:**" % len(citing), ""]
    lines += ["- [%s](steps/%s.md#%s)" % (rule["title"], rule["step"], rule["id"])
              for rule in citing]
    positions = [(d, p) for d in rules["disagreements"] for p in d["positions"]
                 if source["id"] in p["sources"]]
    if positions:
        lines += ["", "**Positions it takes where the sources disagree:**", ""]
        lines += ["- [%s](disagreements.md#%s): %s" % (d["question"], d["id"], p["label"])
                  for d, p in positions]
    return lines + [""]


# --- home and checklist -----------------------------------------------------------

def home_page(rules, default, today):
    lines = ["# After the interview: what to do, and when", "",
             "A job interview does not end when you leave the room. This guide sets out "
             "what to do next, in order, with the timing that five published articles "
             "recommend, and shows where they disagree. Every point names its "
             "[sources](sources.md).", "",
             '!!! tip "Your own dated plan"',
             "    The [checklist](checklist.md) turns your interview date and what the "
             "employer told you into a plan with dates.", "",
             "## What to do, in order", ""]
    first = dict((item["step"], item) for item in reversed(default["items"]))
    for number, step in enumerate(rules["steps"], 1):
        when = first[step["id"]]["timing"] if step["id"] in first else "only if it applies"
        lines.append("%d. **[%s](steps/%s.md)**: %s *When:* %s."
                     % (number, step["title"], step["id"], step["summary"], when))
    lines += ["", "## The first check depends on what you were told", ""]
    lines += _first_check_tabs(rules)
    lines += ["## The default timeline", "",
              "For an interview on day 0 with no timeline stated, and an employer with an "
              "HR department:", ""]
    return "\n".join(lines + [_home_figure(default, today)])


def _first_check_tabs(rules):
    """Content tabs: the first status check under each thing the employer may have said."""
    lines = []
    for rule in rules["rules"]:
        if rule["step"] == "status-check" and rule["plan"]:
            lines += ['=== "If %s"' % _tab_label(rule), "",
                      "    **%s**: %s." % (rule["title"], words.describe_timing(rule["plan"]["at"], rules)),
                      "    " + rule["text"] + " [More on “%s”](steps/status-check.md#%s)"
                      % (rule["title"], rule["id"]), ""]
    return lines


def _tab_label(rule):
    when = rule["when"]
    if when.get("call_back"):
        return "they asked you to call back"
    return "they named a date" if when.get("timeline") == "stated" else "they said nothing"


def _home_figure(result, today):
    svg = timeline_svg(result["items"], dates.iso(today), "home-tl")
    return ('<figure class="fu-figure" markdown>\n%s\n<figcaption>Circles are messages to the '
            'employer, squares your own tasks; a bar is a window of days. The same plan is '
            'listed in words on the <a href="checklist/">checklist</a>.</figcaption>\n'
            '</figure>\n' % svg)
