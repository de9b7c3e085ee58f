"""The search errors a user can act on (apart from `engine` so that `query` needs no engine)."""

from __future__ import annotations


class SearchError(Exception):
    """Base of the errors a user can act on; `str()` is one line."""


class QueryError(SearchError):
    """The query cannot be understood (unclosed quote, unknown field...)."""


class IndexBusy(SearchError):
    """Another newstag holds the index's write lock; the change is retried later or skipped."""


class IndexCorrupt(SearchError):
    """The index on disk cannot be read; it is a cache, so the caller rebuilds it."""
