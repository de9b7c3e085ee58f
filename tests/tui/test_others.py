"""Other annotators' tags in the reader: placed on the article's current text, orphans counted."""

from __future__ import annotations

from tui_helpers import FIRST, SIZE, make_app, open_reader, workspace

from tui.core import articles
from tui.core.tagging import TaggingSession
from tui.core.tagstore import TagStore
from tui.widgets.status_line import StatusLine

LABELS = ["speculation", "official statement", "warning"]


async def test_their_tags_follow_an_edited_article_and_orphans_are_counted(tmp_path) -> None:
    ws = workspace(tmp_path)
    path = ws.article_path(FIRST)
    art = articles.load(path)
    bob = TaggingSession(TagStore(ws.tags), "bob", LABELS)
    bob.open(art)
    kept, lost = art.sentences()[4], art.sentences()[6]
    kept_quote, lost_quote = art.sentence_text(kept), art.sentence_text(lost)
    bob.toggle(art, [(kept.start, kept.end)], "warning")
    bob.toggle(art, [(lost.start, lost.end)], "speculation")
    bob_file = ws.tags / "bob" / f"{FIRST}.yaml"
    before = bob_file.read_bytes()
    # The article is edited: a paragraph in front (every offset moves), one sentence rewritten.
    edited = "UPDATED: a new first paragraph.\n\n" + art.text.replace(
        lost_quote, "Officials declined to comment on any of it, then or later, at all.")
    path.write_text(edited, encoding="utf-8")

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        reader = app.screen
        text = reader.article.text
        shown = [(m.annotator, m.label, text[m.start : m.end]) for m in reader.view.marks.marks]
        assert shown == [("bob", "warning", kept_quote)]
        status = str(reader.query_one(StatusLine).render())
        assert "bob: 1 orphaned" in status
        reader.check_disk()  # the two-second poll keeps them placed and counted
        await pilot.pause()
        assert [m.start for m in reader.view.marks.marks] == [text.index(kept_quote)]
        assert "bob: 1 orphaned" in str(reader.query_one(StatusLine).render())
    assert bob_file.read_bytes() == before  # bob's file is bob's: never rewritten by my reader
