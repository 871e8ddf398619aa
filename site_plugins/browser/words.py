"""How the plan's parts are said to a reader: whom, how, and when."""
RECIPIENT_WORDS = {"self": "you", "interviewers": "the interviewers", "hr": "HR",
                   "hiring-contact": "the hiring contact"}
CHANNEL_WORDS = {"email": "by email", "phone": "by phone", "handwritten": "as a handwritten card",
                 "printed": "as a printed letter", "post": "by post", "linkedin": "on LinkedIn",
                 "in-person": "in person"}
ANCHOR_WORDS = {"interview": "the interview", "decision": "the stated decision date",
                "call-back": "the call-back date you were given",
                "rejection": "the rejection"}


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
