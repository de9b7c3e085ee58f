"""Library rows to Strips, several times faster than Textual's general text pipeline, same look.

A row is a list of parts (mark, title, source, date, counts), each a string exactly as wide as
its column with one style. Through Textual (a rich `Text` converted to `Content`, word-wrapped,
its styles combined span by span) a row took ~0.6 ms: 20 ms for a screen of new rows (the first
screen, every page down). Here each distinct part style is rendered once through that very
pipeline (a one-cell probe, so colours, `dim` blending and the cursor's colours are Textual's
own) and each part becomes one segment with that style.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.text import Text
from textual.strip import Strip
from textual.visual import Visual, visualize

if TYPE_CHECKING:
    from textual.style import Style as VisualStyle
    from textual.widget import Widget

    from .article_rows import Part

_PLAIN = object()  # the key for text outside any span


def slow_strip(widget: Widget, text: Text, width: int, style: VisualStyle) -> Strip:
    """One line through Textual's own pipeline (what the fast path must look like)."""
    strips = Visual.to_strips(widget, visualize(widget, text, markup=False), width, 1, style)
    return strips[0].extend_cell_length(width, style.rich_style).crop(0, width)


class RowPainter:
    """Paints one-line rows for `widget`; call `forget()` when its styles or focus change."""

    def __init__(self, widget: Widget) -> None:
        self.widget = widget
        self._probed: dict[tuple[Hashable, Hashable], RichStyle] = {}
        self._styles: dict[tuple[Hashable, Hashable, int], RichStyle] = {}

    def forget(self) -> None:
        self._probed.clear()
        self._styles.clear()

    def paint(self, parts: Sequence[Part], width: int, style: VisualStyle,
              variant: Hashable) -> Strip:
        """A row given as parts (see `article_rows.row_parts`), in `style` (the row's base:
        plain, cursor, hover); `variant` names that base for the style cache."""
        segments: list[Segment] = []
        x = 0
        plain = ""  # unstyled neighbours make one segment, styled parts one each (as from a Text)
        for text, part_style in parts:
            if part_style is None:
                plain += text
                continue
            if plain:
                segments.append(Segment(plain, self._style(variant, _PLAIN, style, x)))
                x += cell_len(plain)
                plain = ""
            if text:
                segments.append(Segment(text, self._style(variant, part_style, style, x)))
                x += cell_len(text)
        if plain:
            segments.append(Segment(plain, self._style(variant, _PLAIN, style, x)))
            x += cell_len(plain)
        strip = Strip(segments, cell_length=x)  # measured already: not again
        return strip.extend_cell_length(width, style.rich_style).crop(0, width)

    def _style(self, variant: Hashable, part_style: Hashable, style: VisualStyle,
               x: int) -> RichStyle:
        """The style Textual gives a segment in `part_style` starting at cell `x`: colours from
        a probe, and the `offset` meta its text rendering puts on every segment (so that equal
        neighbours stay apart, exactly as there)."""
        key = (variant, part_style, x)
        found = self._styles.get(key)
        if found is None:
            base = self._probed.get((variant, part_style))
            if base is None:
                probe = Text("x")  # styled by a span, as the row's parts are (a Text's own style
                if part_style is not _PLAIN:  # is parsed another way: ANSI colours became RGB)
                    probe.stylize(part_style, 0, 1)  # type: ignore[arg-type]
                segment = next(iter(slow_strip(self.widget, probe, 1, style)))
                base = (segment.style or RichStyle()).clear_meta_and_links()
                self._probed[(variant, part_style)] = base
            found = self._styles[key] = base + RichStyle.from_meta({"offset": (x, 0)})
        return found
