"""Full-text search over articles; Whoosh and tantivy stay behind `engine.Engine`.

Names are imported on first use: importing an engine takes a second or more, which must never
be paid at start-up (the TUI only needs `hook` then).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE = {
    "ArticleRecord": "engine", "Budget": "engine", "Engine": "engine", "Hit": "engine",
    "IndexBusy": "engine", "IndexCorrupt": "engine", "QueryError": "engine", "Results": "engine",
    "SearchError": "engine", "TagRecord": "engine", "Report": "incremental",
    "SearchIndex": "indexer", "choose_engine": "indexer",
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
        TagRecord,
    )
    from .incremental import Report  # noqa: F401
    from .indexer import SearchIndex, choose_engine  # noqa: F401


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
