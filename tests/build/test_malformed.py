"""Property: whatever malformed record or page staff put in the repository (wrong types,
impossible dates, deep nesting, explicit tags, bad encodings, files that are not files), the
check exits 1 with a problem line naming the file (and its line, for a problem in the text),
never a traceback or a hang; and a refused strict build leaves site/ byte-identical.

The fast run is bounded and deterministic (derandomized, no example database); every failure
it ever found is kept below as a named example and in the hostile corpus."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_cases import empty_portal
from hypothesis import HealthCheck, given, settings
from malformed import MALFORMED, VALID, Malformed, mutated_records, record_text
from portals import tree_digest

from leadportal import cli
from leadportal.build.generate import check
from leadportal.records.settings import Settings

BOUNDED = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    root = tmp_path_factory.mktemp("malformed")
    yield empty_portal(root, ())


@contextlib.contextmanager
def holding(settings: Settings, malformed: Malformed) -> Iterator[None]:
    malformed.put(settings.root)
    try:
        yield
    finally:
        malformed.remove(settings.root)


def assert_refused_with_its_line(settings: Settings, malformed: Malformed) -> None:
    problems = [p for p in check(settings).problems if p.stops_publishing]
    about_it = [p for p in problems if p.path == malformed.path]
    assert about_it, (malformed, [str(p) for p in problems])
    if malformed.has_line:
        assert any(p.line >= 1 and p.column >= 1 for p in about_it), [str(p) for p in about_it]
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = cli.main(["-f", str(settings.root / "mkdocs.yml"), "check"])
    assert code == 1, err.getvalue()
    assert "Traceback" not in err.getvalue() and "internal error" not in err.getvalue()
    assert malformed.path in err.getvalue()


def test_the_valid_starting_points_give_no_problem(portal: Settings) -> None:
    for path, fields in VALID.items():
        valid = Malformed(path, "valid", record_text(fields).encode())
        with holding(portal, valid):
            assert [str(p) for p in check(portal).problems] == []


@BOUNDED
@given(malformed=MALFORMED())
def test_every_malformed_input_is_a_problem_line(portal: Settings, malformed: Malformed) -> None:
    with holding(portal, malformed):
        assert_refused_with_its_line(portal, malformed)


@BOUNDED
@given(mutated=mutated_records())
def test_no_mutation_of_a_record_crashes(portal: Settings, mutated: Malformed) -> None:
    """Spliced bytes may or may not break a record: either way no traceback, exit 0 or 1."""
    with holding(portal, mutated):
        problems = check(portal).problems
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = cli.main(["-f", str(portal.root / "mkdocs.yml"), "check"])
    assert code == (1 if any(p.stops_publishing for p in problems) else 0), err.getvalue()
    assert "internal error" not in err.getvalue()


# Slow tier: a longer run of the same property, and whole strict builds on a few examples.
@pytest.mark.slow
@settings(BOUNDED, max_examples=300)
@given(malformed=MALFORMED())
def test_every_malformed_input_is_a_problem_line_long_run(
    portal: Settings, malformed: Malformed
) -> None:
    with holding(portal, malformed):
        assert_refused_with_its_line(portal, malformed)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A portal with a site/ from a successful strict build."""
    root = tmp_path_factory.mktemp("malformed-built")
    empty_portal(root, ())
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    return root


def mkdocs_build(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795651200"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


@pytest.mark.slow
@settings(BOUNDED, max_examples=12)
@given(malformed=MALFORMED())
def test_a_refused_strict_build_leaves_site_byte_identical(
    built: Path, malformed: Malformed
) -> None:
    before = tree_digest(built / "site")
    malformed.put(built)
    try:
        done = mkdocs_build(built)
    finally:
        malformed.remove(built)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert malformed.path in done.stderr
    assert tree_digest(built / "site") == before
    shutil.rmtree(built / ".cache", ignore_errors=True)
