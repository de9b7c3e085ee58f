"""Running a parsed query against Whoosh fast enough to search as you type.

Sentence documents outnumber articles ~20 to 1, and news words are frequent, so scoring every
matching sentence is slow. A query that only narrows as words are added (no NOT, no label
fields) is first run on the article documents, which hold the same words; sentences are then
searched only inside the best articles, batch by batch, until `limit` hits are found. The answer
is the same set of sentences (an article without the words has no sentence with them), ranked
by article first, then by sentence.

A `Budget` bounds the scoring loop: news words match most articles, and Whoosh scores every
match, so a word typed at 10k articles costs ~0.1-0.5 s on a small machine. While typing, the
search stops at the budget and answers from the articles read so far (`partial`); the caller
then runs it again without a deadline, cancelled by the next keystroke.
"""

from __future__ import annotations

import contextlib
import copy
import time
from dataclasses import dataclass

from whoosh import query as wq
from whoosh.collectors import WrappingCollector

from .engine import Budget
from .whoosh_query import Parsed

SENTENCE_FIELDS = frozenset({"text", "label", "annotator", "is"})  # never on article documents
ARTICLE_LEVEL = frozenset({"text", "title", "source", "date", "article"})
MORE_ARTICLES = (4, 400, None)  # articles per round beyond `limit`: most stop after the first


@dataclass
class Found:
    kind: str
    docs: list[tuple[float, dict]]  # (score, stored fields), best first
    total: int  # exact, or (with `more`) the matches found before stopping at `limit`
    more: bool
    partial: bool = False  # the budget ran out: the best of the documents read so far


class _OutOfBudget(Exception):
    pass


CHECK_EVERY = 32  # matches between two looks at the clock: ~0.5 ms of scoring


class _Clock:
    """One search's budget: its deadline is fixed when the search starts, for all its rounds."""

    def __init__(self, budget: Budget) -> None:
        self.cancelled = budget.cancelled
        self.deadline = (None if budget.seconds is None
                         else time.perf_counter() + budget.seconds)
        self.stopped = False

    def spent(self) -> bool:
        if self.cancelled() or (self.deadline is not None
                                and time.perf_counter() >= self.deadline):
            self.stopped = True
        return self.stopped


class _Budgeted(WrappingCollector):
    """Stops the collecting loop when the clock runs out; what was collected stays readable
    through `results()` (as with Whoosh's TimeLimitCollector, but without its timer thread or
    SIGALRM, which only the main thread may use)."""

    def __init__(self, child, clock: _Clock) -> None:  # noqa: ANN001
        super().__init__(child)
        self.clock = clock
        self.seen = 0  # across segments: a segment with few matches still counts toward a look

    def collect_matches(self) -> None:
        child = self.child
        for sub_docnum in child.matches():
            child.collect(sub_docnum)
            self.seen += 1
            if self.seen % CHECK_EVERY == 0 and self.clock.spent():
                raise _OutOfBudget


def _search(s, q: wq.Query, clock: _Clock | None, **kw) -> tuple:  # noqa: ANN001, ANN003
    """`Searcher.search`, stopped by the clock: (Whoosh results, whether it stopped early)."""
    if clock is None:
        return s.search(q, **kw), False
    c = _Budgeted(s.collector(**kw), clock)
    with contextlib.suppress(_OutOfBudget):
        s.search_with_collector(q, c)
    return c.results(), clock.stopped


def _requires(q: wq.Query, fields: frozenset[str]) -> bool:
    """Whether every match must contain a term of one of `fields` (so no kind filter is needed)."""
    if isinstance(q, wq.Not):
        return False
    if q.is_leaf():
        return getattr(q, "fieldname", None) in fields
    if isinstance(q, wq.And | wq.AndNot | wq.Require | wq.AndMaybe):
        return any(_requires(c, fields) for c in q.children())
    if isinstance(q, wq.Or | wq.DisjunctionMax):
        return all(_requires(c, fields) for c in q.children())
    return False


def _monotone(q: wq.Query) -> bool:
    """No negation and only fields article documents also have: article level is a superset."""
    if isinstance(q, wq.Not | wq.AndNot):
        return False
    if q.is_leaf():
        return getattr(q, "fieldname", None) in ARTICLE_LEVEL
    return all(_monotone(c) for c in q.children())


def _to_body(q: wq.Query) -> wq.Query:
    if q.is_leaf() and getattr(q, "fieldname", None) == "text":
        q = copy.copy(q)
        q.fieldname = "body"
    return q


def _restrict(q: wq.Query, kind: str, fields: frozenset[str]) -> wq.Query:
    # A kind filter is a pass over every document of that kind: only when matches could mix.
    return q if _requires(q, fields) else wq.And([q, wq.Term("kind", kind)])


TYPED_EXPANSIONS = 8  # an unfinished word stands for its most frequent completions only


