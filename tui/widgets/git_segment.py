"""The status-line segment for git: how many tag files have changes not yet committed.

`git status` runs in a worker thread at most every few seconds; the segment itself only reads
the last answer, so drawing the status line never waits for git. Outside a git repository it
shows nothing.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.text import Text

from tui.core.gitstatus import GitError, TagChanges, tag_changes

POLL_SECONDS = 3.0


class GitStatusSegment:
    """Callable for `app.add_status_segment`; `poke()` asks for a fresh answer soon."""

    status_priority = 40  # a narrow status line shows the short form, then drops it

    def __init__(self, tags: Path, call_from_thread: Callable[..., Any],
                 run_worker: Callable[..., Any], refresh_status: Callable[[], None]) -> None:
        self.tags = tags
        self.call_from_thread = call_from_thread
        self.run_worker = run_worker
        self.refresh_status = refresh_status
        self.changes: TagChanges | None = None
        self._asked = float("-inf")
        self._busy = False

    def poke(self) -> None:
        self._asked = float("-inf")
        self.refresh_status()

    def __call__(self) -> tuple[Text, Text] | Text | None:
        if not self._busy and time.monotonic() - self._asked >= POLL_SECONDS:
            self._busy = True
            self._asked = time.monotonic()
            try:
                self.run_worker(self._poll, thread=True, group="git-status",
                                    exit_on_error=False)
            except Exception:  # the app is shutting down: nothing to show
                self._busy = False
        changes = self.changes
        if changes is None or not changes.in_git:
            return None
        if not changes.count:
            return Text("tags committed", style="dim")
        full = Text.assemble(("● ", "bold yellow"), changes.summary(),
                             (" · ctrl+p: Commit tags…", "dim"))
        return full, Text.assemble(("● ", "bold yellow"), f"{changes.count} uncommitted")

    def _poll(self) -> None:
        try:
            self.changes = tag_changes(self.tags)
        except GitError:
            self.changes = None
        finally:
            self._busy = False
        with contextlib.suppress(RuntimeError):  # the app has exited meanwhile
            self.call_from_thread(self.refresh_status)
