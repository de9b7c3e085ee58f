"""Re-finding tags in an article whose text changed since they were tagged, or calling them orphans.

Each tag is anchored twice (W3C Web Annotation style): offsets, and the quote with its prefix and
suffix. Three tries, in order, and the first that succeeds wins:

1. offsets: `text[start:end]` is still the quote -> kept where it is;
2. exact: the quote occurs elsewhere -> the occurrence whose surrounding text best matches the
   stored prefix/suffix (nearest to the old offset on a tie);
3. fuzzy: the best approximate match whose similarity to the quote is at least FUZZY_THRESHOLD.

An exact copy far from the tag's own context loses to a near match in that context (a sentence
with a typo fixed, copied verbatim into a pull quote elsewhere), and a short quote (a heading)
found only away from its context is left to a person. FUZZY_THRESHOLD = 0.85 comes from a corpus
of 200 edited articles with known answers (tests/reliability_edits.py; docs/reliability.md has the
table): a news lede that paraphrases a deleted body sentence scores 0.80-0.84 and was taken for
it below 0.85; from 0.85 to 0.90 nothing more is wrong and few more are missed; at 0.95 twice as
many lightly edited sentences are missed.

Whatever is not found is an orphan: the tag keeps its quote and old offsets, gets `orphan: true`,
and waits for a person (newstag validate, the Orphans view). Nothing is ever dropped.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .fuzzymatch import Text, align, candidates, similarity, snap_words
from .tags import CONTEXT, Tag, TagDoc

FUZZY_THRESHOLD = 0.85
_MAX_FUZZY_QUOTE = 4_000  # longer quotes are aligned by their head and tail

Spans = Sequence[tuple[int, int]]
# The sentence spans of the new text, in order, or a function giving those near (start, end):
# the reader segments big articles lazily, block by block.
Units = Spans | Callable[[int, int], Spans]


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a tag goes in the new text, and how it was found."""

    how: str  # "kept" | "exact" | "fuzzy" | "orphan"
    start: int
    end: int
    score: float = 1.0


@dataclass(frozen=True)
class Report:
    """What re-anchoring did to one document: tag ids by outcome."""

    kept: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    fuzzy: tuple[str, ...] = ()
    orphaned: tuple[str, ...] = ()

    @property
    def moved(self) -> int:
        return len(self.exact) + len(self.fuzzy)

    @property
    def changed(self) -> bool:
        return bool(self.exact or self.fuzzy or self.orphaned)

    def summary(self) -> str:
        parts = [f"{len(self.kept)} in place"]
        if self.exact:
            parts.append(f"{len(self.exact)} re-found")
        if self.fuzzy:
            parts.append(f"{len(self.fuzzy)} re-found approximately")
        if self.orphaned:
            parts.append(f"{len(self.orphaned)} orphaned")
        return ", ".join(parts)


def _context_score(tag: Tag, text: str, start: int, end: int) -> float:
    """How well the text around [start, end) matches the stored prefix and suffix (0..1)."""
    before = text[max(0, start - len(tag.prefix)) : start]
    after = text[end : end + len(tag.suffix)]
    return (similarity(tag.prefix, before) + similarity(tag.suffix, after)) / 2


def _exact(tag: Tag, text: str) -> Placement | None:
    """The occurrence of the quote whose surroundings best match the stored prefix and suffix.

    Context decides; position breaks ties (an occurrence near the old offset, or at the same
    relative place in the article, is likelier to be the one). `score` is the context score.
    """
    q = tag.quote
    hits: list[int] = []
    i = text.find(q)
    while i >= 0 and len(hits) < 10_000:
        hits.append(i)
        i = text.find(q, i + 1)
    if not hits:
        return None
    size = max(1, len(text))
    ranked = []
    for h in hits:
        ctx = _context_score(tag, text, h, h + len(q))
        ranked.append((ctx - 0.3 * min(1.0, abs(h - tag.start) / size), ctx, h))
    _, ctx, best = max(ranked)
    return Placement("exact", best, best + len(q), ctx)


def _snap_units(units: Units, start: int, end: int) -> tuple[int, int]:
    """The sentences a span mostly covers (IoU >= 0.7), or the span itself."""
    if callable(units):
        units = units(start, end)
    if not units:
        return start, end
    i = max(0, bisect_right(units, (start, 1 << 62)) - 1)
    while i < len(units) and units[i][1] <= start:
        i += 1
    j = i
    while j < len(units) and units[j][0] < end:
        j += 1
    if j == i:
        return start, end
    lo, hi = units[i][0], units[j - 1][1]
    return (lo, hi) if _iou((start, end), (lo, hi)) >= 0.7 else (start, end)


