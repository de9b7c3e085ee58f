"""A one-column scroll bar that a Line-API list draws itself, at the end of each row.

Textual's own scroll bar is a widget that renders its whole height again on every scroll step:
in the 100,000-row library that was about a third of the CPU of a cursor move. Drawn by the
list, the bar costs one cell per row, and only when the rows are drawn anyway.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Thumb:
    """Which lines of the bar (0 = the top line on screen) show the thumb."""

    start: int
    end: int

    @classmethod
    def fit(cls, top: int, height: int, rows: int) -> Thumb | None:
        """The thumb for `rows` rows seen from row `top` through `height` lines; None when
        every row fits (no bar)."""
        if height <= 0 or rows <= height:
            return None
        size = min(height, max(1, round(height * height / rows)))
        span = rows - height
        start = round(min(max(top, 0), span) / span * (height - size))
        return cls(start, start + size)

    def __contains__(self, y: object) -> bool:
        return isinstance(y, int) and self.start <= y < self.end


def top_row_at(y: int, height: int, rows: int) -> int:
    """The first row to show when the bar is clicked or dragged at line `y`."""
    if rows <= height or height <= 1:
        return 0
    y = min(max(y, 0), height - 1)
    return round(y / (height - 1) * (rows - height))
