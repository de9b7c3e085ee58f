"""The reader's suggestions: ghost marks, and `+` / `-` / `}` / `{`.

A ghost is a label proposed by a cue phrase of `labels.yaml` or by the team's model (once it
passed its gate); nothing is written until `+` accepts one, as an ordinary tag whose note says
where it came from. Suggestions of an article are worked out once, in a worker, when it is
opened (and again when its sentences land, for a long one); what is shown is filtered at the
moment of drawing, so a tag, a dismissal or a cue going quiet takes a ghost away at once.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from tui.core.sanitize import one_line
from tui.core.suggest.engine import ArticleSuggestions, Suggestion

if TYPE_CHECKING:
    from tui.core.articles import Article, Sentence
    from tui.core.suggest.engine import Suggester
    from tui.core.suggest.model import Gate
    from tui.core.tags import TagDoc
    from tui.host import Host
    from tui.widgets.article_view import ArticleView

GHOST = Style(dim=True, italic=True)
SYNC_CHARS = 20_000  # below this, proposing costs less than drawing the first screen


def help_text(suggester: Suggester | None, gates: dict[str, Gate]) -> Text:
    """For `?`: which cues went quiet (and their record), and what each label's model does."""
    from tui.core.suggest.stats import QUIET_AFTER, QUIET_BELOW

    out = Text()
    quiet = suggester.stats.quiet() if suggester is not None else {}
    if quiet:
        out.append("Quiet cues (mostly dismissed, they propose nothing now):\n")
        for label, cues in quiet.items():
            listed = ", ".join(f"'{one_line(c, 30)}' {a} accepted / {d} dismissed"
                               for c, a, d in cues)
            out.append(f"  {one_line(label, 40)}: {listed}\n")
    else:
        out.append(f"No quiet cue: a cue goes quiet after {QUIET_AFTER} or more decisions with "
                   f"under {QUIET_BELOW:.0%} accepted.\n", style="dim")
    for label, gate in gates.items():
        out.append(f"Model for {one_line(label, 40)}: {gate.why}\n", style="dim")
    if not gates:
        out.append("The team's models are learned when the reader first opens an article.\n",
                   style="dim")
    return out


