"""Settling disagreements: a reviewer steps through them; each verdict becomes the reviewer's tags.

Nothing of the other annotators is ever written: the reviewer's verdicts go through a
`TaggingSession` of their own into `tags/<reviewer>/`, like keystrokes in the reader (undoable).
The first verdict in an article also copies in the tags every reviewed annotator agreed on, as
INCEpTION's curation does, so the reviewer's file becomes a complete adjudicated version of the
article (and can itself be compared with `newstag agree`). Which disagreements have been settled
is remembered in `.newstag/review/<reviewer>.json`; losing it only means seeing them again, with
the verdicts already in the reviewer's tags.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from .agreement import Data, Disagreement, agreement
from .articles import Article
from .atomic import write_atomic
from .exchange.collect import ArticleCache
from .labels import LabelSet
from .tagging import TaggingSession
from .tags import Tag, make_tag
from .tagstore import TagStore
from .workspace import Workspace


def key(d: Disagreement) -> str:
    return f"{d.unit.article_id}\t{d.unit.start}\t{d.unit.end}\t{d.label}"


@dataclass(frozen=True)
class Step:
    """One settled disagreement, for undo."""

    item: Disagreement
    before: bool | None  # its settled mark before
    changed: bool  # whether the verdict changed the reviewer's tags (an undo step exists)


@dataclass(frozen=True)
class Scope:
    """Whose tags a review compares, and whether the reviewer's own were left out."""

    reviewer: str
    compared: tuple[str, ...]
    own_left_out: bool  # the reviewer has tags, left out because they are the one reviewing

    def describe(self) -> str:
        """`comparing alice, bob`, and why the reviewer's own tags are not among them."""
        text = f"comparing {', '.join(self.compared) or 'nobody'}"
        if self.own_left_out:
            text += (f"; your own tags ({self.reviewer}) are left out: you are the reviewer, "
                     "and your verdicts become your tags")
        return text

    def problem(self, in_tui: bool = False) -> str | None:
        """Why there can be nothing to review (fewer than two annotators), with what to do
        (`in_tui`: said as what to do after quitting, since the screen has no such choice)."""
        if len(self.compared) >= 2:
            return None
        who = " and ".join(self.compared) if self.compared else "no annotator"
        text = f"nothing to review: a disagreement needs two annotators, and {who} is compared"
        if self.own_left_out:
            both = ",".join(sorted({*self.compared, self.reviewer}))
            text += (f" (your own tags, as {self.reviewer}, are left out because you are the "
                     "reviewer)")
            if in_tui:
                text += (f". To compare yours too, quit (q) and run `newstag review --annotators "
                         f"{both}`; to review as someone else, `newstag --annotator NAME review`")
            else:
                text += (f"; pass --annotators {both} to compare yours too, or review as "
                         "someone else with --annotator NAME")
        return text


def scope(store: TagStore, reviewer: str, annotators: Sequence[str] = ()) -> Scope:
    """Whom a review compares: those asked for, else every annotator but the reviewer."""
    if annotators:
        return Scope(reviewer, tuple(annotators), False)
    others = tuple(a for a in store.annotators() if a != reviewer)
    own = any(who == reviewer for who, _path in store.iter_files())
    return Scope(reviewer, others, own)


