"""What the reader sees: the plan planned and painted (one interview or all merged, only
the parts whose markup changed), the list of interviews, the status line read out to
screen readers, the notices with their buttons, and the modules loaded when a folded part
first needs them."""
import asyncio
import json

from pyscript import document, fetch, window
from pyscript.ffi import create_proxy, to_js

from followup import dates, draftcheck, edits, form, planner, planview, publicdays, state, store, \
    theday
from followup.page import element, today, today_iso


FOLDED = ("fu-choices", "fu-timeline-box", "fu-drafts-box")  # drawn when opened
# How long typing must pause before the plan's change is said: each keystroke redraws the
# plan, but the status line (a live region) is rewritten once, when the reader stops.
PAUSE_MS = 1200
# What waits to be said, whether it still should be, the timers still to ring, and what
# was said last (one page, one status line).
SPEECH = {"words": "", "waiting": False, "timers": 0, "said": "", "proxy": None}


# --- code loaded when first needed ----------------------------------------------------

def with_module(app, name, use):
    """Call use(module) with one of the modules the page loads only when first needed
    (assets.LAZY_MODULES): at once if it is here, else once it has arrived."""
    if name in app.modules:
        use(app.modules[name])
    else:
        asyncio.create_task(arrive(app, name, use))


async def arrive(app, name, use):
    if name not in app.modules:
        if not await fetched(name + ".mpy", "followup/%s.mpy" % name):
            announce("Part of the checklist could not be loaded; reloading the page may help.")
            return
        app.modules[name] = imported(name)
    use(app.modules[name])


async def fetched(file_name, path):
    """Fetch one of the page's files (from the folder of the modules) into `path`; False if
    it could not be fetched (offline, say)."""
    try:
        response = await fetch(str(element("fu-app").getAttribute("data-modules")) + file_name)
        if not response.ok:
            return False
        data = await response.bytearray()
    except Exception:  # a network failure rejects the fetch
        return False
    with open(path, "wb") as handle:
        handle.write(data)
    return True


def holidays_coming(app):
    """True while the public holidays table, which an interview shown has a country for,
    is being fetched (it is fetched when first needed): the plan and the region list are
    drawn once it is here. If it cannot be fetched, the country answer says so."""
    if app.holidays == "here":
        return False
    shown = app.order if app.current == state.ALL else [app.current]
    if not any(state.country_code(app.records[interview_id]["answers"])
               for interview_id in shown if interview_id in app.records):
        return False
    if app.holidays is None:
        app.holidays = "coming"
        asyncio.create_task(holidays_arrive(app))
    return True


async def holidays_arrive(app):
    await fetched(publicdays.TABLE_FILE, publicdays.TABLE_FILE)
    app.holidays = "here"
    form.show_conditional_fields()
    redraw(app)
    store.save_snapshot_soon(app)


def imported(name):
    if name == "drafts":
        from followup import drafts as module
    elif name == "ics":
        from followup import ics as module
    else:
        from followup import timeline as module
    return module


# --- planning and drawing ------------------------------------------------------------

def plan_for(app, record):
    """(plan, problems with the answers as typed): the plan from the answers as typed;
    if they cannot be planned, from the last answers that could; else the defaults."""
    result, problems = try_plan(app, record["answers"], record["id"])
    candidates = [] if result is not None else [
        record["valid"], state.default_answers(record["answers"]["interviewed"] or today_iso()),
        state.default_answers(today_iso())]
    for answers in candidates:
        result = try_plan(app, answers, record["id"])[0]
        if result is not None:
            break
    planned = record["answers"] if not candidates else answers
    if record["valid"] != planned:  # keep the answers that last made a plan
        record["valid"] = planned
        store.save_record(app, record)
    return result, problems


def try_plan(app, answers, interview_id):
    """(plan, problems) for these answers today: planned once, then kept until the
    answers or the day change (a tick in "All my interviews" plans nothing again)."""
    key = today_iso() + json.dumps(answers)
    kept = app.plans.get(interview_id)
    if kept is not None and kept[0] == key:
        return kept[1]
    outcome = _planned(app, answers, interview_id)
    app.plans[interview_id] = (key, outcome)
    return outcome


def _planned(app, answers, interview_id):
    situation, problems = state.situation(answers, interview_id)
    if problems:
        return None, problems
    try:
        return planner.plan(app.rules, situation, today()), []
    except planner.PlanError as error:
        return None, error.problems


def done_plan(app, record):
    """The interview's plan with the reader's ticks (planner.with_done), and the steps
    taken at the interview missed once the reader has left it (theday), kept in
    app.results for the calendar and the copies; (plan, problems with the answers)."""
    result, problems = plan_for(app, record)
    if result is not None:
        result = theday.left_behind(planner.with_done(result, edits.done_days(record)),
                                    app.rules, record["answers"], today(), minutes_now())
    app.results[record["id"]] = result
    return result, problems


