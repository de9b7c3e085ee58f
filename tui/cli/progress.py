"""A progress bar on stderr for long index builds, driven by the indexer's (done, total) calls."""

from __future__ import annotations

import sys
from typing import Any

import click


class ProgressBar:
    """Shown only on a terminal; a pipe or a log gets the summary line alone."""

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self._bar: Any = None
        self._done = 0

    def __call__(self, done: int, total: int, what: str) -> None:
        if not self.enabled or total < 2:
            return
        if self._bar is None:
            self._bar = click.progressbar(length=total, label=f"{what} {total} articles",
                                          file=sys.stderr, show_pos=True, show_eta=True)
            self._bar.__enter__()
        self._bar.update(done - self._done)
        self._done = done

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None
