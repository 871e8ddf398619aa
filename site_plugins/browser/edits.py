"""The reader's own marks on an interview: ticks with the day each was made, edited drafts
with the day of the edit, both following a person across a corrected name, and the marks
a link brings merged with the reader's own. Pure and MicroPython-safe; records are
state.py's."""


def done_days(record):
    """{item id: the day it was ticked, '' if not known}: what planner.with_done takes."""
    return dict((item_id, record["done_on"].get(item_id, "")) for item_id in record["ticked"])


def set_tick(record, item_id, done, today_iso):
    """Tick (`done`) or untick an item, recording the day of a tick."""
    record["ticked"] = [t for t in record["ticked"] if t != item_id]
    record["done_on"].pop(item_id, None)
    if done:
        record["ticked"].append(item_id)
        record["done_on"][item_id] = today_iso


def set_draft(record, draft_id, text, today_iso):
    """Keep the reader's edit of a draft and the day it was made (its day words, such as
    'today', were true that day)."""
    record["drafts"][draft_id] = text
    record["drafted_on"][draft_id] = today_iso


def forget_draft(record, draft_id):
    record["drafts"].pop(draft_id, None)
    record["drafted_on"].pop(draft_id, None)


def people_renamed(record, old_names, new_names, person_slugs):
    """After the interviewers' names were edited, move each changed person's ticks and
    edited drafts to their new name, so that fixing a typo loses nothing. Names kept (in
    any order) keep their own; a name that went is the same person as a name that came
    when the two differ by a typo or stand on the same line. `person_slugs` is the
    planner's (how an item id names a person). True when anything moved."""
    old_slugs = dict(zip(old_names, person_slugs(old_names)))
    new_slugs = dict(zip(new_names, person_slugs(new_names)))
    gone = [(i, n) for i, n in enumerate(old_names) if n not in new_slugs]
    came = [(i, n) for i, n in enumerate(new_names) if n not in old_slugs]
    moves = dict((":" + old_slugs[a], ":" + new_slugs[b]) for a, b in _same_people(gone, came)
                 if old_slugs[a] != new_slugs[b])
    if moves:
        record["ticked"] = [_moved(t, moves) for t in record["ticked"]]
        for field in ("done_on", "drafts", "drafted_on"):
            record[field] = dict((_moved(k, moves), v) for k, v in record[field].items())
    return bool(moves)


def _same_people(gone, came):
    """(old name, new name) pairs from (line, name) lists: closest spellings first."""
    scored = sorted((_distance(g[1].lower(), c[1].lower()), gi, ci)
                    for gi, g in enumerate(gone) for ci, c in enumerate(came))
    pairs, used_gone, used_came = [], [], []
    for distance, gi, ci in scored:
        (old_line, old), (new_line, new) = gone[gi], came[ci]
        if gi in used_gone or ci in used_came:
            continue
        if distance <= max(2, len(old) // 3) or old_line == new_line:
            pairs.append((old, new))
            used_gone.append(gi)
            used_came.append(ci)
    return pairs


def _distance(a, b):
    """Edits (insert, delete, change a character) that turn a into b."""
    row = list(range(len(b) + 1))
    for i, char in enumerate(a):
        last, row[0] = row[0], i + 1
        for j, other in enumerate(b):
            last, row[j + 1] = row[j + 1], min(row[j + 1] + 1, row[j] + 1,
                                                last + (char != other))
    return row[-1]


def nothing_new(mine, incoming):
    """An interview from outside that would change nothing of the reader's own."""
    return mine["answers"] == incoming["answers"] and all(
        t in mine["ticked"] for t in incoming["ticked"])


def merged_record(mine, incoming):
    """The incoming answers, with the reader's ticks and the incoming ones (each with its
    earliest known day) and the reader's drafts where the incoming record has none."""
    merged = dict(incoming)
    merged["ticked"] = mine["ticked"] + [t for t in incoming["ticked"] if t not in mine["ticked"]]
    merged["done_on"] = dict(incoming["done_on"], **mine["done_on"])
    merged["drafts"] = incoming["drafts"] or mine["drafts"]
    merged["drafted_on"] = incoming["drafted_on"] if incoming["drafts"] else mine["drafted_on"]
    return merged


def _moved(item_id, moves):
    """An item id of a person with a new name part: 'thank:jon' -> 'thank:john'."""
    cut = item_id.rfind(":")
    tail = item_id[cut:] if cut >= 0 else ""
    return item_id[:cut] + moves[tail] if tail in moves else item_id
