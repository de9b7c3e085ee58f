"""An article: one text file of the corpus, read into title, metadata, blocks and sentences.

Sentences are segmented block by block on demand, so opening a 5 MB article only pays for the
blocks on screen; `sentences()` segments everything (with a cache keyed by the text's hash).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from . import sentences as seg
from .chrome import is_chrome_line, is_link_leader
from .metadata import Metadata, extract
from .sentences import Span
from .textfile import read_text


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its position in the article and whether it is site chrome."""

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


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Article:
    id: str
    path: Path | None
    text: str
    meta: Metadata
    blocks: list[Block]
    warning: str | None = None
    _sentences: dict[int, list[Sentence]] = field(default_factory=dict, repr=False)
    _all: list[Sentence] | None = field(default=None, repr=False)

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def sha256(self) -> str:
        return text_sha256(self.text)

    def block_spans(self, block: Block) -> list[Span]:
        """Sentence spans of one block (segmented on first use)."""
        cached = self._sentences.get(block.index)
        if cached is None:
            spans = seg.split_block(self.text, Span(block.start, block.end))
            cached = [Sentence(-1, s.start, s.end, block.index, block.chrome or self._chrome(s), block.title)
                      for s in spans]
            self._sentences[block.index] = cached
        return [Span(s.start, s.end) for s in cached]

    def _chrome(self, span: Span) -> bool:
        return is_chrome_line(self.text[span.start : span.end])

    def sentences(self) -> list[Sentence]:
        """Every sentence with its index; segments the blocks not yet segmented."""
        if self._all is None:
            out: list[Sentence] = []
            for block in self.blocks:
                self.block_spans(block)
                for s in self._sentences[block.index]:
                    out.append(Sentence(len(out), s.start, s.end, s.block, s.chrome, s.title))
            self._all = out
        return self._all

    def set_sentences(self, spans: list[tuple[int, int]]) -> None:
        """Install precomputed sentence spans (from the cache) instead of segmenting."""
        out: list[Sentence] = []
        bi = 0
        for start, end in spans:
            while bi < len(self.blocks) - 1 and start >= self.blocks[bi].end:
                bi += 1
            b = self.blocks[bi]
            chrome = b.chrome or is_chrome_line(self.text[start:end])
            out.append(Sentence(len(out), start, end, b.index, chrome, b.title))
        self._all = out

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing a character offset (binary search)."""
        sents = self.sentences()
        lo, hi = 0, len(sents) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = sents[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None

    def sentence_text(self, s: Sentence) -> str:
        return self.text[s.start : s.end]


def _chrome_blocks(text: str, spans: list[Span]) -> list[bool]:
    flags: list[bool] = []
    after_leader = False
    for span in spans:
        lines = [ln.strip() for ln in text[span.start : span.end].splitlines() if ln.strip()]
        chrome = after_leader or all(is_chrome_line(ln) for ln in lines)
        after_leader = bool(lines) and is_link_leader(lines[-1])
        flags.append(chrome)
    # Everything after a "Leave a Reply"/"Share this article" run at the end is chrome too.
    return flags


def parse(text: str, article_id: str, path: Path | None = None, warning: str | None = None) -> Article:
    """Build an Article from its text. Cheap: only block boundaries and the top lines are read."""
    spans = seg.blocks(text)
    chrome = _chrome_blocks(text, spans)
    head_lines: list[tuple[int, str]] = []  # (block index, line)
    for bi, span in enumerate(spans[:40]):
        for ln in text[span.start : span.end].splitlines():
            if ln.strip():
                head_lines.append((bi, ln.strip()))
    tail = [ln.strip() for ln in text[-2000:].splitlines() if ln.strip()]
    lines = [ln for _, ln in head_lines]
    meta = extract(lines + tail[-8:] if len(lines) < 40 else lines, article_id)
    title_block = head_lines[meta.title_line][0] if meta.title_line is not None else -1
    blocks = [Block(i, s.start, s.end, chrome[i], i == title_block) for i, s in enumerate(spans)]
    return Article(article_id, path, text, meta, blocks, warning)


def load(path: Path) -> Article:
    """Read one article file. Raises `TextFileError` with a one-line message for bad files."""
    decoded = read_text(path)
    return parse(decoded.text, path.stem, path, decoded.warning)
