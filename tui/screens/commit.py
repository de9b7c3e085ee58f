"""A small modal asking for the message of a commit of the tag files: enter commits, esc cancels."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.bindings import bindings
from tui.core.gitstatus import TagChanges
from tui.core.sanitize import one_line

SHOWN_FILES = 8


class CommitScreen(ModalScreen[str | None]):
    """Returns the commit message, or None when cancelled."""

    BINDINGS = bindings("commit")

    def __init__(self, changes: TagChanges, annotator: str) -> None:
        super().__init__()
        self.changes = changes
        self.annotator = annotator

    def compose(self) -> ComposeResult:
        files = Text()
        for status, path in self.changes.files[:SHOWN_FILES]:
            files.append(f"{status:>2} ", style="bold")
            files.append(one_line(path, 90) + "\n")
        if self.changes.count > SHOWN_FILES:
            files.append(f"… and {self.changes.count - SHOWN_FILES} more\n", style="dim")
        with Vertical(id="commit-box"):
            title = f"Commit {self.changes.what()} (only tags/ is committed)"
            yield Static(Text(title, style="bold"), id="commit-title")
            yield Static(files, id="commit-files")
            yield Input(placeholder="Message (enter commits, esc cancels)", id="commit-input",
                        value=f"{self.annotator}: ", select_on_focus=False)

    @on(Input.Submitted)
    def commit_message(self, event: Input.Submitted) -> None:
        message = event.value.strip()
        if not message or message.rstrip(":") == self.annotator:
            self.notify("Write what these tags are, then press enter", severity="warning")
            return
        self.dismiss(message)

    def action_cancel_commit(self) -> None:
        self.dismiss(None)
