"""`=`: the current sentence's twins (the same claim in other articles) and who tagged them how.

Each twin is one row: its article, source and similarity, its text, and its tags (mine in
capitals, others' by name). Nothing is checked at first: the user picks with space, and enter
gives the picked twins the current sentence's labels as one undo step; escape changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.bindings import bindings
from tui.core.sanitize import one_line
from tui.widgets.marks import UNKNOWN_LOOK, LabelLook


@dataclass(frozen=True)
class TwinRow:
    """One twin as the screen lists it (the reader builds these from the claim index)."""

    article: str
    source: str
    title: str
    start: int
    end: int
    text: str
    similarity: float
    labels: Mapping[str, Sequence[str]]  # annotator -> labels on the twin sentence
    has_all: bool = False  # I already gave it every label the current sentence has


def row_text(row: TwinRow, me: str, looks: dict[str, LabelLook], picked: bool = False) -> Text:
    """Three lines: `[x] 0.37 source · title`, the twin's text, and its tags by annotator."""
    out = Text()
    out.append("[x] " if picked else "[ ] ", "bold")
    out.append(f"{row.similarity:.2f} ", "bold")
    out.append(one_line(row.source, 40) + " · " if row.source else "", "bold")
    title_style = "" if row.source else "bold"
    out.append(one_line(row.title, 70) if row.title else row.article, title_style)
    out.append(f" · {row.article}", "dim")
    out.append("\n    “" + one_line(row.text, 300) + "”")
    out.append("\n    ")
    if not row.labels:
        out.append("untagged", "dim")
    for i, (who, labels) in enumerate(sorted(row.labels.items(), key=lambda p: p[0] != me)):
        out.append("  " if i else "")
        mine = who == me
        out.append("mine: " if mine else f"{one_line(who, 24)}: ", "dim")
        for j, label in enumerate(labels):
            look = looks.get(label, UNKNOWN_LOOK)
            out.append(", " if j else "")
            out.append(one_line(label, 40), look.mine if mine else look.theirs)
    if row.has_all:
        out.append("  (has these labels already)", "dim italic")
    return out


class TwinsScreen(ModalScreen[list[TwinRow] | None]):
    """The twins of one sentence; dismisses with the picked rows (enter) or None (escape)."""

    BINDINGS = bindings("twins")

    def __init__(self, about: Text, rows: Sequence[TwinRow], me: str,
                 looks: dict[str, LabelLook], labels: Sequence[str]) -> None:
        super().__init__()
        self.about = about
        self.rows = list(rows)
        self.me = me
        self.looks = looks
        self.labels = list(labels)
        self.chosen: set[int] = set()

    def compose(self) -> ComposeResult:
        with Vertical(id="twins-box"):
            yield Static(self.about, id="twins-about")
            yield OptionList(*(Option(row_text(r, self.me, self.looks)) for r in self.rows),
                             id="twins-list")
            if self.labels:
                names = ", ".join(one_line(x, 40) for x in self.labels)
                hint = (f"space picks a twin · enter gives the picked ones {names} "
                        "(u undoes them all) · escape closes")
            else:
                hint = "this sentence has no label of yours yet: tag it first · escape closes"
            yield Static(Text(hint, style="dim"), id="twins-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    @property
    def picked(self) -> list[TwinRow]:
        return [self.rows[i] for i in sorted(self.chosen)]

    def action_toggle(self) -> None:
        options = self.query_one(OptionList)
        i = options.highlighted
        if i is None:
            return
        self.chosen ^= {i}
        prompt = row_text(self.rows[i], self.me, self.looks, picked=i in self.chosen)
        options.replace_option_prompt_at_index(i, prompt)

    def action_apply(self) -> None:
        picked = self.picked
        if not picked:
            self.notify("Pick twins with space first (or escape)", timeout=3)
            return
        if not self.labels:
            self.notify("Tag this sentence first: its labels are what the twins get",
                        severity="warning", timeout=4)
            return
        self.dismiss(picked)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()
