"""The search screen driven by Pilot: `/`, type, see hits, tag from the hit list, open a hit."""

from __future__ import annotations

from tui_helpers import FIRST, SIZE, library_ready, make_app, wait_for, workspace

from tui.core import articles
from tui.core.tagstore import TagStore
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.widgets.search_hit import kwic, reader_terms


async def open_search(pilot, query: str) -> SearchScreen:
    app = pilot.app
    await library_ready(pilot)
    await pilot.press("slash")
    await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen), "the search screen")
    screen = app.screen
    await wait_for(pilot, lambda: screen.ready, "the index", limit=60)
    await pilot.press(*query)
    await wait_for(pilot, lambda: screen.results is not None and screen.results.query == query,
                   f"results for {query!r}", limit=30)
    return screen


def tags(ws, annotator: str, article_id: str) -> list[tuple[str, int, int]]:
    loaded = TagStore(ws.tags).load(annotator, article_id)
    return [(t.label, t.start, t.end) for t in loaded.doc.tags] if loaded.doc else []


async def test_slash_type_and_see_highlighted_hits(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "ammunition")
        assert len(screen.hits) == 6
        assert {h.article for h in screen.hits} >= {FIRST}
        first = screen.hits[0]
        line = kwic(first)
        marked = [line.plain[s.start:s.end] for s in line.spans if "reverse" in str(s.style)]
        assert marked and all(m.lower() == "ammunition" for m in marked)
        assert screen.hit_list.option_count == 6 + 5  # grouped: a header row per article
        # still typing: the last word is a prefix, so "ammu" already finds them
        await pilot.press(*["backspace"] * 6)
        await wait_for(pilot, lambda: screen.results is not None and screen.results.query == "ammu")
        assert len(screen.hits) == 6
        await pilot.press("(")  # malformed on the way: a message, not a crash
        await wait_for(pilot, lambda: "unclosed" in str(screen.status.render()))
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, SearchScreen))


async def test_label_key_on_a_hit_tags_that_sentence_and_updates_the_row(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, '"may supply ammunition"')
        assert len(screen.hits) == 1
        hit = screen.hits[0]
        await pilot.press("down", "s")
        assert tags(ws, "tester", hit.article) == [("speculation", hit.start, hit.end)]
        assert screen.hits[0].labels == ("speculation",)
        assert "speculation" in screen.hit_list.get_option_at_index(1).prompt.plain
        art = articles.load(ws.article_path(hit.article))
        assert art.text[hit.start:hit.end] == hit.text
        await pilot.press("3")  # a number: warning too
        assert {t[0] for t in tags(ws, "tester", hit.article)} == {"speculation", "warning"}
        await pilot.press("s", "w")  # toggled off again: no file left
        assert tags(ws, "tester", hit.article) == []
        assert screen.hits[0].labels == ()
        # the index heard every save: a new search for the label finds what is tagged now
        await pilot.press("s")
        app.services.feed.flush(10)
        await pilot.press("slash")
        assert screen.query_one("Input").has_focus
        screen.query_one("Input").value = "label:speculation"
        await wait_for(pilot, lambda: screen.results is not None
                       and screen.results.query == "label:speculation" and len(screen.hits) == 1)
        assert (screen.hits[0].article, screen.hits[0].index) == (hit.article, hit.index)


async def test_enter_opens_the_article_at_the_hit(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "vladivostok")
        assert screen.hits
        hit = screen.hits[-1]
        await pilot.press("down", *["j"] * (len(screen.hits) - 1), "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        reader = app.screen
        await wait_for(pilot, lambda: reader.article is not None
                       and reader.article.id == hit.article)
        cursor = reader.view.cursor
        assert (cursor.start, cursor.end) == (hit.start, hit.end)
        assert reader.view.has_highlight
        await pilot.press("escape")  # back to the results, the highlights gone with the reader
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen), "back to the hits")
        assert not reader.view.has_highlight


def test_reader_terms_keep_words_and_phrases_not_fields() -> None:
    assert reader_terms('"supply ammunition" kim AND label:speculation title:putin NOT x*') == \
        ["supply ammunition", "kim", "x"]


async def test_quick_hits_while_typing_then_the_full_ranking(tmp_path, monkeypatch) -> None:
    import tui.screens.search as search_screen

    shown = []
    real_show = SearchScreen._show

    def spy(self, results, message):  # noqa: ANN001, ANN202
        shown.append(results)
        real_show(self, results, message)

    # no time at all for the quick look: it comes back partial, and the full search follows
    monkeypatch.setattr(search_screen, "TYPING_BUDGET", 0.0)
    monkeypatch.setattr(SearchScreen, "_show", spy)
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "ammunition")
        await wait_for(pilot, lambda: screen.results is not None and not screen.results.partial
                       and screen.results.query == "ammunition", "the full ranking")
        assert len(screen.hits) == 6
        assert "so far" not in str(screen.status.render())
        quick = [r for r in shown if r is not None and r.query == "ammunition" and r.partial]
        assert quick and len(quick[0].hits) < 6  # the quick look was shown first, then replaced


