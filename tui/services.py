"""The app's services, built once on the UI thread by one object the App owns; nothing else builds
them: the tag store, the one tagging session, the search index feed, the quiet-feed policy in
front of it, and the known problems with files.

One path for "tags changed": the session saves, calls `Services._saved` once, which hands the
saved doc to the index (no re-read of the YAML just written) and posts one `TagsChanged` (with
the doc) to the App, which forwards it to every screen. Screens redraw from that message only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from tui.core.problems import Problem, Problems
from tui.core.search.hook import IndexFeed
from tui.messages import TagsChanged
from tui.quiet_feed import QuietFeed

if TYPE_CHECKING:
    from textual.message import Message
    from textual.timer import Timer

    from tui.core.claims import ClaimIndex
    from tui.core.labels import LabelSet
    from tui.core.others import DocCache
    from tui.core.tagging import TaggingSession
    from tui.core.tags import TagDoc
    from tui.core.tagstore import TagStore
    from tui.core.workspace import Workspace


class ServiceHost(Protocol):
    """What the services need from the App (a Textual App has all of it)."""

    def post_message(self, message: Message) -> bool: ...
    def call_from_thread(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...
    def set_timer(self, delay: float, callback: Callable[[], Any]) -> Timer: ...


class Services:
    """Store, session, index feed, quiet feed and problems of one workspace and annotator.

    Construct it on the UI thread (the App does, in its `__init__`): the quiet feed holds saves
    back only on that thread. The store and the session import YAML and file locks (~50 ms), so
    they are made by `start()`, which the App calls right after the first paint; a worker that
    needs them earlier gets the same ones (made once, under a lock).
    """

    def __init__(self, ws: Workspace, labels: LabelSet, host: ServiceHost,
                 length_of: Callable[[str], int]) -> None:
        self.ws = ws
        self.labels = labels
        self.host = host
        self.ui_thread = threading.get_ident()
        self.problems = Problems()
        self.feed = IndexFeed(ws, on_message=self._index_message)
        # Every save reaches the search index, in a thread; on long articles after a pause.
        self.quiet = QuietFeed(host.set_timer, self.feed.notify, length_of)
        self._lock = threading.Lock()
        self._store: TagStore | None = None
        self._session: TaggingSession | None = None
        self._docs: DocCache | None = None
        # Built by the reader on first need, in a worker; kept here so every reader shares them.
        self.claims_index: ClaimIndex | None = None  # the twins' index, once opened
        self.claims_opening = False  # a worker is bringing the claims cache up to date
        self.claims_fresh = False  # the claims cache was brought up to date this session
        self.suggest_training = False  # the team's suggestion models are being (or were) learned

    def start(self) -> None:
        """Build the store and the session now (on the UI thread, after the first paint)."""
        _ = self.session

    @property
    def store(self) -> TagStore:
        if self._store is None:
            self._build()
        assert self._store is not None
        return self._store

    @property
    def session(self) -> TaggingSession:
        if self._session is None:
            self._build()
        assert self._session is not None
        return self._session

    @property
    def docs(self) -> DocCache:
        """Every annotator's parsed tag files, re-parsed only when a file changes."""
        if self._docs is None:
            from tui.core.others import DocCache

            self._docs = DocCache(self.store, set(self.labels.names))
        return self._docs

    def _build(self) -> None:
        with self._lock:
            if self._session is not None:
                return
            from tui.core.tagging import TaggingSession
            from tui.core.tagstore import TagStore

            store = TagStore(self.ws.tags)
            session = TaggingSession(store, self.ws.annotator, self.labels.names)
            session.listeners.append(self._saved)
            self._store, self._session = store, session

    # -- the one "tags changed" path ---------------------------------------------------------
    def _saved(self, article_id: str, doc: TagDoc | None) -> None:
        """The session saved this annotator's tags on an article (a key, undo, re-anchoring)."""
        self.quiet(article_id, doc)
        if self._docs is not None:
            self._docs.saved(self.ws.annotator, article_id, doc)
        self.host.post_message(TagsChanged(article_id, self.ws.annotator, doc))

    def _index_message(self, message: str) -> None:
        """A problem of the index thread: one warning on the UI thread."""
        from tui.messages import ServiceWarning

        self.host.post_message(ServiceWarning(message))

    # -- problems with files -----------------------------------------------------------------
    def my_problem(self, article_id: str) -> Problem | None:
        """The known problem with my own tag file on this article, if any."""
        from tui.core.others import problem_key

        try:
            path = self.store.path_for(self.ws.annotator, article_id)
        except ValueError:
            return None
        except Exception:  # a link out of the tags folder: known under the annotator's name
            return self.problems.get(f"{self.ws.annotator}/")
        return self.problems.get(problem_key(self.store, path))

    def flush_index(self) -> None:
        """Hand held saves (long articles) to the index now: the search screen is opening."""
        self.quiet.flush()
