"""The search screen (`/`): results as you type, each hit a sentence in context, tag from the list.

Searching runs in an exclusive thread worker (a newer keystroke supersedes an older search):
first within a time budget, so every keystroke shows hits at once, then the complete ranking,
which the next keystroke cancels;
the index is brought up to date in another worker when the screen opens, with its progress on
the status line. Label keys on a hit tag that sentence through the App's one TaggingSession, so
undo, the YAML files and the index all see the change as if it was made in the reader; the
hits redraw from the `TagsChanged` that save posts, like every other screen.
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
    SentenceRecord,
)
from tui.core.search.prepare import overlay
from tui.core.tagstore import TagFileError
from tui.messages import TagsChanged
from tui.widgets.search_hit import hit_prompt, reader_terms

if TYPE_CHECKING:
    from tui.core.search.indexer import SearchIndex
    from tui.host import Host

LIMIT = 200
MIN_CHARS = 2
TYPING_BUDGET = TYPING_SECONDS  # a module attribute, so a test can take the time away
PLACEHOLDER = 'Search: words, "a phrase", label:speculation, annotator:NAME, title:, is:untagged'


def search_index_for(app: Host) -> SearchIndex:
    """The App's one SearchIndex (its services' feed made it; call from a worker thread)."""
    feed = app.services.feed
    feed.updater()  # from now on saves go straight to the index's updater thread
    return feed.index()


class SearchScreen(Screen[None]):
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
        # labels of hits tagged from this screen, read from the tag files at that moment
        self._retagged: dict[tuple[str, int], tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self.ready = False
        self._bind_label_keys()

    def _bind_label_keys(self) -> None:
        labels = self.app.labels.labels[:9]
        others = " ".join(lb.key for lb in labels[1:] if lb.key)
        footer = f"Tag ({others} 1-{len(labels)})" if others else "Tag"
        add_bindings(self, label_bindings("search", labels, frozenset("jk/"), footer))

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
                                       budget=Budget(budget, lambda: worker.is_cancelled))
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

    def _show(self, results: Results | None, message: str) -> None:
        # The complete ranking replaces the quick one: keep the hit the user is on, if any.
        current = self._current()
        keep = ((current[1].article, current[1].index)
                if current is not None and self.hit_list.has_focus else None)
        self.results = results
        self.hits = [h if (h.article, h.index) not in self._retagged else
                     replace(h, labels=self._retagged[h.article, h.index][0],
                             annotators=self._retagged[h.article, h.index][1])
                     for h in (results.hits if results else ())]
        hits = self.hit_list
        hits.clear_options()
        hits.add_options(Option(self._prompt(h), id=str(i)) for i, h in enumerate(self.hits))
        if self.hits:
            hits.highlighted = next((i for i, h in enumerate(self.hits)
                                     if (h.article, h.index) == keep), 0)
        if message:
            self.status.update(Text(message, style="bold red"))
        elif results is not None:
            more = "+" if results.more else ""
            noun = "article" if results.kind == "article" else "sentence"
            plural = "" if results.total == 1 else "s"
            refining = " so far, ranking all…" if results.partial else ""
            if results.hint:
                refining = f" · {results.hint}"
            keys = " · ↓ to the hits, enter opens, a label key tags" if self.hits else ""
            self.status.update(f"{results.total}{more} matching {noun}{plural}{refining}{keys}")
        else:
            self.status.update("")

    def _prompt(self, hit: Hit) -> Text:
        return hit_prompt(hit, self.app.looks)

    # -- acting on hits ----------------------------------------------------------------------
    def _current(self) -> tuple[int, Hit] | None:
        i = self.hit_list.highlighted
        if i is None or not (0 <= i < len(self.hits)):
            return None
        return i, self.hits[i]

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
        if action in ("toggle_label", "cursor"):
            return self.hit_list.has_focus  # in the query box these keys are typing
        return True

    def action_toggle_label(self, n: int) -> None:
        current = self._current()
        label = self.app.labels.by_number(n)
        if current is None or label is None or current[1].kind != "sentence":
            return
        hit = current[1]
        article = self.app.load_article(hit.article)
        if article is None:
            return
        sents = article.sentences()
        s = sents[hit.index] if hit.index < len(sents) else None
        if s is None or (s.start, s.end) != (hit.start, hit.end):
            self.notify("this article changed since it was indexed; search again",
                        severity="warning")
            return
        try:
            self.app.session.open(article)
            self.app.session.toggle(article, [(s.start, s.end)], label.name)
        except TagFileError as exc:
            self.notify(str(exc), severity="error", markup=False, timeout=8)
        # The hit redraws from the TagsChanged this save posted (`tags_changed`).

    @on(TagsChanged)
    def tags_changed(self, event: TagsChanged) -> None:
        """Tags saved (here, in the reader, undo): redraw the hits of that article, reading
        each annotator's file at most once (and the one just saved not at all)."""
        mine = [i for i, hit in enumerate(self.hits)
                if hit.article == event.article_id and hit.kind == "sentence"]
        if not mine:
            return
        article = self.app.load_article(event.article_id)
        if article is None:
            return
        records = [SentenceRecord(h.article, h.index, h.start, h.end, h.text)
                   for h in (self.hits[i] for i in mine)]
        fresh = overlay(records, self.app.services.docs.docs_for(event.article_id),
                        article.sha256)
        for i, record in zip(mine, fresh, strict=True):
            hit = self.hits[i]
            self.hits[i] = replace(hit, labels=record.labels, annotators=record.annotators)
            # A ranking that arrives later may come from an index not up to date with this yet.
            self._retagged[(hit.article, hit.index)] = (record.labels, record.annotators)
            self.hit_list.replace_option_prompt_at_index(i, self._prompt(self.hits[i]))
