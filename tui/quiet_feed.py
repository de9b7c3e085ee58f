"""Tag saves reach the search index at once, except on long articles: there, after a pause.

Re-indexing the tags of one article rewrites every sentence document of it; on a 3 MB article
that is ~0.5 s of CPU per save in the index thread, which shares the GIL with the UI: during a
burst of tagging every key and frame waited behind it. So saves on long articles are held until
tagging pauses (or the search screen opens) and then handed on together. The index is a cache:
anything not handed on (the app quit meanwhile) is found by its next `ensure()` from the files.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

LONG_ARTICLE_CHARS = 200_000
QUIET_SECONDS = 2.0


class QuietFeed:
    """A TaggingSession listener in front of `notify` (the index feed's listener)."""

    def __init__(self, app: App, notify: Callable[[str], None],
                 length_of: Callable[[str], int]) -> None:
        self.app = app
        self.notify = notify
        self.length_of = length_of  # characters of an article's text (0 when not known)
        self.pending: dict[str, None] = {}
        self._timer: Timer | None = None
        self._ui_thread = threading.get_ident()

    def __call__(self, article_id: str, doc: object = None) -> None:
        if (threading.get_ident() != self._ui_thread
                or self.length_of(article_id) < LONG_ARTICLE_CHARS):
            self.notify(article_id)
            return
        self.pending[article_id] = None
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.app.set_timer(QUIET_SECONDS, self.flush)

    def flush(self) -> None:
        """Hand every held save on now."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        pending, self.pending = self.pending, {}
        for article_id in pending:
            self.notify(article_id)
