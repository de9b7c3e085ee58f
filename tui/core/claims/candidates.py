"""Which articles can be about the same story: the only ones whose sentences are compared.

Each article is a unit TF-IDF vector of its content words (its claim-bearing sentences only, so
shared site chrome does not make two outlets look alike); its candidates are the `k` nearest
articles by cosine above a floor, and not more than `max_days` apart when both dates are known.
So the sentence comparisons grow with the corpus times `k`, not with its square. This is our own
small index rather than the search engine's (in flight on another branch): it needs nothing but
the vectors the linker builds anyway.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np

K = 12
MIN_COSINE = 0.2  # measured: same-story seeds 0.37-0.56, unrelated Lee stories below 0.19
MAX_DAYS = 14
CHUNK = 1024  # rows multiplied at a time: bounds memory at 10k+ articles


def neighbours(query: Any, matrix: Any, k: int = K, floor: float = MIN_COSINE,
               exclude: Sequence[int] | None = None) -> list[list[tuple[int, float]]]:
    """For each row of `query` the `k` most similar rows of `matrix` (index, cosine), best first."""
    out: list[list[tuple[int, float]]] = []
    for lo in range(0, query.shape[0], CHUNK):
        sims = (query[lo : lo + CHUNK] @ matrix.T).toarray()
        for r in range(sims.shape[0]):
            row = sims[r]
            if exclude is not None:
                row[exclude[lo + r]] = -1.0
            top = np.argpartition(-row, k)[:k] if row.shape[0] > k else np.arange(row.shape[0])
            top = top[np.argsort(-row[top])]
            out.append([(int(i), float(row[i])) for i in top if row[i] >= floor])
    return out


def close_in_time(a: date | None, b: date | None, max_days: int = MAX_DAYS) -> bool:
    """Unknown dates never exclude: most scraped articles carry none."""
    return a is None or b is None or abs((a - b).days) <= max_days