def _bounded_prefix(s, parsed: Parsed) -> wq.Query:  # noqa: ANN001
    """While typing, `am*` would be a union of every word starting with "am" (hundreds of
    posting lists per keystroke); the most frequent few show the same first hits, and the next
    keystroke narrows them anyway. Prefixes the user typed (`ammun*`) are left whole."""
    reader = s.reader()
    words = sorted(reader.expand_prefix("text", parsed.typed),
                   key=lambda t: -reader.doc_frequency("text", t))[:TYPED_EXPANSIONS]

    def bound(q: wq.Query) -> wq.Query:
        if isinstance(q, wq.Prefix) and q.fieldname == "text" and q.text == parsed.typed:
            return wq.Or([wq.Term("text", w) for w in words])
        return q
    return parsed.query.accept(bound)


def find(s, parsed: Parsed, limit: int, budget: Budget | None = None) -> Found:  # noqa: ANN001
    q = _bounded_prefix(s, parsed) if parsed.typed else parsed.query
    clock = None if budget is None else _Clock(budget)
    if clock is not None and clock.spent():  # cancelled before it began
        return Found("article" if parsed.articles_only else "sentence", [], 0, True, True)
    return _find(s, parsed, q, limit, clock)


def _find(s, parsed: Parsed, q: wq.Query, limit: int,  # noqa: ANN001
          clock: _Clock | None) -> Found:
    if parsed.articles_only or not parsed.scored or not _monotone(q):
        # One Whoosh search; `len(r)` counts every match exactly (cheap next to the search).
        kind = "article" if parsed.articles_only else "sentence"
        restricted = (_restrict(q, "a", frozenset({"body"})) if parsed.articles_only
                      else _restrict(q, "s", SENTENCE_FIELDS))
        order = {} if parsed.scored else {"sortedby": ["article", "pos"]}  # filters: reading order
        r, stopped = _search(s, restricted, clock, limit=limit, **order)
        docs = [(float(h.score or 0.0) if parsed.scored else 0.0, h.fields()) for h in r]
        # len() would count every match again, past the budget: only what was read, then
        total = r.scored_length() if stopped else len(r)
        return Found(kind, docs, total, total > len(docs) or stopped, stopped)
    article_q = _restrict(q.accept(_to_body), "a", frozenset({"body"}))
    docs: list[tuple[float, dict]] = []
    seen = 0
    taken: set[int] = set()  # articles whose sentences are in `docs` already
    stopped = False
    for extra in MORE_ARTICLES:
        if seen and clock is not None and clock.spent():  # keep what the earlier rounds found
            stopped = True
            break
        # Nearly every matching article has a matching sentence, so limit + a few usually do.
        want = None if extra is None else seen + limit + extra
        top, stopped = _search(s, article_q, clock, limit=want)
        # Each round ranks from the top again; a round cut short by the budget may rank new
        # articles above earlier ones, so skip what was taken by docnum, not by position.
        arts = [(h.docnum, r, h.score or 0.0) for r, h in enumerate(top)
                if h.docnum not in taken]
        taken.update(d for d, _, _ in arts)
        seen += len(arts)
        docs.extend(_sentences_of(s, q, arts, limit - len(docs)))
        exhausted = want is None or top.scored_length() < want
        if len(docs) >= limit or exhausted or stopped:
            break
    more = len(docs) > limit or (len(docs) == limit and not exhausted) or stopped
    return Found("sentence", docs[:limit], min(len(docs), limit), more, stopped)


def _column(sub, name: str):  # noqa: ANN001, ANN202 - a leaf Searcher
    """A column of a segment, cached on its searcher (opening one costs milliseconds)."""
    cache = sub.__dict__.setdefault("_newstag_columns", {})
    if name not in cache:
        cache[name] = sub.reader().column_reader(name)
    return cache[name]


def _sentences_of(s, q: wq.Query, arts: list[tuple[int, int, float]],  # noqa: ANN001
                  limit: int) -> list[tuple[float, dict]]:
    """The first `limit` (+1, to tell if there are more) sentences matching `q` in these
    articles: in the articles' rank order, then in reading order (no sentence scoring: ranking
    by article is what the reader wants, and scoring is half the cost).

    An article's sentences are the `nsent` documents right after its own (they are always
    written as one group), so each article is one `skip_to` in the sentence query's matcher
    instead of an intersection with every sentence of the batch.
    """
    found: list[tuple[int, int, float]] = []  # (article rank, docnum, article score)
    for sub, offset in s.leaf_searchers():
        size = sub.doc_count_all()
        local = sorted((d - offset, rank, score) for d, rank, score in arts
                       if offset <= d < offset + size)
        if not local:
            continue
        count = _column(sub, "nsent")
        m = q.matcher(sub, sub.context())
        for d, rank, score in local:
            if not m.is_active():
                break
            if m.id() <= d:
                m.skip_to(d + 1)
            last, taken = d + count[d], 0
            while m.is_active() and m.id() <= last and taken <= limit:
                found.append((rank, m.id() + offset, score))
                taken += 1
                m.next()
    found.sort()
    out = []
    for _rank, docnum, score in found[: limit + 1]:
        fields = s.stored_fields(docnum)
        if "pos" in fields:  # a sentence (never an article doc: the group starts after it)
            out.append((score, fields))
    return out
