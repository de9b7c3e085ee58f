"""The library screen: the five seed headlines, opening, last-read cursor, unreadable files."""

from __future__ import annotations

import json

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

from tui.screens.library import LibraryScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_list import ArticleList, short_date

SEED_TITLES = [
    "Concerns rise over potential banned weapons deal as Kim Jong Un visits Russia",
    "Kim Jong Un’s Russia visit sparks fears of arms deal",
    "Kim Jong Un Deepens Ties with Putin in Russia Visit: Possible Arms Transfer Deal?",
    "North Korean Leader Kim Jong Un Arrives in Russia Amid Arms Deal Speculations",
    "Kim Jong-un Takes Action to Strengthen Relations with Russia Despite U.S. and Seoul’s "
    "Warnings of Weapons Deals",
]


def screen_text(app) -> str:
    """What the terminal shows, as plain text (the SVG export, stripped of markup)."""
    import html
    import re

    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


async def test_lists_the_five_headlines_and_their_sources(app, pilot) -> None:
    assert isinstance(app.screen, LibraryScreen)
    listing = app.screen.query_one(ArticleList)
    assert [e.title for e in listing.entries] == SEED_TITLES
    assert listing.row_count == 5
    shown = screen_text(app)
    # at 120 columns, with a 15-cell source column, titles up to 77 characters fit whole;
    # longer ones are cut with an ellipsis
    for title in SEED_TITLES:
        assert (title if len(title) <= 77 else title[:76] + "…") in shown
    assert "2023-09-12" in shown and "2023-09-16" in shown  # short dates
    assert "inewszone Media" in shown and "time news" in shown  # outlets, not a photo credit


async def test_enter_opens_the_highlighted_article_and_escape_comes_back(app, pilot) -> None:
    await pilot.press("j", "enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
    assert app.screen.article.id == SECOND
    await pilot.press("escape")
    await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
    assert app.screen.query_one(ArticleList).current.id == SECOND


async def test_cursor_starts_on_the_article_read_last(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, "002_ac2d878c38bad475")
        await pilot.press("j", "j", "q")
    state = json.loads((ws.cache / f"state-{ws.annotator}.json").read_text())
    assert state["last_read"] == "002_ac2d878c38bad475"
    again = make_app(ws)
    async with again.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        assert again.screen.query_one(ArticleList).current.id == "002_ac2d878c38bad475"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(again.screen, ReaderScreen))
        # ...and the reader puts the cursor back where it was (two sentences down).
        view = again.screen.view
        assert view.cursor.start == state["positions"]["002_ac2d878c38bad475"]
        assert view.nav.index_of(view.cursor) == view.nav.index_of(view.nav.first()) + 2


async def test_library_keys_move_the_cursor(app, pilot) -> None:
    listing = app.screen.query_one(ArticleList)
    await pilot.press("G")
    assert listing.highlighted == 4
    await pilot.press("k")
    assert listing.highlighted == 3
    await pilot.press("g")
    assert listing.highlighted == 0
    await pilot.press("down", "down")
    assert listing.highlighted == 2


async def test_unreadable_files_are_listed_with_a_marker_and_do_not_open(tmp_path, notices) -> None:
    ws = workspace(tmp_path)
    (ws.corpus / "900_binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (ws.corpus / "901_empty.txt").write_bytes(b"")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        listing = app.screen.query_one(ArticleList)
        bad = [e for e in listing.entries if e.error]
        assert [e.id for e in bad] == ["900_binary", "901_empty"]
        assert "⚠ 900_binary.txt" in screen_text(app)
        await pilot.press("G", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert any("empty file" in n.message for n in notices)
        # n/p in the reader step over them too
        await pilot.press("g", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("p")
        assert app.screen.article.id == FIRST
        assert any("No previous article" in n.message for n in notices)


async def test_non_utf8_article_opens_with_a_warning(tmp_path, notices) -> None:
    ws = workspace(tmp_path)
    text = "Caf\xe9 owners warn of a shortage in the city\n\nThe owners said prices may rise.\n"
    (ws.corpus / "950_latin1.txt").write_bytes(text.encode("latin-1"))
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        listing = app.screen.query_one(ArticleList)
        assert listing.entries[-1].warning
        await pilot.press("G", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.screen.article.text.startswith("Café")
        assert any("not valid UTF-8" in n.message for n in notices)
        assert "not UTF-8" in screen_text(app)


def test_dates_are_shown_short() -> None:
    assert short_date("2023-09-16 08:05 GMT") == "2023-09-16"
    assert short_date("September 12, 2023") == "2023-09-12"
    assert short_date("Sat, 16 Sept. 2023") == "2023-09-16"
    assert short_date("last Tuesday") == "last Tuesday"
