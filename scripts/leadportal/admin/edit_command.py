"""`leadportal edit`: the web editor and the live preview on the staff member's own computer.

It runs the MkDocs preview server on 127.0.0.1, which serves the editor at /admin/ too. In a
Chromium browser (Chrome, Edge) the editor's "Work with Local Repository" reads and writes the
checkout's files directly: no proxy, no sign-in, no network. Each save lands in the checkout,
the preview rebuilds, and the changes are committed and pushed with Git as usual.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

LOCAL_HOST = "127.0.0.1"


def addresses(port: int) -> tuple[str, str]:
    base = f"http://{LOCAL_HOST}:{port}/"
    return base + "admin/", base


def banner(checkout: Path, port: int) -> list[str]:
    editor, preview = addresses(port)
    return [
        f"The editor:  {editor}",
        "  open it in Chrome or Edge, choose “Work with Local Repository” and pick this folder:",
        f"  {checkout}",
        f"The preview: {preview}",
        "  it rebuilds after every save in the editor.",
        "Stop both with Ctrl+C. Commit and push your changes with Git (see the staff guide).",
    ]


def serve_command(config_file: Path, port: int) -> Sequence[str]:
    return [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--config-file",
        str(config_file),
        "--dev-addr",
        f"{LOCAL_HOST}:{port}",
    ]


def run_editor(config_file: Path, port: int) -> int:
    checkout = config_file.resolve().parent
    print("\n".join(banner(checkout, port)), flush=True)
    try:
        return subprocess.call(serve_command(config_file, port), cwd=checkout)
    except KeyboardInterrupt:
        return 0
