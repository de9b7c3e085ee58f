"""A crash is not a success: the traceback goes to a log file, the terminal gets one line.

Textual restores the terminal whatever happens; by default it then prints a long traceback
with locals (article text included) and the process exits 0. newstag instead writes the
traceback to `.newstag/logs/crash-<time>-<pid>.log`, prints one line naming that file, and exits
with `EXIT_CRASH`.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path

EXIT_CRASH = 70  # EX_SOFTWARE (sysexits.h): an internal error


def write_crash_log(cache: Path, error: BaseException) -> str | None:
    """Write the traceback of `error` under `cache/logs/`; its path, or None if not writable."""
    text = "".join(traceback.format_exception(error))
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for folder in (cache / "logs", Path(os.environ.get("TMPDIR", "/tmp"))):
        path = folder / f"newstag-crash-{stamp}-{os.getpid()}.log"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(f"newstag {stamp}, Python {sys.version.split()[0]}\n{text}",
                            encoding="utf-8")
        except OSError:
            continue
        return str(path)
    return None


def summary(error: BaseException) -> str:
    """`ValueError: what it said`, on one line and short (it may quote article text)."""
    from tui.core.sanitize import one_line

    said = one_line(str(error), 100)
    return f"{type(error).__name__}: {said}" if said else type(error).__name__


def report_crash(what: str, log: str | None) -> int:
    """The one line on stderr after a crash; returns the exit code to use."""
    where = f"details in {log}" if log else "no log could be written"
    print(f"newstag: stopped by an unexpected error ({what}); {where}", file=sys.stderr)
    return EXIT_CRASH
