"""The checklist's saved data: each interview's answers, ticks and edited drafts, checked
field by field so that nothing a reader saved is ever thrown away.

Storage is a small database in localStorage: an index (which interviews, which is shown)
and one record per interview. Records are versioned; the first version (one interview
under one key) is migrated. Whatever cannot be used is set aside in the record, never
dropped, and the reader is told. MicroPython-safe; nothing here raises on bad data.
"""
import json

from . import publicdays
from .dates import parse_date
from .situation import clean_text

VERSION = 2
PREFIX = "interview-followup:"
INDEX_KEY = PREFIX + "index"
SNAPSHOT_KEY = PREFIX + "snapshot"
LEGACY_KEY = PREFIX + "v1"
META_KEY = PREFIX + "kept"  # the days of the last backup and of the last backup offer
BACKUP_EVERY = 7  # days between backup offers (Safari clears storage after 7 days unvisited)
ALL = "all"  # the index's `current` when the reader looks at every interview at once
TEXT_FIELDS = ("interviewed", "timeline", "decision_by", "decision_n", "decision_unit",
               "call_back", "call_back_on", "call_back_n", "call_back_unit", "interviewers",
               "role", "company", "me", "outcome", "outcome_on", "holidays", "country",
               "region", "interview_time")
FLAG_FIELDS = ("hr", "via_linkedin", "left")  # left: the reader has left the interview
CHOICES = {"timeline": ("none", "by", "within"), "call_back": ("none", "on", "within"),
           "decision_unit": ("d", "w"), "call_back_unit": ("d", "w"),
           "outcome": ("waiting", "next-round", "offer", "rejected")}
# What each outcome sets in the planner's situation: the date field it fills.
OUTCOME_FIELDS = {"rejected": "rejected_on", "offer": "offer_on",
                  "next-round": "next_interview"}
MAX_TEXT = 2000
MAX_INTERVIEWS = 50  # shown at once; more are kept in storage, listed, and said
MAX_TICKS = 500
MAX_DEPTH = 20  # of a value set aside: deeper is no answer anyone typed, and JSON recurses
MAX_SET_ASIDE = 16 * 1024  # characters of JSON set aside: more slows every save, and no one typed it
MAX_DRAFTS = 100  # edited drafts in one interview: a panel of 20 has about 25 to edit
ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"
WORDS = {"interviewed": "the interview date", "timeline": "what they said about deciding",
         "decision_by": "the decision date", "decision_n": "the number of days or weeks",
         "call_back": "the call-back request", "call_back_on": "the call-back date",
         "call_back_n": "the number of days or weeks", "outcome": "the outcome",
         "outcome_on": "the date of their answer", "holidays": "the days off",
         "interviewers": "the interviewers' names", "role": "the role",
         "company": "the company", "me": "your name", "hr": "the HR question",
         "via_linkedin": "the LinkedIn question", "decision_unit": "days or weeks",
         "call_back_unit": "days or weeks", "choices": "a choice",
         "country": "the country", "region": "the region",
         "interview_time": "the interview time", "left": "whether you have left"}


RECORD_PREFIX = PREFIX + "interview:"


def record_key(interview_id):
    return RECORD_PREFIX + interview_id


def usable_id(value):
    """An interview id from outside that may be kept as it is: short, plain, and not the
    word the list uses for every interview at once."""
    return isinstance(value, str) and 0 < len(value) < 80 and value != ALL and all(
        char in ID_CHARACTERS for char in value)


def listed_ids(index, keys):
    """The interviews to read, each once: those the saved index lists (in its order),
    then any whose record is in storage but not in the index (`keys`: storage keys),
    which would otherwise never be seen again."""
    listed = index.get("interviews") if isinstance(index, dict) else None
    found = [key[len(RECORD_PREFIX):] for key in sorted(keys) if key.startswith(RECORD_PREFIX)]
    ids = []
    for interview_id in (listed if isinstance(listed, list) else []) + found:
        if isinstance(interview_id, str) and interview_id and interview_id not in ids:
            ids.append(interview_id)
    return ids


