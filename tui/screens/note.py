"""A small modal to type the note of a tag: enter saves, escape cancels."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class NoteScreen(ModalScreen[str | None]):
    """Returns the new note (possibly empty, which removes it), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel_note", "Cancel", id="note.cancel",
                        tooltip="Keep the note as it was")]

    def __init__(self, note: str, about: str) -> None:
        super().__init__()
        self.note = note
        self.about = about

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Static(Text(self.about, no_wrap=True, overflow="ellipsis"), id="note-about")
            yield Input(self.note, placeholder="Note (enter saves, empty removes, esc cancels)",
                        id="note-input", select_on_focus=False)

    @on(Input.Submitted)
    def save_note(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel_note(self) -> None:
        self.dismiss(None)
