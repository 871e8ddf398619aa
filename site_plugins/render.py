"""Rule data -> the guide's Markdown pages. Plain functions, no MkDocs import.

`render_pages(rules, today)` returns {path: markdown}; the MkDocs plugin adds them as
generated files and `followup render` writes them to disk, so the guide can be built
by any MkDocs-compatible tool. Pages use Material's Markdown extensions (admonitions,
attribute lists, task lists) but no plugin of ours.
"""
from .browser import citations, dates, planner, words
from .assets import bundle_id
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
    ("outcome", "waiting"): "you have had no answer yet",
    ("outcome", "rejected"): "you have been turned down",
    ("outcome", "offer"): "you have had an offer",
    ("outcome", "next-round"): "you have been invited to another round",
}
# Characters that Markdown (or one of the site's extensions) could read as markup. Rule
# text is plain text: these are escaped so that it always shows as written.
MARKDOWN_ESCAPES = "\\`*_{}[]()#+-.!|"
ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "=": "&#61;", "~": "&#126;",
            "^": "&#94;", '"': "&quot;"}
KIND_SECTIONS = (("action", "What to do"), ("how", "How to do it well"),
                 ("avoid", "What not to do"), ("context", "Good to know"))


def render_pages(rules, today):
    """Every generated page of the guide, as {path relative to docs: Markdown}."""
    default = planner.plan(rules, {"interviewed": dates.iso(today)}, today)
    pages = {"index.md": home_page(rules, default, today),
             # A folder's index, so that relative URLs in its HTML mean the same to every
             # builder (Zensical resolves them from the source file's folder).
             "checklist/index.md": checklist_page(rules, today, bundle_id(rules)),
             "disagreements.md": disagreements_page(rules),
             "sources.md": sources_page(rules)}
    for step in rules["steps"]:
        pages["steps/%s.md" % step["id"]] = step_page(rules, step)
    return pages


def nav(rules):
    """The navigation, in the order a reader meets the steps."""
    return [{"Home": "index.md"}, {"Your checklist": "checklist/index.md"},
            {"The steps": [{step["title"]: "steps/%s.md" % step["id"]}
                           for step in rules["steps"]]},
            {"Where the sources disagree": "disagreements.md"}, {"Sources": "sources.md"},
            {"About this guide": "about.md"}]


# --- shared pieces ----------------------------------------------------------------

def text(value):
    """Rule text for a Markdown page: shown exactly as written, never read as Markdown or
    HTML (a `<script>` in a rule is just those characters on the page)."""
    out = []
    for char in value:
        if char in ENTITIES:
            out.append(ENTITIES[char])
        else:
            out.append("\\" + char if char in MARKDOWN_ESCAPES else char)
    return "".join(out)


def badges(cites, rules, depth):
    """Source badges, each the article's name leading to the section that says the point
    on the sources page; `depth` is how deep the page sits."""
    return " ".join('[%s](%ssources.md#%s "%s"){ .fu-source }' % (
        text(words.source_name(cite["source"], rules)), "../" * depth, _anchor(cite),
        text(_tooltip(cite, rules))) for cite in words.by_article(cites))


def _anchor(cite):
    return cite["source"] + ("-" + cite["section"] if cite["section"] else "")


def _tooltip(cite, rules):
    heading = words.section_heading(cite, rules)
    if not heading:
        return words.source_name(cite["source"], rules)
    return ("Sections: " if len(cite["sections"]) > 1 else "Section: ") + heading


def credits(cites, own, rules, depth):
    """Who says each part of an action, as source badges (one list when every part has
    the same sources), with the guide's own choices named as such."""
    groups = words.credit_groups(cites, own)
    if len(groups) == 1:
        return "Sources: " + badges(groups[0][1], rules, depth)
    return "Sources: " + "; ".join("*%s:* %s" % (part, badges(cited, rules, depth))
                                   for part, cited in groups)


def by_id(entries):
    return dict((entry["id"], entry) for entry in entries)


