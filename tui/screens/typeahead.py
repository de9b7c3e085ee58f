"""Typeahead: letters typed right after `/` belong to the search box, not to the screen left.

Textual hands every queued key to the widget focused when the key was read. In `/road` typed in
one go, `r o a d` are queued on the library's list before `/` (an App binding, run when its key
has bubbled up) opens the search screen; they then bubble up unhandled and were dropped, leaving
an empty query (seen in tmux on a loaded machine).
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.screen import Screen
from textual.widgets import Input

_ORIGIN = "_newstag_typed_on"


def note_origin(screen: Screen[object], event: events.Key) -> None:
    """Remember which screen a key was typed on (called as it bubbles through that screen)."""
    setattr(event, _ORIGIN, screen)


def pass_on_typing(app: App[object], event: events.Key) -> None:
    """A printable key typed on a screen that has since been covered goes to the active screen's
    text box, if it has one (the search screen). That screen may not be composed yet: the letter is
    typed from its own queue, after its mount, in the order the keys came."""
    origin = getattr(event, _ORIGIN, None)
    now = app.screen
    if origin is None or origin is now or not event.is_printable or not event.character:
        return
    character = event.character
    event.stop()

    def type_it() -> None:
        box = now.focused if isinstance(now.focused, Input) else next(iter(now.query(Input)), None)
        if box is not None:
            box.insert_text_at_cursor(character)

    now.call_later(type_it)
