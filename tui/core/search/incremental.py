"""The incremental half of the index: what changed since the manifest, and only that re-done.

`Updater` is a collaborator of `SearchIndex` (not a mixin): it is handed what it needs and
declares it. An article file is re-read when its bytes changed (a new size or mtime is only the
hint to hash it); a tag file changed by someone else (a `git pull`) re-indexes its article with
the tags placed on the article's current text. Deleted files leave the index.

The no-change check is one `scandir` with `stat` per file and a dict lookup each (no hashing,
no parsing, no JSON): at 100k articles a fraction of a second, see bench/README.md.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..tags import TagDoc
from ..tagstore import TagFileError, TagStore
from ..workspace import ARTICLE_SUFFIXES
from . import manifest as mf
from .engine import Engine, EngineWriter
from .prepare import MAX_BYTES, Prepared, read_article, sha256_bytes, tag_records, with_tags

Progress = Callable[[int, int, str], None]  # (done, total, what is happening)


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
    tags: int = 0
    seconds: float = 0.0
    busy: bool = False
    engine: str = ""
    messages: list[str] = field(default_factory=list)

    @property
    def touched(self) -> int:
        return self.added + self.changed + self.removed + self.retagged


def scan_corpus(corpus: Path) -> Iterator[os.DirEntry[str]]:
    with os.scandir(corpus) as it:
        for e in it:
            if e.name.endswith(ARTICLE_SUFFIXES) and not e.name.startswith(".") and e.is_file():
                yield e


def tag_sig(path: Path, was: list[object] | None) -> tuple[list[object] | None, bool]:
    """(signature, whether its content changed); a file whose size and mtime are as before is
    not read at all."""
    st = path.stat()
    if was and was[1:3] == [st.st_size, st.st_mtime_ns]:
        return was, False
    sha = sha256_bytes(path.read_bytes())
    if was and was[3] == sha:
        return [was[0], st.st_size, st.st_mtime_ns, sha], False
    return None, True


class Updater:
    """Brings an existing index up to date with the corpus and the tag files."""

    def __init__(self, corpus: Path, store: TagStore, engine: Engine, folder: Path,
                 schema: int, max_bytes: int = MAX_BYTES) -> None:
        self.corpus: Path = corpus
        self.store: TagStore = store
        self.engine: Engine = engine
        self.folder: Path = folder
        self.schema: int = schema
        self.max_bytes: int = max_bytes

    # -- tags --------------------------------------------------------------------------------
    def docs_for(self, article_id: str, report: Report | None = None,
                 known: Mapping[str, TagDoc | None] | None = None) -> list[tuple[str, TagDoc]]:
        """Every annotator's tags on one article; `known` docs (the one a TUI save just wrote,
        None for no file) are used as they are, not read again."""
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

    def all_tag_docs(self, report: Report) -> tuple[dict[str, list[tuple[str, TagDoc]]],
                                                   dict[str, list[object]]]:
        by_article: dict[str, list[tuple[str, TagDoc]]] = {}
        sigs: dict[str, list[object]] = {}
        for annotator, path in self.store.iter_files():
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
            sigs[f"{annotator}/{path.name}"] = [loaded.doc.article, st.st_size, st.st_mtime_ns,
                                                sha256_bytes(data)]
        return by_article, sigs

    def changed_tags(self, old: dict[str, list[object]],
                     report: Report) -> tuple[dict[str, list[object]], set[str]]:
        """New tag-file signatures, and the articles whose tag files changed in content."""
        sigs: dict[str, list[object]] = {}
        articles: set[str] = set()
        for annotator, path in self.store.iter_files():
            key = f"{annotator}/{path.name}"
            was = old.get(key)
            try:
                same, changed = tag_sig(path, was)
                if not changed and same is not None:
                    sigs[key] = same
                    continue
                data = path.read_bytes()
                st = path.stat()
                loaded = self.store.load_path(path)
            except (OSError, TagFileError) as exc:
                report.messages.append(str(exc))
                if was:
                    articles.add(str(was[0]))  # unreadable now: its tags leave the index
                continue
            if loaded.doc is None:
                continue
            sigs[key] = [loaded.doc.article, st.st_size, st.st_mtime_ns, sha256_bytes(data)]
            articles.add(loaded.doc.article)
            if was:
                articles.add(str(was[0]))
        articles |= {str(sig[0]) for key, sig in old.items() if key not in sigs}
        return sigs, articles

    # -- articles ----------------------------------------------------------------------------
    def put(self, w: EngineWriter, path: Path, docs: list[tuple[str, TagDoc]] | None,
            m: mf.Manifest, report: Report) -> Prepared:
        """Read one article file and write its article and tag documents; `docs` None means
        read its tag files now."""
        prep, art = read_article(path, self.max_bytes)
        if prep.message:
            report.messages.append(prep.message)
        if prep.article is None or art is None:
            m.articles[prep.name] = ["", prep.size, prep.mtime_ns, prep.sha256, prep.message]
            return prep
        if docs is None:
            docs = self.docs_for(art.id, report)
        tags = tag_records(art, docs) if docs else []
        w.put_article(with_tags(prep.article, tags), tags)
        m.articles[prep.name] = [art.id, prep.size, prep.mtime_ns, prep.sha256, ""]
        report.articles += 1
        report.tags += len(tags)
        return prep

    def update(self, progress: Progress | None) -> Report:
        report = Report(engine=self.engine.name)
        m = mf.load(self.folder, self.schema, self.engine.name)
        assert m is not None
        seen: set[str] = set()
        todo: list[Path] = []
        articles = m.articles
        for e in scan_corpus(self.corpus):
            seen.add(e.name)
            st = e.stat()
            was = articles.get(e.name)
            if was is not None and was[1] == st.st_size and was[2] == st.st_mtime_ns:
                continue
            if was is not None:  # touched: only a changed content hash means re-indexing
                with contextlib.suppress(OSError):
                    if sha256_bytes(Path(e.path).read_bytes()) == was[3]:
                        articles[e.name] = [was[0], st.st_size, st.st_mtime_ns, was[3], was[4]]
                        continue
            todo.append(Path(e.path))
        gone_names = [name for name in articles if name not in seen] \
            if len(seen) != len(articles) or todo else []
        tag_sigs, retag = self.changed_tags(m.tags, report)
        if not (todo or gone_names or retag):
            if m.tags != tag_sigs:
                m.tags = tag_sigs
                mf.save(self.folder, m)
            return report
        gone = {str(articles[name][0]) for name in gone_names if articles[name][0]}
        redone: set[str] = set()
        file_of = {str(v[0]): name for name, v in articles.items() if v[0]} if retag else {}
        with self.engine.writer(timeout=5.0) as w:
            for name in gone_names:
                del articles[name]
            total = len(todo)
            for i, path in enumerate(sorted(todo), 1):
                prev = articles.get(path.name)
                prep = self.put(w, path, None, m, report)
                if prep.article is None:
                    if prev and prev[0]:
                        gone.add(str(prev[0]))  # it was indexed, now it cannot be read
                    continue
                redone.add(prep.article.id)
                report.added += prev is None
                report.changed += prev is not None
                if progress:
                    progress(i, total, "updating")
            for article_id in sorted(gone - redone):
                w.delete_article(article_id)
                report.removed += 1
            for article_id in sorted(retag - redone - gone):
                name = file_of.get(article_id)
                if name is not None:
                    self.put(w, self.corpus / name, None, m, report)
                    report.retagged += 1
        report.articles = 0  # counted above as a side effect of put(); an update reports changes
        mf.save_files(self.folder, dict(self.engine.files()))
        m.tags = tag_sigs
        m.corpus_mtime = self.corpus.stat().st_mtime_ns
        mf.save(self.folder, m)
        return report

    def retag(self, article_id: str, timeout: float,
              known: Mapping[str, TagDoc | None] | None = None) -> bool:
        """Re-index one article with its tag files as they are now (after a TUI save); the
        `known` docs are not read again (see `docs_for`)."""
        record = self.engine.article(article_id)
        if record is None:
            return False
        m = mf.load(self.folder, self.schema, self.engine.name)
        if m is None:
            return False
        report = Report()
        with self.engine.writer(timeout=timeout) as w:
            docs = self.docs_for(article_id, report, known) if known else None
            self.put(w, self.corpus / record.file, docs, m, report)
        for annotator in self.store.annotators():
            path = self.store.path_for(annotator, article_id)
            key = f"{annotator}/{path.name}"
            with contextlib.suppress(OSError):
                st = path.stat()
                m.tags[key] = [article_id, st.st_size, st.st_mtime_ns,
                               sha256_bytes(path.read_bytes())]
        mf.save_files(self.folder, dict(self.engine.files()))
        mf.save(self.folder, m)
        return True
