"""Full-text search over articles and tagged sentences; Whoosh stays behind `engine.Engine`.

Names are imported on first use: importing Whoosh takes a second or more, which must never
be paid at start-up (the TUI only needs `hook` then).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE = {
    "ArticleRecord": "engine", "Budget": "engine", "Engine": "engine", "Hit": "engine",
    "IndexBusy": "engine", "IndexCorrupt": "engine", "QueryError": "engine", "Results": "engine",
    "SearchError": "engine",
    "SentenceRecord": "engine", "Report": "indexer", "SearchIndex": "indexer",
}
__all__ = sorted(_WHERE)

if TYPE_CHECKING:
    from .engine import (  # noqa: F401
        ArticleRecord,
        Budget,
        Engine,
        Hit,
        IndexBusy,
        IndexCorrupt,
        QueryError,
        Results,
        SearchError,
        SentenceRecord,
    )
    from .indexer import Report, SearchIndex  # noqa: F401


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
