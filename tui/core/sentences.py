"""Sentence segmentation with exact code-point offsets into the article text.

pySBD is the most accurate splitter we measured on news text (47/48 golden rules) but slow, so we
segment one *block* at a time (a run of lines between blank lines), which lets callers segment
lazily (what is on screen first) and cache by text hash.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import pysbd

# pySBD's regexes are fine on long lines, but a pathological block (a 200k-character line with no
# punctuation) should never cost more than a bounded amount of work per call.
MAX_CHUNK = 5_000
_TERMINAL = re.compile(r"[.!?…:;\"”’)\]]\s*$")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range `[start, end)` of code points in an article's text."""

    start: int
    end: int


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def blocks(text: str) -> list[Span]:
    """Split text at blank lines (which always end a sentence) into non-empty, trimmed blocks."""
    out: list[Span] = []
    pos = 0
    for m in _BLANK_LINE.finditer(text):
        _add_trimmed(text, pos, m.start(), out)
        pos = m.end()
    _add_trimmed(text, pos, len(text), out)
    return out


def _add_trimmed(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Span(start, end))


def units(text: str, block: Span) -> list[Span]:
    """Split a block into lines that stand alone (headings, bylines) or runs of wrapped lines.

    Scraped news puts headings, captions and bylines on their own line; hard-wrapped prose spreads
    one sentence over several. A newline ends a unit when the line before it is short relative to
    the block's longest line, or ends like a sentence.
    """
    lines: list[Span] = []
    pos = block.start
    while pos < block.end:
        nl = text.find("\n", pos, block.end)
        stop = block.end if nl == -1 else nl
        _add_trimmed(text, pos, stop, lines)
        pos = stop + 1
    if len(lines) <= 1:
        return lines
    longest = max(s.end - s.start for s in lines)
    out: list[Span] = []
    cur = lines[0]
    for line in lines[1:]:
        prev = text[cur.start : cur.end]
        last_line_len = cur.end - text.rfind("\n", cur.start, cur.end) - 1 if "\n" in prev else len(prev)
        if last_line_len < 0.6 * longest or _TERMINAL.search(prev):
            out.append(cur)
            cur = line
        else:
            cur = Span(cur.start, line.end)
    out.append(cur)
    return out


def _chunks(text: str, span: Span) -> Iterator[Span]:
    """Cut an oversized unit at whitespace so no single splitter call sees more than MAX_CHUNK."""
    start = span.start
    while span.end - start > MAX_CHUNK:
        cut = max(text.rfind(". ", start, start + MAX_CHUNK), text.rfind(" ", start, start + MAX_CHUNK))
        cut = start + MAX_CHUNK if cut <= start else cut + 1
        yield Span(start, cut)
        start = cut
    yield Span(start, span.end)


def split_unit(text: str, unit: Span) -> list[Span]:
    """Sentences of one unit, as trimmed spans whose text is exactly `text[start:end]`."""
    out: list[Span] = []
    for chunk in _chunks(text, unit):
        piece = text[chunk.start : chunk.end]
        pos = 0
        for sent in _segmenter().segment(piece):
            core = sent.strip()
            if not core:
                continue
            found = piece.find(core, pos)
            if found < 0:  # pySBD altered the text; fall back to the whole remainder
                _add_trimmed(text, chunk.start + pos, chunk.end, out)
                pos = len(piece)
                break
            out.append(Span(chunk.start + found, chunk.start + found + len(core)))
            pos = found + len(core)
        if pos < len(piece):
            _add_trimmed(text, chunk.start + pos, chunk.end, out)
    return out


def split_block(text: str, block: Span) -> list[Span]:
    """All sentences of one block."""
    return [s for u in units(text, block) for s in split_unit(text, u)]


def segment(text: str) -> list[Span]:
    """All sentences of a text, in order; never crosses a blank line."""
    return [s for b in blocks(text) for s in split_block(text, b)]
