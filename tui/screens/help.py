"""`?`: the keys and the team's tagging guideline (each label's description)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.actions import BY_ID
from tui.bindings import bindings, help_rows, shown_keys
from tui.core.labels import LabelSet
from tui.core.sanitize import display_text, one_line
from tui.widgets.marks import UNKNOWN_LOOK, LabelLook

# The label keys' row, placed before this row of the reader's table.
LABEL_ROW = ("1–9, or a label's key", "toggle that label on the sentence (or the selection)")
LABEL_ROW_BEFORE = "reader.select"


# What the library's columns and marks mean (under its keys in `?`).
LIBRARY_LEGEND = ("Each label's column counts the sentences carrying that label: yours by "
                  "default, everyone's after a (a sentence two people tagged counts once). "
                  "Row marks: ✓ you marked it done · ! read with a warning (not UTF-8, say) · "
                  "⚠ unreadable.")


def reader_rows(app: App[object] | None) -> list[tuple[str, str]]:
    """The reader's keys, the label keys among them, then the keys that work everywhere."""
    rows = help_rows(app, "reader")
    before = BY_ID[LABEL_ROW_BEFORE].help
    at = next((i for i, (_, text) in enumerate(rows) if text == before), len(rows))
    return [*rows[:at], LABEL_ROW, *rows[at:], *help_rows(app, "app")]


def library_rows(app: App[object] | None) -> list[tuple[str, str]]:
    return [*help_rows(app, "library"), *help_rows(app, "app")]


def keys_table(rows: list[tuple[str, str]]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for keys, does in rows:
        table.add_row(keys, does)
    return table


def labels_table(labels: LabelSet, looks: dict[str, LabelLook]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column()
    for n, label in enumerate(labels.labels, 1):
        look = looks.get(label.name, UNKNOWN_LOOK)
        key = f"{n}" + (f" / {label.key}" if label.key else "")
        desc = Text(display_text(label.description or "(no description in labels.yaml)"))
        name = Text(one_line(label.name, 40), style=look.mine)
        table.add_row(Text(key, style=look.swatch), name, desc)
    return table


class HelpScreen(ModalScreen[None]):
    """Keys first (the library's too when opened there), then the label guideline; escape, `?`
    or `q` closes it."""

    BINDINGS = bindings("help")

    def __init__(self, labels: LabelSet, looks: dict[str, LabelLook],
                 in_library: bool = False, suggestions: Text | None = None) -> None:
        super().__init__()
        self.labels = labels
        self.looks = looks
        self.in_library = in_library
        self.suggestions = suggestions  # quiet cues and the team's models (reader_suggest)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            if self.in_library:
                yield Static(Text("Keys in the library", style="bold underline"))
                yield Static(keys_table(library_rows(self.app)))
                yield Static(Text(LIBRARY_LEGEND, style="dim"))
                yield Static(Text("\nKeys in the reader (enter opens an article)",
                                  style="bold underline"))
            else:
                yield Static(Text("Keys in the reader", style="bold underline"))
            yield Static(keys_table(reader_rows(self.app)))
            yield Static(Text("\nLabels — the tagging guideline (tags/labels.yaml)",
                              style="bold underline"))
            yield Static(labels_table(self.labels, self.looks))
            if self.suggestions is not None:
                keys = " / ".join(shown_keys(self.app, f"reader.{a}") for a in (
                    "accept-suggestion", "dismiss-suggestion"))
                yield Static(Text(f"\nSuggestions ({keys}: accept / dismiss)",
                                  style="bold underline"))
                yield Static(self.suggestions, id="help-suggestions")
            chrome = shown_keys(self.app, "reader.toggle-chrome")
            yield Static(Text("\nMarkers (on the line where the sentence starts): S,O = your "
                              "labels · +w = someone else's · ✎ = a note · s? = a suggested "
                              "label · ≈2 = the claim is in 2 other articles · ›S = what the "
                              "marker names starts mid-line, not at the line's first words · "
                              f"dim text = site chrome ({chrome} to stop skipping it)",
                              style="dim"))

    def action_close_help(self) -> None:
        self.dismiss(None)
