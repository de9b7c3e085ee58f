"""Counting an article's sentences for the progress figure without freezing the reader.

Small articles are counted on the spot. For a bigger one, a thread reads the span cache (or
segments it, up to a few hundred KB) and builds the sentences on a copy of the article, which
the UI thread then adopts in one step (installing 18,000 sentences on the UI thread took
~100 ms: a visible stall). A big article never segmented before is segmented in worker
processes (~0.3-0.5 s for 3 MB on one core) and adopted the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.screen import Screen

from tui.core.articles import Article
from tui.core.progress import adopt, estimate, staged_copy, to_tag

__all__ = ["BACKGROUND_DELAY", "SYNC_COUNT_CHARS", "SentenceCounter", "adopt", "estimate"]

SYNC_COUNT_CHARS = 20_000  # below this, counting on the spot costs less than a frame or two
BACKGROUND_DELAY = 1.5  # seconds after opening a big, never-seen article before segmenting starts


class SentenceCounter:
    """`total`: the current article's sentences that are not site chrome (None while counting)."""

    def __init__(self, screen: Screen, counted: Callable[[Article], None]) -> None:
        self.screen = screen
        self.counted = counted  # called on the UI thread once a background count lands
        self.total: int | None = None
        self.estimate = 0  # a quick guess at `total` while segmenting (0: none)
        self._article: Article | None = None

    def count(self, article: Article) -> None:
        self._article = article
        self.total = None
        self.estimate = 0
        if article.segmented or len(article.text) < SYNC_COUNT_CHARS:
            self.total = to_tag(article)
            return
        # After the first screen is painted: a thread competes with the paint for the GIL.
        self.screen.call_after_refresh(self._run, partial(self._from_cache, article), article)

    def _run(self, work: Callable[[], None], article: Article) -> None:
        self.screen.run_worker(work, thread=True, exclusive=True, group="segment",
                               description=f"counting the sentences of {article.id}",
                               exit_on_error=False)

    def _from_cache(self, article: Article) -> None:
        from tui.core import segcache

        spans = article.cache.get(article.sha256, len(article.text)) if article.cache else None
        if spans is None and len(article.text) < segcache.PARALLEL_MIN_CHARS:
            spans = segcache.spans_for(article.text, article.cache)  # a second or less, here
        if spans is None:  # big and never segmented: let the first screens and keys go by first
            self.screen.app.call_from_thread(self._estimated, article, estimate(article.text))
            self.screen.app.call_from_thread(
                self.screen.set_timer, BACKGROUND_DELAY, partial(self._start, article))
            return
        self._deliver(article, list(spans))

    def _start(self, article: Article) -> None:
        if article is self._article and self.total is None:
            self._run(partial(self._segment, article), article)

    def _segment(self, article: Article) -> None:
        from concurrent.futures.process import BrokenProcessPool

        from tui.core import segcache

        try:
            # One core is left to the reader, so scrolling stays smooth while this runs.
            with segcache.make_pool(max(1, segcache.default_workers() - 1)) as pool:
                if len(article.text) >= segcache.PARALLEL_MIN_CHARS:
                    spans = segcache.segment_parallel(article.text, pool=pool, cache=article.cache)
                else:
                    spans = pool.submit(segcache.spans_for, article.text, article.cache).result()
        except (OSError, RuntimeError, BrokenProcessPool) as exc:
            # No processes here (a sandbox, a frozen build): the count stays "…", reading goes on.
            self.screen.app.call_from_thread(
                self.screen.notify, f"cannot count the sentences of {article.id}: {exc}",
                severity="warning", markup=False, timeout=5)
            return
        self._deliver(article, list(spans))

    def _deliver(self, article: Article, spans: list[tuple[int, int]]) -> None:
        staged, total = staged_copy(article, spans)  # the heavy part, here in the worker
        self.screen.app.call_from_thread(self._install, article, staged, total)

    def _estimated(self, article: Article, n: int) -> None:
        if article is self._article and self.total is None:
            self.estimate = n
            self.counted(article)

    def _install(self, article: Article, staged: Article, total: int) -> None:
        adopt(article, staged)
        if article is self._article:
            self.total = total
            self.counted(article)
