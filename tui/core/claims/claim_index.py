"""The claim index as data: the links between sentences of different articles and what one more
article needs to be linked. Kept apart from `index` (building, caching) so that `store` can read
and write it without importing the module that calls `store`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .clusters import Pair, cluster, node_pair
from .corpus import ArticleSents
from .linker import Params
from .model import Claim, Link, Member, Span, Twin
from .vectors import Idf


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
