"""`followup`: check the rule base, render the guide, plan a reader's follow-up."""
import argparse
import codecs
import json
import os
import sys
import textwrap
from collections import Counter
from datetime import date
from pathlib import Path

from .browser import citations, dates, ics, planner, planview, publicdays, words
from .rules import RulesError, load_rules

# Where the situation's fields come from on the command line, for error messages.
FLAGS = {"interviewed": "--interviewed", "decision_by": "--decision-by",
         "decision_within": "--decision-within", "call_back_on": "--call-back-on",
         "call_back_within": "--call-back-within", "rejected_on": "--rejected-on",
         "choices": "--choose", "holidays": "--holiday", "interviewers": "--interviewer",
         "offer_on": "--offer-on", "next_interview": "--next-interview", "company": "--company",
         "role": "--role", "public_holidays": "--country"}


MAX_SHOWN = 80  # characters of a bad value quoted in a message; a longer one is cut
# Arguments read at most: 20 interviewers, 365 days off and a choice per disagreement fit
# twice over. Counted before argparse, which rescans the whole list for every option.
MAX_ARGUMENTS = 2000
# Options whose values are file or folder names: kept as the system gave them, so that
# under a C locale a name written in UTF-8 still opens.
PATHS = ("rules", "rules_dir", "out", "config", "site_dir", "node_modules")


class Parser(argparse.ArgumentParser):
    """Bad arguments give one line naming the flag and value, and exit status 2.
    Every value must be real, non-blank text, and an option without an explicit action
    may be given once only: a flag added later gets both rules by default."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.register("action", None, StoreOnce)
        self.register("action", "store", StoreOnce)
        self.register("action", "append", AppendText)

    def error(self, message):
        self.exit(2, f"{self.prog}: {message}\n")

    def print_help(self, file=None):
        # argparse would drop a failed write silently, and --help would exit 0; a reader
        # that stopped early (`| head`) is no failure, as after any output.
        try:
            (file or sys.stdout).write(self.format_help())
        except BrokenPipeError:
            _stdout_to_nowhere()


def _named(action, option_string):
    """How a message names the option: as typed, or the metavar of a positional."""
    return option_string or action.metavar or action.dest


def _checked_text(parser, name, value, path=False):
    """A value as text. Bytes the system could not decode reach Python as lone
    surrogates: UTF-8 under a C locale is decoded here (a path is kept as it came, which
    opens the same file), anything else is refused, as no output could show it. A blank
    value is a mistake (an unset shell variable), never a way to leave an option out."""
    if any("\ud800" <= char <= "\udfff" for char in value):
        try:
            decoded = os.fsencode(value).decode("utf-8")
        except UnicodeError:
            parser.error(f"{name} {shown(value)}: is not valid UTF-8 text")
        value = value if path else decoded
    if not value.strip():
        parser.error(f"{name} {shown(value)}: must not be empty")
    return value


class StoreOnce(argparse.Action):
    """A single-value option: given twice it is an error, not "last one wins"."""

    def __call__(self, parser, namespace, value, option_string=None):
        name = _named(self, option_string)
        given = vars(namespace).setdefault("_given_once", set())
        if self.dest in given:
            parser.error(f"{name}: given twice")
        given.add(self.dest)
        setattr(namespace, self.dest, _checked_text(parser, name, value, self.dest in PATHS))


class AppendText(argparse.Action):
    """A repeatable option (--interviewer, --holiday, --choose): each value is kept, in
    a list of its own made at the first value (so never the shared default), appended
    to in place: n values take time in proportion to n, not n squared."""

    def __call__(self, parser, namespace, value, option_string=None):
        value = _checked_text(parser, _named(self, option_string), value)
        started = vars(namespace).setdefault("_appended", set())
        if self.dest not in started:
            started.add(self.dest)
            setattr(namespace, self.dest, list(getattr(namespace, self.dest) or []))
        getattr(namespace, self.dest).append(value)


def shown(value):
    """A value as a message quotes it: whole when short, else its start and its length."""
    quoted = repr(value)
    if len(quoted) <= MAX_SHOWN:
        return quoted
    return f"{quoted[:MAX_SHOWN - 2]}…{quoted[-1]} ({len(str(value))} characters)"


class QuietStream:
    """stderr whose writes never fail: when its reader has gone, the message is lost but
    the exit status still says what happened (a failed write would pass for `| head`)."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, text):
        try:
            return self.stream.write(text)
        except (OSError, ValueError):
            return len(text)

    def flush(self):
        try:
            self.stream.flush()
        except (OSError, ValueError):
            pass

    def __getattr__(self, name):
        return getattr(self.stream, name)


