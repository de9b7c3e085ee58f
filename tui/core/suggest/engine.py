"""Suggestions for one article, and the annotator's book of decisions that filters them.

`propose` runs once per article (in a worker: one regex pass per label and the models over
every sentence) and gives every raw suggestion in text order. What the reader shows is that
list filtered at the moment of showing (`Suggester.live`): a label I already put there, a ghost
I dismissed, or a cue gone quiet removes a suggestion at once, without proposing again.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .cues import CueMatcher, names_a_thing
from .model import THRESHOLD, NaiveBayes, features
from .stats import MODEL, CueStats


@dataclass(frozen=True, slots=True)
class Suggestion:
    """`label` proposed for the sentence `text[start:end]`, by these cues and/or the model."""

    start: int
    end: int
    label: str
    cues: tuple[str, ...] = ()
    model: float | None = None  # the model's probability, when it proposed the label

    @property
    def sources(self) -> tuple[str, ...]:
        """The names its decisions are counted under."""
        return self.cues + ((MODEL,) if self.model is not None else ())

    @property
    def why(self) -> str:
        """`cue 'may'`, `cues 'may', 'might'`, `the model (0.83)`: said in the note and info."""
        parts = []
        if self.cues:
            quoted = ", ".join(f"'{c}'" for c in self.cues)
            parts.append(f"cue{'s' if len(self.cues) > 1 else ''} {quoted}")
        if self.model is not None:
            parts.append(f"the team's model ({self.model:.2f})")
        return " and ".join(parts)

    @property
    def note(self) -> str:
        """The note an accepted suggestion's tag carries: where it came from."""
        return f"suggested by {self.why}"


class ArticleSuggestions:
    """Every raw suggestion of one article, in text order, found by span or by position."""

    def __init__(self, article_id: str, text: str, items: Iterable[Suggestion]) -> None:
        self.article_id = article_id
        self.text = text
        self.items = sorted(items, key=lambda s: (s.start, s.end, s.label))
        self._starts = [s.start for s in self.items]

    def __len__(self) -> int:
        return len(self.items)

    def on(self, start: int, end: int) -> list[Suggestion]:
        """The suggestions of the sentence `[start, end)`."""
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.items) and self.items[i].start == start:
            if self.items[i].end == end:
                out.append(self.items[i])
            i += 1
        return out

    def after(self, offset: int) -> Iterator[Suggestion]:
        """Suggestions on sentences starting at or after `offset`, in order."""
        yield from self.items[bisect_left(self._starts, offset):]

    def before(self, offset: int) -> Iterator[Suggestion]:
        """Suggestions on sentences starting before `offset`, nearest first."""
        yield from reversed(self.items[: bisect_left(self._starts, offset)])


def propose(article_id: str, text: str, sentences: Sequence[tuple[int, int, bool]],
            matcher: CueMatcher, models: Mapping[str, NaiveBayes] | None = None,
            threshold: float = THRESHOLD) -> ArticleSuggestions:
    """Raw suggestions: cue hits gathered per sentence and label, plus confident model calls.

    `sentences` are (start, end, is_chrome); site chrome gets no suggestions.
    """
    items: list[Suggestion] = []
    hits = matcher.find(text) if matcher else []
    lower = {(c.label, c.cue): c.one_lower_word for c in matcher.cues}
    h = 0
    for start, end, chrome in sentences:
        while h < len(hits) and hits[h].start < start:
            h += 1
        found: dict[str, list[str]] = {}
        k = h
        while k < len(hits) and hits[k].start < end:
            hit = hits[k]
            k += 1
            if hit.end > end or names_a_thing(text, hit, start, lower[(hit.label, hit.cue)]):
                continue
            cues = found.setdefault(hit.label, [])
            if hit.cue not in cues:
                cues.append(hit.cue)
        h = k
        if chrome:
            continue
        scored: dict[str, float] = {}
        if models:
            feats = features(text[start:end])
            for label, model in models.items():
                p = model.probability(feats)
                if p >= threshold:
                    scored[label] = p
        for label in dict.fromkeys([*found, *scored]):
            items.append(Suggestion(start, end, label, tuple(found.get(label, ())),
                                    scored.get(label)))
    return ArticleSuggestions(article_id, text, items)


class Suggester:
    """One annotator's suggestions: the matcher, the models that passed their gate, and the
    record of decisions (`stats`) that quiets cues and hides dismissed ghosts."""

    def __init__(self, matcher: CueMatcher, stats: CueStats,
                 models: Mapping[str, NaiveBayes] | None = None) -> None:
        self.matcher = matcher
        self.stats = stats
        self.models: dict[str, NaiveBayes] = dict(models or {})

    @classmethod
    def for_workspace(cls, labels: Iterable[object], cache: Path, annotator: str) -> Suggester:
        stats = CueStats.load(cache / "suggest" / f"{annotator}.json")
        return cls(CueMatcher.from_labels(labels), stats)

    def propose(self, article_id: str, text: str,
                sentences: Sequence[tuple[int, int, bool]]) -> ArticleSuggestions:
        return propose(article_id, text, sentences, self.matcher, self.models)

    def live(self, found: ArticleSuggestions, s: Suggestion,
             mine: Iterable[tuple[int, int, str]] = ()) -> Suggestion | None:
        """`s` as it stands now: quiet cues left out; None when nothing of it is left, when
        I dismissed it, or when I already put its label on the sentence (`mine`: my tags as
        (start, end, label) overlapping it)."""
        if any(lb == s.label and a < s.end and b > s.start for a, b, lb in mine):
            return None
        cues = tuple(c for c in s.cues if not self.stats.is_quiet(s.label, c))
        model = s.model if s.model is not None and not self.stats.is_quiet(s.label, MODEL) \
            else None
        if not cues and model is None:
            return None
        if self.stats.is_dismissed(found.article_id, s.label, found.text[s.start : s.end]):
            return None
        return s if (cues, model) == (s.cues, s.model) else replace(s, cues=cues, model=model)

    def on(self, found: ArticleSuggestions, start: int, end: int,
           mine: Iterable[tuple[int, int, str]] = ()) -> list[Suggestion]:
        """The live suggestions of one sentence."""
        have = list(mine)
        out = [self.live(found, s, have) for s in found.on(start, end)]
        return [s for s in out if s is not None]

    def accepted(self, found: ArticleSuggestions, s: Suggestion) -> None:
        """`+`: count it for each of its sources (the caller writes the tag)."""
        self.stats.record(s.label, s.sources, accepted=True)
        self.stats.save()

    def dismissed(self, found: ArticleSuggestions, s: Suggestion) -> None:
        """`-`: count it against each source and never show this ghost again."""
        self.stats.record(s.label, s.sources, accepted=False)
        self.stats.dismiss(found.article_id, s.label, found.text[s.start : s.end])
        self.stats.save()
