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
    from textual.timer import Timer

    from tui.core.tags import TagDoc

    Notify = Callable[[str, TagDoc | None], None]  # (article id, the tags just saved)

LONG_ARTICLE_CHARS = 200_000
QUIET_SECONDS = 2.0


class QuietFeed:
    """A TaggingSession listener in front of `notify` (the index feed's listener).

    Made on the UI thread (by `tui.services.Services`): saves from any other thread are handed
    on at once, since only the UI thread has timers.
    """

    def __init__(self, set_timer: Callable[[float, Callable[[], object]], Timer],
                 notify: Notify, length_of: Callable[[str], int]) -> None:
        self.set_timer = set_timer
        self.notify = notify
        self.length_of = length_of  # characters of an article's text (0 when not known)
        self.pending: dict[str, TagDoc | None] = {}  # article id -> the last doc saved
        self._timer: Timer | None = None
        self.ui_thread = threading.get_ident()

    def __call__(self, article_id: str, doc: TagDoc | None) -> None:
        if (threading.get_ident() != self.ui_thread
                or self.length_of(article_id) < LONG_ARTICLE_CHARS):
            self.notify(article_id, doc)
            return
        self.pending.pop(article_id, None)
        self.pending[article_id] = doc
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(QUIET_SECONDS, self.flush)

    def flush(self) -> None:
        """Hand every held save on now."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        pending, self.pending = self.pending, {}
        for article_id, doc in pending.items():
            self.notify(article_id, doc)
