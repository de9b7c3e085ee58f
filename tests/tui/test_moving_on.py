"""Moving on: `]`/`[` into the next/previous article with tags, and reading positions that
belong to one annotator (bob does not open alice's last sentence)."""

from __future__ import annotations

from tui_helpers import FIRST, SIZE, library_ready, make_app, open_reader, wait_for, workspace

from tui.core import articles
from tui.core.tags import TagDoc, make_tag
from tui.core.tagstore import TagStore
from tui.core.workspace import open_workspace
from tui.screens.library import LibraryScreen
from tui.screens.reader import ReaderScreen

THIRD, FOURTH = "002_ac2d878c38bad475", "003_420c701de47a1b0c"


def _tag(ws, who: str, article_id: str, label: str, numbers: list[int]) -> list[int]:
    art = articles.load(ws.article_path(article_id))
    s = art.sentences()
    tags = tuple(make_tag(article_id, art.text, s[n].start, s[n].end, label) for n in numbers)
    TagStore(ws.tags).save(who, TagDoc(article_id, art.sha256, tags))
    return [s[n].start for n in numbers]


async def test_brackets_go_on_into_the_next_and_previous_article_with_tags(tmp_path) -> None:
    ws = workspace(tmp_path)
    third = _tag(ws, "bob", THIRD, "warning", [4, 7])  # someone else's tags count too
    fourth = _tag(ws, "tester", FOURTH, "speculation", [5])
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)  # no tags here, none in the second article either
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("right_square_bracket")
        await wait_for(pilot, lambda: screen.article.id == THIRD, "the third article")
        assert screen.view.cursor.start == third[0]
        await pilot.press("right_square_bracket")
        assert screen.view.cursor.start == third[1]
        await pilot.press("right_square_bracket")
        await wait_for(pilot, lambda: screen.article.id == FOURTH, "the fourth article")
        assert screen.view.cursor.start == fourth[0]
        await pilot.press("right_square_bracket")  # nothing after: stays, says so
        await pilot.pause()
        assert screen.article.id == FOURTH
        await pilot.press("left_square_bracket")  # back into the third, at its last tagged sentence
        await wait_for(pilot, lambda: screen.article.id == THIRD, "back to the third")
        assert screen.view.cursor.start == third[1]


async def test_reading_position_is_per_annotator(tmp_path) -> None:
    ws = workspace(tmp_path, "alice")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, THIRD)
        await pilot.press(*"jjjjj")
        alice_at = app.screen.view.cursor.start
        await pilot.press("q")
    assert alice_at > 0
    bob = open_workspace(ws.root, annotator="bob")
    app = make_app(bob)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        assert app.screen.query_one("ArticleList").current.id == FIRST  # not alice's last read
        await open_reader(pilot, THIRD)
        assert app.screen.view.cursor.start != alice_at  # bob starts at the top
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
    app = make_app(open_workspace(ws.root, annotator="alice"))
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                       and app.screen.article is not None)
        assert app.screen.article.id == THIRD and app.screen.view.cursor.start == alice_at
