"""Read one YAML record into plain data, remembering the line and column of every node.

Every problem found on the way (encoding, tabs, syntax, duplicate keys, aliases, impossible
dates) is collected rather than raised, so a single run reports all of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return (before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1)


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
    for number, line in enumerate(text.splitlines(), start=1):
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
    try:
        root = _compose(text)
    except _Refused as err:
        line, col = _mark_of(err.node_mark)
        return None, [Problem(path, line, col, _dotted(err.where), err.message, err.hint)]
    except yaml.MarkedYAMLError as err:
        return None, [syntax_problem(err, path)]
    except yaml.YAMLError as err:
        return None, [Problem(path, 1, 1, "", f"YAML syntax error: {err}")]
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
    builder = _Builder(path)
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


def syntax_problem(err: yaml.MarkedYAMLError, path: str) -> Problem:
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
            what += f" (in {inside} that starts on line {opened.line + 1})"
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
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


def _mark_of(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


class _Builder:
    def __init__(self, path: str) -> None:
        self.path = path
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
        line, col = at or _mark(node)
        self.broken.add(where)
        self.problems.append(Problem(self.path, line, col, _dotted(where), message, hint))

    def build(self, node: yaml.Node, where: Path) -> Any:
        self.values[where] = _mark(node)
        if len(where) > MAX_DEPTH:
            self.problem(node, where, f"nested deeper than {MAX_DEPTH} levels")
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
            self.keys[(*where, key)] = _mark(key_node)
            result[key] = self.build(value_node, (*where, key))
        return result

    def scalar(self, node: yaml.ScalarNode, where: Path) -> Any:
        if node.tag == STR_TAG:  # most values: no constructor needed
            return node.value
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, yaml.constructor.ConstructorError) as err:
            if node.tag == "tag:yaml.org,2002:timestamp":
                self.problem(
                    node,
                    where,
                    f"'{node.value}' is not a real date ({err})",
                    "use YYYY-MM-DD with a day that exists",
                )
            else:
                self.problem(node, where, f"cannot read '{node.value}': {err}")
            return node.value


STR_TAG = "tag:yaml.org,2002:str"


def _dotted(path: Path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


dotted = _dotted
