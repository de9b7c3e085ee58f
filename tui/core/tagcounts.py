"""Per-article tag counts for the library: how many *sentences* carry each label, per annotator.

A count means what the library's header says: sentences (not tags) carrying the label, so a
14-sentence article never shows 20. Each tag file's result is the set of sentence numbers per
label, so "all annotators" is the union of those sets (a sentence two people tagged counts once),
not a sum. Results are cached per tag file in `.newstag/tagcounts-v2.json` with the tag file's
and the article's size and mtime; a file is parsed again (through `tagstore`, the only reader of
tag YAML) only when either changes. Start-up reads no YAML at all.
"""

from __future__ import annotations

import json
import os
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .problems import Problem
from .workspace import ARTICLE_SUFFIXES

if TYPE_CHECKING:
    from .articles import Article
    from .tags import TagDoc

CACHE_NAME = "tagcounts-v2.json"
Counts = dict[str, Counter[str]]
# article id -> annotator -> label -> numbers (0-based) of the sentences carrying it
Tally = dict[str, dict[str, dict[str, list[int]]]]


def _read(cache_root: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads((cache_root / CACHE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    return files if isinstance(files, dict) else {}


def _aggregate(files: Mapping[str, Mapping[str, Any]]) -> tuple[Tally, list[Problem]]:
    tally: Tally = {}
    problems: list[Problem] = []
    for key in sorted(files):
        info = files[key]
        found = [str(p) for p in info.get("problems", ())]
        if found:  # one problem per file (its key is `annotator/file.yaml`), as the TUI shows it
            more = f" (and {len(found) - 1} more: newstag validate)" if len(found) > 1 else ""
            problems.append(Problem(key, found[0] + more, bool(info.get("fatal"))))
        article, who = info.get("article"), key.split("/", 1)[0]
        sentences = info.get("sentences")
        if isinstance(article, str) and isinstance(sentences, dict) and sentences:
            tally.setdefault(article, {})[who] = sentences
    return tally, problems


def counts_of(by_annotator: Mapping[str, Mapping[str, list[int]]] | None,
              annotator: str | None) -> Counter[str]:
    """Sentences carrying each label: `annotator`'s, or anyone's (a union) when None."""
    out: Counter[str] = Counter()
    if not by_annotator:
        return out
    if annotator is not None:
        for label, numbers in by_annotator.get(annotator, {}).items():
            out[label] = len(numbers)
        return out
    union: dict[str, set[int]] = {}
    for labels in by_annotator.values():
        for label, numbers in labels.items():
            union.setdefault(label, set()).update(numbers)
    return Counter({label: len(numbers) for label, numbers in union.items()})


def all_counts(tally: Tally, annotator: str | None) -> Counts:
    return {article: counts_of(by, annotator) for article, by in tally.items()}


def load_tally(cache_root: Path) -> tuple[Tally, list[Problem]]:
    """The tally and problems as last seen; reads only the cache."""
    return _aggregate(_read(cache_root))


def load_counts(cache_root: Path, annotator: str | None = None
                ) -> tuple[Counts, list[Problem]]:
    """Counts (article id -> label -> sentences) and problems as last seen; reads only the cache."""
    tally, problems = load_tally(cache_root)
    return all_counts(tally, annotator), problems


def _article_file(corpus: Path | None, article_id: str) -> Path | None:
    if corpus is None:
        return None
    for suffix in ARTICLE_SUFFIXES:
        p = corpus / f"{article_id}{suffix}"
        if p.is_file():
            return p
    return None


def sentence_numbers(spans: list[tuple[str, int, int]], starts: list[int], ends: list[int]
                     ) -> dict[str, list[int]]:
    """Label -> sorted numbers of the sentences (given by their starts and ends) each
    (label, start, end) span overlaps; a span between sentences counts the one it touches."""
    out: dict[str, set[int]] = {}
    for label, start, end in spans:
        lo = bisect_right(ends, start)  # the first sentence ending after the span starts
        hi = bisect_left(starts, end)  # sentences starting before the span ends
        numbers = out.setdefault(label, set())
        if lo < hi:
            numbers.update(range(lo, hi))
        else:  # in the space between sentences: the one it is nearest to
            numbers.add(max(0, min(lo, len(starts) - 1)))
    return {label: sorted(n) for label, n in sorted(out.items())}


def tally_file(path: Path, corpus: Path | None, cache_root: Path | None = None
               ) -> tuple[str | None, dict[str, list[int]], list[str], bool]:
    """One tag file: (its article, label -> sentence numbers, problems, whether the file is
    unusable as a whole). Tags are placed on the
    article's current text first (in memory), as every other reader of tag files does."""
    from .tagstore import TagFileError, TagStore

    try:
        loaded = TagStore(path.parent.parent).load_path(path)
    except TagFileError as exc:
        return None, {}, [str(exc)], True
    problems = list(loaded.problems)
    doc = loaded.doc
    if doc is None:
        return None, {}, problems, False
    art = load_article(corpus, doc.article, cache_root)
    return doc.article, tally_doc(doc, art), problems, False


def load_article(corpus: Path | None, article_id: str, cache_root: Path | None = None
                 ) -> Article | None:
    """The article as the reader splits it (sentences from the segment cache), or None."""
    from . import articles
    from .segcache import SegmentCache
    from .textfile import TextFileError

    path = _article_file(corpus, article_id)
    if path is None:
        return None
    cache = SegmentCache.for_workspace_cache(cache_root) if cache_root else None
    try:
        return articles.load(path, cache)
    except TextFileError:
        return None


def tally_doc(doc: TagDoc, art: Article | None) -> dict[str, list[int]]:
    """Label -> numbers of the sentences one tag doc covers on the article's current text
    (placed there in memory first, as every other reader of tag files does)."""
    from .current import current_doc

    tags = [t for t in (current_doc(doc, art)[0] if art is not None else doc).tags
            if not t.orphan]
    if art is not None:
        sents = art.sentences()
        starts, ends = [s.start for s in sents], [s.end for s in sents]
    else:  # no text to split: each tag counts as one sentence of its own
        spans = sorted({(t.start, t.end) for t in tags})
        starts, ends = [s for s, _ in spans], [e for _, e in spans]
    return sentence_numbers([(t.label, t.start, t.end) for t in tags], starts, ends)


def tally_docs(docs: Iterable[tuple[str, TagDoc]], art: Article | None
               ) -> dict[str, dict[str, list[int]]]:
    """Every annotator's sentence numbers per label on one article, from docs already read."""
    out: dict[str, dict[str, list[int]]] = {}
    for who, doc in docs:
        numbers = tally_doc(doc, art)
        if numbers:
            out[who] = numbers
    return out


def _stat(path: Path | None) -> list[int] | None:
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def refresh_tally(cache_root: Path, tags_root: Path, corpus: Path | None = None
                  ) -> tuple[Tally, list[Problem], bool]:
    """The tally checked against the tag (and article) files now; re-reads changed ones; saves
    the cache. Returns (tally, problems, whether anything differed from the cache)."""
    from .tagstore import TagStore

    old = _read(cache_root)
    store = TagStore(tags_root)
    new: dict[str, dict[str, Any]] = {}
    changed = False
    for annotator, path in store.iter_files():
        key = f"{annotator}/{path.name}"
        seen = _stat(path)
        if seen is None:
            continue
        hit = old.get(key)
        if hit and hit.get("file") == seen and (
                hit.get("text") == _stat(_article_file(corpus, str(hit.get("article"))))):
            new[key] = hit
            continue
        changed = True
        article, sentences, found, fatal = tally_file(path, corpus, cache_root)
        info: dict[str, Any] = {"file": seen}
        if article is not None:
            info["article"] = article
            info["sentences"] = sentences
            info["text"] = _stat(_article_file(corpus, article))
        if found:
            info["problems"] = found
        if fatal:
            info["fatal"] = True
        new[key] = info
    if set(new) != set(old):
        changed = True
    if changed:
        _write(cache_root, new)
    tally, known = _aggregate(new)
    return tally, known, changed


def refresh_counts(cache_root: Path, tags_root: Path, corpus: Path | None = None,
                   annotator: str | None = None) -> tuple[Counts, list[Problem], bool]:
    """`refresh_tally`, as counts for `annotator` (everyone's when None)."""
    tally, problems, changed = refresh_tally(cache_root, tags_root, corpus)
    return all_counts(tally, annotator), problems, changed


def tally_article(tags_root: Path, corpus: Path | None, article_id: str,
                  cache_root: Path | None = None) -> dict[str, dict[str, list[int]]]:
    """Every annotator's sentence numbers per label on one article (after a save), read now."""
    from .tagstore import TagFileError, TagStore

    store = TagStore(tags_root)
    out: dict[str, dict[str, list[int]]] = {}
    for who in store.annotators():
        try:
            path = store.path_for(who, article_id)
        except (ValueError, TagFileError):
            continue
        if path.is_file():
            article, sentences, _, _ = tally_file(path, corpus, cache_root)
            if article == article_id and sentences:
                out[who] = sentences
    return out


def _write(cache_root: Path, files: dict[str, dict[str, Any]]) -> None:
    path = cache_root / CACHE_NAME
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        cache_root.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"version": 2, "files": files}, ensure_ascii=False)
        tmp.write_text(data, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # only a cache