class Review:
    """The disagreements among `annotators` (default: everyone but the reviewer), in order."""

    def __init__(self, ws: Workspace, labels: LabelSet, reviewer: str,
                 annotators: Sequence[str] = (), only_labels: Sequence[str] = (),
                 session: TaggingSession | None = None) -> None:
        """`session`: the reviewer's own (the TUI passes its one session, so undo is shared)."""
        self.ws = ws
        self.reviewer = reviewer
        store = TagStore(ws.tags)
        self.session = session or TaggingSession(store, reviewer, labels.names)
        assert self.session.annotator == reviewer
        self.scope = scope(store, reviewer, annotators)
        self.annotators = list(self.scope.compared)
        chosen = list(only_labels) or labels.names
        self.data: Data
        self.data, results = agreement(ws, chosen, self.annotators)
        self.items: list[Disagreement] = sorted(
            (d for r in results for d in r.disagreements),
            key=lambda d: (d.unit.article_id, d.unit.index, chosen.index(d.label)))
        self._articles = ArticleCache(ws)
        self._opened: set[str] = set()
        self._history: list[Step] = []
        self.progress_path = ws.cache / "review" / f"{reviewer}.json"
        self.settled: dict[str, bool] = self._load_progress()

    # -- state -----------------------------------------------------------------------------
    def _load_progress(self) -> dict[str, bool]:
        try:
            raw = json.loads(self.progress_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {k: bool(v) for k, v in raw.items()} if isinstance(raw, dict) else {}

    def _save_progress(self) -> None:
        # Progress is a convenience; the verdicts themselves are in the tag files.
        with contextlib.suppress(OSError):
            write_atomic(self.progress_path, json.dumps(self.settled, indent=0).encode())

    def article(self, article_id: str) -> Article:
        got = self._articles.get(article_id)
        if isinstance(got, str):
            raise KeyError(got)
        if article_id not in self._opened:
            self.session.open(got)
            self._opened.add(article_id)
        return got

    def verdict(self, d: Disagreement) -> bool | None:
        """The reviewer's current answer: None until they have tags on this article."""
        art = self.article(d.unit.article_id)
        doc = self.session.doc(art.id)
        if not doc.tags:
            return None
        return any(self._overlaps(t, d) for t in doc.tags)

    @staticmethod
    def _overlaps(t: Tag, d: Disagreement) -> bool:
        return t.label == d.label and not t.orphan and t.start < d.unit.end and d.unit.start < t.end

    def empty_message(self, in_tui: bool = False) -> tuple[str, str]:
        """(header, body) for a review with nothing to settle: whom it compared, and why."""
        problem = self.scope.problem(in_tui)
        if problem is not None:
            only = (f"only {', '.join(self.scope.compared)}" if self.scope.compared
                    else "no other annotator")
            mine = (f"; your own tags ({self.reviewer}) are left out: you are the reviewer"
                    if self.scope.own_left_out else "")
            return f"Review: nothing to compare, {only}{mine}", problem
        return (f"Review: no disagreements, {self.scope.describe()}",
                "Every sentence two or more annotators covered has the same labels from all of "
                "them. Nothing to settle.")

    @property
    def remaining(self) -> int:
        return sum(1 for d in self.items if key(d) not in self.settled)

    # -- settling --------------------------------------------------------------------------
    def _consensus(self, art: Article) -> list[Tag]:
        """Tags on every sentence of `art` that all reviewed annotators (2 or more) said yes to."""
        out = []
        for (_who, label), units in self.data.yes.items():
            for u in units:
                if u.article_id != art.id:
                    continue
                values = [self.data.value(w, label, u) for w in self.annotators]
                given = [v for v in values if v is not None]
                if len(given) >= 2 and all(given):
                    out.append(make_tag(art.id, art.text, u.start, u.end, label))
        return list({(t.label, t.start, t.end): t for t in out}.values())

    def settle(self, d: Disagreement, yes: bool) -> None:
        art = self.article(d.unit.article_id)
        old = self.session.doc(art.id).tags
        tags = list(old)
        if not tags and self.reviewer not in self.annotators:
            tags = self._consensus(art)
        tags = [t for t in tags if not self._overlaps(t, d)]
        if yes:
            tags.append(make_tag(art.id, art.text, d.unit.start, d.unit.end, d.label))
        new = self.session.replace_tags(art, tags, f"review: {d.label} {'yes' if yes else 'no'}")
        self._history.append(Step(d, self.settled.get(key(d)), new.tags != old))
        self.settled[key(d)] = yes
        self._save_progress()

    def undo(self) -> Disagreement | None:
        """Take back the last verdict (its tags and its settled mark)."""
        if not self._history:
            return None
        step = self._history.pop()
        if step.changed and self.session.can_undo:
            self.session.undo()
        if step.before is None:
            self.settled.pop(key(step.item), None)
        else:
            self.settled[key(step.item)] = step.before
        self._save_progress()
        return step.item
