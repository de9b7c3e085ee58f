"""Sentences of a matching article, found at query time with the reader's own segmentation.

The engines rank articles; this module reads a hit article (through a small cache), cuts it
into the reader's sentences (`Article.sentences()`, backed by the shared sentence cache) and
evaluates the query on each, so a hit is always a reader sentence and a tag made from it lands
on one. A phrase that spans a sentence boundary matches the article but no single sentence: then
the sentences it spans are the hits, each with its part of the phrase marked.
"""

from __future__ import annotations

import bisect
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from ..articles import Article
from ..articles import load as load_article
from ..segcache import SegmentCache
from ..textfile import TextFileError
from .analysis import compiled, iter_runs, terms, tokens
from .engine import ArticleRecord, Hit, TagRecord
from .query import (
    And,
    Dates,
    Every,
    Keyword,
    Node,
    Not,
    Or,
    Parsed,
    Phrase,
    State,
    Wild,
    Word,
    date_number,
    field_of,
    leaves,
)

CACHE_ARTICLES = 512  # a page of results is ~20 articles; typing revisits the same ones


@dataclass
class Loaded:
    article: Article
    terms: list[str]  # every token's term, in order
    spans: list[tuple[int, int]]  # every token's offsets
    sent_bounds: list[tuple[int, int]]  # token index range of each sentence
    title_terms: frozenset[str]
    source_terms: frozenset[str]


class ArticleTexts:
    """Articles read for matching, by file signature (an edited file is read again)."""

    def __init__(self, corpus: Path, cache_root: Path | None) -> None:
        self.corpus = corpus
        self.cache = SegmentCache.for_workspace_cache(cache_root) if cache_root else None
        self._lru: OrderedDict[str, tuple[tuple[int, int], Loaded]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, record: ArticleRecord) -> Loaded | None:
        path = self.corpus / record.file
        try:
            st = os.stat(path)
        except OSError:
            return None
        sig = (st.st_size, st.st_mtime_ns)
        with self._lock:
            hit = self._lru.get(record.id)
            if hit is not None and hit[0] == sig:
                self._lru.move_to_end(record.id)
                return hit[1]
        try:
            art = load_article(path, self.cache)
        except (OSError, TextFileError):
            return None
        toks = tokens(art.text)
        starts = [t[1] for t in toks]
        bounds = []
        for s in art.sentences():
            bounds.append((bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)))
        loaded = Loaded(art, [t[0] for t in toks], [(t[1], t[2]) for t in toks], bounds,
                        frozenset(terms(art.meta.title)), frozenset(terms(art.meta.source)))
        with self._lock:
            self._lru[record.id] = (sig, loaded)
            while len(self._lru) > CACHE_ARTICLES:
                self._lru.popitem(last=False)
        return loaded


class _Sentence:
    """What one sentence (or the whole article, for the fallback) offers the query."""

    def __init__(self, lo: int, hi: int, loaded: Loaded, record: ArticleRecord,
                 tags: list[TagRecord], chrome: bool, start: int, end: int) -> None:
        self.items = loaded.terms[lo:hi]
        self.set = frozenset(self.items)
        self.lo = lo
        self.loaded = loaded
        self.record = record
        self.tags = [t for t in tags if t.start < end and t.end > start]
        self.chrome = chrome

    def field_terms(self, field: str) -> frozenset[str]:
        if field == "title":
            return self.loaded.title_terms
        if field == "source":
            return self.loaded.source_terms
        return self.set

    def test(self, node: Node) -> bool:  # noqa: PLR0911 - one case per node type
        if isinstance(node, Word):
            return node.value in self.field_terms(node.field)
        if isinstance(node, Phrase):
            if node.field != "text":
                return set(node.values) <= self.field_terms(node.field)  # short fields
            return next(iter_runs(self.items, node.values), None) is not None
        if isinstance(node, Wild):
            rx = compiled(node.patterns)
            if node.field == "article":
                return rx.match(self.record.id) is not None
            if node.field in ("label", "annotator"):
                return any(rx.match(v) for v in self._tag_values(node.field))
            return any(rx.match(t) for t in self.field_terms(node.field))
        if isinstance(node, Keyword):
            if node.field == "article":
                return node.value == self.record.id
            return node.value in self._tag_values(node.field)
        if isinstance(node, Dates):
            day = date_number(self.record.date)
            return day is not None and node.lo <= day <= node.hi
        if isinstance(node, State):
            if node.name == "chrome":
                return self.chrome
            return bool(self.tags) == (node.name == "tagged")
        if isinstance(node, Every):
            return True
        if isinstance(node, Not):
            return not self.test(node.child)
        if isinstance(node, And):
            return all(self.test(c) for c in node.children)
        assert isinstance(node, Or)
        return any(self.test(c) for c in node.children)

    def _tag_values(self, field: str) -> set[str]:
        return {(t.label if field == "label" else t.annotator).lower() for t in self.tags}


