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


MIN_CONTRAST = 4.5  # WCAG AA for text: the gutter letters and others' underlined tags are text


def _luminance(c: Color) -> float:
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)


def contrast(a: Color, b: Color) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(name: str, background: str | None) -> RichColor:
    """The label's colour, darkened (on a light background) or lightened (on a dark one) just
    enough to read as text there: yellow stays yellow on black, turns olive on light grey."""
    if not background:
        return _rich_color(name)
    try:
        bg = Color.parse(background)
    except TextualColorParseError:  # `ansi_default` and the like: the terminal decides
        return _rich_color(name)
    try:
        color = Color.parse(name)
    except TextualColorParseError:  # a terminal colour name (`bright_yellow`): its usual RGB
        r, g, b = _rich_color(name).get_truecolor()
        color = Color(r, g, b)
    light = _luminance(bg) > 0.18
    for _ in range(40):
        if contrast(color, bg) >= MIN_CONTRAST:
            break
        color = color.darken(0.04) if light else color.lighten(0.04)
    return color.rich_color


def label_looks(labels: LabelSet, background: str | None = None) -> dict[str, LabelLook]:
    """Each label's styles; with the theme's `background`, the colours drawn as text (gutter
    letters, legend, others' underlines) are adjusted to read on it."""
    looks: dict[str, LabelLook] = {}
    for n, label in enumerate(labels.labels, 1):
        color = _rich_color(label.color)
        text_color = readable_on(label.color, background)
        looks[label.name] = LabelLook(
            label_marker(label, n),
            Style(bgcolor=color, color=_contrast(label.color)),
            Style(underline=True, color=text_color),
            Style(color=text_color, bold=True),
        )
    return looks


UNKNOWN_LOOK = LabelLook("?", Style(bgcolor="grey42", color="white"), Style(underline=True),
                         Style(color="grey70", bold=True))
