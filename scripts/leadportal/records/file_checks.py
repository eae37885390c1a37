"""Checks on the files that documents describe: inside docs/, of an allowed type, not too big,
and no file in the resources folder that no record describes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from leadportal.records.loaded import Loaded
from leadportal.records.models import Document
from leadportal.records.positions import MAX_RECORD_BYTES, parse
from leadportal.records.problems import Problem
from leadportal.records.safe_read import MISSING, NotAFile, not_a_file, read_file
from leadportal.records.settings import Settings

MEGABYTE = 1024 * 1024
# Files in the resources folder that are never documents: records, pages, editor droppings.
NOT_DOCUMENTS = {".yml", ".yaml", ".md"}


def document_file(doc: Loaded[Document], settings: Settings) -> Path | None:
    """Where the document's file is (symlinks resolved), or None for a document with a URL
    (or a name no file can have, which document_file_problems reports)."""
    if not doc.record.file:
        return None
    return named_file(settings.root / doc.path, doc.record.file)


def named_file(record: Path, name: str) -> Path | None:
    """The file `name` relative to `record`, links resolved; None for an impossible name."""
    try:
        return (record.parent / name).resolve()
    except (OSError, RuntimeError, ValueError):  # NUL in the name, too long, a loop
        return None


def document_file_problems(doc: Loaded[Document], settings: Settings) -> list[Problem]:
    """Errors (outside docs/, missing, disallowed type) or a warning (too big) for one record."""
    if not doc.record.file:
        return []
    name = doc.record.file
    line, col = doc.parsed.where(("file",))

    def problem(message: str, hint: str, severity: str = "error") -> list[Problem]:
        return [Problem(doc.path, line, col, "file", message, hint, severity)]

    target = document_file(doc, settings)
    if target is None:
        why = not_a_file((settings.root / doc.path).parent / name, settings.root)
        return problem(
            f"'{name}' {why.message}" if why else f"'{name}' cannot be a file name",
            why.hint if why else "check the name",
        )

    if not target.is_relative_to(settings.docs_dir.resolve()):
        if through_symlink(settings.root / doc.path, name):
            return problem(
                f"'{name}' is a link to a file outside docs/",
                "copy the file itself into docs/ instead of linking to it",
            )
        return problem(
            f"'{name}' is outside docs/", "keep the file in docs/, e.g. beside the record"
        )
    if target.suffix.lower() in {".yml", ".yaml"}:
        return problem(
            f"'{name}' is a record file, which is never published",
            "point to the document itself, such as a PDF beside the record",
        )
    why = not_a_file(target, settings.root)
    if why == MISSING:
        return problem(
            f"'{name}' does not exist",
            "check the name and that the file is committed next to the record",
        )
    if why is not None:
        return problem(f"'{name}' {why.message}", why.hint)
    allowed = [t.lower().lstrip(".") for t in settings.allowed_file_types]
    extension = target.suffix.lower().lstrip(".")
    if extension not in allowed:
        return problem(
            f"'{name}' is not an allowed type of file ({extension or 'no extension'})",
            f"allowed: {', '.join(allowed)}",
        )
    size = target.stat().st_size  # a regular file, as checked above
    if size > settings.max_file_mb * MEGABYTE:
        return problem(
            f"'{name}' is {size / MEGABYTE:.1f} MB, over the {settings.max_file_mb} MB limit",
            "a smaller file is kinder to people on slow or metered connections; "
            "compress it or link to where it is published",
            "warning",
        )
    return []


def through_symlink(record: Path, name: str) -> bool:
    """Whether any part of the path from the record to its file is a symbolic link."""
    current = record.parent
    for part in Path(name).parts:
        current = current / part
        if current.is_symlink():
            return True
    return False


def described_files(documents: Sequence[Loaded[Document]], settings: Settings) -> set[Path]:
    """Every file that a record in the resources folder names, valid record or not."""
    described = {p for p in (document_file(d, settings) for d in documents) if p is not None}
    loaded = {d.slug for d in documents}
    for record in sorted(settings.resources_path.glob("*.y*ml")):
        if record.stem in loaded:
            continue
        # A record that did not load (already reported) may still name its file.
        raw = read_file(record, settings.root, MAX_RECORD_BYTES)
        parsed = None if isinstance(raw, NotAFile) else parse(raw, settings.relative(record))[0]
        name = parsed.data.get("file") if parsed and isinstance(parsed.data, dict) else None
        target = named_file(record, name) if isinstance(name, str) and name else None
        if target is not None:
            described.add(target)
    return described


def orphan_files(documents: Iterable[Loaded[Document]], settings: Settings) -> list[Problem]:
    """A warning for each file in the resources folder (recursively) that no record names."""
    folder = settings.resources_path
    if not folder.is_dir():
        return []
    described = described_files(list(documents), settings)
    problems = []
    for file in sorted(folder.rglob("*")):
        relative = file.relative_to(folder)
        if not file.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        if file.suffix.lower() in NOT_DOCUMENTS or file.resolve() in described:
            continue
        problems.append(
            Problem(
                settings.relative(file),
                message="no record describes this file, so it would be published unlisted",
                hint=f"add a record for it in docs/{settings.resources_dir}/ or remove the file",
                severity="warning",
            )
        )
    return problems


def private_files(documents: Iterable[Loaded[Document]], settings: Settings) -> list[str]:
    """Files (relative to docs/) that only non-public documents name: they must not be copied."""
    public: set[Path] = set()
    private: set[Path] = set()
    docs_root = settings.docs_dir.resolve()
    for doc in documents:
        target = document_file(doc, settings)
        if target is not None and target.is_relative_to(docs_root):
            (public if doc.record.public else private).add(target.relative_to(docs_root))
    return sorted(p.as_posix() for p in private - public)


def document_files(documents: Iterable[Loaded[Document]], settings: Settings) -> list[str]:
    """Every file (relative to docs/) a document names, public or not."""
    docs_root = settings.docs_dir.resolve()
    found = {document_file(doc, settings) for doc in documents}
    return sorted(
        p.relative_to(docs_root).as_posix()
        for p in found
        if p is not None and p.is_relative_to(docs_root)
    )
