"""The Nu Html Checker (npm package vnu-jar), run with the machine's Java over many files."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from portal_helpers import REPO_ROOT

VNU_VERSION = "26.9.27"
INSTALL = f"npm install --prefix .tools --ignore-scripts vnu-jar@{VNU_VERSION}"
DEFAULT_JAR = REPO_ROOT / ".tools/node_modules/vnu-jar/build/dist/vnu.jar"


@dataclass(frozen=True, order=True)
class HtmlError:
    file: str
    line: int
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message} [{self.extract.strip()[:120]}]"


def vnu_jar() -> Path:
    """The jar, or a skip (a failure under CI=true) naming the command that installs it."""
    jar = Path(os.environ.get("VNU_JAR", DEFAULT_JAR))
    if jar.is_file() and shutil.which("java"):
        return jar
    reason = f"Nu Html Checker not installed: run `{INSTALL}` (and install Java)"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def validate(files: list[Path]) -> list[HtmlError]:
    """Every error vnu reports for `files`, in one Java run."""
    result = subprocess.run(
        ["java", "-jar", str(vnu_jar()), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    return sorted(
        HtmlError(
            m.get("url", "").removeprefix("file:"),
            int(m.get("lastLine", 0)),
            m["message"],
            m.get("extract", ""),
        )
        for m in messages
        if m["type"] in {"error", "non-document-error"}
    )


def not_allowed(
    errors: list[HtmlError], allowed: dict[str, str]
) -> tuple[list[HtmlError], set[str]]:
    """(errors no allowlist pattern matches, the patterns that matched something)."""
    used: set[str] = set()
    left = []
    for error in errors:
        text = error.message + " " + error.extract
        match = next((p for p in allowed if re.search(p, text, re.DOTALL)), None)
        if match is None:
            left.append(error)
        else:
            used.add(match)
    return left, used
