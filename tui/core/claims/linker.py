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
from .vectors import Idf, Vectorizer

THRESHOLD = 0.35  # the default: precision over recall (see notes/claims.md for the curve)
STRONG = 0.6
W_CHARS = 0.5  # weight of the character cosine; the content-word cosine gets the rest
NEGATION_FACTOR = 0.7


@dataclass(frozen=True)
class Params:
    threshold: float = THRESHOLD
    strong: float = STRONG
    w_chars: float = W_CHARS
    negation: float = NEGATION_FACTOR
    mutual: bool = True


@dataclass
class ArticleVecs:
    """One article's claim-bearing sentences, vectorised."""

    art: ArticleSents
    chars: Any  # csr, unit rows
    words: Any  # csr, unit rows
    feats: list[Features]


def vectorise(art: ArticleSents, vec: Vectorizer, char_idf: Idf, word_idf: Idf) -> ArticleVecs:
    texts = [s.compared for s in art.sents]
    if not texts:
        texts_c = vec.chars([""])[:0]
        return ArticleVecs(art, texts_c, vec.words([""])[:0], [])
    return ArticleVecs(art, char_idf.weigh(vec.chars(texts)), word_idf.weigh(vec.words(texts)),
                       [features(t) for t in texts])


def score_matrix(a: ArticleVecs, b: ArticleVecs, p: Params) -> Any:
    """Similarity of every sentence of `a` with every sentence of `b` (dense float32 array)."""
    chars = (a.chars @ b.chars.T).toarray()
    wrds = (a.words @ b.words.T).toarray()
    sim = p.w_chars * chars + (1.0 - p.w_chars) * wrds
    neg_a = np.array([f.negated for f in a.feats], dtype=bool)
    neg_b = np.array([f.negated for f in b.feats], dtype=bool)
    mismatch = neg_a[:, None] != neg_b[None, :]
    sim[mismatch] *= p.negation
    return sim


def link_pair(a: ArticleVecs, b: ArticleVecs, p: Params) -> list[Link]:
    """Same-claim links between two articles' sentences."""
    if not a.feats or not b.feats:
        return []
    sim = score_matrix(a, b, p)
    best_b = sim.argmax(axis=1)
    best_a = sim.argmax(axis=0)
    out: list[Link] = []
    sa, sb = a.art.sents, b.art.sents
    rows, cols = np.nonzero(sim >= p.threshold)
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        v = float(sim[i, j])
        mutual = best_b[i] == j and best_a[j] == i
        if (p.mutual and not mutual) and v < p.strong:
            continue
        out.append(_link(a.art, (sa[i].start, sa[i].end), b.art, (sb[j].start, sb[j].end), v))
    return out


def _link(a: ArticleSents, a_span: tuple[int, int], b: ArticleSents, b_span: tuple[int, int],
          v: float) -> Link:
    if a.id > b.id:
        a, b, a_span, b_span = b, a, b_span, a_span
    return Link(a.id, a_span, b.id, b_span, round(min(1.0, v), 4))
