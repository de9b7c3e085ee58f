"""The seam between newstag and a search engine: records in, hits out, nothing engine-specific.

The TUI, the CLI and the indexer only see these types; `whoosh_engine` is the one implementation
today, and a second engine for very large corpora would implement `Engine` without touching them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Protocol


class SearchError(Exception):
    """Base of the errors a user can act on; `str()` is one line."""


class QueryError(SearchError):
    """The query cannot be understood (unclosed quote, unknown field...)."""


class IndexBusy(SearchError):
    """Another newstag holds the index's write lock; the change is retried later or skipped."""


class IndexCorrupt(SearchError):
    """The index on disk cannot be read; it is a cache, so the caller rebuilds it."""


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """What the index knows about an article (one document per article)."""

    id: str
    file: str
    sha256: str
    title: str
    source: str = ""
    date: str = ""  # ISO yyyy-mm-dd when it could be read, else ""
    body: str = ""  # indexed, never stored
    sentences: int = 0


@dataclass(frozen=True, slots=True)
class SentenceRecord:
    """One sentence document: where it is, what it says and who tagged it how."""

    article: str
    index: int
    start: int
    end: int
    text: str
    labels: tuple[str, ...] = ()
    annotators: tuple[str, ...] = ()
    chrome: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result. Sentence hits carry the KWIC text; `marks` are spans of `text` to
    highlight (matched terms), as offsets into `text`."""

    kind: str  # "sentence" | "article"
    article: str
    title: str
    score: float
    index: int = -1
    start: int = 0
    end: int = 0
    text: str = ""
    labels: tuple[str, ...] = ()
    annotators: tuple[str, ...] = ()
    marks: tuple[tuple[int, int], ...] = ()


# While a query is typed: hits from what the index reads in this long, then the complete ranking
# (which the next keystroke cancels); keeps each keystroke's answer near 0.1 s at 10k articles.
TYPING_SECONDS = 0.04


def _never() -> bool:
    return False


@dataclass(frozen=True)
class Budget:
    """How much a search may cost. While a query is typed, the best hits among the documents
    read in `seconds` are shown at once and the complete ranking follows; `cancelled` (polled
    during the search) stops a search that a newer keystroke has made stale."""

    seconds: float | None = None
    cancelled: Callable[[], bool] = _never


@dataclass(frozen=True)
class Results:
    query: str
    hits: tuple[Hit, ...]
    total: int  # matching documents found (at least len(hits))
    terms: tuple[str, ...] = field(default=())  # index terms, for `Engine.highlight`
    kind: str = "sentence"
    more: bool = False  # True when `total` is a lower bound: the search stopped at `limit`
    partial: bool = False  # stopped by its `Budget`: the best hits of the documents read so far
    hint: str = ""  # why nothing matched, when the index can tell (a label nobody used...)


class EngineWriter(Protocol):
    """A batch of changes, committed as one when the context exits without an exception."""

    def put_article(self, article: ArticleRecord, sentences: Iterable[SentenceRecord]) -> None: ...

    def delete_article(self, article_id: str) -> None: ...

    def put_sentences(self, article: ArticleRecord,
                      sentences: Iterable[SentenceRecord]) -> None: ...


class Engine(Protocol):
    """A full-text index of articles and sentences."""

    def status(self) -> str:
        """"ok", "missing", "outdated" (older schema) or "corrupt"."""
        ...

    def create(self) -> None:
        """Start an empty index, replacing whatever is there."""
        ...

    def writer(self, timeout: float = 2.0,
               bulk: bool = False) -> AbstractContextManager[EngineWriter]:
        """Raises `IndexBusy` when another process is writing for longer than `timeout`."""
        ...

    def article(self, article_id: str) -> ArticleRecord | None: ...

    def sentences(self, article_id: str) -> list[SentenceRecord]: ...

    def search(self, query: str, limit: int = 50, typing: bool = False,
               budget: Budget | None = None) -> Results:
        """Raises `QueryError` for a malformed query and `IndexCorrupt` for an unreadable index.

        `typing`: the query is being typed, so its last word is also a prefix. `budget`: stop
        early (`Results.partial`) when it runs out or is cancelled."""
        ...

    def check(self, query: str) -> None:
        """Raise `QueryError` if the query cannot be understood (no index needed)."""
        ...

    def highlight(self, text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
        """Spans of `text` where a word matches one of `terms` the way the index matches them
        (stemmed: "warned" marks "warning")."""
        ...

    def files(self) -> Iterator[tuple[str, int]]:
        """(name, size) of every file of the index, to detect truncated or deleted files."""
        ...

    def close(self) -> None: ...