def redraw(app):
    """Plan and draw what is shown: one interview, or all of them merged."""
    if holidays_coming(app):
        return
    if app.current == state.ALL:
        draw_all(app)
        return
    record = store.current_record(app)
    result, problems = done_plan(app, record)
    if not problems:
        form.clear_errors()
    elif not half_typed_date():  # a date being typed is checked once it is whole
        form.show_errors(problems)
    draw_one(app, record, result, not problems)
    if problems:
        announce_later("Please check the highlighted answer: %s Your plan is kept as it was."
                       % form.error_words(*problems[0]))


def draw_one(app, record, result, fresh):
    day = today()
    paint(app, {"fu-plan": planview.plan_html(result, app.rules, day)})
    if element("fu-timeline-box").open:  # what is folded away is drawn when opened
        with_module(app, "timeline", lambda timeline: paint(app, {"fu-timeline-picture": (
            timeline.timeline_svg(result["items"], result["interview"]["interviewed"],
                                  "widget-tl", day))}))
    if element("fu-drafts-box").open:
        with_module(app, "drafts", lambda drafts: paint(app, {"fu-drafts": planview.drafts_html(
            drafts.drafts(state.clean_answers(record["answers"]), result, day), record["drafts"],
            state.percent_encoded, lambda draft_id, text: draft_warnings(record, draft_id, text))}))
    element("fu-warnings").textContent = " ".join(result["warnings"])
    element("fu-next").textContent = planview.next_words(result, day)
    element("fu-answers-summary").textContent = state.label(record["answers"])
    element("fu-plan-intro").hidden = True
    show_left_button(record, result, day)
    if fresh:
        announce_later("Plan updated: %s. %s" % (planview.count_words(result),
                                                 planview.next_words(result, day)))


def show_left_button(record, result, day):
    """Offer "I have left the interview" while a step taken there is next."""
    upcoming = planner.next_item(result["items"])
    element("fu-left-row").hidden = not (
        upcoming is not None and upcoming["channel"] == "in-person"
        and upcoming["due"] == dates.iso(day) and not record["answers"]["left"])


def minutes_now():
    """The reader's clock as minutes after midnight (theday takes it as an argument)."""
    now = window.Date.new()
    return int(now.getHours()) * 60 + int(now.getMinutes())


def returning(app):
    """Whether the reader has given answers of their own (or ticked or edited anything):
    such a reader starts at their plan, with the answers folded one tap above it."""
    for record in app.records.values():
        answers = record["answers"]
        defaults = state.default_answers(answers["interviewed"])
        if record["ticked"] or record["drafts"] or [
                key for key in state.TEXT_FIELDS + state.FLAG_FIELDS
                if key != "interviewed" and answers[key] != defaults[key]]:
            return True
    return False


def show_returning(app, typed=()):
    """A returning reader's page opens on the plan: the introduction for a first visit
    left out and the answers folded (unless they have already typed in them)."""
    back = returning(app)
    if back:
        element("fu-app").setAttribute("data-returning", "")
    else:
        element("fu-app").removeAttribute("data-returning")
    if not typed:
        element("fu-answers").open = not back


def show_draft_warnings(record, draft_id, text):
    """Redraw what to check in a draft as the reader edits it."""
    place = element("fu-draft-%s-check" % draft_id)
    if place:
        place.innerHTML = planview.draft_warnings_html(draft_warnings(record, draft_id, text))


def draft_warnings(record, draft_id, text):
    """What to check in a draft before sending it: gaps, and day words gone stale in an
    edit made on an earlier day."""
    return draftcheck.draft_warnings(text, record["drafted_on"].get(draft_id), today())


def seed_painted(app):
    """What browser/early.js painted from the snapshot is what is on the page: the first
    draw leaves it alone where its markup is the same."""
    painted = getattr(window, "followupPainted", None)
    for element_id in ("fu-plan", "fu-timeline-picture", "fu-drafts"):
        markup = getattr(painted, element_id, None) if painted else None
        if markup is not None:
            app.drawn[element_id] = str(markup)


def paint(app, drawn):
    """Replace the page's parts whose markup changed (the rest stays as it is)."""
    for element_id, markup in drawn.items():
        if app.drawn.get(element_id) != markup:
            element(element_id).innerHTML = markup
            app.drawn[element_id] = markup


def draw_all(app):
    day = today()
    plans = []
    for interview_id in app.order:
        record = app.records[interview_id]
        result = done_plan(app, record)[0]
        if result is not None:
            plans.append((interview_id, state.label(record["answers"]), result))
    result = app.merged = planview.shared_once(planner.merged(plans))
    paint(app, {"fu-plan": planview.plan_html(result, app.rules, day)})
    element("fu-next").textContent = planview.next_words(result, day)
    element("fu-warnings").textContent = ""
    element("fu-left-row").hidden = True
    announce_later("All your interviews: %s. %s" % (planview.count_words(result),
                                                    planview.next_words(result, day)))


# --- what the reader is told ---------------------------------------------------------

