"""The tantivy implementation of the search seam, for large corpora.

Same documents and the same analysis as the Whoosh engine (tantivy's `en_stem` is the chain
`analysis` uses), so the same query tree finds the same articles. tantivy writes with its own
threads and answers in microseconds, which is what makes 100k articles interactive.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import tantivy
from tantivy import Occur
from tantivy import Query as Q

from .analysis import TOKENIZER, wildcard_regex
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

SCHEMA_VERSION = 3
VERSION_FILE = "newstag-tantivy-schema"
FIELD = {"text": "body", "title": "title", "source": "source", "article": "article",
         "label": "label", "annotator": "annotator"}
MAX_TAGS = 100_000  # tag documents read back for one article
TYPED_EXPANSIONS = 8  # an unfinished word stands for its most frequent completions only
TYPED_SCAN = 5000  # completions looked at to find those


def make_schema() -> tantivy.Schema:
    b = tantivy.SchemaBuilder()
    b.add_text_field("kind", tokenizer_name="raw", index_option="basic")
    b.add_text_field("article", stored=True, tokenizer_name="raw", index_option="basic")
    b.add_text_field("body", tokenizer_name=TOKENIZER)
    b.add_text_field("title", tokenizer_name=TOKENIZER)
    b.add_text_field("source", tokenizer_name=TOKENIZER)
    b.add_unsigned_field("date", indexed=True, fast=True)
    b.add_text_field("label", tokenizer_name="raw", index_option="basic")
    b.add_text_field("annotator", tokenizer_name="raw", index_option="basic")
    b.add_bytes_field("meta", stored=True)
    b.add_text_field("tarticle", tokenizer_name="raw", index_option="basic")
    b.add_bytes_field("tag", stored=True)
    return b.build()


def _has_not(node: Node) -> bool:
    if isinstance(node, Not):
        return True
    return isinstance(node, And | Or) and any(_has_not(c) for c in node.children)


class _Writer:
    def __init__(self, w: Any, schema: tantivy.Schema, bulk: bool) -> None:
        self.w = w
        self.schema = schema
        self.bulk = bulk

    def put_article(self, article: ArticleRecord, tags: Iterable[TagRecord]) -> None:
        a = article
        if not self.bulk:  # a fresh index has nothing to replace (deletes are paid at commit)
            self.delete_article(a.id)
        doc = tantivy.Document()
        doc.add_text("kind", "a")
        doc.add_text("article", a.id)
        doc.add_text("body", a.body)
        doc.add_text("title", a.title)
        doc.add_text("source", a.source)
        day = date_number(a.date)
        if day is not None:
            doc.add_unsigned("date", day)
        for label in a.labels:
            doc.add_text("label", label)
        for who in a.annotators:
            doc.add_text("annotator", who)
        doc.add_bytes("meta", json.dumps([a.file, a.sha256, a.title, a.source, a.date,
                                          a.labels, a.annotators]).encode())
        self.w.add_document(doc)
        for t in tags:
            tdoc = tantivy.Document()
            tdoc.add_text("kind", "t")
            tdoc.add_text("tarticle", a.id)
            tdoc.add_bytes("tag", json.dumps([t.label, t.annotator, t.start, t.end,
                                              t.text]).encode())
            self.w.add_document(tdoc)

    def delete_article(self, article_id: str) -> None:
        self.w.delete_documents_by_term("article", article_id)
        self.w.delete_documents_by_term("tarticle", article_id)


class TantivyEngine:
    """Article and tag documents in one tantivy index folder."""

    name = "tantivy"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.schema = make_schema()
        self._ix: Any = None
        self._lock = threading.RLock()

    # -- lifecycle ---------------------------------------------------------------------------
    def _version(self) -> str:
        try:
            return (self.path / VERSION_FILE).read_text(encoding="utf-8").strip()
        except OSError:
            return ""

    def status(self) -> str:
        if not self.path.is_dir() or not any(self.path.iterdir()):
            return "missing"
        if self._version() != str(SCHEMA_VERSION):
            return "outdated" if (self.path / "meta.json").exists() else "missing"
        try:
            with self._lock:
                ix = self._open()
                ix.reload()
                searcher = ix.searcher()
                searcher.search(Q.all_query(), 1, count=True)
        except Exception:  # any failure to read a cache means: rebuild it
            self.close()
            return "corrupt"
        return "ok"

    def _open(self) -> Any:
        if self._ix is None:
            self._ix = tantivy.Index(self.schema, str(self.path), reuse=True)
        return self._ix

    def create(self) -> None:
        self.close()
        if self.path.exists():
            shutil.rmtree(self.path)
        self.path.mkdir(parents=True)
        (self.path / VERSION_FILE).write_text(str(SCHEMA_VERSION), encoding="utf-8")
        self._ix = tantivy.Index(self.schema, str(self.path), reuse=False)

    def close(self) -> None:
        with self._lock:
            self._ix = None

    def files(self) -> Iterator[tuple[str, int]]:
        for p in sorted(self.path.iterdir()):
            if p.is_file() and not p.name.startswith((".tantivy", "newstag-")):
                yield p.name, p.stat().st_size

    @contextmanager
    def writer(self, timeout: float = 2.0, bulk: bool = False) -> Iterator[_Writer]:
        deadline = time.monotonic() + timeout
        while True:
            try:
                w = self._open().writer(heap_size=(128 if bulk else 16) * 1_000_000,
                                        num_threads=1)
                break
            except ValueError as exc:
                if "lock" not in str(exc).lower():
                    raise IndexCorrupt(f"{self.path}: cannot open the index for writing "
                                       f"({exc})") from None
                if time.monotonic() >= deadline:
                    raise IndexBusy(f"{self.path}: another newstag is writing the index") \
                        from None
                time.sleep(0.05)
            except Exception as exc:
                raise IndexCorrupt(f"{self.path}: cannot open the index for writing "
                                   f"({exc})") from None
        try:
            yield _Writer(w, self.schema, bulk)
        except BaseException:
            w.rollback()
            del w
            raise
        w.commit()
        w.wait_merging_threads()
        del w
        with self._lock:
            if self._ix is not None:
                self._ix.reload()

    # -- reading -----------------------------------------------------------------------------
    def _guard(self, fn: Any) -> Any:
        with self._lock:
            try:
                ix = self._open()
                return fn(ix.searcher())
            except (IndexCorrupt, IndexBusy):
                raise
            except Exception as exc:
                self.close()
                why = f"{type(exc).__name__}: {exc}"
                raise IndexCorrupt(f"{self.path}: the index is damaged ({why})") from None

    @staticmethod
    def _record(doc: Any) -> ArticleRecord:
        file, sha, title, source, date, labels, who = json.loads(bytes(doc.get_first("meta")))
        return ArticleRecord(doc.get_first("article"), file, sha, title, source, date, "",
                             tuple(labels), tuple(who))

    def _term(self, field: str, value: Any) -> Q:
        return Q.term_query(self.schema, field, value)

    def article(self, article_id: str) -> ArticleRecord | None:
        def run(s: Any) -> ArticleRecord | None:
            hits = s.search(self._term("article", article_id), 1, count=False).hits
            return self._record(s.doc(hits[0][1])) if hits else None
        result: ArticleRecord | None = self._guard(run)
        return result

    def tags(self, article_id: str) -> list[TagRecord]:
        def run(s: Any) -> list[TagRecord]:
            out = []
            for _score, addr in s.search(self._term("tarticle", article_id), MAX_TAGS,
                                         count=False).hits:
                label, who, start, end, text = json.loads(bytes(s.doc(addr).get_first("tag")))
                out.append(TagRecord(article_id, label, who, start, end, text))
            return sorted(out, key=lambda t: (t.start, t.end, t.label, t.annotator))
        result: list[TagRecord] = self._guard(run)
        return result

    def values(self, field: str) -> list[str]:
        def run(s: Any) -> list[str]:
            return sorted(str(t) for t, _n in s.terms_with_prefix(FIELD.get(field, field), ""))
        result: list[str] = self._guard(run)
        return result

    def _typed(self, node: Wild, searcher: Any) -> Q:
        """While typing, `b*` would be a union of every word starting with "b"; the most
        frequent few show the same first hits, and the next keystroke narrows them anyway."""
        field = FIELD[node.field]
        found: dict[str, int] = {}
        for p in node.patterns:
            for term, freq in searcher.terms_with_prefix(field, p.rstrip("*"),
                                                         limit=TYPED_SCAN):
                found[str(term)] = max(found.get(str(term), 0), int(freq))
        best = sorted(found, key=lambda t: -found[t])[:TYPED_EXPANSIONS]
        if not best:
            return Q.empty_query()
        return Q.term_set_query(self.schema, field, best)

    def compile(self, node: Node, searcher: Any = None) -> Q:  # noqa: PLR0911
        if isinstance(node, Word | Keyword):
            return self._term(FIELD[node.field], node.value)
        if isinstance(node, Phrase):
            return Q.phrase_query(self.schema, FIELD[node.field], list(node.values))
        if isinstance(node, Wild):
            if node.typed and searcher is not None:
                return self._typed(node, searcher)
            parts = [Q.regex_query(self.schema, FIELD[node.field], wildcard_regex(p))
                     for p in node.patterns]
            return parts[0] if len(parts) == 1 else \
                Q.boolean_query([(Occur.Should, p) for p in parts])
        if isinstance(node, Dates):
            return Q.range_query(self.schema, "date", tantivy.FieldType.Unsigned, node.lo,
                                 node.hi)
        if isinstance(node, Every | State):
            return self._term("kind", "a")
        if isinstance(node, Not):
            return Q.boolean_query([(Occur.Must, self._term("kind", "a")),
                                    (Occur.MustNot, self.compile(node.child, searcher))])
        if isinstance(node, And):
            return Q.boolean_query([(Occur.MustNot, self.compile(c.child, searcher))
                                    if isinstance(c, Not)
                                    else (Occur.Must, self.compile(c, searcher))
                                    for c in node.children]
                                   + [(Occur.Must, self._term("kind", "a"))] * _has_not(node))
        assert isinstance(node, Or)
        return Q.boolean_query([(Occur.Should, self.compile(c, searcher))
                                for c in node.children])

    def search(self, query: Node, offset: int, limit: int, scored: bool,
               budget: Budget | None = None) -> ArticlePage:
        if budget is not None and budget.cancelled():
            return ArticlePage((), 0, True)

        def run(s: Any) -> ArticlePage:
            found = s.search(self.compile(query, s), limit, count=True, offset=offset)
            hits = tuple(ArticleHit(self._record(s.doc(addr)), float(score) if scored else 0.0)
                         for score, addr in found.hits)
            return ArticlePage(hits, found.count, False)
        result: ArticlePage = self._guard(run)
        return result
