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
from .prepare import (
    MAX_BYTES,
    Prepared,
    article_of,
    read_article,
    sha256_bytes,
    tag_records,
    with_tags,
)

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
            m: mf.Manifest, report: Report, prep: Prepared | None = None) -> Prepared:
        """Write one article's article and tag documents (`prep`: the file as read already,
        else read now); `docs` None means read its tag files now."""
        if prep is None:
            prep = read_article(path, self.max_bytes)[0]
        if prep.message:
            report.messages.append(prep.message)
        record = prep.article
        if record is None:
            m.set(prep.name, ["", prep.size, prep.mtime_ns, prep.sha256, prep.message,
                              prep.inode])
            return prep
        if docs is None:
            docs = self.docs_for(record.id, report)
        tags = tag_records(article_of(record, path), docs) if docs else []
        w.put_article(with_tags(record, tags) if tags else record, tags)
        m.set(prep.name, [record.id, prep.size, prep.mtime_ns, prep.sha256, "", prep.inode])
        report.articles += 1
        report.tags += len(tags)
        return prep

    def quick_check(self) -> bool:
        """True when no corpus or tag folder changed since the last update (a few `stat`s)."""
        state = mf.load_state(self.folder, self.schema, self.engine.name)
        return state is not None and state == mf.folders_signature(self.corpus, self.store.root)

    def update(self, progress: Progress | None, full: bool = False) -> Report | None:
        """Re-index what changed; None when the manifest is unreadable (rebuild instead).

        Without `full`, a folder whose mtime is as before is not listed at all; `full`
        compares every file's size and mtime (an edit in place leaves its folder alone)."""
        report = Report(engine=self.engine.name)
        now = mf.folders_signature(self.corpus, self.store.root)  # before looking: no race
        state = mf.load_state(self.folder, self.schema, self.engine.name)
        if not full and state == now:
            return report
        m = mf.load(self.folder, self.schema, self.engine.name)
        if m is None:
            return None
        corpus_same = not full and bool(m.folders) and m.folders[0] == now[0]
        tags_same = not full and bool(m.folders) and m.folders[1:] == now[1:]
        todo, gone_names = ([], []) if corpus_same else self._changed_files(m, full)
        tag_sigs, retag = (m.tags, set()) if tags_same else self.changed_tags(m.tags, report)
        if not (todo or gone_names or retag):
            m.tags = tag_sigs
            m.folders = now
            m.save()
            return report
        gone = {str(e[0]) for e in map(m.get, gone_names) if e and e[0]}
        redone: set[str] = set()
        file_of = {Path(name).stem: name for name in m.inodes} if retag else {}
        with self.engine.writer(timeout=5.0) as w:
            for name in gone_names:
                m.delete(name)
            total = len(todo)
            for i, path in enumerate(sorted(todo), 1):
                prev = m.get(path.name)
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
                file_name = file_of.get(article_id)
                if file_name is not None:
                    self.put(w, self.corpus / file_name, None, m, report)
                    report.retagged += 1
        report.articles = 0  # counted above as a side effect of put(); an update reports changes
        mf.save_files(self.folder, dict(self.engine.files()))
        m.tags = tag_sigs
        m.folders = now
        m.save()
        return report

    def _changed_files(self, m: mf.Manifest, full: bool) -> tuple[list[Path], list[str]]:
        """(files to re-index, names gone). The corpus folder is listed once; its entries'
        inodes (free from `scandir`) are compared with the manifest's as two dicts, so only
        new or replaced files are `stat`ed, and hashed only if their size or mtime moved.
        `full` also stats the rest (edits in place keep the inode)."""
        with os.scandir(self.corpus) as it:
            now = {e.name: e.inode() for e in it if e.name.endswith(ARTICLE_SUFFIXES)
                   and not e.name.startswith(".") and e.is_file()}
        gone = sorted(m.inodes.keys() - now.keys())
        suspects = sorted(now) if full else sorted(n for n, _ in now.items() - m.inodes.items())
        todo: list[Path] = []
        for name in suspects:
            path = self.corpus / name
            was = m.get(name)
            try:
                st = path.stat()
                if was is not None and was[1] == st.st_size and was[2] == st.st_mtime_ns:
                    if was[5] != st.st_ino:
                        m.set(name, [*was[:5], st.st_ino])
                    continue
                if was is not None and sha256_bytes(path.read_bytes()) == was[3]:
                    m.set(name, [was[0], st.st_size, st.st_mtime_ns, was[3], was[4],
                                 st.st_ino])
                    continue
            except OSError:
                continue  # gone while looking: the next update sees it
            todo.append(path)
        return todo, gone

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
        m.save()
        return True
