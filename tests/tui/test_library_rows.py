"""Library rows drawn by the fast row painter are exactly what Textual's own pipeline draws: the
same segments, styles and meta, for plain, warning, unreadable and not-yet-read rows, with and
without tag counts, under the cursor (focused and not) and the pointer."""

from __future__ import annotations

from collections import Counter

from tui_helpers import SIZE, library_ready, make_app, workspace

from tui.core.listing import Entry
from tui.widgets.article_list import CURSOR, HOVER, ROW, ArticleList
from tui.widgets.article_rows import row_parts, row_text
from tui.widgets.row_painter import slow_strip


def segments(strip) -> list[tuple[str, object, dict]]:
    """Each segment's text, style and meta (the meta is what keeps equal neighbours apart)."""
    return [(seg.text, seg.style, seg.style.meta if seg.style else {}) for seg in strip]


async def test_fast_rows_match_textuals_rendering_cell_for_cell(tmp_path) -> None:
    ws = workspace(tmp_path)
    (ws.corpus / "900_empty.txt").write_bytes(b"")
    (ws.corpus / "901_latin1.txt").write_bytes("Caf\xe9 owners warn\n\nText.\n".encode("latin-1"))
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        listing = app.screen.query_one(ArticleList)
        lib = app.library
        lib.counts[lib[0].id] = Counter({"speculation": 12, "warning": 3})  # label colours
        entries = [*lib, Entry("902_new", "902_new.txt", title="902_new", pending=True)]
        assert any(e.error for e in entries) and any(e.warning for e in entries)
        for focused in (True, False):
            if not focused:
                listing.blur()
                await pilot.pause()
            for width in (118, 60):
                cols = listing._columns(width)
                for variant, classes in enumerate(((), (CURSOR,), (HOVER,))):
                    style = listing.get_visual_style(ROW, *classes)
                    for e in entries:
                        parts = row_parts(e, lib.counts.get(e.id), listing.labels,
                                          listing.looks, cols)
                        fast = listing._painter.paint(parts, width, style, (variant, focused))
                        slow = slow_strip(listing, row_text(e, lib.counts.get(e.id),
                                                            listing.labels, listing.looks, cols),
                                          width, style)
                        assert fast.cell_length == slow.cell_length == width
                        assert segments(fast) == segments(slow), (e.id, variant, focused, width)
