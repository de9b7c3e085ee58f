"""The app's wiring: one owner of the services, one path for a change, problems as state.

Each of the first three tests is the regression test of a bug seen on ca699c2 (issue 11).
"""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import Input
from tui_helpers import (
    FIRST,
    SECOND,
    SIZE,
    library_ready,
    make_app,
    open_reader,
    wait_for,
    workspace,
)

import tui.screens.reader as reader_module
from tui.core.search import live
from tui.screens.library import LibraryScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.article_view import ArticleView
from tui.widgets.status_line import StatusLine

CONFLICTED = """schema: 1
article: {article}
<<<<<<< HEAD
tags: []
=======
tags:
- id: t1
>>>>>>> theirs
"""


def long_article_text() -> str:
    """A little over the quiet feed's threshold (200,000 characters), in real sentences."""
    from tui_helpers import REPO

    paragraphs = [p for path in sorted((REPO / "seeds").glob("*.txt"))
                  for p in path.read_text(encoding="utf-8").split("\n\n") if len(p) > 200]
    out: list[str] = ["A long report"]
    n = 0
    while sum(map(len, out)) < 210_000:
        out.append(paragraphs[n % len(paragraphs)])
        n += 1
    return "\n\n".join(out) + "\n"


def status(app) -> str:  # noqa: ANN001
    return str(app.screen.query_one(StatusLine).render())


async def test_search_before_any_article_leaves_one_index_writer_and_holds_long_saves(
        tmp_path, monkeypatch) -> None:
    """Bug 1: `/` first built a second index feed in the search worker (two writers on one
    index), and the long-article hold recorded the worker's thread as the UI's (no hold)."""
    ws = workspace(tmp_path)
    (ws.corpus / "500_long.txt").write_text(long_article_text(), encoding="utf-8")
    writers: list[object] = []
    real_init = live.LiveUpdater.__init__

    def counting_init(self, *args, **kw) -> None:  # noqa: ANN001, ANN002, ANN003
        writers.append(self)
        real_init(self, *args, **kw)

    monkeypatch.setattr(live.LiveUpdater, "__init__", counting_init)
    heard: list[str] = []
    real_notify = live.LiveUpdater.notify

    def hearing(self, article_id, *args) -> None:  # noqa: ANN001, ANN002
        heard.append(article_id)
        real_notify(self, article_id, *args)

    monkeypatch.setattr(live.LiveUpdater, "notify", hearing)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        await pilot.press("slash")  # before any article was opened
        await wait_for(pilot, lambda: getattr(app.screen, "ready", False), "the search screen")
        await pilot.press("escape")
        app.open_article("500_long")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                       and app.screen.article is not None, "the long article")
        await pilot.press("s")
        await pilot.pause(0.3)
        assert heard == [], "a save on a long article is held while tagging goes on"
        await pilot.press("slash")  # the search screen hands held saves on
        await wait_for(pilot, lambda: heard == ["500_long"], "the held save")
        assert len(writers) == 1, "one index writer for the app"


async def test_enter_twice_quickly_in_the_library_opens_the_second_article(tmp_path) -> None:
    """Bug 2: a second `enter` before the reader was composed raised NoMatches (ArticleView)."""
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        articles = app.screen.query_one(ArticleList)
        articles.highlighted = app.library.index_of(FIRST)
        articles.action_select()  # two keys in one burst: no refresh between them
        articles.highlighted = app.library.index_of(SECOND)
        articles.action_select()
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                       and app.screen.article is not None, "the reader")
        assert app.is_running and app.return_code is None
        assert app.screen.article.id == SECOND
        assert [type(s) for s in app.screen_stack] == [LibraryScreen, ReaderScreen]
        app.screen.query_one(ArticleView)  # composed, showing the article


