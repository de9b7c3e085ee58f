"""Word-wrapping an article into screen lines, as far down as anyone has looked.

The reader renders line by line (Textual's Line API), so it needs to know which text offsets each
screen line shows. Wrapping is greedy at spaces with `str.rfind`, in code points where every
character is one cell wide (almost all news text) and cell by cell only where it is not.

A 3 MB article is ~40,000 screen lines, about 100 ms of wrapping: `Layout` wraps blocks only
as far as a line or an offset is asked for (the first screen costs a few blocks), estimates the
height of the rest for the scrollbar, and `grow()` finishes the job in small steps when idle.
"""

from __future__ import annotations

import re
import time
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from rich.cells import get_character_cell_size

from tui.core.articles import Block
from tui.core.sanitize import display_text

# Characters known to be drawn one cell wide; only the others are looked at one by one.
_MAYBE_IRREGULAR = re.compile(
    "[^\n\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482\u2010-\u2027\u2030-\u205e"
    "\u20a0-\u20c0]")


def irregular_chars(text: str) -> frozenset[str]:
    """The characters of `text` not drawn one cell wide (wide, zero-width); usually none.

    Controls and bidi overrides are not among them: `display_text` draws each as one glyph.
    """
    if text.isascii():
        return frozenset()
    suspects = set(_MAYBE_IRREGULAR.findall(text))
    return frozenset(ch for ch in suspects
                     if get_character_cell_size(ch) != 1 and display_text(ch) == ch)


def _cell_cut(line: str, width: int) -> int:
    """How many characters of `line` fit in `width` cells (at least one)."""
    used = 0
    for i, ch in enumerate(line):
        used += get_character_cell_size(ch) or 1
        if used > width:
            return max(1, i)
    return len(line)


def wrap(text: str, start: int, end: int, width: int, out_starts: array, out_ends: array,
         irregular: frozenset[str] | None = None) -> int:
    """Append the screen lines of `text[start:end]` (no newlines inside) to the arrays.

    Returns the number of lines added (at least one). Line ends exclude the space they broke at.
    `irregular` is `irregular_chars` of the text when the caller already has it.
    """
    width = max(1, width)
    n = 0
    shown = text[start:end]
    if irregular is None:
        irregular = irregular_chars(shown)
    narrow = not irregular or irregular.isdisjoint(shown)
    if not narrow:
        shown = display_text(shown)
    pos = 0
    length = len(shown)
    while True:
        if narrow:
            if length - pos <= width:
                out_starts.append(start + pos)
                out_ends.append(start + length)
                return n + 1
            limit = pos + width
            cut = shown.rfind(" ", pos, limit + 1)
            if cut <= pos:
                brk, nxt = limit, limit  # one word longer than the line: cut it
            else:
                brk, nxt = cut, cut + 1
        else:
            rest = shown[pos:]
            fit = _cell_cut(rest, width)
            if fit >= len(rest):
                out_starts.append(start + pos)
                out_ends.append(start + length)
                return n + 1
            cut = rest.rfind(" ", 0, fit + 1)
            brk, nxt = (pos + fit, pos + fit) if cut <= 0 else (pos + cut, pos + cut + 1)
        while brk > pos + 1 and shown[brk - 1] == " ":
            brk -= 1
        out_starts.append(start + pos)
        out_ends.append(start + brk)
        n += 1
        while nxt < length and shown[nxt] == " ":
            nxt += 1
        pos = nxt
        if pos >= length:
            return n


UNIT_MAX = 16_000  # a block longer than this is wrapped in parts of about UNIT_TARGET characters
UNIT_TARGET = 8_000
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]?( +)(?=\S)")
_SPACE_RUN = re.compile(r"( +)(?=\S)")


def _units(text: str, blocks: Sequence[Block]) -> list[tuple[int, int, int, bool]]:
    """(block index, start, end, first part of its block): what `extend` wraps at a time.

    A block of normal size is one part. A huge one (3 MB on single newlines, or on one line) is
    cut at a newline after `UNIT_TARGET` characters, which changes nothing on screen; a huge line
    at a sentence end then a space (its line ends there; a new one starts), else at a space.
    """
    out: list[tuple[int, int, int, bool]] = []
    for b in blocks:
        pos, first = b.start, True
        while b.end - pos > UNIT_MAX:
            nl = text.find("\n", pos + UNIT_TARGET, pos + 2 * UNIT_TARGET)
            if nl >= 0:
                out.append((b.index, pos, nl, first))
                pos = nl + 1
            else:
                lo, hi = pos + UNIT_TARGET, pos + 2 * UNIT_TARGET
                m = _SENTENCE_END.search(text, lo, hi) or _SPACE_RUN.search(text, lo, hi)
                if m is None:
                    break
                out.append((b.index, pos, m.start(1), first))
                pos = m.end(1)
            first = False
        out.append((b.index, pos, b.end, first))
    return out


