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
        from sklearn.preprocessing import normalize

        out = counts.copy().astype(np.float32)
        out.data = np.log1p(out.data)
        out = out.multiply(self.idf).tocsr()
        return normalize(out, copy=False)
