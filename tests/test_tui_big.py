"""A 3 MB article opens and scrolls without segmenting or laying out more than the screen needs."""

from __future__ import annotations

from tui_helpers import REPO, SIZE, make_app, wait_for, workspace

import tui.core.sentences as seg
from tui.screens import progress
from tui.screens.reader import ReaderScreen


def big_text() -> str:
    paragraphs = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n\n") if len(p) > 200]
    out, n = ["A very long report on the Kim Jong Un visit to Russia and what followed"], 0
    while sum(map(len, out)) < 3_000_000:
        out.append(paragraphs[n % len(paragraphs)])
        n += 1
    return "\n\n".join(out) + "\n"


async def test_three_megabytes_open_and_scroll_lazily(tmp_path, monkeypatch) -> None:
    ws = workspace(tmp_path)
    (ws.corpus / "500_big.txt").write_text(big_text(), encoding="utf-8")
    segmented: list[int] = []
    real_split = seg.split_block

    def counting_split(text, block):
        segmented.append(block.start)
        return real_split(text, block)

    monkeypatch.setattr(seg, "split_block", counting_split)
    counted: list[str] = []
    monkeypatch.setattr(progress.SentenceCounter, "_segment", lambda self, a: counted.append(a.id))
    monkeypatch.setattr(progress, "BACKGROUND_DELAY", 0.05)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.library is not None)
        app.open_article("500_big")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.article)
        screen = app.screen
        view = screen.view
        blocks = len(view.article.blocks)
        assert blocks > 1000
        assert "tagged 0/…" in str(screen.query_one("#status-line").render())
        await wait_for(pilot, lambda: counted == ["500_big"], "the full count, in the background")
        await pilot.press("j", "j", "space", "space", "G", "k", "g", "pagedown")
        assert view.cursor is not None and not view.article.segmented
        assert len(set(segmented)) < 60, f"segmented {len(set(segmented))} of {blocks} blocks"
        await pilot.press("G")
        assert view.scroll_y > view._layout.height - 2 * view.scrollable_content_region.height
        await pilot.press("s")  # tagging works at the far end of a huge text
        assert screen.view.marks.marks[0].start == view.cursor.start