class Layout:
    """Screen lines of an article at one width: line `y` shows `text[starts[y]:ends[y]]`.

    Blocks are separated by one blank line, whose `blocks` entry is -1. Only the blocks (parts
    of a huge block: `_units`) up to what was asked for are wrapped (`height` lines so far);
    `estimated_height` covers the rest.
    """

    def __init__(self, text: str, blocks: Sequence[Block], width: int) -> None:
        self.width = width
        self.text = text
        self.source = blocks
        self.units = _units(text, blocks)
        self.starts, self.ends = array("q"), array("q")
        self.blocks = array("q")  # screen line -> block index (-1: the blank line between)
        self.first_line = array("q")  # block index -> its first screen line
        self.done = 0  # units wrapped so far
        # A guess at each unit's height (lines of full width, a partial one, the blank line),
        # cumulated, so the unwrapped rest is estimated in O(1).
        self._guess = list(accumulate(((e - s) // max(1, width) + 1 + first
                                       for _, s, e, first in self.units), initial=0))

    @property
    def height(self) -> int:
        """Screen lines wrapped so far (all of them once `complete`)."""
        return len(self.starts)

    @property
    def complete(self) -> bool:
        return self.done >= len(self.units)

    @property
    def estimated_height(self) -> int:
        return self.height + self._guess[-1] - self._guess[self.done]

    def extend(self, n_blocks: int) -> None:
        """Wrap up to `n_blocks` more units (blocks, or parts of a huge one)."""
        text, width = self.text, self.width
        starts, ends, owner, first = self.starts, self.ends, self.blocks, self.first_line
        for bi, ustart, uend, is_first in self.units[self.done : self.done + n_blocks]:
            # per unit, not per text: a 3 MB text's regex scan stays off the first screen
            irregular = irregular_chars(text[ustart:uend])
            if is_first:
                if bi:
                    starts.append(self.source[bi].start)
                    ends.append(self.source[bi].start)
                    owner.append(-1)
                first.append(len(starts))
            before = len(starts)
            pos = ustart
            while pos <= uend:
                nl = text.find("\n", pos, uend)
                stop = uend if nl < 0 else nl
                if stop > pos and text[stop - 1] == "\r":
                    stop -= 1
                if stop > pos:
                    wrap(text, pos, stop, width, starts, ends, irregular)
                else:
                    _blank(pos, starts, ends)
                if nl < 0:
                    break
                pos = nl + 1
            owner.extend([bi] * (len(starts) - before))
            self.done += 1

    def grow(self, seconds: float) -> None:
        """Wrap more blocks for about `seconds` (idle-time work); nothing once complete."""
        deadline = time.perf_counter() + seconds
        while not self.complete and time.perf_counter() < deadline:
            self.extend(32)

    def ensure_line(self, y: int) -> None:
        """Wrap until screen line `y` exists (or the article ends)."""
        while y >= self.height and not self.complete:
            self.extend(4)

    def ensure_offset(self, offset: int) -> None:
        """Wrap until the block holding `offset` is wrapped (or the article ends)."""
        while not self.complete and (self.done == 0 or self.units[self.done - 1][2] <= offset):
            self.extend(4)

    def line_of(self, offset: int) -> int:
        """The screen line showing the character at `offset`."""
        self.ensure_offset(offset)
        y = bisect_right(self.starts, offset) - 1
        y = max(0, y)
        while y > 0 and self.blocks[y] < 0:
            y -= 1
        return y

    def line_span(self, start: int, end: int) -> tuple[int, int]:
        """First and last screen line of the text span `[start, end)`."""
        return self.line_of(start), self.line_of(max(start, end - 1))


def layout(text: str, blocks: Sequence[Block], width: int) -> Layout:
    """Wrap every block at `width` cells (hard newlines inside a block are kept)."""
    lay = Layout(text, blocks, width)
    lay.extend(len(lay.units))
    return lay


def _blank(pos: int, starts: array, ends: array) -> int:
    starts.append(pos)
    ends.append(pos)
    return 1
