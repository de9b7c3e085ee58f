"""Keeping the index in step with the corpus and the tag files, and answering queries.

`SearchIndex.ensure()` rebuilds a missing, outdated or damaged index (into a new folder, swapped
in when complete, so a killed build leaves the old one or none), otherwise `Updater` re-reads
only the article and tag files whose bytes changed. Every write happens under
`.newstag/index.lock`, so a second newstag waits briefly, then searches what is there.

`search()` asks the engine for articles, best first, and finds each one's matching sentences
with the reader's segmentation (`matching`), a page of articles at a time.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from filelock import FileLock, Timeout

from ..tags import TagDoc
from ..tagstore import TagStore
from ..workspace import Workspace
from . import manifest as mf
from .engine import Budget, Engine, Hit, IndexBusy, IndexCorrupt, QueryError, Results
from .incremental import Progress, Report, Updater, scan_corpus
from .matching import ArticleTexts, sentence_hits
from .prepare import Prepared, from_wire, prepare_job, read_article
from .query import Keyword, Parsed, leaves, parse

SCHEMA_VERSION = 3
ENGINES = ("whoosh", "tantivy")
AUTO_TANTIVY = 20_000  # articles above which tantivy is chosen when nobody said which
POOL_MIN = 64  # below this many articles a process pool costs more than it saves
ARTICLE_BATCH = 12  # articles asked of the engine at a time while collecting sentences

__all__ = ["AUTO_TANTIVY", "ENGINES", "Progress", "Report", "SearchIndex", "choose_engine"]


def engine_factory(name: str) -> Callable[[Path], Engine]:
    if name == "tantivy":
        from .tantivy_engine import TantivyEngine

        return TantivyEngine
    if name == "whoosh":
        from .whoosh_engine import WhooshEngine

        return WhooshEngine
    raise QueryError(f"unknown search engine {name!r}; use whoosh or tantivy")


def choose_engine(ws: Workspace, requested: str | None = None) -> tuple[str, str]:
    """(engine name, a one-line notice or ""): `--engine`, then NEWSTAG_ENGINE, then the engine
    of the index already there, then by corpus size."""
    name = (requested or os.environ.get("NEWSTAG_ENGINE", "")).strip().lower()
    if name:
        if name not in ENGINES:
            where = "--engine" if requested else "NEWSTAG_ENGINE"
            raise QueryError(f"{where}={name!r} is not a search engine; use whoosh or tantivy")
        return name, ""
    existing = mf.engine_of(ws.cache / "index")
    if existing in ENGINES:
        return existing, ""
    count = sum(1 for _ in scan_corpus(ws.corpus)) if ws.corpus.is_dir() else 0
    if count > AUTO_TANTIVY:
        return "tantivy", (f"{count} articles: searching with tantivy (over {AUTO_TANTIVY:,}; "
                           "choose with --engine or NEWSTAG_ENGINE)")
    return "whoosh", ""


class SearchIndex:
    """The workspace's index in `.newstag/index/`, with the engine behind the `Engine` seam."""

    def __init__(self, ws: Workspace, engine: str | None = None, max_bytes: int | None = None,
                 procs: int | None = None) -> None:
        from .prepare import MAX_BYTES

        self.ws = ws
        self.path = ws.cache / "index"
        self.engine_name, self.notice = choose_engine(ws, engine)
        self.engine_factory = engine_factory(self.engine_name)
        self.engine: Engine = self.engine_factory(self.path)
        self.store = TagStore(ws.tags)
        self.max_bytes = max_bytes if max_bytes is not None else MAX_BYTES
        self.texts = ArticleTexts(ws.corpus, ws.cache)
        self.procs = procs if procs is not None else min(2, os.cpu_count() or 1)
        self._lock = FileLock(str(ws.cache / "index.lock"))

    @property
    def updater(self) -> Updater:
        return Updater(self.ws.corpus, self.store, self.engine, self.path, SCHEMA_VERSION,
                       self.max_bytes)

    # -- locking -----------------------------------------------------------------------------
    @contextlib.contextmanager
    def _locked(self, timeout: float) -> Iterator[None]:
        self.ws.cache.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire(timeout=timeout)
        except Timeout:
            raise IndexBusy(f"{self.path}: another newstag is updating the search index") from None
        try:
            yield
        finally:
            self._lock.release()

    # -- the entry point ---------------------------------------------------------------------
    def ensure(self, progress: Progress | None = None, rebuild: bool = False,
               timeout: float = 1.0, full: bool = False) -> Report:
        """Bring the index up to date. Raises `IndexBusy` if another process holds the lock.

        `full`: compare every article file's size and mtime, not only the folders' (see
        `manifest`); `newstag index` does, a search does not."""
        t0 = time.perf_counter()
        with self._locked(timeout):
            reason = "asked to rebuild" if rebuild else self._needs_rebuild()
            report = None if reason else self.updater.update(progress, full)
            if report is None:
                report = self._rebuild(reason or "the index manifest is unreadable", progress)
        report.seconds = time.perf_counter() - t0
        report.engine = self.engine_name
        return report

    def _needs_rebuild(self) -> str:
        status = self.engine.status()
        if status != "ok":
            return {"missing": "no index yet", "outdated": "the index is from an older newstag",
                    "corrupt": "the index is damaged"}.get(status, status)
        if mf.load_state(self.path, SCHEMA_VERSION, self.engine_name) is None:
            return "the index manifest is missing or outdated (or from the other engine)"
        damaged = mf.damaged_files(self.path, dict(self.engine.files()))
        if damaged:
            return f"index files missing or truncated: {', '.join(damaged[:3])}"
        return ""

    def docs_for(self, article_id: str, report: Report | None = None,
                 known: Mapping[str, TagDoc | None] | None = None) -> list[tuple[str, TagDoc]]:
        """Every annotator's tags on one article (a TUI save reaches the index through this);
        `known`: docs already in hand (the one just saved, None for no file), not read again."""
        return self.updater.docs_for(article_id, report, known)

    # -- full build --------------------------------------------------------------------------
    def _rebuild(self, reason: str, progress: Progress | None) -> Report:
        report = Report(rebuilt=True, reason=reason, engine=self.engine_name)
        new_path = self.ws.cache / f"index.new-{os.getpid()}"
        for stale in self.ws.cache.glob("index.*-*"):  # left by a killed build
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
        engine = self.engine_factory(new_path)
        engine.create()
        builder = Updater(self.ws.corpus, self.store, engine, new_path, SCHEMA_VERSION,
                          self.max_bytes)
        folders = mf.folders_signature(self.ws.corpus, self.ws.tags)  # before reading: no race
        tag_docs, tag_sigs = builder.all_tag_docs(report)
        m = mf.Manifest(new_path, SCHEMA_VERSION, self.engine_name, tag_sigs, folders)
        paths = [Path(p) for p in sorted(e.path for e in scan_corpus(self.ws.corpus))]
        total = len(paths)
        if progress:
            progress(0, total, "indexing")
        with engine.writer(timeout=5.0, bulk=True) as w:
            for i, (path, prep) in enumerate(zip(paths, self._read_all(paths), strict=True), 1):
                builder.put(w, path, tag_docs.get(path.stem, []), m, report, prep)
                if progress and (i % 200 == 0 or i == total):
                    progress(i, total, "indexing")
        mf.save_files(new_path, dict(engine.files()))
        m.save()
        engine.close()
        self.engine.close()
        old = self.ws.cache / f"index.old-{os.getpid()}"
        if self.path.exists():
            os.replace(self.path, old)
        os.replace(new_path, self.path)
        shutil.rmtree(old, ignore_errors=True)
        self.engine = self.engine_factory(self.path)
        report.added = report.articles
        return report

    def _read_all(self, paths: list[Path]) -> Iterator[Prepared]:
        """Every file read (title, source, date by the reader's rules: milliseconds each), over
        `procs` processes for a large corpus while this one feeds the engine."""
        if self.procs > 1 and len(paths) >= POOL_MIN:
            from ..segcache import make_pool  # spawn, quiet workers: safe inside the TUI

            with make_pool(self.procs) as pool:
                jobs = [(str(p), self.max_bytes) for p in paths]
                # Big chunks: each one costs the pool's threads in this process a wake-up, a
                # pickle and a future, and this process is also the one feeding the engine.
                chunk = max(8, min(256, len(jobs) // (4 * self.procs)))
                yield from map(from_wire, pool.map(prepare_job, jobs, chunksize=chunk))
        else:
            for p in paths:
                yield read_article(p, self.max_bytes)[0]

    def update_tags(self, article_id: str, timeout: float = 0.5,
                    known: Mapping[str, TagDoc | None] | None = None) -> bool:
        """Re-index one article with its tag files (after a TUI save); `known` as in
        `docs_for`."""
        with self._locked(timeout):
            if not self.path.is_dir() or self.engine.status() != "ok":
                return False  # no index yet: the next ensure() builds it with these tags
            return self.updater.retag(article_id, timeout, known)

    # -- searching ---------------------------------------------------------------------------
    def search(self, query: str, limit: int = 50, progress: Progress | None = None,
               typing: bool = False, budget: Budget | None = None, start: int = 0,
               articles: int | None = None) -> Results:
        """Sentence hits of the best articles from article number `start` on, whole articles
        until at least `limit` hits or `articles` articles (a page of the TUI); a damaged index
        is rebuilt once and asked again."""
        t0 = time.perf_counter()
        parsed = parse(query, typing)
        page = articles or 1_000_000_000
        try:
            results = self._answer(parsed, limit, budget, start, page)
        except IndexCorrupt as exc:
            with self._locked(timeout=600.0):
                self.engine.close()
                try:  # another thread or process may have rebuilt it meanwhile
                    results = self._answer(parsed, limit, budget, start, page)
                except IndexCorrupt:
                    self._rebuild(f"the index is damaged ({exc})", progress)
                    results = self._answer(parsed, limit, budget, start, page)
        return _took(results, t0)

    def _answer(self, parsed: Parsed, limit: int, budget: Budget | None, start: int,
                page_articles: int) -> Results:
        deadline = None if budget is None or budget.seconds is None \
            else time.perf_counter() + budget.seconds
        if parsed.articles_only:
            page = self.engine.search(parsed.article_query, start, limit, parsed.scored, budget)
            hits = tuple(Hit("article", h.record.id, h.record.title, h.score) for h in page.hits)
            end = start + len(hits)
            return Results(parsed.text, hits, page.count, parsed.terms, "article",
                           end < page.count, page.partial, "", page.count, end)
        found: list[Hit] = []
        offset, count, partial = start, 0, False
        while True:
            left = None if deadline is None else max(0.0, deadline - time.perf_counter())
            page = self.engine.search(parsed.article_query, offset, ARTICLE_BATCH, parsed.scored,
                                      None if budget is None else Budget(left, budget.cancelled))
            count, partial = page.count, partial or page.partial
            for ah in page.hits:
                offset += 1
                loaded = self.texts.get(ah.record)
                if loaded is None:
                    continue
                tags = self.engine.tags(ah.record.id) if ah.record.labels else []
                found.extend(sentence_hits(parsed, ah.record, ah.score, loaded, tags))
                if len(found) >= limit or offset - start >= page_articles:
                    break
                if budget is not None and (budget.cancelled() or (
                        deadline is not None and time.perf_counter() >= deadline and found)):
                    partial = True
                    break
            if (partial or len(found) >= limit or offset >= count or not page.hits
                    or offset - start >= page_articles):
                break
        hint = "" if found or partial else self._hint(parsed)
        return Results(parsed.text, tuple(found), len(found), parsed.terms, "sentence",
                       offset < count or partial, partial, hint, count, offset)

    def _hint(self, parsed: Parsed) -> str:
        """A label or annotator nobody has used would find nothing without a word why: name it
        and the ones in use (a typo in `label:specualtion` is the usual cause)."""
        for node, negated in leaves(parsed.node):
            if negated or not isinstance(node, Keyword) or node.field not in ("label",
                                                                              "annotator"):
                continue
            used = self.engine.values(node.field)
            if node.value not in used:
                listed = (", ".join(used[:12]) + (" …" if len(used) > 12 else "")
                          if used else "none yet")
                return f"no sentence has {node.field} {node.value!r}; in use: {listed}"
        return ""

    def check_query(self, query: str) -> None:
        """Raise `QueryError` for a query that cannot be understood, before any indexing."""
        parse(query)

    def close(self) -> None:
        self.engine.close()


def _took(r: Results, t0: float) -> Results:
    from dataclasses import replace

    return replace(r, took_ms=round((time.perf_counter() - t0) * 1000, 1))
