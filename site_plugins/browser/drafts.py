"""Message drafts for the plan's messages, in our own words, filled with the reader's
details and dated as they will read on the day each is sent ("today", "on Monday", "on
16 November"). Plain text only: the page shows them as text, never as markup.

Drafts are content like the rules: each follows the positions the reader chose (simply
thank, remind them of your fit or just ask, ask outright or send something useful), is
written to the person who reads it (HR usually was not in the interview), and every
bracketed line of advice names the article it comes from, or says it is the guide's own.
"""
from . import dates
from .planview import due_words

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# How each channel's draft is laid out: an email has a subject and can open in an email
# app; a card or a letter is written or printed, a call is said aloud.
LAYOUTS = {"email": "email", "handwritten": "card", "printed": "letter", "post": "letter",
           "phone": "call"}
LAYOUT_WORDS = {"email": "email", "card": "card to write by hand", "letter": "letter to print",
                "call": "what to say on the phone"}
OPEN = ("today", "overdue", "upcoming")
TO_WORDS = {"interviewers": "[interviewer's name]", "hr": "[your HR contact]",
            "hiring-contact": "[your hiring contact]"}
# The articles' names as rules/sources.yml gives them (tests/test_content_findings.py
# checks that they match), for the advice in brackets.
MALONE, YELLOW_PAGES, SELECTEK, COON = ("Malone Solutions", "Yellow Pages tips", "Selectek",
                                        "Coon")
CHEDDAR = "the hiring manager's article (Cheddar Den)"
# The defaults of the positions drafts follow, for a plan made without them.
DEFAULT_CHOICES = {"thank-or-sell": "restate-fit", "sell-again": "remind-fit",
                   "ask-outright": "ask"}


def drafts(answers, result, today):
    """[{"id", "kind", "title", "layout", "to", "subject", "body", "when"}] for the
    messages the plan still asks for, in the order they come up (what is due first)."""
    fill = {"role": answers["role"].strip() or "[role]",
            "company": answers["company"].strip() or "[company]",
            "me": answers["me"].strip() or "[your name]",
            "panel": _panel(answers.get("interviewers") or ""),
            "linkedin": bool(answers.get("via_linkedin"))}
    chosen = dict(DEFAULT_CHOICES)
    chosen.update(result.get("choices") or answers.get("choices") or {})
    made = []
    for item in result["items"]:
        maker = MAKERS.get(item["rule"])
        if maker and item["state"] in OPEN and item["channel"] in LAYOUTS:
            made.append(_draft(item, maker, fill, chosen, today))
    return made


def _panel(names):
    """The interviewers' names as said in a sentence, or a placeholder."""
    given = [name.strip() for name in names.split("\n") if name.strip()]
    if not given:
        return "[your interviewers' names]"
    return given[0] if len(given) == 1 else ", ".join(given[:-1]) + " and " + given[-1]


def _sent_on(item, today):
    """The day a message will be sent: its due day, or today if that has come."""
    due = dates.parse_date(item["due"])
    return due if due > today else today


def spoken_day(day, today):
    """A day as said in a message written today: 'today', 'yesterday', 'on Monday' (this
    past week), else 'on 16 November' (with the year when it is not this one)."""
    if day is None:
        return "[the interview date]"
    gap = (today - day).days
    if gap in (0, 1):
        return ("today", "yesterday")[gap]
    if 1 < gap < 7:
        return "on " + WEEKDAYS[day.weekday()]
    words = "on %d %s" % (day.day, MONTHS[day.month - 1])
    return words if day.year == today.year else words + " " + str(day.year)


def _draft(item, maker, fill, chosen, today):
    layout = LAYOUTS[item["channel"]]
    to = item["name"] or TO_WORDS[item["to"]]
    met = spoken_day(dates.parse_date(item["interview_date"]), _sent_on(item, today))
    facts = dict(fill, to=to, met=met, reader=item["to"], rule=item["rule"])
    kind, subject, body = maker(facts, layout, chosen)
    return {"id": item["id"], "kind": kind, "layout": layout, "to": to,
            "title": "%s to %s (%s)" % (kind, to, LAYOUT_WORDS[layout]),
            "subject": subject if layout == "email" else "", "body": body,
            "when": due_words(item, today)}


def _advice(text, source):
    """A line of advice to the reader, in brackets, naming whose advice it is."""
    return "[%s (%s).]" % (text, source)


def _greeting(fill, layout):
    return ("Hello, this is %(me)s." if layout == "call" else "Dear %(to)s,") % fill


def _closing(fill, layout):
    return "" if layout == "call" else "\n\nKind regards,\n" + fill["me"]


def _letter_head(layout):
    return "[Your address]\n[Today's date]\n\n" if layout == "letter" else ""


def _paragraphs(*parts):
    return "\n\n".join(part for part in parts if part)


# --- the thank-you ------------------------------------------------------------------

def _thank_you(fill, layout, chosen):
    opening = ("Thank you for meeting me %(met)s about the %(role)s role at %(company)s. "
               "I enjoyed our conversation, and it made me keener still to join you." % fill)
    body = _paragraphs(_greeting(fill, layout), opening, _thank_you_middle(chosen),
                       "I look forward to hearing about the next steps.")
    text = _letter_head(layout) + body + _closing(fill, layout)
    return ("Thank-you note", "Thank you: %(role)s interview" % fill,
            _paragraphs(text, _thank_you_tip(fill, layout)))


