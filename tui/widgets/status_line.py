"""The status line: a row of small segments, some from the screen and some plugged in by others.

A segment is a callable returning `Text`, `str`, None (nothing to show), or a `(full, short)`
pair. The screen supplies its own through a `status_segments()` method; anything else (a git
indicator, an index progress) registers once with `app.add_status_segment(fn)`. Segments are
asked again on every refresh and at least every two seconds, so they must be cheap (cache any
slow work behind them).

When the line is too narrow it degrades in steps, never cutting a word: a narrower separator,
then each segment's short form, then whole segments dropped (lowest `status_priority` first: an
attribute of the callable, 50 when absent), and only then the last one shortened at a word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.text import Text
from textual.widget import Widget

Shown = "Text | str | None | tuple[Text | str, Text | str]"
StatusSegment = Callable[[], Shown]
SEPARATOR = "  │  "
NARROW_SEPARATOR = " │ "
REFRESH_SECONDS = 2.0
DEFAULT_PRIORITY = 50


def _as_text(value: Text | str | None) -> Text | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, Text) else Text(value)


def priority(value: int) -> Callable[[Callable], Callable]:
    """Decorator: how long a segment stays when the line is short (higher stays longer)."""
    def mark(fn: Callable) -> Callable:
        fn.status_priority = value  # type: ignore[attr-defined]
        return fn
    return mark


def _cut_at_word(text: Text, width: int) -> Text:
    """`text` in `width` cells, cut after a whole word with an ellipsis."""
    if text.cell_len <= width:
        return text
    plain = text.plain
    cut = plain.rfind(" ", 0, max(0, width - 1))
    out = text[: cut if cut > 0 else max(0, width - 1)]
    out.rstrip()
    out.append("…")
    return out


def fit(parts: list[tuple[Text, Text, float]], width: int) -> Text:
    """Join `(full, short, priority)` parts within `width` cells (see the module docstring)."""
    items = [[full, short, prio, i] for i, (full, short, prio) in enumerate(parts)]

    def joined(sep: str) -> Text:
        return Text(sep, style="dim").join(p[0] for p in items)

    if joined(SEPARATOR).cell_len <= width:
        return joined(SEPARATOR)
    order = sorted(items, key=lambda p: (p[2], -p[3]))  # lowest priority, the later one first
    for p in [None, *order]:
        if p is not None:
            p[0] = p[1]
        if joined(NARROW_SEPARATOR).cell_len <= width:
            return joined(NARROW_SEPARATOR)
    for p in order:
        if len(items) == 1:
            break
        items = [q for q in items if q is not p]
        if joined(NARROW_SEPARATOR).cell_len <= width:
            return joined(NARROW_SEPARATOR)
    return _cut_at_word(joined(NARROW_SEPARATOR), width)


class StatusLine(Widget):
    """One line of segments joined by a bar."""

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text;
    }
    """

    def on_mount(self) -> None:
        self.set_interval(REFRESH_SECONDS, self.refresh)

    def _segments(self) -> Iterable[StatusSegment]:
        own = getattr(self.screen, "status_segments", None)
        if callable(own):
            yield from own()
        yield from getattr(self.app, "status_segments", ())

    def render(self) -> Text:
        parts: list[tuple[Text, Text, float]] = []
        for segment in self._segments():
            try:
                value = segment()
            except Exception as exc:  # a plugged-in segment must never take the screen down
                value = Text(f"⚠ {type(exc).__name__}", style="bold")
            full, short = value if isinstance(value, tuple) else (value, value)
            full_text, short_text = _as_text(full), _as_text(short)
            if full_text is not None:
                prio = getattr(segment, "status_priority", DEFAULT_PRIORITY)
                parts.append((full_text, short_text or full_text, prio))
        return fit(parts, max(1, self.content_size.width))
