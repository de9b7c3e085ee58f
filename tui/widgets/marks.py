"""Each label's look in the reader (colours, marker); the tags themselves are `tui.core.marks`.

Colour alone is not enough (terminals differ, people are colour-blind), so every label also has
a one-letter marker: its key in capitals for my tags (`S`, `O`), lower case after a `+` for
other annotators' tags (`+w`).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.color import Color as RichColor
from rich.color import ColorParseError
from rich.style import Style
from textual.color import Color
from textual.color import ColorParseError as TextualColorParseError

from tui.core.labels import Label, LabelSet
from tui.core.marks import Mark, Marks

__all__ = ["UNKNOWN_LOOK", "LabelLook", "Mark", "Marks", "label_looks", "label_marker"]


@dataclass(frozen=True, slots=True)
class LabelLook:
    marker: str  # one character, upper case
    mine: Style  # background highlight for my tags
    theirs: Style  # underline in the label colour for other annotators' tags
    swatch: Style  # the marker in the gutter and legend


def _rich_color(name: str) -> RichColor:
    try:
        return Color.parse(name).rich_color
    except TextualColorParseError:
        pass
    try:
        return RichColor.parse(name)
    except ColorParseError:
        return RichColor.parse("magenta")


def _contrast(name: str) -> RichColor:
    try:
        return Color.parse(name).get_contrast_text(1.0).rich_color
    except TextualColorParseError:
        return RichColor.parse("black")


def label_marker(label: Label, number: int) -> str:
    """`S` for a label on key `s`; its number when it has no key."""
    return (label.key or str(number)).upper()[:1]


def label_looks(labels: LabelSet) -> dict[str, LabelLook]:
    looks: dict[str, LabelLook] = {}
    for n, label in enumerate(labels.labels, 1):
        color = _rich_color(label.color)
        looks[label.name] = LabelLook(
            label_marker(label, n),
            Style(bgcolor=color, color=_contrast(label.color)),
            Style(underline=True, color=color),
            Style(color=color, bold=True),
        )
    return looks


UNKNOWN_LOOK = LabelLook("?", Style(bgcolor="grey42", color="white"), Style(underline=True),
                         Style(color="grey70", bold=True))
