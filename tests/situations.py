"""Situations for the planner: random valid ones from one seeded generator shared by the
property tests (driven by hypothesis) and the MicroPython parity test (a fixed seed), and
chosen ones for readers the issues describe."""
from datetime import date, timedelta

NAMES = ["Ana Ruiz", "Bo Li", "Zoë Ünal", "O'Brien, Pat", "李雷", "<b>Sam</b>", "Tab\tand\x1b esc",
         "Line\u2028break"]
# (situation, today): a reader on the day, a week later, three weeks later; each answer.
CHOSEN = [
    ({"interviewed": "2026-11-16", "decision_within": "7d"}, "2026-11-16"),
    ({"interviewed": "2026-11-16", "decision_within": "7d"}, "2026-11-23"),
    ({"interviewed": "2026-11-02"}, "2026-11-23"),
    ({"interviewed": "2026-11-02", "rejected_on": "2026-11-20"}, "2026-11-23"),
    ({"interviewed": "2026-11-02", "offer_on": "2026-11-12", "company": "Acme"}, "2026-11-23"),
    ({"interviewed": "2026-11-02", "next_interview": "2026-11-26", "role": "Analyst",
      "interviewers": ["Ana Ruiz"]}, "2026-11-23"),
    ({"interviewed": "2026-11-02", "next_interview": "2026-11-16",
      "rejected_on": "2026-11-20"}, "2026-11-23"),
]


def random_situation(rng, rules):
    """A valid situation and a `today`, as JSON-ready values."""
    interviewed = date(2026, 1, 1) + timedelta(days=rng.randint(0, 800))
    situation = {"interviewed": interviewed.isoformat(), "hr": rng.random() < 0.8,
                 "via_linkedin": rng.random() < 0.2,
                 "interviewers": rng.sample(NAMES, rng.randint(0, 3))}
    situation.update(_timeline(rng, interviewed, "decision_by", "decision_within"))
    if rng.random() < 0.3:
        situation.update(_timeline(rng, interviewed, "call_back_on", "call_back_within"))
    situation.update(_answer(rng, interviewed))
    if rng.random() < 0.3:
        situation.update(company=rng.choice(["Acme", "Zoë & Co", ""]),
                         role=rng.choice(["Analyst", "Chef, head"]))
    situation["holidays"] = [_later(rng, interviewed, 60) for _ in range(rng.randint(0, 4))]
    situation["choices"] = {d["id"]: rng.choice(d["positions"])["id"]
                            for d in rules["disagreements"] if rng.random() < 0.4}
    today = interviewed + timedelta(days=rng.randint(-10, 60))
    return situation, today


def _answer(rng, interviewed):
    """No answer yet, or a rejection, an offer, or another round (maybe then an answer)."""
    kind = rng.choice(["waiting", "waiting", "rejected", "offer", "next"])
    if kind == "rejected":
        return {"rejected_on": _later(rng, interviewed, 40)}
    if kind == "offer":
        return {"offer_on": _later(rng, interviewed, 40)}
    if kind == "next":
        following = _later(rng, interviewed, 30)
        later = {} if rng.random() < 0.5 else {"rejected_on": _later(
            rng, date.fromisoformat(following), 20)}
        return dict(later, next_interview=following)
    return {}


def _timeline(rng, interviewed, on_field, within_field):
    kind = rng.choice(["none", "on", "within"])
    if kind == "on":
        return {on_field: _later(rng, interviewed, 60)}
    if kind == "within":
        return {within_field: rng.choice([f"{rng.randint(1, 30)}d", f"{rng.randint(1, 8)}w"])}
    return {}


def _later(rng, day, most):
    return (day + timedelta(days=rng.randint(0, most))).isoformat()
