"""Scoring sentence pairs of two articles and deciding which pairs are the same claim.

A pair's similarity mixes the character n-gram cosine (robust to rewording of the same words:
"modernize"/"modernizing", "Jong-un"/"Jong Un") with the content-word cosine (rare words carry
the claim; both are IDF-weighted, so story-wide words like "Kim" or "Russia" count little). A
negation on one side only lowers it: "will" and "will not" share every word.

Then, between two articles, a pair is linked only when each sentence is the other's best match
(mutual best) and the similarity reaches the threshold: one outlet's sentence makes a claim
once, so the second-best sentence of the other article is usually the same topic, a different
claim. A pair far above the threshold (`strong`) is linked even when not mutual best (one outlet
repeats a claim in its standfirst and in its body).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .corpus import ArticleSents
from .model import Link
from .text import Features, features
from .vectors import SparseIdf, Vectorizer

THRESHOLD = 0.25  # the default: precision over recall (see notes/claims.md for the curve)
STRONG = 0.6
W_CHARS = 0.5  # weight of the character cosine; the content-word cosine gets the rest
NEGATION_FACTOR = 0.7
ECHO = 0.4  # sentences of one article this similar repeat one claim (see `echoes`)
NEAR = 0.12  # pairs kept (between linked sentences) for the clustering's average linkage
CLUSTER = 0.9  # two claims merge when their average cross similarity >= CLUSTER x threshold


@dataclass(frozen=True)
class Params:
    threshold: float = THRESHOLD
    strong: float = STRONG
    w_chars: float = W_CHARS
    negation: float = NEGATION_FACTOR
    mutual: bool = True
    near: float = NEAR
    cluster: float = CLUSTER
    echo: float = ECHO
    join: float = 0.0
    k: int = 12  # candidate articles per article (same story)
    min_cosine: float = 0.2  # ... whose whole-article cosine reaches this


@dataclass
class Counts:
    """One article's claim-bearing sentences as raw feature counts (weighted per story)."""

    art: ArticleSents
    chars: Any  # csr counts
    words: Any  # csr counts
    feats: list[Features]


@dataclass
class ArticleVecs:
    """One article's sentences as unit TF-IDF rows under one story's IDF."""

    art: ArticleSents
    chars: Any  # dense float32, unit rows, over the story's features
    words: Any  # dense float32, unit rows
    feats: list[Features]
    echo: list[int]  # echo group of each sentence: the article saying one thing twice


def count(art: ArticleSents, vec: Vectorizer) -> Counts:
    texts = [s.compared for s in art.sents] or [""]
    chars, wrds = vec.chars(texts), vec.words(texts)
    if not art.sents:
        chars, wrds = chars[:0], wrds[:0]
    return Counts(art, chars, wrds, [features(s.compared) for s in art.sents])


@dataclass
class Story:
    """IDF over the sentences of one article and its candidate articles (its story).

    Words every outlet uses for the story ("Kim", "Russia", "visit") are what make sentences
    look alike without making the same claim; IDF over the story weighs them down, whatever
    else the corpus holds, so a pair scores the same in a 5-article workspace and in 10,000.
    """

    chars: SparseIdf
    words: SparseIdf

    @classmethod
    def of(cls, members: list[Counts]) -> Story:
        return cls(SparseIdf([c.chars for c in members]), SparseIdf([c.words for c in members]))

    def weigh(self, c: Counts, p: Params) -> ArticleVecs:
        if not c.feats:
            return ArticleVecs(c.art, c.chars, c.words, [], [])
        out = ArticleVecs(c.art, self.chars.dense(c.chars), self.words.dense(c.words), c.feats,
                          [])
        out.echo = echoes(score_matrix(out, out, p), p.echo)
        return out


def echoes(sim: Any, floor: float) -> list[int]:
    """Group sentences of one article that repeat each other (headline, standfirst and lede
    often tell the same claim): for mutual best, a group counts as one sentence."""
    n = sim.shape[0]
    group = list(range(n))
    rows, cols = np.nonzero(sim >= floor)
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        gi, gj = group[i], group[j]
        if gi != gj:
            lo, hi = min(gi, gj), max(gi, gj)
            group = [lo if g == hi else g for g in group]
    return group


def score_matrix(a: ArticleVecs, b: ArticleVecs, p: Params) -> Any:
    """Similarity of every sentence of `a` with every sentence of `b` (dense float32 array)."""
    chars = a.chars @ b.chars.T
    wrds = a.words @ b.words.T
    sim = p.w_chars * chars + (1.0 - p.w_chars) * wrds
    neg_a = np.array([f.negated for f in a.feats], dtype=bool)
    neg_b = np.array([f.negated for f in b.feats], dtype=bool)
    mismatch = neg_a[:, None] != neg_b[None, :]
    sim[mismatch] *= p.negation
    return sim


def link_pair(a: ArticleVecs, b: ArticleVecs, p: Params,
              near: list[Link] | None = None) -> list[Link]:
    """Same-claim links between two articles' sentences; pairs above `p.near` go to `near`
    (the clustering's average linkage reads them)."""
    if not a.feats or not b.feats:
        return []
    sim = score_matrix(a, b, p)
    sa, sb = a.art.sents, b.art.sents
    if near is not None:
        rows, cols = np.nonzero(sim >= p.near)
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            near.append(_link(a.art, (sa[i].start, sa[i].end), b.art, (sb[j].start, sb[j].end),
                              float(sim[i, j])))
    best_b = sim.argmax(axis=1)
    best_a = sim.argmax(axis=0)
    out: list[Link] = []
    rows, cols = np.nonzero(sim >= p.threshold)
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        v = float(sim[i, j])
        mutual = b.echo[best_b[i]] == b.echo[j] and a.echo[best_a[j]] == a.echo[i]
        if (p.mutual and not mutual) and v < p.strong:
            continue
        out.append(_link(a.art, (sa[i].start, sa[i].end), b.art, (sb[j].start, sb[j].end), v))
    return out


def _link(a: ArticleSents, a_span: tuple[int, int], b: ArticleSents, b_span: tuple[int, int],
          v: float) -> Link:
    if a.id > b.id:
        a, b, a_span, b_span = b, a, b_span, a_span
    return Link(a.id, a_span, b.id, b_span, round(min(1.0, v), 4))
