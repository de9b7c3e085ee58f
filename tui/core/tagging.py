"""Tagging as the user does it: toggle, clear, note, undo and redo, every change saved at once.

This is the one path from a keystroke to a tag file, shared by the reader, the search results
and the review mode. Undo history is per session, not per article, so it survives switching
articles; undoing a change in another article rewrites that article's file.

Opening an article whose text changed since it was tagged re-anchors the tags (`anchoring`) and
saves the result at once: moved tags get fresh anchors, the rest stay in the file as orphans.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from . import anchoring
from .articles import Article
from .current import units_near
from .tags import Tag, TagDoc, make_tag
from .tagstore import Loaded, TagFileError, TagStore

Listener = Callable[[str, TagDoc | None], None]  # (article id, tags now on disk)


@dataclass(frozen=True)
class Change:
    """One undoable step: the article's tags before and after.

    A step that changed several articles at once (a label given to a claim's twins) keeps the
    other articles' before/after in `also`; undo and redo take them all together.
    """

    article_id: str
    before: tuple[Tag, ...]
    after: tuple[Tag, ...]
    description: str
    also: tuple[Change, ...] = ()
    batch: bool = False  # made by `add_many`: about other articles, not the one being read

    @property
    def articles(self) -> list[str]:
        return [self.article_id, *(c.article_id for c in self.also)]


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
        self.reanchored: dict[str, anchoring.Report] = {}  # article id -> what re-anchoring did
        self.problems: list[str] = []  # one-line errors met outside a user action
        self._broken: dict[str, str] = {}

    # -- reading ---------------------------------------------------------------------------
    def open(self, article: Article) -> TagDoc:
        """Load (or reload) this annotator's tags on an article, re-anchored if it changed."""
        self._articles[article.id] = article
        loaded = self.store.load(self.annotator, article.id, self.labels or None)
        self._loaded[article.id] = self._adopt(article, loaded)
        return self.doc(article.id)

    def doc(self, article_id: str) -> TagDoc:
        loaded = self._loaded.get(article_id)
        if loaded is None or loaded.doc is None:
            art = self._articles.get(article_id)
            return TagDoc(article_id, art.sha256 if art else "")
        return loaded.doc

    def orphans(self, article_id: str) -> list[Tag]:
        """Tags whose text could not be found in the article: they wait for a person."""
        return [t for t in self.doc(article_id).tags if t.orphan]

    def refresh_if_changed(self, article_id: str) -> bool:
        """Re-read the file if someone else (a second instance, `git pull`) changed it.

        A file that cannot be read raises `TagFileError` once per version of its bytes, so a
        reader polling every few seconds reports a broken file once, not every time.
        """
        art = self._articles.get(article_id)
        if art is None:
            return False
        before = self._loaded.get(article_id)
        try:
            now = self.store.load(self.annotator, article_id, self.labels or None)
        except TagFileError:
            sig = _signature(self.store.path_for(self.annotator, article_id))
            if self._broken.get(article_id) == sig:
                return False
            self._broken[article_id] = sig
            raise
        self._broken.pop(article_id, None)
        if before is not None and now.raw == before.raw:
            return False
        self._loaded[article_id] = self._adopt(art, now)
        return True

    def _adopt(self, article: Article, loaded: Loaded) -> Loaded:
        """Re-anchor tags made on another version of the text, and save that (never drop one)."""
        doc = loaded.doc
        if doc is None or not anchoring.needs_reanchor(doc, article.text, article.sha256):
            return loaded
        new, report = anchoring.reanchor(doc, article.text, article.sha256,
                                         units=units_near(article))
        self.reanchored[article.id] = report
        try:
            saved = self.store.save(self.annotator, new, loaded)
        except TagFileError as exc:  # read-only workspace: keep the result in memory, say so
            self.problems.append(str(exc))
            return replace(loaded, doc=new)
        for listener in self.listeners:
            listener(article.id, saved.doc)
        return saved

    # -- changing --------------------------------------------------------------------------
    def _commit(self, article_id: str, tags: tuple[Tag, ...], description: str,
                record: bool = True) -> TagDoc:
        art = self._articles[article_id]
        before = self.doc(article_id)
        new = TagDoc(article_id, art.sha256, _fit(art, tags)).sorted()
        base = self._loaded.get(article_id, Loaded(None, None))
        saved = self.store.save(self.annotator, new, base)
        self._loaded[article_id] = saved
        after = saved.doc or TagDoc(article_id, art.sha256)
        # The undo step is what this action changed, not what the merge brought in from disk:
        # undoing must never take away a tag another instance (or a git pull) added meanwhile.
        if record and before.tags != new.tags:
            self._undo.append(Change(article_id, before.tags, new.tags, description))
            self._redo.clear()
        for listener in self.listeners:
            listener(article_id, saved.doc)
        return after

    def toggle(self, article: Article, spans: list[tuple[int, int]], label: str) -> TagDoc:
        """Toggle `label` on every span: all spans carry it -> remove it; else add where missing."""
        doc = self.doc(article.id)
        have = {(t.start, t.end) for t in doc.tags if t.label == label and not t.orphan}
        if spans and all(sp in have for sp in spans):
            tags = tuple(t for t in doc.tags
                         if t.orphan or not (t.label == label and (t.start, t.end) in spans))
            what = f"remove {label}"
        else:
            new = [make_tag(article.id, article.text, s, e, label)
                   for s, e in spans if (s, e) not in have]
            tags = doc.tags + tuple(new)
            what = f"add {label}"
        return self._commit(article.id, tags, what)

    def add(self, article: Article, spans: list[tuple[int, int]], label: str, note: str = "",
            description: str | None = None) -> TagDoc:
        """Put `label` on every span that lacks it, each new tag with `note` (an accepted
        suggestion says where it came from); spans that have it already are left alone."""
        doc = self.doc(article.id)
        new = self._new_tags(article, doc, spans, label, note)
        return self._commit(article.id, doc.tags + tuple(new), description or f"add {label}")

    def _new_tags(self, article: Article, doc: TagDoc, spans: list[tuple[int, int]], label: str,
                  note: str = "") -> list[Tag]:
        have = {(t.start, t.end) for t in doc.tags if t.label == label and not t.orphan}
        return [make_tag(article.id, article.text, s, e, label, note)
                for s, e in dict.fromkeys(spans) if (s, e) not in have]

    def add_many(self, wanted: Iterable[tuple[Article, list[tuple[int, int]], list[str]]],
                 note: str = "", description: str = "add labels") -> Change | None:
        """Several articles' spans get these labels as ONE undo step (a claim's twins).

        Each article's file is written in turn; None when every span had its labels already.
        A store error part-way leaves the articles written so far undoable as one step.
        """
        parts: list[Change] = []
        try:
            for article, spans, labels in wanted:
                if article.id not in self._loaded:
                    self.open(article)
                else:
                    self._articles[article.id] = article
                doc = self.doc(article.id)
                new: list[Tag] = []
                for label in labels:
                    new += self._new_tags(article, doc, spans, label, note)
                if not new:
                    continue
                before = doc.tags
                self._commit(article.id, before + tuple(new), description, record=False)
                parts.append(Change(article.id, before, _sorted(before + tuple(new)),
                                    description))
        finally:
            if parts:
                first, rest = parts[0], tuple(parts[1:])
                self._undo.append(replace(first, also=rest, batch=True))
                self._redo.clear()
        return replace(parts[0], also=tuple(parts[1:]), batch=True) if parts else None

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

    def reattach(self, article: Article, tag_id: str, start: int, end: int) -> TagDoc:
        """Put a tag (an orphan, usually) on `text[start:end]`: same id, label and note."""
        if not 0 <= start < end <= len(article.text):
            raise ValueError(f"span {start}-{end} is outside the text (length {len(article.text)})")
        spot = anchoring.Placement("exact", start, end)
        tags = tuple(anchoring.place(t, article.text, spot) if t.id == tag_id else t
                     for t in self.doc(article.id).tags)
        return self._commit(article.id, tags, "re-attach")

    def delete(self, article: Article, tag_ids: Iterable[str]) -> TagDoc:
        """Remove tags by id (orphans included), as one undoable step."""
        ids = set(tag_ids)
        tags = tuple(t for t in self.doc(article.id).tags if t.id not in ids)
        return self._commit(article.id, tags, "delete")

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
        for part in (change, *change.also):
            self._apply(part.article_id, part.after, part.before)
        self._redo.append(change)
        return change

    def redo(self) -> Change | None:
        if not self._redo:
            return None
        change = self._redo.pop()
        for part in (change, *change.also):
            self._apply(part.article_id, part.before, part.after)
        self._undo.append(change)
        return change

    def _apply(self, article_id: str, frm: tuple[Tag, ...], to: tuple[Tag, ...]) -> None:
        """Apply frm→to as a delta on the current tags, so others' later edits survive.

        Only what the step changed is touched: a tag the step left alone, which another
        instance has since removed, stays removed.
        """
        current = {t.id: t for t in self.doc(article_id).tags}
        frm_map = {t.id: t for t in frm}
        to_map = {t.id: t for t in to}
        for tid in set(frm_map) - set(to_map):
            current.pop(tid, None)
        for tid, tag in to_map.items():
            if frm_map.get(tid) != tag:
                current[tid] = tag
        self._commit(article_id, tuple(current.values()), "undo/redo", record=False)


def _sorted(tags: tuple[Tag, ...]) -> tuple[Tag, ...]:
    return tuple(sorted(tags, key=lambda t: t.sort_key))


def _signature(path) -> str:  # noqa: ANN001 - a Path
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _fit(article: Article, tags: tuple[Tag, ...]) -> tuple[Tag, ...]:
    """Tags brought back by undo after the article changed carry old anchors: re-place them."""
    text = article.text
    if all(t.orphan or text[t.start : t.end] == t.quote for t in tags):
        return tags
    found, near = anchoring.Text(text), units_near(article)

    def fit(t: Tag) -> Tag:
        if t.orphan or text[t.start : t.end] == t.quote:
            return t
        return anchoring.place(t, text, anchoring.locate(t, found, units=near))

    return tuple(fit(t) for t in tags)
