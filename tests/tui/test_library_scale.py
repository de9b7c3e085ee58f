"""The library at scale: first rows from the cache before any file is checked, only the rows on
screen drawn (and read, when not cached), the background check stopped on quitting."""

from __future__ import annotations

import time

import pytest
from tui_helpers import SIZE, library_ready, make_app, wait_for, workspace

from tui.core import library as core_library
from tui.core.library import load_library
from tui.core.listing import Entry
from tui.screens.reader import ReaderScreen
from tui.widgets.article_list import ArticleList

N = 3_000


def big_workspace(tmp_path, cached: bool = True):
    ws = workspace(tmp_path)
    for i in range(N):
        (ws.corpus / f"b{i:05d}.txt").write_text(
            f"Generated headline number {i} about the summit\n\nBody of story {i}.\n",
            encoding="utf-8")
    if cached:
        load_library(ws)
    return ws


def held_refresh(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace the background check with one that waits until the app stops it."""
    seen: list[str] = []

    def refresh(ws, lib, labels=(), batch=256, workers=None, stop=None):
        seen.append("started")
        while not stop():
            time.sleep(0.005)
        seen.append("stopped")
        yield from ()

    monkeypatch.setattr(core_library, "refresh_library", refresh)
    return seen


def decoded(app) -> int:
    return sum(isinstance(r, Entry) for r in app.library._rows)


async def test_first_rows_come_from_the_cache_before_any_file_is_checked(tmp_path,
                                                                        monkeypatch) -> None:
    ws = big_workspace(tmp_path)
    seen = held_refresh(monkeypatch)
    monkeypatch.setattr(core_library, "read_entry", lambda *a: pytest.fail("read an article"))
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: seen == ["started"], "the background check")
        listing = app.screen.query_one(ArticleList)
        assert not app.library.verified and listing.row_count == N + 5
        assert "Generated headline number 0 about the summit" in str(listing.row_text(5))
        assert decoded(app) < 60  # the rows drawn, not 3,005
        await pilot.press("G")
        assert listing.current.id == "b02999"
        assert decoded(app) < 120
    deadline = time.monotonic() + 5
    while seen == ["started"] and time.monotonic() < deadline:
        time.sleep(0.01)
    assert seen == ["started", "stopped"]  # quitting stopped the check, not waited for its end


async def test_moving_through_a_big_list_draws_only_what_is_shown(tmp_path) -> None:
    app = make_app(big_workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        listing = app.screen.query_one(ArticleList)
        height = listing.scrollable_content_region.height
        await pilot.press("G")
        assert listing.highlighted == N + 4
        assert listing.scroll_offset.y == N + 5 - height  # the last row at the bottom
        await pilot.press("g", "space")
        assert listing.highlighted == height and listing.scroll_offset.y == 1
        await pilot.press("k")
        assert listing.highlighted == height - 1 and listing.scroll_offset.y == 1
        assert decoded(app) < 4 * height
        # the list draws its own scroll bar: one column at the right, the thumb at the top
        assert listing._thumb is not None and listing._thumb.start == 0
        assert listing.render_line(0).cell_length == listing.scrollable_content_region.width


async def test_rows_not_read_yet_are_read_when_they_come_on_screen(tmp_path,
                                                                  monkeypatch) -> None:
    ws = big_workspace(tmp_path, cached=False)
    held_refresh(monkeypatch)  # only the rows on screen get read
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.library is not None)
        listing = app.screen.query_one(ArticleList)
        assert not listing.current.pending  # the first screen was read before it was shown
        await pilot.press("G")
        await wait_for(pilot, lambda: not app.library[N + 4].pending, "the last rows read")
        assert "Generated headline number 2999" in str(listing.row_text(N + 4))
        assert sum(not e.pending for e in app.library if isinstance(e, Entry)) < 200
        assert app.library[N // 2].pending


async def test_a_click_on_a_row_opens_it(app, pilot) -> None:
    await pilot.click(ArticleList, offset=(10, 1))
    await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
    assert app.screen.article.id == app.library[1].id


async def test_the_scroll_bar_column_scrolls_and_opens_nothing(tmp_path) -> None:
    app = make_app(big_workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        listing = app.screen.query_one(ArticleList)
        bar_x, bottom = listing.outer_size.width - 1, listing.outer_size.height - 1
        await pilot.click(ArticleList, offset=(bar_x, bottom))
        assert listing.scroll_offset.y == listing.max_scroll_y > 0
        assert listing.highlighted == 0  # the cursor stays; only the view moved
        assert not isinstance(app.screen, ReaderScreen)
        await pilot.mouse_down(ArticleList, offset=(bar_x, 0))  # drag the thumb back up
        await pilot.hover(ArticleList, offset=(bar_x, bottom // 2))
        await pilot.mouse_up(ArticleList, offset=(bar_x, bottom // 2))
        assert 0 < listing.scroll_offset.y < listing.max_scroll_y
