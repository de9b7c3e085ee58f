"""The first screen: every article with its source, date and tag counts; `enter` opens one.

The listing is loaded in a thread (from the `.newstag/` cache, so 100,000 articles are not
re-read on every start) and the screen paints before it arrives.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.messages import LibraryLoaded, TagsChanged
from tui.widgets.article_list import ArticleList, ArticleListHeader
from tui.widgets.key_bar import KeyBar
from tui.widgets.status_line import StatusLine, priority

if TYPE_CHECKING:
    from tui.app import NewstagApp
    from tui.core.library import Library

MAX_PROBLEMS_SHOWN = 3


class LibraryScreen(Screen[None]):
    """The articles of the corpus, the cursor on the one last read."""

    app: NewstagApp

    def __init__(self) -> None:
        super().__init__()
        self._stale: set[str] = set()

    def compose(self) -> ComposeResult:
        yield ArticleListHeader(self.app.labels, self.app.looks, id="library-header")
        yield ArticleList(self.app.labels, self.app.looks, id="article-list")
        yield Static(Text("Loading the library…", style="dim"), id="library-loading")
        yield StatusLine(id="status-line")
        yield KeyBar()

    @property
    def articles(self) -> ArticleList:
        return self.query_one(ArticleList)

    def on_mount(self) -> None:
        self.articles.focus()
        # Paint first: the loading thread competes for the GIL (imports, parsing new files).
        self.call_after_refresh(self.load_library)

    @work(thread=True, exclusive=True, group="library")
    def load_library(self) -> None:
        from tui.core.library import load_library  # imported here: keeps start-up light

        app = self.app
        try:
            app.store.start()
            library = load_library(app.ws, app.labels.names)
        except OSError as exc:
            app.call_from_thread(self.notify, f"{app.ws.corpus}: cannot list articles ({exc})",
                                 severity="error", markup=False)
            return
        options = self.articles.make_options(library.entries, library.counts)
        app.call_from_thread(self._show_library, library, options)

    def _show_library(self, library: Library, options: list[Option]) -> None:
        self.app.library = library
        self.articles.set_entries(library.entries, library.counts, options)
        self.query_one(ArticleListHeader).refresh()  # the source column fits this corpus now
        self.query_one("#library-loading").display = not library.entries
        if not library.entries:
            self.query_one("#library-loading", Static).update(
                Text(f"No articles in {self.app.ws.corpus}: add .txt files there", style="bold"))
        self.highlight(self.app.state.last_read)
        for problem in library.problems[:MAX_PROBLEMS_SHOWN]:
            self.notify(problem, severity="warning", markup=False, timeout=8)
        self.query_one(StatusLine).refresh()
        self.app.post_message(LibraryLoaded())

    def highlight(self, article_id: str) -> None:
        i = self.articles.index_of(article_id) if article_id else None
        if self.articles.option_count:
            self.articles.highlighted = i if i is not None else 0

    @on(OptionList.OptionSelected, "#article-list")
    def open_selected(self, event: OptionList.OptionSelected) -> None:
        entry = self.articles.entries[event.option_index]
        if entry.error:
            self.notify(entry.error, severity="error", markup=False, timeout=8)
            return
        self.app.open_article(entry.id)

    @on(TagsChanged)
    def tags_changed(self, event: TagsChanged) -> None:
        self._stale.add(event.article_id)
        if self.is_current:
            self._refresh_counts()

    def on_screen_resume(self) -> None:
        self._refresh_counts()
        self.highlight(self.app.state.last_read)
        self.articles.focus()

    def _refresh_counts(self) -> None:
        """Recount the tags of the articles changed since we last looked (all annotators)."""
        library = self.app.library
        if library is None or not self._stale:
            return
        from tui.core.tagstore import TagFileError  # here: start-up must not pay for it

        store, names = self.app.store, set(self.app.labels.names)
        for article_id in sorted(self._stale):
            counts: Counter[str] = Counter()
            for who in store.annotators():
                try:
                    doc = store.load(who, article_id, names).doc
                except (TagFileError, ValueError):
                    continue
                if doc is not None:
                    counts.update(t.label for t in doc.tags if not t.orphan)
            library.counts[article_id] = counts
            self.articles.update_counts(article_id, counts)
        self._stale.clear()

    def status_segments(self) -> list:
        return [self._status_annotator, self._status_count]

    @priority(20)
    def _status_annotator(self) -> Text:
        return Text.assemble(("annotator ", "dim"), (self.app.ws.annotator, "bold"))

    @priority(60)
    def _status_count(self) -> Text:
        library = self.app.library
        if library is None:
            return Text("loading…", style="dim")
        bad = sum(1 for e in library.entries if e.error)
        text = Text.assemble(f"{len(library.entries)}", (" articles", "dim"))
        if bad:
            text.append(f"  ⚠ {bad} unreadable", style="bold")
        return text
