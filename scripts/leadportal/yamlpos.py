"""Read one YAML record into plain data, remembering the line and column of every node.

Every problem found on the way (encoding, tabs, syntax, duplicate keys, aliases, impossible
dates) is collected rather than raised, so a single run reports all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem

# libyaml's parser is ~10x faster and keeps the same line and column marks.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_RECORD_BYTES = 1_000_000
MAX_DEPTH = 32

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


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    if len(raw) > MAX_RECORD_BYTES:
        size = f"{len(raw) / 1_000_000:.1f} MB"
        return None, [
            Problem(
                path,
                1,
                1,
                "",
                f"file is {size}; a record may be at most 1 MB",
                "long texts belong in a Markdown page or a document file",
            )
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
    text, problems = decode(raw, path)
    if text is None:
        return None, problems
    problems = tab_problems(text, path)
    if problems:
        return None, problems
    try:
        root = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = err.problem or err.context or "invalid YAML"
        return None, [
            Problem(
                path,
                line,
                col,
                "",
                f"YAML syntax error: {what}",
                "check indentation, colons and quotes on this line or the one before",
            )
        ]
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


class _Builder:
    def __init__(self, path: str) -> None:
        self.path = path
        self.values: dict[Path, tuple[int, int]] = {}
        self.keys: dict[Path, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.broken: set[Path] = set()
        self.seen: set[int] = set()
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
        if id(node) in self.seen:
            self.problem(
                node,
                where,
                "YAML anchors and aliases (*name) are not allowed in records",
                "write the value out in full",
                at=self.keys.get(where),
            )
            return None
        self.seen.add(id(node))
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


def _dotted(path: Path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


dotted = _dotted