def _in_words(value):
    """A value inside a message's own words: as it is when short, else as `shown`."""
    return value if len(repr(value)) <= MAX_SHOWN else shown(value)


def main(argv=None):
    if sys.stderr is None:  # started with stderr closed: messages must not go to stdout
        sys.stderr = open(os.devnull, "w", encoding="utf-8")
    if sys.stdout is None:  # started with stdout closed: nowhere to put what was asked for
        print("followup: there is no standard output to write to", file=sys.stderr)
        return 1
    stderr, sys.stderr = sys.stderr, QuietStream(sys.stderr)
    try:
        _replace_what_cannot_be_written(sys.stdout)
        return _main(sys.argv[1:] if argv is None else list(argv))
    finally:
        sys.stderr = stderr


def _replace_what_cannot_be_written(stream):
    """A character the output's encoding lacks (a cp1252 or ASCII terminal, Python's
    choice on Windows when output is redirected) shows as '?', never a traceback."""
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(errors="replace")


def _main(argv):
    refusal = _too_many(argv)
    if refusal:
        print(refusal, file=sys.stderr)
        return 2
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "run", None):
            parser.print_help()
            return _written(2)
    except SystemExit as done:  # --help, or a bad argument (already said on stderr)
        return _written(done.code or 0)
    except OSError as error:  # the help could not be written
        return _cannot_write(error)
    try:
        code = args.run(args)
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader of our output stopped early (e.g. `| head`)
        _stdout_to_nowhere()
        return 0
    except OSError as error:  # the output cannot be written: a full disk, /dev/full
        if error.filename is not None:
            raise  # not the output's (every file we read reports its own problems)
        return _cannot_write(error)


def _too_many(argv):
    """One line refusing far more arguments than any plan needs, or None."""
    if len(argv) <= MAX_ARGUMENTS:
        return None
    where = "followup plan" if argv[0] == "plan" else "followup"
    flags = Counter(arg.split("=", 1)[0] for arg in argv if arg.startswith("-"))
    flag, times = flags.most_common(1)[0] if flags else ("", 0)
    given = f" ({_in_words(flag)} given {times} times)" if times > 1 else ""
    return f"{where}: {len(argv)} arguments{given}; at most {MAX_ARGUMENTS} arguments"


def _written(code):
    """`code`, once what is in stdout's buffer (say, --help) is written; 1 when it
    cannot be (a full disk, /dev/full), said on stderr."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # its reader stopped early (`| head`), as after any output
        _stdout_to_nowhere()
    except OSError as error:
        return _cannot_write(error)
    return code


def _cannot_write(error):
    _stdout_to_nowhere()
    print(f"followup: cannot write the output: {error.strerror}", file=sys.stderr)
    return 1


def _stdout_to_nowhere():
    """What is left in stdout's buffer goes nowhere, so exiting raises nothing more."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _parser():
    parser = Parser(prog="followup", description=__doc__)
    commands = parser.add_subparsers(title="commands", parser_class=Parser)
    check = commands.add_parser("check", help="validate the rules and summarise them")
    check.add_argument("rules_dir", nargs="?", default="rules", metavar="RULES_DIR")
    check.set_defaults(run=run_check)
    _plan_parser(commands)
    render_cmd = commands.add_parser(
        "render", help="write the guide as plain Markdown + assets + mkdocs.yml, "
                       "buildable without this plugin")
    render_cmd.add_argument("--out", required=True, metavar="DIR")
    render_cmd.add_argument("--config", default="mkdocs.yml", metavar="MKDOCS_YML",
                            help="the site config to start from (default: mkdocs.yml)")
    render_cmd.add_argument("--today", metavar="YYYY-MM-DD",
                            help="date of the default plan (default: the plugin's, else today)")
    render_cmd.set_defaults(run=run_render)
    csp = commands.add_parser(
        "csp", help="give a site built from render's output by another builder (plain "
                    "MkDocs, Zensical) the pages' Content-Security-Policy")
    csp.add_argument("site_dir", metavar="SITE_DIR")
    csp.add_argument("--config", default="mkdocs.yml", metavar="MKDOCS_YML",
                     help="the config it was built from (default: mkdocs.yml)")
    csp.set_defaults(run=run_csp)
    offline = commands.add_parser(
        "offline", help="add the service worker and web app manifest to a built site "
                        "(after building render's output with another builder)")
    offline.add_argument("site_dir", metavar="SITE_DIR")
    offline.add_argument("--node-modules", default="node_modules", metavar="DIR",
                         help="where npm installed Workbox (default: node_modules)")
    offline.set_defaults(run=run_offline)
    return parser


