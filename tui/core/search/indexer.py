"""Keeping the index in step with the corpus and the tag files: incremental, by content hash.

`SearchIndex.ensure()` is the one entry point: it rebuilds a missing, outdated or damaged index
(into a new folder, swapped in when complete, so a killed build leaves the old one or none),
otherwise re-reads only the article and tag files whose bytes changed. Every write happens
under `.newstag/index.lock`, so a second newstag waits briefly, then searches what is there.
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
from ..tagstore import TagFileError, TagStore
from ..workspace import Workspace
from . import manifest as mf
from .engine import Budget, Engine, IndexBusy, IndexCorrupt, Results
from .incremental import Incremental, Report, scan_corpus
from .prepare import MAX_BYTES, Prepared, overlay, prepare, prepare_job, sha256_bytes
from .whoosh_engine import SCHEMA_VERSION, WhooshEngine

Progress = Callable[[int, int, str], None]  # (done, total, what is happening)
POOL_MIN = 64  # below this many articles a process pool costs more than it saves


class SearchIndex(Incremental):
    """The workspace's index in `.newstag/index/`, with the engine behind the `Engine` seam."""

    def __init__(self, ws: Workspace, engine_factory: Callable[[Path], Engine] = WhooshEngine,
                 max_bytes: int = MAX_BYTES, procs: int | None = None) -> None:
        self.ws = ws
        self.path = ws.cache / "index"
        self.engine_factory = engine_factory
        self.engine: Engine = engine_factory(self.path)
        self.engine_name = type(self.engine).__name__
        self.store = TagStore(ws.tags)
        self.max_bytes = max_bytes
        self.procs = procs if procs is not None else min(2, os.cpu_count() or 1)
        self._lock = FileLock(str(ws.cache / "index.lock"))

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

    def _record_files(self, engine: Engine, folder: Path) -> None:
        mf.save_files(folder, dict(engine.files()))

    # -- the entry point ---------------------------------------------------------------------
    def ensure(self, progress: Progress | None = None, rebuild: bool = False,
               timeout: float = 1.0) -> Report:
        """Bring the index up to date. Raises `IndexBusy` if another process holds the lock."""
        t0 = time.perf_counter()
        with self._locked(timeout):
            reason = "asked to rebuild" if rebuild else self._needs_rebuild()
            report = self._rebuild(reason, progress) if reason else self._update(progress)
        report.seconds = time.perf_counter() - t0
        return report

    def _needs_rebuild(self) -> str:
        status = self.engine.status()
        if status != "ok":
            return {"missing": "no index yet", "outdated": "the index is from an older newstag",
                    "corrupt": "the index is damaged"}.get(status, status)
        if mf.load(self.path, SCHEMA_VERSION, self.engine_name) is None:
            return "the index manifest is missing or outdated"
        damaged = mf.damaged_files(self.path, dict(self.engine.files()))
        if damaged:
            return f"index files missing or truncated: {', '.join(damaged[:3])}"
        return ""

    # -- reading tag files -------------------------------------------------------------------
    def _tag_docs(self, report: Report) -> tuple[dict[str, list[tuple[str, TagDoc]]],
                                                 dict[str, list]]:
        by_article: dict[str, list[tuple[str, TagDoc]]] = {}
        sigs: dict[str, list] = {}
        for annotator, path in self.store.iter_files():
            key = f"{annotator}/{path.name}"
            try:
                data = path.read_bytes()
                st = path.stat()
                loaded = self.store.load_path(path)
            except (OSError, TagFileError) as exc:
                report.messages.append(str(exc))
                continue
            if loaded.doc is None:
                continue
            by_article.setdefault(loaded.doc.article, []).append((annotator, loaded.doc))
            sigs[key] = [loaded.doc.article, st.st_size, st.st_mtime_ns, sha256_bytes(data)]
        return by_article, sigs

    def docs_for(self, article_id: str, report: Report | None = None,
                 known: Mapping[str, TagDoc | None] | None = None) -> list[tuple[str, TagDoc]]:
        """Every annotator's tags on one article (a TUI save reaches the index through this).

        `known`: docs already in hand (the one just saved, None for no file), not read again.
        """
        out = []
        known = known or {}
        for annotator in sorted(set(self.store.annotators()) | set(known)):
            if annotator in known:
                doc = known[annotator]
                if doc is not None:
                    out.append((annotator, doc))
                continue
            try:
                loaded = self.store.load(annotator, article_id)
            except (TagFileError, ValueError) as exc:
                if report is not None:
                    report.messages.append(str(exc))
                continue
            if loaded.doc is not None:
                out.append((annotator, loaded.doc))
        return out

    # -- preparing articles ------------------------------------------------------------------
    def _prepared(self, paths: list[Path], progress: Progress | None,
                  what: str) -> Iterator[Prepared]:
        total = len(paths)
        if progress:
            progress(0, total, what)
        if self.procs > 1 and total >= POOL_MIN:
            from ..segcache import make_pool  # spawn, quiet workers: safe inside the TUI

            with make_pool(self.procs) as pool:
                jobs = [(str(p), self.max_bytes, str(self.ws.cache)) for p in paths]
                for i, prep in enumerate(pool.map(prepare_job, jobs, chunksize=16), 1):
                    if progress and (i % 50 == 0 or i == total):
                        progress(i, total, what)
                    yield prep
        else:
            for i, p in enumerate(paths, 1):
                yield prepare(p, self.max_bytes, self.ws.cache)
                if progress:
                    progress(i, total, what)

    # -- full build --------------------------------------------------------------------------
    def _rebuild(self, reason: str, progress: Progress | None) -> Report:
        report = Report(rebuilt=True, reason=reason)
        new_path = self.ws.cache / f"index.new-{os.getpid()}"
        for stale in self.ws.cache.glob("index.*-*"):  # left by a killed build
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
        engine = self.engine_factory(new_path)
        engine.create()
        tag_docs, tag_sigs = self._tag_docs(report)
        m = mf.Manifest(SCHEMA_VERSION, self.engine_name, {}, tag_sigs)
        paths = [Path(e.path) for e in scan_corpus(self.ws.corpus)]
        with engine.writer(timeout=5.0, bulk=True) as w:
            for prep in self._prepared(paths, progress, "indexing"):
                self._put(w, prep, tag_docs, m, report)
        self._record_files(engine, new_path)
        mf.save(new_path, m)
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

    def _put(self, w, prep: Prepared, tag_docs, m: mf.Manifest, report: Report) -> None:  # noqa: ANN001
        if prep.message:
            report.messages.append(prep.message)
        if prep.article is None:
            m.articles[prep.name] = ["", prep.size, prep.mtime_ns, prep.sha256, prep.message]
            return
        a = prep.article
        sents = overlay(prep.sentences, tag_docs.get(a.id, ()), a.sha256)
        w.put_article(a, sents)
        m.articles[prep.name] = [a.id, prep.size, prep.mtime_ns, prep.sha256, ""]
        report.articles += 1
        report.sentences += len(sents)

    def update_tags(self, article_id: str, timeout: float = 0.5,
                    known: Mapping[str, TagDoc | None] | None = None) -> bool:
        """Apply the tag files of one article to its sentence documents (after a TUI save);
        `known` as in `docs_for`."""
        with self._locked(timeout):
            if not self.path.is_dir():
                return False  # no index yet: the next ensure() builds it with these tags
            with self.engine.writer(timeout=timeout) as w:
                changed = self._retag(w, article_id, self.docs_for(article_id, known=known))
            self._record_files(self.engine, self.path)
            return changed

    # -- searching ---------------------------------------------------------------------------
    def search(self, query: str, limit: int = 50, progress: Progress | None = None,
               typing: bool = False, budget: Budget | None = None) -> Results:
        """Search; a damaged index is rebuilt once and the query answered from the new one."""
        try:
            return self.engine.search(query, limit, typing, budget)
        except IndexCorrupt as exc:
            with self._locked(timeout=600.0):
                self.engine.close()
                try:  # another thread or process may have rebuilt it meanwhile
                    return self.engine.search(query, limit, typing, budget)
                except IndexCorrupt:
                    self._rebuild(f"the index is damaged ({exc})", progress)
            return self.engine.search(query, limit, typing, budget)

    def check_query(self, query: str) -> None:
        """Raise `QueryError` for a query that cannot be understood, before any indexing."""
        self.engine.check(query)

    def highlight(self, text: str, terms: tuple[str, ...] | list[str]) -> list[tuple[int, int]]:
        return self.engine.highlight(text, terms)

    def close(self) -> None:
        self.engine.close()
