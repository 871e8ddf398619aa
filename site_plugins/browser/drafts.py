"""Message drafts for the checklist, written in our own words and filled with the
reader's details. Plain text only: the page shows them as text, never as markup.
MicroPython-safe."""
from . import dates


def drafts(answers, result):
    """[{"id", "title", "to", "subject", "body", "email"}] for the reader's situation."""
    names = [n.strip() for n in answers["interviewers"].split("\n") if n.strip()]
    fill = {"name": names[0] if names else "[interviewer's name]",
            "role": answers["role"].strip() or "[role]",
            "company": answers["company"].strip() or "[company]",
            "me": answers["me"].strip() or "[your name]",
            "date": _interview_day(answers)}
    return [_thank_you(fill, len(names)), _status(fill), _voicemail(fill),
            _call_times(fill), _after_rejection(fill)]


def _interview_day(answers):
    day = dates.parse_date(answers["interviewed"])
    return dates.format_date(day) if day else "[interview date]"


def _draft(draft_id, title, to, subject, body, email=True):
    return {"id": draft_id, "title": title, "to": to, "subject": subject, "body": body,
            "email": email}


def _thank_you(fill, count):
    title = "Thank-you note" + (" (send one to each of your %d interviewers)" % count
                                if count > 1 else "")
    body = ("Dear %(name)s,\n\n"
            "Thank you for meeting me today about the %(role)s role at %(company)s. I "
            "enjoyed our conversation about [a topic you discussed], and it made me even "
            "keener to join the team. [One or two of your strengths, linked to what they "
            "said they need.]\n\n"
            "I look forward to hearing about the next steps.\n\n"
            "Kind regards,\n%(me)s") % fill
    return _draft("thank-you", title, fill["name"], "Thank you: %(role)s interview" % fill, body)


def _status(fill):
    body = ("Dear [HR contact or hiring contact],\n\n"
            "I interviewed for the %(role)s position at %(company)s on %(date)s and I am "
            "still very interested in the role. Since we spoke I have been thinking about "
            "[a point from the interview, with one new idea].\n\n"
            "Could you tell me where the process stands and when you expect a decision?\n\n"
            "Thank you, and best wishes,\n%(me)s") % fill
    return _draft("status", "Status inquiry email", "HR or your hiring contact",
                  "Following up: %(role)s interview on %(date)s" % fill, body)


def _voicemail(fill):
    body = ("Hello, this is %(me)s. I interviewed for the %(role)s position on %(date)s. "
            "I am calling to say I remain very interested, and to ask when a decision is "
            "likely. You can reach me on [your phone number]; once more, that is [your "
            "phone number]. Thank you, and have a good day.") % fill
    return _draft("voicemail", "Voicemail script (read it aloud once before you call)",
                  "whoever you call", "", body, email=False)


def _call_times(fill):
    body = ("Dear %(name)s,\n\n"
            "Thank you again for the interview on %(date)s. Could we have a brief call, "
            "ten minutes at most, to follow up? Any of these would suit me:\n\n"
            "- [day and time 1]\n- [day and time 2]\n- [day and time 3]\n\n"
            "If none of them works for you, please suggest a time that does.\n\n"
            "Best regards,\n%(me)s") % fill
    return _draft("call-times", "Email proposing three times for a call", fill["name"],
                  "A short call about the %(role)s role?" % fill, body)


def _after_rejection(fill):
    body = ("Dear [hiring contact],\n\n"
            "Thank you for letting me know, and for the time you and the team gave me. I "
            "enjoyed learning about %(company)s. If you can share any feedback on my "
            "interview, I would value it.\n\n"
            "I would be glad to be considered for future openings, and I hope our paths "
            "cross again.\n\n"
            "With best wishes,\n%(me)s") % fill
    return _draft("after-rejection", "Note after a rejection", "your hiring contact",
                  "Thank you: %(role)s" % fill, body)