def _widen(p: Placement, quote: str, text: str, threshold: float,
           units: Units) -> Placement:
    """Widen a placement to whole sentences when the result still matches the quote well."""
    start, end = _snap_units(units, p.start, p.end)
    if (start, end) == (p.start, p.end):
        return p
    score = similarity(quote, text[start:end])
    return Placement("fuzzy", start, end, score) if score >= threshold else p


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def _fuzzy(tag: Tag, t: Text, threshold: float,
           units: Units) -> Placement | None:
    quote = tag.quote
    if len(quote.strip()) < 12:  # too short to tell a near match from a coincidence
        return None
    probe = quote if len(quote) <= _MAX_FUZZY_QUOTE else quote[: _MAX_FUZZY_QUOTE // 2]
    best: Placement | None = None
    best_rank = -1.0
    for c in candidates(probe, t):
        reach = len(probe) // 2 + 24
        span = align(probe, t.text, max(0, c - reach), min(len(t.text), c + len(probe) + reach))
        if span is None:
            continue
        start, end = span
        if probe is not quote:  # a long quote: reach as far as its length suggests
            end = min(len(t.text), start + len(quote))
        start, end = snap_words(t.text, start, end, quote)
        if end <= start:
            continue
        score = similarity(quote, t.text[start:end])
        if score < threshold:
            continue
        p = _widen(Placement("fuzzy", start, end, score), quote, t.text, threshold, units)
        rank = p.score + 0.3 * _context_score(tag, t.text, p.start, p.end)
        if rank > best_rank:
            best, best_rank = p, rank
    return best


# An exact copy found away from the tag's own surroundings (context below this) is checked against
# a near match in those surroundings; a short quote with no context at all is not trusted alone.
_WEAK_CONTEXT = 0.5
_DISTINCTIVE = 40


_ENDS_SENTENCE = frozenset(".!?…:;\"”’')]")


def sentence_shaped(tag: Tag) -> bool:
    """Whether a tag covered whole sentences when it was made, judged by its own quote and
    context: it starts after a sentence end (or a line's start) and ends at one. Only such
    tags are widened to whole sentences again when the article changed."""
    before = tag.prefix.rstrip(" \t\xa0")
    starts = not before or before.endswith(("\n", "\r")) or before[-1] in _ENDS_SENTENCE
    after = tag.suffix.lstrip(" \t\xa0")
    quote = tag.quote.rstrip()
    ends = (not after or after.startswith(("\n", "\r")) or (bool(quote)
            and quote[-1] in _ENDS_SENTENCE))
    return starts and ends


def locate(tag: Tag, text: Text | str, threshold: float = FUZZY_THRESHOLD,
           units: Units = ()) -> Placement:
    """Where `tag` belongs in `text`: kept, exact, fuzzy, or orphan (old offsets).

    `units` are the sentence spans of the new text, in order: a found span that covers most of
    one or more sentences is widened to them (reported as fuzzy), so it stays a whole-sentence tag.
    """
    t = text if isinstance(text, Text) else Text(text)
    if not sentence_shaped(tag):
        units = ()  # a tag on part of a sentence (narrowed by words) keeps its own extent
    orphan = Placement("orphan", tag.start, tag.end, 0.0)
    if not tag.quote:
        return orphan
    if t.text[tag.start : tag.end] == tag.quote:
        return _widen(Placement("kept", tag.start, tag.end), tag.quote, t.text, threshold, units)
    hit = _exact(tag, t.text)
    if hit is not None and hit.score >= _WEAK_CONTEXT:
        return _widen(hit, tag.quote, t.text, threshold, units)
    near = _fuzzy(tag, t, threshold, units)
    if hit is None:
        return near or orphan
    if near is not None and _context_score(tag, t.text, near.start, near.end) >= 0.8:
        return near  # its own sentence, lightly edited, beats a copy elsewhere
    if len(tag.quote) >= _DISTINCTIVE:
        return _widen(hit, tag.quote, t.text, threshold, units)
    return orphan  # a short quote, only found away from its context: let a person decide


def place(tag: Tag, text: str, p: Placement) -> Tag:
    """The tag moved to `p` (quote and context refreshed), or flagged orphan, all else kept."""
    if p.how == "orphan":
        return replace(tag, orphan=True)
    if p.how == "kept" and not tag.orphan:
        return tag
    return replace(tag, start=p.start, end=p.end, quote=text[p.start : p.end],
                   prefix=text[max(0, p.start - CONTEXT) : p.start],
                   suffix=text[p.end : p.end + CONTEXT], orphan=False)


def reanchor(doc: TagDoc, text: str, sha256: str, threshold: float = FUZZY_THRESHOLD,
             units: Units = (),
             retry_orphans: bool = True) -> tuple[TagDoc, Report]:
    """Re-place every tag of `doc` in `text` (whose hash is `sha256`); see `locate`.

    Tags already orphaned are tried again only with `retry_orphans` (the article changed again);
    an orphan re-found is "exact" or "fuzzy" in the report, never silently "kept".
    """
    t = Text(text)
    out: list[Tag] = []
    kept: list[str] = []
    exact: list[str] = []
    fuzzy: list[str] = []
    orphaned: list[str] = []
    for tag in doc.tags:
        if tag.orphan and not retry_orphans:
            out.append(tag)
            orphaned.append(tag.id)
            continue
        p = locate(tag, t, threshold, units)
        if p.how == "kept" and tag.orphan:
            p = replace(p, how="exact")
        {"kept": kept, "exact": exact, "fuzzy": fuzzy, "orphan": orphaned}[p.how].append(tag.id)
        out.append(place(tag, text, p))
    new = replace(doc, text_sha256=sha256, tags=tuple(out)).sorted()
    return new, Report(tuple(kept), tuple(exact), tuple(fuzzy), tuple(orphaned))


def needs_reanchor(doc: TagDoc, text: str, sha256: str) -> bool:
    """True when the article changed since the anchors were made, or an anchor no longer fits."""
    if doc.text_sha256 != sha256:
        return True
    return any(not t.orphan and text[t.start : t.end] != t.quote for t in doc.tags)