def default_answers(today_iso):
    answers = {}
    for key in TEXT_FIELDS:
        answers[key] = ""
    answers.update({"interviewed": today_iso, "timeline": "none", "decision_n": "7",
                    "decision_unit": "d", "call_back": "none", "call_back_n": "3",
                    "call_back_unit": "d", "outcome": "waiting", "hr": True,
                    "via_linkedin": False, "left": False, "choices": {}})
    return answers


def new_record(interview_id, answers):
    """`ticked`: the ids of the items the reader has done; `done_on`: the day each was
    ticked (kept apart so that an older page reading the record keeps the ticks);
    `drafts`: edited drafts by id, `drafted_on` the day each was last edited."""
    return {"version": VERSION, "id": interview_id, "answers": answers,
            "valid": answers, "ticked": [], "done_on": {}, "drafts": {}, "drafted_on": {},
            "set_aside": {}}


# --- answers -> the planner's situation ---------------------------------------------

def situation(answers, interview_id=""):
    """(planner situation, problems) where problems are (field, value, message) found
    before the planner sees the answers (e.g. a count that is not a whole number)."""
    problems = []
    result = {"interviewed": answers["interviewed"], "hr": answers["hr"],
              "via_linkedin": answers["via_linkedin"], "company": answers["company"],
              "role": answers["role"], "ref": interview_id,
              "interviewers": interviewer_names(answers),
              "choices": answers["choices"], "holidays": _dates(answers["holidays"])}
    if country_code(answers):
        result.update(_public_holidays(answers, problems))
    if answers["timeline"] == "by":
        result["decision_by"] = answers["decision_by"]
    elif answers["timeline"] == "within":
        result["decision_within"] = _span(answers, "decision", problems)
    if answers["call_back"] == "on":
        result["call_back_on"] = answers["call_back_on"]
    elif answers["call_back"] == "within":
        result["call_back_within"] = _span(answers, "call_back", problems)
    field = OUTCOME_FIELDS.get(answers["outcome"])
    if field:
        result[field] = answers["outcome_on"]
        if not answers["outcome_on"]:
            problems.append((field, "", "is required for this answer"))
    return result, problems


def untouched(record):
    """An interview the reader has not made theirs: no company, role or names typed, no
    tick, no edited draft (the page makes one such when nothing is saved)."""
    answers = record["answers"]
    return not (record["ticked"] or record["drafts"] or answers["company"].strip() or
                answers["role"].strip() or answers["interviewers"].strip())


def clean_answers(answers):
    """The answers with the words that travel (company, role, the reader's name) on one
    line, free of control, text-direction and zero-width characters: for drafts, email
    subjects and file names."""
    return dict(answers, company=clean_text(answers["company"]),
                role=clean_text(answers["role"]), me=clean_text(answers["me"]))


def interviewer_names(answers):
    """The interviewers' names as the planner takes them: one per line, cleaned."""
    names = [clean_text(line) for line in answers["interviewers"].split("\n")]
    return [name for name in names if name]


def _span(answers, prefix, problems):
    count = answers[prefix + "_n"].strip()
    if not count or not all("0" <= char <= "9" for char in count) or len(count) > 4:
        problems.append((prefix + "_within", count, "must be a whole number"))
        return None
    return count + answers[prefix + "_unit"]


def _dates(text):
    return [part for part in text.replace(",", " ").split() if part]


def country_code(answers):
    """'GB-ENG', 'GB', or '' when the reader chose no country."""
    country = (answers.get("country") or "").strip()
    region = (answers.get("region") or "").strip()
    return country + ("-" + region if country and region else "")


