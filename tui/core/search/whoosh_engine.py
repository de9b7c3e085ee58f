"""The Whoosh implementation of the search seam: schema, writes, compiled queries.

With `whoosh_budget`, the only code that imports whoosh. Text is analysed by `analysis` (the
tokens tantivy would make), so both engines index the same terms. The schema version is part
of the index name, so an index written by an older newstag is seen as outdated and rebuilt.
"""

from __future__ import annotations

import contextlib
import shutil
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh import query as wq
from whoosh.analysis import Token, Tokenizer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from .analysis import terms
from .engine import (
    ArticleHit,
    ArticlePage,
    ArticleRecord,
    Budget,
    IndexBusy,
    IndexCorrupt,
    TagRecord,
)
from .query import And, Dates, Every, Keyword, Node, Not, Or, Phrase, State, Wild, Word, date_number
from .whoosh_budget import Clock, budgeted_search

SCHEMA_VERSION = 3
INDEX_NAME = f"newstag_v{SCHEMA_VERSION}"
FIELD = {"text": "body", "title": "title", "source": "source", "article": "article",
         "label": "label", "annotator": "annotator"}
TYPED_EXPANSIONS = 8  # an unfinished word stands for its most frequent completions only


class NewstagTokenizer(Tokenizer):  # type: ignore[misc]
    """Whoosh tokens from `analysis.terms` (already lowercased and stemmed)."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(self, value: str, positions: bool = False, chars: bool = False,  # noqa: PLR0913
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, tokenize: bool = True, mode: str = "",
                 **kwargs: Any) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        words = terms(value) if tokenize else [value]
        for pos, word in enumerate(words):
            t.text = word
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = word
            if positions:
                t.pos = start_pos + pos
            yield t


def make_schema() -> Schema:
    text = NewstagTokenizer()
    return Schema(
        uid=ID(unique=True),
        kind=ID,
        article=ID(stored=True, sortable=True),
        body=TEXT(analyzer=text, phrase=True),
        title=TEXT(analyzer=text, phrase=True),
        source=TEXT(analyzer=text),
        date=NUMERIC(int, bits=32),
        label=KEYWORD(commas=True, lowercase=True),
        annotator=KEYWORD(commas=True, lowercase=True),
        meta=STORED,
        tarticle=ID,
        tag=STORED,
    )


def _keywords(values: Iterable[str]) -> str:
    return ",".join(v.replace(",", " ").strip() for v in values)


def _wild(field: str, pattern: str) -> wq.Query:
    head = pattern.rstrip("*")
    if head and pattern.endswith("*") and not any(c in head for c in "*?"):
        return wq.Prefix(field, head)
    return wq.Wildcard(field, pattern)


def _has_not(node: Node) -> bool:
    if isinstance(node, Not):
        return True
    return isinstance(node, And | Or) and any(_has_not(c) for c in node.children)


class _Writer:
    def __init__(self, w: Any, bulk: bool) -> None:
        self.w = w
        self.bulk = bulk

    def put_article(self, article: ArticleRecord, tags: Iterable[TagRecord]) -> None:
        a = article
        if not self.bulk:
            self.delete_article(a.id)
        day = date_number(a.date)
        extra = {} if day is None else {"date": day}
        self.w.add_document(uid=f"a\x1f{a.id}", kind="a", article=a.id, body=a.body,
                            title=a.title, source=a.source, label=_keywords(a.labels),
                            annotator=_keywords(a.annotators), **extra,
                            meta={"file": a.file, "sha256": a.sha256, "title": a.title,
                                  "source": a.source, "date": a.date, "labels": a.labels,
                                  "annotators": a.annotators})
        for n, t in enumerate(tags):
            self.w.add_document(uid=f"t\x1f{a.id}\x1f{n}", kind="t", tarticle=a.id,
                                tag=(t.label, t.annotator, t.start, t.end, t.text))

    def delete_article(self, article_id: str) -> None:
        self.w.delete_by_term("article", article_id)
        self.w.delete_by_term("tarticle", article_id)


class WhooshEngine:
    """Article and tag documents in one Whoosh index folder."""

    name = "whoosh"

    def __init__(self, path: Path) -> None:
        self.path = path
        self._ix: Any = None
        self._searcher: Any = None
        self._lock = threading.RLock()

    # -- lifecycle ---------------------------------------------------------------------------
    def status(self) -> str:
        if not self.path.is_dir():
            return "missing"
        try:
            if not windex.exists_in(str(self.path), indexname=INDEX_NAME):
                old = any(p.name.endswith(".toc") for p in self.path.iterdir())
                return "outdated" if old else "missing"
            with self._lock, self._open().reader() as r:
                r.doc_count()
        except Exception:  # any failure to read a cache means: rebuild it
            self.close()
            return "corrupt"
        return "ok"

    def _open(self) -> Any:
        if self._ix is None:
            self._ix = windex.open_dir(str(self.path), indexname=INDEX_NAME)
        return self._ix

    def create(self) -> None:
        self.close()
        if self.path.exists():
            shutil.rmtree(self.path)
        self.path.mkdir(parents=True)
        self._ix = windex.create_in(str(self.path), make_schema(), indexname=INDEX_NAME)

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                with contextlib.suppress(Exception):
                    self._searcher.close()
            self._searcher = None
            if self._ix is not None:
                with contextlib.suppress(Exception):
                    self._ix.close()
            self._ix = None

    def files(self) -> Iterator[tuple[str, int]]:
        for p in sorted(self.path.iterdir()):
            if p.is_file() and "LOCK" not in p.name and not p.name.startswith("newstag-"):
                yield p.name, p.stat().st_size

    @contextlib.contextmanager
    def writer(self, timeout: float = 2.0, bulk: bool = False) -> Iterator[_Writer]:
        try:
            w = self._open().writer(timeout=timeout, delay=0.05, limitmb=256 if bulk else 64)
        except windex.LockError:
            raise IndexBusy(f"{self.path}: another newstag is writing the index") from None
        except Exception as exc:
            raise IndexCorrupt(f"{self.path}: cannot open the index for writing ({exc})") from None
        try:
            yield _Writer(w, bulk)
        except BaseException:
            w.cancel()
            raise
        w.commit(optimize=False)

    # -- reading -----------------------------------------------------------------------------
    def _get_searcher(self) -> Any:
        if self._searcher is not None and not self._searcher.up_to_date():
            # Not Searcher.refresh(): it reuses segment readers and so misses deletions.
            self._searcher.close()
            self._searcher = None
        if self._searcher is None:
            self._searcher = self._open().searcher()
        return self._searcher

    def _guard(self, fn: Any) -> Any:
        with self._lock:
            try:
                return fn(self._get_searcher())
            except (IndexCorrupt, IndexBusy):
                raise
            except Exception as exc:
                self.close()
                why = f"{type(exc).__name__}: {exc}"
                raise IndexCorrupt(f"{self.path}: the index is damaged ({why})") from None

    @staticmethod
    def _record(d: dict[str, Any]) -> ArticleRecord:
        m = d["meta"]
        return ArticleRecord(d["article"], m["file"], m["sha256"], m["title"], m["source"],
                             m["date"], "", tuple(m["labels"]), tuple(m["annotators"]))

    def article(self, article_id: str) -> ArticleRecord | None:
        def run(s: Any) -> ArticleRecord | None:
            doc = s.document(uid=f"a\x1f{article_id}")
            return None if doc is None else self._record(doc)
        result: ArticleRecord | None = self._guard(run)
        return result

    def tags(self, article_id: str) -> list[TagRecord]:
        def run(s: Any) -> list[TagRecord]:
            out = []
            for docnum in s.docs_for_query(wq.Term("tarticle", article_id)):
                label, annotator, start, end, text = s.stored_fields(docnum)["tag"]
                out.append(TagRecord(article_id, label, annotator, start, end, text))
            return sorted(out, key=lambda t: (t.start, t.end, t.label, t.annotator))
        result: list[TagRecord] = self._guard(run)
        return result

    def values(self, field: str) -> list[str]:
        def run(s: Any) -> list[str]:
            return [t.decode() if isinstance(t, bytes) else str(t)
                    for t in s.reader().lexicon(field)]
        result: list[str] = self._guard(run)
        return result

    def compile(self, node: Node, reader: Any = None) -> wq.Query:  # noqa: PLR0911
        if isinstance(node, Word):
            return wq.Term(FIELD[node.field], node.value)
        if isinstance(node, Phrase):
            return wq.Phrase(FIELD[node.field], list(node.values))
        if isinstance(node, Wild):
            field = FIELD[node.field]
            if node.typed and reader is not None:
                found: set[str] = set()
                for p in node.patterns:
                    found.update(reader.expand_prefix(field, p.rstrip("*")))
                best = sorted(found, key=lambda t: -reader.doc_frequency(field, t))
                return wq.Or([wq.Term(field, t) for t in best[:TYPED_EXPANSIONS]]
                             or [wq.NullQuery])
            return wq.Or([_wild(field, p) for p in node.patterns])
        if isinstance(node, Keyword):
            return wq.Term(FIELD[node.field], node.value)
        if isinstance(node, Dates):
            return wq.NumericRange("date", node.lo, node.hi)
        if isinstance(node, Every | State):
            return wq.Term("kind", "a")
        if isinstance(node, Not):
            return wq.Not(self.compile(node.child, reader))
        if isinstance(node, And):
            return wq.And([self.compile(c, reader) for c in node.children])
        assert isinstance(node, Or)
        return wq.Or([self.compile(c, reader) for c in node.children])

    def search(self, query: Node, offset: int, limit: int, scored: bool,
               budget: Budget | None = None) -> ArticlePage:
        def run(s: Any) -> ArticlePage:
            q = self.compile(query, s.reader())
            if _has_not(query):
                q = wq.And([q, wq.Term("kind", "a")])  # a NOT alone would match tag documents
            clock = None if budget is None else Clock(budget)
            if clock is not None and clock.spent():
                return ArticlePage((), 0, True)
            order = {} if scored else {"sortedby": "article"}
            r, stopped = budgeted_search(s, q, clock, limit=offset + limit, **order)
            hits = tuple(ArticleHit(self._record(h.fields()), float(h.score or 0.0) if scored
                                    else 0.0) for h in list(r)[offset:])
            count = r.scored_length() if stopped else len(r)
            return ArticlePage(hits, count, stopped)
        result: ArticlePage = self._guard(run)
        return result