def announce(text):
    """Say `text` now, instead of anything waiting to be said."""
    SPEECH["waiting"] = False
    SPEECH["said"] = text
    shown = str(element("fu-next").textContent)  # the Next line, just below the status line
    if shown and text.endswith(" " + shown):  # said in full, shown once
        element("fu-status").innerHTML = '%s <span class="fu-visually-hidden">%s</span>' % (
            planview.escape(text[:-len(shown) - 1]), planview.escape(shown))
    else:
        element("fu-status").textContent = text


def announce_later(text):
    """Say `text` once the reader pauses (PAUSE_MS after the last call): never once per
    keystroke, never while a date is half typed, and not when it would say again what
    was said last. Each call starts a timer; only the last one to ring speaks."""
    SPEECH["words"], SPEECH["waiting"] = text, True
    if SPEECH["proxy"] is None:
        SPEECH["proxy"] = create_proxy(say_waiting)
    SPEECH["timers"] += 1
    window.setTimeout(SPEECH["proxy"], PAUSE_MS)


def say_waiting(*_):
    SPEECH["timers"] -= 1
    if SPEECH["timers"] > 0 or not SPEECH["waiting"]:
        return  # a later call's timer, or something said since, takes over
    if half_typed_date():  # said when the date is whole: its change redraws the plan
        return
    SPEECH["waiting"] = False
    if SPEECH["words"] != SPEECH["said"]:
        announce(SPEECH["words"])


def half_typed_date():
    """Whether the focus is in a date field the reader has not finished typing (its
    value is empty until the date is whole)."""
    active = document.activeElement
    return bool(active) and str(active.tagName) == "INPUT" and str(active.type) == "date" \
        and bool(active.validity.badInput)


def notice(text, actions=(), focus=None):
    """Tell the reader what happened to their data, with buttons for any choice, where
    they can see it (the button they pressed may be far down the page). With `focus`
    (an action), that button takes the focus; clear_notice gives it back."""
    lost = focus_inside("fu-notice-actions")
    element("fu-notice-text").textContent = text
    element("fu-notice-actions").innerHTML = "".join(
        '<button type="button" class="md-button" data-action="%s">%s</button>'
        % (action, planview.escape(words)) for action, words in actions)
    element("fu-notice").hidden = False
    element("fu-notice").scrollIntoView(to_js({"block": "center"}))
    if focus:
        opener = document.activeElement
        action = opener.getAttribute("data-action") if opener else None
        element("fu-notice").setAttribute("data-return", str(action or ""))
        element("fu-notice-actions").querySelector('[data-action="%s"]' % focus).focus()
    elif lost:  # the button pressed went with the old notice: the new one has the focus
        element("fu-notice").setAttribute("tabindex", "-1")
        element("fu-notice").focus()


def focus_inside(element_id):
    active = document.activeElement
    return bool(active) and bool(element(element_id).contains(active))


def clear_passing_notice():
    """The reader went on: a notice that only told them something (no choice, no Undo)
    has been read, and goes."""
    if not element("fu-notice").hidden and not element("fu-notice-actions").children.length:
        element("fu-notice").hidden = True


def clear_notice():
    """Put the notice away; focus goes back to the button that asked, if any."""
    element("fu-notice").hidden = True
    action = element("fu-notice").getAttribute("data-return")
    element("fu-notice").setAttribute("data-return", "")
    opener = document.querySelector('#fu-app [data-action="%s"]' % action) if action else None
    if opener and not opener.hidden:
        opener.focus()


# --- which interview is shown ---------------------------------------------------------

def show_view(app, typed=()):
    """Show one interview's form (less the fields in `typed`, which the reader changed
    before the planner was ready), or the merged view without it, and the list of them."""
    everything = app.current == state.ALL
    element("fu-answers").hidden = everything
    for section in ("timeline", "message-drafts", "fu-timeline-box", "fu-drafts-box"):
        element(section).hidden = everything
    element("fu-all-note").hidden = not everything
    element("fu-which").innerHTML = interview_options(app)
    element("fu-which").value = app.current
    document.querySelector('[data-action="delete"]').hidden = everything
    calendar = document.querySelector('[data-action="calendar"]')
    calendar.textContent = ("Add all interviews to your calendar (.ics)" if everything else
                            "Add to calendar (.ics)")
    if not everything:
        form.write_answers(store.current_record(app)["answers"], typed)
        form.draw_choices(app)
    app.drawn = {}


def interview_options(app):
    options = ['<option value="%s">%s</option>' % (planview.escape(interview_id),
                                                   planview.escape(state.label(
                                                        app.records[interview_id]["answers"])))
               for interview_id in app.order]
    if len(app.order) > 1:
        options.append('<option value="%s">All my interviews (%d)</option>'
                       % (state.ALL, len(app.order)))
    return "".join(options)


def refresh(app):
    """After the interviews changed: save which are kept, show the current one, draw."""
    store.save_index(app)
    show_view(app)
    redraw(app)
    store.save_snapshot_soon(app)
