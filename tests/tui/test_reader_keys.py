"""Every movement key of the reader (DESIGN.md's table), checked on the cursor and the screen."""

from __future__ import annotations

import re
import sys
import types

from textual.screen import Screen
from tui_helpers import CHROMY, FIRST, SECOND, SIZE, make_app, open_reader, wait_for, workspace

from tui.screens.help import HelpScreen
from tui.screens.library import LibraryScreen
from tui.screens.reader import ReaderScreen


def stops(view) -> list:
    """Every cursor stop of the open article, in order (chrome skipped)."""
    out, s = [], view.nav.first()
    while s is not None:
        out.append(s)
        s = view.nav.next(s)
    return out


def at(view) -> int:
    return [x.start for x in stops(view)].index(view.cursor.start)


async def test_j_k_and_arrows_step_through_sentences(app, pilot, reader) -> None:
    view = app.screen.view
    assert at(view) == 0 and view.cursor.title
    await pilot.press("j")
    assert at(view) == 1
    await pilot.press("down", "down")
    assert at(view) == 3
    await pilot.press("k")
    assert at(view) == 2
    await pilot.press("up", "up", "up")  # stays on the first sentence
    assert at(view) == 0


async def test_g_and_G_go_to_first_and_last_sentence_skipping_chrome(app, pilot) -> None:
    await open_reader(pilot, CHROMY)
    view = app.screen.view
    text = view.article.text
    # Seed 003 opens with a date, a slogan and a phone number: the cursor starts on the title.
    assert text[view.cursor.start : view.cursor.end].startswith("North Korean Leader Kim")
    await pilot.press("G")
    last = view.cursor
    assert not last.chrome and text[last.start : last.end] != "© Copyright 2021 inewszone Media"
    assert view.nav.next(last) is None
    await pilot.press("g")
    assert view.cursor.title
    # Chrome is reachable deliberately: ctrl+t stops skipping it.
    await pilot.press("ctrl+t", "g")
    assert view.cursor.chrome and text[view.cursor.start : view.cursor.end] == "June 22, 2024"
    await pilot.press("G")
    assert text[view.cursor.start : view.cursor.end].startswith("© Copyright")
    await pilot.press("ctrl+t", "g")
    assert view.cursor.title


async def test_n_and_p_switch_articles(app, pilot, reader) -> None:
    screen = app.screen
    await pilot.press("n")
    assert screen.article.id == SECOND and app.screen is screen
    await pilot.press("n", "n", "n")
    assert screen.article.id == "004_0413e7c0cc1f7413"
    await pilot.press("n")  # the last one: stays
    assert screen.article.id == "004_0413e7c0cc1f7413"
    await pilot.press("p")
    assert screen.article.id == CHROMY


async def test_space_pgdn_and_pgup_page_through_the_article(tmp_path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=(80, 16)) as pilot:  # a small terminal: several pages
        await open_reader(pilot, "004_0413e7c0cc1f7413")
        view = app.screen.view
        assert view.scroll_y == 0
        await pilot.press("space")
        first_page = view.scroll_y
        assert first_page > 0
        top, _ = view.lines_of(view.cursor)
        assert first_page <= top < first_page + view.scrollable_content_region.height
        await pilot.press("pagedown")
        assert view.scroll_y > first_page
        await pilot.press("pageup")
        assert view.scroll_y == first_page
        top, _ = view.lines_of(view.cursor)
        assert first_page <= top < first_page + view.scrollable_content_region.height
        await pilot.press("pageup", "pageup")  # at the top: the cursor goes to the first sentence
        assert view.scroll_y == 0 and view.cursor.title
        for _ in range(12):
            await pilot.press("space")
        assert view.nav.next(view.cursor) is None  # at the bottom: the last sentence


async def test_brackets_jump_between_tagged_sentences(app, pilot, reader, notices) -> None:
    view = app.screen.view
    await pilot.press("j", "j", "s", "j", "j", "j", "o", "g")
    tagged = sorted(m.start for m in view.marks.marks)
    assert len(tagged) == 2
    await pilot.press("right_square_bracket")
    assert view.cursor.start == tagged[0]
    await pilot.press("right_square_bracket")
    assert view.cursor.start == tagged[1]
    await pilot.press("right_square_bracket")  # none after: stays, says so
    assert view.cursor.start == tagged[1]
    assert any("No tagged sentence after" in n.message for n in notices)
    await pilot.press("left_square_bracket")
    assert view.cursor.start == tagged[0]


