"""Where the reader's sentence cursor goes: selection, steps, ends, pages, tags, matches, clicks.

Mixed into `ArticleView`, which owns the cursor, the layout and the painting; everything here
works block by block through `SentenceNav`, so no key segments more than the blocks it passes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

from tui.core import words
from tui.core.articles import Article, Sentence
from tui.core.sentence_nav import SentenceNav

from .line_painter import GUTTER, LinePainter
from .marks import Marks

if TYPE_CHECKING:
    from .layout import Layout


class CursorMoves:
    """The cursor's moves; `ArticleView` provides the state and `move_to`."""

    article: Article | None
    nav: SentenceNav | None
    marks: Marks
    cursor: Sentence | None
    anchor: Sentence | None
    narrow: tuple[int, int] | None  # a selection by words (`h`/`l`/`H`/`L`), overriding sentences
    skip_chrome: bool
    painter: LinePainter | None
    _layout: Layout | None

    if TYPE_CHECKING:  # provided by ArticleView (a ScrollView); never defined here at run time
        scroll_y: float
        _height: int  # of the text area, as of the last layout

        def move_to(self, target: Sentence | None, center: bool = False,
                    scroll: bool = True) -> None: ...
        def _moved(self, sentence: Sentence | None) -> None: ...
        def _invalidate(self, start: int, end: int) -> None: ...
        def _sync_size(self, at_least: int = -1) -> None: ...
        def lines_of(self, s: Sentence) -> tuple[int, int]: ...
        def scroll_to(self, *, y: float, animate: bool) -> None: ...

    def selection(self) -> list[Sentence]:
        """The sentences a tag key acts on: the selection, else the cursor's sentence."""
        if self.cursor is None or self.nav is None:
            return []
        if self.anchor is None:
            return [self.cursor]
        return self.nav.between(self.anchor, self.cursor, self.skip_chrome)

    def selected_spans(self) -> list[tuple[int, int]]:
        """What a tag key acts on: the span narrowed by words, else the selection's sentences."""
        if self.narrow is not None:
            return [self.narrow]
        return [(s.start, s.end) for s in self.selection()]

    def move_word(self, end: bool, widen: bool) -> None:
        """`h`/`l` (`end`) and `H`/`L`: move one end of the selection by one word.

        The first press turns the selection (or the cursor's sentence) into a span by words;
        it may then take in words of the sentences around, within the same block.
        """
        if self.cursor is None or self.article is None:
            return
        sel = self.selected_spans()
        start, stop = sel[0][0], sel[-1][1]
        text = self.article.text
        lo_block = self.article.block_at(start)
        hi_block = self.article.block_at(stop - 1)
        lo = lo_block.start if lo_block is not None else 0
        hi = hi_block.end if hi_block is not None else len(text)
        if end:
            stop = (words.widen_end(text, start, stop, hi) if widen
                    else words.narrow_end(text, start, stop))
        else:
            start = (words.widen_start(text, start, stop, lo) if widen
                     else words.narrow_start(text, start, stop))
        old = (sel[0][0], sel[-1][1])
        self.anchor = None
        self.narrow = (start, stop)
        self._invalidate(min(old[0], start), max(old[1], stop))
        self._moved(self.cursor)

    def start_or_extend_selection(self) -> None:
        """`v`: anchor a selection here; pressed again, take in the next sentence."""
        if self.cursor is None or self.nav is None:
            return
        if self.anchor is None:
            self.anchor = self.cursor
            self._invalidate(self.cursor.start, self.cursor.end)
            self._moved(self.cursor)
        else:
            self.move_to(self.nav.next(self.cursor, self.skip_chrome) or self.cursor)

    def clear_selection(self) -> bool:
        if self.narrow is not None:
            span, self.narrow = self.narrow, None
            self._invalidate(*span)
            if self.cursor is not None:
                self._moved(self.cursor)
            return True
        if self.anchor is None or self.cursor is None:
            return False
        lo, hi = sorted((self.anchor, self.cursor), key=lambda s: s.start)
        self.anchor = None
        self._invalidate(lo.start, hi.end)
        self._moved(self.cursor)
        return True

    def step(self, forward: bool) -> bool:
        """`j`/`k`: the next or previous sentence; False at either end."""
        if self.cursor is None or self.nav is None:
            return False
        nav, skip = self.nav, self.skip_chrome
        target = nav.next(self.cursor, skip) if forward else nav.prev(self.cursor, skip)
        self.move_to(target)
        return target is not None

    def to_end(self, last: bool) -> None:
        if self.nav is not None:
            skip = self.skip_chrome
            self.move_to(self.nav.last(skip) if last else self.nav.first(skip))

    def to_offset(self, offset: int, deliberately: bool = True) -> None:
        """Put the cursor on the sentence at `offset`, even on chrome when `deliberately`."""
        if self.nav is not None:
            skip = self.skip_chrome and not deliberately
            self.move_to(self.nav.nearest(offset, skip_chrome=skip), center=True)

    def page(self, down: bool) -> None:
        """Scroll a screen and put the cursor on the first sentence that starts on it."""
        if self._layout is None or self.nav is None or self.cursor is None:
            return
        height = max(1, self._height - 2)
        before = round(self.scroll_y)
        lay = self._layout
        if down:  # the next page is wrapped (a long article is wrapped lazily) and scrollable
            lay.ensure_line(before + 3 * height)
            self._sync_size(at_least=before + 3 * height)
        self.scroll_to(y=before + (height if down else -height), animate=False)
        top = round(self.scroll_y)
        if top == before:
            self.to_end(last=down)
            return
        y = min(top, lay.height - 1)
        while y < lay.height - 1 and lay.blocks[y] < 0:
            y += 1
        offset = lay.starts[y]
        target = self.nav.nearest(offset, self.skip_chrome)
        if target is not None and target.start < offset:
            target = self.nav.next(target, self.skip_chrome) or target
        # The page stays where it was put unless the new sentence is not on it at all.
        visible = target is not None and self.lines_of(target)[0] < top + height + 2
        self.move_to(target, scroll=not visible)

    def jump_tagged(self, forward: bool) -> bool:
        """`]`/`[`: the next or previous sentence that carries anyone's tag."""
        if self.cursor is None:
            return False
        marks, cur = self.marks, self.cursor
        at = marks.next_start(cur.end) if forward else marks.prev_start(cur.start)
        if at is None:
            return False
        self.to_offset(at)
        return True

    def jump_match(self, forward: bool) -> bool:
        """Step to the next or previous highlighted search term (never scanning the whole text)."""
        painter = self.painter
        if painter is None or painter.pattern is None or self.cursor is None:
            return False
        at = None
        if forward:
            m = painter.pattern.search(painter.article.text, self.cursor.end)
            at = m.start() if m else None
        else:  # block by block backwards: the painter caches each block's matches
            for bi in range(self.cursor.block, -1, -1):
                before = [a for a, _ in painter.matches(bi) if a < self.cursor.start]
                if before:
                    at = before[-1]
                    break
        if at is None:
            return False
        self.to_offset(at)
        return True

    def match_count(self) -> int:
        """How many highlighted matches the article has (counted once per highlight)."""
        return self.painter.match_count() if self.painter is not None else 0

    def on_click(self, event: events.Click) -> None:
        if self._layout is None or self.nav is None:
            return
        y = round(self.scroll_y) + event.y
        lay = self._layout
        lay.ensure_line(y)
        if 0 <= y < lay.height and lay.blocks[y] >= 0:
            offset = min(lay.starts[y] + max(0, event.x - GUTTER), lay.ends[y] - 1)
            self.move_to(self.nav.nearest(max(offset, lay.starts[y]), skip_chrome=False))
