"""The search screen's own `?` (its keys and the query syntax, with examples) and the one-line
confirmation before a bulk tagging."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.core.labels import LabelSet
from tui.core.sanitize import one_line

KEYS = [
    ("type", "search as you type (first hits at once, then the complete answer)"),
    ("↓ / tab, / ", "to the hits; back to the query"),
    ("j / k", "next / previous hit (more articles load as you reach the end)"),
    ("enter", "open the article at this sentence"),
    ("1-9 or a label key", "toggle that label on this hit"),
    ("space / *", "select this hit / select every hit shown (again: none)"),
    ("label key with a selection", "tag every selected hit, after a y/n confirmation"),
    ("u / ctrl+r", "undo / redo tagging done here (a bulk tagging is one step)"),
    ("escape", "back to where you were"),
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


def _table(rows: list[tuple[str, str]]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for a, b in rows:
        table.add_row(a, b)
    return table


class SearchHelp(ModalScreen[None]):
    """Keys of the search screen and the query language; escape, `?` or `q` closes it."""

    BINDINGS = [Binding("escape,question_mark,q", "close_help", "Close", id="search-help.close",
                        tooltip="Back to the search")]

    def __init__(self, labels: LabelSet) -> None:
        super().__init__()
        self.labels = labels

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text("Keys in search", style="bold underline"))
            yield Static(_table(KEYS))
            yield Static(Text("\nQuery syntax", style="bold underline"))
            yield Static(_table(SYNTAX))
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
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="search-bulk.yes"),
        Binding("n,escape", "answer(False)", "No", id="search-bulk.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        yield Static(Text(one_line(self.question, 200)))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
