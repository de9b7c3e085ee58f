"""The search screen's own `?` (its keys and the query syntax, with examples) and the one-line
confirmation before a bulk tagging."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.bindings import bindings
from tui.core.labels import LabelSet
from tui.core.sanitize import one_line
from tui.screens.help import keys_table

EXTRA_KEYS = [
    ("type", "search as you type (first hits at once, then the complete answer; more "
             "articles load as the cursor nears the end)"),
    ("1-9 or a label key", "toggle that label on this hit"),
    ("label key with a selection", "tag every selected hit, after a y/n confirmation"),
]
SYNTAX = [
    ("ammunition", "a word, any form (warned finds warning)"),
    ('"supply ammunition"', "a phrase (also across two sentences: both are shown)"),
    ("kim AND russia, kim OR putin", "both / either; words side by side mean AND"),
    ("kim NOT russia, -russia", "leave out sentences with a word"),
    ("weapon*, suppl?", "wildcards"),
    ("title:putin, source:AP", "the headline, the source"),
    ("article:003*", "articles by id"),
    ("date:2023-09, date:[2023-09-01 TO 2023-09-30], date:>2023-09", "dates"),
    ('label:speculation, label:"official statement"', "tagged sentences"),
    ("annotator:alice", "sentences someone tagged"),
    ("untagged ammunition", "sentences nobody tagged yet"),
]


class SearchHelp(ModalScreen[None]):
    """Keys of the search screen and the query language; escape, `?` or `q` closes it."""

    BINDINGS = bindings("search-help")

    def __init__(self, labels: LabelSet, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.labels = labels
        self.keys = [*EXTRA_KEYS, *keys]  # the action table's rows, with the keys in force

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text("Keys in search", style="bold underline"))
            yield Static(keys_table(self.keys))
            yield Static(Text("\nQuery syntax", style="bold underline"))
            yield Static(keys_table(SYNTAX))
            names = ", ".join(one_line(lb.name, 30) for lb in self.labels.labels)
            yield Static(Text(f"\nLabels: {names}", style="dim"))

    def action_close_help(self) -> None:
        self.dismiss(None)


class BulkConfirm(ModalScreen[bool]):
    """One line: "Tag N selected hits as LABEL? (y/n)"."""

    DEFAULT_CSS = """
    BulkConfirm { align: center bottom; }
    BulkConfirm > Static { width: 100%; height: 1; background: $warning; color: $text;
                           padding: 0 1; }
    """
    BINDINGS = bindings("search-bulk")

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        yield Static(Text(one_line(self.question, 200)))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
