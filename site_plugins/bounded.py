"""Reading files that a user names, with bounded work whatever they hold.

`read_bytes` reads only a regular file, and never more than a set size: a folder, a FIFO
(which would block), a device such as /dev/zero (which never ends), a dangling symlink or
a symlink loop is refused with `Unreadable`, whose text says why in words. A `Budget`
bounds what many reads take together, counting the bytes read, never the sizes files
report (a file under /proc reports 0 bytes, however much it holds).
`BoundedLoader` is PyYAML's SafeLoader with limits on nesting (PyYAML composes
recursively, so deep nesting overflows the stack) and on alias expansion (a few KB of
aliases can stand for billions of values, which every walk over the data then visits).
"""
import errno
import os
import stat

import yaml

MAX_BYTES = 512 * 1024  # a rule file is a few KB (the largest 27); PyYAML parses about 150 KB a second here
MAX_TOTAL_BYTES = 1024 * 1024  # all rule files together (the real ones: about 32 KB)
MAX_FILES = 1000
MAX_DEPTH = 50          # the rule format nests 8 levels deep
MAX_VALUES = 100_000    # values in one file once aliases are expanded; a real file has < 500

KINDS = ((stat.S_ISDIR, "is a folder, not a file"),
         (stat.S_ISFIFO, "is a FIFO (named pipe), not a file"),
         (stat.S_ISCHR, "is a device, not a file"), (stat.S_ISBLK, "is a device, not a file"),
         (stat.S_ISSOCK, "is a socket, not a file"))


class Unreadable(Exception):
    """The path cannot be read as a file; the text is the reason, for a located message."""


class Budget:
    """Bytes that reads may still take, all together; `spent` once a read found more."""

    def __init__(self, total=MAX_TOTAL_BYTES):
        self.total, self.left, self.spent = total, total, False


def read_bytes(path, limit=MAX_BYTES, budget=None):
    """The content of the regular file at `path`, of at most `limit` bytes, and at most
    what is left of `budget` (which the bytes read are taken from)."""
    fd = _open(path)
    try:
        _check_regular(os.fstat(fd), limit)
        allowed = limit if budget is None else min(limit, budget.left)
        data = _read_at_most(fd, allowed + 1)
    finally:
        os.close(fd)
    if len(data) > allowed:
        raise Unreadable(_too_large(limit) if allowed == limit else _past_budget(budget))
    if budget is not None:
        budget.left -= len(data)
    return data


def _past_budget(budget):
    budget.spent = True
    return (f"takes the files read past {budget.total // 1024} KB in all, the most the "
            "loader reads; the files after it are not read")


def _read_at_most(fd, count):
    chunks, size = [], 0
    while size < count:
        chunk = os.read(fd, count - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _open(path):
    # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    try:
        return os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as error:
        raise Unreadable(_open_failure(path, error)) from None


def _open_failure(path, error):
    if error.errno == errno.ELOOP:
        return "is a symbolic link that loops back on itself"
    if error.errno == errno.ENOENT:
        return "is a symbolic link to nothing" if os.path.islink(path) else "does not exist"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "cannot be read: permission denied"
    return f"cannot be read: {os.strerror(error.errno)}"


def _check_regular(status, limit):
    for is_kind, words in KINDS:
        if is_kind(status.st_mode):
            raise Unreadable(words)
    if not stat.S_ISREG(status.st_mode):
        raise Unreadable("is not a regular file")
    if status.st_size > limit:
        raise Unreadable(_too_large(limit))


def _too_large(limit):
    return f"is larger than {limit // 1024} KB; split it into smaller files"


class TooComplex(Exception):
    """A YAML document past a limit; `mark` is where, for a located message."""

    def __init__(self, mark, message):
        super().__init__(message)
        self.mark = mark


class BoundedLoader(yaml.SafeLoader):
    """SafeLoader that stops, with `TooComplex`, at nesting deeper than MAX_DEPTH or at a
    node that stands for more than MAX_VALUES values once its aliases are expanded."""

    def __init__(self, stream):
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):  # a node composed (and checked) before
            return super().compose_node(parent, index)
        if self.depth >= MAX_DEPTH:
            raise TooComplex(self.peek_event().start_mark,
                             f"nested more than {MAX_DEPTH} levels deep")
        self.depth += 1
        node = super().compose_node(parent, index)
        self.depth -= 1
        node.expanded = _expanded_size(node)
        if node.expanded > MAX_VALUES:
            raise TooComplex(node.start_mark, f"aliases make this stand for more than "
                                              f"{MAX_VALUES:,} values")
        return node


def _expanded_size(node):
    """1 + the expanded size of each child. A child still being composed (an alias to
    a node that contains it) counts 1: the checks walk it no deeper than the format."""
    if isinstance(node, yaml.SequenceNode):
        children = node.value
    elif isinstance(node, yaml.MappingNode):
        children = [child for pair in node.value for child in pair]
    else:
        return 1
    return 1 + sum(getattr(child, "expanded", 1) for child in children)


def yaml_problem(error, text):
    """(line, column, message) for what stopped PyYAML, or our limits, in `text`."""
    if isinstance(error, TooComplex):
        return error.mark.line + 1, error.mark.column + 1, str(error)
    if isinstance(error, yaml.reader.ReaderError):  # a character YAML does not allow; no mark
        line = text.count("\n", 0, error.position) + 1
        col = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        return line, col, "YAML syntax error: character %r is not allowed" % chr(error.character)
    mark = error.problem_mark or error.context_mark
    kind = "" if isinstance(error, yaml.constructor.ConstructorError) else "YAML syntax error: "
    return mark.line + 1, mark.column + 1, kind + (error.problem or error.context)
