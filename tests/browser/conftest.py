"""Reusable real-browser fixtures: Debian's Chromium, a local HTTP server, a guarded page.

    def test_something(serve_dir, guarded_page, tmp_path):
        base = serve_dir(tmp_path)
        guarded_page.page.goto(base + "index.html")
        ...
        guarded_page.assert_clean()   # nothing left 127.0.0.1, no console or page errors

Every request to a host other than 127.0.0.1 is aborted and recorded; so are console
errors, uncaught page errors and dialogs (alert/confirm/prompt, dismissed at once).
"""

from __future__ import annotations

import http.server
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

playwright_sync = pytest.importorskip("playwright.sync_api")

from chromium_pages import CHROMIUM_ARGS, CHROMIUM_PATH, GuardedPage, guard_page  # noqa: E402

from tools.chromium import serve_folder  # noqa: E402


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    browser_dir = Path(__file__).parent
    for item in items:
        if browser_dir in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium() -> Iterator[playwright_sync.Browser]:
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def serve_dir() -> Iterator[Callable[[Path], str]]:
    """``serve_dir(path)`` serves ``path`` on 127.0.0.1 (random port); returns the base URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def serve(path: Path) -> str:
        server, base = serve_folder(path)
        servers.append(server)
        return base

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def guarded_page(chromium: playwright_sync.Browser) -> Iterator[GuardedPage]:
    context = chromium.new_context(viewport={"width": 1024, "height": 768})
    try:
        yield guard_page(context.new_page())
    finally:
        context.close()


# ---- issue 17: the portals the judges look at (Lighthouse, layout facts, axe) ----
SYNTHETIC_SITES = 300


@pytest.fixture(scope="session")
def offline_real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real portal with `tiles: none`, built once --strict; its site/ folder."""
    from judged_portals import offline_real_portal
    from portals import run_mkdocs

    root = offline_real_portal(tmp_path_factory.mktemp("offline-real") / "portal")
    result = run_mkdocs(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real portal's shell with 300 synthetic sites over every state and DC (Alaska and
    Hawaii included), `tiles: none`, built once --strict; its site/ folder."""
    from judged_portals import synthetic_portal
    from portals import run_mkdocs

    root = synthetic_portal(tmp_path_factory.mktemp("synthetic") / "portal", SYNTHETIC_SITES)
    result = run_mkdocs(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def serve_session() -> Iterator[Callable[[Path], str]]:
    """Like `serve_dir`, for the whole session (a session-built portal served once)."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def serve(path: Path) -> str:
        server, base = serve_folder(path)
        servers.append(server)
        return base

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()
