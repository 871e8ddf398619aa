"""Public holidays by country and region, read from the compact table the build writes
(site_plugins/holidays_table.py): a country's days off for the planner's situation.

The table: {"from": first year, "to": last year, "countries": {CODE: {"name": ...,
"days": ..., "weekend": [4, 5] (only where it is not [5, 6], Saturday and Sunday),
"regions": {CODE: {"name": ..., "add": ..., "drop": ...}}}}}, where each
run of days is two base-36 digits per day, counted from 1 January of the first year.
A region's days are its country's, with "add" added and "drop" taken out. Pure, and the
same under MicroPython: the page fetches the table only when an interview shown has a
country (browser/view.py, `holidays_coming`) and reads it then (`loaded`).
"""
import json
from datetime import date, timedelta

from .dates import iso

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
TABLE_FILE = "holidays.json"  # its name in the site (assets.py) and in the page's files
_LOADED = {}  # the table, once read: {"table": ...}


def loaded():
    """The table the page ships, read once when first needed; None if it cannot be read."""
    if "table" not in _LOADED:
        try:
            with open(TABLE_FILE) as handle:
                _LOADED["table"] = json.load(handle)
        except (OSError, ValueError):
            return None
    return _LOADED["table"]


def use(table):
    """Make `table` the one `loaded` returns (the command line and tests)."""
    _LOADED["table"] = table


def split_code(code):
    """('GB', 'ENG') from 'GB-ENG', ('GB', '') from 'GB': upper case, spaces trimmed."""
    country, _, region = str(code).strip().upper().partition("-")
    return country, region


def problem(table, code):
    """Why `code` is not a country (and region) in the table, or None when it is."""
    country, region = split_code(code)
    if table is None:
        return "cannot be used: the public holidays could not be loaded"
    entry = table["countries"].get(country)
    if entry is None:
        return "is not a country the public holidays table knows (known: %s)" % ", ".join(
            sorted(table["countries"]))
    regions = entry.get("regions") or {}
    if region and region not in regions:
        known = ", ".join(sorted(regions)) if regions else "none"
        return "names no region of %s (its regions: %s)" % (entry["name"], known)
    return None


def days(table, code):
    """The public holidays of a country ('GB') or region ('GB-ENG') as sorted ISO days
    (`problem` first: a code the table lacks raises KeyError)."""
    country, region = split_code(code)
    entry = table["countries"][country]
    chosen = set(_decoded(table, entry.get("days", "")))
    if region:
        extra = entry["regions"][region]
        chosen = (chosen | set(_decoded(table, extra.get("add", "")))) - set(
            _decoded(table, extra.get("drop", "")))
    return sorted(chosen)


def situation_fields(table, code):
    """What a country (and region) adds to the planner's situation (`problem` first)."""
    first, last = years(table)
    return {"public_holidays": days(table, code), "weekend": weekend(table, code),
            "public_holidays_years": [first, last]}


def weekend(table, code):
    """The country's weekdays off, Monday 0 .. Sunday 6."""
    return list(table["countries"][split_code(code)[0]].get("weekend") or [5, 6])


def years(table):
    """(first, last) year the table covers."""
    return table["from"], table["to"]


def countries(table):
    """[(code, name)] by name."""
    named = [(entry["name"], code) for code, entry in table["countries"].items()]
    return [(code, name) for name, code in sorted(named)]


def regions(table, country):
    """[(code, name)] of a country's regions by name ([] when it has none or is unknown)."""
    entry = table["countries"].get(split_code(country)[0]) or {}
    named = [(region["name"], code) for code, region in (entry.get("regions") or {}).items()]
    return [(code, name) for name, code in sorted(named)]


def _decoded(table, text):
    start = date(table["from"], 1, 1)
    return [iso(start + timedelta(days=DIGITS.index(text[i]) * 36 + DIGITS.index(text[i + 1])))
            for i in range(0, len(text) - 1, 2)]


def encoded(first_year, days_off):
    """The table's text for some days (dates from `first_year` on, less than 1296 days)."""
    start = date(first_year, 1, 1)
    text = ""
    for day in sorted(days_off):
        offset = (day - start).days
        text += DIGITS[offset // 36] + DIGITS[offset % 36]
    return text
