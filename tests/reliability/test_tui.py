"""The reliability promises, seen through the real TUI (Pilot): orphans shown and settled by hand,
changes from outside picked up by the reader's own timer, hostile names and bytes shown as text,
and a 5 MB article that opens and scrolls."""

from __future__ import annotations

import time

import pytest
from tui_helpers import FIRST, REPO, SIZE, make_app, open_reader, wait_for, workspace

from tui.core import articles, atomic
from tui.core.tagging import TaggingSession
from tui.core.tagstore import TagStore
from tui.screens import reader as reader_module
from tui.screens.orphans import OrphansScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.status_line import StatusLine

LABELS = ["speculation", "official statement", "warning"]
GONE = "Kim is also scheduled to visit Russia's Pacific fleet, a university, and other facilities."


def screen_text(app) -> str:
    import html
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")


def _orphan_in_first(ws) -> str:
    """Tag the sentence GONE, then delete it from the article: its tag is to be an orphan."""
    path = ws.article_path(FIRST)
    art = articles.load(path)
    session = TaggingSession(TagStore(ws.tags), ws.annotator, LABELS)
    session.open(art)
    s = next(s for s in art.sentences() if art.sentence_text(s) == GONE)
    tag = session.toggle(art, [(s.start, s.end)], "warning").tags[0]
    path.write_text(path.read_text(encoding="utf-8").replace(GONE + " ", ""), encoding="utf-8")
    return tag.id


async def _open_orphans(pilot, palette: bool = True) -> OrphansScreen:
    app = pilot.app
    if palette:
        await pilot.press("ctrl+p")
        await pilot.press(*"orphans")
        await wait_for(pilot, lambda: "Orphans" in screen_text(app), "the palette hit")
        await pilot.press("enter")
    else:
        app.action_show_orphans()
    await wait_for(pilot, lambda: isinstance(app.screen, OrphansScreen), "the Orphans view")
    await wait_for(pilot, lambda: app.screen.rows, "the orphans listed")
    return app.screen


async def test_orphans_view_reattaches_undoes_and_deletes(tmp_path) -> None:
    ws = workspace(tmp_path)
    tag_id = _orphan_in_first(ws)
    app = make_app(ws)
    store = TagStore(ws.tags)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)  # opening re-anchors: the tag is kept, flagged orphan
        assert [t.id for t in store.load(ws.annotator, FIRST).doc.tags if t.orphan] == [tag_id]
        assert any("changed since it was tagged" in n.message and "1 orphaned" in n.message
                   for n in app._notifications)
        await pilot.press("j", "j")
        reader = app.screen
        target = reader.view.cursor
        orphans = await _open_orphans(pilot)
        assert "“" + GONE[:60] in screen_text(app)
        await pilot.press("r")
        await wait_for(pilot, lambda: not orphans.rows, "the orphan re-attached")
        tag = next(t for t in store.load(ws.annotator, FIRST).doc.tags if t.id == tag_id)
        assert not tag.orphan and (tag.start, tag.end) == (target.start, target.end)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is reader)
        await pilot.press("u")  # undo: an orphan again, nothing lost
        assert next(t for t in store.load(ws.annotator, FIRST).doc.tags if t.id == tag_id).orphan
        await _open_orphans(pilot, palette=False)
        await pilot.press("d")
        assert tag_id in {t.id for t in store.load(ws.annotator, FIRST).doc.tags}  # asks first
        await pilot.press("d")
        await wait_for(pilot, lambda: store.load(ws.annotator, FIRST).doc is None, "deleted")
        assert app.is_running


