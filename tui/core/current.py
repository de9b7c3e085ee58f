"""Tags as they stand on the article's *current* text, for every reader of tag files.

Tag files are re-anchored and saved only by their own annotator's session. Everyone else who
reads them — other annotators' marks in the reader, exports, agreement, review, stats — must
see the same placement without writing anyone's file: this module re-anchors in memory, so
every command reports the same tags in the same places and the same orphans.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from . import anchoring
from .articles import Article
from .tags import TagDoc


def units_near(article: Article) -> Callable[[int, int], list[tuple[int, int]]]:
    """Sentence spans of the blocks around a span, segmented on demand (big articles stay cheap)."""
    starts = [b.start for b in article.blocks]
    ends = [b.end for b in article.blocks]

    def near(start: int, end: int) -> list[tuple[int, int]]:
        lo = max(0, bisect_right(ends, start) - 1)
        hi = min(len(article.blocks), bisect_left(starts, end) + 1)
        return [(s.start, s.end) for b in article.blocks[lo:hi] for s in article.block_spans(b)]

    return near


def current_doc(doc: TagDoc, article: Article) -> tuple[TagDoc, anchoring.Report | None]:
    """`doc` placed on the article's current text (in memory only); the report when it moved."""
    if not anchoring.needs_reanchor(doc, article.text, article.sha256):
        return doc, None
    return anchoring.reanchor(doc, article.text, article.sha256, units=units_near(article))
