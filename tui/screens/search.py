"""The search screen (`/`): results as you type, grouped by article, tag from the list.

Hits come grouped: the best articles first, under each its matching sentences in context
(terms highlighted, tags shown); more articles load as the cursor nears the end. `space`
selects hits and `*` all of them; a label key then tags every selected hit as one undo step
after a one-line confirmation. `u` / `ctrl+r` undo and redo what was tagged here, `?` explains
the keys and the query syntax.

Searching runs in an exclusive thread worker (a newer keystroke supersedes an older search):
first within a time budget, so every keystroke shows hits at once, then the complete ranking,
which the next keystroke cancels;
the index is brought up to date in another worker when the screen opens, with its progress on
the status line. Label keys on a hit tag that sentence through the App's one TaggingSession, so
undo, the YAML files and the index all see the change as if it was made in the reader.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.bindings import add_bindings, bindings, label_bindings
from tui.core.sanitize import one_line
from tui.core.search.engine import (
    TYPING_SECONDS,
    Budget,
    Hit,
    IndexBusy,
    QueryError,
    Results,
    SearchError,
)
from tui.messages import TagsChanged
from tui.screens.search_help import SearchHelp
from tui.screens.search_tagging import SearchTagging
from tui.widgets.search_hit import article_header, hit_prompt, reader_terms

if TYPE_CHECKING:
    from tui.core.search.indexer import SearchIndex
    from tui.host import Host

LIMIT = 60  # sentence hits of a page (whole articles); more load on scrolling
PAGE_ARTICLES = 12  # articles of a page (about a screenful): each is read and segmented
MORE_WHEN = 6  # rows from the end at which the next page of articles is fetched
MIN_CHARS = 2
TYPING_BUDGET = TYPING_SECONDS  # a module attribute, so a test can take the time away
PLACEHOLDER = 'Search: words, "a phrase", label:speculation, annotator:NAME, title:, is:untagged'


def search_index_for(app: Host) -> SearchIndex:
    """The App's one SearchIndex (its services' feed made it; call from a worker thread)."""
    feed = app.services.feed
    feed.updater()  # from now on saves go straight to the index's updater thread
    return feed.index()


class SearchScreen(SearchTagging, Screen[None]):
    """Type a query; `↓`/`tab` to the hits; `enter` opens one; a label key tags it."""

    app: Host

    BINDINGS = bindings("search")

    DEFAULT_CSS = """
    SearchScreen #search-status { height: 1; padding: 0 1; color: $text-muted; }
    SearchScreen #search-progress { padding: 0 1; display: none; }
    SearchScreen #search-progress.-busy { display: block; }
    SearchScreen #search-hits { height: 1fr; }
    """

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self.results: Results | None = None
        self.hits: list[Hit] = []
        self.rows: list[int | None] = []  # option row -> index into hits (None: article header)
        self.selected: set[tuple[str, int]] = set()  # (article, sentence index)
        self.loading_more = False
        # labels of hits tagged from this screen, read from the tag files at that moment
        self._retagged: dict[tuple[str, int], tuple[tuple[str, ...], tuple[str, ...]]] = {}
        # each undo step of this screen: how many session changes it made (one per article)
        self._undo: list[int] = []
        self._redo: list[int] = []
        self.ready = False
        self._bind_label_keys()

    def _bind_label_keys(self) -> None:
        labels = self.app.labels.labels[:9]
        others = " ".join(lb.key for lb in labels[1:] if lb.key)
        footer = f"Tag ({others} 1-{len(labels)})" if others else "Tag"
        add_bindings(self, label_bindings("search", labels, frozenset("jku/ *?"), footer))

    def compose(self) -> ComposeResult:
        yield Input(self.initial, placeholder=PLACEHOLDER, id="search-query")
        yield Static("", id="search-status")
        yield ProgressBar(id="search-progress", show_eta=True)
        yield OptionList(id="search-hits")
        yield Footer()

    @property
    def status(self) -> Static:
        return self.query_one("#search-status", Static)

    @property
    def hit_list(self) -> OptionList:
        return self.query_one("#search-hits", OptionList)

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.status.update("checking the search index…")
        self.prepare_index()

    # -- the index ---------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="search-index")
    def prepare_index(self) -> None:
        index = search_index_for(self.app)

        def progress(done: int, total: int, what: str) -> None:
            if total > 1:
                self.app.call_from_thread(self._progress, done, total, what)

        note = ""
        try:
            report = index.ensure(progress=progress, timeout=2.0)
            if report.rebuilt:
                note = f"index built: {report.articles} articles ({report.reason})"
                if index.notice:  # tantivy chosen for a large corpus: say so, once
                    note = f"{index.notice} · {note}"
            if report.messages:
                first = one_line(report.messages[0], 120)
                note += f" · {len(report.messages)} file(s) not searchable: {first}"
        except IndexBusy:
            note = "another newstag is updating the index; searching it as it is"
        except SearchError as exc:
            note = one_line(str(exc), 200)
        self.app.call_from_thread(self._index_ready, note)

    def _progress(self, done: int, total: int, what: str) -> None:
        bar = self.query_one("#search-progress", ProgressBar)
        bar.add_class("-busy")
        bar.update(total=total, progress=done)
        self.status.update(f"{what} {done}/{total} articles (tagging works meanwhile)…")

    def _index_ready(self, note: str) -> None:
        self.query_one("#search-progress", ProgressBar).remove_class("-busy")
        self.ready = True
        self.status.update(Text(note))
        value = self.query_one(Input).value
        if value.strip():
            self.run_search(value)

    # -- searching ---------------------------------------------------------------------------
    @on(Input.Changed, "#search-query")
    def query_changed(self, event: Input.Changed) -> None:
        if self.ready:
            self.run_search(event.value)

    @on(Input.Submitted, "#search-query")
    def query_submitted(self) -> None:
        self.action_focus_hits()

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, text: str) -> None:
        worker = get_current_worker()
        if len(text.strip()) < MIN_CHARS:  # one letter matches nearly everything: wait
            self.app.call_from_thread(self._show, None, "")
            return
        index = search_index_for(self.app)
        budget = TYPING_BUDGET
        while True:  # a quick look first; then, unless a newer keystroke came, the full answer
            try:
                results = index.search(text, LIMIT, typing=True,
                                       budget=Budget(budget, lambda: worker.is_cancelled),
                                       articles=PAGE_ARTICLES)
            except QueryError as exc:
                if not worker.is_cancelled:
                    self.app.call_from_thread(self._show, None, one_line(str(exc), 300))
                return
            except SearchError as exc:
                self.app.call_from_thread(self._show, None, one_line(str(exc), 300))
                return
            if worker.is_cancelled:
                return
            self.app.call_from_thread(self._show, results, "")
            if not results.partial or budget is None:
                return
            budget = None

    def _fresh(self, h: Hit) -> Hit:
        known = self._retagged.get((h.article, h.index))
        return h if known is None else replace(h, labels=known[0], annotators=known[1])

    def _options(self, hits: list[Hit], first: int) -> list[Option]:
        """Rows for hits[first:]: an article header (not selectable) before each new article."""
        out: list[Option] = []
        for i in range(first, len(hits)):
            h = hits[i]
            if (i == 0 or hits[i - 1].article != h.article) and h.kind == "sentence":
                n = sum(1 for x in hits[i:] if x.article == h.article)
                out.append(Option(article_header(h, n), disabled=True))
                self.rows.append(None)
            out.append(Option(self._prompt(h)))
            self.rows.append(i)
        return out

    def _show(self, results: Results | None, message: str) -> None:
        # The complete ranking replaces the quick one: keep the hit the user is on, if any.
        current = self._current()
        keep = ((current[1].article, current[1].index)
                if current is not None and self.hit_list.has_focus else None)
        if results is None or self.results is None or results.query != self.results.query:
            self.selected.clear()
        self.results = results
        self.hits = [self._fresh(h) for h in (results.hits if results else ())]
        self.rows = []
        hits = self.hit_list
        hits.clear_options()
        hits.add_options(self._options(self.hits, 0))
        if self.hits:
            row = next((r for r, i in enumerate(self.rows) if i is not None and
                        (self.hits[i].article, self.hits[i].index) == keep), None)
            hits.highlighted = row if row is not None else self.rows.index(0)
        if message:
            self.status.update(Text(message, style="bold red"))
        elif results is not None:
            more = "+" if results.more else ""
            noun = "article" if results.kind == "article" else "sentence"
            plural = "" if results.total == 1 else "s"
            refining = " so far, ranking all…" if results.partial else ""
            if results.hint:
                refining = f" · {results.hint}"
            keys = " · ↓ to the hits, enter opens, a label key tags, ? help" if self.hits else ""
            arts = "" if results.kind == "article" else \
                f" in {results.articles} article{'' if results.articles == 1 else 's'}"
            self.status.update(f"{results.total}{more} matching {noun}{plural}{arts}{refining}"
                               f"{keys}")
        else:
            self.status.update("")

    def _prompt(self, hit: Hit) -> Text:
        chosen = (hit.article, hit.index) in self.selected
        return hit_prompt(hit, self.app.looks, selected=chosen)

    # -- more articles as the user scrolls ----------------------------------------------------
    @on(OptionList.OptionHighlighted, "#search-hits")
    def near_the_end(self) -> None:
        row = self.hit_list.highlighted
        r = self.results
        if (row is None or r is None or not r.more or r.partial or self.loading_more
                or row < len(self.rows) - MORE_WHEN):
            return
        self.loading_more = True
        self.load_more(r.query, r.next)

    @work(thread=True, exclusive=True, group="search-more")
    def load_more(self, text: str, start: int) -> None:
        index = search_index_for(self.app)
        try:
            more = index.search(text, LIMIT, typing=True, start=start, articles=PAGE_ARTICLES)
        except SearchError as exc:
            self.app.call_from_thread(self._more_failed, one_line(str(exc), 200))
            return
        self.app.call_from_thread(self._append, more)

    def _more_failed(self, message: str) -> None:
        self.loading_more = False
        self.status.update(Text(message, style="bold red"))

    def _append(self, more: Results) -> None:
        self.loading_more = False
        r = self.results
        if r is None or r.query != more.query:
            return  # the query changed meanwhile
        first = len(self.hits)
        self.hits.extend(self._fresh(h) for h in more.hits)
        self.results = replace(r, hits=r.hits + more.hits, total=r.total + more.total,
                               more=more.more, next=more.next)
        self.hit_list.add_options(self._options(self.hits, first))
        self._show_count()

    def _show_count(self) -> None:
        r = self.results
        if r is None:
            return
        more = "+" if r.more else ""
        sentences = "sentence" if r.total == 1 and not more else "sentences"
        articles = "article" if r.articles == 1 else "articles"
        self.status.update(f"{r.total}{more} matching {sentences} in {r.articles} {articles}"
                           f"{f' · {len(self.selected)} selected' if self.selected else ''}"
                           " · ? help")

    # -- acting on hits ----------------------------------------------------------------------
    def _current(self) -> tuple[int, Hit] | None:
        row = self.hit_list.highlighted
        if row is None or not (0 <= row < len(self.rows)):
            return None
        i = self.rows[row]
        return None if i is None else (i, self.hits[i])

    def _row_of(self, i: int) -> int:
        return self.rows.index(i)

    def action_focus_hits(self) -> None:
        if self.hits:
            self.hit_list.focus()

    def action_focus_query(self) -> None:
        self.query_one(Input).focus()

    def action_cursor(self, direction: str) -> None:
        getattr(self.hit_list, f"action_cursor_{direction}")()

    def action_close(self) -> None:
        self.dismiss()

    @on(OptionList.OptionSelected, "#search-hits")
    def hit_selected(self) -> None:
        self.action_open_hit()

    def action_open_hit(self) -> None:
        current = self._current()
        if current is None:
            return
        hit = current[1]
        terms = reader_terms(self.results.query) if self.results else []
        self.app.open_article(hit.article, sentence=None if hit.kind == "article" else hit.index,
                              highlight=terms)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("toggle_label", "cursor", "select_hit", "select_all", "undo_tag",
                      "redo_tag"):
            return self.hit_list.has_focus  # in the query box these keys are typing
        return True

    def show_own_help(self) -> None:
        """`?` (the App's key) on this screen: its keys in force and the query syntax."""
        from tui.bindings import help_rows

        if self.hit_list.has_focus or not self.query_one(Input).has_focus:
            self.app.push_screen(SearchHelp(self.app.labels, help_rows(self.app, "search")))

    @on(TagsChanged)
    def tags_changed(self, event: TagsChanged) -> None:
        """A tag saved elsewhere (the reader, undo): refresh the hits of that article."""
        if any(h.article == event.article_id for h in self.hits):
            article = self.app.load_article(event.article_id)
            if article is not None:
                self._refresh_article(event.article_id, article.sha256)
