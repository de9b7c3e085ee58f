"""The Whoosh implementation of the search seam: schema, writes, queries and highlights.

With `whoosh_query` and `whoosh_search`, the only code that imports whoosh. The schema
version is part of the index name, so an index written by an older newstag is seen as outdated
and rebuilt.
"""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import re
import shutil
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from whoosh import index as windex
from whoosh import query as wq
from whoosh.analysis import StandardAnalyzer, StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.lang.porter import stem

from .engine import ArticleRecord, Budget, Hit, IndexBusy, IndexCorrupt, Results, SentenceRecord
from .whoosh_query import make_parser, named_values, parse
from .whoosh_search import find

SCHEMA_VERSION = 2
INDEX_NAME = f"newstag_v{SCHEMA_VERSION}"


_TOKEN = re.compile(r"\w+(\.?\w+)*", re.UNICODE)  # whoosh's default RegexTokenizer


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return stem(word)


def analyzer():
    # No stop words: in news "may", "will", "not" and "US" are exactly what analysts look for.
    return StemmingAnalyzer(stoplist=None, minsize=1)


def make_schema() -> Schema:
    stem = analyzer()
    return Schema(
        uid=ID(unique=True),
        kind=ID,
        article=ID(stored=True, sortable=True),
        pos=NUMERIC(int, bits=32, stored=True, sortable=True),
        nsent=NUMERIC(int, bits=32, sortable=True),  # article docs: how many sentences follow
        span=STORED,
        text=TEXT(analyzer=stem, stored=True, phrase=True),
        body=TEXT(analyzer=stem, phrase=True),
        title=TEXT(analyzer=stem, phrase=True),
        source=TEXT(analyzer=StandardAnalyzer(stoplist=None, minsize=1)),
        date=ID,
        label=KEYWORD(commas=True, lowercase=True, stored=True),
        annotator=KEYWORD(commas=True, lowercase=True, stored=True),
        meta=STORED,
        **{"is": ID(stored=True)},
    )


def _keywords(values: Iterable[str]) -> str:
    return ",".join(v.replace(",", " ").strip() for v in values)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v for v in (value or "").split(",") if v)


def _hint(reader, q: wq.Query) -> str:  # noqa: ANN001 - a whoosh IndexReader
    """A label or annotator nobody has used would find nothing without a word why: name it and
    the ones in use (a typo in `label:specualtion` is the usual cause)."""
    for field, value in named_values(q):
        if reader.doc_frequency(field, value) == 0:
            used = [t.decode() if isinstance(t, bytes) else str(t)
                    for t in reader.lexicon(field)]
            listed = ", ".join(used[:12]) + (" …" if len(used) > 12 else "") if used else "none yet"
            return f"no sentence has {field} {value!r}; in use: {listed}"
    return ""


def _state(s: SentenceRecord) -> str:
    return "tagged" if s.labels else ("chrome" if s.chrome else "untagged")


class _Writer:
    def __init__(self, w, bulk: bool) -> None:  # noqa: ANN001 - a whoosh writer
        self.w = w
        self.bulk = bulk

    def _sentence(self, a: ArticleRecord, s: SentenceRecord, update: bool) -> None:
        fields = dict(uid=f"s\x1f{a.id}\x1f{s.index}", kind="s", article=a.id, pos=s.index,
                      span=(s.start, s.end), text=s.text, title=a.title, source=a.source,
                      date=a.date, label=_keywords(s.labels), annotator=_keywords(s.annotators),
                      **{"is": _state(s)})
        (self.w.update_document if update else self.w.add_document)(**fields)

    def put_article(self, article: ArticleRecord, sentences: Iterable[SentenceRecord]) -> None:
        if not self.bulk:
            self.w.delete_by_term("article", article.id)
        a = article
        self.w.add_document(uid=f"a\x1f{a.id}", kind="a", article=a.id, body=a.body, title=a.title,
                            source=a.source, date=a.date, nsent=a.sentences, **{"is": "article"},
                            meta={"file": a.file, "sha256": a.sha256, "title": a.title,
                                  "source": a.source, "date": a.date, "sentences": a.sentences})
        for s in sentences:
            self._sentence(a, s, update=False)

    def delete_article(self, article_id: str) -> None:
        self.w.delete_by_term("article", article_id)

    def put_sentences(self, article: ArticleRecord, sentences: Iterable[SentenceRecord]) -> None:
        for s in sentences:
            self._sentence(article, s, update=True)


