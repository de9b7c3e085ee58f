"""Palette entries that must work: articles by id, Screenshot into the workspace (saying where),
and no "Library" entry while already in the library."""

from __future__ import annotations

import asyncio

from palette_helpers import run_command
from textual.command import CommandList, CommandPalette
from tui_helpers import SIZE, library_ready, make_app, open_reader, wait_for, workspace

from tui.screens.reader import ReaderScreen

FOURTH = "003_420c701de47a1b0c"


async def _prompts(pilot, query: str) -> list[str]:
    app = pilot.app
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
    await pilot.press(*query)
    await pilot.pause(0.5)
    hits = app.screen.query_one(CommandList)
    out = [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]
    await pilot.press("escape")
    await wait_for(pilot, lambda: not isinstance(app.screen, CommandPalette), "closed")
    return out


async def test_palette_opens_an_article_by_its_id(tmp_path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        await run_command(pilot, "420c701d", FOURTH)
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                       and app.screen.article is not None and app.screen.article.id == FOURTH)


async def test_library_entry_only_outside_the_library(tmp_path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        assert not any("Library: back" in p for p in await _prompts(pilot, "library"))
        await open_reader(pilot)
        assert any("Library: back" in p for p in await _prompts(pilot, "library"))


async def test_screenshot_is_saved_in_the_workspace_and_says_where(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        await run_command(pilot, "screenshot", "Screenshot")
        folder = ws.root / "screenshots"
        for _ in range(100):
            if folder.is_dir() and any(folder.glob("*.svg")):
                break
            await asyncio.sleep(0.05)
        (shot,) = folder.glob("*.svg")
        assert shot.read_text(encoding="utf-8").startswith("<svg")
        said = [n.message for n in app._notifications]
        assert any(str(shot) in m for m in said), said
