"""`leadportal build`: check, build --strict into a fresh folder, swap it into place on success.

A failed build (a broken record, a template error, a warning in strict mode) leaves the
previous site/ exactly as it was: MkDocs writes into a temporary folder beside site/, and
only a complete, warning-free result replaces it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from leadportal.build.generate import check
from leadportal.build.progress import progress
from leadportal.build.swap import swap_into_place
from leadportal.records.mkdocs_yml import read_config, read_settings

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_BUILD_FAILED = 0, 1, 2, 3

EXIT_CODES = {
    EXIT_OK: "the site was built and swapped into place",
    EXIT_PROBLEMS: "a record has a problem (error or warning); site/ was not touched",
    EXIT_USAGE: "bad command line or no mkdocs.yml",
    EXIT_BUILD_FAILED: "MkDocs failed or warned (template error, broken link …); "
    "site/ was not touched",
}


def exit_codes_help() -> str:
    return "exit codes: " + "; ".join(f"{code} {text}" for code, text in EXIT_CODES.items())


def source_date_epoch(root: Path, environ: Mapping[str, str], now: float) -> str:
    """SOURCE_DATE_EPOCH if set, else the last commit's time in a git checkout, else `now`."""
    given = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given.isdigit():
        return given
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        done = None
    commit_time = done.stdout.strip() if done and done.returncode == 0 else ""
    return commit_time if commit_time.isdigit() else str(int(now))


@contextlib.contextmanager
def environment(**values: str) -> Iterator[None]:
    """Set environment variables for the duration of the block, then restore them."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, old in saved.items():
            if old is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = old


class MkDocsLog(logging.Handler):
    """Prints MkDocs' warnings and errors as they come, and counts the warnings."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__(logging.WARNING)
        self.stream = stream
        self.warnings = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.warnings += record.levelno == logging.WARNING
        line = f"{record.levelname:<8}- {record.getMessage()}"
        print(line, file=self.stream)


def run_mkdocs(config_file: Path, site_dir: Path, log: MkDocsLog) -> None:
    """`mkdocs build --strict` into `site_dir`; raises on any error or warning."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logger = logging.getLogger("mkdocs")
    logger.addHandler(log)
    # The plugin repeats the check's reminders, which this command printed already.
    already_printed = logging.NullHandler()
    logging.getLogger("leadportal.reminders").addHandler(already_printed)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    finally:
        logger.removeHandler(log)
        logging.getLogger("leadportal.reminders").removeHandler(already_printed)


def configured_site_dir(config_file: Path) -> Path:
    """Where the portal's mkdocs.yml wants the site (site_dir, default site/)."""
    config = read_config(config_file)
    return (config_file.resolve().parent / str(config.get("site_dir") or "site")).resolve()


def describe_failure(error: BaseException) -> str:
    """One line saying what failed, with the template's file and line when there is one."""
    where = ""
    filename, lineno = getattr(error, "filename", None), getattr(error, "lineno", None)
    if filename:
        where = f" in {filename}" + (f":{lineno}" if lineno else "")
    message = str(error).strip() or type(error).__name__
    return f"{type(error).__name__}{where}: {message}"


def folder_stats(folder: Path) -> tuple[int, int]:
    """(HTML pages, total bytes) of a built site."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    pages = sum(p.suffix == ".html" for p in files)
    return pages, sum(p.stat().st_size for p in files)


def human_size(size: float) -> str:
    for unit in ("B", "KB", "MB"):
        if size < 1024:
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


@dataclass(frozen=True)
class Summary:
    records: Mapping[str, int]
    pages: int
    warnings: int
    size: int
    seconds: float
    site_dir: str

    def __str__(self) -> str:
        kinds = ", ".join(f"{n} {kind}" for kind, n in self.records.items())
        return (
            f"built {self.site_dir}: {kinds}; {self.pages} pages; {self.warnings} warnings; "
            f"{human_size(self.size)}; {self.seconds:.1f} s"
        )


def build_portal(config_file: Path, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """The whole `leadportal build`; returns one of the documented exit codes."""
    out, err = out or sys.stdout, err or sys.stderr
    started = time.monotonic()
    root = config_file.resolve().parent
    epoch = source_date_epoch(root, os.environ, time.time())
    with environment(SOURCE_DATE_EPOCH=epoch):
        settings = read_settings(config_file)
        with progress("checking records", err):
            result = check(settings)
        for problem in result.problems:
            print(problem, file=err)
        stopping = [p for p in result.problems if p.stops_publishing]
        if stopping:
            print(
                f"{len(stopping)} problem(s) in the records; site/ was not touched. "
                "Fix them and build again.",
                file=err,
            )
            return EXIT_PROBLEMS
        site_dir = configured_site_dir(config_file)
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
        log = MkDocsLog(err)
        try:
            with progress("building the site with MkDocs", err):
                run_mkdocs(config_file, staging, log)
        except BaseException as error:  # a template error is a jinja2 exception, not Abort
            shutil.rmtree(staging, ignore_errors=True)
            if isinstance(error, KeyboardInterrupt):
                raise
            print(f"build failed: {describe_failure(error)}", file=err)
            print(f"{settings.relative(site_dir)}/ was not touched.", file=err)
            return EXIT_BUILD_FAILED
        pages, size = folder_stats(staging)
        try:
            swap_into_place(staging, site_dir)
        except OSError as error:  # e.g. site/ is a mount point or owned by another user
            print(f"could not replace {site_dir}: {error}", file=err)
            print(f"the new build is complete in {staging}; copy it by hand", file=err)
            return EXIT_BUILD_FAILED
    summary = Summary(
        records=result.records.counts(),
        pages=pages,
        warnings=log.warnings,
        size=size,
        seconds=time.monotonic() - started,
        site_dir=settings.relative(site_dir) + "/",
    )
    print(summary, file=out)
    return EXIT_OK
