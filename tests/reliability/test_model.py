"""A model-based test of the tag store: random sequences of add, remove, note, undo, redo, reopen,
external edits, failed saves, kills and article edits. After every step the file on disk equals
the model, the session equals the disk, every anchor fits the article, and no tag ever
disappears unless a user action removed it.

CI runs a modest budget; `pytest -m stress tests/reliability/test_model.py` a larger one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from tui.core import articles, atomic
from tui.core.tagging import TaggingSession
from tui.core.tags import Tag, make_tag
from tui.core.tagstore import TagFileError, TagStore

REPO = Path(__file__).resolve().parents[2]
AID = "001_e98dd6f0637d58e7"
LABELS = ["speculation", "official statement", "warning"]


@dataclass(frozen=True)
class Want:
    """What the model knows of a tag: its label and note (anchors may move with the text)."""

    label: str
    note: str


Delta = tuple[dict[str, Want], dict[str, Want]]  # (before, after) of one undoable change


class StoreMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="newstag-model-"))
        (self.root / "seeds").mkdir()
        self.path = self.root / "seeds" / f"{AID}.txt"
        shutil.copy(REPO / "seeds" / f"{AID}.txt", self.path)
        self.tags = self.root / "tags"
        self.article = articles.load(self.path)
        self.model: dict[str, Want] = {}
        self.undo: list[Delta] = []
        self.redo: list[Delta] = []
        self.stale = False  # the file changed outside and the session has not polled yet
        self._reopen()

    def teardown(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    # -- helpers -----------------------------------------------------------------------------
    def _reopen(self) -> None:
        self.session = TaggingSession(TagStore(self.tags), "ana", LABELS)
        self.session.store.start()
        self.session.open(self.article)
        self.undo, self.redo = [], []
        self.stale = False

    def _disk(self) -> dict[str, Tag]:
        doc = TagStore(self.tags).load("ana", AID).doc
        return {t.id: t for t in doc.tags} if doc else {}

    def _sentence(self, i: int) -> tuple[int, int]:
        sents = self.article.sentences()
        s = sents[i % len(sents)]
        return s.start, s.end

    def _view(self) -> dict[str, Want]:
        """The tags as the session sees them (stale until it polls or saves)."""
        return {t.id: Want(t.label, t.note) for t in self.session.doc(AID).tags}

    def _did(self, view: dict[str, Want], intended: dict[str, Want]) -> None:
        """A user action succeeded: its delta lands on the disk's truth, and becomes undoable."""
        if intended != view:
            self.undo.append((view, intended))
            self.redo.clear()
        self._apply(view, intended)
        self.stale = False  # saving merged what was on disk: the session is in step again

    def _apply(self, frm: dict[str, Want], to: dict[str, Want]) -> None:
        """A delta by id on the current tags: what others added meanwhile survives."""
        for tid in set(frm) - set(to):
            self.model.pop(tid, None)
        for tid, want in to.items():
            if frm.get(tid) != want:
                self.model[tid] = want

    # -- user actions ------------------------------------------------------------------------
    @rule(i=st.integers(0, 200), label=st.sampled_from(LABELS))
    def toggle(self, i: int, label: str) -> None:
        start, end = self._sentence(i)
        view = self._view()
        had = {t.id for t in self.session.doc(AID).tags
               if (t.start, t.end) == (start, end) and t.label == label and not t.orphan}
        intended = {k: v for k, v in view.items() if k not in had}
        if not had:
            intended[make_tag(AID, self.article.text, start, end, label).id] = Want(label, "")
        self.session.toggle(self.article, [(start, end)], label)
        self._did(view, intended)

    @rule(i=st.integers(0, 200))
    def clear(self, i: int) -> None:
        span = self._sentence(i)
        view = self._view()
        on_it = {t.id for t in self.session.doc(AID).tags
                 if (t.start, t.end) == span and not t.orphan}
        self.session.clear(self.article, [span])
        self._did(view, {k: v for k, v in view.items() if k not in on_it})

    @rule(pick=st.integers(0, 10_000), note=st.text(max_size=20))
    def note(self, pick: int, note: str) -> None:
        view = self._view()
        if not view:
            return
        tid = sorted(view)[pick % len(view)]
        self.session.set_note(self.article, [tid], note)
        clean = note.translate({c: "\ufffd" for c in range(0xD800, 0xE000)})
        self._did(view, {**view, tid: Want(view[tid].label, clean)})

    @rule()
    def undo_last(self) -> None:
        change = self.session.undo()
        assert (change is None) == (not self.undo)
        if change is not None:
            view, intended = self.undo.pop()
            self.redo.append((view, intended))
            self._apply(intended, view)
            self.stale = False

    @rule()
    def redo_last(self) -> None:
        change = self.session.redo()
        assert (change is None) == (not self.redo)
        if change is not None:
            view, intended = self.redo.pop()
            self.undo.append((view, intended))
            self._apply(view, intended)
            self.stale = False

    @rule()
    def poll(self) -> None:
        """What the reader does every two seconds."""
        self.session.refresh_if_changed(AID)
        self.stale = False

    @rule()
    def reopen(self) -> None:
        self._reopen()

    # -- the world ---------------------------------------------------------------------------
    @rule(i=st.integers(0, 200), label=st.sampled_from(LABELS), remove=st.booleans())
    def external_edit(self, i: int, label: str, remove: bool) -> None:
        """A second instance (or a git pull) changes the file while our session is open."""
        other = TaggingSession(TagStore(self.tags), "ana", LABELS)
        other.open(self.article)
        mine = other.doc(AID).tags
        if remove and mine:
            gone = mine[i % len(mine)]
            other.replace_tags(self.article, [t for t in mine if t.id != gone.id], "external")
            self.model.pop(gone.id, None)
        else:
            doc = other.toggle(self.article, [self._sentence(i)], label)
            self.model = {t.id: Want(t.label, t.note) for t in doc.tags}
        self.stale = True

    @rule(i=st.integers(0, 200), label=st.sampled_from(LABELS),
          step=st.sampled_from(["write", "fsync", "replace"]))
    def failed_save(self, i: int, label: str, step: str) -> None:
        """The disk fails mid-save: a one-line error, and nothing changes anywhere."""
        def boom(*a: object) -> None:
            raise OSError(28, "No space left on device")

        self.poll()  # in step with the disk, so this toggle has something to write
        before_disk = TagStore(self.tags).path_for("ana", AID)
        old = before_disk.read_bytes() if before_disk.exists() else None
        span = self._sentence(i)
        doc = self.session.doc(AID)
        had = [t for t in doc.tags if (t.start, t.end) == span and t.label == label]
        empties = bool(had) and len(had) == len(doc.tags)  # removing the last tag: an unlink
        failing = ("unlink",) if empties else (step,)
        real = {name: getattr(os, name) for name in failing}
        for name in failing:
            setattr(os, name, boom)
        try:
            with pytest.raises(TagFileError):
                self.session.toggle(self.article, [span], label)
        finally:
            for name, fn in real.items():
                setattr(os, name, fn)
        assert (before_disk.read_bytes() if before_disk.exists() else None) == old

    @rule()
    def killed_writer(self) -> None:
        """A process killed mid-save left its temp file; the next start removes it."""
        folder = self.tags / "ana"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f".{AID}.yaml.999999999-dead{atomic.TMP_SUFFIX}").write_bytes(b"half a file")
        self._reopen()
        assert not list(folder.glob(f"*{atomic.TMP_SUFFIX}"))

    @rule(i=st.integers(0, 200), how=st.sampled_from(["insert", "delete", "typo", "move"]))
    def article_edit(self, i: int, how: str) -> None:
        """The article changes on disk; reopening re-anchors; no tag disappears."""
        text = self.article.text
        sents = self.article.sentences()
        s = sents[i % len(sents)]
        if how == "insert":
            text = text[: s.start] + "An editor's note was added here. " + text[s.start :]
        elif how == "delete":
            text = text[: s.start] + text[s.end :]
        elif how == "typo":
            mid = (s.start + s.end) // 2
            text = text[:mid] + text[mid + 1 : mid + 2] + text[mid] + text[mid + 2 :]
        else:
            piece = text[s.start : s.end]
            text = text[: s.start] + text[s.end :] + "\n\n" + piece + "\n"
        self.path.write_text(text, encoding="utf-8")
        self.article = articles.load(self.path)
        self.session.open(self.article)  # what the reader does on opening it again

    # -- what must always hold -----------------------------------------------------------------
    @invariant()
    def disk_equals_model_and_session(self) -> None:
        disk = self._disk()
        assert {tid: Want(t.label, t.note) for tid, t in disk.items()} == self.model
        if not self.stale:
            assert {t.id: t for t in self.session.doc(AID).tags} == disk
        for t in disk.values():
            assert t.orphan or self.article.text[t.start : t.end] == t.quote
        assert not list(self.tags.rglob(f"*{atomic.TMP_SUFFIX}"))


StoreMachine.TestCase.settings = settings(
    max_examples=20, stateful_step_count=20, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
test_store_model = StoreMachine.TestCase


class StressMachine(StoreMachine):
    pass


StressMachine.TestCase.settings = settings(
    max_examples=300, stateful_step_count=40, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
test_store_model_stress = pytest.mark.stress(StressMachine.TestCase)


def test_the_model_catches_a_store_that_drops_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    """The control: a merge that forgets what the disk added must fail the invariant."""
    from tui.core import tagstore

    monkeypatch.setattr(tagstore, "merge", lambda base, ours, disk: replace(ours))
    machine = StoreMachine()
    try:
        machine.toggle(1, "warning")
        machine.external_edit(5, "speculation", remove=False)
        machine.toggle(9, "warning")
        with pytest.raises(AssertionError):  # the second instance's tag is gone from disk
            machine.disk_equals_model_and_session()
    finally:
        machine.teardown()