async def test_a_ranking_from_before_a_tag_does_not_hide_it(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, '"may supply ammunition"')
        stale = screen.results  # what an index that has not heard of the tag yet would say
        await pilot.press("down", "s")
        assert screen.hits[0].labels == ("speculation",)
        screen._show(stale, "")  # e.g. the complete ranking arriving after the quick look
        assert screen.hits[0].labels == ("speculation",)
        assert "speculation" in screen.hit_list.get_option_at_index(1).prompt.plain


async def test_hits_are_grouped_by_article_best_first(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "kim")
        rows = screen.rows
        assert rows[0] is None  # a header first
        order = [screen.hits[i].article for i in rows if i is not None]
        arts = list(dict.fromkeys(order))
        assert len(arts) > 1 and order == sorted(order, key=arts.index)  # contiguous groups
        headers = [screen.hit_list.get_option_at_index(r).prompt.plain
                   for r, i in enumerate(rows) if i is None]
        assert len(headers) == len(arts) and all("sentence" in h for h in headers)
        assert [screen.hit_list.get_option_at_index(r).disabled
                for r, i in enumerate(rows) if i is None] == [True] * len(arts)
        scores = [screen.hits[rows[r + 1]].score for r, i in enumerate(rows) if i is None]
        assert scores == sorted(scores, reverse=True)  # best articles first


async def test_bulk_tag_three_hits_is_one_undo_step(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "ammunition")
        await pilot.press("down", "space", "space", "space")
        assert len(screen.selected) == 3
        chosen = [h for h in screen.hits if (h.article, h.index) in screen.selected]
        await pilot.press("s")
        from tui.screens.search_help import BulkConfirm

        await wait_for(pilot, lambda: isinstance(app.screen, BulkConfirm), "the confirmation")
        assert "Tag 3 selected hits in" in app.screen.question
        await pilot.press("y")
        await wait_for(pilot, lambda: app.screen is screen, "back to the hits")
        for h in chosen:
            assert ("speculation", h.start, h.end) in tags(ws, "tester", h.article)
            assert "speculation" in next(x for x in screen.hits
                                         if (x.article, x.index) == (h.article, h.index)).labels
        assert not screen.selected
        await pilot.press("u")  # one step takes all three off
        assert all(tags(ws, "tester", h.article) == [] for h in chosen)
        assert all(not h.labels for h in screen.hits)
        await pilot.press("ctrl+r")
        assert all(("speculation", h.start, h.end) in tags(ws, "tester", h.article)
                   for h in chosen)


async def test_bulk_tag_can_be_declined_and_star_selects_all(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "ammunition")
        await pilot.press("down", "asterisk")
        assert len(screen.selected) == 6
        await pilot.press("w")
        await wait_for(pilot, lambda: app.screen is not screen, "the confirmation")
        assert "Tag 6 selected hits in 5 articles as warning? (y/n)" in app.screen.question
        await pilot.press("n")
        await wait_for(pilot, lambda: app.screen is screen, "back to the hits")
        assert all(tags(ws, "tester", h.article) == [] for h in screen.hits)
        await pilot.press("asterisk")
        assert not screen.selected


async def test_question_mark_shows_keys_and_query_syntax(tmp_path) -> None:
    from tui.screens.search_help import SearchHelp

    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "kim")
        assert screen.query_one("Input").value == "kim"
        await pilot.press("down", "question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchHelp), "the search help")
        text = app.export_screenshot().replace("&#160;", " ")
        for needle in ("label:speculation", "date:[2023-09-01", "untagged", "every hit",
                       "Query syntax", "Keys in search"):
            assert needle in text, needle
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen, "back")


async def test_more_articles_load_when_the_cursor_nears_the_end(tmp_path, monkeypatch) -> None:
    import tui.screens.search as search_screen

    monkeypatch.setattr(search_screen, "LIMIT", 2)  # a page is whole articles, >= 2 hits
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "ammunition")
        await wait_for(pilot, lambda: not screen.results.partial, "the complete first page")
        first = len(screen.hits)
        assert first < 6 and screen.results.more
        await pilot.press("down", "j", "j", "j")
        await wait_for(pilot, lambda: len(screen.hits) > first, "the next page")
        await pilot.press(*["j"] * 12)
        await wait_for(pilot, lambda: len(screen.hits) == 6, "every article")
        assert len({(h.article, h.index) for h in screen.hits}) == 6  # no hit twice
