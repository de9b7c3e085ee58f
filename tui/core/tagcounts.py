"""Per-article tag counts for the library, cached per tag file so start-up reads no YAML at all.

Each tag file's counts are kept in `.newstag/tagcounts-v1.json` with its size and mtime; a file is
parsed again (through `tagstore`, the only reader of tag YAML) only when those change.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from .problems import Problem

CACHE_NAME = "tagcounts-v1.json"
Counts = dict[str, Counter[str]]


def _read(cache_root: Path) -> dict[str, dict]:
    try:
        data = json.loads((cache_root / CACHE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    return files if isinstance(files, dict) else {}


def _aggregate(files: dict[str, dict]) -> tuple[Counts, list[Problem]]:
    counts: Counts = {}
    problems: list[Problem] = []
    for key in sorted(files):
        info = files[key]
        found = [str(p) for p in info.get("problems", ())]
        if found:  # one problem per file (its key is `annotator/file.yaml`), as the TUI shows it
            more = f" (and {len(found) - 1} more: newstag validate)" if len(found) > 1 else ""
            problems.append(Problem(key, found[0] + more, bool(info.get("fatal"))))
        article = info.get("article")
        if isinstance(article, str):
            counts.setdefault(article, Counter()).update(info.get("labels", {}))
    return counts, problems


def load_counts(cache_root: Path) -> tuple[Counts, list[Problem]]:
    """Counts (article id -> label -> n) and problems as last seen; reads only the cache."""
    return _aggregate(_read(cache_root))


def refresh_counts(cache_root: Path, tags_root: Path) -> tuple[Counts, list[Problem], bool]:
    """Counts checked against the tag files now; re-parses changed files; saves the cache.

    Returns (counts, problems, whether anything differed from the cache). Problems are the
    file's own (unreadable, malformed); label checks are `newstag validate`'s.
    """
    from .tagstore import TagFileError, TagStore  # YAML and file locks: only when really checking

    old = _read(cache_root)
    store = TagStore(tags_root)
    new: dict[str, dict] = {}
    changed = False
    for annotator, path in store.iter_files():
        key = f"{annotator}/{path.name}"
        try:
            st = path.stat()
        except OSError:
            continue
        hit = old.get(key)
        if hit and hit.get("size") == st.st_size and hit.get("mtime_ns") == st.st_mtime_ns:
            new[key] = hit
            continue
        changed = True
        info: dict = {"size": st.st_size, "mtime_ns": st.st_mtime_ns}
        try:
            loaded = store.load_path(path)
        except TagFileError as exc:
            info["problems"] = [str(exc)]
            info["fatal"] = True
        else:
            if loaded.doc is not None:
                info["article"] = loaded.doc.article
                info["labels"] = dict(Counter(t.label for t in loaded.doc.tags if not t.orphan))
            if loaded.problems:
                info["problems"] = list(loaded.problems)
        new[key] = info
    if set(new) != set(old):
        changed = True
    if changed:
        _write(cache_root, new)
    counts, problems = _aggregate(new)
    return counts, problems, changed


def _write(cache_root: Path, files: dict[str, dict]) -> None:
    path = cache_root / CACHE_NAME
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        cache_root.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"version": 1, "files": files}, ensure_ascii=False)
        tmp.write_text(data, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # only a cache
