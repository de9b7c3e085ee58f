"""The claims view: how each outlet told each claim.

Each claim found in two or more articles is a row; the articles (by source) are the columns; a
cell shows the labels the claim's sentence got in that article: mine, or everyone's (`t`
toggles). A dot marks an article that makes the claim with no label yet; an empty cell, an
article that does not make it. `enter` opens the sentence in the reader.

The index is loaded (or brought up to date: new articles linked, a first build) in a worker, so
the screen paints at once. Textual's DataTable draws only the rows on screen, so thousands of
claims cost nothing to scroll.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tui.bindings import bindings
from tui.core.sanitize import one_line
from tui.messages import TagsChanged
from tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from tui.core.claims import ClaimIndex
    from tui.core.claims.table import Cell, Table
    from tui.host import Host

CLAIM_WIDTH = 48
CELL_WIDTH = 22
PRESENT = "·"  # the article makes the claim; no label (for whom is shown) yet


class ClaimsScreen(Screen[None]):
    """Claims as rows, articles as columns, labels in the cells."""

    DEFAULT_CSS = """
    #claims-header { height: 1; padding: 0 1; background: $panel; }
    #claims-table { height: 1fr; }
    """
    BINDINGS = bindings("claims")
    app: Host

    def __init__(self) -> None:
        super().__init__()
        self.index: ClaimIndex | None = None
        self.table: Table | None = None
        self.everyone = False  # whose labels the cells show: mine (False) or everyone's

    def compose(self) -> ComposeResult:
        yield Static(Text("Claims: linking the same claim across articles…", style="bold"),
                     id="claims-header")
        grid: DataTable[Text] = DataTable(id="claims-table", cursor_type="cell",
                                          zebra_stripes=True)
        yield grid
        yield StatusLine(id="status-line")
        yield Footer()

    @property
    def grid(self) -> DataTable[Text]:
        return self.query_one("#claims-table", DataTable)

    def on_mount(self) -> None:
        self.grid.focus()
        self.load_claims()

    # -- loading -----------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="claims")
    def load_claims(self) -> None:
        from tui.core.claims import TagLookup, build, load, refresh
        from tui.core.claims.table import build_table

        app = self.app
        try:
            changed = refresh(app.ws)
            # the index this view loaded before, when nothing changed since
            index: ClaimIndex | None = None if changed else app.services.claims_index
            index = index or load(app.ws) or build(app.ws)
            app.services.claims_index = index
            table = build_table(index, TagLookup(app.ws))
        except Exception as exc:  # noqa: BLE001 - a worker reports; it must not crash the app
            app.call_from_thread(self.notify, f"Claims: {exc}", severity="error", markup=False)
            return
        app.call_from_thread(self._loaded, index, table)

    @work(thread=True, exclusive=True, group="claims-labels")
    def reload_labels(self) -> None:
        """Tags changed: the links stand, only the cells' labels are read again."""
        from tui.core.claims import TagLookup
        from tui.core.claims.table import build_table

        if self.index is None:
            return
        table = build_table(self.index, TagLookup(self.app.ws))
        self.app.call_from_thread(self._loaded, self.index, table)

    def _loaded(self, index: ClaimIndex, table: Table) -> None:
        self.index, self.table = index, table
        self.draw()

    # -- drawing -----------------------------------------------------------------------------
    def draw(self) -> None:
        table, grid = self.table, self.grid
        if table is None:
            return
        where = grid.cursor_coordinate
        grid.clear(columns=True)
        grid.add_column(Text("claim", style="bold"), width=CLAIM_WIDTH, key="claim")
        for col in table.columns:
            grid.add_column(Text(one_line(col.heading, CELL_WIDTH), style="bold"),
                            width=CELL_WIDTH, key=col.article)
        for n, row in enumerate(table.rows):
            cells = [self._cell(row.cells.get(col.article)) for col in table.columns]
            title = Text(one_line(row.text, CLAIM_WIDTH * 2))
            grid.add_row(title, *cells, key=str(n))
        if table.rows:
            grid.cursor_coordinate = grid.validate_cursor_coordinate(where)
        whose = "everyone's labels" if self.everyone else f"{self.app.ws.annotator}'s labels"
        header = Text.assemble(("Claims ", "bold"), f"{len(table.rows)} found in two or more "
                               f"of {len(table.columns)} articles", ("  ·  ", "dim"), whose,
                               (" (t: ", "dim"), ("mine" if self.everyone else "everyone's",
                                                  "dim"), (")", "dim"))
        if not table.rows:
            header = Text("Claims: no claim is made by two or more articles yet", style="bold")
        self.query_one("#claims-header", Static).update(header)

    def _cell(self, cell: Cell | None) -> Text:
        if cell is None:
            return Text("")
        shown = cell.shown(None if self.everyone else self.app.ws.annotator)
        if not shown:
            return Text(PRESENT, style="dim")
        out = Text()
        for i, label in enumerate(shown):
            if i:
                out.append(", ", style="dim")
            look = self.app.looks.get(label)
            out.append(one_line(label, 40), style=look.swatch if look else "")
        return out

    # -- keys --------------------------------------------------------------------------------
    def action_cursor_down(self) -> None:
        self.grid.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.grid.action_cursor_up()

    def action_cursor_left(self) -> None:
        self.grid.action_cursor_left()

    def action_cursor_right(self) -> None:
        self.grid.action_cursor_right()

    def action_toggle_whose(self) -> None:
        self.everyone = not self.everyone
        self.draw()

    def action_close_claims(self) -> None:
        self.dismiss()

    def action_open_claim(self) -> None:
        """The sentence under the cursor in the reader (the claim's first one on its title)."""
        table = self.table
        if table is None or not table.rows:
            return
        coord = self.grid.cursor_coordinate
        row = table.rows[min(coord.row, len(table.rows) - 1)]
        member = row.claim.members[0]
        if coord.column >= 1:
            col = table.columns[coord.column - 1]
            cell = row.cells.get(col.article)
            if cell is None:
                self.notify(f"{col.heading} does not make this claim", markup=False, timeout=3)
                return
            member = cell.members[0]
        article = self.app.load_article(member.article)
        if article is None:
            return
        sentence = article.sentence_at(member.start)
        self.app.open_article(member.article, sentence.index if sentence else None)

    @on(DataTable.CellSelected, "#claims-table")
    def cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self.action_open_claim()

    @on(TagsChanged)
    def tags_changed(self, event: TagsChanged) -> None:
        self.reload_labels()
