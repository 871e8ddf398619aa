"""Validators that turn YAML nodes into plain data while recording located problems.

Each validator takes a node and a `Context` and returns plain data, or None after
recording a problem. Validation never stops at the first problem, so a rule
author sees every mistake in one run.
"""
import difflib
import html
import re

import yaml

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# [0-9], not \d, which would take any script's digits (e.g. Arabic-Indic) as a number.
TIMING_PATTERN = re.compile(
    r"^([a-z][a-z0-9-]*) ([+-]) ([0-9]+)([hdw])(?:\.\.([0-9]+)([dw]))?$")
SPAN_PATTERN = re.compile(r"^([0-9]{1,4})([dw])$")
UNIT_DAYS = {"d": 1, "w": 7}
MAX_DAYS = 365
MAX_DIGITS = 4  # enough for any valid timing; Python refuses int() of over 4,300 digits
MAX_QUOTED = 60  # characters of a value that a message quotes
# What could start a character reference: `&lt;`, `&#60;`, `&#x3c;`, and `&lt` without its
# ';', which browsers (and the theme's `striptags`) still decode.
REFERENCE = re.compile(r"&(?:#[0-9A-Za-z]*;?|[A-Za-z][A-Za-z0-9]*;?)")
# A source's address: http(s), a host, then only characters that keep a Markdown link whole.
URL_PATTERN = re.compile(r"^https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?"
                         r"(?:/[A-Za-z0-9/._~%!$&*+,;=:@?#-]*)?$")
_SCALARS = yaml.SafeLoader("")


class Context:
    """Where we are (the file shown in messages) and what has been found so far."""

    def __init__(self, display_path, where):
        self.path = display_path
        self.problems = []
        self.refs = []  # (kind, value, location, what), checked once every file is read
        self.where = where  # id(data) -> location, shared by every file's context

    def problem(self, node, message):
        self.problems.append(self.location(node) + (message,))

    def location(self, node):
        return self.path, node.start_mark.line + 1, node.start_mark.column + 1

    def locate(self, value, node):
        """Remember where a dict or list came from, for checks made after parsing."""
        self.where[id(value)] = self.location(node)
        return value

    def ref(self, kind, value, node, what):
        self.refs.append((kind, value, self.location(node), what))


def quoted(value):
    """A value in single quotes as messages show it, cut short when it is long."""
    if len(value) > MAX_QUOTED:
        return f"'{value[:MAX_QUOTED]}…' ({len(value)} characters)"
    return f"'{value}'"


