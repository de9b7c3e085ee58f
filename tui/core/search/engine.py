"""The seam between newstag and a search engine: documents in, ranked articles out.

The index holds one document per article and one per tag; sentences are found at query time
(`matching`), so the engines only rank articles. `whoosh_engine` and `tantivy_engine` implement
`Engine`; the TUI, the CLI and the indexer see only these types. Queries reach an engine as the
engine-neutral tree of `query`, which each engine compiles to its own query objects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from .errors import IndexBusy as IndexBusy
from .errors import IndexCorrupt as IndexCorrupt
from .errors import QueryError as QueryError
from .errors import SearchError as SearchError

if TYPE_CHECKING:
    from .query import Node


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
    labels: tuple[str, ...] = ()  # of its tags (lowercase), so `label:` narrows articles
    annotators: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TagRecord:
    """One tag document: a span of an article as it stands on the indexed text."""

    article: str
    label: str
    annotator: str
    start: int
    end: int
    text: str = ""


@dataclass(frozen=True, slots=True)
class ArticleHit:
    record: ArticleRecord
    score: float


@dataclass(frozen=True)
class ArticlePage:
    hits: tuple[ArticleHit, ...]
    count: int  # matching articles (a lower bound when `partial`)
    partial: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: a reader sentence (or an article, for title:/source:/date: queries).
    `index` counts from 0 here and is shown from 1; `marks` are spans of `text` to highlight."""

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


# While a query is typed: hits from what can be read in this long, then the complete answer
# (which the next keystroke cancels).
TYPING_SECONDS = 0.04


def _never() -> bool:
    return False


@dataclass(frozen=True)
class Budget:
    """How much a search may cost: `seconds` for the quick first answer while typing, and
    `cancelled` (polled during the search) to stop one a newer keystroke has made stale."""

    seconds: float | None = None
    cancelled: Callable[[], bool] = _never


@dataclass(frozen=True)
class Results:
    query: str
    hits: tuple[Hit, ...]  # grouped: articles best first, each one's sentences in reading order
    total: int  # hits found in the articles read (at least len(hits))
    terms: tuple[str, ...] = field(default=())
    kind: str = "sentence"
    more: bool = False  # more articles match than were read
    partial: bool = False  # stopped by its `Budget`: the best of what was read so far
    hint: str = ""  # why nothing matched, when the index can tell (a label nobody used...)
    articles: int = 0  # matching articles
    next: int = 0  # article offset to continue from (loading more as the user scrolls)
    took_ms: float = 0.0


class EngineWriter(Protocol):
    """A batch of changes, committed as one when the context exits without an exception."""

    def put_article(self, article: ArticleRecord, tags: Iterable[TagRecord]) -> None: ...

    def delete_article(self, article_id: str) -> None: ...


class Engine(Protocol):
    """A full-text index of article and tag documents."""

    name: str

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

    def tags(self, article_id: str) -> list[TagRecord]: ...

    def search(self, query: Node, offset: int, limit: int, scored: bool,
               budget: Budget | None = None) -> ArticlePage:
        """Articles matching `query`, best first (reading order when not `scored`)."""
        ...

    def values(self, field: str) -> list[str]:
        """Every label or annotator in use (for the hint when one matches nothing)."""
        ...

    def files(self) -> Iterator[tuple[str, int]]:
        """(name, size) of every file of the index, to detect truncated or deleted files."""
        ...

    def close(self) -> None: ...