def _marks(items: list[str], parsed: Parsed) -> list[tuple[int, int]]:
    """Token index ranges [i, j) of `items` that the query's positive text terms match."""
    out: list[tuple[int, int]] = []
    for node, negated in leaves(parsed.node):
        if negated or getattr(node, "field", "") != "text":
            continue
        if isinstance(node, Word):
            out.extend((i, i + 1) for i, t in enumerate(items) if t == node.value)
        elif isinstance(node, Wild):
            rx = compiled(node.patterns)
            out.extend((i, i + 1) for i, t in enumerate(items) if rx.match(t))
        elif isinstance(node, Phrase):
            out.extend((i + k, i + k + 1) for i in iter_runs(items, node.values)
                       for k in range(len(node.values)))
    return out


def _fallback_ok(parsed: Parsed) -> bool:
    """Whether the article as a whole may stand in for a sentence: only positive word tests
    (a NOT, a label or a state is a statement about one sentence)."""
    if _nots(parsed.node):
        return False
    return all(field_of(n) not in ("label", "annotator", "is") for n, _ in leaves(parsed.node))


def _nots(node: Node) -> list[Node]:
    if isinstance(node, Not):
        return [node]
    if isinstance(node, And | Or):
        return [x for c in node.children for x in _nots(c)]
    return []


def sentence_hits(parsed: Parsed, record: ArticleRecord, score: float, loaded: Loaded,
                  tags: list[TagRecord]) -> list[Hit]:
    """The reader sentences of one article that match, in reading order, with their marks."""
    art = loaded.article
    sents = art.sentences()
    out: list[Hit] = []
    for s, (lo, hi) in zip(sents, loaded.sent_bounds, strict=True):
        view = _Sentence(lo, hi, loaded, record, tags, s.chrome, s.start, s.end)
        if view.test(parsed.node):
            marks = [(loaded.spans[lo + i][0] - s.start, loaded.spans[lo + j - 1][1] - s.start)
                     for i, j in _marks(view.items, parsed)]
            out.append(_hit(record, score, s.index, s.start, s.end, art, view.tags, marks))
    if out or not _fallback_ok(parsed):
        return out
    whole = _Sentence(0, len(loaded.terms), loaded, record, [], False, 0, len(art.text))
    if not whole.test(parsed.node):
        return out
    runs = sorted(_marks(whole.items, parsed))
    for s, (lo, hi) in zip(sents, loaded.sent_bounds, strict=True):
        mine = [(max(i, lo), min(j, hi)) for i, j in runs if i < hi and j > lo]
        if mine:
            marks = [(loaded.spans[i][0] - s.start, loaded.spans[j - 1][1] - s.start)
                     for i, j in mine]
            view_tags = [t for t in tags if t.start < s.end and t.end > s.start]
            out.append(_hit(record, score, s.index, s.start, s.end, art, view_tags, marks))
    return out


def _hit(record: ArticleRecord, score: float, index: int, start: int, end: int, art: Article,
         tags: list[TagRecord], marks: list[tuple[int, int]]) -> Hit:
    return Hit("sentence", record.id, record.title or art.title, score, index, start, end,
               art.text[start:end], tuple(sorted({t.label for t in tags})),
               tuple(sorted({t.annotator for t in tags})), tuple(sorted(set(marks))))
