"""The package's rooms stay in order: every import points down the data flow, never up or sideways.

records -> places -> portal -> render -> one output family (sites, library, forms, opendata,
sitemap, admin) -> build -> the two adapters (plugin, cli). An output family never imports
another, nothing imports the adapters, and there is no import cycle, counting the imports made
only for type checking or inside functions too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest
from portal_helpers import REPO_ROOT

PACKAGE = REPO_ROOT / "scripts" / "leadportal"
RANKS = {
    "records": 0,
    "places": 1,
    "portal": 2,
    "render": 3,
    "sites": 4,
    "library": 4,
    "forms": 4,
    "opendata": 4,
    "sitemap": 4,
    "admin": 4,
    "start": 4,
    "build": 5,
    "plugin": 6,
    "cli": 6,
}
# The only modules that may import MkDocs: the plugin and the two build pieces that drive it.
MKDOCS_ADAPTERS = {
    "leadportal.plugin",
    "leadportal.build.generated_page",
    "leadportal.build.publish",
    "leadportal.build.language_build",  # runs the build of each other language
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, module: str, known: Iterable[str]) -> set[str]:
    """Every module of `known` (and of MkDocs) that `source` imports anywhere: at the top,
    inside functions, under TYPE_CHECKING."""
    known = set(known)
    package = module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name in known or name.split(".")[0] == "mkdocs"}


def room(module: str) -> str:
    """`leadportal.sites.pages` -> `sites`; `leadportal.cli` -> `cli`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def layer_violations(graph: Mapping[str, set[str]]) -> list[str]:
    problems = []
    for module, imports in sorted(graph.items()):
        here = room(module)
        for target in sorted(imports):
            if target.split(".")[0] == "mkdocs":
                if module not in MKDOCS_ADAPTERS:
                    problems.append(f"{module} imports {target}: only the MkDocs adapters may")
                continue
            there = room(target)
            if not there or there == here:
                continue
            if RANKS[there] > RANKS[here]:
                problems.append(f"{module} imports {target}, a higher layer")
            elif RANKS[there] == RANKS[here]:
                problems.append(f"{module} imports {target}, a sibling ({here} -> {there})")
    return problems


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in graph:
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def package_graph() -> dict[str, set[str]]:
    files = sorted(PACKAGE.rglob("*.py"))
    names = {module_name(f) for f in files}
    graph = {}
    for f in files:
        name = module_name(f)
        graph[name] = imported_modules(f.read_text(), name, names) - {name}
        # importing a package's module also runs the package's __init__: not an edge to count
        graph[name] = {t for t in graph[name] if not f"{name}.".startswith(f"{t}.")}
    return graph


def test_every_module_is_in_a_known_room() -> None:
    rooms = {room(m) for m in package_graph()} - {""}
    assert rooms <= set(RANKS), f"a new room needs a place in RANKS: {rooms - set(RANKS)}"


def test_imports_point_down_the_data_flow() -> None:
    assert layer_violations(package_graph()) == []


def test_no_import_cycles() -> None:
    assert cycles(package_graph()) == []


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        (
            {"leadportal.records.loader": {"leadportal.sites.pages"}},
            ["leadportal.records.loader imports leadportal.sites.pages, a higher layer"],
        ),
        (
            {"leadportal.sites.pages": {"leadportal.library.catalog"}},
            [
                "leadportal.sites.pages imports leadportal.library.catalog, a sibling "
                "(sites -> library)"
            ],
        ),
        (
            {"leadportal.build.generate": {"leadportal.cli"}},
            ["leadportal.build.generate imports leadportal.cli, a higher layer"],
        ),
        (
            {"leadportal.render.outputs": {"mkdocs.structure.files"}},
            [
                "leadportal.render.outputs imports mkdocs.structure.files: "
                "only the MkDocs adapters may"
            ],
        ),
        ({"leadportal.sites.pages": {"leadportal.records.models", "leadportal.sites.states"}}, []),
    ],
)
def test_the_layer_check_catches_what_it_should(
    graph: dict[str, set[str]], expected: list[str]
) -> None:
    assert layer_violations(graph) == expected


def test_the_cycle_check_sees_a_cycle_through_type_checking_imports() -> None:
    source_a = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .b import B\n"
    source_b = "def f():\n    from leadportal.records.a import A\n"
    known = {"leadportal.records.a", "leadportal.records.b"}
    graph = {
        "leadportal.records.a": imported_modules(source_a, "leadportal.records.a", known),
        "leadportal.records.b": imported_modules(source_b, "leadportal.records.b", known),
    }
    assert cycles(graph) == [["leadportal.records.a", "leadportal.records.b"]]
