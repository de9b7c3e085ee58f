"""The reader's keys that change tags: label keys, `x`, `a`, `u` and `ctrl+r`.

Each goes through the app's TaggingSession, which saves at once; the screen redraws from the
`TagsChanged` the save posts (one path, whoever made the change). A store error (a malformed
or locked tag file) is a refusal: said on the status line, until the next change or article.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from tui.core.sanitize import one_line
from tui.core.tagging import Change
from tui.core.tags import TagDoc
from tui.core.tagstore import TagFileError

from .note import NotePickerScreen, NoteScreen, NoteTarget, note_targets

if TYPE_CHECKING:
    from tui.core.articles import Article
    from tui.host import Host
    from tui.widgets.article_view import ArticleView

T = TypeVar("T")


class TaggingActions:
    """Mixed into ReaderScreen, which provides `app`, `article`, `view` and `refresh_tags`."""

    app: Host
    article: Article | None
    view: ArticleView
    refused: str | None

    if TYPE_CHECKING:  # provided by ReaderScreen and Screen; never defined here at run time
        def refresh_tags(self, mine: TagDoc | None = None) -> None: ...
        def show_article(self, article_id: str, offset: int | None = None) -> bool: ...
        def notify(self, message: str, **kw: object) -> None: ...

    def _saving(self, change: Callable[[], T]) -> T | None:
        """Run a change; a refusal goes on the status line (it stays while it is true)."""
        try:
            done = change()
        except TagFileError as exc:
            self._refuse(f"not saved: {exc}")
        except ValueError as exc:  # an unsafe annotator name or a span outside the text
            self._refuse(f"cannot tag: {exc}")
        else:
            if self.refused is not None:
                self.refused = None
                self.app.refresh_status()
            return done
        return None

    def _refuse(self, why: str) -> None:
        self.refused = why
        self.app.bell()
        self.app.refresh_status()

    def _spans(self) -> list[tuple[int, int]]:
        return self.view.selected_spans()

    def _mine_touching(self, article: Article) -> list[tuple[int, int]]:
        """Spans of my tags that overlap the selection (a tag on part of a sentence, too)."""
        spans = self._spans()
        return [(t.start, t.end) for t in self.app.session.doc(article.id).tags
                if not t.orphan and any(t.start < e and t.end > s for s, e in spans)]

    def action_toggle_label(self, number: int) -> None:
        labels = self.app.labels.labels  # by position: a tenth label has a key, not a digit
        label = labels[number - 1] if 1 <= number <= len(labels) else None
        article = self.article
        if label is None:
            count = len(labels)
            known = (f"labels are 1–{count}" if count > 1 else "the only label is 1" if count
                     else "there are none yet: add some to tags/labels.yaml")
            self.notify(f"No label {number} — {known} (see ?)", severity="warning", timeout=3)
            return
        if article is None or not self._spans():
            return
        doc = self._saving(lambda: self.app.session.toggle(article, self._spans(), label.name))
        if doc is not None:
            self.view.clear_selection()

    def action_clear_tags(self) -> None:
        article = self.article
        if article is None or not self._spans():
            return
        spans = list(dict.fromkeys(self._spans() + self._mine_touching(article)))
        doc = self._saving(lambda: self.app.session.clear(article, spans))
        if doc is not None:
            self.view.clear_selection()

    def action_edit_note(self) -> None:
        """`a`: the note of my tag here; with several tags, first ask which one (never all)."""
        article = self.article
        if article is None:
            return
        spans = set(self._spans())
        tags = [t for t in self.app.session.doc(article.id).tags
                if (t.start, t.end) in spans and not t.orphan]
        if not tags:  # my tags on part of the sentence (or across it)
            touching = set(self._mine_touching(article))
            tags = [t for t in self.app.session.doc(article.id).tags
                    if (t.start, t.end) in touching and not t.orphan]
        if not tags:
            self.notify("No tag of yours here: tag the sentence first, a note belongs to a tag",
                        severity="warning", timeout=4)
            return
        targets = note_targets(tags, self.app.labels.names)
        quote = tags[0].quote
        if len(targets) == 1:
            self._edit_note(article, targets[0], quote)
            return

        def picked(target: NoteTarget | None) -> None:
            if target is not None:
                self._edit_note(article, target, quote)

        about = one_line(f"Notes here: {quote}", 160)
        self.app.push_screen(NotePickerScreen(targets, self.app.looks, about), picked)

    def _edit_note(self, article: Article, target: NoteTarget, quote: str) -> None:
        """Edit one target's note, pre-filled; an unchanged note (or escape) writes nothing."""
        what = target.label or "every tag here"
        about = one_line(f"Note on {what}: {quote}", 160)

        def save(note: str | None) -> None:
            if note is None or note == target.note.strip():
                return
            doc = self._saving(lambda: self.app.session.set_note(article, target.tag_ids, note))
            if doc is not None:
                self.view.clear_selection()

        self.app.push_screen(NoteScreen(target.note, about), save)

    def action_undo_change(self) -> None:
        change = self._saving(self.app.session.undo)
        if change is None:
            if not self.app.session.can_undo:
                self.notify("Nothing to undo", timeout=2)
            return
        self._show_change(change, "Undone")

    def action_redo_change(self) -> None:
        change = self._saving(self.app.session.redo)
        if change is None:
            if not self.app.session.can_redo:
                self.notify("Nothing to redo", timeout=2)
            return
        self._show_change(change, "Redone")

    def _show_change(self, change: Change, verb: str) -> None:
        """Put the cursor on what changed, opening its article when it was another one."""
        if change.batch:  # a claim's twins, in other articles: stay on the sentence being read
            n = len(change.articles)
            self.notify(f"{verb}: {change.description} ({n} article{'s' if n > 1 else ''})",
                        markup=False, timeout=3)
            return
        before = {t.id: t for t in change.before}
        after = {t.id: t for t in change.after}
        touched = [t for tid, t in {**before, **after}.items() if before.get(tid) != after.get(tid)]
        offset = min((t.start for t in touched), default=None)
        if self.article is None or change.article_id != self.article.id:
            if self.show_article(change.article_id, offset):
                title = one_line(self.article.title if self.article else change.article_id, 60)
                self.notify(f"{verb}: {change.description} in “{title}”", markup=False, timeout=3)
            return
        if offset is not None:  # the marks come with the TagsChanged the undo posted
            self.view.to_offset(offset)
