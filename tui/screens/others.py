"""Other annotators' tags on the open article: loaded read-only, re-read when their files change."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.anchoring import needs_reanchor, reanchor
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
        self._seen: dict[str, tuple[int, int]] = {}

    def load(self, article_id: str, article: Article | None = None) -> list[str]:
        """Read every other annotator's file for this article; returns one-line problems.

        Tags made on another version of the article are re-anchored in memory (their files are
        theirs to save), so they are shown where their text is now, or not at all (orphans).
        """
        self.docs, self._seen = {}, {}
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
            if loaded.doc is not None and loaded.doc.tags:
                doc = loaded.doc
                if article is not None and needs_reanchor(doc, article.text, article.sha256):
                    doc = reanchor(doc, article.text, article.sha256)[0]
                self.docs[who] = doc
        return problems

    def changed(self, article_id: str) -> bool:
        """True when an annotator appeared or vanished, or one of their files changed."""
        others = {w for w in self.store.annotators() if w != self.me}
        if others != set(self._seen):
            return True
        path = self.store.path_for
        return any(_signature(path(w, article_id)) != sig for w, sig in self._seen.items())