def _public_holidays(answers, problems):
    """The public holidays, weekend and years known of the chosen country (and region),
    as situation fields: the table is read only once a country is chosen."""
    code = country_code(answers)
    table = publicdays.loaded()
    why = publicdays.problem(table, code)
    if why:
        region_only = "-" in code and publicdays.problem(table, code.split("-")[0]) is None
        problems.append(("region" if region_only else "country", code, why))
        return {}
    return publicdays.situation_fields(table, code)


def label(answers):
    """How an interview is named in the reader's list: 'Analyst at Acme, 16 Nov 2026'."""
    who = " at ".join(clean_text(part) for part in (answers["role"], answers["company"])
                      if clean_text(part))
    return (who or "Interview") + ", " + (answers["interviewed"] or "no date yet")


# --- checking saved data, field by field ---------------------------------------------

def checked_record(data, interview_id, today_iso, rules):
    """(record, problems) from parsed JSON of unknown origin. Each unusable field falls
    back to its default and its saved value is kept in `set_aside`; `problems` says in
    plain words what could not be used. Only data that is not a record at all is refused
    (record None)."""
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        return None, ["it is not a saved interview"]
    if data.get("version") not in (1, VERSION):
        return None, ["it was saved by a newer version of the checklist"]
    answers, set_aside, problems = checked_answers(_migrated(data["answers"]), today_iso, rules)
    valid = data.get("valid")
    valid = checked_answers(valid, today_iso, rules)[0] if isinstance(valid, dict) else answers
    record = new_record(interview_id, answers)
    ticked = _ticks(data.get("ticked"))
    drafts = _drafts(data.get("drafts"))
    record.update(valid=valid, ticked=ticked, done_on=_days(data.get("done_on"), ticked),
                  drafts=drafts, drafted_on=_days(data.get("drafted_on"), drafts))
    old = data.get("set_aside")
    record["set_aside"] = bounded(dict(old if isinstance(old, dict) else {}, **set_aside),
                                  MAX_DEPTH)
    if len(json.dumps(record["set_aside"])) > MAX_SET_ASIDE:
        record["set_aside"] = {"left out": "more than %d characters" % MAX_SET_ASIDE}
        problems.append("what could not be used was too large to keep, and was left out")
    return record, problems


def bounded(value, depth):
    """`value` with whatever is nested more than `depth` levels down replaced by a note,
    so that saving it can never recurse without end."""
    if not isinstance(value, (dict, list)):
        return value
    if depth <= 0:
        return "(nested too deeply to keep)"
    if isinstance(value, list):
        return [bounded(item, depth - 1) for item in value]
    return dict((key, bounded(item, depth - 1)) for key, item in value.items())


def _migrated(answers):
    """Version 1's answers in version 2's shape (its 'pending' and 'rejected_on')."""
    if answers.get("outcome") == "pending":
        answers = dict(answers, outcome="waiting")
    if "rejected_on" in answers and "outcome_on" not in answers:
        answers = dict(answers, outcome_on=answers["rejected_on"])
    return answers


def checked_answers(given, today_iso, rules):
    """(answers, set_aside, problems): every field of `given` that is usable, the rest at
    their defaults and kept aside."""
    answers, set_aside, problems = default_answers(today_iso), {}, []
    for key in TEXT_FIELDS + FLAG_FIELDS:
        if key not in given:
            continue
        if _usable(key, given[key]):
            answers[key] = given[key]
        else:
            set_aside[key] = given[key]
            problems.append(WORDS[key] + " could not be read")
    choices, dropped = _choices(given.get("choices"), rules)
    answers["choices"] = choices
    if dropped:
        set_aside["choices"] = dropped
        problems += ["your choice for \u201c%s\u201d no longer exists" % question
                     for question in _questions(dropped, rules)]
    return answers, set_aside, problems


def _usable(key, value):
    if key in FLAG_FIELDS:
        return isinstance(value, bool)
    return isinstance(value, str) and len(value) <= MAX_TEXT and (
        key not in CHOICES or value in CHOICES[key])