def _thank_you_middle(chosen):
    detail = _advice("Name one thing you talked about, or a remark of theirs you valued; "
                     "keep the whole note to three or four sentences", SELECTEK)
    if chosen["thank-or-sell"] == "simply-thank":
        return detail
    return "\n".join([detail, _advice("A couple of your strengths, tied to what they said "
                                      "they need", MALONE + ", " + YELLOW_PAGES),
                      _advice("Anything you meant to say in the interview and did not",
                              YELLOW_PAGES)])


def _thank_you_tip(fill, layout):
    if layout == "letter":
        return _advice("Print it, put it in an envelope with their name on it and hand it "
                       "in at HR yourself the same day; the post is too slow", CHEDDAR)
    if fill["linkedin"] and layout == "email":
        return "\n".join([_advice("You first met on LinkedIn: a message through their "
                                   "profile is a suitable way to send this too", COON),
                           "[Send it one way, not both: the guide's own advice, after Coon's "
                           "warning against many messages in a short time.]"])
    return ""


# --- asking where things stand ------------------------------------------------------

def _status(fill, layout, chosen):
    """A status check, written to whoever reads it: HR or the person who arranged the
    interview (who usually did not sit in it), or an interviewer."""
    to_panel = fill["reader"] == "interviewers"
    if layout == "call":
        body = _call_to_panel(fill, chosen) if to_panel else _call_to_hr(fill, chosen)
        return "Status call", "", _paragraphs(body, _voicemail())
    body = _email_to_panel(fill, chosen) if to_panel else _email_to_hr(fill, chosen)
    return ("Status check", "Following up: %(role)s interview" % fill,
            _letter_head(layout) + body + _closing(fill, layout))


def _fit_line(chosen, source):
    if chosen["sell-again"] == "just-ask":
        return ""
    return _advice("One line on why you fit the role, tied to what the job needs", source)


def _email_to_hr(fill, chosen):
    return _paragraphs(
        _greeting(fill, "email"),
        "I interviewed for the %(role)s role at %(company)s %(met)s, with %(panel)s, and I "
        "am still very interested in it." % fill,
        _fit_line(chosen, MALONE),
        "Could you tell me where the process stands, and when you expect a decision? "
        "Thank you for your help.")


def _email_to_panel(fill, chosen):
    opening = ("Thank you again for meeting me %(met)s about the %(role)s role at "
               "%(company)s. I am still very interested in it." % fill)
    if chosen["ask-outright"] == "send-something-useful":
        article = _advice("Attach one relevant to the job or to the company, instead of "
                          "asking outright where you stand", CHEDDAR)
        return _paragraphs(_greeting(fill, "email"), opening, _fit_line(chosen, COON),
                           "Our conversation brought to mind an article that I thought you "
                           "might find useful. " + article, "I look forward to hearing from you.")
    idea = "" if chosen["sell-again"] == "just-ask" else _advice(
        "A point from the interview, with one new thought on it", COON)
    return _paragraphs(_greeting(fill, "email"), opening, idea,
                       "Could you tell me where the process stands? I would be glad to "
                       "answer any further questions.")


def _call_to_hr(fill, chosen):
    return _paragraphs(
        "Hello, this is %(me)s. I interviewed for the %(role)s role %(met)s, with "
        "%(panel)s. I am still very interested, and I wanted to ask when you expect a "
        "decision to be made." % fill,
        _fit_line(chosen, MALONE),
        _advice("If interviews are still going on, relax; if they name a date, wait until "
                "it has passed", CHEDDAR))


def _call_to_panel(fill, chosen):
    asked = (" You asked me to get in touch about now." if fill["rule"] == "check-on-call-back"
             else "")
    return _paragraphs(
        "Hello, this is %(me)s. Thank you again for meeting me %(met)s about the %(role)s "
        "role." % fill + asked,
        _fit_line(chosen, COON),
        _advice("If they sound keen, ask gently when they expect to decide", COON),
        _advice("Call early or late in the working day, keep it short, and smile as you "
                "speak", COON))


def _voicemail():
    return "\n".join([
        _advice("Reach voicemail the first time? Hang up and call again at another time",
                YELLOW_PAGES),
        _advice("Rehearse a short message beforehand, and do not ring again and again "
                "without leaving one", YELLOW_PAGES),
        "[When you do leave one, give your name, the role and your number: the guide's "
        "own suggestion.]"])


# --- after a rejection --------------------------------------------------------------

def _feedback(fill, layout, chosen):
    body = (_greeting(fill, layout) + "\n\nThank you for letting me know about the %(role)s "
            "role. If you can share what led to your decision, or what kind of person you "
            "chose, I would value it for my search." % fill) + _closing(fill, layout)
    return "Request for feedback", "Feedback on my %(role)s interview" % fill, body


def _closing_note(fill, layout, chosen):
    body = (_letter_head(layout) + _greeting(fill, layout) + "\n\nThank you for the chance "
            "to interview for the %(role)s role, and for the time you and the team gave me. "
            "I enjoyed learning about %(company)s, and I would be glad to be considered for "
            "another role there in future. I hope our paths cross again." % fill) + \
        _closing(fill, layout)
    return "Closing note", "Thank you: %(role)s" % fill, body


MAKERS = {"send-thank-you": _thank_you,
          "check-after-decision": _status, "check-after-a-week": _status,
          "check-on-call-back": _status, "second-check": _status,
          "ask-feedback": _feedback, "closing-note": _closing_note}
