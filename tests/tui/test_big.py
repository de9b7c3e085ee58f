"""A 3 MB article opens and scrolls without segmenting or laying out more than the screen needs."""

from __future__ import annotations

import pytest
from tui_helpers import REPO, SIZE, make_app, wait_for, workspace

import tui.core.sentences as seg
from tui.core import articles
from tui.screens import progress
from tui.screens.reader import ReaderScreen
from tui.widgets import article_view


def big_text(sep: str = "\n\n") -> str:
    """3 MB of the seeds' paragraphs joined by `sep`: blank lines, single newlines, CRLF, spaces."""
    paragraphs = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        paragraphs += [p.replace("\n", " ") for p in path.read_text(encoding="utf-8").split("\n\n")
                       if len(p) > 200]
    out, n = ["A very long report on the Kim Jong Un visit to Russia and what followed"], 0
    while sum(map(len, out)) < 3_000_000:
        out.append(paragraphs[n % len(paragraphs)])
        n += 1
    return sep.join(out) + sep


@pytest.mark.parametrize("sep", ["\n\n", "\n", "\r\n", " "],
                         ids=["blank-lines", "single-newlines", "crlf", "one-line"])
async def test_three_megabytes_open_and_scroll_lazily(tmp_path, monkeypatch, sep) -> None:
    ws = workspace(tmp_path)
    (ws.corpus / "500_big.txt").write_bytes(big_text(sep).encode("utf-8"))
    segmented: dict[int, int] = {}  # piece start -> its length, for every piece segmented
    real_split = seg.split_piece

    def counting_split(text, piece):
        segmented[piece.start] = piece.end - piece.start
        return real_split(text, piece)

    monkeypatch.setattr(seg, "split_piece", counting_split)
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
        text_len = len(view.article.text)
        status = screen.query_one("#status-line")
        assert "tagged 0/" in str(status.render())  # "…", then a quick estimate, then the count
        await wait_for(pilot, lambda: "tagged 0/≈" in str(status.render()), "an estimate")
        await wait_for(pilot, lambda: counted == ["500_big"], "the full count, in the background")
        await pilot.press("j", "j", "space", "space", "G", "k", "g", "pagedown")
        assert view.cursor is not None and not view.article.segmented
        done = sum(segmented.values())
        assert done < 200_000, f"segmented {done} of {text_len} characters"
        await pilot.press("G")
        assert view.scroll_y > view._layout.height - 2 * view.scrollable_content_region.height
        await pilot.press("s")  # tagging works at the far end of a huge text
        assert screen.view.marks.marks[0].start == view.cursor.start


async def test_a_big_article_costs_what_the_screen_shows_on_open_page_and_tag(tmp_path,
                                                                             monkeypatch) -> None:
    """B6: open wraps only the first screen; a page wraps and segments only the next one; a tag
    redraws only its own lines and does not start re-indexing 3 MB while the user tags."""
    ws = workspace(tmp_path)
    (ws.corpus / "500_big.txt").write_text(big_text(), encoding="utf-8")
    segmented: list[int] = []
    real_split = seg.split_piece

    def counting_split(text, piece):
        segmented.append(piece.start)
        return real_split(text, piece)

    monkeypatch.setattr(seg, "split_piece", counting_split)
    monkeypatch.setattr(progress.SentenceCounter, "_segment", lambda self, a: None)
    monkeypatch.setattr(article_view, "GROW_EVERY", 600)  # no idle wrapping while measuring
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.library is not None)
        app.open_article("500_big")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.article)
        view = app.screen.view
        lay = view._layout
        blocks = len(view.article.blocks)
        assert lay.done < 100 < blocks, "only the first screen's blocks are wrapped on open"
        done, split = lay.done, len(set(segmented))
        await pilot.press("space")
        await pilot.pause()
        assert lay.done - done < 100 and len(set(segmented)) - split < 15
        cached = dict(view._lines)
        assert len(cached) > 20
        notified: list[str] = []
        monkeypatch.setattr(app.services.quiet, "notify",  # the index's listener
                            lambda article_id, doc: notified.append(article_id))
        await pilot.press("s")
        assert [m.label for m in view.marks.marks] == ["speculation"]
        top, bottom = view.lines_of(view.cursor)
        kept = {y for y in cached if y in view._lines and view._lines[y] is cached[y]}
        assert kept == {y for y in cached if not top <= y <= bottom}, "only the tag's lines redrawn"
        assert notified == [] and "500_big" in app.services.quiet.pending  # held while tagging
        await pilot.press("slash")  # the search screen sees every save
        assert notified == ["500_big"]


def test_sentences_counted_in_a_thread_are_adopted_in_one_step() -> None:
    text = "\n\n".join(big_text()[:30_000].split("\n\n")[:-1]) + "\n"
    reference = articles.parse(text, "a")
    spans = [(s.start, s.end) for s in reference.sentences()]
    article = articles.parse(text, "a")
    first = article.block_sentences(article.blocks[0])  # the reader segmented a block meanwhile
    staged, total = progress._staged(article, spans)
    assert not article.segmented  # the copy, not the article, did the work
    progress.adopt(article, staged)
    assert article.segmented and article.sentences() == reference.sentences()
    assert total == sum(1 for s in reference.sentences() if not s.chrome)
    assert article.block_sentences(article.blocks[0])[0].start == first[0].start
