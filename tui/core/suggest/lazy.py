"""An article's suggestions worked out piece by piece, when the reader first needs each piece.

The unit is the article's own unit of lazy segmentation (a block, or a piece of a huge block:
`Article.pieces`). Drawing a screen asks for the pieces on it; `}` / `{` walk pieces from the
cursor until one has a suggestion. So opening a 3 MB article costs nothing here, and only the
sentences the reader segments anyway are looked at.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping

from ..articles import Article
from .cues import CueMatcher
from .engine import ArticleSuggestions, Suggestion, propose
from .model import NaiveBayes


class BlockSuggestions(ArticleSuggestions):
    """`ArticleSuggestions` of one article, computed per piece on first use and kept."""

    def __init__(self, article: Article, matcher: CueMatcher,
                 models: Mapping[str, NaiveBayes] | None = None) -> None:
        super().__init__(article.id, article.text, ())
        self.article = article
        self.matcher = matcher
        self.models = dict(models or {})
        self._pieces: dict[tuple[int, int], ArticleSuggestions] = {}
        self._block_starts = [b.start for b in article.blocks]

    def forget(self) -> None:
        """The article's sentences were replaced wholesale: work pieces out again."""
        self._pieces.clear()

    def piece(self, bi: int, pi: int) -> ArticleSuggestions:
        found = self._pieces.get((bi, pi))
        if found is None:
            block = self.article.blocks[bi]
            sents = [(s.start, s.end, s.chrome) for s in self.article.piece_sentences(block, pi)]
            found = propose(self.article_id, self.text, sents, self.matcher, self.models)
            self._pieces[(bi, pi)] = found
        return found

    def _where(self, offset: int) -> tuple[int, int]:
        """(block, piece) holding `offset`, or the nearest before it."""
        bi = max(0, bisect_right(self._block_starts, offset) - 1)
        return bi, self.article.piece_at(self.article.blocks[bi], offset)

    def _units(self, offset: int, forward: bool) -> Iterator[tuple[int, int]]:
        """Every (block, piece) from the one at `offset`, onwards or backwards."""
        blocks = self.article.blocks
        if not blocks:
            return
        b0, p0 = self._where(offset)
        if forward:
            for bi in range(b0, len(blocks)):
                n = len(self.article.pieces(blocks[bi]))
                for pi in range(p0 if bi == b0 else 0, n):
                    yield bi, pi
        else:
            for bi in range(b0, -1, -1):
                n = len(self.article.pieces(blocks[bi]))
                for pi in range(p0 if bi == b0 else n - 1, -1, -1):
                    yield bi, pi

    @property
    def all(self) -> list[Suggestion]:
        """Every suggestion of the article (segments it all: for tests and benchmarks)."""
        return [s for bi, pi in self._units(0, True) for s in self.piece(bi, pi).items]

    def __len__(self) -> int:
        return len(self.all)

    def on(self, start: int, end: int) -> list[Suggestion]:
        if not self.article.blocks:
            return []
        return self.piece(*self._where(start)).on(start, end)

    def after(self, offset: int) -> Iterator[Suggestion]:
        for bi, pi in self._units(offset, True):
            yield from self.piece(bi, pi).after(offset)

    def before(self, offset: int) -> Iterator[Suggestion]:
        for bi, pi in self._units(offset, False):
            yield from self.piece(bi, pi).before(offset)
