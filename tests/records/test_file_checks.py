"""File checks of documents: inside docs/, allowed type, size limit, orphans, private files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from leadportal.build.generate import check
from leadportal.records.file_checks import orphan_files, private_files
from leadportal.records.loader import load_records
from leadportal.records.settings import Settings

RECORD = "title: {title}\nkind: guide\nsummary: Text.\npublished: 2020\nfile: {file}\n"


def portal(root: Path, records: dict[str, str], **options: object) -> Settings:
    (root / "docs/resources/files").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: Test\n")
    for slug, file in records.items():
        (root / f"docs/resources/{slug}.yml").write_text(RECORD.format(title=slug, file=file))
    return Settings(root=root, docs_dir=root / "docs", today=dt.date(2026, 11, 26), **options)  # type: ignore[arg-type]


def lines(settings: Settings) -> list[str]:
    """Problem lines about documents and their files (schemas are not written in these tests)."""
    return [str(p) for p in check(settings).problems if p.path.startswith("docs/resources/")]


def test_a_file_over_the_size_limit_is_a_warning_naming_the_record(tmp_path: Path) -> None:
    settings = portal(tmp_path, {"big": "files/big.pdf", "small": "files/small.pdf"}, max_file_mb=1)
    (tmp_path / "docs/resources/files/big.pdf").write_bytes(b"%" * (1024 * 1024 + 1))
    (tmp_path / "docs/resources/files/small.pdf").write_bytes(b"%" * (1024 * 1024))
    assert lines(settings) == [
        "docs/resources/big.yml:5:1: warning: file: 'files/big.pdf' is 1.0 MB, over the 1 MB "
        "limit (a smaller file is kinder to people on slow or metered connections; compress it "
        "or link to where it is published)"
    ]
    # A warning does not drop the document: it is still published.
    assert [d.slug for d in load_records(settings).documents] == ["big", "small"]


def test_allowed_types_are_configurable_and_ignore_case(tmp_path: Path) -> None:
    settings = portal(tmp_path, {"notes": "files/notes.TXT", "deck": "files/deck.PPTX"})
    (tmp_path / "docs/resources/files/notes.TXT").write_text("notes")
    (tmp_path / "docs/resources/files/deck.PPTX").write_text("slides")
    assert [line.split(":")[0] for line in lines(settings)] == ["docs/resources/notes.yml"]
    relaxed = Settings(
        root=tmp_path, docs_dir=tmp_path / "docs", allowed_file_types=["pptx", ".txt"]
    )
    assert lines(relaxed) == []


def test_a_symlinked_folder_leading_outside_docs_is_caught(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.pdf").write_text("not for publishing")
    settings = portal(tmp_path, {"linked": "shared/secret.pdf"})
    (tmp_path / "docs/resources/shared").symlink_to(outside, target_is_directory=True)
    assert lines(settings) == [
        "docs/resources/linked.yml:5:1: file: 'shared/secret.pdf' is a link to a file outside "
        "docs/ (copy the file itself into docs/ instead of linking to it)"
    ]


def test_a_symlink_that_stays_inside_docs_is_fine(tmp_path: Path) -> None:
    settings = portal(tmp_path, {"alias": "files/alias.pdf"})
    (tmp_path / "docs/real.pdf").write_text("%PDF")
    (tmp_path / "docs/resources/files/alias.pdf").symlink_to(tmp_path / "docs/real.pdf")
    assert lines(settings) == []


def test_orphan_files_are_warnings_naming_the_file(tmp_path: Path) -> None:
    settings = portal(tmp_path, {"named": "files/named.pdf"})
    files = tmp_path / "docs/resources/files"
    (files / "named.pdf").write_text("%PDF")
    (files / "forgotten.pdf").write_text("%PDF")
    (files / "deep").mkdir()
    (files / "deep/old-slides.pptx").write_text("slides")
    (files / ".DS_Store").write_text("editor clutter")
    (tmp_path / "docs/resources/README.md").write_text("A page, not a document.")
    hint = "(add a record for it in docs/resources/ or remove the file)"
    assert [str(p) for p in orphan_files(load_records(settings).documents, settings)] == [
        "docs/resources/files/deep/old-slides.pptx: warning: no record describes this file, "
        f"so it would be published unlisted {hint}",
        "docs/resources/files/forgotten.pdf: warning: no record describes this file, "
        f"so it would be published unlisted {hint}",
    ]


def test_a_file_named_by_a_broken_record_is_not_also_an_orphan(tmp_path: Path) -> None:
    settings = portal(tmp_path, {"broken": "files/report.pdf"})
    (tmp_path / "docs/resources/files/report.pdf").write_text("%PDF")
    record = tmp_path / "docs/resources/broken.yml"
    record.write_text(record.read_text().replace("kind: guide", "kind: novel"))
    found = lines(settings)
    assert len(found) == 1 and "kind: 'novel'" in found[0]


def test_files_of_non_public_documents_are_private_unless_a_public_one_shares_them(
    tmp_path: Path,
) -> None:
    settings = portal(
        tmp_path,
        {"draft": "files/draft.pdf", "shared-a": "files/shared.pdf", "b": "files/shared.pdf"},
    )
    for name in ("draft.pdf", "shared.pdf"):
        (tmp_path / "docs/resources/files" / name).write_text("%PDF")
    for slug in ("draft", "shared-a"):
        record = tmp_path / f"docs/resources/{slug}.yml"
        record.write_text(record.read_text() + "public: false\n")
    documents = load_records(settings).documents
    assert private_files(documents, settings) == ["resources/files/draft.pdf"]
