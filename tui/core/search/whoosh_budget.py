"""A Whoosh search that stops when its `Budget` runs out (or a newer keystroke cancels it).

Whoosh's own TimeLimitCollector needs SIGALRM, which only the main thread may use; this
collector polls a deadline and the cancel flag every few matches instead.
"""

from __future__ import annotations

import contextlib
import time
from typing import Any

from whoosh.collectors import WrappingCollector

from .engine import Budget

CHECK_EVERY = 32  # matches between two looks at the clock: ~0.5 ms of scoring


class _OutOfBudget(Exception):
    pass


class Clock:
    """One search's budget: its deadline is fixed when the search starts."""

    def __init__(self, budget: Budget) -> None:
        self.cancelled = budget.cancelled
        self.deadline = (None if budget.seconds is None
                         else time.perf_counter() + budget.seconds)
        self.stopped = False

    def spent(self) -> bool:
        if self.cancelled() or (self.deadline is not None
                                and time.perf_counter() >= self.deadline):
            self.stopped = True
        return self.stopped


class _Budgeted(WrappingCollector):  # type: ignore[misc]
    def __init__(self, child: Any, clock: Clock) -> None:
        super().__init__(child)
        self.clock = clock
        self.seen = 0  # across segments

    def collect_matches(self) -> None:
        child = self.child
        for sub_docnum in child.matches():
            child.collect(sub_docnum)
            self.seen += 1
            if self.seen % CHECK_EVERY == 0 and self.clock.spent():
                raise _OutOfBudget


def budgeted_search(s: Any, q: Any, clock: Clock | None, **kw: Any) -> tuple[Any, bool]:
    """`Searcher.search`, stopped by the clock: (Whoosh results, whether it stopped early)."""
    if clock is None:
        return s.search(q, **kw), False
    c = _Budgeted(s.collector(**kw), clock)
    with contextlib.suppress(_OutOfBudget):
        s.search_with_collector(q, c)
    return c.results(), clock.stopped
