"""Notes on tags: `NoteScreen` edits one note (enter saves, escape cancels); `NotePickerScreen`
asks which of several tags on the sentence the note is for, showing each one's current note."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.bindings import bindings
from tui.core.sanitize import one_line
from tui.core.tags import Tag
from tui.widgets.marks import UNKNOWN_LOOK, LabelLook


@dataclass(frozen=True)
class NoteTarget:
    """Tags that share one label and one note: what a note edit applies to, and nothing else."""

    label: str  # a label name, or "" for "every tag here" (offered only when all notes agree)
    note: str
    tag_ids: tuple[str, ...]


def note_targets(tags: list[Tag], label_order: list[str]) -> list[NoteTarget]:
    """One target per (label, note) in label order; an "all" target last when notes agree."""
    groups: dict[tuple[str, str], list[str]] = {}
    rank = {name: i for i, name in enumerate(label_order)}
    for t in sorted(tags, key=lambda t: (rank.get(t.label, len(rank)), t.label, t.note, t.start)):
        groups.setdefault((t.label, t.note), []).append(t.id)
    out = [NoteTarget(label, note, tuple(ids)) for (label, note), ids in groups.items()]
    labels = {t.label for t in tags}
    if len(out) > 1 and len({t.note for t in tags}) == 1 and len(labels) > 1:
        out.append(NoteTarget("", tags[0].note, tuple(t.id for t in tags)))
    return out


def target_text(target: NoteTarget, looks: dict[str, LabelLook], all_labels: list[str]) -> Text:
    """`S speculation  ✎ the note` (or `(no note)`), with how many sentences when more than one."""
    out = Text(no_wrap=True, overflow="ellipsis")
    if target.label:
        look = looks.get(target.label, UNKNOWN_LOOK)
        out.append(f" {look.marker} ", look.swatch)
        out.append(one_line(target.label, 40), look.mine)
    else:
        markers = ",".join(looks.get(x, UNKNOWN_LOOK).marker for x in all_labels)
        out.append(f" {markers} ", "bold")
        out.append(f"all {len(target.tag_ids)} tags here", "bold")
    if len(target.tag_ids) > 1 and target.label:
        out.append(f" ×{len(target.tag_ids)}", "dim")
    out.append("  ")
    if target.note:
        out.append(f"✎ {one_line(target.note, 200)}", "italic")
    else:
        out.append("(no note)", "dim")
    return out


class NotePickerScreen(ModalScreen[NoteTarget | None]):
    """Which tag's note to edit; enter picks, escape cancels."""

    BINDINGS = bindings("note-picker")

    def __init__(self, targets: list[NoteTarget], looks: dict[str, LabelLook], about: str) -> None:
        super().__init__()
        self.targets = targets
        self.looks = looks
        self.about = about

    def compose(self) -> ComposeResult:
        labels = [t.label for t in self.targets if t.label]
        with Vertical(id="note-box"):
            yield Static(Text(self.about, no_wrap=True, overflow="ellipsis"), id="note-about")
            yield Static(Text("Note on which tag? (enter picks, esc cancels)", style="dim"))
            yield OptionList(*(Option(target_text(t, self.looks, labels)) for t in self.targets),
                             id="note-targets")

    def on_mount(self) -> None:
        targets = self.query_one(OptionList)
        targets.highlighted = 0
        targets.focus()

    @on(OptionList.OptionSelected, "#note-targets")
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.targets[event.option_index])

    def action_move(self, step: int) -> None:
        targets = self.query_one(OptionList)
        targets.action_cursor_down() if step > 0 else targets.action_cursor_up()

    def action_cancel_pick(self) -> None:
        self.dismiss(None)


class NoteScreen(ModalScreen[str | None]):
    """Returns the new note (possibly empty, which removes it), or None when cancelled."""

    BINDINGS = bindings("note")

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
