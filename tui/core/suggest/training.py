"""The team's tags as training examples: what each label was given, and what it was not.

Positives are the passages tagged with the label by anyone on the team (each distinct passage
once, so two annotators agreeing do not count twice or leak across folds). Negatives are the
other sentences of the articles the team tagged: the model meets untagged sentences in the
reader, so it must learn from them too, not only from other labels' tags.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..articles import Article
from ..tagstore import TagFileError, TagStore
from .model import Gate, NaiveBayes, gated

MAX_NEGATIVES = 3000  # per label: more adds little to naive Bayes and costs time
MAX_ARTICLES = 400  # tagged articles read for negatives (the most recent in file order)


@dataclass
class Examples:
    positives: dict[str, list[str]] = field(default_factory=dict)
    negatives: dict[str, list[str]] = field(default_factory=dict)


def collect(store: TagStore, labels: Iterable[str],
            load: Callable[[str], Article | None]) -> Examples:
    """Examples per label from every tag file under the store (unreadable files are skipped:
    the reader reports them where they are opened)."""
    names = list(labels)
    spans: dict[str, dict[tuple[int, int], set[str]]] = {}  # article -> span -> labels
    pos: dict[str, dict[str, None]] = {n: {} for n in names}
    for _who, path in store.iter_files():
        try:
            doc = store.load_path(path).doc
        except TagFileError:
            continue
        if doc is None:
            continue
        for t in doc.tags:
            if t.label in pos and not t.orphan:
                pos[t.label][" ".join(t.quote.split())] = None
                spans.setdefault(doc.article, {}).setdefault((t.start, t.end), set()).add(t.label)
    out = Examples({n: list(p) for n, p in pos.items()}, {n: [] for n in names})
    for article_id in list(spans)[:MAX_ARTICLES]:
        article = load(article_id)
        if article is None:
            continue
        tagged = spans[article_id]
        for s in article.sentences():
            if s.chrome:
                continue
            near = set().union(*(lb for (a, b), lb in tagged.items() if a < s.end and b > s.start))
            text = " ".join(article.text[s.start : s.end].split())
            for n in names:
                if n not in near and len(out.negatives[n]) < MAX_NEGATIVES:
                    out.negatives[n].append(text)
    return out


def train(examples: Examples) -> tuple[dict[str, Gate], dict[str, NaiveBayes]]:
    """Each label's gate, and the models that passed it."""
    gates: dict[str, Gate] = {}
    models: dict[str, NaiveBayes] = {}
    for label, positives in examples.positives.items():
        gate, model = gated(label, positives, examples.negatives.get(label, []))
        gates[label] = gate
        if model is not None:
            models[label] = model
    return gates, models
