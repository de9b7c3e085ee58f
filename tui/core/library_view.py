"""Which library rows are shown, in what order: a filter (words, `label:`, `annotator:`, `is:`)
and a sort key, applied to a `Library` without changing it.

The filter uses the search screen's words for the same ideas: `label:warning`,
`annotator:bob`, and `is:untagged` / `is:in-progress` / `is:done` for *your* progress on an
article (untagged: you have tagged nothing and not marked it done; in progress: you have tags,
not done; done: you marked it done). Any other word must appear in the title, source, date or
id. With no filter and the file-name order, the view is the library itself (no list is built),
so a 100,000-article corpus costs nothing until someone filters it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .dates import iso_date
from .library import Library
from .listing import Entry

SORTS = ("file", "title", "date", "source", "progress")
STATUSES = ("untagged", "in-progress", "done")
_SHORT_STATUS = {"progress": "in-progress", "inprogress": "in-progress", "started": "in-progress"}


class FilterError(ValueError):
    """A filter the user typed that cannot mean anything; `str()` says what to type instead."""


@dataclass(frozen=True)
class Filter:
    words: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    annotators: tuple[str, ...] = ()
    status: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.words or self.labels or self.annotators or self.status)


def parse_filter(text: str, label_names: Sequence[str] = ()) -> Filter:
    """`words label:NAME annotator:NAME is:STATUS`; a label with spaces is quoted or dashed."""
    words: list[str] = []
    labels: list[str] = []
    annotators: list[str] = []
    status: str | None = None
    by_loose = {_loose(n): n for n in label_names}
    for token in re.findall(r'\w+:"[^"]*"|"[^"]*"|\S+', text):
        field_, sep, value = token.partition(":")
        value = value.strip('"')
        if not sep or not value:
            words.append(token.strip('"').casefold())
            continue
        kind = field_.lower()
        if kind == "label":
            name = by_loose.get(_loose(value))
            if name is None and label_names:
                raise FilterError(f"no label {value!r}; labels: {', '.join(label_names)}")
            labels.append(name or value)
        elif kind == "annotator":
            annotators.append(value.lower())
        elif kind == "is":
            s = _SHORT_STATUS.get(value.lower(), value.lower())
            if s not in STATUSES:
                raise FilterError(f"is:{value}: use is:untagged, is:in-progress or is:done")
            status = s
        else:
            words.append(token.casefold())
    return Filter(tuple(words), tuple(labels), tuple(annotators), status)


def _loose(name: str) -> str:
    return re.sub(r"[\s_-]+", "", name.casefold())


def status_of(lib: Library, article_id: str, me: str, done: set[str]) -> str:
    if article_id in done:
        return "done"
    mine = lib.tally.get(article_id, {}).get(me)
    return "in-progress" if mine else "untagged"


def _matches(lib: Library, e: Entry, f: Filter, me: str, done: set[str]) -> bool:
    if f.status is not None and status_of(lib, e.id, me, done) != f.status:
        return False
    by = lib.tally.get(e.id, {})
    if f.annotators and not all(by.get(a) for a in f.annotators):
        return False
    if f.labels:
        counts = lib.counts.get(e.id)
        if counts is None or not all(counts.get(label) for label in f.labels):
            return False
    if f.words:
        hay = f"{e.title}\n{e.source}\n{e.date}\n{e.id}".casefold()
        return all(w in hay for w in f.words)
    return True


def _key(lib: Library, i: int, sort: str, me: str, done: set[str]) -> tuple[object, ...]:
    e = lib[i]
    if sort == "title":
        return (e.title.casefold(), e.file)
    if sort == "source":
        return (e.source == "", e.source.casefold(), e.file)
    if sort == "date":  # newest first; undated articles last
        iso = iso_date(e.date)
        return (iso == "", _invert(iso), e.file)
    if sort == "progress":  # what is left to do first: untagged, in progress, done
        rank = STATUSES.index(status_of(lib, e.id, me, done))
        tagged = sum(lib.counts.get(e.id, {}).values()) if rank == 1 else 0
        return (rank, -tagged, e.file)
    return (e.file,)


def _invert(iso: str) -> str:
    return "".join(chr(0x10FFFF - ord(c)) for c in iso)


@dataclass
class View:
    """Row `n` on screen is `lib[order[n]]`; `order` is None for the library as it is."""

    lib: Library
    order: list[int] | None = None
    filter_text: str = ""
    sort: str = "file"
    positions: dict[int, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.lib) if self.order is None else len(self.order)

    def index(self, row: int) -> int:
        """The library index of screen row `row`."""
        return row if self.order is None else self.order[row]

    def row_of(self, index: int) -> int | None:
        """The screen row of library index `index` (None when filtered out)."""
        if self.order is None:
            return index if 0 <= index < len(self.lib) else None
        if not self.positions:
            self.positions = {i: n for n, i in enumerate(self.order)}
        return self.positions.get(index)


def make_view(lib: Library, f: Filter, sort: str, me: str, done: set[str],
              filter_text: str = "") -> View:
    """The rows matching `f` in `sort` order (reads every row's title when filtering or
    sorting by anything but the file name)."""
    if sort not in SORTS:
        raise FilterError(f"sort by one of {', '.join(SORTS)}")
    if f.empty and sort == "file":
        return View(lib, None, filter_text, sort)
    rows = [i for i in range(len(lib)) if f.empty or _matches(lib, lib[i], f, me, done)]
    if sort != "file":
        rows.sort(key=lambda i: _key(lib, i, sort, me, done))
    return View(lib, rows, filter_text, sort)
