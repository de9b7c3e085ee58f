"""What the library screen lists, at once whatever the corpus size, never parsing every article.

`open_library` reads only the listing cache (`.newstag/library-v5.rows`, one JSON row per
article, cut out and decoded when a row is first shown; see `library_cache`): no stat, no article
read, no split into 100,000 lines, so the first screen costs the same for 5 articles or 100,000.
With no cache it lists file names only and shows each id until its title is known.
`refresh_library` then does the slow, exact part in the background: stat every file, re-read
only new or changed ones (over processes when there are many), recount tags, save the caches,
and report each change so the screen updates in place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

from .library_cache import CACHE_NAME, CachedRows, read_cache, write_cache
from .listing import (
    Entry,
    entry_from_row,
    list_names,
    read_entry,
    row_prefix,
    row_source_error,
    stat_all,
    stem,
)
from .listing import read_batch as _read_batch
from .problems import Problem
from .tagcounts import Tally, counts_of, load_tally, refresh_tally
from .workspace import ARTICLE_SUFFIXES, Workspace

__all__ = ["CACHE_NAME", "Entry", "Library", "LibraryUpdate", "ensure_entries", "list_names",
           "load_library", "open_cached", "open_library", "read_entry", "refresh_library",
           "save_cache"]

POOL_MIN = 2_000  # stale articles worth starting worker processes for


# A row as kept: cached JSON bytes (decoded on first access), a bare file name (title not read
# yet), or an Entry.
Row = bytes | str | Entry


class Library(Sequence[Entry]):
    """The corpus listing, sorted by file name; rows become Entries on first access."""

    def __init__(self, rows: list[Row] | CachedRows, tally: Tally | None = None,
                 problems: list[Problem] | None = None, verified: bool = False,
                 stats: tuple[int, int] | None = None) -> None:
        self._rows = rows
        self.tally: Tally = tally if tally is not None else {}
        # Whose counts `counts` gives: one annotator's, or everyone's (a union) when None.
        self.scope: str | None = None
        self._counts: dict[str, Counter[str]] | None = None
        self.problems: list[Problem] = problems if problems is not None else []
        self.verified = verified  # True once every row was checked against the files on disk
        # What the screen shows without decoding every row: the longest source (the column's
        # width) and how many files are unreadable. Exact when `stats_exact`; `refresh_library`
        # recounts when rows were replaced (a replaced row's old values are not known).
        self.source_cells, self.unreadable = stats if stats is not None else (0, 0)
        self.stats_exact = stats is not None or all(isinstance(r, str) for r in rows)

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, i: int) -> Entry: ...
    @overload
    def __getitem__(self, i: slice) -> list[Entry]: ...
    def __getitem__(self, i: int | slice) -> Entry | list[Entry]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self._rows)))]
        row = self._rows[i]
        if isinstance(row, bytes):
            row = entry_from_row(row)
            self._rows[i] = row
        elif isinstance(row, str):  # a file name only: listed, its title not read yet
            row = Entry(stem(row), row, title=stem(row), pending=True)
            self._rows[i] = row
        return row

    @property
    def counts(self) -> dict[str, Counter[str]]:
        """Article id -> label -> sentences carrying it, for `scope` (computed on first use)."""
        if self._counts is None:
            self._counts = {a: counts_of(by, self.scope) for a, by in self.tally.items()}
        return self._counts

    def set_scope(self, annotator: str | None) -> None:
        if annotator != self.scope:
            self.scope = annotator
            self._counts = None

    def set_tally(self, tally: Tally) -> None:
        self.tally = tally
        self._counts = None

    def update_article(self, article_id: str, by_annotator: dict[str, dict[str, list[int]]]
                       ) -> None:
        """One article recounted (after a save): its tally and its counts."""
        if by_annotator:
            self.tally[article_id] = by_annotator
        else:
            self.tally.pop(article_id, None)
        self._counts = None

    def counts_for(self, article_id: str) -> Counter[str] | None:
        return self.counts.get(article_id)

    @property
    def entries(self) -> Library:
        """The entries as a sequence (kept for callers written against a list)."""
        return self

    def _name(self, i: int) -> str:
        row = self._rows[i]
        if isinstance(row, str):
            return row
        return row.file if isinstance(row, Entry) else self[i].file

    def index_of(self, article_id: str) -> int | None:
        """Position of an article (binary search on the sorted file names)."""
        for suffix in ARTICLE_SUFFIXES:
            name = article_id + suffix
            lo, hi = 0, len(self._rows)
            while lo < hi:
                mid = (lo + hi) // 2
                if self._name(mid) < name:
                    lo = mid + 1
                else:
                    hi = mid
            if lo < len(self._rows) and self._name(lo) == name:
                return lo
        return None

    def set(self, i: int, entry: Entry) -> None:
        old = self._rows[i]
        self._rows[i] = entry
        self.source_cells = max(self.source_cells, len(entry.source))
        if isinstance(old, str) or (isinstance(old, Entry) and old.pending):
            self.unreadable += bool(entry.error)
        else:
            self.stats_exact = False

    def recount(self) -> None:
        """Exact `source_cells` and `unreadable` (decodes cached rows, keeps no Entry)."""
        widest = bad = 0
        for row in self._rows:
            if isinstance(row, bytes):
                source, error = row_source_error(row)
            elif isinstance(row, Entry):
                source, error = row.source, row.error
            else:
                continue
            widest = max(widest, len(source))
            bad += bool(error)
        self.source_cells, self.unreadable, self.stats_exact = widest, bad, True

    def pending(self) -> list[int]:
        return [i for i, r in enumerate(self._rows)
                if isinstance(r, str) or (isinstance(r, Entry) and r.pending)]


@dataclass(frozen=True)
class LibraryUpdate:
    """One step of `refresh_library`: what changed since the last step."""

    library: Library | None = None  # files were added or removed: show this one instead
    entries: dict[int, Entry] = field(default_factory=dict)  # row index -> its new entry
    counts: Tally | None = None  # tag counts changed: the whole tally
    problems: tuple[Problem, ...] = ()
    done: bool = False


def open_cached(ws: Workspace) -> Library | None:
    """The listing as last seen, from the cache only (None without one): no stat, no read."""
    cached = read_cache(ws.cache)
    if cached is None:
        return None
    tally, problems = load_tally(ws.cache)
    return Library(cached[0], tally, problems, stats=cached[1])  # type: ignore[arg-type]


def open_library(ws: Workspace) -> Library:
    """The listing as last seen (from the cache), or the bare file names; fast at any size."""
    lib = open_cached(ws)
    if lib is not None:
        return lib
    tally, problems = load_tally(ws.cache)
    return Library(list_names(ws.corpus), tally, problems)  # type: ignore[arg-type]  # names


def ensure_entries(ws: Workspace, lib: Library, indices: Iterable[int]) -> dict[int, Entry]:
    """Read the pending rows among `indices` now (the rows on screen); returns what changed."""
    out: dict[int, Entry] = {}
    for i in indices:
        if 0 <= i < len(lib) and lib[i].pending:
            path = ws.corpus / lib[i].file
            try:
                st = path.stat()
            except OSError:
                continue
            out[i] = read_entry(path, st.st_size, st.st_mtime_ns)
            lib.set(i, out[i])
    return out


def refresh_library(ws: Workspace, lib: Library, labels: Iterable[str] = (), batch: int = 256,
                    workers: int | None = None, stop: Callable[[], bool] | None = None
                    ) -> Iterator[LibraryUpdate]:
    """Bring `lib` up to date with the files, step by step (run it in a worker thread).

    `labels` is accepted for callers of the old API; counts include every label found.

    Rows are updated in place in `lib` (or in the new Library of the first update when files
    were added or removed) and each update names them; the caches are saved at the end.
    `stop()` is asked between steps: when it says True (the app is quitting) the check ends
    early, saving nothing, and the last update is not `done`.
    """
    stopped = stop or (lambda: False)
    on_disk = stat_all(ws.corpus, stopped)
    if stopped():
        return
    names = sorted(on_disk)
    current = lib
    stale = _unchanged_or_stale(lib, names, on_disk)
    if stale is None:  # files were added, removed or renamed
        old = {lib._name(i): i for i in range(len(lib))}
        rows: list[Row] = [
            lib._rows[old[n]] if n in old else n
            for n in names]
        current = Library(rows, lib.tally, lib.problems)
        current.scope = lib.scope
        current.stats_exact = False
        yield LibraryUpdate(library=current)
        stale = [i for i, n in enumerate(names)
                 if (e := current[i]).pending or (e.size, e.mtime_ns) != on_disk[n]]
    jobs = [(str(ws.corpus / names[i]), *on_disk[names[i]]) for i in stale]
    chunks = [list(zip(stale[k : k + batch], jobs[k : k + batch], strict=True))
              for k in range(0, len(stale), batch)]
    if len(stale) >= POOL_MIN and (workers or 2) > 1:
        from .segcache import make_pool  # multiprocessing: only for a big re-read

        with make_pool(workers) as pool:
            results = pool.map(_read_batch, [[j for _, j in c] for c in chunks])
            for chunk, entries in zip(chunks, results, strict=True):
                if stopped():
                    pool.shutdown(wait=False, cancel_futures=True)
                    return
                yield _apply(current, [i for i, _ in chunk], entries)
    else:
        for chunk in chunks:
            if stopped():
                return
            yield _apply(current, [i for i, _ in chunk], _read_batch([j for _, j in chunk]))
    if stopped():
        return
    tally, problems, changed = refresh_tally(ws.cache, ws.tags, ws.corpus)
    current.problems = problems
    if changed or tally != current.tally:
        current.set_tally(tally)
        yield LibraryUpdate(counts=tally, problems=tuple(problems))
    recount = not current.stats_exact
    if recount:
        current.recount()
    if stale or recount or current is not lib or not (ws.cache / CACHE_NAME).exists():
        save_cache(ws, current)
    current.verified = True
    yield LibraryUpdate(done=True)


def _unchanged_or_stale(lib: Library, names: list[str], on_disk: dict[str, tuple[int, int]]
                        ) -> list[int] | None:
    """Rows to re-read when the listing has the same files in the same order, else None.

    A cached row of an unchanged file is recognised by its first bytes, so a warm check of
    100,000 articles decodes no row at all.
    """
    if len(names) != len(lib):
        return None
    stale: list[int] = []
    rows = lib._rows
    for i, name in enumerate(names):
        row = rows[i]
        size, mtime = on_disk[name]
        if isinstance(row, bytes):
            if row.startswith(row_prefix(name, size, mtime)):
                continue
        elif isinstance(row, str):
            if row != name:
                return None
            stale.append(i)
            continue
        elif row.file == name and not row.pending and (row.size, row.mtime_ns) == (size, mtime):
            continue
        if lib._name(i) != name:
            return None
        stale.append(i)
    return stale


def _apply(lib: Library, indices: list[int], entries: list[Entry]) -> LibraryUpdate:
    for i, e in zip(indices, entries, strict=True):
        lib.set(i, e)
    return LibraryUpdate(entries=dict(zip(indices, entries, strict=True)))


def save_cache(ws: Workspace, lib: Library) -> None:
    """Write the listing cache (pending rows are left out: they are read again next time)."""
    rows = (row if isinstance(row, bytes) else row.row().encode() for row in lib._rows
            if isinstance(row, bytes) or (isinstance(row, Entry) and not row.pending))
    write_cache(ws.cache, rows, (lib.source_cells, lib.unreadable))


def load_library(ws: Workspace, labels: Iterable[str] = ()) -> Library:
    """The complete, verified listing in one call (the CLI, tests): open, then refresh fully."""
    lib = open_library(ws)
    for update in refresh_library(ws, lib, labels):
        if update.library is not None:
            lib = update.library
    return lib
