"""The search screen's keys that change tags: select hits, tag them (one or many, one undo step
of this screen), undo and redo what was tagged here.

Every change goes through the App's one TaggingSession, so the YAML files, the reader's undo and
the index see it as if it was made in the reader; the hits redraw from the `TagsChanged` each
save posts (`SearchScreen.tags_changed` calls `_refresh_article`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tui.core.search.engine import Hit
from tui.core.tagstore import TagFileError
from tui.screens.search_help import BulkConfirm

if TYPE_CHECKING:
    from rich.text import Text
    from textual.widgets import OptionList

    from tui.host import Host


class SearchTagging:
    """Mixed into SearchScreen, which provides the hits, the list and the prompts."""

    app: Host
    hits: list[Hit]
    selected: set[tuple[str, int]]
    _undo: list[int]
    _redo: list[int]
    _retagged: dict[tuple[str, int], tuple[tuple[str, ...], tuple[str, ...]]]

    if TYPE_CHECKING:  # provided by SearchScreen and Screen; never defined here at run time
        @property
        def hit_list(self) -> OptionList: ...
        def _current(self) -> tuple[int, Hit] | None: ...
        def _row_of(self, i: int) -> int: ...
        def _prompt(self, hit: Hit) -> Text: ...
        def _show_count(self) -> None: ...
        def action_cursor(self, direction: str) -> None: ...
        def notify(self, message: str, **kw: object) -> None: ...

    def action_select_hit(self) -> None:
        current = self._current()
        if current is None or current[1].kind != "sentence":
            return
        i, hit = current
        key = (hit.article, hit.index)
        self.selected.symmetric_difference_update({key})
        self.hit_list.replace_option_prompt_at_index(self._row_of(i), self._prompt(hit))
        self.action_cursor("down")
        self._show_count()

    def action_select_all(self) -> None:
        everything = {(h.article, h.index) for h in self.hits if h.kind == "sentence"}
        self.selected = set() if self.selected >= everything else everything
        for i, h in enumerate(self.hits):
            self.hit_list.replace_option_prompt_at_index(self._row_of(i), self._prompt(h))
        self._show_count()

    def action_toggle_label(self, n: int) -> None:
        label = self.app.labels.by_number(n)
        if label is None:
            return
        if self.selected:
            chosen = [h for h in self.hits if (h.article, h.index) in self.selected]
            arts = len({h.article for h in chosen})
            question = (f"Tag {len(chosen)} selected hit{'s' if len(chosen) != 1 else ''} in "
                        f"{arts} article{'s' if arts != 1 else ''} as {label.name}? (y/n)")

            def answer(yes: bool | None) -> None:
                if yes:
                    self.tag_hits(chosen, label.name)
            self.app.push_screen(BulkConfirm(question), answer)
            return
        current = self._current()
        if current is None or current[1].kind != "sentence":
            return
        self.tag_hits([current[1]], label.name, toggle=True)

    def tag_hits(self, chosen: list[Hit], label: str, toggle: bool = False) -> int:
        """Tag these hits with `label` (one session change per article) as one undo step of
        this screen. `toggle` (a single hit): a label it has already is taken off."""
        by_article: dict[str, list[Hit]] = {}
        for h in chosen:
            by_article.setdefault(h.article, []).append(h)
        changes = 0
        session = self.app.session
        for article_id, hits in by_article.items():
            article = self.app.load_article(article_id)
            if article is None:
                continue
            sents = article.sentences()
            spans = [(h.start, h.end) for h in hits if h.index < len(sents)
                     and (sents[h.index].start, sents[h.index].end) == (h.start, h.end)]
            if len(spans) < len(hits):
                self.notify("an article changed since it was searched; search again",
                            severity="warning")
            try:
                doc = session.open(article)
                if not toggle:  # bulk: add where missing, never take a label off
                    have = {(t.start, t.end) for t in doc.tags if t.label == label
                            and not t.orphan}
                    spans = [sp for sp in spans if sp not in have]
                if not spans:
                    continue
                session.toggle(article, spans, label)  # one undoable session change
                changes += 1
            except TagFileError as exc:
                self.notify(str(exc), severity="error", markup=False, timeout=8)
            # The hits redraw from the TagsChanged each save posts (`tags_changed`).
        if changes:
            self._undo.append(changes)
            self._redo.clear()
        if not toggle:
            self.selected.clear()
            for i, h in enumerate(self.hits):
                self.hit_list.replace_option_prompt_at_index(self._row_of(i), self._prompt(h))
            self.notify(f"tagged {len(chosen)} hits as {label}; u undoes it", timeout=3)
        self._show_count()
        return changes

    def _step(self, undo: bool) -> None:
        stack, other = (self._undo, self._redo) if undo else (self._redo, self._undo)
        if not stack:
            self.notify(f"Nothing to {'undo' if undo else 'redo'} here", timeout=2)
            return
        n = stack.pop()
        session = self.app.session
        for _ in range(n):
            try:
                if undo:
                    session.undo()
                else:
                    session.redo()
            except TagFileError as exc:
                self.notify(str(exc), severity="error", markup=False, timeout=8)
                break
        other.append(n)  # the hits redraw from the TagsChanged each undo/redo posts
        self.notify(f"{'Undone' if undo else 'Redone'}: {n} article(s)", timeout=2)

    def action_undo_tag(self) -> None:
        self._step(undo=True)

    def action_redo_tag(self) -> None:
        self._step(undo=False)

    def _refresh_article(self, article_id: str, sha: str) -> None:
        """Labels of this article's hits from the tag files now on disk (all annotators)."""
        from tui.core.search.prepare import tag_records

        article = self.app.load_article(article_id)
        if article is None:
            return
        tags = tag_records(article, self.app.services.docs.docs_for(article_id))
        for i, hit in enumerate(self.hits):
            if hit.article != article_id or hit.kind != "sentence":
                continue
            mine = [t for t in tags if t.start < hit.end and t.end > hit.start]
            labels = tuple(sorted({t.label for t in mine}))
            who = tuple(sorted({t.annotator for t in mine}))
            self.hits[i] = replace(hit, labels=labels, annotators=who)
            # A ranking that arrives later may come from an index that has not heard of this.
            self._retagged[(hit.article, hit.index)] = (labels, who)
            self.hit_list.replace_option_prompt_at_index(self._row_of(i),
                                                         self._prompt(self.hits[i]))
