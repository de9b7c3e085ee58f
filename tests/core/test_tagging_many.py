"""`TaggingSession.add_many`: several articles tagged as one undo step, and `add` with a note."""

from __future__ import annotations

import shutil
from pathlib import Path

from tui.core import articles
from tui.core.tagging import TaggingSession
from tui.core.tagstore import TagStore

REPO = Path(__file__).resolve().parents[2]
IDS = ["000_698a1ff201fa72f9", "001_e98dd6f0637d58e7", "004_0413e7c0cc1f7413"]


def setup(tmp_path: Path) -> tuple[TaggingSession, dict[str, articles.Article]]:
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    arts = {i: articles.load(tmp_path / "seeds" / f"{i}.txt") for i in IDS}
    session = TaggingSession(TagStore(tmp_path / "tags"), "me", ["speculation", "warning"])
    return session, arts


def on_disk(session: TaggingSession, article_id: str) -> list[tuple[str, int, int, str]]:
    doc = session.store.load("me", article_id).doc
    return [(t.label, t.start, t.end, t.note) for t in doc.tags] if doc else []


def first_body(art: articles.Article) -> tuple[int, int]:
    s = next(s for s in art.sentences() if not s.chrome and not s.title)
    return s.start, s.end


def test_add_many_is_one_undo_step_across_articles(tmp_path: Path) -> None:
    session, arts = setup(tmp_path)
    a, b, c = (arts[i] for i in IDS)
    session.open(a)
    session.toggle(a, [first_body(a)], "speculation")  # an earlier, separate step
    change = session.add_many([(b, [first_body(b)], ["speculation", "warning"]),
                               (c, [first_body(c)], ["speculation"])], note="twin",
                              description="add to twins")
    assert change is not None and change.batch and change.articles == [b.id, c.id]
    assert [x[0] for x in on_disk(session, b.id)] == ["speculation", "warning"]
    assert on_disk(session, c.id) == [("speculation", *first_body(c), "twin")]
    undone = session.undo()
    assert undone is not None and undone.batch
    assert on_disk(session, b.id) == [] and on_disk(session, c.id) == []
    assert len(on_disk(session, a.id)) == 1  # the step before is untouched
    session.redo()
    assert len(on_disk(session, b.id)) == 2 and len(on_disk(session, c.id)) == 1
    session.undo()
    session.undo()  # now the earlier toggle
    assert on_disk(session, a.id) == []


def test_add_many_with_nothing_new_records_no_step(tmp_path: Path) -> None:
    session, arts = setup(tmp_path)
    b = arts[IDS[1]]
    session.open(b)
    session.add(b, [first_body(b)], "speculation", note="suggested by cue 'may'")
    assert on_disk(session, b.id) == [("speculation", *first_body(b), "suggested by cue 'may'")]
    assert session.add_many([(b, [first_body(b)], ["speculation"])]) is None
    session.undo()
    assert on_disk(session, b.id) == [] and not session.can_undo
