"""The footer keeps the keys that matter at any width; the status line degrades without cutting
words."""

from __future__ import annotations

from rich.text import Text
from tui_helpers import FIRST, library_ready, make_app, open_reader, wait_for, workspace

from tui.screens.reader import ReaderScreen
from tui.widgets.key_bar import KeyBar
from tui.widgets.status_line import StatusLine, fit

ESSENTIAL = ["esc Back", "/ Search", "? Help", "q Quit", "^p Palette"]


def bar(app) -> str:
    return app.screen.query_one(KeyBar).render().plain


async def test_the_reader_footer_keeps_escape_search_help_and_quit_at_80_columns(tmp_path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=(80, 30)) as pilot:
        await open_reader(pilot, FIRST)
        shown = bar(app)
        for key in [*ESSENTIAL, "j/k Sentence"]:
            assert key in shown, (key, shown)
        assert len(shown) <= 78  # within the bar's width: nothing cut at the edge
        await pilot.press("s")  # undo becomes live: it is shown, the bar still fits
        assert "u Undo" in bar(app) and all(k in bar(app) for k in ESSENTIAL)


async def test_a_search_hit_at_120_columns_keeps_quit_and_the_match_keys(tmp_path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await library_ready(pilot)
        assert all(k in bar(app) for k in ["⏎ Open", "/ Search", "? Help", "q Quit"])
        assert app.open_article(FIRST, sentence=4, highlight=["ammunition"])
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.pause()
        shown = bar(app)
        assert "./, Match" in shown and "q Quit" in shown, shown


async def test_a_narrow_status_line_drops_whole_segments_not_half_words(tmp_path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=(60, 30)) as pilot:
        await open_reader(pilot, FIRST)
        await pilot.press("v")  # SELECT mode: the most important segment
        line = app.screen.query_one(StatusLine)
        shown = line.render().plain
        assert "SELECT" in shown and "tagged 0/" in shown
        assert len(shown) <= line.content_size.width


def test_fit_narrows_then_shortens_then_drops_then_cuts_at_a_word() -> None:
    a, b = Text("annotator tester"), Text("tagged 3/14 sentences")
    c = Text("● 2 tag files uncommitted")
    parts = [(a, a, 20), (b, b, 70), (c, Text("● 2 uncommitted"), 40)]
    assert fit(parts, 200).plain == "annotator tester  │  tagged 3/14 sentences  │  " \
        "● 2 tag files uncommitted"
    assert fit(parts, 70).plain == "annotator tester │ tagged 3/14 sentences │ ● 2 tag files " \
        "uncommitted"
    assert fit(parts, 60).plain == "annotator tester │ tagged 3/14 sentences │ ● 2 uncommitted"
    assert fit(parts, 45).plain == "tagged 3/14 sentences │ ● 2 uncommitted"
    assert fit(parts, 22).plain == "tagged 3/14 sentences"
    assert fit(parts, 15).plain == "tagged 3/14…"
