"""Known problems with files (a tag file with merge-conflict markers, bad YAML): state, not events.

A problem is known from the moment it is first seen until the file is fixed. Whoever reads a
file reports what it found (`report`, or `clear` once it reads fine); the registry says which
problems are new, so the user hears of each one once, and keeps the rest for a status-line mark
and a list on demand. Nothing here re-announces a problem on a timer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

Listener = Callable[["Problem"], None]


@dataclass(frozen=True)
class Problem:
    """One file's problem: `key` names the file (its path), `message` is the one-line text."""

    key: str
    message: str
    fatal: bool = True  # the file cannot be used at all (as opposed to a tag skipped in it)


class Problems:
    """Every known problem, by file; listeners hear of each new or changed one once."""

    def __init__(self) -> None:
        self._known: dict[str, Problem] = {}
        self.listeners: list[Listener] = []  # called with each new (or reworded) problem
        self.version = 0  # bumped on every change: cheap "did anything change" for redraws

    def report(self, key: str, message: str, fatal: bool = True) -> bool:
        """Record a problem with `key`'s file; True (and listeners told) when it is new."""
        problem = Problem(key, message, fatal)
        if self._known.get(key) == problem:
            return False
        self._known[key] = problem
        self.version += 1
        for listener in self.listeners:
            listener(problem)
        return True

    def clear(self, key: str) -> bool:
        """The file reads fine now (or is gone): forget its problem. True if there was one."""
        if self._known.pop(key, None) is None:
            return False
        self.version += 1
        return True

    def replace_all(self, found: Iterable[Problem], under: str = "") -> list[Problem]:
        """A full check of every file whose key starts with `under`: what it found is what is
        known there now (problems not found again are fixed). Returns the new problems."""
        found = list(found)
        seen = {p.key for p in found}
        for key in [k for k in self._known if k.startswith(under) and k not in seen]:
            self.clear(key)
        return [p for p in found if self.report(p.key, p.message, p.fatal)]

    def get(self, key: str) -> Problem | None:
        return self._known.get(key)

    def all(self) -> list[Problem]:
        return [self._known[k] for k in sorted(self._known)]

    def __len__(self) -> int:
        return len(self._known)

    def summary(self) -> str | None:
        """The status-line mark, e.g. "⚠ 2 broken tag files" (None when nothing is known)."""
        if not self._known:
            return None
        broken = sum(1 for p in self._known.values() if p.fatal)
        warned = len(self._known) - broken
        parts = []
        if broken:
            parts.append(f"{broken} broken tag file{'s' if broken != 1 else ''}")
        if warned:
            parts.append(f"{warned} tag file{'s' if warned != 1 else ''} with problems")
        return "⚠ " + ", ".join(parts)
