"""Replace a folder by a freshly built one, keeping the old one until the new one is in place."""

from __future__ import annotations

import ctypes
import os
import shutil
import sys
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2); False where that is unavailable."""
    if sys.platform != "linux":
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    return bool(result == 0)


def swap_into_place(new: Path, target: Path) -> None:
    """Make `new` become `target`; the previous `target` is removed only once `new` is in place.

    Where the system can exchange two folders atomically, visitors and a concurrent web server
    never see a missing or half-written `target`; elsewhere two renames leave it missing for
    an instant, never half-written.
    """
    if not target.exists():
        new.rename(target)
        return
    if exchange(new, target):
        shutil.rmtree(new)
        return
    retired = target.with_name(f"{new.name}-old")
    target.rename(retired)
    new.rename(target)
    shutil.rmtree(retired)