async def test_a_conflicted_teammate_file_is_one_notice_and_a_mark_until_fixed(
        tmp_path, monkeypatch) -> None:
    """Bug 3: a teammate's broken file re-raised its toast on every poll; they stacked."""
    monkeypatch.setattr(reader_module, "POLL_SECONDS", 0.05)  # forty polls in two seconds
    ws = workspace(tmp_path)
    broken = ws.tags / "bob" / f"{FIRST}.yaml"
    broken.parent.mkdir(parents=True)
    broken.write_text(CONFLICTED.format(article=FIRST), encoding="utf-8")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        await pilot.pause(2.0)
        about = [n for n in app._notifications if broken.name in n.message]
        assert len(about) == 1, [n.message for n in about]
        assert "⚠ 1 broken tag file" in status(app)
        await pilot.press("s")  # my own tagging is not refused by bob's file
        assert "not saved" not in status(app)
        assert len(app.screen.view.marks.marks) == 1
        broken.unlink()  # bob resolves the conflict (here: drops the file)
        await wait_for(pilot, lambda: "broken tag file" not in status(app), "the mark to go")
        assert len([n for n in app._notifications if broken.name in n.message]) == 1


async def test_a_problem_fixed_on_disk_is_not_announced_at_the_next_start(tmp_path) -> None:
    """Bug 3, second half: the library announced the problems of its cache before checking."""
    ws = workspace(tmp_path)
    broken = ws.tags / "bob" / f"{FIRST}.yaml"
    broken.parent.mkdir(parents=True)
    broken.write_text(CONFLICTED.format(article=FIRST), encoding="utf-8")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        await pilot.pause(0.2)
        assert len([n for n in app._notifications if broken.name in n.message]) == 1
    broken.unlink()
    again = make_app(ws)
    async with again.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        await pilot.pause(0.2)
        assert not [n for n in again._notifications if broken.name in n.message]
        assert "broken" not in status(again)


async def test_the_palette_lists_the_known_problems(tmp_path) -> None:
    ws = workspace(tmp_path)
    broken = ws.tags / "bob" / f"{FIRST}.yaml"
    broken.parent.mkdir(parents=True)
    broken.write_text(CONFLICTED.format(article=FIRST), encoding="utf-8")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        await wait_for(pilot, lambda: len(app.services.problems) == 1, "the problem known")
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        app.screen.query_one(Input).value = "Problems"
        await pilot.pause(0.3)
        await pilot.press("enter")
        from tui.screens.problems import ProblemsScreen

        await wait_for(pilot, lambda: isinstance(app.screen, ProblemsScreen), "the list")
        shown = str(app.screen.query_one("#problems-list").render())
        assert broken.name in shown and "conflict" in shown.lower()


async def test_one_keystroke_redraws_the_reader_once_and_is_not_read_back(tmp_path,
                                                                          monkeypatch) -> None:
    """One path for a change: `s` redraws the marks once (not also through a re-posted
    message), and the index is given the doc just saved instead of reading its YAML again."""
    monkeypatch.setattr(reader_module, "POLL_SECONDS", 3600)  # no look at the disk meanwhile
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        feed = app.services.feed
        await pilot.press("slash")  # the index exists and its writer listens
        await wait_for(pilot, lambda: getattr(app.screen, "ready", False), "the search screen")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        view = app.screen.view
        redraws: list[int] = []
        real_set = ArticleView.set_marks
        monkeypatch.setattr(ArticleView, "set_marks",
                            lambda self, marks: (redraws.append(1), real_set(self, marks)))
        from tui.core.tagstore import TagStore

        read_back: list[str] = []
        real_load = TagStore.load

        def loading(self, annotator, article_id, labels=None):  # noqa: ANN001, ANN202
            if annotator == ws.annotator:
                read_back.append(article_id)
            return real_load(self, annotator, article_id, labels)

        monkeypatch.setattr(TagStore, "load", loading)
        await pilot.press("s")
        await pilot.pause(0.1)
        assert feed.flush(10)
        assert redraws == [1] and len(view.marks.marks) == 1
        assert read_back == [], "the YAML just written was read again"
