"""The model gate: too few tags, a model that cannot tell, and one that can."""

from __future__ import annotations

import random

from tui.core.suggest import model as m


def sentences(words: list[str], n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return [" ".join(rnd.choice(words) for _ in range(8)) for _ in range(n)]


FILLER = ["the", "visit", "talks", "week", "city", "train", "leader", "nations", "cooperation",
          "deal"]


def test_too_few_tags_are_not_even_tried() -> None:
    gate, model = m.gated("spec", ["it may rain"] * 5, sentences(FILLER, 50, 1))
    assert model is None and not gate.passed and gate.precision is None
    assert gate.why == f"5 of the {m.MIN_TAGS} tags it needs to be tried"


def test_a_model_that_cannot_tell_the_label_from_the_rest_stays_off() -> None:
    pos = sentences(FILLER, 40, 2)
    neg = sentences(FILLER, 200, 3)
    gate, model = m.gated("spec", pos, neg)
    assert model is None and not gate.passed
    assert "off" in gate.why or "nothing" in gate.why


def test_a_model_with_a_clear_signal_passes_and_proposes() -> None:
    pos = [s + " experts believe it may happen" for s in sentences(FILLER, 30, 4)]
    neg = sentences(FILLER, 200, 5)
    gate, model = m.gated("spec", pos, neg)
    assert gate.passed and model is not None
    assert gate.precision is not None and gate.precision >= m.MIN_PRECISION
    assert model.probability(m.features("the leader said experts believe it may happen")) >= 0.7
    assert model.probability(m.features("the train left the city")) < 0.7


def test_cross_validation_never_scores_what_it_learned_from() -> None:
    # Each positive is unique noise: memorising would give perfect training precision, but
    # held-out folds see words never met in training, so nothing is proposed.
    rnd = random.Random(7)
    pos = [" ".join(f"w{rnd.randrange(10**9)}" for _ in range(6)) for _ in range(30)]
    precision, recall = m.cross_validate([m.features(p) for p in pos],
                                         [m.features(s) for s in sentences(FILLER, 100, 8)])
    assert recall == 0.0
