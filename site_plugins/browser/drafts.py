"""Message drafts for the plan's messages, in our own words, filled with the reader's
details and dated as they will read on the day each is sent ("today", "on Monday", "on
16 November"). Plain text only: the page shows them as text, never as markup."""
from . import dates
from .planview import due_words

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# How each channel's draft is laid out: an email has a subject and can open in an email
# app; a card or a letter is written or printed, a call is said aloud.
LAYOUTS = {"email": "email", "handwritten": "card", "printed": "letter", "post": "letter",
           "phone": "call", "linkedin": "message"}
LAYOUT_WORDS = {"email": "email", "card": "card to write by hand", "letter": "letter to print",
                "call": "what to say on the phone", "message": "LinkedIn message"}
OPEN = ("today", "overdue", "upcoming")


def drafts(answers, result, today):
    """[{"id", "kind", "title", "layout", "to", "subject", "body", "when"}] for the
    messages the plan still asks for, in the order they come up (what is due first)."""
    fill = {"role": answers["role"].strip() or "[role]",
            "company": answers["company"].strip() or "[company]",
            "me": answers["me"].strip() or "[your name]"}
    made = []
    for item in result["items"]:
        maker = MAKERS.get(item["rule"])
        if maker and item["state"] in OPEN and item["channel"] in LAYOUTS:
            made.append(_draft(item, maker, fill, today))
    return made


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


def _draft(item, maker, fill, today):
    layout = LAYOUTS[item["channel"]]
    to = item["name"] or TO_WORDS[item["to"]]
    met = spoken_day(dates.parse_date(item["interview_date"]), _sent_on(item, today))
    kind, subject, body = maker(dict(fill, to=to, met=met), layout)
    return {"id": item["id"], "kind": kind, "layout": layout, "to": to,
            "title": "%s to %s (%s)" % (kind, to, LAYOUT_WORDS[layout]),
            "subject": subject if layout == "email" else "", "body": body,
            "when": due_words(item, today)}


TO_WORDS = {"interviewers": "[interviewer's name]", "hr": "[your HR contact]",
            "hiring-contact": "[your hiring contact]"}


def _greeting(fill, layout):
    return ("Hello, this is %(me)s." if layout == "call" else "Dear %(to)s,") % fill


def _closing(fill, layout):
    return "" if layout == "call" else "\n\nKind regards,\n" + fill["me"]


def _letter_head(layout):
    return "[Your address]\n[Today's date]\n\n" if layout == "letter" else ""


def _thank_you(fill, layout):
    body = (_letter_head(layout) + _greeting(fill, layout) + "\n\nThank you for meeting me "
            "%(met)s about the %(role)s role at %(company)s. I enjoyed our conversation "
            "about [a topic you discussed], and it made me keener still to join you. "
            "[One or two of your strengths, tied to what they said they need.]\n\n"
            "I look forward to hearing about the next steps." % fill) + _closing(fill, layout)
    return "Thank-you note", "Thank you: %(role)s interview" % fill, body


def _status(fill, layout):
    if layout == "call":
        body = ("Hello, this is %(me)s. I interviewed for the %(role)s role %(met)s, and I "
                "am still very interested. Could you tell me where the process stands, "
                "and when you expect to decide?\n\nIf you reach voicemail: say the same in "
                "two sentences, then leave your number twice, slowly: [your number]." % fill)
        return "Status call", "", body
    body = (_greeting(fill, layout) + "\n\nI interviewed for the %(role)s role at %(company)s "
            "%(met)s and I am still very interested in it. Since we spoke I have been "
            "thinking about [a point from the interview, with one new idea].\n\nCould you "
            "tell me where the process stands and when you expect a decision?" % fill) + \
        _closing(fill, layout)
    return "Status check", "Following up: %(role)s interview" % fill, body


def _feedback(fill, layout):
    body = (_greeting(fill, layout) + "\n\nThank you for letting me know about the %(role)s "
            "role. If you can share what led to your decision, or what kind of person you "
            "chose, I would value it for my search." % fill) + _closing(fill, layout)
    return "Request for feedback", "Feedback on my %(role)s interview" % fill, body


def _closing_note(fill, layout):
    body = (_letter_head(layout) + _greeting(fill, layout) + "\n\nThank you for the chance "
            "to interview for the %(role)s role, and for the time you and the team gave me. "
            "I enjoyed learning about %(company)s, and I would be glad to be considered for "
            "another role there in future. I hope our paths cross again." % fill) + \
        _closing(fill, layout)
    return "Closing note", "Thank you: %(role)s" % fill, body


def _linkedin(fill, layout):
    body = ("Hello %(to)s, thank you for talking with me %(met)s about the %(role)s role. "
            "I enjoyed it, and I look forward to hearing about the next steps. %(me)s" % fill)
    return "LinkedIn message", "", body


MAKERS = {"send-thank-you": _thank_you, "linkedin-message": _linkedin,
          "check-after-decision": _status, "check-after-a-week": _status,
          "check-on-call-back": _status, "second-check": _status,
          "ask-feedback": _feedback, "closing-note": _closing_note}
