"""An article: one text file of the corpus, read into title, metadata, blocks and sentences.

Parsing is cheap (block boundaries and the top lines only). Sentences come from the segment
cache when the text was seen before, else are segmented lazily, piece by piece (a block cut into a
few thousand characters, `sentences.pieces`), so a 3 MB article shows its first screen at once
whatever its shape; `sentences()` (or `segcache.segment_parallel` + `set_sentences`) segments the
rest.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

from . import sentences as seg
from .chrome import chrome_lines, is_link_leader
from .metadata import Metadata, head_lines
from .metadata import read as read_meta
from .segcache import SegmentCache, Spans, text_sha256
from .sentences import Span
from .textfile import read_text

__all__ = ["KINDS", "Article", "Block", "Sentence", "chrome_lines", "head_lines", "load", "parse",
           "read_metadata", "text_sha256"]

# What a sentence is, as `newstag sentences` says: the headline, the byline or dateline line,
# site chrome (dimmed, skipped by the cursor), or the story itself.
KINDS = ("headline", "byline", "dateline", "chrome", "body")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: `text[start:end]`, its index in the article (-1 while unknown), its block."""

    index: int
    start: int
    end: int
    block: int
    chrome: bool = False
    title: bool = False


@dataclass(frozen=True, slots=True)
class Block:
    """Text between blank lines; chrome blocks are dimmed and skipped by the cursor."""

    index: int
    start: int
    end: int
    chrome: bool
    title: bool