def kind_of(node):
    """A reader's word for what a node holds, for messages."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return {"tag:yaml.org,2002:null": "nothing", "tag:yaml.org,2002:bool": "true/false",
            "tag:yaml.org,2002:int": "a number", "tag:yaml.org,2002:float": "a number",
            "tag:yaml.org,2002:str": "text"}.get(node.tag, f"a value tagged {node.tag}")


def text(node, ctx, what):
    """Non-empty text."""
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
        ctx.problem(node, f"{what} must be text, not {kind_of(node)}")
        return None
    if not node.value.strip():
        ctx.problem(node, f"{what} must not be empty")
        return None
    hidden = [char for char in node.value if _hidden(char)]
    if hidden:  # YAML refuses them raw, but a double-quoted "\0" or "\u202e" gets through
        ctx.problem(node, f"{what} holds a control or text-direction character "
                          f"(U+{ord(hidden[0]):04X}); write it without")
        return None
    markup = _markup(node.value)
    if markup:
        ctx.problem(node, f"{what} holds {quoted(markup)}, which a page could read as HTML: "
                          "rule text is plain text; write it in words (e.g. 'and' for '&')")
        return None
    return " ".join(node.value.split())


def _markup(value):
    """The first part of `value` that HTML reads as markup ('<', '>' or a character
    reference), or None. A lone '&', as in 'AT&T', stays text."""
    tag = re.search("[<>]", value)
    if tag:
        return tag.group()
    for found in REFERENCE.finditer(value):
        ref = found.group()
        if ref.startswith("&#") or ref.endswith(";") or html.unescape(ref) != ref:
            return ref
    return None


def url(node, ctx, what):
    """An http(s) address that a page can link to as it is."""
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
        ctx.problem(node, f"{what} must be text, not {kind_of(node)}")
        return None
    if not URL_PATTERN.match(node.value):
        ctx.problem(node, f"{what} {quoted(node.value)} must be an https: (or http:) address "
                          "with no spaces, quotes, brackets or angle brackets")
        return None
    return node.value


def _hidden(char):
    """A character that would act on a terminal or reorder text rather than show:
    C0 and C1 controls other than white space, DEL, and bidirectional overrides."""
    code = ord(char)
    return ((code < 32 and char not in "\t\n\r") or (127 <= code < 160 and char != "\x85")
            or 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069)


def ident(node, ctx, what):
    """An id: lower-case words joined by hyphens."""
    value = text(node, ctx, what)
    if value is not None and not ID_PATTERN.match(value):
        ctx.problem(node, f"{what} {quoted(value)} must be lower-case letters, digits and hyphens")
        return None
    return value


def boolean(node, ctx, what):
    # An explicit `!!bool` tag skips YAML's resolver, so its text may be anything.
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:bool":
        ctx.problem(node, f"{what} must be true or false, not {kind_of(node)}")
        return None
    if node.value.lower() not in _SCALARS.bool_values:
        ctx.problem(node, f"{what} must be true or false, not {quoted(node.value)}")
        return None
    return _SCALARS.construct_object(node)


def one_of(choices):
    def check(node, ctx, what):
        value = text(node, ctx, what)
        if value is not None and value not in choices:
            ctx.problem(node, f"{what} {quoted(value)} is not one of: {', '.join(choices)}")
            return None
        return value
    return check


def ref_to(kind):
    """An id that must name a `kind` defined somewhere in the rule base."""
    def check(node, ctx, what):
        value = ident(node, ctx, what)
        if value is not None:
            ctx.ref(kind, value, node, what)
        return value
    return check


def timing(node, ctx, what):
    """`ANCHOR + N(h|d|w)` or `ANCHOR + N(d|w)..M(d|w)` as a dict."""
    value = text(node, ctx, what)
    if value is None:
        return None
    match = TIMING_PATTERN.match(value)
    if not match:
        ctx.problem(node, f"{what} {quoted(value)} does not parse: write ANCHOR + N(h|d|w), "
                          "e.g. 'interview + 2h', 'decision + 1d..2d', 'next-interview - 1d'")
        return None
    return _timing_value(match, node, ctx, what, value)


def _timing_value(match, node, ctx, what, value):
    anchor, sign, amount, unit, until, until_unit = match.groups()
    mistake = _timing_mistake(sign, amount, unit, until, until_unit)
    if mistake:
        ctx.problem(node, f"{what} {quoted(value)}: {mistake}")
        return None
    ctx.ref("anchor", anchor, node, what)
    days = _days(amount, unit) * (-1 if sign == "-" else 1)
    return ctx.locate({"anchor": anchor, "days": days, "latest": _days(until, until_unit),
                       "hours": int(amount) if unit == "h" else None}, node)


def _timing_mistake(sign, amount, unit, until, until_unit):
    """What is wrong with a timing's numbers, in words; None when nothing is."""
    if any(len(digits or "") > MAX_DIGITS for digits in (amount, until)):
        return f"a number of more than {MAX_DIGITS} digits; at most {MAX_DAYS} days after its anchor"
    if unit == "h" and (until or int(amount) > 23 or sign == "-"):
        return "hours must be 0 to 23 after the anchor, with no range"
    if sign == "-" and until:
        return "a time before the anchor takes no range"
    days, latest = _days(amount, unit), _days(until, until_unit)
    if max(days, latest or 0) > MAX_DAYS:
        return f"at most {MAX_DAYS} days after its anchor"
    if latest is not None and latest <= days:
        return "the end of the range must come after its start"
    return None


def _days(amount, unit):
    """Days after the anchor for `amount` of `unit` (an hours timing is day 0)."""
    if amount is None:
        return None
    return 0 if unit == "h" else int(amount) * UNIT_DAYS[unit]


