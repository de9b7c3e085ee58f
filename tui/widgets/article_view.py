"""The article text, drawn line by line (Textual's Line API) so a 3 MB article costs one screen.

Only the lines on screen are rendered, only their blocks are segmented into sentences and only
the text down to them is wrapped (the rest in small idle steps); each rendered line is cached
until the cursor, the selection, a tag or the width changes under it, and only those lines are
drawn again.
Where the cursor goes (sentences, pages, tagged sentences, matches) is in `article_cursor`; what
a key means for tags lives in the reader screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from tui.core.articles import Article, Sentence
from tui.core.sentence_nav import SentenceNav

from .article_cursor import CursorMoves
from .layout import Layout
from .line_painter import GUTTER, LinePainter, highlight_pattern
from .marks import LabelLook, Marks

MAX_PARTIAL_REDRAW = 200  # changed tags beyond which the whole screen is simply redrawn
GROW_EVERY = 0.05  # seconds between steps of wrapping the rest of a long article
GROW_SECONDS = 0.004  # wrapping per step: well inside a frame, so keys stay instant


class ArticleView(CursorMoves, ScrollView, can_focus=True, inherit_bindings=False):
    """One article with a sentence cursor, an optional selection, tag highlights and markers."""

    COMPONENT_CLASSES = {
        "article-view--cursor",
        "article-view--selection",
        "article-view--chrome",
        "article-view--title",
        "article-view--gutter",
        "article-view--mark",
        "article-view--match",
    }

    class CursorMoved(Message):
        """The cursor (or the selection) now covers other sentences."""

        def __init__(self, view: ArticleView, sentence: Sentence | None) -> None:
            super().__init__()
            self.view = view
            self.sentence = sentence

        @property
        def control(self) -> ArticleView:
            return self.view

    def __init__(self, looks: dict[str, LabelLook], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.looks = looks
        self.article: Article | None = None
        self.nav: SentenceNav | None = None
        self.marks = Marks()
        self.cursor: Sentence | None = None
        self.anchor: Sentence | None = None
        self.narrow: tuple[int, int] | None = None
        self.skip_chrome = True
        self.painter: LinePainter | None = None
        self._layout: Layout | None = None
        self._lines: dict[int, Strip] = {}
        self._styles: dict[str, Style] = {}  # component styles and the base, until restyled
        self._selected: tuple[object, list[tuple[int, int]]] = (None, [])
        self._grower: Timer | None = None
        self._width = self._height = 0  # of the text area with the gutter, set on every layout
        # More gutter markers per sentence, from the screen (suggestions, twins); see `redraw`.
        self.hints: Callable[[Sentence], Text] | None = None

    # -- content ---------------------------------------------------------------------------
    def show(self, article: Article, marks: Marks, offset: int | None = None,
             highlight: Sequence[str] = ()) -> None:
        """Display an article with the cursor on the sentence at `offset` (else the first)."""
        self.article = article
        self.nav = SentenceNav(article)
        self.marks = marks
        self.anchor = None
        self.narrow = None
        self.painter = LinePainter(article, self.nav, marks, self.looks, self._style, self.hints)
        self.painter.set_pattern(highlight_pattern(highlight))
        self._layout = None
        self._relayout()
        self.scroll_to(y=0, animate=False)
        target = self.nav.nearest(offset, self.skip_chrome) if offset is not None else None
        self.move_to(target or self.nav.first(self.skip_chrome), center=True)

    def set_marks(self, marks: Marks) -> None:
        """New tags: only the lines of tags that changed are drawn again."""
        changed = set(self.marks.marks).symmetric_difference(marks.marks)
        self.marks = marks
        if self.painter is not None:
            self.painter.marks = marks
        if len(changed) > MAX_PARTIAL_REDRAW:
            self._clear_lines()
            return
        for m in changed:
            self._invalidate(m.start, m.end)

    def set_highlight(self, terms: Sequence[str]) -> None:
        if self.painter is not None:
            self.painter.set_pattern(highlight_pattern(terms))
        self._clear_lines()

    @property
    def has_highlight(self) -> bool:
        return self.painter is not None and self.painter.pattern is not None

    def sentences_changed(self) -> None:
        """The article's sentences were installed wholesale (background segmentation)."""
        if self.cursor is not None and self.nav is not None:
            self.cursor = self.nav.containing(self.cursor.start) or self.cursor
        self._clear_lines()

    def redraw(self, start: int | None = None, end: int | None = None) -> None:
        """What `hints` says changed: draw the lines of `[start, end)` again, or every line."""
        if start is None or end is None:
            self._clear_lines()
        else:
            self._invalidate(start, end)

    def _clear_lines(self) -> None:
        self._lines.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        self._lines.clear()
        self._styles.clear()
        super().notify_style_update()

    # -- geometry --------------------------------------------------------------------------
    @property
    def text_width(self) -> int:
        return max(10, self.scrollable_content_region.width - GUTTER)

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()
        self._scroll_to_cursor()

    def _relayout(self) -> None:
        # Asked once here, not per line: Textual works it out from the scrollbars each time.
        region = self.scrollable_content_region
        self._width, self._height = region.width, region.height
        if self.article is None or self._width <= 0:
            return
        width = self.text_width
        if self._layout is None or self._layout.width != width:
            # Wrapped as far as the screen needs; the rest in small steps while idle.
            self._layout = Layout(self.article.text, self.article.blocks, width)
            self._lines.clear()
            if self._grower is not None:
                self._grower.stop()
            self._grower = self.set_interval(GROW_EVERY, self._grow)
        self._sync_size()
        self.refresh()

    def _grow(self) -> None:
        lay = self._layout
        if lay is not None and not lay.complete:
            lay.grow(GROW_SECONDS)
        if lay is None or lay.complete:
            if self._grower is not None:
                self._grower.stop()
                self._grower = None
            self._sync_size()  # the guess for the rest was good enough for the scrollbar till now

    def _sync_size(self, at_least: int = -1) -> None:
        """The scrollable height: the lines wrapped so far plus a guess for the rest.

        With `at_least`, only when the height now known falls short of that line: every change
        of the virtual size costs a relayout of the scrollbars, so not on every page.
        """
        if self._layout is None or self.virtual_size.height > at_least >= 0:
            return
        size = Size(self._width, self._layout.estimated_height)
        if size != self.virtual_size:
            self.virtual_size = size

    def lines_of(self, s: Sentence) -> tuple[int, int]:
        if self._layout is None:
            return (0, 0)
        span = self._layout.line_span(s.start, s.end)
        self._sync_size(at_least=span[1] + self._height)
        return span

    def _scroll_to_cursor(self, center: bool = False) -> None:
        """Keep the cursor's sentence on screen; when it reaches an edge, scroll a quarter of a
        screen past it (as vim's scrolljump), so that `j` redraws the whole screen once in
        several sentences instead of on every one."""
        if self.cursor is None or self._layout is None:
            return
        top, bottom = self.lines_of(self.cursor)
        height = self._height
        margin = min(2, max(0, height // 4))
        jump = max(margin, height // 4)
        if center:
            self.scroll_to(y=max(0, top - height // 3), animate=False)
        elif top < self.scroll_y + margin:  # going up: the sentence ends a quarter from the foot
            self.scroll_to(y=max(0, min(top - margin, bottom - height + 1 + jump)), animate=False)
        elif bottom >= self.scroll_y + height - margin:  # going down: starts a quarter from the top
            y = min(top - margin, max(top - jump, bottom - height + margin + 1))
            self.scroll_to(y=y, animate=False)

    # -- cursor ----------------------------------------------------------------------------
    def move_to(self, target: Sentence | None, center: bool = False, scroll: bool = True) -> None:
        if target is None:
            return
        old = self.cursor
        old_sel = (self.anchor, old)
        if self.narrow is not None:  # moving by sentences leaves the selection by words
            self._invalidate(*self.narrow)
            self.narrow = None
        self.cursor = target
        for s in (old, target):
            if s is not None:
                self._invalidate(s.start, s.end)
        if self.anchor is not None:
            for s in old_sel + (target,):
                if s is not None:
                    self._invalidate(min(s.start, self.anchor.start), max(s.end, self.anchor.end))
        if scroll:
            self._scroll_to_cursor(center)
        self._moved(target)

    def _moved(self, sentence: Sentence | None) -> None:
        self.post_message(self.CursorMoved(self, sentence))

    # -- rendering -------------------------------------------------------------------------
    def _invalidate(self, start: int, end: int) -> None:
        if self._layout is None:
            return
        first, last = self._layout.line_span(start, end)
        for y in range(first, last + 1):
            self._lines.pop(y, None)
        self.refresh_lines(first, last - first + 1)

    def render_line(self, y: int) -> Strip:
        width = self._width
        line = round(self.scroll_y) + y
        lay = self._layout
        if lay is not None and line >= lay.height and not lay.complete:
            lay.ensure_line(line)  # scrolled past what was wrapped so far
            self.call_after_refresh(self._sync_size)
        if lay is None or not 0 <= line < lay.height:
            return Strip.blank(width, self._base_style())
        strip = self._lines.get(line)
        if strip is None:
            if len(self._lines) > 4000:
                self._lines.clear()
            strip = self._lines[line] = self._build_line(line, width)
        return strip

    def _style(self, part: str) -> Style:
        found = self._styles.get(part)
        if found is None:
            # Cursor and title only add attributes; the others have colours, blended.
            partial = part in ("cursor", "title", "mark")
            found = self._styles[part] = self.get_component_rich_style(
                f"article-view--{part}", partial=partial)
        return found

    def _base_style(self) -> Style:
        found = self._styles.get("")
        if found is None:
            found = self._styles[""] = self.rich_style
        return found

    def _selected_spans(self) -> list[tuple[int, int]]:
        """The selection's spans, sorted, worked out once per selection (not once per line)."""
        if self.narrow is not None:
            return [self.narrow]
        if self.anchor is None:
            return []
        key = (self.anchor.start, self.cursor.start if self.cursor else None, self.skip_chrome)
        if self._selected[0] != key:
            self._selected = (key, sorted((s.start, s.end) for s in self.selection()))
        return self._selected[1]

    def _build_line(self, y: int, width: int) -> Strip:
        assert self._layout is not None and self.painter is not None
        base = self._base_style()
        line = self.painter.paint(self._layout, y, self.cursor, self._selected_spans())
        if line is None:
            return Strip([], 0).extend_cell_length(width, base)
        strip = Strip(line.render(self.app.console), line.cell_len)
        return strip.apply_style(base).extend_cell_length(width, base).crop(0, width)
