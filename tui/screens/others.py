"""Other annotators' tags on the open article: loaded read-only, re-read when their files change.

Tags made on another version of the article are re-anchored in memory (`current_doc`: their
files are theirs to save), so they show where their text is now; those whose text is gone are
counted as orphaned and said so on the status line, never silently dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.current import current_doc
from tui.core.tags import TagDoc
from tui.core.tagstore import TagFileError, TagStore

if TYPE_CHECKING:
    from tui.core.articles import Article


def _signature(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except OSError:
        return (0, 0)
    return (st.st_mtime_ns, st.st_size)


class OtherTags:
    """Everyone's tags but mine on one article, with a cheap "did any file change" check."""

    def __init__(self, store: TagStore, me: str, labels: set[str]) -> None:
        self.store = store
        self.me = me
        self.labels = labels
        self.docs: dict[str, TagDoc] = {}
        self.orphaned: dict[str, int] = {}  # annotator -> tags of theirs not found in the text
        self._seen: dict[str, tuple[int, int]] = {}

    def load(self, article_id: str, article: Article | None = None) -> list[str]:
        """Read every other annotator's file for this article; returns one-line problems.

        With the `article`, tags are placed on its current text (in memory only).
        """
        self.docs, self.orphaned, self._seen = {}, {}, {}
        problems: list[str] = []
        for who in self.store.annotators():
            if who == self.me:
                continue
            try:
                path = self.store.path_for(who, article_id)
                loaded = self.store.load_path(path, self.labels)
            except (TagFileError, ValueError) as exc:
                problems.append(str(exc))
                continue
            self._seen[who] = _signature(path)
            doc = loaded.doc
            if doc is None or not doc.tags:
                continue
            if article is not None:
                doc = current_doc(doc, article)[0]
            self.docs[who] = doc
            lost = sum(1 for t in doc.tags if t.orphan)
            if lost:
                self.orphaned[who] = lost
        return problems

    def changed(self, article_id: str) -> bool:
        """True when an annotator appeared or vanished, or one of their files changed."""
        others = {w for w in self.store.annotators() if w != self.me}
        if others != set(self._seen):
            return True
        path = self.store.path_for
        return any(_signature(path(w, article_id)) != sig for w, sig in self._seen.items())