async def test_escape_goes_back_to_the_library_and_q_quits(tmp_path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        await pilot.press("v", "escape")  # first escape only cancels the selection
        assert isinstance(app.screen, ReaderScreen) and app.screen.view.anchor is None
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


async def test_escape_from_a_search_hit_is_one_key_back_to_the_results(tmp_path) -> None:
    from tui.screens.search import SearchScreen

    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        first_reader = app.screen
        await pilot.press("j", "j")
        where = first_reader.view.cursor
        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen), "the search")
        search = app.screen
        await wait_for(pilot, lambda: search.ready, "the index", limit=60)
        await pilot.press(*"vladivostok")
        await wait_for(pilot, lambda: search.results is not None and search.hits, "hits", 30)
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                       and app.screen is not first_reader, "the hit in a reader")
        hit_reader = app.screen
        assert hit_reader.view.has_highlight
        await pilot.press("escape")  # one key: back to the results, highlights cleared
        await wait_for(pilot, lambda: app.screen is search, "back to the results")
        assert hit_reader not in app.screen_stack
        await pilot.press("escape")  # a second: back where the user was
        await wait_for(pilot, lambda: app.screen is first_reader, "back to the reader")
        assert first_reader.view.cursor == where and first_reader.article.id == FIRST


async def test_past_the_last_match_the_key_again_goes_to_the_next_article(tmp_path,
                                                                          notices) -> None:
    from tui.screens.search import SearchScreen

    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.library is not None, "the library")
        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen), "the search")
        search = app.screen
        await wait_for(pilot, lambda: search.ready, "the index", limit=60)
        await pilot.press(*"ammunition")
        await wait_for(pilot, lambda: search.results is not None and search.hits, "hits", 30)
        order = list(dict.fromkeys(h.article for h in search.hits))
        assert len(order) > 1
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        reader = app.screen
        assert reader.article.id == order[0]
        said = lambda: [n.message for n in notices]  # noqa: E731
        for _ in range(20):
            await pilot.press("full_stop")
            if any(m.startswith("No more matches below") for m in said()):
                break
        message = next(m for m in said() if m.startswith("No more matches below"))
        count = len(re.findall("ammunition", reader.article.text, re.IGNORECASE))
        assert f"({count} in this article)" in message and ". again" in message
        await pilot.press("full_stop")
        await wait_for(pilot, lambda: reader.article.id == order[1], "the next article")
        cursor = reader.view.cursor
        assert reader.view.has_highlight
        assert "ammunition" in reader.article.text[cursor.start : cursor.end].lower()


async def test_j_at_the_foot_of_the_screen_scrolls_a_quarter_screen_past_it(tmp_path) -> None:
    """Scrolling once in several sentences (not on every `j`) keeps most keys a small redraw."""
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reader(pilot, FIRST)
        view = app.screen.view
        height = view.scrollable_content_region.height
        scrolls, last = [], view.scroll_y
        for _ in range(12):
            await pilot.press("j")
            top, bottom = view.lines_of(view.cursor)
            assert view.scroll_y <= top and bottom < view.scroll_y + height  # always in view
            if view.scroll_y != last:
                scrolls.append(top - view.scroll_y)
                last = view.scroll_y
        assert scrolls and all(row >= height // 4 - 1 for row in scrolls), scrolls
        assert len(scrolls) <= 4  # not one scroll per key


async def test_question_mark_shows_keys_and_label_guidelines(app, pilot, reader) -> None:
    await pilot.press("question_mark")
    await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
    svg = app.export_screenshot()
    for needle in ("Keys in the reader", "speculation", "presents as possible but unconfirmed",
                   "official statement", "warning", "undo"):
        assert needle in svg.replace("&#160;", " ")
    await pilot.press("escape")
    await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))


async def test_slash_opens_search_or_says_it_is_missing(tmp_path, monkeypatch, notices) -> None:
    monkeypatch.setitem(sys.modules, "tui.screens.search", None)  # as if not installed
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        await pilot.press("slash")
        assert isinstance(app.screen, ReaderScreen)
        assert any("Search is not available" in n.message for n in notices)

    class SearchScreen(Screen):
        pass

    fake = types.ModuleType("tui.screens.search")
    fake.SearchScreen = SearchScreen
    monkeypatch.setitem(sys.modules, "tui.screens.search", fake)
    app = make_app(workspace(tmp_path / "again"))
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen))
        # A hit opened from the search reads in a reader over it; escape comes back to the hits.
        first_reader = app.screen_stack[-2]
        assert app.open_article(SECOND, sentence=3)
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.screen is not first_reader and app.screen.article.id == SECOND
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen))
        assert first_reader.article.id == FIRST


async def test_open_article_at_a_sentence_with_highlights_and_match_keys(
        app, pilot, reader) -> None:
    assert app.open_article(SECOND, sentence=5, highlight=["ammunition", "Putin"])
    await pilot.pause()
    view = app.screen.view
    assert view.article.id == SECOND
    assert view.nav.index_of(view.cursor) == 5
    text = view.article.text
    await pilot.press("full_stop")
    after = view.cursor
    sentence = text[after.start : after.end].lower()
    assert "ammunition" in sentence or "putin" in sentence
    assert after.start > view.nav.at_index(5).start
    await pilot.press("comma")
    assert view.cursor.start < after.start
    # escape first drops the highlights (and the match keys leave the footer), then goes back
    await pilot.press("escape")
    assert not view.has_highlight and isinstance(app.screen, ReaderScreen)
