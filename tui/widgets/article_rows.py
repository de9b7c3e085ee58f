"""How one library row is laid out (title, source, date, a count per label) at a given width.

Kept apart from the list widget so the layout can be tested and reused without Textual: rows are
built only when drawn, for the width they get, from one `Entry` and its tag counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from rich.style import StyleType
from rich.text import Text

from tui.core.dates import short_date
from tui.core.labels import LabelSet
from tui.core.sanitize import one_line

from .marks import UNKNOWN_LOOK, LabelLook

if TYPE_CHECKING:
    from tui.core.listing import Entry

COUNT_CELLS = 4  # " 999": a space and three digits per label
DATE_CELLS = 10  # dates are shown as 2023-09-16: the time of day says little in a list
SOURCE_CELLS = 16  # at most; narrower when no source in the corpus needs it
def source_cells(widest_source: int) -> int:
    """The source column's width for a corpus whose longest source has this many characters."""
    return min(SOURCE_CELLS, max(len("Source"), widest_source))


@dataclass(frozen=True, slots=True)
class Columns:
    mark: int
    title: int
    source: int
    date: int
    counts: int  # per label

    @classmethod
    def fit(cls, width: int, n_labels: int, source_cells: int = SOURCE_CELLS) -> Columns:
        """Title takes what is left; the date goes before the source when space is short."""
        width -= 1  # a margin on the right
        counts = COUNT_CELLS * n_labels
        date = DATE_CELLS if width >= 50 + counts else 0
        source = source_cells if width >= 80 + counts else 0
        title = max(10, width - 2 - source - date - counts - (source > 0) - (date > 0))
        return cls(2, title, source, date, COUNT_CELLS)


Part = tuple[str, StyleType | None]  # text exactly as wide as its column, and its style


def _fit(text: str, width: int) -> str:
    """`Text.truncate(width, overflow="ellipsis", pad=True)`, on a plain string."""
    cells = cell_len(text)
    if cells > width:
        return set_cell_size(text, width - 1) + "…"
    return text + " " * (width - cells)


def _right(text: str, width: int) -> str:
    """`Text.align("right", width)`, on a plain string."""
    if cell_len(text) > width:
        text = set_cell_size(text, width)
    return " " * (width - cell_len(text)) + text


def _parts(cols: Columns, mark: Part, title: Part, source: Part, date: Part,
           counts: Sequence[Part]) -> list[Part]:
    parts = [mark, (_fit(title[0], cols.title), title[1])]
    if cols.source:
        parts += [(" ", None), (_fit(source[0], cols.source), source[1])]
    if cols.date:
        parts += [(" ", None), (_fit(date[0], cols.date), date[1])]
    parts += [(_right(text, cols.counts), style) for text, style in counts]
    return parts


def row_parts(entry: Entry, counts: Counter[str] | None, labels: LabelSet,
              looks: Mapping[str, LabelLook], cols: Columns, done: bool = False) -> list[Part]:
    """One article's row: a mark (⚠ unreadable, ! read with a warning, ✓ marked done by you),
    title, source, date, and each label's count (`·` for none) in the label's colour."""
    if entry.error:
        mark: Part = ("⚠ ", "bold red")
        title: Part = (f"{one_line(entry.file, 80)} — {one_line(entry.error, 200)}", "dim")
    elif entry.warning:
        mark = ("! ", "bold yellow")
        title = (one_line(entry.title or entry.id, 400), "dim" if entry.pending else None)
    else:
        mark = ("✓ " if done else "  ", "bold green")
        title = (one_line(entry.title or entry.id, 400), "dim" if entry.pending else None)
    shown: list[Part] = []
    for label in labels.labels:
        n = counts.get(label.name, 0) if counts else 0
        shown.append((f"{n}", looks.get(label.name, UNKNOWN_LOOK).swatch) if n else ("·", "dim"))
    return _parts(cols, mark, title, (one_line(entry.source, 400), "dim"),
                  (one_line(short_date(entry.date), 400), "dim"), shown)


def row_text(entry: Entry, counts: Counter[str] | None, labels: LabelSet,
             looks: Mapping[str, LabelLook], cols: Columns, done: bool = False) -> Text:
    """The row as one rich `Text` (what Textual's own pipeline draws; see `row_painter`)."""
    return Text.assemble(*row_parts(entry, counts, labels, looks, cols, done), no_wrap=True,
                         end="")


def counts_caption(everyone: bool) -> str:
    """What the count columns count, said in the header (and `?`)."""
    return "sentences tagged, all annotators" if everyone else "sentences you tagged"


def header_text(labels: LabelSet, looks: Mapping[str, LabelLook], cols: Columns,
                everyone: bool = False) -> Text:
    """The column titles, aligned with the rows; each count column shows its label's marker,
    and the title column ends with what the counts count."""
    shown = [looks.get(lb.name, UNKNOWN_LOOK) for lb in labels.labels]
    caption = f"{counts_caption(everyone)} →"
    title = "Title"
    if cols.title >= len(title) + len(caption) + 2:
        title += " " * (cols.title - len(title) - len(caption)) + caption
    parts = _parts(cols, ("  ", None), (title, "bold"), ("Source", None), ("Date", None),
                   [(look.marker, look.swatch) for look in shown])
    return Text.assemble(*parts, no_wrap=True, end="")