def _when_line(rule, rules):
    plan = rule["plan"]
    parts = []
    if plan.get("at"):
        parts.append("**When:** " + text(words.describe_timing(plan["at"], rules)))
        if plan.get("not_before"):
            parts[-1] += ", and at least " + text(words.describe_timing(plan["not_before"],
                                                                       rules))
    else:
        parts.append("**When:** throughout your search")
    if plan["to"] == "self":
        parts.append("**Your own task**")
    else:
        to = words.RECIPIENT_WORDS[plan["to"]]
        if plan.get("fallback_to") and rule["when"].get("hr") is not True:
            to += " (or %s where there is no HR department)" % words.RECIPIENT_WORDS[
                plan["fallback_to"]]
        parts.append("**To:** " + to)
    if plan.get("channel"):
        parts.append("**How:** " + words.CHANNEL_WORDS[plan["channel"]])
    if plan.get("useful_for") is not None:
        parts.append("**Still worth doing:** " + _useful_words(plan["useful_for"]))
    return " · ".join(parts)


def _useful_words(days):
    if days == "any-time":
        return "at any time"
    if days == 0:
        return "only on the day"
    return "up to %s after it is due" % ("a day" if days == 1 else "%d days" % days)


def _conditions(rule):
    said = [CONDITION_WORDS[(key, rule["when"][key])] for key in rule["when"]]
    return "**Only if** " + " and ".join(said) + "."


def _shaping(rule, rules, depth):
    """Links to the disagreements whose positions change this action."""
    found = []
    for disagreement in rules["disagreements"]:
        for position in disagreement["positions"]:
            if rule["id"] in planner.touched_rules(position["effect"]) and disagreement not in found:
                found.append(disagreement)
    return ["[%s](%sdisagreements.md#%s)" % (text(d["question"]), "../" * depth, d["id"])
            for d in found]


# --- step pages -------------------------------------------------------------------

def step_page(rules, step):
    rules_here = [rule for rule in rules["rules"] if rule["step"] == step["id"]]
    lines = ["# %s" % text(step["title"]), "", text(step["summary"]), ""]
    for kind, heading in KIND_SECTIONS:
        chosen = [rule for rule in rules_here if rule["kind"] == kind]
        if chosen:
            lines += ["## %s" % heading, ""]
            for rule in chosen:
                lines += _rule_block(rule, rules)
    lines += _step_disagreements(rules, step)
    return "\n".join(lines)


def _rule_block(rule, rules):
    lines = ["### %s { #%s }" % (text(rule["title"]), rule["id"]), ""]
    lines += _optional_line(rule, rules, 1)
    if rule["kind"] == "avoid":
        lines += ['!!! warning "Avoid"', "    " + text(rule["text"]), ""]
    else:
        lines += [text(rule["text"]), ""]
    if rule["when"]:
        lines += [_conditions(rule), ""]
    cites, own = citations.rule_cites(rule), {}
    if rule["plan"]:
        lines += [_when_line(rule, rules), ""]
        cites, own = citations.rule_cites(rule), citations.rule_notes(rule)
        for part, note in words.own_notes(own):
            lines += ['!!! note "The guide\'s own choice: %s"' % part, "    " + text(note), ""]
    shaping = _shaping(rule, rules, 1)
    if shaping:
        lines += ["**Where the sources differ on this:**", ""] + ["- " + link for link in shaping]
        lines.append("")
    return lines + [credits(cites, own, rules, 1), ""]


def _optional_line(rule, rules, depth):
    """For a step a reader's plan has only if they pick an option: which, with a link to
    the question where they choose it."""
    if not (rule["plan"] or {}).get("optional"):
        return []
    chosen = ["\u201c%s\u201d in [%s](%sdisagreements.md#%s)" % (
        text(position["label"]), text(disagreement["question"]), "../" * depth,
        disagreement["id"])
        for disagreement in rules["disagreements"] for position in disagreement["positions"]
        if rule["id"] in (position["effect"].get("include") or [])]
    return ["**Optional:** only if you choose " + " or ".join(chosen) + "; otherwise your "
            "plan leaves this step out.", ""]


def _step_disagreements(rules, step):
    here = [d for d in rules["disagreements"] if d["step"] == step["id"]]
    if not here:
        return []
    lines = ["## Where the sources disagree", ""]
    for disagreement in here:
        default = by_id(disagreement["positions"])[disagreement["default"]]
        lines.append("- [%s](../disagreements.md#%s) The guide's default: %s."
                     % (text(disagreement["question"]), disagreement["id"],
                        text(default["label"])))
    return lines + [""]


