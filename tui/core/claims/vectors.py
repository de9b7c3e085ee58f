"""Sparse TF-IDF vectors of sentences (character 3-5-grams, content words) and of whole articles.

Measured on the seeds (notes/claims.md): character n-gram TF-IDF cosine ranks same-claim pairs
best among lexical methods; scikit-learn's `HashingVectorizer` + scipy sparse products do it in C
with no vocabulary to keep, so a new article is vectorised alone and the IDF table (document
frequencies by hashed feature) is the only corpus-wide state. IDF is fitted on the whole corpus
when it is built; articles added later use it as it is (rebuilt with the index).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .text import fold, words

N_FEATURES = 2**20


def _hashing(**kw: Any) -> Any:
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(n_features=N_FEATURES, alternate_sign=False, norm=None,
                             lowercase=False, dtype=np.float32, **kw)


def _tokens(text: str) -> list[str]:
    return words(text)


class Vectorizer:
    """Turns texts into sparse count rows; `Idf` turns counts into unit TF-IDF rows."""

    def __init__(self) -> None:
        self._chars = _hashing(analyzer="char_wb", ngram_range=(3, 5), preprocessor=fold)
        self._words = _hashing(analyzer="word", tokenizer=_tokens, token_pattern=None,
                               preprocessor=fold)

    def chars(self, texts: Sequence[str]) -> Any:
        return self._chars.transform(texts)

    def words(self, texts: Sequence[str]) -> Any:
        return self._words.transform(texts)


class Idf:
    """Document frequencies by hashed feature, and the TF-IDF weighting built from them."""

    def __init__(self, df: Any | None = None, n_docs: int = 0) -> None:
        self.df: Any = df if df is not None else np.zeros(N_FEATURES, dtype=np.int32)
        self.n_docs = n_docs
        self._idf: Any | None = None

    def add(self, counts: Any) -> None:
        """Count the rows of a sparse count matrix as documents."""
        present = counts.copy()
        present.data[:] = 1
        self.df += np.asarray(present.sum(axis=0), dtype=np.int32).ravel()
        self.n_docs += counts.shape[0]
        self._idf = None

    @property
    def idf(self) -> Any:
        if self._idf is None:
            self._idf = (np.log((1.0 + self.n_docs) / (1.0 + self.df)) + 1.0).astype(np.float32)
        return self._idf

    def weigh(self, counts: Any) -> Any:
        """Unit-length rows of sublinear TF x IDF."""
        return unit_rows(counts, self.idf[counts.indices])


def unit_rows(counts: Any, idf_of_entries: Any, indices: Any | None = None,
              n_cols: int | None = None) -> Any:
    """Sublinear TF x the given IDF of each stored entry, rows scaled to unit length; with
    `indices`/`n_cols`, the columns renumbered (a story's own small feature space, so products
    never touch 2**20 columns). Never a dense row of 2**20 features."""
    from scipy import sparse  # type: ignore[import-untyped]

    counts = counts.tocsr()
    data = (np.log1p(counts.data.astype(np.float32)) * idf_of_entries).astype(np.float32)
    n_rows = counts.shape[0]
    row_of = np.repeat(np.arange(n_rows), np.diff(counts.indptr))
    norms = np.sqrt(np.bincount(row_of, weights=data.astype(np.float64) ** 2,
                                minlength=n_rows))
    norms[norms == 0] = 1.0
    data /= norms[row_of].astype(np.float32)
    cols = counts.indices if indices is None else indices
    shape = (n_rows, counts.shape[1] if n_cols is None else n_cols)
    return sparse.csr_matrix((data, cols, counts.indptr.copy()), shape=shape)


class SparseIdf:
    """IDF over a few documents (one story's sentences), kept as sorted feature ids and their
    document counts; rows it weighs are renumbered into the story's own feature space."""

    def __init__(self, matrices: list[Any]) -> None:
        rows = [m.tocsr() for m in matrices if m.shape[0]]
        self.n_docs = sum(m.shape[0] for m in rows)
        ids = np.concatenate([m.indices for m in rows]) if rows else np.zeros(0, np.int32)
        self.keys, self.df = np.unique(ids, return_counts=True)

    def dense(self, counts: Any) -> Any:
        """`weigh` as a dense float32 array (a story has a few thousand features: small dense
        products beat scipy's per-call overhead)."""
        m = self.weigh(counts)
        out = np.zeros(m.shape, dtype=np.float32)
        rows = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
        out[rows, m.indices] = m.data
        return out

    def weigh(self, counts: Any) -> Any:
        """Unit TF-IDF rows over the story's features (a feature the story lacks is dropped:
        every row weighed here belongs to the story)."""
        counts = counts.tocsr()
        n = max(1, len(self.keys))
        if not len(self.keys):
            return unit_rows(counts[:, :0], np.zeros(0, np.float32), None, n)
        pos = np.clip(np.searchsorted(self.keys, counts.indices), 0, len(self.keys) - 1)
        df = np.where(self.keys[pos] == counts.indices, self.df[pos], 0)
        idf = (np.log((1.0 + self.n_docs) / (1.0 + df)) + 1.0).astype(np.float32)
        return unit_rows(counts, idf, pos.astype(np.int32), n)
