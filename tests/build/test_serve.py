"""`mkdocs serve`, as staff preview their edits: the portal is served, with no false warning."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from portal_helpers import REPO_ROOT

pytestmark = pytest.mark.slow  # every test here builds a whole portal

STARTUP_SECONDS = 90


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_previews_the_portal_without_warnings() -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    lines: list[str] = []
    try:
        assert server.stdout is not None
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            line = server.stdout.readline()
            if not line:
                break
            lines.append(line.rstrip())
            if "Serving on" in line:
                break
        assert any("Serving on" in line for line in lines), "\n".join(lines)
        url = f"http://127.0.0.1:{port}/sites/seattle-king-county/"
        with urllib.request.urlopen(url, timeout=30) as response:
            page = response.read().decode("utf-8")
        assert "<h1>Seattle &amp; King County LEAD</h1>" in page
    finally:
        server.terminate()
        server.wait(timeout=30)
    # The schemas' $id names the published address, which serve replaces with its own.
    assert [line for line in lines if "WARNING" in line] == []
