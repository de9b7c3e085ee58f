"""The article text, drawn line by line (Textual's Line API) so a 3 MB article costs one screen.

Only the lines on screen are rendered, only their blocks are segmented into sentences, and each
rendered line is cached until the cursor, the selection, the tags or the width change under it.
Where the cursor goes (sentences, pages, tagged sentences, matches) is in `article_cursor`; what
a key means for tags lives in the reader screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.articles import Article, Sentence

from .article_cursor import CursorMoves
from .layout import Layout, layout
from .line_painter import GUTTER, LinePainter, highlight_pattern
from .marks import LabelLook, Marks
from .sentence_nav import SentenceNav


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
        self.skip_chrome = True
        self.painter: LinePainter | None = None
        self._layout: Layout | None = None
        self._lines: dict[int, Strip] = {}

    # -- content ---------------------------------------------------------------------------
    def show(self, article: Article, marks: Marks, offset: int | None = None,
             highlight: Sequence[str] = ()) -> None:
        """Display an article with the cursor on the sentence at `offset` (else the first)."""
        self.article = article
        self.nav = SentenceNav(article)
        self.marks = marks
        self.anchor = None
        self.painter = LinePainter(article, self.nav, marks, self.looks, self._style)
        self.painter.set_pattern(highlight_pattern(highlight))
        self._layout = None
        self._relayout()
        self.scroll_to(y=0, animate=False)
        target = self.nav.nearest(offset, self.skip_chrome) if offset is not None else None
        self.move_to(target or self.nav.first(self.skip_chrome), center=True)

    def set_marks(self, marks: Marks) -> None:
        self.marks = marks
        if self.painter is not None:
            self.painter.marks = marks
        self._clear_lines()

    def set_highlight(self, terms: Sequence[str]) -> None:
        if self.painter is not None:
            self.painter.set_pattern(highlight_pattern(terms))
        self._clear_lines()

    @property
    def has_highlight(self) -> bool:
        return self.painter is not None and self.painter.pattern is not None

    def sentences_changed(self) -> None:
        """The article's sentences were installed wholesale (background segmentation)."""
        if self.painter is not None:
            self.painter.forget_sentences()
        if self.cursor is not None and self.nav is not None:
            self.cursor = self.nav.containing(self.cursor.start) or self.cursor
        self._clear_lines()

    def _clear_lines(self) -> None:
        self._lines.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        self._lines.clear()
        super().notify_style_update()

    # -- geometry --------------------------------------------------------------------------
    @property
    def text_width(self) -> int:
        return max(10, self.scrollable_content_region.width - GUTTER)

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()
        self._scroll_to_cursor()

    def _relayout(self) -> None:
        if self.article is None or self.scrollable_content_region.width <= 0:
            return
        width = self.text_width
        if self._layout is None or self._layout.width != width:
            self._layout = layout(self.article.text, self.article.blocks, width)
            self._lines.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, self._layout.height)
        self.refresh()

    def lines_of(self, s: Sentence) -> tuple[int, int]:
        return self._layout.line_span(s.start, s.end) if self._layout else (0, 0)

    def _scroll_to_cursor(self, center: bool = False) -> None:
        if self.cursor is None or self._layout is None:
            return
        top, bottom = self.lines_of(self.cursor)
        height = self.scrollable_content_region.height
        margin = min(2, max(0, height // 4))
        if center:
            self.scroll_to(y=max(0, top - height // 3), animate=False)
        elif top < self.scroll_y + margin:
            self.scroll_to(y=max(0, top - margin), animate=False)
        elif bottom >= self.scroll_y + height - margin:
            self.scroll_to(y=min(top - margin, bottom - height + margin + 1), animate=False)

    # -- cursor ----------------------------------------------------------------------------
    def move_to(self, target: Sentence | None, center: bool = False, scroll: bool = True) -> None:
        if target is None:
            return
        old = self.cursor
        old_sel = (self.anchor, old)
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
        width = self.scrollable_content_region.width
        line = round(self.scroll_y) + y
        if self._layout is None or not 0 <= line < self._layout.height:
            return Strip.blank(width, self.rich_style)
        strip = self._lines.get(line)
        if strip is None:
            if len(self._lines) > 4000:
                self._lines.clear()
            strip = self._lines[line] = self._build_line(line, width)
        return strip

    def _style(self, part: str) -> Style:
        # Cursor and title only add attributes; the others have colours, blended with the theme.
        partial = part in ("cursor", "title", "mark")
        return self.get_component_rich_style(f"article-view--{part}", partial=partial)

    def _build_line(self, y: int, width: int) -> Strip:
        assert self._layout is not None and self.painter is not None
        base = self.rich_style
        sel = {(s.start, s.end) for s in self.selection()} if self.anchor is not None else set()
        line = self.painter.paint(self._layout, y, self.cursor, sel)
        if line is None:
            return Strip([], 0).extend_cell_length(width, base)
        strip = Strip(line.render(self.app.console), line.cell_len)
        return strip.apply_style(base).extend_cell_length(width, base).crop(0, width)
