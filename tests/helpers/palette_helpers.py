"""Running a palette command the way a user does (ctrl+p, type, pick the hit), for Pilot tests."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from tui_helpers import wait_for


async def run_command(pilot: Pilot, query: str, expect: str) -> None:
    app = pilot.app
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
    await pilot.press(*query)

    def hit_index() -> int | None:
        hits = app.screen.query_one(CommandList)
        for i in range(hits.option_count):
            if expect in str(hits.get_option_at_index(i).prompt):
                return i
        return None

    await wait_for(pilot, lambda: hit_index() is not None, f"a hit for {query!r}")
    app.screen.query_one(CommandList).highlighted = hit_index()
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(app.screen, CommandPalette), "palette closed")
