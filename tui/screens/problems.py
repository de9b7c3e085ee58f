"""The Problems view (palette: Problems): every tag file known to be unusable, and why."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.core.problems import Problem
from tui.core.sanitize import one_line


def problems_text(problems: list[Problem]) -> Text:
    """One line per file (untrusted text: no markup), broken ones first."""
    if not problems:
        return Text("No known problems with tag files.", style="dim")
    out = Text()
    for p in sorted(problems, key=lambda p: (not p.fatal, p.key)):
        out.append("⚠ " if p.fatal else "· ", style="bold")
        out.append(one_line(p.message, 400))
        out.append("\n")
    out.append("\nFix the file (a merge conflict: keep both sides' tags, remove the markers); "
               "the mark goes away by itself. `newstag validate` checks every file.",
               style="dim")
    return out


class ProblemsScreen(ModalScreen[None]):
    """A list to read; `escape` closes it."""

    BINDINGS = [Binding("escape,q", "close", "Close", id="problems.close",
                        tooltip="Back to where you were")]

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="problems-box"):
            yield Static(Text("Tag files that cannot be used", style="bold"))
            yield Static(problems_text(self.problems), id="problems-list")

    def action_close(self) -> None:
        self.dismiss()
