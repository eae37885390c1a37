"""Benchmark: what the Spanish build costs. The bundled portal and synthetic portals of N
sites, built with `mkdocs build --strict` as they are (English + Spanish) and with the
`translations:` block taken out of mkdocs.yml (English only); median of three runs each.

Run: python scripts/bench/languages_bench.py [--sizes 0 300 1000] [--out FILE]
Not a test: numbers depend on the machine; the committed output says which one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from synthetic import REPO, make_portal

RUNS = 3


def english_only(root: Path) -> None:
    """Take the `translations:` block (and its comment) out of the portal's mkdocs.yml."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"\n(      #[^\n]*\n)*      translations:\n(        [^\n]*\n|\s*\n)*", "\n", text)
    config.write_text(text, encoding="utf-8")
    # The records' Spanish goes too: a translation into a language the portal lacks is an error.
    records = [
        *root.glob("sites/*.yml"),
        *root.glob("docs/resources/*.yml"),
        *root.glob("docs/contact/*.yml"),
    ]
    for record in records:
        text = record.read_text(encoding="utf-8")
        record.write_text(text.split("\ntranslations:\n", 1)[0] + "\n", encoding="utf-8")
    steps = root / "docs" / "start" / "steps.yml"
    if steps.is_file():
        data = yaml.safe_load(steps.read_text(encoding="utf-8"))
        for stage in data.get("stages", []):
            stage.pop("translations", None)
        steps.write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )


def build_seconds(root: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
            cwd=root,
            env=env,
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def portal_for(size: int, into: Path) -> Path:
    if size == 0:
        root = into / "bundled"
        shutil.copytree(
            REPO,
            root,
            ignore=shutil.ignore_patterns(
                ".git", ".venv", "site", ".tools", ".shots", "node_modules"
            ),
        )
        return root
    return make_portal(into / f"synthetic-{size}", size)


def bytes_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 300, 1000])
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    rows = [
        "| portal | English only | English + Spanish | ratio | site/ size, English only → both |",
        "|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as scratch:
        for size in args.sizes:
            both_root = portal_for(size, Path(scratch) / "both")
            one_root = Path(scratch) / "one" / both_root.name
            shutil.copytree(both_root, one_root)
            english_only(one_root)
            both, one = build_seconds(both_root), build_seconds(one_root)
            size_one, size_both = bytes_of(one_root / "site"), bytes_of(both_root / "site")
            name = "bundled (35 sites)" if size == 0 else f"{size} synthetic sites"
            rows.append(
                f"| {name} | {one:.1f} s | {both:.1f} s | {both / one:.2f} | "
                f"{size_one / 1e6:.1f} MB → {size_both / 1e6:.1f} MB |"
            )
            print(rows[-1], flush=True)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    report = "\n".join(
        [
            "# What the Spanish build costs",
            "",
            f"`python scripts/bench/languages_bench.py`, {dt.date.today()}, {machine}; "
            f"`mkdocs build --strict`, median of {RUNS} runs.",
            "",
            *rows,
            "",
        ]
    )
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
