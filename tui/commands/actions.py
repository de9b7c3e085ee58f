"""Palette: the action table's rows that have a palette name (`Action.palette`), on the screens
that bind them, with the keys in force (`Help: keys and label guidelines (?)`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.actions import ACTIONS
from tui.bindings import shown_keys


class ActionCommands(Provider):
    """What a key does, offered by name; only what the screen under the palette binds now."""

    def _commands(self) -> list[tuple[str, str, Callable[[], Awaitable[bool]]]]:
        bound = {b.binding.id: b for b in self.screen.active_bindings.values() if b.enabled}
        out: list[tuple[str, str, Callable[[], Awaitable[bool]]]] = []
        for action in ACTIONS:
            active = bound.get(action.id)
            if not action.palette or active is None:
                continue
            name = f"{action.palette} ({shown_keys(self.app, action.id)})"
            run = partial(self.app.run_action, action.action, active.node)
            out.append((name, action.hover[:1].upper() + action.hover[1:], run))
        return out

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, command in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, text=name, help=help_text)

    async def discover(self) -> Hits:
        for name, help_text, command in self._commands():
            yield DiscoveryHit(name, command, text=name, help=help_text)
