"""Read one YAML record into plain data, remembering the line and column of every node.

Every problem found on the way (encoding, tabs, syntax, duplicate keys, aliases, impossible
dates) is collected rather than raised, so a single run reports all of them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import yaml

from leadportal.records.problems import Problem

MAX_RECORD_BYTES = 1_000_000
MAX_DEPTH = 32
# libyaml composes ~5x faster with the same marks, but its scanner is quadratic in nesting and
# its composer recurses in C: only shallow, ordinary records take that path (see _compose).
FAST_LOADER = getattr(yaml, "CSafeLoader", None)
LINE_PREFIX = re.compile(r"^[ ?:-]*", re.M)

Path = tuple[str | int, ...]


@dataclass
class Parsed:
    """A record's data plus where each value (and each mapping key) starts, 1-based."""

    data: Any
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    broken: set[Path] = field(default_factory=set)

    def where(self, path: Path) -> tuple[int, int]:
        """Position of the nearest node on `path` that exists in the file."""
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefix in self.keys and end == len(path):
                return self.keys[prefix]
            if prefix in self.values:
                return self.values[prefix]
        return (1, 1)

    def key_or_value(self, path: Path) -> tuple[int, int]:
        return self.keys.get(path) or self.where(path)


# Line breaks as editors count them; YAML also breaks lines at NEL, U+2028 and U+2029.
LINE_BREAK = re.compile(r"\r\n|\r|\n")
YAML_ONLY_BREAKS = re.compile("[\x85\u2028\u2029]")
# Characters YAML refuses anywhere in a file (its "printable" set, inverted; NUL apart).
NOT_YAML = re.compile(
    "[^\x00\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


class Lines:
    """Line and column (1-based) of a place in a text, counting lines as an editor does."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.yaml_agrees = YAML_ONLY_BREAKS.search(text) is None

    @cached_property
    def starts(self) -> list[int]:
        return [0, *(m.end() for m in LINE_BREAK.finditer(self.text))]

    def at(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return (index + 1, offset - self.starts[index] + 1)

    def of(self, mark: Any) -> tuple[int, int]:
        """Where a YAML mark points (YAML counts more line breaks than editors do)."""
        if self.yaml_agrees:
            return (mark.line + 1, mark.column + 1)
        return self.at(mark.index)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    return Lines(text).at(offset)


def too_big(raw: bytes, path: str) -> list[Problem]:
    if len(raw) <= MAX_RECORD_BYTES:
        return []
    size = f"{len(raw) / 1_000_000:.1f} MB"
    return [
        Problem(
            path,
            1,
            1,
            "",
            f"file is {size}; a record may be at most 1 MB",
            "long texts belong in a Markdown page or a document file",
        )
    ]


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """The text of a UTF-8 file, or a problem at the first byte or character that is wrong."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [
            Problem(path, 1, 1, "", "file is saved as UTF-16", "save it with UTF-8 encoding")
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        good = raw[: err.start].decode("utf-8", "replace")
        line, col = _line_col(good, len(good))
        return None, [
            Problem(
                path,
                line,
                col,
                "",
                f"byte 0x{raw[err.start]:02x} is not UTF-8 text",
                "save the file with UTF-8 encoding",
            )
        ]
    bad = NOT_YAML.search(text)
    if bad:
        line, col = _line_col(text, bad.start())
        return None, [
            Problem(
                path,
                line,
                col,
                "",
                f"invisible character U+{ord(bad.group()):04X} cannot be in the text",
                "delete it; it often comes with text copied from another program",
            )
        ]
    if "\x00" in text:
        line, col = _line_col(text, text.index("\x00"))
        return None, [
            Problem(
                path,
                line,
                col,
                "",
                "file contains a NUL character",
                "is this a binary file saved with a .yml name?",
            )
        ]
    return text, []


def tab_problems(text: str, path: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(LINE_BREAK.split(text), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(
                Problem(
                    path,
                    number,
                    indent.index("\t") + 1,
                    "",
                    "tab character in indentation",
                    "YAML indents with spaces only; replace the tab with spaces",
                )
            )
    return problems


def parse(raw: bytes, path: str) -> tuple[Parsed | None, list[Problem]]:
    """Parse one record file; return (None, problems) when nothing usable could be read."""
    if too_big(raw, path):
        return None, too_big(raw, path)
    text, problems = decode(raw, path)
    if text is None:
        return None, problems
    problems = tab_problems(text, path)
    if problems:
        return None, problems
    lines = Lines(text)
    try:
        root = _compose(text)
    except _Refused as err:
        line, col = lines.of(err.node_mark)
        return None, [Problem(path, line, col, _dotted(err.where), err.message, err.hint)]
    except yaml.MarkedYAMLError as err:
        return None, [syntax_problem(err, path, lines)]
    except yaml.YAMLError:
        return None, [Problem(path, 1, 1, "", "YAML syntax error", "check the file's first lines")]
    if root is None:
        return None, [
            Problem(
                path,
                1,
                1,
                "",
                "file is empty",
                "a record is a YAML mapping; `leadportal new` writes a starting point",
            )
        ]
    builder = _Builder(path, lines)
    data = builder.build(root, ())
    return Parsed(data, builder.values, builder.keys, builder.broken), builder.problems


def _compose(text: str) -> yaml.Node | None:
    """Compose with libyaml when the text is plainly shallow, else with the guarded loader."""
    if FAST_LOADER is not None and _plainly_shallow(text):
        try:
            root = yaml.compose(text, Loader=FAST_LOADER)
        except yaml.YAMLError:
            root = None  # the guarded loader reports it, with its own wording
        else:
            # Only an alias (`*name`) can make two places share a node.
            if root is None or "*" not in text or not _shares_nodes(root):
                return root
    return yaml.compose(text, Loader=_RecordLoader)


def _plainly_shallow(text: str) -> bool:
    """An over-estimate of nesting from brackets and line prefixes; no YAML scanning."""
    brackets = text.count("[") + text.count("{")
    deepest = brackets if brackets <= MAX_DEPTH else _deepest_bracket(text)
    longest_prefix = max((len(m.group(0)) for m in LINE_PREFIX.finditer(text)), default=0)
    return deepest <= MAX_DEPTH and longest_prefix <= 2 * MAX_DEPTH


def _deepest_bracket(text: str) -> int:
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _shares_nodes(root: yaml.Node) -> bool:
    """True when an alias made two places hold one node (libyaml resolves aliases silently)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in node.value for n in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return False


def syntax_problem(err: yaml.MarkedYAMLError, path: str, lines: Lines) -> Problem:
    """A syntax error at the line to fix: where an unclosed quote or bracket was opened."""
    mark = err.problem_mark or err.context_mark
    what = err.problem or err.context or "invalid YAML"
    opened = err.context_mark
    if opened and mark and err.context and opened.line != mark.line:
        inside = err.context.removeprefix("while scanning ").removeprefix("while parsing ")
        inside = inside.replace("scalar", "value")
        if "end of stream" in what:
            mark, what = opened, f"{inside} that starts here is never closed"
        else:
            what += f" (in {inside} that starts on line {lines.of(opened)[0]})"
    line, col = lines.of(mark) if mark else (1, 1)
    return Problem(
        path,
        line,
        col,
        "",
        f"YAML syntax error: {what}",
        "check indentation, colons and quotes on this line or the one before",
    )


class _Refused(yaml.YAMLError):
    """YAML that a record may not use, stopped before it is expanded (aliases, deep nesting)."""

    def __init__(self, message: str, hint: str, node_mark: Any, where: Path) -> None:
        super().__init__(message)
        self.message, self.hint, self.node_mark, self.where = message, hint, node_mark, where


class _RecordLoader(yaml.SafeLoader):
    """Composes nodes like SafeLoader, but refuses aliases (no "billion laughs") and nesting
    deeper than MAX_DEPTH (no recursion error), each at the exact line."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.path: list[str | int] = []

    def fetch_flow_collection_start(self, token_class: Any) -> None:
        # The scanner's cost grows with the square of the nesting of [ and {: stop early.
        if self.flow_level >= MAX_DEPTH:
            raise _Refused(
                f"nested deeper than {MAX_DEPTH} levels",
                "a record needs only a few levels",
                self.get_mark(),
                (),
            )
        super().fetch_flow_collection_start(token_class)

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if parent is not None and index is not None:
            self.path.append(index.value if isinstance(index, yaml.ScalarNode) else index)
        try:
            event = self.peek_event()  # type: ignore[no-untyped-call]
            if isinstance(event, yaml.AliasEvent):
                raise _Refused(
                    "YAML anchors and aliases (*name) are not allowed in records",
                    "write the value out in full",
                    event.start_mark,
                    tuple(self.path),
                )
            if len(self.path) > MAX_DEPTH:
                raise _Refused(
                    f"nested deeper than {MAX_DEPTH} levels",
                    "a record needs only a few levels",
                    event.start_mark,
                    tuple(self.path),
                )
            return super().compose_node(parent, index)
        finally:
            if parent is not None and index is not None:
                self.path.pop()


class _Builder:
    def __init__(self, path: str, lines: Lines) -> None:
        self.path = path
        self.lines = lines
        self.values: dict[Path, tuple[int, int]] = {}
        self.keys: dict[Path, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.broken: set[Path] = set()
        self.constructor = yaml.SafeLoader("")

    def problem(
        self,
        node: yaml.Node,
        where: Path,
        message: str,
        hint: str = "",
        at: tuple[int, int] | None = None,
    ) -> None:
        line, col = at or self.lines.of(node.start_mark)
        self.broken.add(where)
        self.problems.append(Problem(self.path, line, col, _dotted(where), message, hint))

    def build(self, node: yaml.Node, where: Path) -> Any:
        self.values[where] = self.lines.of(node.start_mark)
        if len(where) > MAX_DEPTH:
            self.problem(node, where, f"nested deeper than {MAX_DEPTH} levels")
            return None
        if node.tag not in PLAIN_TAGS:
            self.problem(
                node,
                where,
                f"YAML tags such as {_short_tag(node.tag)} are not allowed in records",
                "remove the tag and write the value as plain text",
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, where)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*where, i)) for i, item in enumerate(node.value)]
        return self.scalar(node, where) if isinstance(node, yaml.ScalarNode) else None

    def mapping(self, node: yaml.MappingNode, where: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(
                    key_node,
                    where,
                    "YAML merge keys (<<) are not allowed in records",
                    "write the keys out in full",
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, where, "a key must be a plain word")
                continue
            key = str(key_node.value)
            if key in result:
                first = self.keys[(*where, key)][0]
                self.problem(
                    key_node,
                    (*where, key),
                    f"key appears twice (first on line {first})",
                    "remove one of the two",
                )
                continue
            self.keys[(*where, key)] = self.lines.of(key_node.start_mark)
            result[key] = self.build(value_node, (*where, key))
        return result

    def scalar(self, node: yaml.ScalarNode, where: Path) -> Any:
        if node.tag == STR_TAG:  # most values: no constructor needed
            return node.value
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.constructor.ConstructorError):
            if node.tag == TIMESTAMP_TAG:
                return node.value  # e.g. 2025-02-30: a date field says why it is not a date
            self.problem(
                node,
                where,
                f"'{node.value}' cannot be read as {PLAIN_TAGS[node.tag]}",
                f"remove the {_short_tag(node.tag)} tag before it",
            )
            return node.value


STR_TAG = "tag:yaml.org,2002:str"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# The tags YAML gives plain values by itself; any other tag is written on purpose, and
# records have no use for one (!!binary, !!set, !!python/..., !custom).
PLAIN_TAGS = {
    STR_TAG: "text",
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true or false",
    "tag:yaml.org,2002:null": "nothing",
    TIMESTAMP_TAG: "a date",
    "tag:yaml.org,2002:map": "a mapping",
    "tag:yaml.org,2002:seq": "a list",
}


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml") else tag


def _dotted(path: Path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


dotted = _dotted
