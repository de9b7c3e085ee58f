"""The newstag App: its screens, palette and app-wide keys, and the small API other parts use."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import App

from tui.bindings import bindings
from tui.core.labels import LabelSet
from tui.core.workspace import Workspace
from tui.messages import TagsChanged
from tui.screens.library import LibraryScreen
from tui.state import ReadingState
from tui.widgets.marks import label_looks
from tui.widgets.status_line import StatusLine, StatusSegment

if TYPE_CHECKING:
    from textual.command import Provider

    from tui.core.articles import Article
    from tui.core.library import Library
    from tui.core.suggest.engine import Suggester
    from tui.core.suggest.model import Gate
    from tui.core.tagging import TaggingSession
    from tui.core.tagstore import TagStore
    from tui.screens.reader import ReaderScreen

ARTICLE_CACHE = 8  # parsed articles kept in memory (n/p and undo across articles stay instant)
PREWARM_AFTER = 2.0  # seconds after start: painted by then, and most users still looking


# The palette's providers, imported when the palette first opens (not before the first screen).
def _action_commands() -> type[Provider]:
    from tui.commands.actions import ActionCommands

    return ActionCommands


def _article_commands() -> type[Provider]:
    from tui.commands.articles import ArticleCommands

    return ArticleCommands


def _general_commands() -> type[Provider]:
    from tui.commands.general import GeneralCommands

    return GeneralCommands


def _team_commands() -> type[Provider]:
    from tui.commands.team import TeamCommands

    return TeamCommands


def _orphan_commands() -> type[Provider]:
    from tui.commands.orphans import OrphanCommands

    return OrphanCommands


def _prewarm_reader() -> None:
    """Import what the first open of an article needs (the sentence splitter, the reader's ~15
    modules: together ~0.1-0.25 s) while the user is still looking at the library."""
    from tui.core.sentences import segment_tuples

    segment_tuples("Mr. Kim arrived at 10 a.m. on Sept. 12. He left.")  # imports sentencex
    import tui.screens.reader  # noqa: F401


class NewstagApp(App[None]):
    """Read and tag news in the terminal.

    What other parts of newstag can rely on (search, sync, review screens):

    - `app.ws` (Workspace), `app.labels` (LabelSet), `app.looks` (each label's colours and marker).
    - `app.store` (TagStore of `ws.tags`) and `app.session` (the one TaggingSession of
      `ws.annotator`: toggle/clear/set_note/undo/redo, saved at once). Every change the session
      saves, from any screen, posts `tui.messages.TagsChanged(article_id)` to the App, which
      forwards a copy to every screen on the stack: handle it with `@on(TagsChanged)`.
    - `app.library`: the `Library` listing once loaded (None before), `app.state`: ReadingState.
    - `app.load_article(article_id) -> Article | None`: parsed and cached; unreadable files give
      a one-line notification and None.
    - `app.open_article(article_id, sentence=None, highlight=())`: the reader at that sentence
      (article-wide index), those terms highlighted; `.`/`,` step through the matches.
    - `app.add_status_segment(fn)`: `fn() -> Text | str | None` shown on every status line
      (keep it cheap, it runs every two seconds); `app.refresh_status()` redraws at once.
    - Keys everywhere: `/` search (`tui.screens.search.SearchScreen`), `?` help, `ctrl+p`
      palette, `q` quit.
    """

    CSS_PATH = "app.tcss"
    TITLE = "newstag"
    COMMANDS = App.COMMANDS | {_action_commands, _article_commands, _general_commands,
                               _team_commands, _orphan_commands}
    BINDINGS = bindings("app")

    def __init__(self, ws: Workspace, labels: LabelSet, keymap: Path | None = None) -> None:
        """`keymap`: the user's keymap.yaml (`run_app` passes the XDG one; tests their own)."""
        super().__init__()
        self.keymap_problems: tuple[str, ...] = ()
        if keymap is not None:
            from tui.keymap import user_keymap

            loaded = user_keymap(keymap, labels.labels)
            self.set_keymap(loaded.keys)
            self.keymap_problems = loaded.problems
        self.ws = ws
        self.labels = labels
        self.looks = label_looks(labels)
        self.state = ReadingState.for_annotator(ws.cache, ws.annotator)
        self.library: Library | None = None
        self.status_segments: list[StatusSegment] = []
        self._articles: OrderedDict[str, tuple[Article, tuple[int, int]]] = OrderedDict()
        self._reader: ReaderScreen | None = None
        self.suggest_gates: dict[str, Gate] = {}  # the team's models, once learned (reader)

    @cached_property
    def store(self) -> TagStore:
        from tui.core.tagstore import TagStore

        return TagStore(self.ws.tags)

    @cached_property
    def session(self) -> TaggingSession:
        from tui.core.tagging import TaggingSession

        session = TaggingSession(self.store, self.ws.annotator, self.labels.names)
        session.listeners.append(
            lambda article_id, _doc: self.post_message(TagsChanged(article_id)))
        from tui.core.search.hook import IndexFeed  # cheap: Whoosh loads on the first save
        from tui.quiet_feed import QuietFeed

        self.search_feed = IndexFeed(self.ws, lambda message: self.call_from_thread(
            self.notify, message, severity="warning", markup=False))
        # Every save reaches the search index, in a thread; on long articles after a pause.
        self.quiet_feed = QuietFeed(self, self.search_feed.notify, self._article_length)
        session.listeners.append(self.quiet_feed)
        return session

    @cached_property
    def suggester(self) -> Suggester:
        """This annotator's suggestions: the label set's cues, their record, learned models."""
        from tui.core.suggest.engine import Suggester

        suggester = Suggester.for_workspace(self.labels.labels, self.ws.cache, self.ws.annotator)
        if suggester.stats.problem:
            self.notify(suggester.stats.problem, severity="warning", markup=False)
        return suggester

    def _article_length(self, article_id: str) -> int:
        hit = self._articles.get(article_id)
        return len(hit[0].text) if hit is not None else 0

    def _flush_index_feed(self) -> None:
        feed = getattr(self, "quiet_feed", None)  # there once the session was first used
        if feed is not None:
            feed.flush()

    def get_default_screen(self) -> LibraryScreen:
        """The library is the bottom screen itself: no blank screen under it to build and style
        before the first paint (the screen stack is [library, reader, ...])."""
        return LibraryScreen()

    def on_mount(self) -> None:
        self.call_after_refresh(self._install_team)  # `git status` after the first paint
        self._restyle_labels()
        self.theme_changed_signal.subscribe(self, lambda _theme: self._restyle_labels())
        for problem in (*self.labels.problems, *self.keymap_problems):
            self.notify(problem, severity="warning", markup=False, timeout=10)
        # The splitter and the reader take ~0.1-0.25 s to import: pay it while the user looks at the
        # library, not when the first article opens.
        self.set_timer(PREWARM_AFTER, self._prewarm)

    def _restyle_labels(self) -> None:
        """Label colours drawn as text, made readable on this theme's background. The dict is
        updated in place: every widget holds this same `looks`."""
        background = self.get_css_variables().get("background")
        looks = label_looks(self.labels, background)
        if looks != self.looks:
            self.looks.clear()
            self.looks.update(looks)
            for screen in self.screen_stack:
                for widget in screen.walk_children():
                    forget = getattr(widget, "_forget", None)
                    if callable(forget):  # the library's list keeps drawn rows
                        forget()
                    widget.refresh()

    def _prewarm(self) -> None:
        # Only while the user is still in the library: once an article is open the reader has
        # imported the splitter itself, and a thread importing now would slow its screen down.
        if self._reader is None and isinstance(self.screen, LibraryScreen):
            self.run_worker(_prewarm_reader, thread=True, group="prewarm", exit_on_error=False)

    def _install_team(self) -> None:
        from tui.commands.team import install_team

        install_team(self)  # git status segment; Commit tags… and Review are in TeamCommands

    # -- the API -----------------------------------------------------------------------------
    def load_article(self, article_id: str) -> Article | None:
        from tui.core import articles
        from tui.core.segcache import SegmentCache
        from tui.core.textfile import TextFileError

        path = self.ws.article_path(article_id)
        if path is None:
            self.notify(f"{article_id}: no such article in {self.ws.corpus}", severity="error",
                        markup=False)
            return None
        try:
            st = path.stat()
            stamp = (st.st_mtime_ns, st.st_size)
            hit = self._articles.get(article_id)
            if hit is not None and hit[1] == stamp:
                self._articles.move_to_end(article_id)
                return hit[0]
            article = articles.load(path, SegmentCache.for_workspace_cache(self.ws.cache))
        except (TextFileError, OSError) as exc:
            self.notify(str(exc), severity="error", markup=False, timeout=8)
            return None
        self._articles[article_id] = (article, stamp)
        while len(self._articles) > ARTICLE_CACHE:
            self._articles.popitem(last=False)
        return article

    def open_article(self, article_id: str, sentence: int | None = None,
                     highlight: Sequence[str] = ()) -> bool:
        """Show an article in the reader (the top one, else a new one); False if unreadable."""
        from tui.screens.reader import ReaderScreen
        from tui.widgets.sentence_nav import SentenceNav

        article = self.load_article(article_id)
        if article is None:
            return False
        offset = None
        if sentence is not None:
            found = SentenceNav(article).at_index(sentence)
            offset = found.start if found is not None else None
        if isinstance(self.screen, ReaderScreen):
            return self.screen.show_article(article_id, offset, highlight)
        reader = self._reader
        if reader is None:  # the first time: one reader, kept installed so reopening is instant
            reader = self._reader = ReaderScreen()
            self.install_screen(reader, "reader")
        if reader in self.screen_stack:  # e.g. a search over the reader: a reader over the search
            reader = ReaderScreen()
        if reader.is_mounted:
            if not reader.show_article(article_id, offset, highlight):
                return False
        else:
            reader.open_on_mount(article_id, offset, highlight)
        self.push_screen(reader)
        return True

    def add_status_segment(self, segment: StatusSegment) -> None:
        self.status_segments.append(segment)
        self.refresh_status()

    def refresh_status(self) -> None:
        for line in self.screen.query(StatusLine):
            line.refresh()

    @on(TagsChanged)
    def forward_tags_changed(self, event: TagsChanged) -> None:
        for screen in self.screen_stack:
            screen.post_message(TagsChanged(event.article_id))
        self.refresh_status()

    # -- app-wide actions --------------------------------------------------------------------
    def action_show_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            from tui.screens.reader_suggest import help_text

            in_library = isinstance(self.screen, LibraryScreen)
            about = help_text(self.suggester, self.suggest_gates)
            self.push_screen(HelpScreen(self.labels, self.looks, in_library, about))

    def action_show_library(self) -> None:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, LibraryScreen):
            self.pop_screen()

    def action_open_search(self) -> None:
        try:
            from tui.screens.search import SearchScreen  # written alongside; may be absent
        except ModuleNotFoundError as exc:
            if exc.name != "tui.screens.search":
                raise
            self.notify("Search is not available in this build yet", severity="warning", timeout=3)
            return
        if not isinstance(self.screen, SearchScreen):
            self._flush_index_feed()  # held saves of long articles: searched as they are now
            self.push_screen(SearchScreen())

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """The palette's Screenshot: into the workspace, saying where (a download when served)."""
        if self.is_web:
            return super().deliver_screenshot(filename, path, time_format)
        from tui.commands.screenshot import save_screenshot

        saved = save_screenshot(self, filename, path)
        return str(saved) if saved is not None else None

    async def action_quit(self) -> None:
        # Saves held back from the index are not flushed here: an index write started at exit
        # could be cut short; the next search finds them from the tag files instead.
        self.state.save()
        self.exit()


def run_app(ws: Workspace) -> None:
    """Open the TUI on a workspace (the `newstag` command with no subcommand); raises
    `LabelsError` (one line) when the label set is unusable."""
    from tui.core.keymap import keymap_path
    from tui.core.labels import load_labels

    labels = load_labels(ws.labels_path, ws.cache)  # cached as JSON: no YAML at start-up
    NewstagApp(ws, labels, keymap_path()).run()
