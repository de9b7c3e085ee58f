"""The claim index: every same-claim link of a corpus, cached under `.newstag/claims/`.

Building it reads every article once (sentences from the segment cache), vectorises the
claim-bearing sentences, finds each article's candidate articles (same story) and links their
sentences. What is kept (`links.json`, the article vectors, the IDF tables) is derived data:
delete the folder and it is rebuilt. Asking for the twins of one article is a dictionary lookup
once the index is loaded; one new or changed article is linked against its candidates alone.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..segcache import SegmentCache
from ..workspace import ARTICLE_SUFFIXES, Workspace
from .candidates import close_in_time, neighbours
from .clusters import Pair, cluster, node_pair
from .corpus import ArticleSents, read_path
from .linker import Params, Story, count, link_pair
from .model import Claim, Link, Member, Span, Twin
from .vectors import Idf, Vectorizer

VERSION = 5
Progress = Callable[[int, int], None]


@dataclass
class Entry:
    """What the index remembers of one article (not its text)."""

    sha: str
    source: str
    day: str  # ISO date or ""
    stamp: tuple[int, int]  # (mtime_ns, size) of the file when read
    title: str = ""


@dataclass
class ClaimIndex:
    """Links between sentences of different articles, and what is needed to add one article."""

    params: Params = field(default_factory=Params)
    entries: dict[str, Entry] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    texts: dict[tuple[str, int, int], str] = field(default_factory=dict)
    sims: dict[Pair, float] = field(default_factory=dict)  # near pairs between linked sentences
    order: list[str] = field(default_factory=list)  # article ids, rows of `matrix`
    matrix: Any = None  # csr: unit TF-IDF word vectors of whole articles
    art_idf: Idf = field(default_factory=Idf)
    _by_article: dict[str, dict[Span, list[Twin]]] | None = field(default=None, repr=False)

    # -- asking ------------------------------------------------------------------------------
    def twins_of(self, article_id: str) -> dict[Span, list[Twin]]:
        """For each sentence of the article that has twins: its twins, most similar first."""
        if self._by_article is None:
            self._by_article = self._group()
        return self._by_article.get(article_id, {})

    def claims(self) -> list[Claim]:
        """Every claim found in two or more articles, biggest first."""
        out: list[Claim] = []
        p = self.params
        floor = p.cluster * p.threshold
        extra = [Link(x[0], (x[1], x[2]), y[0], (y[1], y[2]), v)
                 for (x, y), v in ((sorted(k), v) for k, v in self.sims.items())
                 if v >= p.join * p.threshold] if p.join > 0 else []
        for nodes in cluster(self.links + extra, self.sims, floor):
            members = tuple(Member(a, self.source(a), s, e, self.texts.get((a, s, e), ""))
                            for a, s, e in nodes)
            out.append(Claim(members))
        return out

    def title(self, article_id: str) -> str:
        entry = self.entries.get(article_id)
        return entry.title if entry else ""

    def source(self, article_id: str) -> str:
        entry = self.entries.get(article_id)
        return entry.source if entry else ""

    def _group(self) -> dict[str, dict[Span, list[Twin]]]:
        out: dict[str, dict[Span, list[Twin]]] = {}
        for lk in self.links:
            for (x, xs), (y, ys) in (((lk.a, lk.a_span), (lk.b, lk.b_span)),
                                     ((lk.b, lk.b_span), (lk.a, lk.a_span))):
                text = self.texts.get((y, *ys), "")
                twin = Twin(y, self.source(y), ys[0], ys[1], text, lk.similarity)
                out.setdefault(x, {}).setdefault(xs, []).append(twin)
        for spans in out.values():
            for twins in spans.values():
                twins.sort(key=lambda t: (-t.similarity, t.article, t.start))
        return out

    # -- building ----------------------------------------------------------------------------
    def _remember(self, art: ArticleSents, stamp: tuple[int, int]) -> None:
        self.entries[art.id] = Entry(art.sha, art.source, art.day.isoformat() if art.day else "",
                                     stamp, art.title)

    def _add_links(self, found: Iterable[Link], arts: dict[str, ArticleSents]) -> None:
        for lk in found:
            self.links.append(lk)
            for aid, (s, e) in ((lk.a, lk.a_span), (lk.b, lk.b_span)):
                self.texts[(aid, s, e)] = _text_of(arts[aid], s, e)
        self._by_article = None

    def _add_near(self, near: Iterable[Link]) -> None:
        """Keep the near pairs whose both sentences are linked somewhere (claim members)."""
        nodes = set(self.texts)
        for lk in near:
            x, y = node_pair(lk)
            if x in nodes and y in nodes:
                self.sims[frozenset((x, y))] = lk.similarity

    def drop(self, article_id: str) -> None:
        """Forget an article's links (its vector row stays until the next rebuild, unused)."""
        self.links = [lk for lk in self.links if article_id not in (lk.a, lk.b)]
        self.texts = {k: v for k, v in self.texts.items() if k[0] != article_id}
        self.sims = {k: v for k, v in self.sims.items() if all(n[0] != article_id for n in k)}
        self.entries.pop(article_id, None)
        self._by_article = None

    def day(self, article_id: str) -> date | None:
        entry = self.entries.get(article_id)
        return date.fromisoformat(entry.day) if entry and entry.day else None


def _text_of(art: ArticleSents, start: int, end: int) -> str:
    return next((s.text for s in art.sents if s.start == start and s.end == end), "")


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
