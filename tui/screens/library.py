"""The first screen: every article with its source, date and tag counts; `enter` opens one.

Counts are sentences carrying each label: yours (`a` shows everyone's, a sentence counted once).
`f` filters (words, `label:`, `annotator:`, `is:untagged|in-progress|done`), `s` cycles the
sort, `d` marks the article done (`tags/<you>/done.txt`), `n` goes to the next one not done.

The rows come from the `.newstag/` listing cache before the first paint (no stat, no article
read, whatever the corpus size); a thread then checks every file and the tag counts
(`refresh_library`) and the rows change in place. Without a cache the thread lists the file
names and reads the rows on screen first; the rest fill in as they are read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import get_current_worker

from tui.messages import LibraryLoaded, TagsChanged
from tui.screens.typeahead import note_origin
from tui.widgets.article_list import ArticleList, ArticleListHeader
from tui.widgets.key_bar import KeyBar
from tui.widgets.status_line import StatusLine, priority

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual import events

    from tui.core.library import Library, LibraryUpdate
    from tui.core.library_view import View
    from tui.host import Host

class LibraryScreen(Screen[None]):
    """The articles of the corpus, the cursor on the one last read."""

    app: Host

    def __init__(self) -> None:
        super().__init__()
        self._stale: set[str] = set()
        self._source_cells = 0  # the source column's width the header was drawn for
        self.everyone = False  # counts: mine (False) or all annotators' (True)
        self.done: set[str] = set()
        self.filter_text = ""
        self.sort = "file"

    def compose(self) -> ComposeResult:
        yield ArticleListHeader(self.app.labels, self.app.looks, id="library-header")
        filter_box = Input(placeholder="Filter: words  label:NAME  annotator:NAME  "
                           "is:untagged|in-progress|done  (enter: keep, esc: clear)",
                           id="library-filter")
        filter_box.display = False
        yield filter_box
        yield ArticleList(self.app.labels, self.app.looks, id="article-list")
        yield StatusLine(id="status-line")
        yield KeyBar()

    @property
    def articles(self) -> ArticleList:
        return self.query_one(ArticleList)

    def on_mount(self) -> None:
        from tui.core.library import open_cached

        self._load_done()
        self.articles.focus()
        self.articles.placeholder = Text("Loading the library…", style="dim")
        library = open_cached(self.app.ws)  # ~40 ms for 100,000 rows, none decoded
        if library is not None:
            self._show_library(library)
        # After the first paint: the thread competes for the GIL (stat, reading new files).
        self.call_after_refresh(self._load, library)

    # -- loading and keeping up with the files (a thread) ------------------------------------
    @work(thread=True, exclusive=True, group="library")
    def _load(self, library: Library | None) -> None:
        from tui.core.library import ensure_entries, open_library, refresh_library

        app = self.app
        worker = get_current_worker()
        try:
            if library is None:
                library = open_library(app.ws)
                ensure_entries(app.ws, library, self._first_window(library))
                if not self._call(self._show_library, library):
                    return
            app.services.store.start()  # housekeeping: temp files of killed writers
            updates = refresh_library(app.ws, library, stop=lambda: worker.is_cancelled)
            for update in updates:
                if not self._call(self._apply, update):
                    return
        except OSError as exc:
            self._call(self.notify, f"{app.ws.corpus}: cannot list articles ({exc})",
                       severity="error", markup=False)

    def _call(self, fn: Callable, *args: object, **kw: object) -> bool:
        """Run `fn` on the UI thread; False once the screen is going away (stop the thread)."""
        if get_current_worker().is_cancelled:
            return False
        try:
            self.app.call_from_thread(fn, *args, **kw)
        except RuntimeError:  # the app has stopped
            return False
        return True

    def _first_window(self, library: Library) -> range:
        """The rows the first screen shows, around the article read last."""
        height = max(1, self.app.size.height)
        i = library.index_of(self.app.state.last_read) or 0
        return range(max(0, i - height + 1), i + height)

    @on(ArticleList.RowsWanted)
    def rows_wanted(self, event: ArticleList.RowsWanted) -> None:
        if self.app.library is not None:
            self._read_rows(self.app.library, event.indices)

    @work(thread=True, group="rows")
    def _read_rows(self, library: Library, indices: list[int]) -> None:
        from tui.core.library import ensure_entries

        changed = ensure_entries(self.app.ws, library, indices)
        if changed:
            self._call(self._rows_read, library, sorted(changed))

    def _rows_read(self, library: Library, indices: list[int]) -> None:
        if library is self.app.library:
            self._rows_changed(indices)

    # -- showing it (the UI thread) ----------------------------------------------------------
    def _show_library(self, library: Library) -> None:
        self.app.library = library
        library.set_scope(None if self.everyone else self.app.ws.annotator)
        self._source_cells = library.source_cells
        if not len(library):
            self.articles.placeholder = Text(
                f"No articles in {self.app.ws.corpus}: add .txt files there", style="bold")
        self.articles.set_library(library, self._view(library))
        self.highlight(self.app.state.last_read)
        self.query_one(ArticleListHeader).refresh()  # the source column fits this corpus
        # Problems in the cache are as last seen: announced only once checked (`_apply`), so a
        # file fixed since is never announced again.
        self.query_one(StatusLine).refresh()
        self.app.post_message(LibraryLoaded())

    def _apply(self, update: LibraryUpdate) -> None:
        """One step of the background check: new files, re-read rows, new counts, done."""
        if update.library is not None:
            self._show_library(update.library)
        if update.entries:
            self._rows_changed(sorted(update.entries))
        if update.counts is not None:
            self._refilter() if self._filtered else self.articles.redraw()
        if update.done:
            self._rows_changed([])  # a recount may have changed the source column
            if self.app.library is not None:  # checked now: exactly what is known to be wrong
                self.app.services.problems.replace_all(self.app.library.problems)
                self.app.refresh_status()
            if self._filtered:
                self._refilter()  # titles read since the filter was applied
    def _rows_changed(self, indices: list[int]) -> None:
        library = self.app.library
        if library is not None and library.source_cells != self._source_cells:
            self._source_cells = library.source_cells  # a longer source: the columns move
            self.articles.redraw()
            self.query_one(ArticleListHeader).refresh()
        else:
            self.articles.rows_changed(indices)
        self.query_one(StatusLine).refresh()

    def highlight(self, article_id: str) -> None:
        i = self.articles.index_of(article_id) if article_id else None
        if self.articles.row_count:
            self.articles.highlighted = i if i is not None else 0

    @on(ArticleList.Selected, "#article-list")
    def open_selected(self, event: ArticleList.Selected) -> None:
        if event.entry.error:
            self.notify(event.entry.error, severity="error", markup=False, timeout=8)
            return
        self.app.open_article(event.entry.id)

    # -- tags changed elsewhere --------------------------------------------------------------
    @on(TagsChanged)
    def tags_changed(self, event: TagsChanged) -> None:
        self._stale.add(event.article_id)
        # Not `is_current`: Textual counts the screen just below the top one as "current"
        # (visible through it), so every tag saved in the reader re-read tag files here.
        if self.app.screen is self:
            self._refresh_counts()

    def on_screen_resume(self) -> None:
        self._load_done()
        self._refresh_counts()
        self.highlight(self.app.state.last_read)
        if not self.query_one("#library-filter", Input).has_focus:
            self.articles.focus()

    def _refresh_counts(self) -> None:
        """Recount the sentences tagged in the articles changed since we last looked."""
        library = self.app.library
        if library is None or not self._stale:
            return
        from tui.core.tagcounts import load_article, tally_docs  # start-up must not pay

        ws = self.app.ws
        docs = self.app.services.docs  # files parsed once per change; a save is not re-read
        for article_id in sorted(self._stale):
            art = load_article(ws.corpus, article_id, ws.cache)
            library.update_article(article_id, tally_docs(docs.docs_for(article_id), art))
            self.articles.update_counts(article_id)
        self._stale.clear()
        if self._filtered:
            self._refilter()
        self.query_one(StatusLine).refresh()

    # -- filter, sort, progress --------------------------------------------------------------
    @property
    def _filtered(self) -> bool:
        return bool(self.filter_text.strip()) or self.sort != "file"

    def _load_done(self) -> None:
        from tui.core.done_marks import load_done
        from tui.core.textfile import TextFileError

        try:
            self.done = load_done(self.app.ws.tags, self.app.ws.annotator)
        except TextFileError as exc:
            self.notify(str(exc), severity="warning", markup=False, timeout=8)
        if self.articles.done != self.done:
            self.articles.done = self.done
            self.articles.redraw()

    def _view(self, library: Library) -> View | None:
        """The rows to show under the current filter and sort (None: the library as it is)."""
        from tui.core.library_view import FilterError, make_view, parse_filter

        if not self._filtered:
            return None
        box = self.query_one("#library-filter", Input)
        try:
            spec = parse_filter(self.filter_text, self.app.labels.names)
        except FilterError as exc:
            box.border_subtitle = str(exc)
            box.add_class("-invalid")
            spec = parse_filter("")
        else:
            box.border_subtitle = ""
            box.remove_class("-invalid")
        return make_view(library, spec, self.sort, self.app.ws.annotator, self.done,
                         self.filter_text)

    def _refilter(self) -> None:
        library = self.app.library
        if library is not None:
            self.articles.set_library(library, self._view(library))
            self.query_one(ArticleListHeader).refresh()
            self.query_one(StatusLine).refresh()

    def action_filter(self) -> None:
        box = self.query_one("#library-filter", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#library-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value
        self._refilter()

    @on(Input.Submitted, "#library-filter")
    def filter_kept(self, event: Input.Submitted) -> None:
        box = self.query_one("#library-filter", Input)
        box.display = bool(self.filter_text.strip())
        self.articles.focus()

    def on_key(self, event: events.Key) -> None:
        note_origin(self, event)  # `/road` in one go: the app gives the letters to the search box
        box = self.query_one("#library-filter", Input)
        if event.key == "escape" and box.has_focus:
            event.stop()
            box.value = ""  # clears the filter (Input.Changed)
            box.display = False
            self.articles.focus()

    def action_sort(self) -> None:
        from tui.core.library_view import SORTS

        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._refilter()
        self.notify(f"Sorted by {self.sort}", timeout=2)

    def action_toggle_scope(self) -> None:
        self.everyone = not self.everyone
        library = self.app.library
        if library is not None:
            library.set_scope(None if self.everyone else self.app.ws.annotator)
            self._refilter() if self._filtered else self.articles.redraw()
        self.query_one(ArticleListHeader).refresh()

    def action_toggle_done(self) -> None:
        from tui.core.done_marks import done_path, set_done

        entry = self.articles.current
        if entry is None:
            return
        ws = self.app.ws
        mark = entry.id not in self.done
        try:
            self.done = self.articles.done = set_done(ws.tags, ws.annotator, entry.id, mark)
        except OSError as exc:
            self.notify(f"{done_path(ws.tags, ws.annotator)}: cannot save ({exc.strerror})",
                        severity="error", markup=False)
            return
        self.articles.update_counts(entry.id)
        if self._filtered:
            self._refilter()
        self.query_one(StatusLine).refresh()
        self.notify(f"{entry.id}: {'done' if mark else 'not done'}", timeout=2, markup=False)

    def action_next_undone(self) -> None:
        """Down the list (as shown) to the next article not marked done, wrapping around."""
        rows = self.articles.entries
        n = len(rows)
        start = self.articles.highlighted or 0
        for step in range(1, n + 1):
            row = (start + step) % n
            if rows[row].id not in self.done and not rows[row].error:
                self.articles.highlighted = row
                return
        self.notify("Every article here is marked done", timeout=3)

    # -- the status line ---------------------------------------------------------------------
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
        done = sum(1 for a in self.done if library.index_of(a) is not None)
        text = Text.assemble(f"{done}", (" of ", "dim"), f"{len(library)}",
                             (" articles done", "dim"))
        shown = self.articles.row_count
        if shown != len(library):
            text.append_text(Text.assemble(("  ·  ", "dim"), f"{shown}", (" shown", "dim")))
        if library.unreadable:
            text.append(f"  ⚠ {library.unreadable} unreadable", style="bold")
        return text
