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
        assert screen.hit_list.option_count == 6
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
        assert "speculation" in screen.hit_list.get_option_at_index(0).prompt.plain
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
        assert quick and quick[0].hits == ()  # the quick look was shown first, then replaced


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
        assert "speculation" in screen.hit_list.get_option_at_index(0).prompt.plain
