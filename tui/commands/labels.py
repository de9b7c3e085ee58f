"""Palette: toggle each label on the reader's current sentence (or selection)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.bindings import label_keys
from tui.core.sanitize import one_line

if TYPE_CHECKING:
    from tui.host import Host

EXACT_BOOST = 1000.0  # far above any fuzzy score (a few tens at most)


class LabelCommands(Provider):
    """One command per label, offered while an article is open.

    Typing the start of a label's name ranks its command above article titles that merely
    contain the letters: "warning" means the label, not an article that mentions warnings.
    """

    def _commands(self) -> list[tuple[str, str, partial, str]]:
        """(text, help, command, label name in lower case or "")."""
        screen = self.screen  # the reader (this provider is only in the reader's COMMANDS)
        if not hasattr(screen, "action_toggle_label"):
            return []
        app: Host = self.app  # type: ignore[assignment]
        out = []
        for n, label in enumerate(app.labels.labels, 1):
            shown = label_keys(app, "reader", n, label.key)
            key = f" ({shown})" if shown else ""
            name = f"Toggle label: {one_line(label.name, 40)}{key}"
            toggle = partial(screen.action_toggle_label, n)  # type: ignore[attr-defined]
            out.append((name, one_line(label.description, 120), toggle, label.name.lower()))
        return out

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        typed = " ".join(query.lower().split())
        for name, help_text, command, label in self._commands():
            score = matcher.match(name)
            if score > 0:
                if typed and label.startswith(typed):
                    score += EXACT_BOOST
                yield Hit(score, matcher.highlight(name), command, text=name, help=help_text)

    async def discover(self) -> Hits:
        for name, help_text, command, _label in self._commands():
            yield DiscoveryHit(name, command, text=name, help=help_text)
