"""The Orphans view: my tags whose text is gone from their article, re-attached or deleted by hand.

Opened from the palette (ctrl+p, "Orphans"). `r` puts the highlighted orphan on the reader's
current sentence (same id, label and note), `d` twice deletes it, `enter` opens its article.
Both changes go through the TaggingSession, so `u` in the reader undoes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.bindings import bindings
from tui.core.sanitize import one_line
from tui.core.tags import Tag
from tui.core.tagstore import TagFileError
from tui.widgets.marks import UNKNOWN_LOOK

if TYPE_CHECKING:
    from tui.core.articles import Article
    from tui.host import Host


@dataclass(frozen=True)
class Orphan:
    article_id: str
    tag: Tag


class OrphansScreen(ModalScreen[None]):
    """Lists orphans: the open article's first, then those in other files of mine."""

    DEFAULT_CSS = """
    OrphansScreen { align: center middle; }
    #orphans-box { width: 90%; height: 80%; border: round $warning; background: $panel;
                   padding: 0 1; }
    #orphans-help { height: auto; color: $text-muted; }
    #orphans-list { height: 1fr; }
    """
    BINDINGS = bindings("orphans")
    app: Host

    def __init__(self, article: Article | None = None,
                 sentence: tuple[int, int] | None = None) -> None:
        super().__init__()
        self.article = article
        self.sentence = sentence
        self.rows: list[Orphan] = []
        self._armed: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="orphans-box"):
            yield Static(Text("Orphaned tags: their text is no longer in the article",
                              style="bold"), id="orphans-title")
            where = ("r re-attaches to the sentence under the reader's cursor · " if self.sentence
                     else "open the article in the reader to re-attach · ")
            yield Static(Text(where + "d twice deletes · enter opens the article · "
                              "u in the reader undoes"), id="orphans-help")
            yield OptionList(id="orphans-list")
        yield Footer()

    @property
    def listing(self) -> OptionList:
        return self.query_one("#orphans-list", OptionList)

    def on_mount(self) -> None:
        self.listing.focus()
        self._show(self._current())
        self.scan_files()

    def _current(self) -> list[Orphan]:
        if self.article is None:
            return []
        return [Orphan(self.article.id, t) for t in self.app.session.orphans(self.article.id)]

    @work(thread=True, exclusive=True, group="orphans")
    def scan_files(self) -> None:
        """Orphans in my other tag files (read in a thread: there may be many files)."""
        store, me = self.app.store, self.app.ws.annotator
        found: list[Orphan] = []
        problems: list[str] = []
        for who, path in store.iter_files():
            if who != me:
                continue
            try:
                doc = store.load_path(path).doc
            except TagFileError as exc:
                problems.append(str(exc))
                continue
            if doc is None or (self.article is not None and doc.article == self.article.id):
                continue
            found.extend(Orphan(doc.article, t) for t in doc.tags if t.orphan)
        self.app.call_from_thread(self._show, self._current() + found, problems)

    def _show(self, rows: list[Orphan], problems: list[str] = ()) -> None:  # type: ignore[assignment]
        self.rows = rows
        keep = self.listing.highlighted
        self.listing.clear_options()
        self.listing.add_options([Option(self._prompt(o)) for o in rows] or
                                 [Option(Text("No orphaned tags. Nothing was lost.", style="dim"),
                                         disabled=True)])
        if rows:
            self.listing.highlighted = min(keep or 0, len(rows) - 1)
        for problem in problems:
            self.notify(problem, severity="error", markup=False, timeout=10)

    def _prompt(self, o: Orphan) -> Text:
        look = self.app.looks.get(o.tag.label, UNKNOWN_LOOK)
        here = self.article is not None and o.article_id == self.article.id
        text = Text.assemble((look.marker, look.swatch), " ", (one_line(o.tag.label, 30), "bold"),
                             "  “", one_line(o.tag.quote, 120), "”")
        if o.tag.note:
            text.append(f"  ✎ {one_line(o.tag.note, 60)}", style="italic")
        text.append(f"\n    {'this article' if here else one_line(o.article_id, 80)}", style="dim")
        return text

    def _selected(self) -> Orphan | None:
        i = self.listing.highlighted
        return self.rows[i] if i is not None and 0 <= i < len(self.rows) else None

    def _article_for(self, article_id: str) -> Article | None:
        if self.article is not None and self.article.id == article_id:
            return self.article
        art = self.app.load_article(article_id)
        if art is not None:
            self.app.session.open(art)
        return art

    def action_reattach(self) -> None:
        o = self._selected()
        if o is None:
            return
        if self.sentence is None or self.article is None or o.article_id != self.article.id:
            self.notify("Open this orphan's article in the reader, put the cursor on the sentence "
                        "it belongs to, then open Orphans again", severity="warning", markup=False)
            return
        try:
            self.app.session.reattach(self.article, o.tag.id, *self.sentence)
        except (TagFileError, ValueError) as exc:
            self.notify(str(exc), severity="error", markup=False, timeout=10)
            return
        self.notify(f"Re-attached {one_line(o.tag.label, 30)} to the current sentence (u undoes)",
                    markup=False)
        self._show([r for r in self.rows if r != o])

    def action_delete_orphan(self) -> None:
        o = self._selected()
        if o is None:
            return
        if self._armed != o.tag.id:
            self._armed = o.tag.id
            self.notify("Press d again to delete this orphaned tag", severity="warning",
                        markup=False, timeout=4)
            return
        self._armed = None
        try:
            art = self._article_for(o.article_id)
            if art is None:
                return
            self.app.session.delete(art, [o.tag.id])
        except TagFileError as exc:
            self.notify(str(exc), severity="error", markup=False, timeout=10)
            return
        self.notify(f"Deleted the orphaned {one_line(o.tag.label, 30)} tag (u undoes)",
                    markup=False)
        self._show([r for r in self.rows if r != o])

    @on(OptionList.OptionSelected, "#orphans-list")
    def open_article(self, event: OptionList.OptionSelected) -> None:
        o = self._selected()
        if o is None:
            return
        self.dismiss(None)
        if self.article is None or o.article_id != self.article.id:
            self.app.open_article(o.article_id)

    def action_close_orphans(self) -> None:
        self.dismiss(None)
