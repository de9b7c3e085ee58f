"""Word-wrapping an article into screen lines fast enough for a 3 MB article on every resize.

The reader renders line by line (Textual's Line API), so it needs to know which text offsets each
screen line shows. Wrapping is greedy at spaces with `str.rfind`, in code points where every
character is one cell wide (almost all news text) and cell by cell only where it is not.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import get_character_cell_size

from tui.core.articles import Block
from tui.core.sanitize import display_text


def irregular_chars(text: str) -> frozenset[str]:
    """The characters of `text` not drawn one cell wide (wide, zero-width); usually none.

    Controls and bidi overrides are not among them: `display_text` draws each as one glyph.
    """
    if text.isascii():
        return frozenset()
    return frozenset(ch for ch in set(text)
                     if get_character_cell_size(ch) != 1 and display_text(ch) == ch and ch != "\n")


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


@dataclass
class Layout:
    """Screen lines of an article at one width: line `y` shows `text[starts[y]:ends[y]]`.

    Blocks are separated by one blank line, whose `block` entry is -1.
    """

    width: int
    starts: array
    ends: array
    blocks: array
    first_line: array  # block index -> its first screen line

    @property
    def height(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """The screen line showing the character at `offset`."""
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
    starts, ends, owner, first = array("q"), array("q"), array("q"), array("q")
    irregular = irregular_chars(text)
    for block in blocks:
        if block.index:
            starts.append(block.start)
            ends.append(block.start)
            owner.append(-1)
        first.append(len(starts))
        pos = block.start
        while pos <= block.end:
            nl = text.find("\n", pos, block.end)
            stop = block.end if nl < 0 else nl
            stop_trim = stop
            if stop_trim > pos and text[stop_trim - 1] == "\r":
                stop_trim -= 1
            added = (wrap(text, pos, stop_trim, width, starts, ends, irregular) if stop_trim > pos
                     else _blank(pos, starts, ends))
            owner.extend([block.index] * added)
            if nl < 0:
                break
            pos = nl + 1
    return Layout(width, starts, ends, owner, first)


def _blank(pos: int, starts: array, ends: array) -> int:
    starts.append(pos)
    ends.append(pos)
    return 1
