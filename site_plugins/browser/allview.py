"""A tick in "All my interviews", marked in place: with fifty interviews the merged plan is
hundreds of items, and drawing it again for one tick took seconds. The item's state, tag
and the Next line change where they are; the Done group is drawn at the next full draw."""
from followup import edits, planner, planview
from followup.page import element, today


def tick_in_place(app, target, interview_id, item_id):
    """Mark the ticked (or unticked) item done (or not) in the merged plan and on the
    page, keep the interview's plan for the calendar, and say what is next."""
    record = app.records[interview_id]
    plain = app.plans.get(interview_id, (None, (None, None)))[1][0]
    if app.merged is None or plain is None:
        return False
    app.results[interview_id] = planner.with_done(plain, edits.done_days(record))
    states = dict((item["id"], item["state"]) for item in app.results[interview_id]["items"])
    for item in app.merged["items"]:
        if item.get("interview") == interview_id and item["id"] == item_id:
            item["state"] = states.get(item_id, item["state"])
            item["done_on"] = record["done_on"].get(item_id, "")
            _mark(target.closest("li"), item)
    app.drawn.pop("fu-plan", None)  # the page is no longer the markup last drawn
    element("fu-next").textContent = planview.next_words(app.merged, today())
    return True


def _mark(li, item):
    li.className = "fu-item fu-state-" + item["state"]
    li.setAttribute("data-state", item["state"])
    tag = li.querySelector(".fu-tag")
    words = (planview.done_words(item, today()) if item["state"] == "done" else
             planview.STATE_TAGS.get(item["state"], ""))
    if tag is None and words:
        tag = li.ownerDocument.createElement("span")
        tag.className = "fu-tag"
        li.querySelector("label").appendChild(tag)
    if tag is not None:
        tag.textContent = words
        tag.hidden = not words

