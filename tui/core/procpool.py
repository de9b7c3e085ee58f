"""Process pools that work from inside the TUI: `spawn` (never `fork` in a threaded program),
the main script never re-run in workers, workers silent on the terminal.

Kept apart from `segcache` so importing the core never imports multiprocessing, and so the
worker process class can be found by name when a worker unpickles it.
"""

from __future__ import annotations

import contextlib
import multiprocessing.context as mpc
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor


def _quiet_worker() -> None:
    """Workers write nothing to the terminal (the TUI owns it); errors come back as exceptions."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)


def _start_resource_tracker() -> None:
    """Start multiprocessing's helper process with a real stderr.

    Under Textual `sys.stderr` is a capture object whose `fileno()` is -1, and the tracker's
    start-up then fails with "bad value(s) in fds_to_keep"; so hand it the process's own stderr
    (or /dev/null) while it starts.
    """
    from multiprocessing import resource_tracker

    def usable(stream: object) -> bool:
        try:
            return stream is not None and stream.fileno() >= 0  # type: ignore[attr-defined]
        except (AttributeError, OSError, ValueError):
            return False

    saved = sys.stderr
    if usable(saved):
        resource_tracker.ensure_running()
        return
    fallback = sys.__stderr__ if usable(sys.__stderr__) else open(os.devnull, "w")  # noqa: SIM115
    try:
        sys.stderr = fallback
        resource_tracker.ensure_running()
    finally:
        sys.stderr = saved
        if fallback is not sys.__stderr__ and fallback is not None:
            fallback.close()


@contextlib.contextmanager
def _main_hidden() -> Iterator[None]:
    """Hide the main script from `spawn` while a worker starts: workers only need our modules,
    and re-running the script in them fails for stdin, `-c` or unguarded scripts."""
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    spec, has_file = getattr(main, "__spec__", None), hasattr(main, "__file__")
    file = getattr(main, "__file__", None)
    try:
        main.__spec__ = None
        if has_file:
            del main.__file__
        yield
    finally:
        main.__spec__ = spec
        if has_file:
            main.__file__ = file


class QuietMainProcess(mpc.SpawnProcess):
    """A spawned worker that does not re-run the main script (our workers need only our modules;
    re-running fails for stdin, `-c` and scripts without a `__main__` guard)."""

    def start(self) -> None:
        with _main_hidden():
            super().start()


class SpawnWithoutMain(mpc.SpawnContext):
    Process = QuietMainProcess


def make_pool(workers: int, quiet: bool = True) -> ProcessPoolExecutor:
    """A pool safe to start from a threaded program (the TUI); `quiet` silences the workers."""
    _start_resource_tracker()
    return ProcessPoolExecutor(max_workers=workers, mp_context=SpawnWithoutMain(),
                               initializer=_quiet_worker if quiet else None)
