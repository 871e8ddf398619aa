"""How the plan's parts are said to a reader: whom, how, when, and who says so."""
RECIPIENT_WORDS = {"self": "you", "interviewers": "the interviewers", "hr": "HR",
                   "hiring-contact": "the hiring contact"}
CHANNEL_WORDS = {"email": "by email", "phone": "by phone", "handwritten": "as a handwritten card",
                 "printed": "as a printed letter", "post": "by post", "linkedin": "on LinkedIn",
                 "in-person": "in person"}
# Each fixed anchor as a thing ("2 days after the interview") and as a day ("on the
# interview day").
ANCHOR_WORDS = {"interview": ("the interview", "the interview day"),
                "decision": ("the decision date they gave", "the decision date they gave"),
                "call-back": ("the day they asked you to call", "the day they asked you to call"),
                "rejection": ("the rejection", "the day you hear"),
                "offer": ("the offer", "the day of the offer"),
                "next-interview": ("the next interview", "the day of the next interview")}
# What each part of a planned action is called where its sources are named.
PART_WORDS = {"action": "what", "timing": "when", "to": "whom", "channel": "how",
              "useful": "how long it helps"}


def describe_timing(timing, rules):
    """Plain words for a rule timing, e.g. 'within 2 hours of the interview'."""
    thing, day = _anchor(timing["anchor"], rules)
    days, latest = timing["days"], timing["latest"]
    if timing["hours"] is not None:
        return "within %d hours of %s" % (timing["hours"], thing)
    if latest is not None:
        if days == 0:
            return "on %s or up to %s after" % (day, _days(latest))
        return "%d to %d days after %s" % (days, latest, thing)
    if days == 0:
        return "on " + day
    if days < 0:
        return ("the day before " if days == -1 else _days(-days) + " before ") + thing
    return ("the day after " if days == 1 else _days(days) + " after ") + thing


def _days(count):
    return "%d day%s" % (count, "" if count == 1 else "s")


def _anchor(anchor, rules):
    """(as a thing, as a day) for a fixed anchor, or an earlier step or rule by its
    'called' phrase."""
    if anchor in ANCHOR_WORDS:
        return ANCHOR_WORDS[anchor]
    for entry in rules["steps"] + rules["rules"]:
        if entry["id"] == anchor:
            called = entry.get("called") or anchor
            return called, "the same day as " + called
    return anchor, anchor


def source_name(source_id, rules):
    """An article's name as a label (a badge, a list of sources): its registry name with
    a capital first letter ("The hiring manager's article (Cheddar Den)")."""
    for source in rules["sources"]:
        if source["id"] == source_id:
            name = source.get("name") or source["title"]
            return name[:1].upper() + name[1:]
    return source_id


def section_heading(cite, rules):
    """The heading of the article's section a citation points at (every section's, joined
    by '; ', for a citation that by_article merged), or ''."""
    for source in rules["sources"]:
        if source["id"] == cite["source"] and cite["section"]:
            headings = source.get("sections") or {}
            return "; ".join(headings.get(section, "")
                             for section in cite.get("sections") or [cite["section"]])
    return ""


def by_article(cites):
    """One citation per article, in the order first cited, each with every section cited
    ("sections"; "section" stays its first), so that an article is named once."""
    merged = []
    for cite in cites:
        same = [kept for kept in merged if kept["source"] == cite["source"]]
        if not same:
            same = [{"source": cite["source"], "section": cite["section"], "sections": []}]
            merged.append(same[0])
        for section in cite.get("sections") or [cite["section"]]:
            if section not in same[0]["sections"]:
                same[0]["sections"].append(section)
    return merged


def credit_groups(cites, own):
    """The parts of an item grouped by who says them: [(part words, citations)], parts
    with the same citations together, e.g. [("what, when", [...]), ("how", [...])]. A part
    that is only the guide's own choice is left out: its note says so, with the reason."""
    groups = []
    for part in ("action", "timing", "to", "channel", "useful"):
        cited = by_article(cites.get(part) or [])
        if not cited:
            continue
        same = [group for group in groups if group[1] == cited]
        if same:
            same[0][0].append(PART_WORDS[part])
        else:
            groups.append(([PART_WORDS[part]], cited))
    return [(", ".join(parts), cited) for parts, cited in groups]


def credits_line(cites, own, rules):
    """One line of who says what, in names: 'what, when: Selectek; how: Coon'."""
    groups = credit_groups(cites, own)
    if len(groups) == 1:
        return names_of(groups[0][1], rules)
    return "; ".join(parts + ": " + names_of(cited, rules) for parts, cited in groups)


def names_of(cites, rules):
    """The articles of a citation list by name, each once, in the order given."""
    names = []
    for cite in cites:
        name = source_name(cite["source"], rules)
        if name not in names:
            names.append(name)
    return ", ".join(names)


def whom_and_how(item):
    """'HR, by email', 'the interviewers, in person', or 'your own task'."""
    if item["to"] == "self":
        return "your own task"
    return RECIPIENT_WORDS[item["to"]] + (", " + CHANNEL_WORDS[item["channel"]]
                                          if item["channel"] else "")


def own_notes(own):
    """[(part words, note)] for the parts the guide decided itself, in the parts' order
    (a dict's order differs between the two Pythons)."""
    return [(PART_WORDS[part], own[part]) for part in ("timing", "to", "channel", "useful")
            if part in own]
