"""The incremental half of the index: what changed since the manifest, and only that re-done.

An article file is re-read when its bytes changed (a new size or mtime is only the hint to hash
it); a tag file changed by someone else (a `git pull`) re-labels its article's sentences without
touching the article's text. Deleted files leave the index. Mixed into `SearchIndex`.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..tags import TagDoc
from ..tagstore import TagFileError
from ..workspace import ARTICLE_SUFFIXES
from . import manifest as mf
from .prepare import overlay, sha256_bytes
from .whoosh_engine import SCHEMA_VERSION

if TYPE_CHECKING:
    from .indexer import Progress


@dataclass
class Report:
    """What an update did, for the CLI summary and the TUI status line."""

    rebuilt: bool = False
    reason: str = ""
    added: int = 0
    changed: int = 0
    removed: int = 0
    retagged: int = 0
    articles: int = 0
    sentences: int = 0
    seconds: float = 0.0
    busy: bool = False
    messages: list[str] = field(default_factory=list)

    @property
    def touched(self) -> int:
        return self.added + self.changed + self.removed + self.retagged


def scan_corpus(corpus: Path) -> list[os.DirEntry[str]]:
    with os.scandir(corpus) as it:
        found = [e for e in it if e.name.endswith(ARTICLE_SUFFIXES) and not e.name.startswith(".")
                 and e.is_file()]
    return sorted(found, key=lambda e: e.name)


class Incremental:
    # -- incremental update ------------------------------------------------------------------
    def _changed_tags(self, old: dict[str, list],
                      report: Report) -> tuple[dict[str, list], set[str]]:
        """New tag-file signatures, and the articles whose tag files changed in content."""
        sigs: dict[str, list] = {}
        articles: set[str] = set()
        for annotator, path in self.store.iter_files():
            key = f"{annotator}/{path.name}"
            was = old.get(key)
            try:
                st = path.stat()
                if was and was[1:3] == [st.st_size, st.st_mtime_ns]:
                    sigs[key] = was
                    continue
                data = path.read_bytes()
                sha = sha256_bytes(data)
                if was and was[3] == sha:
                    sigs[key] = [was[0], st.st_size, st.st_mtime_ns, sha]
                    continue
                loaded = self.store.load_path(path)
            except (OSError, TagFileError) as exc:
                report.messages.append(str(exc))
                if was:
                    articles.add(was[0])  # unreadable now: its tags leave the index
                continue
            if loaded.doc is None:
                continue
            sigs[key] = [loaded.doc.article, st.st_size, st.st_mtime_ns, sha]
            articles.add(loaded.doc.article)
            if was:
                articles.add(was[0])
        articles |= {sig[0] for key, sig in old.items() if key not in sigs}
        return sigs, articles

    def _update(self, progress: Progress | None) -> Report:
        report = Report()
        m = mf.load(self.path, SCHEMA_VERSION, self.engine_name)
        assert m is not None
        old = dict(m.articles)
        todo: list[Path] = []
        for e in scan_corpus(self.ws.corpus):
            st = e.stat()
            was = old.pop(e.name, None)
            if was and was[1] == st.st_size and was[2] == st.st_mtime_ns:
                continue
            if was:  # touched: only a changed content hash means re-indexing
                with contextlib.suppress(OSError):
                    if sha256_bytes(Path(e.path).read_bytes()) == was[3]:
                        m.articles[e.name] = [was[0], st.st_size, st.st_mtime_ns, was[3], was[4]]
                        continue
            todo.append(Path(e.path))
        tag_sigs, retag = self._changed_tags(m.tags, report)
        if not (todo or old or retag):
            if m.tags != tag_sigs:
                m.tags = tag_sigs
                mf.save(self.path, m)
            return report
        gone = {v[0] for v in old.values() if v[0]}
        redone: set[str] = set()
        with self.engine.writer(timeout=5.0) as w:
            for name in old:
                m.articles.pop(name, None)
            for prep in self._prepared(todo, progress, "updating"):
                prev = m.articles.get(prep.name)
                if prev and prev[0] and prep.article is None:
                    gone.add(prev[0])  # it was indexed, now it cannot be read: drop it
                docs = self.docs_for(prep.article.id, report) if prep.article else []
                self._put(w, prep, {prep.article.id: docs} if prep.article else {}, m, report)
                if prep.article is not None:
                    redone.add(prep.article.id)
                    report.added += prev is None
                    report.changed += prev is not None
            for article_id in sorted(gone - redone):
                w.delete_article(article_id)
                report.removed += 1
            for article_id in sorted(retag - redone - gone):
                if self._retag(w, article_id, self.docs_for(article_id, report)):
                    report.retagged += 1
        self._record_files(self.engine, self.path)
        m.tags = tag_sigs
        mf.save(self.path, m)
        return report

    def _retag(self, w, article_id: str, docs: list[tuple[str, TagDoc]]) -> bool:  # noqa: ANN001
        record = self.engine.article(article_id)
        if record is None:
            return False
        current = self.engine.sentences(article_id)
        fresh = overlay(current, docs, record.sha256)
        changed = any((old.labels, old.annotators) != (new.labels, new.annotators)
                      for old, new in zip(current, fresh, strict=True))
        if changed:
            # The whole group again, not single sentences: an article's sentence documents
            # must stay right after its own (the search relies on it). Its body is rebuilt
            # from the sentences, which cover the article's text.
            body = " ".join(s.text for s in fresh)
            w.put_article(replace(record, body=body), fresh)
        return changed

