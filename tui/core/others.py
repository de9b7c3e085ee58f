"""Other annotators' tags on the open article: loaded read-only, re-read when their files change.

Tags made on another version of the article are re-anchored in memory (`current_doc`: their
files are theirs to save), so they show where their text is now; those whose text is gone are
counted as orphaned and said so on the status line, never silently dropped.

A file that cannot be read (merge-conflict markers, bad YAML) is remembered with its signature
like any other: it is reported once per version of its bytes, not on every poll.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .current import current_doc
from .tags import TagDoc
from .tagstore import TagFileError, TagStore

if TYPE_CHECKING:
    from .articles import Article


def signature(path: Path) -> tuple[int, int]:
    """(mtime, size) of a file, (0, 0) when it is gone: "did it change" without reading it."""
    try:
        st = path.stat()
    except OSError:
        return (0, 0)
    return (st.st_mtime_ns, st.st_size)


def problem_key(store: TagStore, path: Path) -> str:
    """How a tag file is named in the list of known problems: `annotator/file.yaml`."""
    try:
        return path.relative_to(store.root).as_posix()
    except ValueError:
        return path.as_posix()


class OtherTags:
    """Everyone's tags but mine on one article, with a cheap "did any file change" check."""

    def __init__(self, store: TagStore, me: str, labels: set[str]) -> None:
        self.store = store
        self.me = me
        self.labels = labels
        self.docs: dict[str, TagDoc] = {}
        self.orphaned: dict[str, int] = {}  # annotator -> tags of theirs not found in the text
        self.problems: dict[str, str] = {}  # problem key -> one line, for the files now broken
        self.fine: set[str] = set()  # problem keys of the files that read fine just now
        self._seen: dict[str, tuple[int, int]] = {}

    def load(self, article_id: str, article: Article | None = None) -> dict[str, str]:
        """Read every other annotator's file for this article; returns their problems by key.

        With the `article`, tags are placed on its current text (in memory only).
        """
        self.docs, self.orphaned, self._seen = {}, {}, {}
        self.problems, self.fine = {}, set()
        for who in self.store.annotators():
            if who == self.me:
                continue
            try:
                path = self.store.path_for(who, article_id)
            except (TagFileError, ValueError) as exc:
                self.problems[f"{who}/"] = str(exc)
                self._seen[who] = (0, 0)  # said once; `changed` asks no more about it
                continue
            self._seen[who] = signature(path)  # broken or not: re-read only once it changes
            key = problem_key(self.store, path)
            try:
                loaded = self.store.load_path(path, self.labels)
            except TagFileError as exc:
                self.problems[key] = str(exc)
                continue
            self.fine.add(key)
            doc = loaded.doc
            if doc is None or not doc.tags:
                continue
            if article is not None:
                doc = current_doc(doc, article)[0]
            self.docs[who] = doc
            lost = sum(1 for t in doc.tags if t.orphan)
            if lost:
                self.orphaned[who] = lost
        return self.problems

    def changed(self, article_id: str) -> bool:
        """True when an annotator appeared or vanished, or one of their files changed."""
        others = {w for w in self.store.annotators() if w != self.me}
        if others != set(self._seen):
            return True
        try:
            return any(signature(self.store.path_for(w, article_id)) != sig
                       for w, sig in self._seen.items())
        except (TagFileError, ValueError):
            return False  # an unsafe name or a link out of the tags folder: reported at load


class DocCache:
    """Every annotator's tags per article, parsed once per version of each file.

    The search screen shows, for a hit it refreshes, who tagged that sentence: this answers from
    memory unless a file changed (a `stat` per annotator), and `saved` puts in what the session
    just wrote, so a save is never read back.
    """

    MAX_ARTICLES = 64

    def __init__(self, store: TagStore, labels: set[str]) -> None:
        self.store = store
        self.labels = labels
        # article id -> annotator -> (signature, doc)
        self._docs: dict[str, dict[str, tuple[tuple[int, int], TagDoc | None]]] = {}

    def saved(self, annotator: str, article_id: str, doc: TagDoc | None) -> None:
        if article_id in self._docs:
            try:
                sig = signature(self.store.path_for(annotator, article_id))
            except (TagFileError, ValueError):
                return
            self._docs[article_id][annotator] = (sig, doc)

    def docs_for(self, article_id: str) -> list[tuple[str, TagDoc]]:
        """(annotator, doc) of everyone with tags on the article; unreadable files skipped."""
        known = self._docs.pop(article_id, {})
        self._docs[article_id] = known  # most recently used last
        while len(self._docs) > self.MAX_ARTICLES:
            self._docs.pop(next(iter(self._docs)))
        out: list[tuple[str, TagDoc]] = []
        for who in self.store.annotators():
            try:
                path = self.store.path_for(who, article_id)
            except (TagFileError, ValueError):
                continue
            sig = signature(path)
            hit = known.get(who)
            if hit is None or hit[0] != sig:
                try:
                    doc = self.store.load_path(path, self.labels).doc
                except TagFileError:
                    doc = None
                hit = known[who] = (sig, doc)
            if hit[1] is not None:
                out.append((who, hit[1]))
        return out
