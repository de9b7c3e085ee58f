"""The library's list of articles: one line each, drawn from the `Library` only when on screen.

A Line-API widget (`ScrollView.render_line`) with its own cursor and scroll bar: it holds no
per-article object, so 100,000 articles cost what the 40 rows on screen cost. Rows whose title is
not read yet (`Entry.pending`) show the file's id and are asked for with `RowsWanted`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.text import Text
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from tui.bindings import bindings
from tui.core.labels import LabelSet

from .article_rows import Columns, header_text, row_parts, row_text, short_date, source_cells
from .list_cursor import ListCursor
from .marks import LabelLook
from .row_painter import RowPainter, slow_strip
from .row_scrollbar import Thumb

if TYPE_CHECKING:
    from tui.core.library import Library
    from tui.core.library_view import View
    from tui.core.listing import Entry

__all__ = ["ArticleList", "ArticleListHeader", "short_date"]

STRIP_CACHE = 400  # drawn rows kept (a few screens): scrolling back and forth redraws nothing
ROW, CURSOR, HOVER = "article-list--row", "article-list--cursor", "article-list--hover"
BAR, THUMB = "article-list--bar", "article-list--thumb"


class ArticleList(ListCursor, ScrollView, can_focus=True, inherit_bindings=False):
    """The articles, one line each; `entries[i]` is the article on line `i`."""

    ALLOW_SELECT = False
    BINDINGS = bindings("library")
    COMPONENT_CLASSES = {ROW, CURSOR, HOVER, BAR, THUMB}
    DEFAULT_CSS = """
    ArticleList {
        height: 1fr;
        padding: 0 0 0 1;
        color: $foreground;
        background: $background;
        overflow-x: hidden;
        scrollbar-size-vertical: 0;  /* the list draws its own bar (row_scrollbar.py) */
        & > .article-list--cursor {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .article-list--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        & > .article-list--hover {
            background: $block-hover-background;
        }
        & > .article-list--bar {
            background: $scrollbar-background;
        }
        & > .article-list--thumb {
            background: $scrollbar;
        }
    }
    """

    class Selected(Message):
        """`enter` (or a click) on a row."""

        def __init__(self, article_list: ArticleList, index: int, entry: Entry) -> None:
            super().__init__()
            self.article_list = article_list
            self.index = index
            self.entry = entry

        @property
        def control(self) -> ArticleList:
            return self.article_list

    class RowsWanted(Message):
        """Rows on screen whose titles are not read yet (`Entry.pending`)."""

        def __init__(self, indices: list[int]) -> None:
            super().__init__()
            self.indices = indices

    def action_open_claims(self) -> None:
        """`c`: the claims view (each claim made by two or more articles, side by side)."""
        from tui.screens.claims import ClaimsScreen

        self.app.push_screen(ClaimsScreen())

    def __init__(self, labels: LabelSet, looks: Mapping[str, LabelLook], **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.labels = labels
        self.looks = looks
        self.library: Library | None = None
        self.view: View | None = None  # the rows shown (filtered, sorted) over `library`
        self.done: set[str] = set()  # articles this annotator marked done (a ✓ on the row)
        self.placeholder: Text | None = None  # shown while there are no rows
        self._cursor: int | None = None
        self._hover: int | None = None
        self._dragging = False
        self._strips: dict[tuple[int, int], Strip] = {}
        self._painter = RowPainter(self)
        self._drawn_for: tuple[int, bool, int] | None = None  # row width, focus, source cells
        self._asked: set[int] = set()  # pending rows already asked for
        self._to_ask: list[int] = []
        # Set for each drawing pass by render_lines: the first row, the thumb, the bar's cells.
        self._top = 0
        self._thumb: Thumb | None = None
        self._bar_cells: tuple[Strip, Strip] | None = None

    # -- the rows ----------------------------------------------------------------------------
    @property
    def entries(self) -> Sequence[Entry]:
        return _Rows(self.view) if self.view is not None else ()

    @property
    def row_count(self) -> int:
        return len(self.view) if self.view is not None else 0

    def set_library(self, library: Library, view: View | None = None) -> None:
        """Show this listing, all of it or `view` of it (the cursor stays on the same article
        when it is still shown)."""
        from tui.core.library_view import View

        keep = self.current
        self.library = library
        self.view = view if view is not None else View(library)
        self._forget()
        self._asked.clear()
        self.virtual_size = Size(0, len(self.view))
        self._cursor = None
        i = self.index_of(keep.id) if keep is not None else None
        self.highlighted = i if i is not None else 0
        self.refresh()

    def rows_changed(self, indices: Sequence[int]) -> None:
        """These library rows were re-read (or their counts changed): draw them again if shown."""
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        for i in indices:
            self._asked.discard(i)
            row = self.view.row_of(i) if self.view is not None else None
            if row is None:
                continue
            self._forget(row)
            if top <= row < top + height:
                self.refresh_line(row)

    def update_counts(self, article_id: str) -> None:
        """The article's counts changed (the library already has them): draw its row again."""
        if self.library is not None and (i := self.library.index_of(article_id)) is not None:
            self.rows_changed([i])

    def redraw(self) -> None:
        """Every row again (tag counts, or the columns' widths, changed)."""
        self._forget()
        self.refresh()

    def index_of(self, article_id: str) -> int | None:
        """The row showing this article (None when it is not listed or filtered out)."""
        if self.library is None or self.view is None:
            return None
        i = self.library.index_of(article_id)
        return self.view.row_of(i) if i is not None else None

    def columns(self) -> Columns:
        """The columns' widths at the list's current size (the header lines up with them)."""
        return self._columns(self._row_width())

    def _columns(self, width: int) -> Columns:
        widest = self.library.source_cells if self.library is not None else 0
        return Columns.fit(width, len(self.labels.labels), source_cells(widest))

    def _row_width(self) -> int:
        region = self.scrollable_content_region
        return region.width - (self.row_count > region.height)  # a column for the bar

    def row_text(self, i: int) -> Text:
        """Row `i` as it is drawn at the list's width (without the cursor's colours)."""
        assert self.library is not None
        entry = self.entries[i]
        return row_text(entry, self.library.counts.get(entry.id), self.labels, self.looks,
                        self.columns(), entry.id in self.done)

    # The library's own keys (filter, sort, done...) are table rows bound here with the list's;
    # the screen does the work.
    def _screen_action(self, name: str) -> None:
        method = getattr(self.screen, f"action_{name}", None)
        if method is not None:
            method()

    def action_filter(self) -> None:
        self._screen_action("filter")

    def action_sort(self) -> None:
        self._screen_action("sort")

    def action_toggle_done(self) -> None:
        self._screen_action("toggle_done")

    def action_next_undone(self) -> None:
        self._screen_action("next_undone")

    def action_toggle_scope(self) -> None:
        self._screen_action("toggle_scope")

    def _selected(self, index: int, entry: Entry) -> None:
        self.post_message(self.Selected(self, index, entry))

    # -- drawing -----------------------------------------------------------------------------
    def _forget(self, i: int | None = None) -> None:
        if i is None:
            self._strips.clear()
            self._painter.forget()  # the focus or the styles changed: the colours may have
        else:
            for variant in (0, 1, 2):
                self._strips.pop((i, variant), None)

    def notify_style_update(self) -> None:
        self._forget()
        super().notify_style_update()

    def render_lines(self, crop: Region) -> list[Strip]:
        """Work out once per drawing pass what every line shares, then draw the lines."""
        region = self.scrollable_content_region
        lib = self.library
        n = self.row_count
        self._top = self.scroll_offset.y
        self._thumb = Thumb.fit(self._top, region.height, n)
        width = region.width - (self._thumb is not None)
        drawn_for = (width, self.has_focus, lib.source_cells if lib is not None else 0)
        if drawn_for != self._drawn_for:
            self._forget()
            self._drawn_for = drawn_for
        if self._thumb is not None:
            self._bar_cells = (self._cell(BAR), self._cell(THUMB))
        return super().render_lines(crop)

    def _cell(self, component: str) -> Strip:
        return Strip([Segment(" ", self.get_visual_style(component).rich_style)], 1)

    def render_line(self, y: int) -> Strip:
        width = self._drawn_for[0] if self._drawn_for is not None else 0
        strip = self._row_strip(self._top + y, y, width)
        if self._thumb is not None and self._bar_cells is not None:
            return Strip.join([strip, self._bar_cells[y in self._thumb]])
        return strip

    def _row_strip(self, i: int, y: int, width: int) -> Strip:
        lib = self.library
        if lib is None or i >= self.row_count:
            style = self.get_visual_style(ROW)
            if y == 0 and self.placeholder is not None and not self.row_count:
                return slow_strip(self, self.placeholder, width, style)
            return Strip.blank(width, style.rich_style)
        variant = 1 if i == self._cursor else 2 if i == self._hover else 0
        strip = self._strips.get((i, variant))
        if strip is None:
            if len(self._strips) >= STRIP_CACHE:
                self._strips.clear()
            strip = self._strips[(i, variant)] = self._draw(lib, i, variant, width)
        return strip

    def _draw(self, lib: Library, row: int, variant: int, width: int) -> Strip:
        i = self.view.index(row) if self.view is not None else row
        entry = lib[i]
        if entry.pending and i not in self._asked:
            if not self._to_ask:
                self.call_later(self._ask_for_rows)
            self._asked.add(i)
            self._to_ask.append(i)
        parts = row_parts(entry, lib.counts.get(entry.id), self.labels, self.looks,
                          self._columns(width), entry.id in self.done)
        style = self.get_visual_style(ROW, *((), (CURSOR,), (HOVER,))[variant])
        return self._painter.paint(parts, width, style, variant)

    def _ask_for_rows(self) -> None:
        wanted, self._to_ask = sorted(self._to_ask), []
        if wanted:
            self.post_message(self.RowsWanted(wanted))


class _Rows(Sequence["Entry"]):
    """The entries in the order shown: row `n` is `view.lib[view.index(n)]`."""

    def __init__(self, view: View) -> None:
        self.view = view

    def __len__(self) -> int:
        return len(self.view)

    def __getitem__(self, row):  # type: ignore[no-untyped-def,override]
        if isinstance(row, slice):
            return [self[n] for n in range(*row.indices(len(self)))]
        return self.view.lib[self.view.index(row)]


class ArticleListHeader(Widget):
    """Column titles aligned with the rows; each label's count column shows its marker."""

    def __init__(self, labels: LabelSet, looks: Mapping[str, LabelLook], **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.labels = labels
        self.looks = looks

    def render(self) -> Text:
        rows = self.screen.query(ArticleList)  # share the rows' widths so the columns line up
        if rows:
            cols = rows.first().columns()
        else:
            cols = Columns.fit(self.size.width, len(self.labels.labels), source_cells(0))
        return header_text(self.labels, self.looks, cols,
                           bool(getattr(self.screen, "everyone", False)))