def _plan_parser(commands):
    plan = commands.add_parser("plan", help="a dated follow-up plan for one interview")
    plan.add_argument("--interviewed", required=True, metavar="YYYY-MM-DD")
    plan.add_argument("--today", metavar="YYYY-MM-DD", help="default: the system date")
    decision = plan.add_mutually_exclusive_group()
    decision.add_argument("--decision-by", metavar="DATE")
    decision.add_argument("--decision-within", metavar="Nd|Nw")
    call_back = plan.add_mutually_exclusive_group()
    call_back.add_argument("--call-back-on", metavar="DATE")
    call_back.add_argument("--call-back-within", metavar="Nd|Nw")
    plan.add_argument("--no-hr", action="store_true", help="the employer has no HR department")
    plan.add_argument("--via-linkedin", action="store_true",
                      help="your first contact came through LinkedIn")
    plan.add_argument("--interviewer", action="append", default=[], metavar="NAME")
    plan.add_argument("--rejected-on", metavar="DATE", help="you were turned down that day")
    plan.add_argument("--offer-on", metavar="DATE", help="you had an offer that day")
    plan.add_argument("--next-interview", metavar="DATE",
                      help="you were invited to another round on that day")
    plan.add_argument("--company", default="", metavar="NAME")
    plan.add_argument("--role", default="", metavar="NAME")
    plan.add_argument("--choose", action="append", default=[], metavar="DISAGREEMENT=POSITION")
    plan.add_argument("--holiday", action="append", default=[], metavar="DATE")
    plan.add_argument("--country", metavar="CODE[-REGION]",
                      help="its public holidays are days off too, e.g. GB-ENG, US-CA, DE-BY")
    plan.add_argument("--format", choices=("text", "json", "ics"), default="text")
    plan.add_argument("--rules", metavar="DIR", help="default: ./rules, else the guide's own")
    plan.set_defaults(run=run_plan)


def run_check(args):
    try:
        data = load_rules(args.rules_dir)
    except RulesError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) in {args.rules_dir}", file=sys.stderr)
        return 1
    print(summary(data, args.rules_dir))
    return 0


class BadInput(Exception):
    """A flag's value cannot be used; args are (flag, value, message) for `_bad_input`."""


def run_plan(args):
    try:
        today = _today(args.today)
        choices = _choices(args.choose)
    except BadInput as error:
        return _bad_input(*error.args)
    rules_dir = args.rules or _default_rules_dir()
    try:
        rules = load_rules(rules_dir)
    except RulesError as error:
        print("\n".join(error.problems), file=sys.stderr)
        return 1
    situation = _situation(args, choices)
    try:
        situation.update(_public_holidays(args.country, args.interviewed))
    except BadInput as error:
        return _bad_input(*error.args)
    try:
        result = planner.plan(rules, situation, today)
    except planner.PlanError as error:
        field, value, message = error.problems[0]
        return _bad_input(FLAGS.get(field, field), _as_given(args, field, value), message)
    output = _formatted(result, rules, today, args.format)
    if args.format == "ics":  # CRLF line ends are part of the format: write bytes as they are
        sys.stdout.flush()
        sys.stdout.buffer.write(output.encode("utf-8"))
    else:
        print(output, end="")
    return 0


def _today(text):
    today = dates.parse_date(text) if text else date.today()
    if today is None:
        raise BadInput("--today", text, "is not a real date (use YYYY-MM-DD)")
    if not dates.in_range(today):
        raise BadInput("--today", text, dates.OUT_OF_RANGE)
    return today


