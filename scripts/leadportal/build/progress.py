"""Progress lines for steps that take more than a few seconds (silent for quick ones)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from typing import TextIO

FIRST_NOTICE_SECONDS = 3.0
EVERY_SECONDS = 5.0


def notice(label: str, elapsed: float) -> str:
    return f"… {label}: {elapsed:.0f} s"


@contextlib.contextmanager
def progress(
    label: str,
    stream: TextIO,
    first: float = FIRST_NOTICE_SECONDS,
    every: float = EVERY_SECONDS,
) -> Iterator[None]:
    """Print `… label: N s` after `first` seconds, then every `every` seconds, until done."""
    done = threading.Event()
    started = time.monotonic()

    def tick() -> None:
        wait = first
        while not done.wait(wait):
            print(notice(label, time.monotonic() - started), file=stream, flush=True)
            wait = every

    ticker = threading.Thread(target=tick, daemon=True)
    ticker.start()
    try:
        yield
    finally:
        done.set()
        ticker.join()