def _choices(given, rules):
    """(choices that are still positions, the ones that are not)."""
    positions = dict((d["id"], [p["id"] for p in d["positions"]]) for d in rules["disagreements"])
    kept, dropped = {}, {}
    for key in sorted(given) if isinstance(given, dict) else []:  # one order in both Pythons
        value = given[key]
        if isinstance(value, str) and value in positions.get(key, ()):
            kept[key] = value
        else:
            dropped[str(key)[:100]] = value
    return kept, dropped


def _questions(dropped, rules):
    questions = dict((d["id"], d["question"]) for d in rules["disagreements"])
    return [questions.get(key, key) for key in dropped]


def _ticks(ticked):
    if not isinstance(ticked, list):
        return []
    return [t for t in ticked if isinstance(t, str) and len(t) <= 200][:MAX_TICKS]


def _days(days, keys):
    """{key: ISO day} for the keys still there; a day that is not one is left out."""
    if not isinstance(days, dict):
        return {}
    return dict((k, v) for k, v in days.items() if k in keys and isinstance(v, str)
                and len(v) == 10 and _is_day(v))


def _is_day(text):
    return text[4] == "-" and text[7] == "-" and all(
        "0" <= c <= "9" for c in text[:4] + text[5:7] + text[8:])


def _drafts(drafts):
    if not isinstance(drafts, dict):
        return {}
    kept = [(k, v) for k, v in drafts.items()
            if isinstance(k, str) and len(k) <= 200 and isinstance(v, str) and len(v) <= 4 * MAX_TEXT]
    return dict(kept[:MAX_DRAFTS])


def checked_index(data, known_ids):
    """The index's order of interviews (only those whose records exist, each once) and
    which is shown."""
    order = []
    listed = data.get("interviews") if isinstance(data, dict) else None
    for interview_id in (listed if isinstance(listed, list) else []) + list(known_ids):
        if interview_id in known_ids and interview_id not in order:
            order.append(interview_id)
    current = data.get("current") if isinstance(data, dict) else None
    if current != ALL and current not in order:
        current = order[0] if order else None
    return {"version": VERSION, "interviews": order[:MAX_INTERVIEWS], "current": current}


def checked_meta(data):
    """What the checklist remembers about keeping the reader's data safe: the day of the
    last backup (a backup or calendar file saved) and of the last backup offer."""
    meta = {"version": VERSION, "backup": "", "offered": ""}
    for key in ("backup", "offered"):
        value = data.get(key) if isinstance(data, dict) else None
        if isinstance(value, str) and len(value) == 10 and _is_day(value):
            meta[key] = value
    return meta


def backup_due(meta, today_iso):
    """Whether to offer a backup today (to a reader whose browser has not promised to
    keep their data): the first time, then once a week has passed since both the last
    backup and the last offer."""
    last = max(meta["backup"], meta["offered"])
    return not last or (parse_date(today_iso) - parse_date(last)).days >= BACKUP_EVERY


def saved_index(order, current):
    return {"version": VERSION, "interviews": list(order), "current": current}


# --- moving interviews between browsers ----------------------------------------------

def export_data(records):
    return {"version": VERSION, "interviews": list(records)}


def imported_records(data):
    """The interview records in an export (this version's or the first version's single
    interview), unchecked; or (None, why) when it is not an export at all."""
    if isinstance(data, dict) and isinstance(data.get("interviews"), list):
        return [r for r in data["interviews"] if isinstance(r, dict)], None
    if isinstance(data, dict) and isinstance(data.get("answers"), dict):
        return [data], None
    return None, "it is not a checklist export"


def share_data(record):
    """What a share link carries: the interview's answers, but not whether the sender has
    left the interview (that is their day, not the plan's)."""
    answers = dict(record["answers"], left=False)
    return {"version": VERSION, "interview": {"id": record["id"], "answers": answers}}


