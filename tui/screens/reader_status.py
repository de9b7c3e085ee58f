"""The reader's part of the status line: who is tagging, how far, the mode, others' orphans,
twins, and why my tagging is refused here. Each segment has a priority, so a narrow terminal
drops the least useful first (`widgets.status_line`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from tui.core.sanitize import one_line
from tui.widgets.status_line import priority

if TYPE_CHECKING:
    from tui.core.articles import Article
    from tui.core.marks import Marks
    from tui.core.others import OtherTags
    from tui.host import Host
    from tui.widgets.article_view import ArticleView

    from .progress import SentenceCounter


class ReaderStatus:
    """Mixed into ReaderScreen, which provides the article, the view and the counters."""

    app: Host
    article: Article | None
    view: ArticleView
    refused: str | None
    others: OtherTags
    counter: SentenceCounter
    _tagged: tuple[Marks | None, int]

    if TYPE_CHECKING:  # provided by TwinActions; never defined here at run time
        def twins_status(self) -> Text | None: ...

    def status_segments(self) -> list:
        return [self._status_annotator, self._status_progress, self._status_mode,
                self._status_orphans, self._status_twins, self._status_refused]

    @priority(95)
    def _status_refused(self) -> tuple[Text, Text] | None:
        """Why my tagging is refused here: the last refusal, or my file known to be broken."""
        if self.article is None:
            return None
        why = self.refused
        if why is None:
            known = self.app.services.my_problem(self.article.id)
            why = f"your tags here cannot be saved: {known.message}" if known else None
        if why is None:
            return None
        why = one_line(why.replace(f"{self.app.ws.root}/", ""), 300)  # paths as git shows them
        parts = why.split(": ", 2)  # "not saved", the file, why: short, the file goes first
        short = f"{parts[0]}: {parts[-1]}" if len(parts) == 3 else why
        return Text("⚠ " + why, style="bold red"), Text("⚠ " + short, style="bold red")

    @priority(60)
    def _status_twins(self) -> Text | None:
        return self.twins_status()

    @priority(20)
    def _status_annotator(self) -> Text:
        return Text.assemble(("annotator ", "dim"), (self.app.ws.annotator, "bold"))

    @priority(70)
    def _status_progress(self) -> Text | None:
        if self.article is None:
            return None
        marks = self.view.marks
        if self._tagged[0] is not marks:  # counted once per change of tags, not per redraw
            self._tagged = (marks, len(marks.tagged_spans(mine_only=True)))
        tagged = self._tagged[1]
        counter = self.counter
        total = (str(counter.total) if counter.total is not None
                 else f"≈{counter.estimate:,} (counting…)" if counter.estimate else "…")
        return Text.assemble(("tagged ", "dim"), f"{tagged}/{total}", (" sentences", "dim"))

    @priority(80)
    def _status_orphans(self) -> Text | None:
        """Other annotators' tags whose text is gone from this version of the article."""
        lost = self.others.orphaned
        if not lost:
            return None
        parts = [f"{one_line(who, 24)}: {n} orphaned" for who, n in sorted(lost.items())]
        return Text("⚠ " + " · ".join(parts), style="bold")

    @priority(90)
    def _status_mode(self) -> Text | None:
        parts = []
        if self.view.anchor is not None or self.view.narrow is not None:
            parts.append(("SELECT", "bold reverse"))
        if not self.view.skip_chrome:
            parts.append((" chrome: not skipped", "bold"))
        return Text.assemble(*parts) if parts else None
