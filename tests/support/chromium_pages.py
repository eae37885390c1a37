"""Real-browser helpers shared by the browser tests: Debian's Chromium, a guarded page, axe.

Every request to a host other than 127.0.0.1 is aborted and recorded; so are console
errors, uncaught page errors and dialogs (alert/confirm/prompt, dismissed at once).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

playwright_sync = pytest.importorskip("playwright.sync_api")

from tools.chromium import CHROMIUM_ARGS, CHROMIUM_PATH, LOCAL_HOST  # noqa: E402

__all__ = [
    "CHROMIUM_ARGS",
    "CHROMIUM_PATH",
    "LOCAL_HOST",
    "GuardedPage",
    "axe_violations",
    "guard_page",
    "wait_until_true",
]


@dataclass
class GuardedPage:
    page: playwright_sync.Page
    blocked_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.blocked_requests == [], "requests left 127.0.0.1"
        assert self.console_errors == [], "console errors"
        assert self.page_errors == [], "uncaught page errors"
        assert self.dialogs == [], "a dialog opened"


def wait_until_true(page: playwright_sync.Page, expression: str, timeout: float = 30.0) -> None:
    """Poll `expression` from here. Playwright's wait_for_function polls a string predicate
    inside the page with eval, which the portal's Content-Security-Policy refuses, so it
    fails whenever its first check is false."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"still false after {timeout} s: {expression}"
        page.wait_for_timeout(50)


def guard_page(page: playwright_sync.Page) -> GuardedPage:
    """Attach the request guard and the error recorders to ``page``."""
    guarded = GuardedPage(page)

    def route(route: playwright_sync.Route) -> None:
        if urlsplit(route.request.url).hostname == LOCAL_HOST:
            route.continue_()
        else:
            guarded.blocked_requests.append(route.request.url)
            route.abort()

    def on_dialog(dialog: playwright_sync.Dialog) -> None:
        guarded.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_console(message: playwright_sync.ConsoleMessage) -> None:
        if message.type == "error":
            guarded.console_errors.append(message.text)

    page.route("**/*", route)
    page.on("dialog", on_dialog)
    page.on("console", on_console)
    page.on("pageerror", lambda error: guarded.page_errors.append(str(error)))
    return guarded


def axe_violations(
    page: playwright_sync.Page, allowed: Mapping[tuple[str, str], str] | None = None
) -> list[str]:
    """axe-core (WCAG 2.2 A/AA rules) on the current page, minus `allowed` (by default the
    reviewed allowlist; the real portal's pages pass `{}`: they need none).

    Returns one line per offending node: "rule-id: selector (help text)".
    """
    from axe_allowlist import ALLOWED
    from axe_playwright_python.sync_playwright import Axe

    allowed = ALLOWED if allowed is None else allowed

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    response = Axe().run(page, options=options).response
    found = []
    for violation in response["violations"]:
        for node in violation["nodes"]:
            selector = " ".join(str(part) for part in node["target"])
            if (violation["id"], selector) not in allowed:
                found.append(f"{violation['id']}: {selector} ({violation['help']})")
    return found


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
