"""Two one-line helpers under the article: the label legend and what the cursor's sentence has."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.core.labels import LabelSet
from tui.core.sanitize import both_ends, one_line

from .marks import UNKNOWN_LOOK, LabelLook, Mark


def legend_text(labels: LabelSet, looks: dict[str, LabelLook]) -> Text:
    """`[1 S] speculation  [2 O] official statement ...`: number, key and colour of each label."""
    out = Text()
    for n, label in enumerate(labels.labels, 1):
        look = looks.get(label.name, UNKNOWN_LOOK)
        if out:
            out.append("  ")
        key = f"{n}" + (f" {label.key}" if label.key else "")
        out.append(f"[{key}]", look.swatch)
        out.append(" ")
        out.append(one_line(label.name, 40), look.mine)
    if not labels.labels:
        out.append("no labels: add some to tags/labels.yaml", style="bold")
    return out


def selection_text(quote: str, width: int) -> Text:
    """The line under a narrowed selection: both ends of its text (`h`/`l` move the end, `H`/`L`
    the start, so both must show) and the keys, shortened to fit `width` columns."""
    hint = " — h/l its end, H/L its start, a label key tags it, esc cancels"
    room = width - len("selected: ") - 2
    if room - len(hint) < 30:  # 80 columns: the quote first, the keys short
        hint = " — h/l end, H/L start"
    return Text.assemble(("selected: ", "bold"), both_ends(quote, max(12, room - len(hint))), hint)


def sentence_text(marks: list[Mark], looks: dict[str, LabelLook], selected: int = 0) -> Text:
    """My tags (with notes) and other annotators' tags on the current sentence."""
    out = Text()
    if selected > 1:
        out.append(f"{selected} sentences selected", style="bold")
        out.append(" — a label key tags them all, x clears them, esc cancels")
        return out
    mine = [m for m in marks if m.mine]
    theirs = [m for m in marks if not m.mine]
    if not marks:
        out.append("untagged", style="dim")
    for i, m in enumerate(mine):
        look = looks.get(m.label, UNKNOWN_LOOK)
        out.append("  " if i else "")
        out.append(f"{look.marker} {one_line(m.label, 40)}", look.mine)
        if m.note:
            out.append(f" ✎ {one_line(m.note, 80)}", style="italic")
    for m in theirs:
        look = looks.get(m.label, UNKNOWN_LOOK)
        out.append("  ")
        out.append(f"{one_line(m.annotator, 24)}: ", style="dim")
        out.append(f"{look.marker.lower()} {one_line(m.label, 40)}", look.theirs)
        if m.note:
            out.append(f" ✎ {one_line(m.note, 60)}", style="italic dim")
    return out


class TagLegend(Static):
    """Which key and colour each label has."""


class SentenceInfo(Static):
    """The tags on the cursor's sentence, mine and theirs, with notes."""
