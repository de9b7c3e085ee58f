"""Tagging as the user does it: toggle, clear, note, undo and redo, every change saved at once.

This is the one path from a keystroke to a tag file, shared by the reader, the search results
and the review mode. Undo history is per session, not per article, so it survives switching
articles; undoing a change in another article rewrites that article's file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from .articles import Article
from .tags import Tag, TagDoc, make_tag
from .tagstore import Loaded, TagStore

Listener = Callable[[str, TagDoc | None], None]  # (article id, tags now on disk)


@dataclass(frozen=True)
class Change:
    """One undoable step: the article's tags before and after."""

    article_id: str
    before: tuple[Tag, ...]
    after: tuple[Tag, ...]
    description: str


class TaggingSession:
    """One annotator tagging in one workspace."""

    def __init__(self, store: TagStore, annotator: str, labels: Iterable[str] = ()) -> None:
        self.store = store
        self.annotator = annotator
        self.labels = set(labels)
        self._loaded: dict[str, Loaded] = {}
        self._articles: dict[str, Article] = {}
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self.listeners: list[Listener] = []

    # -- reading ---------------------------------------------------------------------------
    def open(self, article: Article) -> TagDoc:
        """Load (or reload) this annotator's tags on an article."""
        self._articles[article.id] = article
        loaded = self.store.load(self.annotator, article.id, self.labels or None)
        self._loaded[article.id] = loaded
        return loaded.doc or TagDoc(article.id, article.sha256)

    def doc(self, article_id: str) -> TagDoc:
        loaded = self._loaded.get(article_id)
        if loaded is None or loaded.doc is None:
            art = self._articles.get(article_id)
            return TagDoc(article_id, art.sha256 if art else "")
        return loaded.doc

    def refresh_if_changed(self, article_id: str) -> bool:
        """Re-read the file if someone else (a second instance, `git pull`) changed it."""
        art = self._articles.get(article_id)
        if art is None:
            return False
        before = self._loaded.get(article_id)
        now = self.store.load(self.annotator, article_id, self.labels or None)
        if before is not None and now.raw == before.raw:
            return False
        self._loaded[article_id] = now
        return True

    # -- changing --------------------------------------------------------------------------
    def _commit(self, article_id: str, tags: tuple[Tag, ...], description: str, record: bool = True) -> TagDoc:
        art = self._articles[article_id]
        before = self.doc(article_id)
        new = TagDoc(article_id, art.sha256, tags).sorted()
        saved = self.store.save(self.annotator, new, self._loaded.get(article_id, Loaded(None, None)))
        self._loaded[article_id] = saved
        after = saved.doc or TagDoc(article_id, art.sha256)
        if record and before.tags != after.tags:
            self._undo.append(Change(article_id, before.tags, after.tags, description))
            self._redo.clear()
        for listener in self.listeners:
            listener(article_id, saved.doc)
        return after

    def toggle(self, article: Article, spans: list[tuple[int, int]], label: str) -> TagDoc:
        """Toggle `label` on every span: if all spans carry it, remove it; else add where missing."""
        doc = self.doc(article.id)
        have = {(t.start, t.end) for t in doc.tags if t.label == label and not t.orphan}
        if spans and all(sp in have for sp in spans):
            tags = tuple(t for t in doc.tags if not (t.label == label and (t.start, t.end) in spans))
            what = f"remove {label}"
        else:
            new = [make_tag(article.id, article.text, s, e, label) for s, e in spans if (s, e) not in have]
            tags = doc.tags + tuple(new)
            what = f"add {label}"
        return self._commit(article.id, tags, what)

    def clear(self, article: Article, spans: list[tuple[int, int]]) -> TagDoc:
        """Remove every tag of this annotator on the spans."""
        doc = self.doc(article.id)
        tags = tuple(t for t in doc.tags if (t.start, t.end) not in spans or t.orphan)
        return self._commit(article.id, tags, "clear")

    def set_note(self, article: Article, tag_ids: Iterable[str], note: str) -> TagDoc:
        ids = set(tag_ids)
        doc = self.doc(article.id)
        tags = tuple(replace(t, note=note) if t.id in ids else t for t in doc.tags)
        return self._commit(article.id, tags, "note")

    def replace_tags(self, article: Article, tags: Iterable[Tag], description: str) -> TagDoc:
        """Put exactly these tags in place (review settling, imports), as one undoable step."""
        self._articles[article.id] = article
        if article.id not in self._loaded:
            self.open(article)
        return self._commit(article.id, tuple(tags), description)

    # -- history ---------------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> Change | None:
        """Revert the last change (in whichever article it was made); None when nothing to undo."""
        if not self._undo:
            return None
        change = self._undo.pop()
        self._apply(change.article_id, change.after, change.before)
        self._redo.append(change)
        return change

    def redo(self) -> Change | None:
        if not self._redo:
            return None
        change = self._redo.pop()
        self._apply(change.article_id, change.before, change.after)
        self._undo.append(change)
        return change

    def _apply(self, article_id: str, frm: tuple[Tag, ...], to: tuple[Tag, ...]) -> None:
        """Apply frm→to as a delta on the current tags, so others' later edits survive."""
        current = {t.id: t for t in self.doc(article_id).tags}
        frm_ids = {t.id for t in frm}
        to_map = {t.id: t for t in to}
        for tid in frm_ids - set(to_map):
            current.pop(tid, None)
        for tid, tag in to_map.items():
            current[tid] = tag
        self._commit(article_id, tuple(current.values()), "undo/redo", record=False)
