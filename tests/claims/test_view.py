"""The claims view, driven for real: `c` in the library, the table, `t`, `enter` into the reader."""

from __future__ import annotations

from tui_helpers import FIRST, library_ready, make_app, wait_for, workspace

from tui.core import articles
from tui.core.tagging import TaggingSession
from tui.core.tagstore import TagStore
from tui.screens.claims import ClaimsScreen

SIZE = (140, 30)
AMMO = "Speculation is rife that Kim may supply ammunition"
OBSERVERS = ("004_0413e7c0cc1f7413", "Observers believe that Kim may provide ammunition")


def tag(ws, who: str, article_id: str, prefix: str, label: str) -> None:
    art = articles.load(ws.article_path(article_id))
    s = next(s for s in art.sentences() if art.text[s.start:s.end].startswith(prefix))
    session = TaggingSession(TagStore(ws.tags), who, [label])
    session.open(art)
    session.toggle(art, [(s.start, s.end)], label)


def tagged(tmp_path):
    ws = workspace(tmp_path)
    tag(ws, "tester", FIRST, AMMO, "speculation")
    tag(ws, "bob", OBSERVERS[0], OBSERVERS[1], "official statement")
    return ws


async def open_claims(pilot) -> ClaimsScreen:
    await library_ready(pilot)
    await pilot.press("c")
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, ClaimsScreen)
                   and app.screen.table is not None, "the claims view", limit=60)
    return app.screen


def cell_text(screen: ClaimsScreen, row: int, article_id: str) -> str:
    assert screen.table is not None
    col = 1 + [c.article for c in screen.table.columns].index(article_id)
    return screen.grid.get_cell_at((row, col)).plain


async def test_claims_view_shows_outlets_side_by_side_and_opens_the_sentence(tmp_path) -> None:
    app = make_app(tagged(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_claims(pilot)
        table = screen.table
        assert table is not None and len(table.rows) >= 3
        assert screen.grid.row_count == len(table.rows)
        n = next(i for i, r in enumerate(table.rows)
                 if any(m.text.startswith(AMMO) for m in r.claim.members))
        row = table.rows[n]
        assert FIRST in row.cells and OBSERVERS[0] in row.cells
        # mine: my label in my cell, bob's cell only a dot
        assert cell_text(screen, n, FIRST) == "speculation"
        assert cell_text(screen, n, OBSERVERS[0]) == "·"
        await pilot.press("t")  # everyone's
        assert cell_text(screen, n, OBSERVERS[0]) == "official statement"
        await pilot.press("t")
        assert cell_text(screen, n, OBSERVERS[0]) == "·"
        # move onto bob's outlet in that row and open it
        col = 1 + [c.article for c in table.columns].index(OBSERVERS[0])
        screen.grid.cursor_coordinate = screen.grid.validate_cursor_coordinate((n, 0))
        await pilot.pause()
        await pilot.press(*["l"] * col)
        assert screen.grid.cursor_coordinate == (n, col)
        await pilot.press("enter")
        from tui.screens.reader import ReaderScreen

        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                       and app.screen.article is not None, "the reader")
        reader = app.screen
        assert reader.article.id == OBSERVERS[0]
        from tui.widgets.article_view import ArticleView

        view = reader.query_one(ArticleView)
        await wait_for(pilot, lambda: view.cursor is not None, "the reader's cursor")
        assert reader.article.text[view.cursor.start:view.cursor.end].startswith(OBSERVERS[1])
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimsScreen), "back to claims")
        await pilot.press("escape")
        assert not isinstance(app.screen, ClaimsScreen)


async def test_a_tag_made_elsewhere_shows_in_the_open_view(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_claims(pilot)
        assert screen.table is not None
        n = next(i for i, r in enumerate(screen.table.rows)
                 if any(m.text.startswith(AMMO) for m in r.claim.members))
        assert cell_text(screen, n, FIRST) == "·"
        art = app.load_article(FIRST)
        s = next(s for s in art.sentences() if art.text[s.start:s.end].startswith(AMMO))
        app.session.open(art)
        app.session.toggle(art, [(s.start, s.end)], "warning")
        await wait_for(pilot, lambda: cell_text(screen, n, FIRST) == "warning", "the new label")


def test_claims_view_snapshot(tmp_path, snap_compare) -> None:
    app = make_app(tagged(tmp_path))

    async def ready(pilot) -> None:
        await open_claims(pilot)
        await pilot.press("j", "l")

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)



async def test_the_palette_opens_the_claims_view(tmp_path) -> None:
    from palette_helpers import run_command

    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        await run_command(pilot, "claims", "Claims: the same claim across outlets (c)")
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimsScreen), "the claims view")