class SuggestingActions:
    """Mixed into ReaderScreen, which provides `app`, `article`, `view` and `refresh_tags`."""

    app: Host
    article: Article | None
    view: ArticleView
    found: ArticleSuggestions | None = None

    if TYPE_CHECKING:  # provided by ReaderScreen and Screen; never defined here at run time
        def refresh_tags(self, mine: TagDoc | None = None) -> None: ...
        def notify(self, message: str, **kw: object) -> None: ...
        def run_worker(self, work: object, **kw: object) -> object: ...
        def _update_info(self) -> None: ...
        def _saving(self, change: object) -> TagDoc | None: ...

    @property
    def suggester(self) -> Suggester:
        return self.app.suggester

    # -- working them out --------------------------------------------------------------------
    def start_suggestions(self, article: Article) -> None:
        """Propose for `article` in a worker once its sentences are known (never blocking)."""
        if self.found is not None and self.found.article_id == article.id \
                and self.found.text is article.text:
            return
        self.found = None
        if not article.segmented:
            return  # a long article: `sentences_known` calls again when they land
        sentences = [(s.start, s.end, s.chrome) for s in article.sentences()]
        self._train_once()
        if len(article.text) < SYNC_CHARS:  # well under a millisecond: shown with the article
            self.found = self.suggester.propose(article.id, article.text, sentences)
            return
        self.run_worker(partial(self._propose, article, sentences), thread=True,
                        exclusive=True, group="suggest", exit_on_error=False,
                        description=f"suggestions for {article.id}")

    def _propose(self, article: Article, sentences: list[tuple[int, int, bool]]) -> None:
        found = self.suggester.propose(article.id, article.text, sentences)
        self.app.call_from_thread(self._install_suggestions, article, found)

    def _install_suggestions(self, article: Article, found: ArticleSuggestions) -> None:
        if self.article is not article:
            return
        self.found = found
        self.view.redraw()
        self._update_info()

    def _train_once(self) -> None:
        """The team's model, learned once per session in a worker (nothing waits for it)."""
        if getattr(self.app, "_suggest_training", False):
            return
        self.app._suggest_training = True  # type: ignore[attr-defined]
        self.run_worker(self._train, thread=True, group="suggest-train", exit_on_error=False,
                        description="learning labels from the team's tags")

    def _train(self) -> None:
        from tui.core import articles
        from tui.core.segcache import SegmentCache
        from tui.core.suggest.training import collect, train

        ws = self.app.ws
        cache = SegmentCache.for_workspace_cache(ws.cache)

        def load(article_id: str) -> Article | None:
            path = ws.article_path(article_id)
            try:
                return articles.load(path, cache) if path is not None else None
            except Exception:  # an unreadable article is reported where it is opened
                return None

        gates, models = train(collect(self.app.store, self.app.labels.names, load))
        self.app.call_from_thread(self._models_ready, gates, models)

    def _models_ready(self, gates: dict[str, Gate], models: dict[str, object]) -> None:
        self.app.suggest_gates = gates
        if not models:
            return
        self.suggester.models = dict(models)  # type: ignore[arg-type]
        if self.article is not None:
            self.found = None
            self.start_suggestions(self.article)

    # -- what is shown -----------------------------------------------------------------------
    def suggestions_on(self, start: int, end: int) -> list[Suggestion]:
        """The live suggestions of the sentence `[start, end)`."""
        if self.found is None:
            return []
        mine = [(m.start, m.end, m.label) for m in self.view.marks.overlapping(start, end)
                if m.mine]
        return self.suggester.on(self.found, start, end, mine)

    def ghost_markers(self, s: Sentence) -> Text:
        """`s?`: each suggested label's marker in lower case, dim, with a question mark."""
        out = Text()
        for sug in self.suggestions_on(s.start, s.end):
            look = self.app.looks.get(sug.label)
            color = look.swatch.color if look is not None else None
            out.append(f"{look.marker.lower() if look else '?'}?",
                       GHOST + Style(color=color))
        return out

    def suggestion_info(self) -> Text | None:
        """For the info line: what is suggested on the cursor's sentence, and the keys."""
        cur = self.view.cursor
        if cur is None:
            return None
        here = self.suggestions_on(cur.start, cur.end)
        if not here:
            return None
        out = Text("suggested: ", style="dim")
        for i, sug in enumerate(here):
            out.append(", " if i else "")
            out.append(one_line(sug.label, 40), style="italic")
            out.append(f" ({sug.why})", style="dim")
        out.append(f"  + accepts {one_line(here[0].label, 40)}, - dismisses it", style="dim")
        return out

    # -- keys --------------------------------------------------------------------------------
    def _current_suggestion(self) -> Suggestion | None:
        cur = self.view.cursor
        here = self.suggestions_on(cur.start, cur.end) if cur is not None else []
        if not here:
            self.notify("No suggestion on this sentence (} / { go to the next / previous)",
                        timeout=3)
            return None
        return here[0]

    def action_accept_suggestion(self) -> None:
        """`+`: the suggestion becomes an ordinary tag of mine, its note saying where it came
        from; a sentence with several takes them one at a time."""
        article, sug = self.article, self._current_suggestion()
        if article is None or sug is None or self.found is None:
            return
        found = self.found
        doc = self._saving(lambda: self.app.session.add(
            article, [(sug.start, sug.end)], sug.label, sug.note, f"accept {sug.label}"))
        if doc is None:
            return
        self.suggester.accepted(found, sug)  # the marks come with the save's TagsChanged
        self.notify(f"Tagged {sug.label}, {sug.note} (u undoes)", markup=False, timeout=3)

    def action_dismiss_suggestion(self) -> None:
        """`-`: the ghost goes and does not come back; its cues count one dismissal each."""
        sug = self._current_suggestion()
        if sug is None or self.found is None:
            return
        try:
            self.suggester.dismissed(self.found, sug)
        except OSError as exc:
            self.notify(f"cannot keep the dismissal: {exc}", severity="warning", markup=False)
        self.view.redraw(sug.start, sug.end)
        self._update_info()
        quiet = [c for c in sug.cues if self.suggester.stats.is_quiet(sug.label, c)]
        if quiet:
            names = ", ".join(f"'{c}'" for c in quiet)
            self.notify(f"Cue {names} of {sug.label} is mostly dismissed: it goes quiet (see ?)",
                        markup=False, timeout=5)

    def action_go_next_suggestion(self) -> None:
        self._step_suggestion(forward=True)

    def action_go_previous_suggestion(self) -> None:
        self._step_suggestion(forward=False)

    def _step_suggestion(self, forward: bool) -> None:
        cur, found = self.view.cursor, self.found
        if cur is None:
            return
        if found is None:
            self.notify("Suggestions are still being worked out", timeout=2)
            return
        candidates = found.after(cur.end) if forward else found.before(cur.start)
        mine = [(m.start, m.end, m.label) for m in self.view.marks.marks if m.mine]
        target = next((s for s in candidates if self.suggester.live(found, s, mine)), None)
        if target is None:
            where = "after" if forward else "before"
            self.notify(f"No suggestion {where} this sentence", timeout=2)
            return
        self.view.to_offset(target.start)
