"""The command palette (ctrl+p): go to an article by title, toggle a label, help."""

from __future__ import annotations

from palette_helpers import run_command
from textual.command import CommandList, CommandPalette
from tui_helpers import (
    FIRST,
    SECOND,
    tags_on_disk,
    wait_for,
)

from tui.screens.help import HelpScreen
from tui.screens.reader import ReaderScreen


async def test_go_to_article_by_fuzzy_title(app, pilot) -> None:
    await run_command(pilot, "sparks fears", "sparks fears of arms deal")
    await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.article)
    assert app.screen.article.id == SECOND
    # fuzzy: letters in order, not a substring
    await run_command(pilot, "cncrns rise", "Concerns rise over potential")
    assert app.screen.article.id == FIRST


async def test_toggle_a_label_from_the_palette(seed_ws, app, pilot, reader) -> None:
    await pilot.press("j")
    view = app.screen.view
    await run_command(pilot, "toggle warning", "Toggle label: warning")
    assert tags_on_disk(seed_ws, FIRST) == [("warning", view.cursor.start, view.cursor.end, "")]


async def test_help_from_the_palette(app, pilot) -> None:
    await run_command(pilot, "help", "Help: keys and label guidelines")
    await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "help")


async def test_typing_a_label_name_ranks_its_toggle_above_article_titles(
        app, pilot, reader) -> None:
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
    await pilot.press(*"warning")
    hits = app.screen.query_one(CommandList)

    def texts() -> list[str]:
        return [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]

    # Article titles match "warning" too (seed 004 has "warns"); all hits must be in first.
    await wait_for(pilot, lambda: any("Open article" in t for t in texts())
                   and any("Toggle label: warning" in t for t in texts()), "both kinds")
    assert "Toggle label: warning" in texts()[0]
    await pilot.press("escape")


async def test_help_on_the_library_shows_library_keys_and_every_palette_command(app, pilot) -> None:
    await pilot.press("question_mark")
    await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
    text = app.export_screenshot().replace("&#160;", " ")
    for needle in ("Keys in the library", "next / previous article", "Keys in the reader",
                   "Orphans", "Review disagreements", "Commit tags"):
        assert needle in text, needle
