"""Palette: going back to the library (help and the other keyed actions: commands/actions.py)."""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider


class GeneralCommands(Provider):
    """Commands that work on every screen."""

    def _commands(self) -> list[tuple[str, str, object]]:
        from tui.screens.library import LibraryScreen

        app = self.app
        out: list[tuple[str, str, object]] = [
        ]
        if not isinstance(self.screen, LibraryScreen):  # offered only where it goes somewhere
            out.append(("Library: back to the list of articles", "Close the reader",
                        app.action_show_library))  # type: ignore[attr-defined]
        return out

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, command in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, text=name, help=help_text)  # type: ignore[arg-type]

    async def discover(self) -> Hits:
        for name, help_text, command in self._commands():
            yield DiscoveryHit(name, command, text=name, help=help_text)  # type: ignore[arg-type]
