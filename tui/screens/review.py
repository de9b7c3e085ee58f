"""Review mode: step through the sentences annotators disagree on and settle each one.

`y` says the label applies, `n` that it does not; the verdict is written as the reviewer's own
tags through the app's TaggingSession (undo with `u`), never into anyone else's file. The list
is computed in a worker (`tui.core.review.Review`), so the screen paints at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.bindings import bindings, shown_keys
from tui.core.agreement import Disagreement
from tui.core.review import Review, key
from tui.core.sanitize import display_text, one_line
from tui.messages import TagsChanged
from tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from tui.host import Host

CONTEXT_SENTENCES = 2


class ReviewScreen(Screen[None]):
    """One disagreement at a time, with its sentence in context and who said what."""

    BINDINGS = bindings("review")
    app: Host

    def __init__(self, annotators: Sequence[str] = (), labels: Sequence[str] = ()) -> None:
        super().__init__()
        self.annotators = tuple(annotators)
        self.only_labels = tuple(labels)
        self.review: Review | None = None
        self.position = 0

    def compose(self) -> ComposeResult:
        yield Static(Text("Review: finding disagreements…", style="bold"), id="review-header")
        with VerticalScroll(id="review-scroll"):
            yield Static(Text("Reading every annotator's tags…", style="dim"), id="review-body")
        yield StatusLine(id="status-line")
        yield Footer()

    def on_mount(self) -> None:
        self.load_review()

    @work(thread=True, exclusive=True, group="review")
    def load_review(self) -> None:
        app = self.app
        try:
            review = Review(app.ws, app.labels, app.ws.annotator, self.annotators,
                            self.only_labels, session=app.session)
        except Exception as exc:  # a worker must report, not crash the app
            app.call_from_thread(self.notify, f"Review: {exc}", severity="error", markup=False)
            return
        app.call_from_thread(self._loaded, review)

    def _loaded(self, review: Review) -> None:
        self.review = review
        first = next((i for i, d in enumerate(review.items) if key(d) not in review.settled), 0)
        self.position = first
        self.show()

    # -- drawing -----------------------------------------------------------------------------
    @property
    def current(self) -> Disagreement | None:
        if self.review is None or not self.review.items:
            return None
        return self.review.items[self.position]

    def status_segments(self) -> list:
        return [lambda: Text.assemble(("reviewer ", "dim"), (self.app.ws.annotator, "bold"))]

    def show(self) -> None:
        review = self.review
        header = self.query_one("#review-header", Static)
        body = self.query_one("#review-body", Static)
        if review is None:
            return
        if not review.items:
            head, text = review.empty_message(in_tui=True)
            header.update(_fit(Text(one_line(head, 200), style="bold")))
            body.update(Text(display_text(text), style="dim"))
            return
        who = ", ".join(review.annotators)
        mine = f" (yours, {review.reviewer}, left out)" if review.scope.own_left_out else ""
        # One line that fits: the position and what is left first, then the keys that settle,
        # then whom it compares (cut first when the screen is narrow).
        header.update(_fit(Text.assemble(
            ("Review ", "bold"), f"{self.position + 1} of {len(review.items)}",
            (" · ", "dim"), f"{review.remaining} to settle", (" · ", "dim"),
            (shown_keys(self.app, "review.yes"), "bold"), (" applies  ", "dim"),
            (shown_keys(self.app, "review.no"), "bold"), (" does not  ", "dim"),
            (shown_keys(self.app, "review.next-unsettled"), "bold"), (" next unsettled", "dim"),
            (" · ", "dim"),
            ("annotators ", "dim"), one_line(who, 60), (mine, "dim"))))
        body.update(self._item_text(review, review.items[self.position]))

    def _item_text(self, review: Review, d: Disagreement) -> Text:
        art = review.article(d.unit.article_id)
        look = self.app.looks.get(d.label)
        label = self.app.labels.by_name(d.label)
        out = Text()
        out.append(one_line(art.title or art.id, 120) + "\n", style="bold")
        out.append(f"{one_line(art.id, 60)} · sentence {d.unit.index + 1}\n\n", style="dim")
        out.append("label  ", style="dim")
        if look is not None:
            out.append(f" {look.marker} ", style=look.mine)
            out.append(" ")
        out.append(one_line(d.label, 60) + "\n", style="bold")
        out.append("yes    ", style="dim")
        out.append(one_line(", ".join(d.yes), 100) + "\n")
        out.append("no     ", style="dim")
        out.append(one_line(", ".join(d.no), 100) + "\n")
        settled = review.settled.get(key(d))
        verdict = review.verdict(d)
        out.append("yours  ", style="dim")
        if settled is None:
            now = "" if verdict is None else f" (your tags now say {'yes' if verdict else 'no'})"
            out.append(f"not settled{now} — y: applies, n: does not apply\n\n", style="italic")
        else:
            out.append(f"settled: {'applies' if settled else 'does not apply'}\n\n", style="bold")
        sents = art.sentences()
        lo = max(0, d.unit.index - CONTEXT_SENTENCES)
        hi = min(len(sents), d.unit.index + CONTEXT_SENTENCES + 1)
        for s in sents[lo:hi]:
            text = display_text(art.text[s.start : s.end]).replace("\n", " ")
            if s.index == d.unit.index:
                out.append("▶ ", style="bold")
                out.append(text, style=look.mine if look else "reverse")
                if look is not None:
                    out.append(f" {look.marker}", style=look.swatch)
                out.append("\n\n")
            else:
                out.append(f"  {text}\n\n", style="dim")
        if label is not None and label.description:
            out.append("guideline  ", style="dim")
            out.append(display_text(label.description) + "\n", style="italic")
        return out

    # -- acting ------------------------------------------------------------------------------
    def _move(self, step: int) -> None:
        if self.review is None or not self.review.items:
            return
        self.position = (self.position + step) % len(self.review.items)
        self.show()

    def action_next_item(self) -> None:
        self._move(1)

    def action_previous_item(self) -> None:
        self._move(-1)

    def action_next_unsettled(self) -> None:
        review = self.review
        if review is None or not review.items:
            return
        n = len(review.items)
        for step in range(1, n + 1):
            i = (self.position + step) % n
            if key(review.items[i]) not in review.settled:
                self.position = i
                self.show()
                return
        self.notify("Every disagreement is settled", timeout=3)

    def action_settle(self, applies: bool) -> None:
        d = self.current
        if d is None or self.review is None:
            return
        from tui.core.tagstore import TagFileError

        try:
            self.review.settle(d, applies)
        except TagFileError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        if self.review.remaining:
            self.action_next_unsettled()
        else:
            self.show()
            self.notify("Every disagreement is settled", timeout=3)

    def action_undo_verdict(self) -> None:
        if self.review is None:
            return
        item = self.review.undo()
        if item is None:
            self.notify("No verdict to undo", timeout=2)
            return
        self.position = self.review.items.index(item)
        self.show()

    def action_open_in_reader(self) -> None:
        d = self.current
        if d is not None:
            self.app.open_article(d.unit.article_id, d.unit.index)

    def action_close_review(self) -> None:
        self.app.pop_screen()

    @on(TagsChanged)
    def tags_changed(self, _event: TagsChanged) -> None:
        if self.is_current:
            self.show()


def _fit(text: Text) -> Text:
    """One line, cut with an ellipsis at the header's width (never wrapped onto a second)."""
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text
