"""Sentence segmentation with exact code-point offsets into the article text.

pySBD is the most accurate splitter we measured on news text (47/48 golden rules) but slow
(~0.2 M chars/s), so we segment one *block* (a run of lines between blank lines) at a time, which
lets callers segment lazily (what is on screen first), cache by text hash (`segcache`) and spread
bulk work over processes. pySBD only *proposes* boundaries: spans are cut from the original text
between consecutive boundaries, so `text[start:end] == sentence` and full coverage hold by
construction, whatever pySBD does to its copy of the text.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pysbd

# Bump when the spans for a given text can change (part of the segment cache key).
SEGMENTER_VERSION = "2"
# pySBD's cost grows with its input; no single call sees more than this many characters. Longer
# runs are segmented in overlapping windows, so results match what pySBD would say on the whole.
MAX_CHUNK = 4_000
MIN_WRAP = 40  # nobody hard-wraps prose this narrow: shorter lines are headings, buttons, captions
_TERMINAL = re.compile(r"[.!?…:;\"”’)\]]\s*$")
# A blank line: a newline, then only non-newline whitespace, then a newline (CRLF included).
# `blocks()` finds them line by line (faster); the property tests check against this.
BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# pySBD treats newlines as hard breaks; inside a unit they are only wrapping, so hide them.
_WRAP = str.maketrans({"\n": " ", "\r": " "})
_NUMBER_ABBR = re.compile(r"(?:^|[\s(])(?:No|Nos|Vol|Vols|Art|Arts|Fig|Figs|Sec|Ch|Chap|p|pp|Para|"
                          r"Ref|Reg|Rev|Ed|Op|Nr|Pt|Ex|Tab|Cat|Ver)\.$", re.IGNORECASE)
_CLOCK_ABBR = re.compile(r"\b[ap]\.\s?m\.$", re.IGNORECASE)
_AFTER_CLOCK = re.compile(
    r"(?:(?:GMT|UTC|[ECMP][SD]?T|KST|JST|CET|CEST|BST|IST|AEST|MSK|local time|Eastern|Central|"
    r"Pacific|Mountain|Moscow time|Seoul time)\b"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:[.,;:!?)]|\s+(?:and|or|at|in|on|to|until|till|"
    r"when|after|before|local|morning|afternoon|evening|night|\(|[-–—])\b|\s*$))"
)


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range `[start, end)` of code points in an article's text."""

    start: int
    end: int


_local = threading.local()


def _segmenter() -> pysbd.Segmenter:
    """One pySBD segmenter per thread: `Segmenter.segment` keeps the text on the object, so a
    shared one gives wrong spans when the UI and a worker thread segment at the same time."""
    seg = getattr(_local, "segmenter", None)
    if seg is None:
        import pysbd  # imported on first use: opening the library or an article never waits for it

        seg = _local.segmenter = pysbd.Segmenter(language="en", clean=False, char_span=False)
    return seg


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


def lines(text: str, block: Span) -> list[Span]:
    """The non-empty lines of a block, trimmed."""
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
    """Split a block into lines that stand alone (headings, bylines) or runs of wrapped lines.

    Scraped news puts headings, captions and bylines on their own line; hard-wrapped prose spreads
    one sentence over several. A newline ends a unit when the line before it is short (relative to
    the block's longest line, or under `MIN_WRAP` characters), or ends like a sentence.
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


def _proposals(piece: str) -> list[int]:
    """Offsets in `piece` where pySBD ends a sentence (the last one is `len(piece)`)."""
    try:
        sents = _segmenter().segment(piece.translate(_WRAP))
    except Exception:  # noqa: BLE001 - a splitter bug must not lose the text: keep it whole
        return [len(piece)]
    ends: list[int] = []
    pos = 0
    for sent in sents:
        core = sent.strip()
        if not core:
            continue
        found = piece.find(core, pos)
        if found < 0:
            # pySBD changed the text: anchor on its tail; failing that, merge into the next one.
            tail = core[-12:]
            found = piece.find(tail, pos)
            if found < 0:
                continue
            found -= len(core) - len(tail)
        pos = found + len(core)
        ends.append(pos)
    if not ends or piece[ends[-1] :].strip():
        ends.append(len(piece))
    return ends


def _cut_at_space(text: str, start: int, stop: int) -> int:
    """A cut for a window holding a single over-long sentence: the last whitespace, else `stop`."""
    for i in range(stop - 1, start + MAX_CHUNK // 2, -1):
        if text[i].isspace():
            return i + 1
    return stop


def _raw_bounds(text: str, unit: Span) -> list[int]:
    """Sentence ends in a unit, using overlapping windows of at most MAX_CHUNK characters."""
    ends: list[int] = []
    start = unit.start
    while True:
        stop = min(unit.end, start + MAX_CHUNK)
        found = [start + e for e in _proposals(text[start:stop])]
        if stop == unit.end:
            ends.extend(found)
            return ends
        # The window's last sentence may run past its edge: keep the complete ones, go again
        # from where the incomplete one starts.
        if len(found) >= 2:
            ends.extend(found[:-1])
            start = found[-2]
        else:
            start = _cut_at_space(text, start, stop)
            ends.append(start)


def _joins(text: str, prev: Span, nxt: Span) -> bool:
    """Boundaries pySBD gets wrong on news text: "No. 5", "5 p.m. Tuesday", "10 a.m. GMT"."""
    before = text[max(prev.start, prev.end - 12) : prev.end]
    after = text[nxt.start : min(nxt.end, nxt.start + 40)]
    if _NUMBER_ABBR.search(before) and after[:1].isdigit():
        return True
    return bool(_CLOCK_ABBR.search(before) and _AFTER_CLOCK.match(after))


def split_unit(text: str, unit: Span) -> list[Span]:
    """Sentences of one unit, as trimmed spans whose text is exactly `text[start:end]`."""
    out: list[Span] = []
    pos = unit.start
    for end in _raw_bounds(text, unit):
        sp = trimmed(text, pos, end)
        pos = max(pos, end)
        if sp is None:
            continue
        if out and _joins(text, out[-1], sp):
            out[-1] = Span(out[-1].start, sp.end)
        else:
            out.append(sp)
    return out


def split_block(text: str, block: Span) -> list[Span]:
    """All sentences of one block."""
    return [s for u in units(text, block) for s in split_unit(text, u)]


def segment(text: str) -> list[Span]:
    """All sentences of a text, in order; never crosses a blank line."""
    return [s for b in blocks(text) for s in split_block(text, b)]


def segment_tuples(text: str) -> list[tuple[int, int]]:
    """`segment` as plain tuples: cheap to pickle across processes and to store in the cache."""
    return [(s.start, s.end) for s in segment(text)]