@dataclass
class Article:
    id: str
    path: Path | None
    text: str
    meta: Metadata
    blocks: list[Block]
    warning: str | None = None
    cache: SegmentCache | None = field(default=None, repr=False)
    head_end: int = 0  # offset where the story starts: short lines above the headline are chrome
    title_span: tuple[int, int] | None = None  # the headline line, when one was found
    byline_span: tuple[int, int] | None = None  # the byline line: never chrome
    chrome_lines: list[tuple[int, int]] = field(default_factory=list, repr=False)  # sorted
    _sha: str | None = field(default=None, repr=False)
    _by_block: dict[int, list[Sentence]] = field(default_factory=dict, repr=False)
    _by_piece: dict[tuple[int, int], list[Sentence]] = field(default_factory=dict, repr=False)
    _pieces: dict[int, list[Span]] = field(default_factory=dict, repr=False)
    _all: list[Sentence] | None = field(default=None, repr=False)
    _starts: list[int] | None = field(default=None, repr=False)
    _block_starts: list[int] | None = field(default=None, repr=False)

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def sha256(self) -> str:
        if self._sha is None:
            self._sha = text_sha256(self.text)
        return self._sha

    # -- sentences ---------------------------------------------------------------------------
    @property
    def segmented(self) -> bool:
        """True when every sentence is known (in memory now), so `sentences()` costs nothing."""
        return self._all is not None

    def load_cached(self) -> bool:
        """Install the sentences from the cache if it has them; True when it did."""
        if self._all is None and self.cache is not None:
            spans = self.cache.get(self.sha256, len(self.text))
            if spans is not None:
                self.set_sentences(spans)
        return self._all is not None

    def sentences(self) -> list[Sentence]:
        """Every sentence, indexed; from the cache, else segmented now (and cached)."""
        if not self.load_cached():
            spans: Spans = []
            for block in self.blocks:
                spans.extend((s.start, s.end) for s in self.block_sentences(block))
            if self.cache is not None:
                self.cache.put(self.sha256, len(self.text), spans)
            self.set_sentences(spans)
        assert self._all is not None
        return self._all

    def pieces(self, block: Block) -> list[Span]:
        """The pieces a block is segmented in (one for any block of normal size)."""
        found = self._pieces.get(block.index)
        if found is None:
            found = self._pieces[block.index] = seg.pieces(self.text, Span(block.start, block.end))
        return found

    def piece_sentences(self, block: Block, pi: int) -> list[Sentence]:
        """Sentences of one piece of a block, segmenting only that piece if needed.

        Indexes are the article's when all sentences are known, else -1.
        """
        piece = self.pieces(block)[pi]
        if self._all is not None:
            lo = bisect.bisect_left(self._starts or [], piece.start)
            hi = bisect.bisect_left(self._starts or [], piece.end)
            return self._all[lo:hi]
        cached = self._by_piece.get((block.index, pi))
        if cached is None:
            cached = [self._sentence(-1, sp.start, sp.end, block)
                      for sp in seg.split_piece(self.text, piece)]
            self._by_piece[(block.index, pi)] = cached
        return cached

    def piece_at(self, block: Block, offset: int) -> int:
        """The index of the piece of `block` that holds (or comes nearest before) `offset`."""
        ps = self.pieces(block)
        return max(0, bisect.bisect_right([p.start for p in ps], offset) - 1) if len(ps) > 1 else 0

    def block_sentences(self, block: Block) -> list[Sentence]:
        """Sentences of one block (all its pieces; a huge block costs: prefer `sentences_in`)."""
        if self._all is not None:
            lo = bisect.bisect_left(self._starts or [], block.start)
            hi = bisect.bisect_left(self._starts or [], block.end)
            return self._all[lo:hi]
        cached = self._by_block.get(block.index)
        if cached is None:
            cached = [s for pi in range(len(self.pieces(block)))
                      for s in self.piece_sentences(block, pi)]
            self._by_block[block.index] = cached
        return cached

    def block_spans(self, block: Block) -> list[Span]:
        """Sentence spans of one block (segmented on first use)."""
        return [Span(s.start, s.end) for s in self.block_sentences(block)]

    def sentences_in(self, start: int, end: int) -> list[Sentence]:
        """The sentences overlapping `[start, end)`, segmenting only the pieces there."""
        if self._block_starts is None:
            self._block_starts = [b.start for b in self.blocks]
        bi = max(0, bisect.bisect_right(self._block_starts, start) - 1)
        out: list[Sentence] = []
        while bi < len(self.blocks) and self.blocks[bi].start < end:
            block = self.blocks[bi]
            if block.end > start:
                ps = self.pieces(block)
                for pi in range(self.piece_at(block, start), len(ps)):
                    if ps[pi].start >= end:
                        break
                    out.extend(s for s in self.piece_sentences(block, pi)
                               if s.end > start and s.start < end)
            bi += 1
        return out

    def set_sentences(self, spans: Spans) -> None:
        """Install precomputed sentence spans (the cache, a background segmentation)."""
        out: list[Sentence] = []
        blocks = self.blocks
        ends = [b.end for b in blocks]
        last = len(blocks) - 1
        bi = 0
        make = self._sentence
        for start, end in spans:
            while bi < last and start >= ends[bi]:
                bi += 1
            out.append(make(len(out), start, end, blocks[bi]))
        self._all = out
        self._starts = [s.start for s in out]
        self._by_block.clear()
        self._by_piece.clear()

    def _sentence(self, index: int, start: int, end: int, block: Block) -> Sentence:
        ts = self.title_span
        title = ts is not None and start < ts[1] and end > ts[0]
        bs = self.byline_span
        kept = title or (bs is not None and start < bs[1] and end > bs[0])
        chrome = not kept and (block.chrome or end <= self.head_end
                               or self._in_chrome_lines(start, end))
        return Sentence(index, start, end, block.index, chrome, title)

    def kind(self, s: Sentence) -> str:
        """One of `KINDS`: what the sentence is to the reader."""
        if s.title:
            return "headline"
        if s.chrome:
            return "chrome"
        if self._in_chrome_lines(s.start, s.end, self.byline_span):
            return "byline"  # the byline line, perhaps with the date line under it
        for kind, span in (("byline", self.byline_span), ("dateline", self.meta.dateline_span)):
            # the whole sentence is the byline (or only the dateline): a sentence that merely
            # opens with "SEOUL (Reuters) -" is the story's first sentence
            if span is not None and span[0] <= s.start and s.end <= span[1]:
                return kind
        return "body"

    def _in_chrome_line(self, start: int, end: int) -> bool:
        """Whether `[start, end)` lies within one line recognised as site chrome."""
        lines = self.chrome_lines
        if not lines:
            return False
        i = bisect.bisect_right(lines, (start, len(self.text) + 1)) - 1
        return i >= 0 and lines[i][0] <= start and end <= lines[i][1]

    def _in_chrome_lines(self, start: int, end: int,
                         also: tuple[int, int] | None = None) -> bool:
        """Whether every line `[start, end)` touches is chrome (or lies within `also`): the
        splitter may join a short chrome line to the next ("By Jane Smith\n13 March 2024")."""
        if self.text.find("\n", start, end) == -1:
            return self._in_chrome_line(start, end) if also is None else False
        if not self.chrome_lines and also is None:
            return False
        pos = start
        while pos < end:
            nl = self.text.find("\n", pos, end)
            stop = end if nl == -1 else nl
            piece = self.text[pos:stop]
            if piece.strip():
                a = pos + len(piece) - len(piece.lstrip())
                b = a + len(piece.strip())
                inside = also is not None and also[0] <= a and b <= also[1]
                if not inside and not self._in_chrome_line(a, b):
                    return False
            pos = stop + 1
        return True

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing a character offset (binary search)."""
        sents = self.sentences()
        i = bisect.bisect_right(self._starts or [], offset) - 1
        if i >= 0 and sents[i].start <= offset < sents[i].end:
            return sents[i]
        return None

    def sentence_text(self, s: Sentence) -> str:
        return self.text[s.start : s.end]

    def block_at(self, offset: int) -> Block | None:
        """The block containing a character offset, or None (blank lines between blocks)."""
        if self._block_starts is None:
            self._block_starts = [b.start for b in self.blocks]
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < self.blocks[i].end:
            return self.blocks[i]
        return None


def read_metadata(text: str, article_id: str) -> Metadata:
    """Title, source, byline, date and dateline from the top and bottom lines only (listings)."""
    return read_meta(text, article_id)


def _chrome_blocks(text: str, spans: list[Span], lines: list[tuple[int, int]]) -> list[bool]:
    """A block is chrome when every line of it is; so is the block after "Prev Post"/"Next Post"
    (the headline of a different article)."""
    starts = [a for a, _ in lines]
    leader_ends = {b for a, b in lines if is_link_leader(text[a:b])}
    flags: list[bool] = []
    prev_end = -1
    for span in spans:
        n_chrome = bisect.bisect_left(starts, span.end) - bisect.bisect_left(starts, span.start)
        # no blank line inside a block, so its lines are its newlines + 1
        flags.append((n_chrome > 0 and n_chrome == text.count("\n", span.start, span.end) + 1)
                     or prev_end in leader_ends)
        prev_end = span.end
    return flags


def parse(text: str, article_id: str, path: Path | None = None, warning: str | None = None,
          cache: SegmentCache | None = None) -> Article:
    """Build an Article from its text. Cheap: only block boundaries and the top lines are read."""
    spans = seg.blocks(text)
    lines = chrome_lines(text)
    chrome = _chrome_blocks(text, spans, lines)
    meta = read_meta(text, article_id)
    title_span = meta.title_span
    title_block = -1
    if title_span is not None:
        t_start = title_span[0]
        title_block = next((i for i, s in enumerate(spans) if s.start <= t_start < s.end), -1)
    head_end = meta.head_end
    blocks = [Block(i, s.start, s.end, chrome[i] or s.end <= head_end, i == title_block)
              for i, s in enumerate(spans)]
    return Article(article_id, path, text, meta, blocks, warning, cache, head_end, title_span,
                   meta.byline_span, lines)


def load(path: Path, cache: SegmentCache | None = None) -> Article:
    """Read one article file. Raises `TextFileError` with a one-line message for bad files."""
    decoded = read_text(path)
    return parse(decoded.text, path.stem, path, decoded.warning, cache)
