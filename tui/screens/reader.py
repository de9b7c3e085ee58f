"""The reader: one article, a sentence cursor, and the keys of DESIGN.md's table.

Keys that move are in `MovingActions`, keys that change tags in `TaggingActions`; this
module opens articles, keeps the header, legend and status in step, and notices tag files that
changed on disk (a second instance, a `git pull`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen

from tui.bindings import add_bindings, bindings, label_bindings
from tui.commands.labels import LabelCommands
from tui.core.articles import Article, Sentence
from tui.core.marks import Marks
from tui.core.others import OtherTags, problem_key
from tui.core.tags import TagDoc
from tui.core.tagstore import TagFileError
from tui.messages import TagsChanged
from tui.widgets.article_header import ArticleHeader
from tui.widgets.article_view import ArticleView
from tui.widgets.key_bar import KeyBar
from tui.widgets.status_line import StatusLine
from tui.widgets.tag_legend import (
    SentenceInfo,
    TagLegend,
    legend_text,
    selection_text,
    sentence_text,
)

from .progress import SentenceCounter
from .reader_moves import MovingActions
from .reader_status import ReaderStatus
from .reader_suggest import SuggestingActions
from .reader_tagging import TaggingActions
from .reader_twins import TwinActions

if TYPE_CHECKING:
    from pathlib import Path

    from tui.host import Host

POLL_SECONDS = 2.0
# Keys a label may not take because the reader uses them beyond DESIGN.md's table.
EXTRA_READER_KEYS = frozenset({".", ","})


class ReaderScreen(MovingActions, TaggingActions, SuggestingActions, TwinActions, ReaderStatus,
                   Screen[None]):
    """Shows one article at a time; `show_article` switches (n/p, search hits, undo)."""

    BINDINGS = bindings("reader")
    app: Host

    COMMANDS = {LabelCommands}

    def __init__(self, article_id: str | None = None, offset: int | None = None,
                 highlight: Sequence[str] = ()) -> None:
        super().__init__()
        self._initial = (article_id, offset, tuple(highlight))
        self.article: Article | None = None
        self.others = OtherTags(self.app.store, self.app.ws.annotator, set(self.app.labels.names))
        self.counter = SentenceCounter(self, self._counted)
        self._live: tuple[bool, ...] = ()
        self._tagged: tuple[Marks | None, int] = (None, 0)
        self._text_stamp: tuple[int, int] | None = None  # the open article file's (mtime, size)
        self.refused: str | None = None  # why my last tagging key was refused (status line)
        self._composed = False
        self.twins = {}
        self._twins_noticed = set()
        self._children = []
        self._bind_label_keys()

    def _bind_label_keys(self) -> None:
        add_bindings(self, label_bindings("reader", self.app.labels.labels, EXTRA_READER_KEYS))

    def compose(self) -> ComposeResult:
        yield ArticleHeader(id="article-header")
        yield ArticleView(self.app.looks, id="article-view")
        yield SentenceInfo(id="sentence-info")
        yield TagLegend(legend_text(self.app.labels, self.app.looks), id="tag-legend")
        yield StatusLine(id="status-line")
        yield KeyBar()

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    def open_on_mount(self, article_id: str, offset: int | None = None,
                      highlight: Sequence[str] = ()) -> None:
        """What to show once composed (a screen's widgets exist only after its first push)."""
        self._initial = (article_id, offset, tuple(highlight))

    def on_unmount(self) -> None:
        self.stop_twins()

    def on_mount(self) -> None:
        self._composed = True
        self.view.hints = self._hints
        self.set_interval(POLL_SECONDS, self.check_disk)
        article_id, offset, highlight = self._initial
        if article_id is not None and not self.show_article(article_id, offset, highlight):
            self.dismiss()

    # -- opening -----------------------------------------------------------------------------
    def show_article(self, article_id: str, offset: int | None = None,
                     highlight: Sequence[str] = ()) -> bool:
        """Open an article, the cursor at `offset` or where it was left; False if unreadable.

        Before the screen is composed (a second `enter` in the same burst of keys), this only
        says which article to show once it is.
        """
        if not self._composed:
            self.open_on_mount(article_id, offset, highlight)
            return True
        article = self.app.load_article(article_id)
        if article is None:
            return False
        self._remember_position()
        self.article = article
        self._text_stamp = _stamp(article.path)
        self.highlight_terms = tuple(highlight)
        self._continue_to = None
        self.refused = None
        mine = self._open_tags(article)
        self._load_others(article.id)
        if offset is None:
            offset = self.app.state.positions.get(article.id)
        self.view.show(article, self._marks(mine), offset, highlight)
        self.query_one(ArticleHeader).show(article, self._position_text(article.id))
        self.app.state.remember(article.id, self.view.cursor.start if self.view.cursor else None)
        if article.warning:
            self.notify(article.warning, severity="warning", markup=False, timeout=8)
        notice = self._reanchor_notice(article.id)
        if notice:
            self.notify(notice, severity="warning", markup=False, timeout=10)
        self.counter.count(article)
        self.start_suggestions(article)
        self.start_twins(article)
        self._update_info()
        self.view.focus()
        return True

    def _reanchor_notice(self, article_id: str) -> str | None:
        """One line after opening an article that changed since it was tagged."""
        report = self.app.session.reanchored.pop(article_id, None)
        if report is None or not report.changed:
            return None
        tail = "; ctrl+p Orphans to settle them" if report.orphaned else ""
        return f"This article changed since it was tagged: {report.summary()}{tail}"

    def _open_tags(self, article: Article) -> TagDoc:
        try:
            doc = self.app.session.open(article)
        except TagFileError as exc:
            self._my_file_problem(article.id, str(exc))
            return TagDoc(article.id, article.sha256)
        self._my_file_problem(article.id, None)
        return doc

    def _my_file_problem(self, article_id: str, message: str | None) -> None:
        """My own tag file here is broken (`message`) or reads fine (None): known state."""
        problems, store = self.app.services.problems, self.app.store
        try:
            key = problem_key(store, store.path_for(self.app.ws.annotator, article_id))
        except (TagFileError, ValueError):
            key = f"{self.app.ws.annotator}/"
        if message is None:
            if problems.clear(key):
                self.app.refresh_status()
        else:
            problems.report(key, message)  # heard of once; the status line says the rest

    def _load_others(self, article_id: str) -> None:
        problems = self.app.services.problems
        found = self.others.load(article_id, self.article)
        cleared = [problems.clear(key) for key in self.others.fine]
        for key, message in found.items():
            problems.report(key, message)  # a new problem: one notice, from the App
        if any(cleared):
            self.app.refresh_status()

    def _marks(self, mine: TagDoc | None = None) -> Marks:
        if mine is None and self.article is not None:
            mine = self.app.session.doc(self.article.id)
        return Marks.from_docs(self.app.ws.annotator, mine, self.others.docs)

    def _position_text(self, article_id: str) -> str:
        lib = self.app.library
        i = lib.index_of(article_id) if lib else None
        return f"article {i + 1} of {len(lib.entries)}" if lib and i is not None else ""

    def _remember_position(self) -> None:
        if self.article is not None and self.view.cursor is not None:
            self.app.state.remember(self.article.id, self.view.cursor.start)

    def _counted(self, article: Article) -> None:
        self.view.sentences_changed()
        self.query_one(StatusLine).refresh()
        if article is self.article:
            self.sentences_replaced(article)  # a long article's sentences have just landed

    def _hints(self, s: Sentence) -> Text:
        """The screen's gutter markers for a sentence: suggestion ghosts, then `≈N` twins."""
        ghosts, twins = self.ghost_markers(s), self.twin_marker(s)
        return Text.assemble(ghosts, " " if ghosts and twins else "", twins)

    def action_toggle_label(self, number: int) -> None:
        super().action_toggle_label(number)
        self.twins_notice()

    def action_accept_suggestion(self) -> None:
        super().action_accept_suggestion()
        self.twins_notice()

    # -- keeping in step ---------------------------------------------------------------------
    def refresh_tags(self, mine: TagDoc | None = None) -> None:
        """Redraw the tags (after a change here, an undo elsewhere, or a change on disk)."""
        if self.article is None:
            return
        self.view.set_marks(self._marks(mine))
        self._update_info()

    @on(TagsChanged)
    def tags_changed(self, event: TagsChanged) -> None:
        """The one way tags reach the screen, whoever changed them (a key here, undo, search)."""
        if self.article is not None and event.article_id == self.article.id:
            self.refresh_tags()  # my tags from the session's memory: no file is read

    @on(ArticleView.CursorMoved)
    def cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        self._remember_position()  # in memory; written on leaving the reader and on quitting
        self._update_info()

    def _update_info(self) -> None:
        view = self.view
        cur = view.cursor
        marks = view.marks.overlapping(cur.start, cur.end) if cur is not None else []
        selected = len(view.selection()) if view.anchor is not None else 0
        # One line high in app.tcss: no relayout of the screen on every cursor move.
        info = sentence_text(marks, self.app.looks, selected)
        if view.narrow is not None and self.article is not None:
            a, b = view.narrow
            info = selection_text(self.article.text[a:b], self.size.width)
        elif not selected or selected == 1:
            ghost = self.suggestion_info()
            if ghost is not None:
                info.append("  ")
                info.append_text(ghost)
        self.query_one(SentenceInfo).update(info, layout=False)
        self.query_one(StatusLine).refresh()
        self._refresh_footer()

    def _refresh_footer(self) -> None:
        """Re-check which keys are live, only when that changed (the footer rebuilds itself)."""
        session = self.app.session
        live = (session.can_undo, session.can_redo, self.view.has_highlight)
        if live != self._live:
            self._live = live
            self.refresh_bindings()

    def check_disk(self) -> None:
        """Every two seconds: pick up tag files changed by someone else, and the article's own
        text when it was edited on disk (re-read, tags re-anchored, the cursor on its sentence)."""
        if self.article is None or not self.is_current:
            return
        if _stamp(self.article.path) not in (self._text_stamp, None):
            self.reload_text()
            return
        try:
            mine_changed = self.app.session.refresh_if_changed(self.article.id)
        except TagFileError as exc:  # raised once per version of the file's bytes
            self._my_file_problem(self.article.id, str(exc))
            mine_changed = False
        else:
            self._my_file_problem(self.article.id, None)
        others_changed = self.others.changed(self.article.id)
        if others_changed:
            self._load_others(self.article.id)
        if mine_changed or others_changed:
            self.refresh_tags()

    def reload_text(self) -> None:
        """The article file changed: open the new text with the cursor on the same words."""
        from tui.core.relocate import relocate

        old, cursor = self.article, self.view.cursor
        if old is None:
            return
        article = self.app.load_article(old.id)  # its cache notices the new stamp and re-reads
        if article is None or article is old:
            self._text_stamp = _stamp(old.path)
            return
        offset = relocate(old.text, article.text, cursor.start, cursor.end) if cursor else None
        self.article = None  # not `_remember_position`: its offset is into the old text
        if self.show_article(old.id, offset, self.highlight_terms):
            self.notify(f"{old.id} changed on disk: reloaded, tags re-anchored", timeout=4,
                        markup=False)

    def action_go_back(self) -> None:
        """Cancel a selection; else leave (over search results, the highlights go with it)."""
        if self.view.clear_selection():
            return
        if self.view.has_highlight:
            self.view.set_highlight(())
            self._refresh_footer()
            if self.search_below() is None:
                return  # highlights put on a reader in place: the next escape leaves
        self._remember_position()
        self.app.state.save()
        self.dismiss()

    def search_below(self) -> Screen | None:
        """The search results this reader was opened from (the screen just below), if any."""
        try:
            from tui.screens.search import SearchScreen
        except ImportError:  # a build without search
            return None
        stack = self.app.screen_stack
        below = stack[stack.index(self) - 1] if self in stack[1:] else None
        return below if isinstance(below, SearchScreen) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("go_next_match", "go_previous_match"):
            return self.view.has_highlight if self.is_mounted else False
        if action == "undo_change":
            return True if self.app.session.can_undo else None
        if action == "redo_change":
            return True if self.app.session.can_redo else None
        return True


def _stamp(path: Path | None) -> tuple[int, int] | None:
    """(mtime, size) of the article file; None when it cannot be read now (mid-save, gone)."""
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size
