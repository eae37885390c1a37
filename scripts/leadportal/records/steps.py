"""Loading and checking the stages and steps of starting LEAD (docs/start/steps.yml, the
`StartSteps` model): one source for the implementation page and the /start/ pages.

The file is checked like every record: each problem with its file, line and column, and a
document it names must be a document of the library.
"""

from __future__ import annotations

from collections.abc import Sequence

from leadportal.records.loaded import Loaded
from leadportal.records.models import Document, StartSteps
from leadportal.records.positions import parse
from leadportal.records.problems import Problem
from leadportal.records.settings import Settings
from leadportal.records.validate import validate


def load_steps(
    settings: Settings, validation_context: dict[str, object]
) -> tuple[Loaded[StartSteps] | None, list[Problem]]:
    """The steps file, or None (no /start/ pages) when the portal has none."""
    file = settings.steps_path
    if not file.is_file():
        return None, []
    path = settings.relative(file)
    parsed, problems = parse(file.read_bytes(), path)
    if parsed is None:
        return None, problems
    record, invalid = validate(parsed, StartSteps, path, validation_context)
    if record is None or problems or invalid:
        return None, problems + invalid
    return Loaded(file.stem, path, record, parsed), []


def steps_problems(
    steps: Loaded[StartSteps], documents: Sequence[Loaded[Document]]
) -> list[Problem]:
    """A stage listed twice, or a document that is not a public document of the library."""
    public = {d.slug for d in documents if d.record.public}
    problems = []
    seen: set[str] = set()
    for i, guide in enumerate(steps.record.stages):
        if guide.stage in seen:
            line, col = steps.parsed.where(("stages", i, "stage"))
            problems.append(
                Problem(
                    steps.path,
                    line,
                    col,
                    f"stages[{i}].stage",
                    f"'{guide.stage}' is listed twice",
                    "keep one entry per stage and merge their steps",
                )
            )
        seen.add(guide.stage)
        for j, slug in enumerate(guide.documents):
            if slug not in public:
                line, col = steps.parsed.where(("stages", i, "documents", j))
                problems.append(
                    Problem(
                        steps.path,
                        line,
                        col,
                        f"stages[{i}].documents[{j}]",
                        f"'{slug}' is not a public document of the library",
                        "use the file name of a record in docs/resources/ without .yml",
                    )
                )
    return problems
