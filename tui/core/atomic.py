"""Atomic file writes: a temp file in the same folder, fsync, `os.replace`, fsync the folder.

A reader (or a crash) sees either the old bytes or the new bytes, never a mix. Temp files are named
`.<name>.<pid>-<random>.newstag-tmp` so `clean_stale_temps` can find what a killed process left
behind (its pid is gone) without touching a temp another live writer is filling right now.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from pathlib import Path

TMP_SUFFIX = ".newstag-tmp"
STALE_AFTER = 600.0  # seconds; an older temp goes even if its pid now belongs to another process


def temp_path(path: Path) -> Path:
    return path.parent / f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}{TMP_SUFFIX}"


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data`, all or nothing; on any error the old file is untouched."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            view = memoryview(data)
            while view:
                n = os.write(fd, view)
                view = view[n:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def remove_atomic(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable; a folder that cannot be fsynced (some filesystems) is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _owner(tmp: Path) -> int | None:
    """The pid in `.<name>.<pid>[-<random>].newstag-tmp`, or None."""
    tail = tmp.name[: -len(TMP_SUFFIX)].rsplit(".", 1)[-1].split("-", 1)[0]
    return int(tail) if tail.isdigit() else None


def clean_stale_temps(root: Path) -> list[Path]:
    """Remove temp files left by killed writers (whose pid is gone). Returns what was removed."""
    removed: list[Path] = []
    if not root.is_dir():
        return removed
    now = time.time()
    for tmp in root.rglob(f"*{TMP_SUFFIX}"):
        pid = _owner(tmp)
        try:
            age = now - tmp.lstat().st_mtime
        except OSError:
            continue
        if pid is not None and _pid_alive(pid) and age < STALE_AFTER:
            continue  # a live writer (maybe another thread of ours) is still filling it
        with contextlib.suppress(OSError):
            tmp.unlink()
            removed.append(tmp)
    return removed


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return pid > 0
    return True
