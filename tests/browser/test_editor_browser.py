"""The real web editor (the vendored Sveltia CMS) on a copy of the portal, as staff use it.

The editor works on a checkout through the browser's File System Access API ("Work with
Local Repository", what `leadportal edit` offers). A test cannot click the operating system's
folder picker, so the picker alone is replaced: it returns a real directory of the origin's
private file system holding the checkout's records; after the edits, the files the editor
wrote there are copied back into the checkout, which `leadportal check` and `git diff` read.
Every request to another host is blocked; the page's own policy already refuses them.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from crawl import serve_under
from portals import commit_all, copy_real_portal

from leadportal import cli
from leadportal.admin.editor_config import editor_config_text
from leadportal.admin.page import admin_page
from leadportal.admin.vendor import vendor_outputs
from leadportal.records.mkdocs_yml import read_settings
from tools.chromium import is_local

expect = pytest.importorskip("playwright.sync_api").expect

RECORD_GLOBS = ("sites/*.yml", "docs/resources/*.yml", "docs/contact/*.yml")
UPLOAD = Path(__file__).parent / "files/upload-test.pdf"
PICK_THE_PRIVATE_FOLDER = (
    "window.showDirectoryPicker = async () => navigator.storage.getDirectory();"
)
# What the editor asks a CDN or another host for, and the page's policy refuses (the request
# never leaves): its update check, GitHub's status, and PDF.js for an upload's thumbnail (the
# upload works; only its preview image is missing).
REFUSED_BY_POLICY = re.compile(
    r"unpkg\.com/@sveltia/cms/package\.json|githubstatus\.com|unpkg\.com/pdfjs-dist/"
    r"|unpkg\.com/pdfjs-dist@|Failed to load PDF\.js library"
)
FILL_FOLDER = """async (files) => {
  const root = await navigator.storage.getDirectory();
  await root.getDirectoryHandle('.git', {create: true});
  for (const [path, text] of Object.entries(files)) {
    let dir = root;
    const parts = path.split('/');
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, {create: true});
    const writable = await (await dir.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writable.write(text);
    await writable.close();
  }
}"""
READ_FOLDER = """async () => {
  const found = {};
  async function walk(dir, prefix) {
    for await (const [name, handle] of dir.entries()) {
      if (name === '.git') continue;
      if (handle.kind === 'directory') await walk(handle, prefix + name + '/');
      else {
        try {  // a file the editor is still writing may vanish under the walk
          const bytes = await (await handle.getFile()).arrayBuffer();
          found[prefix + name] = Array.from(new Uint8Array(bytes));
        } catch (error) {
          if (error.name !== 'NotFoundError') throw error;
        }
      }
    }
  }
  await walk(await navigator.storage.getDirectory(), '');
  return found;
}"""


@dataclass
class Editor:
    page: Any
    checkout: Path
    console_errors: list[str]

    def field(self, name: str) -> Any:
        return self.page.get_by_role("textbox", name=name, exact=True)

    def choose(self, combobox: str, option: str) -> None:
        self.page.get_by_role("combobox", name=combobox, exact=True).click()
        self.page.get_by_role("option", name=option, exact=True).click()

    def save(self) -> None:
        self.page.get_by_role("button", name="Save", exact=True).click()

    def open(self, address: str) -> None:
        self.page.goto(self.base + address)
        self.page.get_by_role("button", name="Save", exact=True).wait_for()

    def files(self) -> dict[str, bytes]:
        return {path: bytes(data) for path, data in self.page.evaluate(READ_FOLDER).items()}

    def wait_for_file(self, path: str) -> bytes:
        for _ in range(50):
            found = self.files().get(path)
            if found is not None:
                return found
            self.page.wait_for_timeout(200)
        raise AssertionError(f"the editor wrote no {path}")

    def copy_back(self) -> None:
        for path, data in self.files().items():
            (self.checkout / path).parent.mkdir(parents=True, exist_ok=True)
            (self.checkout / path).write_bytes(data)

    base: str = ""


def publish_admin(checkout: Path, served: Path) -> None:
    settings = read_settings(checkout / "mkdocs.yml")
    (served / "admin").mkdir(parents=True)
    (served / "admin/index.html").write_text(admin_page(settings))
    (served / "admin/config.yml").write_text(editor_config_text(settings))
    for output in vendor_outputs():
        (served / output.path).parent.mkdir(parents=True, exist_ok=True)
        (served / output.path).write_bytes(output.as_bytes())


def leadportal(checkout: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.main(["-f", str(checkout / "mkdocs.yml"), *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def editor(tmp_path: Path, chromium: Any, capsys: pytest.CaptureFixture[str]) -> Iterator[Editor]:
    checkout = copy_real_portal(tmp_path / "checkout")
    assert leadportal(checkout, "format", capsys=capsys)[0] == 0  # as the repository's records
    commit_all(checkout)
    publish_admin(checkout, tmp_path / "served")
    records = {
        path.relative_to(checkout).as_posix(): path.read_text()
        for pattern in RECORD_GLOBS
        for path in checkout.glob(pattern)
    }
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    left: list[str] = []
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if is_local(route.request.url)
            else (left.append(route.request.url), route.abort())
        ),
    )
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(PICK_THE_PRIVATE_FOLDER)
    with serve_under(tmp_path / "served", "/lead/") as base:
        page.goto(base + "admin/")
        page.evaluate(FILL_FOLDER, records)
        page.get_by_role("button", name="Work with Local Repository").click()
        page.get_by_role("radio", name="Contents").wait_for()
        yield Editor(page, checkout, errors, base=base + "admin/")
        assert left == [], "the editor asked another host"
    context.close()


def git_diff(checkout: Path, path: str) -> str:
    return subprocess.run(
        ["git", "diff", "--unified=0", "--", path],
        cwd=checkout,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def test_staff_edit_and_create_records_in_the_real_editor(
    editor: Editor, capsys: pytest.CaptureFixture[str]
) -> None:
    page = editor.page
    checkout = editor.checkout
    original = (checkout / "sites/alamosa.yml").read_text()

    # An existing site: its stage and one sentence of its summary.
    editor.open("#/collections/sites/entries/alamosa")
    editor.choose("Stage", "paused")
    summary = editor.field("Summary")
    summary.fill(summary.input_value().replace("as publicly reported", "as the site reported"))
    editor.save()
    editor.page.wait_for_timeout(500)
    assert b"stage: paused" in editor.wait_for_file("sites/alamosa.yml")

    # A new site with the minimum: name, stage, a city and the state. It starts unpublished.
    editor.open("#/collections/sites/new")
    editor.field("Name").fill("Example Valley LEAD")
    editor.choose("Stage", "exploring")
    editor.field("City").fill("Example Valley")
    editor.choose("State", "WA")
    editor.save()
    new_site = editor.wait_for_file("sites/example-valley-lead.yml").decode()
    assert "public: false" in new_site and "country" not in new_site

    # A document with an uploaded PDF, which lands beside the records.
    editor.open("#/collections/documents/new")
    editor.field("Title").fill("Example upload guide")
    editor.choose("Kind", "guide")
    editor.field("Summary").fill("A short guide, uploaded from the editor.")
    editor.field("Published").fill("2024")
    page.get_by_role("button", name="Browse").click()
    dialog = page.get_by_role("dialog", name="Select File")
    with page.expect_file_chooser() as chooser:
        dialog.get_by_role("button", name="Upload").click()
    chooser.value.set_files(str(UPLOAD))
    dialog.get_by_role("option", name=UPLOAD.name).wait_for()
    dialog.get_by_role("button", name="Insert").click()
    page.get_by_role("button", name="Remove File").wait_for()
    editor.choose("Sites", "Seattle & King County LEAD")  # picked from the site records
    editor.save()
    document = editor.wait_for_file("docs/resources/example-upload-guide.yml").decode()
    assert "file: files/upload-test.pdf" in document
    assert "sites:\n  - seattle-king-county\n" in document
    assert editor.wait_for_file("docs/resources/files/upload-test.pdf") == UPLOAD.read_bytes()

    # An invalid e-mail address is refused by the editor: nothing is written.
    editor.open("#/collections/sites/new")
    editor.field("Name").fill("Bad Address LEAD")
    editor.choose("Stage", "exploring")
    editor.field("City").fill("Nowhere")
    editor.choose("State", "WA")
    page.get_by_role("button", name=re.compile("Add.*Contacts")).click()
    editor.field("Role").fill("Program coordination")
    editor.field("Email").fill("not-an-email")
    editor.save()
    page.get_by_text("write an e-mail address, e.g. name@example.org").first.wait_for()
    assert "sites/bad-address-lead.yml" not in editor.files()

    # Neither file nor url: the editor cannot express the rule (its hint says so); the check
    # refuses the record with the usual problem line.
    editor.open("#/collections/documents/new")
    assert page.get_by_text("refused when publishing").count() == 2
    editor.field("Title").fill("Nothing attached")
    editor.choose("Kind", "guide")
    editor.field("Summary").fill("Neither a file nor a link.")
    editor.field("Published").fill("2024")
    editor.save()
    editor.wait_for_file("docs/resources/nothing-attached.yml")

    editor.copy_back()
    code, output = leadportal(checkout, "check", capsys=capsys)
    assert code == 1
    assert re.search(r"docs/resources/nothing-attached\.yml:\d+:\d+: .*file.*url", output), output
    (checkout / "docs/resources/nothing-attached.yml").unlink()
    code, output = leadportal(checkout, "check", capsys=capsys)
    assert code == 0, output

    # The edited site's diff is the two changed lines, nothing else.
    diff = git_diff(checkout, "sites/alamosa.yml")
    removed = [
        line[1:]
        for line in diff.splitlines()
        if line.startswith("-") and not line.startswith("---")
    ]
    added = [
        line[1:]
        for line in diff.splitlines()
        if line.startswith("+") and not line.startswith("+++")
    ]
    assert removed == ["stage: operating", "  The stage shown is as publicly reported."], diff
    assert added == ["stage: paused", "  The stage shown is as the site reported."], diff
    assert original != (checkout / "sites/alamosa.yml").read_text()
    unexpected = [e for e in editor.console_errors if not REFUSED_BY_POLICY.search(e)]
    assert unexpected == [], "\n".join(unexpected)


def open_spanish_texts(editor: Editor, *, new: bool) -> Any:
    """Down to the entry's Translations > Spanish (es), opened (or added, on a new entry);
    returns its Summary box. The editor draws fields only as they scroll into view."""
    page = editor.page
    page.get_by_text("Off keeps the record out").scroll_into_view_if_needed()
    page.get_by_text("Translations", exact=True).scroll_into_view_if_needed()
    if new:
        page.get_by_role("checkbox", name=re.compile(r"^Add\W*Translations\W*$")).check()
        page.get_by_role("button", name="Expand").last.click()  # Translations, added closed
        page.get_by_role("checkbox", name=re.compile(r"^Add\W*Spanish \(es\)\W*$")).check()
        page.get_by_role("button", name="Expand").last.click()  # Spanish (es), added closed
    else:
        page.get_by_role("button", name="Expand").last.click()  # Translations
        page.get_by_text("Spanish (es)", exact=True).scroll_into_view_if_needed()
        page.get_by_role("button", name="Expand").last.click()  # Spanish (es)
    boxes = page.get_by_role("textbox", name="Summary", exact=True)
    expect(boxes).to_have_count(2)  # the English summary, then the Spanish one
    boxes.last.scroll_into_view_if_needed()
    return boxes.last


def test_staff_write_a_sites_spanish_summary_in_the_real_editor(
    editor: Editor, capsys: pytest.CaptureFixture[str]
) -> None:
    checkout = editor.checkout

    # An existing site's Spanish summary: one sentence changed.
    editor.open("#/collections/sites/entries/alamosa")
    spanish = open_spanish_texts(editor, new=False)
    assert spanish.input_value().startswith("La ciudad de Alamosa es una de las cuatro")
    spanish.fill(spanish.input_value().replace("se ha informado públicamente", "informó el sitio"))
    editor.save()
    editor.page.wait_for_timeout(500)
    assert "informó el sitio" in editor.wait_for_file("sites/alamosa.yml").decode()

    # A new site, with its Spanish summary added from the editor.
    editor.open("#/collections/sites/new")
    editor.field("Name").fill("Example Valley LEAD")
    editor.choose("Stage", "exploring")
    editor.field("City").fill("Example Valley")
    editor.choose("State", "WA")
    open_spanish_texts(editor, new=True).fill("Un programa nuevo, en sus primeras reuniones.")
    editor.save()
    new_site = editor.wait_for_file("sites/example-valley-lead.yml").decode()
    assert "translations:\n  es:\n    summary: Un programa nuevo, en sus primeras reuniones." in (
        new_site
    )

    editor.copy_back()
    code, output = leadportal(checkout, "check", capsys=capsys)
    assert code == 0, output
    diff = git_diff(checkout, "sites/alamosa.yml")
    changed = [
        line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert changed == [
        "-      La etapa indicada es la que se ha informado públicamente.",
        "+      La etapa indicada es la que informó el sitio.",
    ], diff
    unexpected = [e for e in editor.console_errors if not REFUSED_BY_POLICY.search(e)]
    assert unexpected == [], "\n".join(unexpected)