def restore_data(record):
    """What a restore link carries (in a calendar event, for the reader alone): the
    interview's answers and the reader's ticks, with the day of each. Never drafts."""
    return {"version": VERSION, "restore": {
        "id": record["id"], "answers": record["answers"], "ticked": record["ticked"],
        "done_on": record["done_on"]}}


def restored_record(data):
    """The interview inside a restore link's data, or (None, why): id, answers and ticks,
    unchecked (checked_record checks them as for any saved record)."""
    if isinstance(data, dict) and isinstance(data.get("restore"), dict):
        kept = data["restore"]
        return {"id": kept.get("id"), "answers": kept.get("answers"),
                "ticked": kept.get("ticked"), "done_on": kept.get("done_on")}, None
    return None, "it does not hold an interview"


def shared_record(data):
    """The interview inside a share link's data, or (None, why): its id and answers only.
    A link only ever sends answers; ticks and drafts are the reader's own, never taken
    from whoever made the link."""
    if isinstance(data, dict) and isinstance(data.get("interview"), dict):
        shared = data["interview"]
        return {"id": shared.get("id"), "answers": shared.get("answers")}, None
    if isinstance(data, dict) and isinstance(data.get("answers"), dict):
        return {"answers": data["answers"]}, None  # a first-version link: answers only
    return None, "it does not hold an interview"


def percent_decoded(text, limit):
    """The text of a URL fragment with %XX escapes decoded as UTF-8, or (None, why): bad
    escapes and bytes that are not UTF-8 are reported, never raised."""
    if len(text) > limit:
        return None, "it is far too long to be one interview (%d characters)" % len(text)
    raw, index = bytearray(), 0
    while index < len(text):
        char = text[index]
        if char == "%":
            pair = text[index + 1:index + 3]
            if len(pair) != 2 or not _is_hex(pair):
                return None, "it looks cut short or changed on the way; ask for it again"
            raw.append(int(pair, 16))
            index += 3
        else:
            raw += char.encode("utf-8")
            index += 1
    if not utf8_valid(raw):
        return None, "it looks cut short or changed on the way; ask for it again"
    return bytes(raw).decode("utf-8"), None


def utf8_valid(raw):
    """Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing past U+10FFFF.
    MicroPython's decode lets encoded surrogates through, so this is checked by hand."""
    index = 0
    while index < len(raw):
        size, low, high = _lead(raw[index])
        if size == 0 or index + size > len(raw):
            return False
        for offset in range(1, size):
            byte = raw[index + offset]
            lowest, highest = (low, high) if offset == 1 else (0x80, 0xBF)
            if not lowest <= byte <= highest:
                return False
        index += size
    return True


def _lead(byte):
    """(sequence length, allowed range of the second byte) for a leading byte."""
    if byte < 0x80:
        return 1, 0, 0
    for first, last, size, low, high in _LEADS:
        if first <= byte <= last:
            return size, low, high
    return 0, 0, 0


_LEADS = ((0xC2, 0xDF, 2, 0x80, 0xBF), (0xE0, 0xE0, 3, 0xA0, 0xBF), (0xE1, 0xEC, 3, 0x80, 0xBF),
          (0xED, 0xED, 3, 0x80, 0x9F), (0xEE, 0xEF, 3, 0x80, 0xBF), (0xF0, 0xF0, 4, 0x90, 0xBF),
          (0xF1, 0xF3, 4, 0x80, 0xBF), (0xF4, 0xF4, 4, 0x80, 0x8F))


def _is_hex(pair):
    for char in pair:
        if char not in "0123456789abcdefABCDEF":
            return False
    return True


def percent_encoded(text):
    """Like encodeURIComponent: letters, digits and -_.!~*'() stay; the rest is %XX."""
    safe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()"
    return "".join(char if char in safe else "".join("%%%02X" % byte for byte in
                                                        char.encode("utf-8")) for char in text)
