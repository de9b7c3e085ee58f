"""What the reader draws for tags: every annotator's tags indexed by span, and each label's look.

Colour alone is not enough (terminals differ, people are colour-blind), so every label also has
a one-letter marker: its key in capitals for my tags (`S`, `O`), lower case after a `+` for
other annotators' tags (`+w`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rich.color import Color as RichColor
from rich.color import ColorParseError
from rich.style import Style
from textual.color import Color
from textual.color import ColorParseError as TextualColorParseError

from tui.core.labels import Label, LabelSet
from tui.core.tags import TagDoc


@dataclass(frozen=True, slots=True)
class Mark:
    """One tag as drawn: whose, which label, where, and its note."""

    start: int
    end: int
    label: str
    annotator: str
    mine: bool
    note: str = ""
    tag_id: str = ""


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


class Marks:
    """All visible tags of one article, answering "which tags overlap this span" fast."""

    def __init__(self, marks: Iterable[Mark] = ()) -> None:
        self.marks = sorted(marks, key=lambda m: (m.start, m.end, not m.mine, m.label))
        self._starts = [m.start for m in self.marks]
        self._longest = max((m.end - m.start for m in self.marks), default=0)

    @classmethod
    def from_docs(cls, annotator: str, mine: TagDoc | None, others: Mapping[str, TagDoc]) -> Marks:
        out: list[Mark] = []
        docs: list[tuple[str, TagDoc | None]] = [(annotator, mine), *others.items()]
        for who, doc in docs:
            for t in doc.tags if doc else ():
                if not t.orphan:
                    out.append(Mark(t.start, t.end, t.label, who, who == annotator, t.note, t.id))
        return cls(out)

    def overlapping(self, start: int, end: int) -> list[Mark]:
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [m for m in self.marks[lo:hi] if m.end > start and m.start < end]

    def on(self, start: int, end: int) -> list[Mark]:
        """Tags that cover exactly this span (a sentence's own tags)."""
        return [m for m in self.overlapping(start, end) if m.start == start and m.end == end]

    def next_start(self, after: int) -> int | None:
        """The first tag start at or after `after` (for `]`)."""
        i = bisect_left(self._starts, after)
        return self._starts[i] if i < len(self._starts) else None

    def prev_start(self, before: int) -> int | None:
        """The last tag start before `before` (for `[`)."""
        i = bisect_left(self._starts, before)
        return self._starts[i - 1] if i > 0 else None

    def tagged_spans(self, mine_only: bool = True) -> set[tuple[int, int]]:
        return {(m.start, m.end) for m in self.marks if m.mine or not mine_only}
