"""The employer's answer: what a rejection, an offer or another round ends in a plan."""
from datetime import timedelta

from .dates import format_date, iso, parse_date
from .situation import ANSWERS

ANSWER_WORDS = {"rejection": "You were turned down on %s.",
                "offer": "You had an offer on %s: the follow-up ends there.",
                "next-round": "You were invited to another round on %s, so this round's "
                              "checks no longer apply."}


def end_with_answers(items, rules, situation):
    """(kept, dropped): an answer ends the steps that say so (`ends_with`): a rejection or
    an offer from its date on; an invitation to another round, all of the first round's."""
    ends = dict((step["id"], step["ends_with"]) for step in rules["steps"])
    kept, dropped = [], []
    for item in items:
        reason = _ended_by(item, ends[item["step"]], situation)
        if reason:
            dropped.append(dropped_entry(item, reason))
        else:
            kept.append(_useful_until_answered(item, ends[item["step"]], situation))
    return kept, dropped


def _useful_until_answered(item, answers, situation):
    """An item the answer ends but that was due before it stops helping the day before
    the answer (a thank-you not yet sent is no use once you have been turned down), and
    says so in `ended`."""
    for field, _, _, answer in ANSWERS[:2]:
        day = parse_date(situation[field] or "")
        if day is None or answer not in answers or item["due"] is None:
            continue
        last = iso(day - timedelta(days=1))
        if item["useful_until"] is None or item["useful_until"] > last:
            item["useful_until"] = max(last, item["latest"] or item["due"])
            item["ended"] = ANSWER_WORDS[answer] % format_date(day)
    return item


def _ended_by(item, answers, situation):
    """Why an answer ends this item, or None."""
    for field, _, _, answer in ANSWERS:
        day = parse_date(situation[field] or "")
        if day is None or answer not in answers:
            continue
        if answer == "next-round" and item["round"] == 1:
            return ANSWER_WORDS[answer] % format_date(day)
        if answer != "next-round" and item["due"] and parse_date(item["due"]) >= day:
            return ANSWER_WORDS[answer] % format_date(day)
    return None


def dropped_entry(item, reason):
    return {"id": item["id"], "rule": item["rule"], "title": item["title"],
            "due": item["due"], "reason": reason}