# --- disagreements ----------------------------------------------------------------

def disagreements_page(rules):
    lines = ["# Where the sources disagree", "",
             "The five articles agree on most things, but not on everything. Here each "
             "disagreement is shown with every side, who takes it, and what choosing it "
             "changes in your plan. The guide picks a default so the checklist works out "
             "of the box; you can choose differently on the [checklist](checklist/index.md).", ""]
    for disagreement in rules["disagreements"]:
        lines += _disagreement_block(disagreement, rules)
    return "\n".join(lines)


def _disagreement_block(disagreement, rules):
    steps = by_id(rules["steps"])
    default = by_id(disagreement["positions"])[disagreement["default"]]
    lines = ["## %s { #%s }" % (text(disagreement["question"]), disagreement["id"]), "",
             "Part of: [%s](steps/%s.md)" % (text(steps[disagreement["step"]]["title"]),
                                             disagreement["step"]), "",
             '<ul class="fu-positions" markdown>']
    for position in disagreement["positions"]:
        lines += _position_card(position, position["id"] == disagreement["default"], rules)
    return lines + ["</ul>", "", '!!! tip "The guide\'s default: %s"' % text(default["label"]),
                    "    " + text(disagreement["why_default"]), ""]


def _position_card(position, is_default, rules):
    """One side of a disagreement as a card (a list item), so that sides stack on a phone
    and stand side by side where there is room, without a table to scroll sideways."""
    label = "**%s**" % text(position["label"]) + (" (the guide's default)" if is_default else "")
    return (['<li class="fu-position%s" markdown="block">' % (" fu-default" if is_default else ""),
             label, "", text(position["summary"]), "",
             "**Who says so:** " + badges(position["sources"], rules, 0), ""]
            + _plan_changes(effect_changes(position["effect"], rules)) + ["", "</li>"])


def _plan_changes(changes):
    heading = "**What it changes in your plan:**"
    if not changes:
        return [heading + " Nothing: the dates and people stay the same."]
    return [heading, ""] + ["- " + text(change) for change in changes]


def effect_changes(effect, rules):
    """What a position changes in the plan, one line per change; derived from its effect data."""
    titles = dict((rule["id"], rule["title"]) for rule in rules["rules"])
    own_channels = dict((rule["id"], (rule["plan"] or {}).get("channel")) for rule in rules["rules"])
    changes = []
    for rule_id, timing in (effect.get("timing") or {}).items():
        changes.append("%s: %s" % (titles[rule_id], words.describe_timing(timing, rules)))
    for rule_id, to in (effect.get("to") or {}).items():
        changes.append("%s: to %s" % (titles[rule_id], words.RECIPIENT_WORDS[to]))
    for rule_id, channel in (effect.get("channel") or {}).items():
        kept = ", whatever another question chose" if channel == own_channels[rule_id] else ""
        changes.append("%s: %s%s" % (titles[rule_id], words.CHANNEL_WORDS[channel], kept))
    for rule_id in effect.get("include") or []:
        changes.append("Adds: %s" % titles[rule_id])
    for rule_id in effect.get("exclude") or []:
        changes.append("Leaves out: %s" % titles[rule_id])
    return changes


# --- sources ----------------------------------------------------------------------

def sources_page(rules):
    lines = ["# Sources", "",
             "The guide is built from five published articles. Every rule says the advice in "
             "our own words and names the articles it comes from, and where in each article "
             "the point is made: a source badge leads to that section here.", ""]
    for source in rules["sources"]:
        lines += _source_block(source, rules)
    return "\n".join(lines)


def _source_block(source, rules):
    citing = [rule for rule in rules["rules"] if source["id"] in citations.rule_sources(rule)]
    lines = ["## %s { #%s }" % (text(words.source_name(source["id"], rules)), source["id"]), "",
             "*%s*, by %s%s." % (text(source["title"]), text(source["author"]),
                                 ", published %s" % _published(source["published"])
                                 if source.get("published") else ""), ""]
    if source.get("url"):
        lines += ["[Read \u201c%s\u201d where it was published](%s)" % (
            text(source["title"]), source["url"]), ""]
    if source.get("contributes"):
        lines += ["**What it contributes:** " + text(source["contributes"]), ""]
    lines += ["Cited by %d rules%s." % (len(citing), _positions_count(source, rules)), ""]
    for section_id, heading in (source.get("sections") or {}).items():
        lines += _section_block(source, section_id, heading, rules)
    return lines


