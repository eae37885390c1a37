"""Regenerate tests/records/cases/**/*.expected from the current loader (review every diff!)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from record_cases import case_files, problem_lines

if __name__ == "__main__":
    for case in case_files():
        with tempfile.TemporaryDirectory() as tmp:
            lines = problem_lines(case, Path(tmp))
        case.with_suffix(".expected").write_text("".join(line + "\n" for line in lines))
        print(f"{case.parent.name}/{case.name}: {len(lines)} line(s)")
