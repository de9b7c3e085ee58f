"""The library list's cursor and mouse: keys move a highlighted row (wrapping at the ends like
Textual's lists), the list scrolls just enough to show it; a click opens a row, the pointer
highlights one, and the list's own scroll bar (row_scrollbar.py) is clicked or dragged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

from .row_scrollbar import top_row_at

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual.geometry import Offset, Region, Spacing

    from tui.core.library import Library
    from tui.core.listing import Entry


class ListCursor:
    """Mixed into `ArticleList` (a ScrollView): the cursor, the pointer, the bar's mouse."""

    library: Library | None
    _cursor: int | None
    _hover: int | None
    _dragging: bool
    if TYPE_CHECKING:
        scrollable_content_region: Region
        scroll_offset: Offset
        gutter: Spacing

        @property
        def row_count(self) -> int: ...
        @property
        def entries(self) -> Sequence[Entry]: ...
        def _row_width(self) -> int: ...
        def _forget(self, i: int | None = None) -> None: ...
        def _selected(self, index: int, entry: Entry) -> None: ...
        def refresh_line(self, y: int) -> None: ...
        def scroll_to(self, x: float | None = None, y: float | None = None, *,
                      animate: bool = True) -> None: ...
        def capture_mouse(self, capture: bool = True) -> None: ...
        def release_mouse(self) -> None: ...

    # -- the cursor --------------------------------------------------------------------------
    @property
    def highlighted(self) -> int | None:
        return self._cursor

    @highlighted.setter
    def highlighted(self, i: int | None) -> None:
        n = self.row_count
        i = None if i is None or not n else min(max(i, 0), n - 1)
        old, self._cursor = self._cursor, i
        if old != i:
            for j in (old, i):
                if j is not None:
                    self._forget(j)
                    self.refresh_line(j)
        self._scroll_to_cursor()

    @property
    def current(self) -> Entry | None:
        i = self._cursor
        return self.entries[i] if i is not None and i < self.row_count else None

    def _scroll_to_cursor(self) -> None:
        i, height = self._cursor, self.scrollable_content_region.height
        if i is None or height <= 0:
            return
        top = self.scroll_offset.y
        if i < top:
            self.scroll_to(y=i, animate=False)
        elif i >= top + height:
            self.scroll_to(y=i - height + 1, animate=False)

    def on_resize(self) -> None:
        self._scroll_to_cursor()

    def action_cursor_down(self) -> None:
        if n := self.row_count:
            self.highlighted = 0 if self._cursor is None else (self._cursor + 1) % n

    def action_cursor_up(self) -> None:
        if n := self.row_count:
            self.highlighted = n - 1 if self._cursor is None else (self._cursor - 1) % n

    def action_first(self) -> None:
        self.highlighted = 0

    def action_last(self) -> None:
        self.highlighted = self.row_count - 1

    def action_page_down(self) -> None:
        page = max(1, self.scrollable_content_region.height)
        self.highlighted = self.row_count - 1 if self._cursor is None else self._cursor + page

    def action_page_up(self) -> None:
        page = max(1, self.scrollable_content_region.height)
        self.highlighted = 0 if self._cursor is None else self._cursor - page

    def action_select(self) -> None:
        if (entry := self.current) is not None and self._cursor is not None:
            self._selected(self._cursor, entry)

    # -- the mouse ---------------------------------------------------------------------------
    def _on_bar(self, event: events.MouseEvent) -> bool:
        offset = event.get_content_offset(self)
        return offset is not None and self._row_width() <= offset.x < (
            self.scrollable_content_region.width)

    def _row_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None or self._on_bar(event):
            return None
        i = self.scroll_offset.y + offset.y
        return i if 0 <= i < self.row_count else None

    def _drag_to(self, event: events.MouseEvent) -> None:
        y = event.y - self.gutter.top
        height = self.scrollable_content_region.height
        self.scroll_to(y=top_row_at(y, height, self.row_count), animate=False)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if self._on_bar(event):
            self._dragging = True
            self.capture_mouse()
            self._drag_to(event)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()

    def on_click(self, event: events.Click) -> None:
        if (i := self._row_at(event)) is not None:
            self.highlighted = i
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            self._drag_to(event)
        else:
            self._set_hover(self._row_at(event))

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def _set_hover(self, i: int | None) -> None:
        old, self._hover = self._hover, i
        if old != i:
            for j in (old, i):
                if j is not None:
                    self._forget(j)
                    self.refresh_line(j)