def _published(day):
    parsed = dates.parse_date(day)
    return dates.format_date(parsed)[4:] if parsed else text(day)


def _positions_count(source, rules):
    count = len(_positions_citing(source["id"], None, rules))
    return " and %d positions where the sources disagree" % count if count else ""


def _section_block(source, section_id, heading, rules):
    """One section of an article: every rule part and position that cites it. The lists
    repeat titles that search finds on their own pages, so search leaves them out."""
    lines = ["### %s { #%s-%s }" % (text(heading), source["id"], section_id), "",
             '<div markdown data-search-exclude>', ""]
    uses = _rule_parts_citing(source["id"], section_id, rules)
    positions = _positions_citing(source["id"], section_id, rules)
    lines += ["- [%s](steps/%s.md#%s) (%s)" % (text(rule["title"]), rule["step"], rule["id"],
                                                ", ".join(parts)) for rule, parts in uses]
    lines += ["- [%s](disagreements.md#%s): %s" % (text(d["question"]), d["id"],
                                                    text(p["label"])) for d, p in positions]
    if not uses and not positions:
        lines.append("The guide takes nothing from this section.")
    return lines + ["", "</div>", ""]


def _rule_parts_citing(source_id, section_id, rules):
    """(rule, [parts]) for every rule with a part that cites this section."""
    found = []
    for rule in rules["rules"]:
        cites = citations.rule_cites(rule)
        parts = [words.PART_WORDS[part] for part in cites
                 if any(c["source"] == source_id and c["section"] == section_id
                        for c in cites[part])]
        if parts:
            found.append((rule, parts))
    return found


def _positions_citing(source_id, section_id, rules):
    return [(d, p) for d in rules["disagreements"] for p in d["positions"]
            if any(c["source"] == source_id and section_id in (None, c["section"])
                   for c in p["sources"])]


# --- home and checklist -----------------------------------------------------------

def home_page(rules, default, today):
    lines = ["# After the interview: what to do, and when", "",
             "A job interview does not end when you leave the room. This guide sets out "
             "what to do next, in order, with timings taken from five published articles "
             "(where they give none, the guide's own choice, marked as such), and shows "
             "where they disagree. Every point names its [sources](sources.md).", "",
             '!!! tip "Your own dated plan"',
             "    The [checklist](checklist/index.md) turns your interview date and what the "
             "employer told you into a plan with dates.", "",
             "## What to do, in order", ""]
    first = dict((item["step"], item) for item in reversed(default["items"]))
    for number, step in enumerate(rules["steps"], 1):
        when = first[step["id"]]["timing"] if step["id"] in first else "only if it applies"
        lines.append("%d. **[%s](steps/%s.md)**: %s *When:* %s."
                     % (number, text(step["title"]), step["id"], text(step["summary"]),
                        text(when)))
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
                      "    **%s**: %s." % (text(rule["title"]),
                                         text(words.describe_timing(rule["plan"]["at"], rules))),
                      "    " + text(rule["text"]) + " [More on “%s”](steps/status-check.md#%s)"
                      % (text(rule["title"]), rule["id"]), ""]
    return lines


def _tab_label(rule):
    when = rule["when"]
    if when.get("call_back"):
        return "they asked you to call back"
    return "they named a date" if when.get("timeline") == "stated" else "they said nothing"


def _home_figure(result, today):
    svg = timeline_svg(result["items"], dates.iso(today), "home-tl")
    # Raw HTML, not Markdown: the picture's labels are rule text, escaped as HTML only.
    return ('<figure class="fu-figure">\n%s\n<figcaption>Circles are messages to the '
            'employer, squares your own tasks; a bar is a window of days. The same plan is '
            'listed in words on the <a href="checklist/">checklist</a>.</figcaption>\n'
            '</figure>\n' % svg)
