"""The generated editor config, loaded by Decap CMS itself in Chromium, under a sub-path.

Decap is not part of the portal (its page loads it from a CDN); .ci/run fetches the pinned
package into .tools/ for this test, which is skipped without it.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from crawl import serve_under
from portals import REPO

from leadportal.admin.page import IDENTITY_WIDGET, KNOWN_INTEGRITY
from leadportal.records.settings import DEFAULT_CMS_SCRIPT

DECAP_DIST = REPO / ".tools/decap-cms/package/dist"


@pytest.fixture
def local_admin(built_fixture: Path, tmp_path: Path) -> Path:
    """The built /admin/ with Decap served locally and its test backend (no login, no Git)."""
    if not (DECAP_DIST / "decap-cms.js").is_file():
        pytest.skip("Decap CMS is not in .tools/ (.ci/run fetches it with npm)")
    admin = tmp_path / "admin"
    shutil.copytree(built_fixture / "admin", admin)
    for script in DECAP_DIST.glob("*.js"):
        shutil.copy(script, admin / script.name)
    page = (admin / "index.html").read_text()
    page = page.replace(DEFAULT_CMS_SCRIPT, "decap-cms.js")
    page = "\n".join(line for line in page.splitlines() if IDENTITY_WIDGET not in line)
    (admin / "index.html").write_text(page)
    config = yaml.safe_load((admin / "config.yml").read_text())
    config["backend"] = {"name": "test-repo"}
    (admin / "config.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    return tmp_path


def test_pinned_integrity_matches_the_package() -> None:
    if not (DECAP_DIST / "decap-cms.js").is_file():
        pytest.skip("Decap CMS is not in .tools/ (.ci/run fetches it with npm)")
    digest = hashlib.sha384((DECAP_DIST / "decap-cms.js").read_bytes()).digest()
    assert KNOWN_INTEGRITY[DEFAULT_CMS_SCRIPT] == "sha384-" + base64.b64encode(digest).decode()


def test_decap_accepts_the_config_and_offers_every_field(
    local_admin: Path, guarded_page: Any
) -> None:
    page = guarded_page.page
    config = yaml.safe_load((local_admin / "admin/config.yml").read_text())
    with serve_under(local_admin, "/lead/") as base:
        page.goto(base + "admin/")
        page.get_by_role("button", name="Login").click()
        for collection in config["collections"]:
            page.goto(f"{base}admin/#/collections/{collection['name']}/new")
            first = collection["fields"][0]["label"]
            page.get_by_text(first, exact=False).first.wait_for(timeout=20_000)
            text = page.inner_text("body").lower()
            assert "config error" not in text
            assert "no control for widget" not in text
            for field in collection["fields"]:
                assert field["label"].lower() in text, (collection["name"], field["name"])
    guarded_page.assert_clean()