class WhooshEngine:
    """Articles and sentences in one Whoosh index folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._ix = None
        self._searcher = None
        self._titles: dict[str, str] = {}
        self._lock = threading.RLock()
        self._parser = make_parser(make_schema())
        self._analyzer = analyzer()

    # -- lifecycle ---------------------------------------------------------------------------
    def status(self) -> str:
        if not self.path.is_dir():
            return "missing"
        try:
            if not windex.exists_in(str(self.path), indexname=INDEX_NAME):
                old = any(p.name.endswith(".toc") for p in self.path.iterdir())
                return "outdated" if old else "missing"
            with self._lock:
                ix = self._open()
                with ix.reader() as r:
                    r.doc_count()
        except Exception:  # any failure to read a cache means: rebuild it
            self.close()
            return "corrupt"
        return "ok"

    def _open(self):
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
            self._titles.clear()

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
        with self._lock:
            self._titles.clear()

    # -- reading -----------------------------------------------------------------------------
    def _get_searcher(self):
        if self._searcher is not None and not self._searcher.up_to_date():
            # Not Searcher.refresh(): it reuses segment readers and so misses deletions made
            # in a segment it already had open (a retagged sentence would show up twice).
            self._searcher.close()
            self._searcher = None
        if self._searcher is None:
            self._searcher = self._open().searcher()
        return self._searcher

    def _guard(self, fn):  # noqa: ANN001
        with self._lock:
            try:
                return fn(self._get_searcher())
            except IndexCorrupt:
                raise
            except Exception as exc:
                self.close()
                why = f"{type(exc).__name__}: {exc}"
                raise IndexCorrupt(f"{self.path}: the index is damaged ({why})") from None

    def article(self, article_id: str) -> ArticleRecord | None:
        def run(s):  # noqa: ANN001
            doc = s.document(uid=f"a\x1f{article_id}")
            if doc is None:
                return None
            m = doc["meta"]
            return ArticleRecord(article_id, m["file"], m["sha256"], m["title"], m["source"],
                                 m["date"], "", m["sentences"])
        return self._guard(run)

    def sentences(self, article_id: str) -> list[SentenceRecord]:
        def run(s):  # noqa: ANN001
            out = []  # the article's own term is a short list; kind:s would be every sentence
            for docnum in s.docs_for_query(wq.Term("article", article_id)):
                d = s.stored_fields(docnum)
                if "pos" in d:
                    out.append(self._record(d))
            return sorted(out, key=lambda r: r.index)
        return self._guard(run)

    @staticmethod
    def _record(d: dict) -> SentenceRecord:
        start, end = d["span"]
        return SentenceRecord(d["article"], d["pos"], start, end, d.get("text", ""),
                              _split(d.get("label")), _split(d.get("annotator")),
                              d.get("is") == "chrome")

    def _title(self, s, article_id: str) -> str:  # noqa: ANN001
        title = self._titles.get(article_id)
        if title is None:
            doc = s.document(uid=f"a\x1f{article_id}")
            title = doc["meta"]["title"] if doc else article_id
            self._titles[article_id] = title
        return title

    def search(self, query: str, limit: int = 50, typing: bool = False,
               budget: Budget | None = None) -> Results:
        parsed = parse(self._parser, query, typing)

        def run(searcher):  # noqa: ANN001
            found = find(searcher, parsed, limit, budget)
            hits = []
            for score, d in found.docs:
                if found.kind == "article":
                    m = d["meta"]
                    hits.append(Hit("article", d["article"], m["title"], score))
                    continue
                rec = self._record(d)
                marks = tuple(self.highlight(rec.text, parsed.terms)) if parsed.terms else ()
                hits.append(Hit("sentence", rec.article, self._title(searcher, rec.article), score,
                                rec.index, rec.start, rec.end, rec.text, rec.labels, rec.annotators,
                                marks))
            hint = "" if hits or found.partial else _hint(searcher.reader(), parsed.query)
            return Results(query, tuple(hits), max(found.total, len(hits)), parsed.terms,
                           found.kind, found.more or found.partial, found.partial, hint)
        return self._guard(run)

    def check(self, query: str) -> None:
        parse(self._parser, query)

    def highlight(self, text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
        exact = set()
        patterns = []
        for t in terms:
            if any(c in t for c in "*?"):
                patterns.append(re.compile(fnmatch.translate(t.lower())))
            else:
                exact.add(t)
        spans = []
        # The analyzer's own tokenizer pattern, and its stemmer behind a cache: a hit list
        # highlights hundreds of words per keystroke.
        for m in _TOKEN.finditer(text):
            word = m.group().lower()
            stemmed = _stem(word)
            if stemmed in exact or (patterns and any(p.match(word) or p.match(stemmed)
                                                     for p in patterns)):
                spans.append(m.span())
        return spans
