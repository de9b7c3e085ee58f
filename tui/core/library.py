"""What the library screen lists, without parsing every article on every start.

Each article's title, source and date are cached in `.newstag/library.json`, keyed by file name
and validated by size + mtime (the cheap check) — an article is only re-read when its file
changed. Tag counts are cached the same way per tag file.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import articles
from .atomic import write_atomic
from .tagstore import TagFileError, TagStore
from .textfile import TextFileError
from .workspace import ARTICLE_SUFFIXES, Workspace

CACHE_VERSION = 2


@dataclass(frozen=True, slots=True)
class Entry:
    """One article as the library shows it."""

    id: str
    file: str
    size: int
    mtime_ns: int
    title: str = ""
    source: str = ""
    date: str = ""
    error: str = ""  # a file we could not read (binary, empty): listed, not openable
    warning: str = ""  # read, but with a problem worth showing (not UTF-8)


@dataclass
class Library:
    entries: list[Entry]
    counts: dict[str, Counter[str]] = field(default_factory=dict)  # article id -> label -> n
    problems: list[str] = field(default_factory=list)

    def index_of(self, article_id: str) -> int | None:
        return next((i for i, e in enumerate(self.entries) if e.id == article_id), None)


def _scan(corpus: Path) -> list[os.DirEntry[str]]:
    with os.scandir(corpus) as it:
        found = [e for e in it if e.is_file() and e.name.endswith(ARTICLE_SUFFIXES) and not e.name.startswith(".")]
    found.sort(key=lambda e: e.name)
    return found


def _entry_for(path: Path, size: int, mtime_ns: int) -> Entry:
    stem = path.stem
    try:
        art = articles.load(path)
    except TextFileError as exc:
        return Entry(stem, path.name, size, mtime_ns, title=stem, error=str(exc))
    return Entry(stem, path.name, size, mtime_ns, art.title, art.meta.source, art.meta.date,
                 warning=art.warning or "")


def _read_cache(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("version") == CACHE_VERSION else {}


def load_library(ws: Workspace, labels: Iterable[str] = ()) -> Library:
    """List the corpus using the cache; re-read only new or changed files; save the cache back."""
    cache_path = ws.cache / "library.json"
    cache = _read_cache(cache_path)
    old_articles: dict[str, dict] = cache.get("articles", {})
    old_counts: dict[str, dict] = cache.get("tags", {})
    entries: list[Entry] = []
    new_articles: dict[str, dict] = {}
    changed = False
    for de in _scan(ws.corpus):
        st = de.stat()
        hit = old_articles.get(de.name)
        if hit and hit.get("size") == st.st_size and hit.get("mtime_ns") == st.st_mtime_ns:
            entry = Entry(**hit)
        else:
            entry = _entry_for(Path(de.path), st.st_size, st.st_mtime_ns)
            changed = True
        entries.append(entry)
        new_articles[de.name] = asdict(entry)
    if set(new_articles) != set(old_articles):
        changed = True
    counts, new_counts, problems, tags_changed = _tag_counts(TagStore(ws.tags), old_counts, set(labels))
    if changed or tags_changed:
        try:
            write_atomic(cache_path, json.dumps({"version": CACHE_VERSION, "articles": new_articles,
                                                 "tags": new_counts}).encode())
        except OSError:
            pass  # the cache is an optimisation; a read-only workspace still works
    return Library(entries, counts, problems)


def _tag_counts(store: TagStore, old: dict[str, dict], labels: set[str]):
    counts: dict[str, Counter[str]] = {}
    new: dict[str, dict] = {}
    problems: list[str] = []
    changed = False
    for annotator, path in store.iter_files():
        key = f"{annotator}/{path.name}"
        st = path.stat()
        hit = old.get(key)
        if hit and hit["size"] == st.st_size and hit["mtime_ns"] == st.st_mtime_ns:
            article, by_label = hit["article"], hit["labels"]
        else:
            changed = True
            try:
                loaded = store.load_path(path)
            except TagFileError as exc:
                problems.append(str(exc))
                continue
            if loaded.doc is None:
                continue
            article = loaded.doc.article
            by_label = dict(Counter(t.label for t in loaded.doc.tags if not t.orphan))
        new[key] = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "article": article, "labels": by_label}
        counts.setdefault(article, Counter()).update(by_label)
    if set(new) != set(old):
        changed = True
    return counts, new, problems, changed
