"""The library's counts (sentences, mine or everyone's), filter, sort and done marks, driven by
keys with Pilot and checked against what is on screen and on disk."""

from __future__ import annotations

from tui_helpers import FIRST, SECOND, SIZE, library_ready, make_app, wait_for, workspace

from tui.core import articles
from tui.core.tags import TagDoc, make_tag
from tui.core.tagstore import TagStore
from tui.screens.library import LibraryScreen
from tui.widgets.article_list import ArticleList


def screen_text(app) -> str:
    """What the terminal shows, as plain text (the SVG export, stripped of markup)."""
    import html
    import re

    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def _tag(ws, who: str, article_id: str, label: str, numbers: list[int]) -> None:
    art = articles.load(ws.article_path(article_id))
    s = art.sentences()
    tags = tuple(make_tag(article_id, art.text, s[n].start, s[n].end, label) for n in numbers)
    TagStore(ws.tags).save(who, TagDoc(article_id, art.sha256, tags))


def _row(app, article_id: str) -> str:
    listing = app.screen.query_one(ArticleList)
    return listing.row_text(listing.index_of(article_id)).plain


async def test_counts_are_my_sentences_and_a_toggles_everyones(tmp_path) -> None:
    ws = workspace(tmp_path, "tester")
    _tag(ws, "tester", FIRST, "warning", [3, 4])
    _tag(ws, "bob", FIRST, "warning", [4, 5, 6])  # sentence 4 is tagged by both
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        assert "sentences you tagged" in screen_text(app)
        assert _row(app, FIRST).split()[-3:] == ["·", "·", "2"]
        await pilot.press("a")
        await pilot.pause()
        assert "sentences tagged, all annotators" in screen_text(app)
        assert _row(app, FIRST).split()[-3:] == ["·", "·", "4"]  # 3,4,5,6: a union, not 5


async def test_filter_by_label_annotator_text_and_status(tmp_path) -> None:
    ws = workspace(tmp_path, "tester")
    _tag(ws, "tester", FIRST, "warning", [3])
    _tag(ws, "bob", SECOND, "speculation", [2])
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        listing = app.screen.query_one(ArticleList)

        async def shown_after(query: str) -> list[str]:
            await pilot.press("f", *([] if not query else list(query)), "enter")
            await pilot.pause()
            ids = [e.id for e in listing.entries]
            await pilot.press("f", "escape")  # clears it again
            await pilot.pause()
            assert listing.row_count == 5
            return ids

        assert await shown_after("label:warning") == [FIRST]
        assert await shown_after("annotator:bob") == [SECOND]
        assert await shown_after("is:in-progress") == [FIRST]
        assert len(await shown_after("is:untagged")) == 4
        assert await shown_after("putin") == [e.id for e in listing.entries
                                              if "putin" in e.title.lower()]
        await pilot.press("f", *"is:done", "enter")
        await pilot.pause()
        assert listing.row_count == 0
        assert "0 shown" in screen_text(app)


async def test_done_marks_go_to_git_and_n_skips_them(tmp_path) -> None:
    ws = workspace(tmp_path, "tester")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        listing = app.screen.query_one(ArticleList)
        assert listing.current.id == FIRST
        assert "0 of 5 articles done" in screen_text(app)
        await pilot.press("d")  # first done
        await pilot.press("j", "d")  # second done
        await pilot.pause()
        done = ws.tags / "tester" / "done.txt"
        assert done.read_text(encoding="utf-8") == f"{FIRST}\n{SECOND}\n"
        assert "2 of 5 articles done" in screen_text(app)
        assert _row(app, FIRST).startswith("✓ ")
        await pilot.press("g", "n")
        assert listing.current.id not in (FIRST, SECOND)
        await pilot.press("g", "d")  # not done again
        await pilot.pause()
        assert done.read_text(encoding="utf-8") == f"{SECOND}\n"
    # A new session (another day) reads the marks back from the file.
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        await pilot.press("f", *"is:done", "enter")
        await wait_for(pilot, lambda: app.screen.query_one(ArticleList).row_count == 1)
        assert app.screen.query_one(ArticleList).current.id == SECOND


async def test_sort_cycles_title_date_source_progress(tmp_path) -> None:
    ws = workspace(tmp_path, "tester")
    _tag(ws, "tester", SECOND, "warning", [3])
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        listing = screen.query_one(ArticleList)
        await pilot.press("s")
        assert screen.sort == "title"
        titles = [e.title for e in listing.entries]
        assert titles == sorted(titles, key=str.casefold) and titles[0].startswith("Concerns")
        await pilot.press("s")
        assert screen.sort == "date"
        dates = [e.date for e in listing.entries]
        from tui.core.dates import iso_date

        isos = [iso_date(d) for d in dates if iso_date(d)]
        assert isos == sorted(isos, reverse=True) and isos  # newest first
        await pilot.press("s")
        assert screen.sort == "source"
        await pilot.press("s")
        assert screen.sort == "progress"
        assert listing.entries[-1].id == SECOND  # untagged first, in progress after
        await pilot.press("s")
        assert screen.sort == "file"
        assert [e.id for e in listing.entries] == sorted(e.id for e in listing.entries)
