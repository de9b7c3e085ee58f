"""Sentence segmentation with exact code-point offsets into the article text.

sentencex (a Rust core, ~10 M chars/s) proposes boundaries; `sbd_rules` moves quotation marks
and brackets to the sentence they belong to and joins what it split wrongly (attribution after a
quote, ellipsis + lower case, initials, "No. 5", "5 p.m. Tuesday"). Spans are cut from the
original text, so `text[start:end] == sentence` and full coverage hold by construction.

Work is bounded whatever the file's shape: a text is split at blank lines into *blocks*, a block
into *pieces* of a few thousand characters (at a newline after a sentence end, else at a safe
sentence end inside a long line, else at a space), and each piece is segmented on its own. The
reader segments only the pieces on screen; `segment` is by definition the pieces' sentences in
order, so lazy and whole segmentation agree exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import sbd_rules

# Bump when the spans for a given text can change (part of the segment cache key).
SEGMENTER_VERSION = "3"
PIECE_MIN = 2_000  # a piece is cut at the first good place after this many characters...
PIECE_MAX = 8_000  # ...and no later than this (a space, else anywhere)
MAX_CHUNK = PIECE_MAX  # kept for callers that size test inputs by it
MIN_WRAP = 40  # nobody hard-wraps prose this narrow: shorter lines are headings, buttons, captions
_TERMINAL = re.compile(r"[.!?…:;\"”’)\]]\s*$")
# A blank line: a newline, then only non-newline whitespace, then a newline (CRLF included).
# `blocks()` finds them line by line (faster); the property tests check against this.
BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# A line that ends a sentence, then its newline: a piece may end there.
_LINE_END = re.compile(r"[.!?…\"”’)\]][^\S\n]*\n")
# A sentence end inside a line that no rule could join across: a lower-case word of three or
# more letters (not an abbreviation or an initial), a stop, a space, then a capital.
_SAFE_END = re.compile(r"(?<![^\s(\"“])[a-z]{3,}[.!?][\"”’)\]]?[ \t]+(?=[\"“(]?[A-Z][a-z])")
_SPACE = re.compile(r"\s")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range `[start, end)` of code points in an article's text."""

    start: int
    end: int


def trimmed(text: str, start: int, end: int) -> Span | None:
    """`[start, end)` without leading and trailing whitespace; None when nothing is left."""
    piece = text[start:end]  # str.strip runs in C: ~5x faster than stepping char by char
    left = piece.lstrip()
    if not left:
        return None
    start += len(piece) - len(left)
    return Span(start, start + len(left.rstrip()))


def blocks(text: str) -> list[Span]:
    """Split text at blank lines (which always end a sentence) into non-empty, trimmed blocks."""
    # Line by line with C string methods: a regex or a char-by-char trim costs ~3x more on 3 MB.
    out: list[Span] = []
    pos = 0
    start = end = -1  # the block being built: its first and last non-space positions
    for line in text.split("\n"):
        if line and not line.isspace():
            if start < 0:
                start = pos + len(line) - len(line.lstrip())
            end = pos + len(line.rstrip())
        elif start >= 0:
            out.append(Span(start, end))
            start = -1
        pos += len(line) + 1
    if start >= 0:
        out.append(Span(start, end))
    return out


def _cut(text: str, start: int, end: int) -> int:
    """Where the piece starting at `start` ends (`end` when the rest is short enough)."""
    if end - start <= PIECE_MAX:
        return end
    lo, hi = start + PIECE_MIN, start + PIECE_MAX
    nl = text.find("\n", lo, hi)  # C-fast; spares the regex a newline-free window
    if nl >= 0 and (m := _LINE_END.search(text, nl - 1 if nl > lo else lo, hi)) is not None:
        return m.end()
    m = _SAFE_END.search(text, lo, hi)
    if m is not None:
        return m.end()
    if nl >= 0:
        return nl + 1
    m = _SPACE.search(text, lo, hi)
    return m.end() if m is not None else hi


def pieces(text: str, block: Span) -> list[Span]:
    """A block cut into trimmed pieces of at most `PIECE_MAX` characters, segmented alone.

    Cuts fall where a sentence surely ends (a line ending in a stop, or `_SAFE_END` inside a
    long line); only text with no sentence end in thousands of characters is cut at a space.
    """
    out: list[Span] = []
    pos = block.start
    while pos < block.end:
        stop = _cut(text, pos, block.end)
        if (sp := trimmed(text, pos, stop)) is not None:
            out.append(sp)
        pos = stop
    return out


def lines(text: str, block: Span) -> list[Span]:
    """The non-empty lines of a block (or piece), trimmed."""
    out: list[Span] = []
    pos = block.start
    while pos < block.end:
        nl = text.find("\n", pos, block.end)
        stop = block.end if nl == -1 else nl
        if (sp := trimmed(text, pos, stop)) is not None:
            out.append(sp)
        pos = stop + 1
    return out


def units(text: str, block: Span) -> list[Span]:
    """Split a piece into lines that stand alone (headings, bylines) or runs of wrapped lines.

    Scraped news puts headings, captions and bylines on their own line; hard-wrapped prose spreads
    one sentence over several. A newline ends a unit when the line before it is short (relative to
    the piece's longest line, or under `MIN_WRAP` characters), or ends like a sentence.
    """
    ls = lines(text, block)
    if len(ls) <= 1:
        return ls
    longest = max(s.end - s.start for s in ls)
    short = max(0.6 * longest, MIN_WRAP)
    out: list[Span] = []
    cur, last = ls[0], ls[0]  # the unit being built and its last line
    for line in ls[1:]:
        if last.end - last.start < short or _TERMINAL.search(text, last.start, last.end):
            out.append(cur)
            cur = line
        else:
            cur = Span(cur.start, line.end)
        last = line
    out.append(cur)
    return out


def split_unit(text: str, unit: Span) -> list[Span]:
    """Sentences of one unit, as trimmed spans whose text is exactly `text[start:end]`."""
    piece = text[unit.start : unit.end]
    return [Span(unit.start + a, unit.start + b) for a, b in sbd_rules.sentences(piece)]


def split_piece(text: str, piece: Span) -> list[Span]:
    """All sentences of one piece."""
    return [s for u in units(text, piece) for s in split_unit(text, u)]


def split_block(text: str, block: Span) -> list[Span]:
    """All sentences of one block (piece by piece)."""
    return [s for p in pieces(text, block) for s in split_piece(text, p)]


def segment(text: str) -> list[Span]:
    """All sentences of a text, in order; never crosses a blank line."""
    return [s for b in blocks(text) for s in split_block(text, b)]


def segment_tuples(text: str) -> list[tuple[int, int]]:
    """`segment` as plain tuples: cheap to pickle across processes and to store in the cache."""
    return [(s.start, s.end) for s in segment(text)]
