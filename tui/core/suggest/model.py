"""A light model learned from the team's own tags, trusted only once it proves itself.

Naive Bayes over word unigrams and bigrams (present or not per sentence), in pure Python: a few
hundred tagged sentences train in milliseconds, with no dependency to load at start-up. As
INCEpTION gates its recommenders, a label's model proposes anything only when, cross-validated
on the team's tags (k folds, never scored on what it learned from), its precision clears a bar;
otherwise `Gate.why` says what it lacked.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

MIN_TAGS = 20  # positive examples (distinct tagged passages) before a label's model is tried
MIN_PRECISION = 0.8  # cross-validated precision a model must reach to propose anything
THRESHOLD = 0.7  # posterior probability from which a model proposes its label
FOLDS = 5
_WORD = re.compile(r"\w+(?:['’]\w+)?")


def features(text: str) -> set[str]:
    """Lower-case words and adjacent word pairs."""
    words = [w.lower() for w in _WORD.findall(text)]
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}


@dataclass
class NaiveBayes:
    """Bernoulli naive Bayes for one label: P(label | the words present and absent).

    Absent words count too (a sentence without "may" or "believe" is evidence against
    speculation), at the cost of one sum over the vocabulary made once at training: scoring a
    sentence then touches only the words it has.
    """

    bias: float  # prior log-odds plus every word's "absent" term
    weights: dict[str, float]  # what a word's presence adds to the log-odds

    @classmethod
    def train(cls, positives: Sequence[set[str]], negatives: Sequence[set[str]]) -> NaiveBayes:
        pos: Counter[str] = Counter()
        neg: Counter[str] = Counter()
        for f in positives:
            pos.update(f)
        for f in negatives:
            neg.update(f)
        n_pos, n_neg = len(positives), len(negatives)
        if not n_pos or not n_neg:
            return cls(-math.inf, {})
        bias = math.log(n_pos / n_neg)
        weights: dict[str, float] = {}
        for word in pos.keys() | neg.keys():
            p = (pos.get(word, 0) + 1) / (n_pos + 2)
            q = (neg.get(word, 0) + 1) / (n_neg + 2)
            absent = math.log((1 - p) / (1 - q))
            bias += absent
            weights[word] = math.log(p / q) - absent
        return cls(bias, weights)

    def probability(self, feats: set[str]) -> float:
        if self.bias == -math.inf:
            return 0.0
        w = self.weights
        log_odds = self.bias + sum(w.get(f, 0.0) for f in feats)
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, log_odds))))


@dataclass(frozen=True)
class Gate:
    """What cross-validation said of one label's model."""

    label: str
    positives: int
    negatives: int
    precision: float | None  # None: not tried (too few tags) or it proposed nothing
    recall: float | None
    passed: bool

    @property
    def why(self) -> str:
        if self.positives < MIN_TAGS:
            return f"{self.positives} of the {MIN_TAGS} tags it needs to be tried"
        if self.precision is None:
            return "proposed nothing in cross-validation"
        verdict = "on" if self.passed else f"off (needs {MIN_PRECISION:.2f})"
        return (f"cross-validated precision {self.precision:.2f}, recall "
                f"{self.recall or 0:.2f} on {self.positives} tags: {verdict}")


def cross_validate(positives: Sequence[set[str]], negatives: Sequence[set[str]],
                   folds: int = FOLDS, threshold: float = THRESHOLD) -> tuple[float | None, float]:
    """(precision, recall) of the label over `folds` train/test splits (every k-th example)."""
    tp = fp = fn = 0
    for k in range(folds):
        train_p = [f for i, f in enumerate(positives) if i % folds != k]
        train_n = [f for i, f in enumerate(negatives) if i % folds != k]
        model = NaiveBayes.train(train_p, train_n)
        for i, f in enumerate(positives):
            if i % folds == k:
                if model.probability(f) >= threshold:
                    tp += 1
                else:
                    fn += 1
        for i, f in enumerate(negatives):
            if i % folds == k and model.probability(f) >= threshold:
                fp += 1
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


Gated = tuple[Gate, NaiveBayes | None]


def gated(label: str, positives: Sequence[str], negatives: Sequence[str]) -> Gated:
    """Cross-validate a label's model; the model trained on everything, only when it passed."""
    pos = [features(t) for t in positives]
    neg = [features(t) for t in negatives]
    if len(pos) < MIN_TAGS or not neg:
        return Gate(label, len(pos), len(neg), None, None, False), None
    precision, recall = cross_validate(pos, neg)
    passed = precision is not None and precision >= MIN_PRECISION
    gate = Gate(label, len(pos), len(neg), precision, recall, passed)
    return gate, (NaiveBayes.train(pos, neg) if passed else None)
