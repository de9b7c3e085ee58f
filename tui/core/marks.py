"""Every annotator's tags on one article indexed by span: what the reader draws and moves by.

No Textual here: the look of each label is `tui.widgets.marks.LabelLook`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .tags import TagDoc


@dataclass(frozen=True, slots=True)
class Mark:
    """One tag as drawn: whose, which label, where, and its note."""

    start: int
    end: int
    label: str
    annotator: str
    mine: bool
    note: str = ""
    tag_id: str = ""



class Marks:
    """All visible tags of one article, answering "which tags overlap this span" fast."""

    def __init__(self, marks: Iterable[Mark] = ()) -> None:
        self.marks = sorted(marks, key=lambda m: (m.start, m.end, not m.mine, m.label))
        self._starts = [m.start for m in self.marks]
        self._longest = max((m.end - m.start for m in self.marks), default=0)

    @classmethod
    def from_docs(cls, annotator: str, mine: TagDoc | None, others: Mapping[str, TagDoc]) -> Marks:
        out: list[Mark] = []
        docs: list[tuple[str, TagDoc | None]] = [(annotator, mine), *others.items()]
        for who, doc in docs:
            for t in doc.tags if doc else ():
                if not t.orphan:
                    out.append(Mark(t.start, t.end, t.label, who, who == annotator, t.note, t.id))
        return cls(out)

    def overlapping(self, start: int, end: int) -> list[Mark]:
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [m for m in self.marks[lo:hi] if m.end > start and m.start < end]

    def on(self, start: int, end: int) -> list[Mark]:
        """Tags that cover exactly this span (a sentence's own tags)."""
        return [m for m in self.overlapping(start, end) if m.start == start and m.end == end]

    def next_start(self, after: int) -> int | None:
        """The first tag start at or after `after` (for `]`)."""
        i = bisect_left(self._starts, after)
        return self._starts[i] if i < len(self._starts) else None

    def prev_start(self, before: int) -> int | None:
        """The last tag start before `before` (for `[`)."""
        i = bisect_left(self._starts, before)
        return self._starts[i - 1] if i > 0 else None

    def tagged_spans(self, mine_only: bool = True) -> set[tuple[int, int]]:
        return {(m.start, m.end) for m in self.marks if m.mine or not mine_only}
