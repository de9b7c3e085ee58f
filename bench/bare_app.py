"""The reference point: a bare Textual app with one Static (issue 2's "1.5x" is against it)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static


class Bare(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static("BARE-APP-READY: one Static and nothing else")


if __name__ == "__main__":
    Bare().run()
