"""Feeding tag saves to the search index from the moment the TUI starts, at no start-up cost.

`IndexFeed.attach(session)` only appends a listener. The first tag save starts a thread that
imports the search engine and creates the index's `LiveUpdater`; saves made meanwhile are
queued and handed over, so none is missed and no keystroke ever waits for Whoosh.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..workspace import Workspace

if TYPE_CHECKING:
    from ..tags import TagDoc
    from .indexer import SearchIndex
    from .live import LiveUpdater


class IndexFeed:
    def __init__(self, ws: Workspace, on_message: Callable[[str], None] | None = None) -> None:
        self.ws = ws
        self.on_message = on_message
        self._lock = threading.Lock()
        self._index: SearchIndex | None = None
        self._updater: LiveUpdater | None = None
        self._pending: dict[str, TagDoc | None] = {}  # saved before the updater was there
        self._booting = False

    def attach(self, session) -> None:  # noqa: ANN001 - a TaggingSession
        session.listeners.append(self.notify)

    def notify(self, article_id: str, doc: TagDoc | None) -> None:
        """A TaggingSession listener: `doc` is what the session just saved for `ws.annotator`."""
        with self._lock:
            if self._updater is not None:
                updater = self._updater
            else:
                self._pending.pop(article_id, None)
                self._pending[article_id] = doc
                if not self._booting:
                    self._booting = True
                    threading.Thread(target=self.updater, name="newstag-index-boot",
                                     daemon=True).start()
                return
        updater.notify(article_id, doc)

    def index(self) -> SearchIndex:
        """The workspace's SearchIndex (created on first use; call it from a worker thread)."""
        with self._lock:
            if self._index is None:
                from .indexer import SearchIndex

                self._index = SearchIndex(self.ws)
            return self._index

    def updater(self) -> LiveUpdater:
        index = self.index()
        with self._lock:
            if self._updater is None:
                from .live import LiveUpdater

                self._updater = LiveUpdater(index, on_message=self.on_message,
                                            annotator=self.ws.annotator)
            pending, self._pending = self._pending, {}
            updater = self._updater
        for article_id, doc in pending.items():
            updater.notify(article_id, doc)
        return updater

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every save so far is in the index (tests, quitting)."""
        return self.updater().flush(timeout)
