"""Full-text search over articles and tagged sentences; Whoosh stays behind `engine.Engine`."""

from .engine import (
                     ArticleRecord,
                     Engine,
                     Hit,
                     IndexBusy,
                     IndexCorrupt,
                     QueryError,
                     Results,
                     SearchError,
                     SentenceRecord,
)
from .indexer import Report, SearchIndex

__all__ = ["ArticleRecord", "Engine", "Hit", "IndexBusy", "IndexCorrupt", "QueryError", "Report",
           "Results", "SearchError", "SearchIndex", "SentenceRecord"]
