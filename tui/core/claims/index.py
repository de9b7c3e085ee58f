"""The claim index: every same-claim link of a corpus, cached under `.newstag/claims/`.

Building it reads every article once (sentences from the segment cache), vectorises the
claim-bearing sentences, finds each article's candidate articles (same story) and links their
sentences. What is kept (`links.json`, the article vectors, the IDF tables) is derived data:
delete the folder and it is rebuilt. Asking for the twins of one article is a dictionary lookup
once the index is loaded; one new or changed article is linked against its candidates alone.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..segcache import SegmentCache
from ..workspace import ARTICLE_SUFFIXES, Workspace
from .candidates import close_in_time, neighbours
from .claim_index import ClaimIndex, Entry
from .corpus import ArticleSents, read_path
from .linker import Params, Story, count, link_pair
from .model import Link, Span, Twin
from .vectors import Vectorizer

VERSION = 5
Progress = Callable[[int, int], None]


def corpus_files(ws: Workspace) -> dict[str, Path]:
    """Article id -> file, for every article file of the corpus."""
    return {aid: path for aid, (path, _) in corpus_stamps(ws).items()}


def corpus_stamps(ws: Workspace) -> dict[str, tuple[Path, tuple[int, int]]]:
    """Article id -> (file, (mtime_ns, size)) in one directory scan (no Path per stat)."""
    found: list[tuple[str, str, tuple[int, int]]] = []
    try:
        with os.scandir(ws.corpus) as it:
            for e in it:
                name = e.name
                if name.endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                    try:
                        st = e.stat()
                    except OSError:
                        continue
                    found.append((name, name.rsplit(".", 1)[0], (st.st_mtime_ns, st.st_size)))
    except OSError:
        return {}
    out: dict[str, tuple[Path, tuple[int, int]]] = {}
    for name, aid, stamp in sorted(found):
        if aid not in out:
            out[aid] = (ws.corpus / name, stamp)
    return out


def _stamp(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except OSError:
        return (0, -1)
    return (st.st_mtime_ns, st.st_size)


def build(ws: Workspace, params: Params | None = None, progress: Progress | None = None,
          files: dict[str, Path] | None = None) -> ClaimIndex:
    """Link the whole corpus from scratch."""
    files = files if files is not None else corpus_files(ws)
    cache = SegmentCache.for_workspace_cache(ws.cache)
    arts: list[ArticleSents] = []
    stamps: list[tuple[int, int]] = []
    total = len(files)
    for n, (_aid, path) in enumerate(sorted(files.items())):
        art = read_path(path, cache)
        if art is not None:
            arts.append(art)
            stamps.append(_stamp(path))
        if progress is not None and n % 64 == 0:
            progress(n, 2 * total)
    return build_from(arts, stamps, params, progress)


def build_from(arts: list[ArticleSents], stamps: list[tuple[int, int]] | None = None,
               params: Params | None = None, progress: Progress | None = None) -> ClaimIndex:
    """Link already-read articles (what `build` does after reading the files)."""
    idx = ClaimIndex(params or Params())
    vec = Vectorizer()
    idx.order = [a.id for a in arts]
    for i, a in enumerate(arts):
        idx._remember(a, stamps[i] if stamps else (0, -1))
    if not arts:
        return idx
    counts = vec.words([a.body for a in arts])
    idx.art_idf.add(counts)
    idx.matrix = idx.art_idf.weigh(counts)
    sents = [count(a, vec) for a in arts]
    p = idx.params
    near_arts = neighbours(idx.matrix, idx.matrix, p.k, p.min_cosine,
                           exclude=list(range(len(arts))))
    cands = [[j for j, _cos in row if close_in_time(arts[i].day, arts[j].day)]
             for i, row in enumerate(near_arts)]
    by_id = {a.id: a for a in arts}
    done: set[tuple[int, int]] = set()
    near: list[Link] = []
    total = len(arts)
    for i in range(total):
        todo = [j for j in cands[i] if (min(i, j), max(i, j)) not in done]
        if not todo:
            continue
        story = Story.of([sents[i]] + [sents[j] for j in cands[i]])
        me = story.weigh(sents[i], idx.params)
        for j in todo:
            done.add((min(i, j), max(i, j)))
            idx._add_links(link_pair(me, story.weigh(sents[j], idx.params), idx.params, near),
                           by_id)
        if progress is not None and i % 64 == 0:
            progress(total + i, 2 * total)
    idx._add_near(near)
    return idx


def link_article(idx: ClaimIndex, ws: Workspace, article_id: str, path: Path,
                 files: dict[str, Path] | None = None) -> int:
    """(Re)link one new or changed article against its candidates; returns its number of links.

    Its candidates are found in the article matrix as it stands (article IDF from the last
    full build); the article's story IDF is computed afresh, as in a full build.
    """
    idx.drop(article_id)
    found, near, arts = relink(idx, ws, article_id, path, files)
    idx._add_links(found, arts)
    idx._add_near(near)
    return len(found)


def relink(idx: ClaimIndex, ws: Workspace, article_id: str, path: Path,
           files: dict[str, Path] | None = None
           ) -> tuple[list[Link], list[Link], dict[str, ArticleSents]]:
    """One article's links and near pairs against its candidates (the index's links untouched;
    its entry and article-matrix row updated)."""
    cache = SegmentCache.for_workspace_cache(ws.cache)
    art = read_path(path, cache)
    if art is None:
        idx.entries.pop(article_id, None)
        return [], [], {}
    vec = Vectorizer()
    row = idx.art_idf.weigh(vec.words([art.body]))
    idx._remember(art, _stamp(path))
    _set_row(idx, art.id, row)
    files = files if files is not None else corpus_files(ws)
    others: list[ArticleSents] = []
    exclude = [idx.order.index(art.id)]
    p = idx.params
    for j, _cos in neighbours(row, idx.matrix, p.k, p.min_cosine, exclude=exclude)[0]:
        other_id = idx.order[j]
        if other_id not in idx.entries or other_id not in files:
            continue
        if not close_in_time(art.day, idx.day(other_id)):
            continue
        other = read_path(files[other_id], cache)
        if other is not None:
            others.append(other)
    mine = count(art, vec)
    theirs = [count(o, vec) for o in others]
    story = Story.of([mine, *theirs])
    me = story.weigh(mine, idx.params)
    found: list[Link] = []
    near: list[Link] = []
    for c in theirs:
        found.extend(link_pair(me, story.weigh(c, idx.params), idx.params, near))
    return found, near, {a.id: a for a in [art, *others]}


def _set_row(idx: ClaimIndex, article_id: str, row: Any) -> None:
    from scipy import sparse  # type: ignore[import-untyped]

    if article_id in idx.order:
        i = idx.order.index(article_id)
        m = idx.matrix.tolil()
        m[i] = row
        idx.matrix = m.tocsr()
    else:
        idx.order.append(article_id)
        idx.matrix = row if idx.matrix is None else sparse.vstack([idx.matrix, row]).tocsr()


# -- the cache -------------------------------------------------------------------------------
def cache_dir(ws: Workspace) -> Path:
    return ws.cache / "claims" / f"v{VERSION}"


def save(idx: ClaimIndex, ws: Workspace) -> None:
    """Write the index under `.newstag/claims/`; an unwritable cache is skipped (it is a cache)."""
    from . import store

    try:
        store.write_full(idx, cache_dir(ws))
    except (OSError, store.StoreError):
        return


def twins(ws: Workspace, article_id: str) -> dict[Span, list[Twin]]:
    """One article's twins from the cache, without loading the index (an indexed SQLite query:
    ~1 ms at any corpus size). Empty when there is no cache yet: `refresh(ws)` first, off the
    UI thread."""
    from . import store

    try:
        return store.twins_for(cache_dir(ws), article_id)
    except (OSError, store.StoreError):
        return {}


def load(ws: Workspace) -> ClaimIndex | None:
    """The cached index (every link), or None when there is none or it cannot be read."""
    from . import store

    try:
        return store.read(cache_dir(ws), full=True)
    except (OSError, store.StoreError):
        return None


def stale(idx: ClaimIndex, files: dict[str, Path],
          stamps: dict[str, tuple[int, int]] | None = None) -> tuple[list[str], list[str]]:
    """(new or changed article ids, removed article ids) since the index was built."""
    entries = idx.entries
    changed = [aid for aid, p in files.items()
               if aid not in entries
               or entries[aid].stamp != (stamps[aid] if stamps is not None else _stamp(p))]
    removed = [aid for aid in entries if aid not in files]
    return changed, removed


REBUILD_FRACTION = 0.2  # more changed than this: rebuilding is cheaper than linking one by one


def refresh(ws: Workspace, params: Params | None = None, progress: Progress | None = None
            ) -> bool:
    """Bring the cache up to date with the corpus without loading every link: a few new or
    changed articles are relinked one by one straight into the store; many, or no usable
    cache, mean a full build. Returns True when something changed."""
    from . import store

    scanned = corpus_stamps(ws)
    files = {aid: path for aid, (path, _) in scanned.items()}
    folder = cache_dir(ws)
    params = params or Params()
    try:
        light = store.read(folder, full=False)
    except (OSError, store.StoreError):
        light = None
    if light is None or light.params != params or light.matrix is None:
        save(build(ws, params, progress, files), ws)
        return True
    changed, removed = stale(light, files, {aid: st for aid, (_, st) in scanned.items()})
    if not changed and not removed:
        return False
    if len(changed) + len(removed) > REBUILD_FRACTION * max(1, len(files)) + 5:
        save(build(ws, params, progress, files), ws)
        return True
    try:
        for aid in removed:
            light.entries.pop(aid, None)
            store.replace_article(folder, aid, [], [], {}, None)
        for aid in changed:
            found, near, arts = relink(light, ws, aid, files[aid], files)
            store.replace_article(folder, aid, found, near, arts, light.entries.get(aid))
        store.write_vectors(light, folder)
    except (OSError, store.StoreError):
        save(build(ws, params, progress, files), ws)
    return True


def open_index(ws: Workspace, params: Params | None = None, progress: Progress | None = None
               ) -> ClaimIndex:
    """The index, up to date with the corpus (see `refresh`), every link loaded."""
    refresh(ws, params, progress)
    idx = load(ws)
    if idx is None:  # an unwritable cache: link in memory
        idx = build(ws, params, progress)
    return idx


__all__ = ["ClaimIndex", "Entry", "build", "build_from", "cache_dir", "corpus_files",
           "link_article", "load", "open_index", "refresh", "relink", "save", "stale", "twins"]