def _choices(texts):
    """{disagreement: position} from the --choose values; one choice per disagreement."""
    choices = {}
    for choice in texts:
        key, equals, value = choice.partition("=")
        if not equals:
            raise BadInput("--choose", choice, "must be DISAGREEMENT=POSITION")
        if key in choices:
            raise BadInput("--choose", choice, f"{shown(key)} is already chosen "
                                               f"({_in_words(key + '=' + choices[key])})")
        choices[key] = value
    return choices


def _as_given(args, field, value):
    """A bad value as typed: the planner names an unknown choice by its disagreement only."""
    if field == "choices":
        return next((text for text in args.choose if text.partition("=")[0] == value), value)
    return value


def _default_rules_dir():
    here = Path("rules")
    return here if here.is_dir() else Path(__file__).resolve().parent.parent / "rules"


def _situation(args, choices):
    return {"interviewed": args.interviewed, "decision_by": args.decision_by,
            "decision_within": args.decision_within, "call_back_on": args.call_back_on,
            "call_back_within": args.call_back_within, "hr": not args.no_hr,
            "via_linkedin": args.via_linkedin, "interviewers": args.interviewer,
            "rejected_on": args.rejected_on, "offer_on": args.offer_on,
            "next_interview": args.next_interview, "company": args.company, "role": args.role,
            "choices": choices, "holidays": args.holiday}


def _public_holidays(code, interviewed):
    """The situation's public holidays, weekend and years known for --country, from the
    interview's year to two years on (the same `holidays` package and table code as the
    site's); {} without it."""
    if code is None:
        return {}
    from .holidays_table import YEARS_AHEAD, country_table  # imports `holidays`
    interview = dates.parse_date(interviewed)
    first = interview.year if interview and dates.in_range(interview) else date.today().year
    table = country_table(code, first, first + YEARS_AHEAD)
    why = publicdays.problem(table, code)
    if why and not table["countries"]:  # the message lists every country known
        why = publicdays.problem(_all_countries(first), code)
    if why:
        raise BadInput("--country", code, why)
    return publicdays.situation_fields(table, code)


def _all_countries(year):
    from .holidays_table import table_for
    return table_for(date(year, 1, 1))


def _bad_input(flag, value, message):
    if isinstance(value, int):  # a count: the flag was given too many times
        print(f"followup plan: {flag}: given {value} times; {message}", file=sys.stderr)
    else:
        print(f"followup plan: {flag} {shown(value)}: {message}", file=sys.stderr)
    return 2


def _formatted(result, rules, today, form):
    if form == "json":  # escaped where the output cannot hold a name, so JSON stays whole
        return json.dumps(result, indent=2, ensure_ascii=not _writes_unicode()) + "\n"
    if form == "ics":
        return ics.to_ics(result, rules, today)
    return plan_text(result, rules, today)


def _writes_unicode():
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    return codecs.lookup(encoding).name.startswith("utf")


def plan_text(result, rules, today):
    """The plan for a terminal: what is due now, what is coming, what runs throughout,
    then briefly what was missed and what no longer applies."""
    items = result["items"]
    lines = [_heading(result["interview"], today)]
    lines += [f"! {warning}" for warning in result["warnings"]]
    upcoming = [item for item in items if item["id"] == result["next"]]
    if upcoming:
        lines += ["", f"Next: {upcoming[0]['title']} ({_when_due(upcoming[0], today)})"]
    for title, states in (("Now", ("today", "overdue")), ("Coming up", ("upcoming",)),
                          ("Throughout", ("ongoing",))):
        chosen = [item for item in items if item["state"] in states]
        if chosen:
            lines += ["", title] + _dated_lines(chosen, rules, today)
    lines += _brief("Missed, or no longer needed", [
        f"{item['title']}: {planview.missed_words(item)}"
        for item in items if item["state"] == "missed"])
    lines += _brief("No longer needed", [f"{entry['title']}: {entry['reason']}"
                                         for entry in result["dropped"]])
    return "\n".join(lines) + "\n"


def _heading(interview, today):
    employer = " at ".join(part for part in (interview["role"], interview["company"]) if part)
    day = dates.format_date(dates.parse_date(interview["interviewed"]))
    return (f"Follow-up plan for {employer + ', ' if employer else 'an '}interview on {day} "
            f"(today: {dates.format_date(today)})")


