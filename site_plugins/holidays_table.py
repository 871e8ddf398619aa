"""The public holidays table, written at build time from the `holidays` package (PyPI,
pinned in constraints.txt): no list kept by hand. The page and `followup plan` read it
through browser/publicdays.py.

Countries: every one `holidays` supports, each with its weekend where it is not
Saturday and Sunday. Regions: each ISO-style subdivision the package knows (not its city
or language variants), stored as what it adds to or takes from its country's days.
"""
import json
import re
from functools import lru_cache

import holidays
from babel import Locale

from .browser.publicdays import encoded

YEARS_AHEAD = 2  # the build year and the two after it: a plan reaches a year past its interview
SATURDAY_SUNDAY = (5, 6)
REGION_CODE = re.compile(r"[A-Z0-9]{1,3}")


def table(first_year, last_year):
    """{"from", "to", "countries"} for the years given (at most three: 1096 days fit two
    base-36 digits)."""
    years = list(range(first_year, last_year + 1))
    return {"from": first_year, "to": last_year,
            "countries": dict((code, _country(code, years)) for code in _country_codes())}


def table_for(today):
    """The table the site ships: from the build year on."""
    return _cached(today.year)


@lru_cache(maxsize=4)
def _cached(year):
    return table(year, year + YEARS_AHEAD)


def table_json(today):
    return json.dumps(table_for(today), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def country_table(code, first_year, last_year):
    """The table with one country only (for the command line), or with none when the
    package does not know it."""
    country = code.strip().upper().partition("-")[0]
    known = country in _country_codes()
    return {"from": first_year, "to": last_year, "countries": {
        country: _country(country, list(range(first_year, last_year + 1)))} if known else {}}


def _country_codes():
    return sorted(code for code in holidays.list_supported_countries() if len(code) == 2)


def _country(code, years):
    national = holidays.country_holidays(code, years=years)
    days = set(national)
    entry = {"name": _country_name(code), "days": encoded(years[0], days)}
    if tuple(sorted(national.weekend)) != SATURDAY_SUNDAY:
        entry["weekend"] = sorted(national.weekend)
    regions = {}
    for region in holidays.list_supported_countries()[code]:
        if REGION_CODE.fullmatch(region):
            regions[region] = _region(code, region, years, days)
    if regions:
        entry["regions"] = regions
    return entry


def _region(country, region, years, national):
    local = holidays.country_holidays(country, subdiv=region, years=years)
    names = dict((code, name) for name, code in local.subdivisions_aliases.items())
    entry = {"name": names.get(region, region)}
    added, dropped = set(local) - national, national - set(local)
    if added:
        entry["add"] = encoded(years[0], added)
    if dropped:
        entry["drop"] = encoded(years[0], dropped)
    return entry


def _country_name(code):
    """The country's name in English (from Babel, which MkDocs Material already brings)."""
    return Locale("en").territories.get(code) or code
