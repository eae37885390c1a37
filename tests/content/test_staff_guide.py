"""The staff guide: every task covered, screenshots present and small, kept out of the menus."""

from __future__ import annotations

import json
import re
from pathlib import Path

from portals import REPO

GUIDE = REPO / "docs/staff"
TASKS = {
    "add-a-site.md": "leadportal new site",
    "change-a-stage.md": "history:",
    "add-a-document.md": "leadportal new document",
    "edit-a-form.md": "options:",
    "edit-the-steps.md": "docs/start/steps.yml",
    "preview-and-publish.md": "mkdocs serve",
    "spanish-texts.md": "translations:",
}


def test_every_task_has_a_page_linked_from_the_index() -> None:
    index = (GUIDE / "index.md").read_text()
    for page, must_mention in TASKS.items():
        assert f"]({page})" in index, page
        assert must_mention in (GUIDE / page).read_text(), page
    assert "leadportal build" in (GUIDE / "preview-and-publish.md").read_text()


def test_screenshots_exist_and_are_small() -> None:
    images = {
        image
        for page in GUIDE.glob("*.md")
        for image in re.findall(r"!\[[^\]]+\]\(([^)]+)\)", page.read_text())
    }
    assert len(images) >= 4
    for image in images:
        data = (GUIDE / image).read_bytes()
        assert data.startswith(b"\x89PNG"), image
        assert len(data) < 150_000, image


def test_guide_is_built_but_not_in_public_menus_or_search(built_real_portal: Path) -> None:
    assert (built_real_portal / "staff/add-a-site/index.html").is_file()
    for page in ("index.html", "sites/index.html", "about/index.html"):
        assert "staff/" not in (built_real_portal / page).read_text(), page
    index = json.loads((built_real_portal / "search/search_index.json").read_text())
    assert not [doc for doc in index["docs"] if doc["location"].startswith("staff")]
