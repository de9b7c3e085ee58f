"""The labels each annotator gave a claim's sentence in its article (for the claims table)."""

from __future__ import annotations

from ..tags import TagDoc
from ..tagstore import TagFileError, TagStore
from ..workspace import Workspace

LabelMap = dict[str, list[str]]  # annotator -> labels, sorted


class TagLookup:
    """Tag files read once per (annotator, article); a bad file counts as no tags here (the
    reader and `newstag validate` report it)."""

    def __init__(self, ws: Workspace) -> None:
        self.store = TagStore(ws.tags)
        self.annotators = self.store.annotators()
        self._docs: dict[tuple[str, str], TagDoc | None] = {}

    def doc(self, annotator: str, article: str) -> TagDoc | None:
        key = (annotator, article)
        if key not in self._docs:
            try:
                self._docs[key] = self.store.load(annotator, article).doc
            except (TagFileError, ValueError, OSError):
                self._docs[key] = None
        return self._docs[key]

    def labels(self, article: str, start: int, end: int) -> LabelMap:
        """Labels on tags that overlap `[start, end)`, by annotator (annotators without any left
        out)."""
        out: LabelMap = {}
        for who in self.annotators:
            doc = self.doc(who, article)
            if doc is None:
                continue
            got = sorted({t.label for t in doc.tags
                          if not t.orphan and t.start < end and t.end > start})
            if got:
                out[who] = got
        return out
