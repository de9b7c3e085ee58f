"""Moving a sentence cursor through an article while segmenting only the pieces it passes.

A position is a `Sentence` from `Article.piece_sentences`; its global index is only known once
the whole article is segmented, so navigation works piece by piece (a block of normal size is
one piece; a huge one, a few thousand characters each) and never needs it.
"""

from __future__ import annotations

from collections.abc import Iterator

from .articles import Article, Block, Sentence


def same(a: Sentence | None, b: Sentence | None) -> bool:
    """Two positions are the same sentence (indexes may differ before and after segmenting)."""
    return a is not None and b is not None and a.start == b.start and a.end == b.end


class SentenceNav:
    """Sentence positions of one article: first/last/next/prev, by offset, by index, ranges."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.blocks: list[Block] = article.blocks

    def in_block(self, bi: int) -> list[Sentence]:
        return self.article.block_sentences(self.blocks[bi])

    def _stops(self, bi: int, pi: int, skip_chrome: bool) -> list[Sentence]:
        sents = self.article.piece_sentences(self.blocks[bi], pi)
        return [s for s in sents if not s.chrome] if skip_chrome else sents

    def _skipped(self, bi: int, skip_chrome: bool) -> bool:
        # a whole chrome block is skipped without segmenting it
        return skip_chrome and self.blocks[bi].chrome and not self.blocks[bi].title

    def _forward(self, from_block: int, skip_chrome: bool, offset: int = -1) -> Iterator[Sentence]:
        """Stops from the piece holding `offset` in `from_block` (its first piece if -1) on."""
        for bi in range(max(0, from_block), len(self.blocks)):
            if self._skipped(bi, skip_chrome):
                continue
            block = self.blocks[bi]
            first = self.article.piece_at(block, offset) if bi == from_block and offset >= 0 else 0
            for pi in range(first, len(self.article.pieces(block))):
                yield from self._stops(bi, pi, skip_chrome)

    def _backward(self, from_block: int, skip_chrome: bool, offset: int = -1) -> Iterator[Sentence]:
        """Stops from the piece holding `offset` in `from_block` (its last piece if -1) back."""
        for bi in range(min(from_block, len(self.blocks) - 1), -1, -1):
            if self._skipped(bi, skip_chrome):
                continue
            block = self.blocks[bi]
            last = len(self.article.pieces(block)) - 1
            if bi == from_block and offset >= 0:
                last = self.article.piece_at(block, offset)
            for pi in range(last, -1, -1):
                yield from reversed(self._stops(bi, pi, skip_chrome))

    def first(self, skip_chrome: bool = True) -> Sentence | None:
        found = next(self._forward(0, skip_chrome), None)
        return found if found is not None or not skip_chrome else self.first(False)

    def last(self, skip_chrome: bool = True) -> Sentence | None:
        found = next(self._backward(len(self.blocks) - 1, skip_chrome), None)
        return found if found is not None or not skip_chrome else self.last(False)

    def next(self, cur: Sentence, skip_chrome: bool = True) -> Sentence | None:
        return next((s for s in self._forward(cur.block, skip_chrome, cur.start)
                     if s.start >= cur.end), None)

    def prev(self, cur: Sentence, skip_chrome: bool = True) -> Sentence | None:
        return next((s for s in self._backward(cur.block, skip_chrome, cur.start)
                     if s.end <= cur.start), None)

    def containing(self, offset: int) -> Sentence | None:
        """The sentence whose span holds `offset`, if any (blank lines between blocks hold none)."""
        return next((s for s in self.article.sentences_in(offset, offset + 1)
                     if s.start <= offset < s.end), None)

    def nearest(self, offset: int, skip_chrome: bool = True) -> Sentence | None:
        """The cursor stop at `offset`, else the next one after it, else the last one."""
        here = self.containing(offset)
        if here is not None and (not skip_chrome or not here.chrome):
            return here
        block = self._block_after(offset)
        found = next((s for s in self._forward(block, skip_chrome, offset) if s.end > offset),
                     None)
        return found or self.last(skip_chrome)

    def _block_after(self, offset: int) -> int:
        block = self.article.block_at(offset)
        if block is not None:
            return block.index
        return next((b.index for b in self.blocks if b.start >= offset), len(self.blocks))

    def between(self, a: Sentence, b: Sentence, skip_chrome: bool = True) -> list[Sentence]:
        """Every stop from `a` to `b` (either order), both ends included even if chrome."""
        lo, hi = (a, b) if a.start <= b.start else (b, a)
        out: list[Sentence] = []
        for s in self._forward(lo.block, False, lo.start):
            if s.start > hi.start:
                break
            end_point = same(s, lo) or same(s, hi)
            if s.start >= lo.start and (not skip_chrome or not s.chrome or end_point):
                out.append(s)
        return out

    def _pieces_upto(self, bi: int, pi: int) -> Iterator[list[Sentence]]:
        """The sentences of each piece before piece `pi` of block `bi`, in order."""
        for b in range(bi + 1):
            block = self.blocks[b]
            for p in range(pi if b == bi else len(self.article.pieces(block))):
                yield self.article.piece_sentences(block, p)

    def index_of(self, s: Sentence) -> int:
        """The article-wide index of a sentence (segments the pieces before it, once)."""
        if s.index >= 0:
            return s.index
        block = self.blocks[s.block]
        pi = self.article.piece_at(block, s.start)
        return sum(len(p) for p in self._pieces_upto(s.block, pi)) + next(
            (k for k, t in enumerate(self.article.piece_sentences(block, pi)) if same(t, s)), 0)

    def at_index(self, n: int) -> Sentence | None:
        """The sentence with article-wide index `n` (what search hits and the CLI speak)."""
        if n < 0:
            return None
        if self.article.segmented:
            sents = self.article.sentences()
            return sents[n] if n < len(sents) else None
        seen = 0
        for block in self.blocks:
            for pi in range(len(self.article.pieces(block))):
                sents = self.article.piece_sentences(block, pi)
                if n < seen + len(sents):
                    return sents[n - seen]
                seen += len(sents)
        return None