def _when_due(item, today):
    day = dates.relative_label(dates.parse_date(item["due"]), today)
    return {"overdue": f"overdue since {day}", "today": "due now"}.get(item["state"],
                                                                        f"due {day}")


def _dated_lines(items, rules, today):
    lines, heading = [], None
    for item in items:
        if item["due"] and item["due"] != heading:
            heading = item["due"]
            lines.append("  " + dates.day_heading(dates.parse_date(item["due"]), today,
                                                  item["state"] == "overdue"))
        lines += _item_lines(item, rules)
    return lines


def _item_lines(item, rules):
    when = item["timing"] + (f", at the latest {dates.format_date(dates.parse_date(item['latest']))}"
                             if item["latest"] else "")
    how = words.whom_and_how(item)
    lines = [f"  [ ] {item['title']}"] + _wrapped(f"{how[0].upper() + how[1:]}; {when}")
    lines += textwrap.wrap(item["text"], 76, initial_indent="      ", subsequent_indent="      ")
    if item["note"]:
        lines.append(f"      {item['note']}")
    lines += _wrapped("Sources: " + words.credits_line(item["cites"], item["own"], rules))
    for part, note in words.own_notes(item["own"]):
        lines += _wrapped(f"The guide's own choice ({part}): {note}")
    return lines


def _wrapped(text):
    return textwrap.wrap(text, 76, initial_indent="      ", subsequent_indent="        ")


def _brief(title, entries):
    return ["", title] + [f"  - {entry}" for entry in entries] if entries else []


def run_render(args):
    from .export import RenderError, render_site  # needs the site config, not the planner
    try:
        written = render_site(Path(args.config), args.out, args.today)
    except RenderError as error:
        print(f"followup render: {error}", file=sys.stderr)
        return 2 if error.bad_input else 1
    config = Path(args.out) / "mkdocs.yml"
    print(f"wrote {written} files to {args.out}; build them with: mkdocs build -f {config} "
          f"(or zensical build), then give the pages their Content-Security-Policy with: "
          f"followup csp SITE_DIR --config {config}, and last make it work offline with: "
          f"followup offline SITE_DIR")
    return 0


def run_csp(args):
    from .export import RenderError, add_site_policies
    try:
        count = add_site_policies(args.site_dir, args.config)
    except RenderError as error:
        print(f"followup csp: {error}", file=sys.stderr)
        return 2 if error.bad_input else 1
    print(f"{args.site_dir}: {count} pages given a Content-Security-Policy")
    return 0


def run_offline(args):
    from .offline import OfflineError, add_offline
    try:
        count, size = add_offline(args.site_dir, args.node_modules)
    except OfflineError as error:
        print(f"followup offline: {error}", file=sys.stderr)
        return 2
    print(f"{args.site_dir}: the service worker precaches {count} files ({size // 1024} KB)")
    return 0


def summary(data, where):
    """A short account of the rule base: counts, then citations per source."""
    actions = sum(1 for rule in data["rules"] if rule["plan"])
    lines = [f"{where}: OK: {len(data['rules'])} rules ({actions} plan actions) in "
             f"{len(data['steps'])} steps, {len(data['disagreements'])} disagreements, "
             f"{len(data['sources'])} sources", "citations per source:"]
    counts = citation_counts(data)
    width = max(len(source_id) for source_id in counts)
    for source_id, count in counts.items():
        lines.append(f"  {source_id.ljust(width)}  {count['rules']:3} rules, "
                     f"{count['positions']:2} positions")
    return "\n".join(lines)


def citation_counts(data):
    """For each source id: how many rules and disagreement positions cite it."""
    counts = {source["id"]: {"rules": 0, "positions": 0} for source in data["sources"]}
    for rule in data["rules"]:
        for source_id in citations.rule_sources(rule):
            counts[source_id]["rules"] += 1
    for disagreement in data["disagreements"]:
        for position in disagreement["positions"]:
            for source_id in {cite["source"] for cite in position["sources"]}:
                counts[source_id]["positions"] += 1
    return counts


if __name__ == "__main__":
    sys.exit(main())
