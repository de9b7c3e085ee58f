"""Tags as they stand on the article's *current* text, for every reader of tag files.

Tag files are re-anchored and saved only by their own annotator's session. Everyone else who
reads them — other annotators' marks in the reader, exports, agreement, review, stats — must
see the same placement without writing anyone's file: this module re-anchors in memory, so
every command reports the same tags in the same places and the same orphans.
"""

from __future__ import annotations

from collections.abc import Callable

from . import anchoring
from .articles import Article
from .tags import TagDoc


def units_near(article: Article) -> Callable[[int, int], list[tuple[int, int]]]:
    """Sentence spans around a span, segmented on demand (big articles stay cheap)."""

    def near(start: int, end: int) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in article.sentences_in(start, max(end, start + 1))]

    return near


def current_doc(doc: TagDoc, article: Article) -> tuple[TagDoc, anchoring.Report | None]:
    """`doc` placed on the article's current text (in memory only); the report when it moved."""
    if not anchoring.needs_reanchor(doc, article.text, article.sha256):
        return doc, None
    return anchoring.reanchor(doc, article.text, article.sha256, units=units_near(article))