async def test_the_reader_polls_for_changes_from_outside_by_itself(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(reader_module, "POLL_SECONDS", 0.05)
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        view = app.screen.view
        art = articles.load(ws.article_path(FIRST))
        other = TaggingSession(TagStore(ws.tags), ws.annotator, LABELS)  # a second instance
        other.open(art)
        s = art.sentences()[3]
        other.toggle(art, [(s.start, s.end)], "warning")
        await wait_for(pilot, lambda: [m.label for m in view.marks.marks] == ["warning"],
                       "the change from outside", limit=5)


async def test_teammates_tags_follow_their_text_when_the_article_changed(tmp_path) -> None:
    ws = workspace(tmp_path)
    path = ws.article_path(FIRST)
    art = articles.load(path)
    bob = TaggingSession(TagStore(ws.tags), "bob", LABELS)
    bob.open(art)
    s = art.sentences()[4]
    quote = art.sentence_text(s)
    bob.toggle(art, [(s.start, s.end)], "warning")
    path.write_text("UPDATED: a new first paragraph.\n\n" + art.text, encoding="utf-8")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        marks = app.screen.view.marks.marks
        text = app.screen.article.text
        assert [(m.annotator, text[m.start : m.end]) for m in marks] == [("bob", quote)]
        assert TagStore(ws.tags).load("bob", FIRST).doc.tags[0].start == s.start  # bob's file


async def test_a_full_disk_during_a_keystroke_is_one_line_and_changes_nothing(tmp_path,
                                                                            monkeypatch) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        await pilot.press("w")
        path = TagStore(ws.tags).path_for(ws.annotator, FIRST)
        old = path.read_bytes()

        def full(*_a: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(atomic.os, "replace", full)
        await pilot.press("j", "s")
        monkeypatch.undo()
        # Said where it stays until the next change: the status line (no toasts to pile up).
        assert "could not save" in app.screen.refused and "No space left" in app.screen.refused
        assert "\n" not in app.screen.refused
        assert "No space left" in str(app.screen.query_one(StatusLine).render())
        assert path.read_bytes() == old and not list(path.parent.glob(".*newstag-tmp"))
        assert [m.label for m in app.screen.view.marks.marks] == ["warning"]  # screen = disk
        await pilot.press("s")  # the disk is fine again: the keystroke saves
        assert len(TagStore(ws.tags).load(ws.annotator, FIRST).doc.tags) == 2
        assert app.screen.refused is None


HOSTILE_NAME = "[@click=app.quit]x\x1b]52;c;cHduZWQ=\x07"
HOSTILE_TEXT = (
    "A headline with [@click=app.quit]markup[/] in it\n\n"
    "C1 control \x9b2J here, OSC 52 \x1b]52;c;cHduZWQ=\x07 there, a NUL \x00 and a "
    "bidi \u2066isolate\u2069 too. A note of [b]bold[/b] stays text.\n"
)


async def test_hostile_file_names_and_bytes_are_shown_as_text(tmp_path) -> None:
    ws = workspace(tmp_path)
    (ws.corpus / f"{HOSTILE_NAME}.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.library is not None)
        app.open_article(HOSTILE_NAME)
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.article)
        raw = app.export_screenshot()
        shown = screen_text(app)
        assert "[@click=app.quit]markup[/]" in shown and "[b]bold[/b]" in shown
        assert "\x1b" not in raw and "\x9b" not in raw and "\x00" not in raw
        assert "␛]52;c;cHduZWQ=␇" in shown and "␀" in shown
        await pilot.click("#article-view", offset=(18, 0))
        await pilot.press("w", "escape")  # tag it, back to the library that lists the name
        await wait_for(pilot, lambda: not isinstance(app.screen, ReaderScreen))
        assert app.is_running
        assert TagStore(ws.tags).load(ws.annotator, HOSTILE_NAME).doc.tags
        written = [p.relative_to(ws.tags).parts for p in ws.tags.rglob("*.yaml")]
        assert all(len(parts) == 2 and "\x1b" not in parts[1] and "[" not in parts[1]
                   for parts in written if parts != ("labels.yaml",))


def _five_megabytes() -> str:
    paragraphs = [p for f in sorted((REPO / "seeds").glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n\n") if len(p) > 200]
    out, n = ["A five megabyte report"], 0
    while sum(map(len, out)) < 5_000_000:
        out.append(paragraphs[n % len(paragraphs)])
        n += 1
    return "\n\n".join(out) + "\n"


@pytest.mark.stress  # ~70 s here; tests/tui/test_big.py runs a 3 MB article in CI
async def test_a_five_megabyte_article_opens_and_scrolls(tmp_path) -> None:
    ws = workspace(tmp_path)
    (ws.corpus / "500_huge.txt").write_text(_five_megabytes(), encoding="utf-8")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.library is not None)
        t0 = time.perf_counter()
        app.open_article("500_huge")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.article,
                       limit=30)
        opened = time.perf_counter() - t0
        view = app.screen.view
        t0 = time.perf_counter()
        await pilot.press(*["space"] * 20, "G", "k", "g", *["j"] * 20)
        scrolled = time.perf_counter() - t0
        assert view.cursor is not None and app.is_running
        print(f"\n5 MB article: opened in {opened:.2f} s; 43 paging/scrolling keys in "
              f"{scrolled:.2f} s")
