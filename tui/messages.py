"""Messages the screens and widgets of newstag exchange (past tense: something happened)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tui.core.tags import TagDoc


class TagsChanged(Message, bubble=False):
    """An annotator's tags on an article changed on disk (a keystroke, undo/redo, a reload).

    Posted to the App once for every change the TaggingSession saves (`tui.services`); the App
    forwards a copy to every screen on its stack, so any screen can react with
    `@on(TagsChanged)`. `annotator` and `doc` say whose tags and what is on disk now, when known
    (`doc` None with an annotator: that file has no tags any more), so nobody re-reads the file.
    """

    def __init__(self, article_id: str, annotator: str = "", doc: TagDoc | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        self.annotator = annotator
        self.doc = doc


class ServiceWarning(Message, bubble=False):
    """A background service (the search index thread) has something the user should hear."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class LibraryLoaded(Message):
    """The library listing (titles, tag counts) finished loading in the background."""