def span(node, ctx, what):
    """A number of days ('3d') or weeks ('2w') as days, or the words 'any-time'."""
    value = text(node, ctx, what)
    if value is None or value == "any-time":
        return value
    match = SPAN_PATTERN.match(value)
    days = int(match.group(1)) * UNIT_DAYS[match.group(2)] if match else None
    if days is None or days > MAX_DAYS:
        ctx.problem(node, f"{what} {quoted(value)} must be N days or weeks up to a year, like 1d or "
                          "2w, or any-time")
        return None
    return days


def citations(node, ctx, what):
    """Who says a point, as [{"source", "section"}]: a list of source ids, or a mapping from
    each source id to the section (or list of sections) of the article that says it."""
    if isinstance(node, yaml.SequenceNode):
        ids = list_of(ref_to("source"))(node, ctx, what)
        return None if ids is None else [
            ctx.locate({"source": i, "section": None}, child) for i, child in zip(ids, node.value)]
    if not isinstance(node, yaml.MappingNode):
        ctx.problem(node, f"{what} must be a list of source ids or a mapping from source id "
                          f"to section, not {kind_of(node)}")
        return None
    pairs = _pairs(node, ctx, what)
    if not pairs:
        ctx.problem(node, f"{what} needs at least 1 entry")
    cited = []
    for key_node, value_node in pairs:
        source = ref_to("source")(key_node, ctx, f"{what} key")
        for section_node in _one_or_many(value_node):
            section = ident(section_node, ctx, f"{what}.{key_node.value}")
            if source and section:
                ctx.ref("section", (source, section), section_node, f"{what}.{key_node.value}")
            cited.append(ctx.locate({"source": source, "section": section}, section_node))
    return cited


def _one_or_many(node):
    return node.value if isinstance(node, yaml.SequenceNode) and node.value else [node]


def list_of(item, minimum=1):
    def check(node, ctx, what):
        if not isinstance(node, yaml.SequenceNode):
            ctx.problem(node, f"{what} must be a list, not {kind_of(node)}")
            return None
        if len(node.value) < minimum:
            ctx.problem(node, f"{what} needs at least {minimum} entr{'y' if minimum == 1 else 'ies'}")
            return None
        return [item(child, ctx, f"{what}[{i + 1}]") for i, child in enumerate(node.value)]
    return check


def dict_of(key, value):
    """A mapping whose keys are data (e.g. rule ids), each checked by `key`."""
    def check(node, ctx, what):
        pairs = _pairs(node, ctx, what)
        if pairs is None:
            return None
        return {key(k, ctx, f"{what} key"): value(v, ctx, f"{what}.{k.value}") for k, v in pairs}
    return check


def record(fields, required=(), name="entry"):
    """A mapping with known keys: `fields` maps each key to its validator."""
    def check(node, ctx, what):
        pairs = _pairs(node, ctx, what, name)
        if pairs is None:
            return None
        result = {}
        for key_node, value_node in pairs:
            result[key_node.value] = _field(fields, key_node, value_node, ctx, name)
        for key in required:
            if key not in result:
                ctx.problem(node, f"{name} is missing required field '{key}'")
        return ctx.locate(result, node)
    return check


def _field(fields, key_node, value_node, ctx, name):
    key = key_node.value
    if key in fields:
        return fields[key](value_node, ctx, f"{name} {key}")
    hint = difflib.get_close_matches(str(key), fields, n=1)
    suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
    ctx.problem(key_node, f"unknown key {quoted(str(key))} in {name} (expected one of: "
                          f"{', '.join(fields)}){suggestion}")
    return None


def _pairs(node, ctx, what, name=None):
    """The key/value node pairs of a mapping, reporting repeated keys (in `name`)."""
    if not isinstance(node, yaml.MappingNode):
        ctx.problem(node, f"{what} must be a mapping, not {kind_of(node)}")
        return None
    seen, pairs = set(), []
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            ctx.problem(key_node, f"{what} has a key that is not text")
        elif key_node.value in seen:
            ctx.problem(key_node, f"key {quoted(key_node.value)} appears twice in {name or what}")
        else:
            seen.add(key_node.value)
            pairs.append((key_node, value_node))
    return pairs
