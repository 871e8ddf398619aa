"""Random valid situations, from one seeded generator shared by the property tests
(driven by hypothesis) and the MicroPython parity test (driven by a fixed seed)."""
from datetime import date, timedelta

NAMES = ["Ana Ruiz", "Bo Li", "Zoë Ünal", "O'Brien, Pat", "李雷", "<b>Sam</b>"]


def random_situation(rng, rules):
    """A valid situation and a `today`, as JSON-ready values."""
    interviewed = date(2026, 1, 1) + timedelta(days=rng.randint(0, 800))
    situation = {"interviewed": interviewed.isoformat(), "hr": rng.random() < 0.8,
                 "via_linkedin": rng.random() < 0.2,
                 "interviewers": rng.sample(NAMES, rng.randint(0, 3))}
    situation.update(_timeline(rng, interviewed, "decision_by", "decision_within"))
    if rng.random() < 0.3:
        situation.update(_timeline(rng, interviewed, "call_back_on", "call_back_within"))
    if rng.random() < 0.25:
        situation["rejected_on"] = _later(rng, interviewed, 40)
    situation["holidays"] = [_later(rng, interviewed, 60) for _ in range(rng.randint(0, 4))]
    situation["choices"] = {d["id"]: rng.choice(d["positions"])["id"]
                            for d in rules["disagreements"] if rng.random() < 0.4}
    today = interviewed + timedelta(days=rng.randint(-10, 60))
    return situation, today


def _timeline(rng, interviewed, on_field, within_field):
    kind = rng.choice(["none", "on", "within"])
    if kind == "on":
        return {on_field: _later(rng, interviewed, 60)}
    if kind == "within":
        return {within_field: rng.choice([f"{rng.randint(1, 30)}d", f"{rng.randint(1, 8)}w"])}
    return {}


def _later(rng, day, most):
    return (day + timedelta(days=rng.randint(0, most))).isoformat()
