"""The status line: a row of small segments, some from the screen and some plugged in by others.

A segment is a callable returning `Text`, `str` or None (nothing to show). The screen supplies
its own through a `status_segments()` method; anything else (a git indicator, an index progress)
registers once with `app.add_status_segment(fn)`. Segments are asked again on every refresh and
at least every two seconds, so they must be cheap (cache any slow work behind them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.text import Text
from textual.widget import Widget

StatusSegment = Callable[[], "Text | str | None"]
SEPARATOR = "  │  "
REFRESH_SECONDS = 2.0


def _as_text(value: Text | str | None) -> Text | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, Text) else Text(value)


class StatusLine(Widget):
    """One line of segments joined by a bar."""

    def on_mount(self) -> None:
        self.set_interval(REFRESH_SECONDS, self.refresh)

    def _segments(self) -> Iterable[StatusSegment]:
        own = getattr(self.screen, "status_segments", None)
        if callable(own):
            yield from own()
        yield from getattr(self.app, "status_segments", ())

    def render(self) -> Text:
        parts: list[Text] = []
        for segment in self._segments():
            try:
                text = _as_text(segment())
            except Exception as exc:  # a plugged-in segment must never take the screen down
                text = Text(f"⚠ {type(exc).__name__}", style="bold")
            if text is not None:
                parts.append(text)
        return Text(SEPARATOR, style="dim").join(parts)
