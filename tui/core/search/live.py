"""Tag saves reach the index right after their YAML is written, from a background thread.

`LiveUpdater.attach(session)` registers a `TaggingSession` listener that only enqueues the
article id, so a keystroke never waits for Whoosh. The thread coalesces bursts (ten toggles on
one article are one index write), retries while another newstag holds the index, and reports
problems through `on_message` instead of raising into the UI.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable

from ..tags import TagDoc
from .engine import IndexBusy, SearchError
from .indexer import SearchIndex

_UNKNOWN = object()  # `notify` without a doc: the index reads the tag file
RETRY_SECONDS = (0.2, 0.5, 1.0, 2.0, 5.0)  # then every 5 s: a rebuild elsewhere can take minutes
TELL_AFTER = 4  # failed attempts before the user hears that the index is lagging


class LiveUpdater:
    def __init__(self, index: SearchIndex, on_message: Callable[[str], None] | None = None,
                 on_updated: Callable[[str], None] | None = None, annotator: str = "") -> None:
        self.index = index
        self.annotator = annotator  # whose saved docs `notify` is given (the session's)
        self._known: dict[str, TagDoc | None] = {}  # article id -> doc just saved, not re-read
        self._on_message = on_message or (lambda message: None)
        self.on_updated = on_updated or (lambda article_id: None)
        self._pending: dict[str, int] = {}  # article id -> attempts so far
        self._cond = threading.Condition()
        self._busy = False
        self._stopped = False
        self._thread: threading.Thread | None = None

    def on_message(self, message: str) -> None:
        # The UI may be gone (quitting): a lost message is not worth a crashed thread.
        with contextlib.suppress(Exception):
            self._on_message(message)

    def attach(self, session) -> None:  # noqa: ANN001 - a TaggingSession (no import cycle)
        session.listeners.append(self.notify)

    def notify(self, article_id: str, doc: TagDoc | None | object = _UNKNOWN) -> None:
        """The TaggingSession listener: O(1), never touches the index itself. With the `doc`
        just saved (and an `annotator`), the index thread does not read that file again."""
        with self._cond:
            self._pending.setdefault(article_id, 0)
            if self.annotator and doc is not _UNKNOWN:
                self._known[article_id] = doc  # type: ignore[assignment]
            else:
                self._known.pop(article_id, None)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="newstag-index", daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._stopped:
                    self._cond.wait()
                if self._stopped:
                    return
                article_id, attempts = next(iter(self._pending.items()))
                del self._pending[article_id]
                known = ({self.annotator: self._known.pop(article_id)}
                         if article_id in self._known else None)
                self._busy = True
            delay = 0.0
            try:
                self.index.update_tags(article_id, known=known)
                self.on_updated(article_id)
            except IndexBusy:
                # The tags are safe in their YAML; only the cache lags. Keep trying quietly.
                delay = RETRY_SECONDS[min(attempts, len(RETRY_SECONDS) - 1)]
                with self._cond:
                    self._pending.setdefault(article_id, attempts + 1)
                    if known is not None and article_id not in self._known:
                        self._known[article_id] = known[self.annotator]
                if attempts == TELL_AFTER:
                    self.on_message("the search index is busy (being rebuilt, or another "
                                    "newstag); your tags reach it when it is free")
            except SearchError as exc:
                self.on_message(f"search index not updated: {exc}")
            except Exception as exc:  # never let a cache problem reach the tagging UI
                self.on_message(f"search index not updated: {type(exc).__name__}: {exc}")
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
            if delay:
                time.sleep(delay)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every queued change is in the index (tests, quitting). True when done."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._pending or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def close(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()
