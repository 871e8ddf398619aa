"""The checklist's one state object, and the two things every part of it asks the page:
an element by id, and today's date (the reader's clock, read here and nowhere else)."""
from pyscript import document, window

from followup import dates


class Checklist:
    """Everything the checklist holds while the page is open, made once at start-up
    (widget.py) and passed to whatever reads or changes it."""
    __slots__ = ("rules", "bundle", "records", "order", "unshown", "current", "results",
                 "drawn", "undo", "pending", "snapshot_due", "save_later", "reload_due",
                 "reload_later", "unsaved", "modules", "plans", "deleting", "kept",
                 "nothing_saved", "merged", "holidays")

    def __init__(self):
        self.rules = None        # the rules bundle (rules.json)
        self.bundle = ""         # its id: a snapshot is painted only when drawn by the same
        self.records = {}        # interview id -> its saved record
        self.order = []          # the interviews shown, in the list's order
        # kept in storage and in the index but not shown (unreadable, or past
        # MAX_INTERVIEWS), so that saving the index never drops them
        self.unshown = []
        self.current = None      # the interview shown, or state.ALL for all of them merged
        self.results = {}        # interview id -> its last plan, with the reader's ticks
        self.merged = None       # the last merged plan of "All my interviews"
        self.plans = {}          # interview id -> (day and answers, (plan, problems)): planned once
        self.drawn = {}          # element id -> the markup painted there
        self.undo = None         # (order, records, current) an Undo goes back to
        self.pending = None      # a shared interview waiting for "update mine" or "keep both"
        self.snapshot_due = False
        self.save_later = None   # JavaScript proxies of store.saved_later / store.reloaded
        self.reload_due = False
        self.reload_later = None
        self.unsaved = {}        # storage keys storage refused, saved again later
        self.modules = {}        # the modules loaded when first needed, by name
        self.holidays = None     # the public holidays table: "coming", then "here"
        # (fetched when an interview shown first has a country: view.holidays_coming)
        self.deleting = None     # the interview a "Delete it?" question is about
        self.kept = None         # the browser's answer to navigator.storage.persist()
        self.nothing_saved = False  # storage was empty when the page started


def element(element_id):
    return document.getElementById(element_id)


def today():
    now = window.Date.new()
    return dates.parse_date("%04d-%02d-%02d" % (now.getFullYear(), now.getMonth() + 1,
                                                now.getDate()))


def today_iso():
    return dates.iso(today())
