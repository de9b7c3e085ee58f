"""The reader's keys that move: sentences, pages, ends, tagged sentences, matches, articles.

Mixed into ReaderScreen; the cursor itself is `ArticleView`'s, this only says what each key
asks of it and what to tell the user when there is nowhere to go.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.core.articles import Article
    from tui.host import Host
    from tui.widgets.article_view import ArticleView


class MovingActions:
    """Mixed into ReaderScreen, which provides `app`, `article`, `view` and `show_article`."""

    app: Host
    article: Article | None
    view: ArticleView
    highlight_terms: tuple[str, ...] = ()  # what `show_article` was asked to highlight
    _continue_to: tuple[str, int | None] | None = None  # `.`/`,` pressed once at the last match

    if TYPE_CHECKING:  # provided by ReaderScreen and Screen; never defined here at run time
        def show_article(self, article_id: str, offset: int | None = None) -> bool: ...
        def notify(self, message: str, **kw: object) -> None: ...
        def _update_info(self) -> None: ...
        def search_below(self) -> Screen | None: ...

    def action_go_next_sentence(self) -> None:
        self.view.step(forward=True)

    def action_go_previous_sentence(self) -> None:
        self.view.step(forward=False)

    def action_extend_selection(self) -> None:
        self.view.start_or_extend_selection()

    def action_move_selection_word(self, end: bool, widen: bool) -> None:
        """`h`/`l` move the selection's end by a word, `H`/`L` its start (part of a sentence,
        or across sentences: the tag is then that span)."""
        self.view.move_word(end, widen)

    def action_go_first_sentence(self) -> None:
        self.view.to_end(last=False)

    def action_go_last_sentence(self) -> None:
        self.view.to_end(last=True)

    def action_scroll_page_down(self) -> None:
        self.view.page(down=True)

    def action_scroll_page_up(self) -> None:
        self.view.page(down=False)

    def action_go_next_tagged(self) -> None:
        if not self.view.jump_tagged(forward=True):
            self._tagged_in_neighbour(forward=True)

    def action_go_previous_tagged(self) -> None:
        if not self.view.jump_tagged(forward=False):
            self._tagged_in_neighbour(forward=False)

    def _tagged_in_neighbour(self, forward: bool) -> None:
        """Past the last (first) tagged sentence: on into the next (previous) article, in the
        library's order, that has one (anyone's, as `]` counts here), at its first (last)."""
        lib = self.app.library
        where = "after" if forward else "before"
        if lib is None or self.article is None:
            self.notify(f"No tagged sentence {where} this one", timeout=2)
            return
        here = lib.index_of(self.article.id)
        step = 1 if forward else -1
        i = (here if here is not None else (-1 if forward else len(lib))) + step
        while 0 <= i < len(lib):
            entry = lib[i]
            if lib.tally.get(entry.id) and not entry.error and self.show_article(entry.id):
                marks = self.view.marks
                end = len(self.article.text) + 1
                at = marks.next_start(0) if forward else marks.prev_start(end)
                if at is not None:
                    self.view.to_offset(at)
                    self.notify(f"{'Next' if forward else 'Previous'} article with tags",
                                timeout=2)
                    return
            i += step
        self.notify(f"No tagged sentence {where} this one, in this article or any "
                    f"{'after' if forward else 'before'} it", timeout=3)

    def action_go_next_match(self) -> None:
        self._step_match(forward=True)

    def action_go_previous_match(self) -> None:
        self._step_match(forward=False)

    def _step_match(self, forward: bool) -> None:
        """`.`/`,`; past the last match, the same key again goes on to the next (or previous)
        article of the search results that has matches, at its first (or last) hit."""
        if self.view.jump_match(forward):
            self._continue_to = None
            return
        where = "below" if forward else "above"
        count = self.view.match_count()
        said = f"No more matches {where} ({count} in this article)"
        target = self._neighbour_hit(forward)
        if target is None:
            self.notify(said, timeout=3)
            return
        if self._continue_to == target:
            self._continue_to = None
            article_id, sentence = target
            terms = self.highlight_terms
            if self.app.open_article(article_id, sentence=sentence, highlight=terms):
                self.notify(f"{'Next' if forward else 'Previous'} article with matches",
                            timeout=2)
            return
        self._continue_to = target
        key = "." if forward else ","
        self.notify(f"{said} — {key} again for the {'next' if forward else 'previous'} article "
                    "in the search results", timeout=4)

    def _neighbour_hit(self, forward: bool) -> tuple[str, int | None] | None:
        """(article id, sentence index) of the next/previous article in the results below."""
        search = self.search_below()
        if search is None or self.article is None:
            return None
        hits = list(getattr(search, "hits", []))
        order = list(dict.fromkeys(h.article for h in hits))
        if self.article.id in order:
            i = order.index(self.article.id) + (1 if forward else -1)
        else:
            i = 0 if forward else len(order) - 1
        if not 0 <= i < len(order):
            return None
        theirs = [h for h in hits if h.article == order[i]]
        hit = theirs[0] if forward else theirs[-1]
        return hit.article, (hit.index if hit.kind == "sentence" else None)

    def action_toggle_chrome(self) -> None:
        self.view.skip_chrome = not self.view.skip_chrome
        state = "skips" if self.view.skip_chrome else "no longer skips"
        self.notify(f"The cursor {state} site chrome (ctrl+t to switch)", timeout=3)
        self._update_info()

    def action_open_next_article(self) -> None:
        self._open_neighbour(+1)

    def action_open_previous_article(self) -> None:
        self._open_neighbour(-1)

    def _open_neighbour(self, step: int) -> None:
        lib = self.app.library
        if lib is None or self.article is None:
            self.notify("The library is still loading", timeout=2)
            return
        i = lib.index_of(self.article.id)
        i = -1 if i is None and step > 0 else len(lib.entries) if i is None else i
        i += step
        while 0 <= i < len(lib.entries):
            if not lib.entries[i].error:
                self.show_article(lib.entries[i].id)
                return
            i += step
        self.notify("No next article" if step > 0 else "No previous article", timeout=2)
