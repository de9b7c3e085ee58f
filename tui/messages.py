"""Messages the screens and widgets of newstag exchange (past tense: something happened)."""

from __future__ import annotations

from textual.message import Message


class TagsChanged(Message, bubble=False):
    """An annotator's tags on an article changed on disk (a keystroke, undo/redo, a reload).

    Posted to the App for every change the TaggingSession saves; the App forwards a copy to every
    screen on its stack, so any screen can react with `@on(TagsChanged)`.
    """

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.article_id = article_id


class LibraryLoaded(Message):
    """The library listing (titles, tag counts) finished loading in the background."""
