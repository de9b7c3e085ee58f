"""`newstag agree` against scikit-learn's cohen_kappa_score and the krippendorff package."""

from __future__ import annotations

import json
import math
import random
import warnings

import krippendorff
import numpy as np
import pytest
from exchange_helpers import LABELS, SEED, load, prose, run, seed_workspace, tag
from sklearn.metrics import cohen_kappa_score

from tui.core.agreement import cohen_kappa, krippendorff_alpha

OTHER = "001_e98dd6f0637d58e7"
THIRD = "002_ac2d878c38bad475"
# Who tagged which prose sentences (by position) with which label, per article. carol covered
# only SEED; only alice covered THIRD, so its sentences have one value and count for nobody.
PICKS = {
    "alice": {SEED: {"speculation": [3, 5, 9, 12], "official statement": [1, 7], "warning": [10]},
              OTHER: {"speculation": [0, 2], "warning": [4, 5]},
              THIRD: {"speculation": [1]}},
    "bob": {SEED: {"speculation": [3, 6, 9], "official statement": [1], "warning": [10, 11]},
            OTHER: {"speculation": [2], "official statement": [3], "warning": [4]}},
    # SEED has 13 prose sentences (its "Update: ..." timestamp line is site chrome)
    "carol": {SEED: {"speculation": [5, 9, 11, 12], "official statement": [1, 7, 8],
                     "warning": [10, 11, 12]}},
}


def _sk_kappa(a: list[int], b: list[int]) -> float | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        k = cohen_kappa_score(a, b)
    return None if math.isnan(k) else float(k)


def _kr_alpha(matrix: list[list[float]]) -> float | None:
    try:
        a = krippendorff.alpha(reliability_data=np.array(matrix, dtype=float),
                               level_of_measurement="nominal")
    except ValueError:  # "There has to be more than one value in the domain."
        return None
    return None if math.isnan(a) else float(a)


def _close(ours: float | None, theirs: float | None) -> bool:
    return (ours is None and theirs is None) or (
        ours is not None and theirs is not None and abs(ours - theirs) < 1e-9)


def test_kappa_and_alpha_match_the_reference_implementations_on_random_data():
    rng = random.Random(20261124)
    for _ in range(300):
        n = rng.randint(2, 60)
        p = rng.random()
        a = [int(rng.random() < p) for _ in range(n)]
        b = [x if rng.random() < 0.7 else int(rng.random() < p) for x in a]
        assert _close(cohen_kappa(a, b), _sk_kappa(a, b)), (a, b)
        coders = rng.randint(2, 5)
        matrix = [[(None if rng.random() < 0.25 else int(rng.random() < p)) for _ in range(n)]
                  for _ in range(coders)]
        ref = _kr_alpha([[np.nan if v is None else v for v in row] for row in matrix])
        assert _close(krippendorff_alpha(matrix), ref), matrix


def test_undefined_values_are_none_not_a_number():
    assert cohen_kappa([0, 0, 0], [0, 0, 0]) is None
    assert cohen_kappa([], []) is None
    assert krippendorff_alpha([[1, 1, None], [1, 1, 1]]) is None
    assert krippendorff_alpha([[1, None], [None, 0]]) is None  # no unit with two values


@pytest.fixture
def team(tmp_path):
    ws = seed_workspace(tmp_path)
    for who, per_article in PICKS.items():
        for aid, picks in per_article.items():
            tag(ws, who, aid, picks)
    return ws


def _expected(ws) -> dict:
    """Build the coders × sentences matrix from PICKS, independently of newstag's code."""
    units = []  # (article, prose position)
    for aid in (SEED, OTHER, THIRD):
        units += [(aid, i) for i in range(len(prose(load(ws, aid))))]
    out = {}
    for label in LABELS:
        rows = {}
        for who, per_article in PICKS.items():
            rows[who] = [None if aid not in per_article
                         else int(i in per_article[aid].get(label, [])) for aid, i in units]
        out[label] = rows
    return out


def test_newstag_agree_matches_sklearn_and_krippendorff_on_a_tagged_workspace(team):
    result = run(team, "agree", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["unit"] == "sentence" and report["annotators"] == ["alice", "bob", "carol"]
    expected = _expected(team)
    for entry in report["labels"]:
        rows = expected[entry["label"]]
        alpha = _kr_alpha([[np.nan if v is None else v for v in rows[w]] for w in rows])
        assert alpha is not None and _close(entry["alpha"], alpha)
        for pair in entry["pairs"]:
            both = [(x, y) for x, y in zip(rows[pair["a"]], rows[pair["b"]], strict=True)
                    if x is not None and y is not None]
            assert pair["n"] == len(both)
            assert pair["agreed"] == sum(x == y for x, y in both)
            kappa = _sk_kappa([x for x, _ in both], [y for _, y in both])
            assert _close(pair["kappa"], kappa), (entry["label"], pair)


def test_uncovered_articles_are_missing_not_no(team):
    report = json.loads(run(team, "agree", "--json", "--label", "warning").stdout)
    pairs = {(p["a"], p["b"]): p for p in report["labels"][0]["pairs"]}
    n_seed = len(prose(load(team, SEED)))
    n_other = len(prose(load(team, OTHER)))
    assert pairs[("alice", "carol")]["n"] == n_seed  # carol never opened OTHER or THIRD
    assert pairs[("alice", "bob")]["n"] == n_seed + n_other  # THIRD is alice's alone
    assert report["labels"][0]["units"] == n_seed + n_other


def test_disagreements_list_who_said_yes_and_who_said_no(team):
    report = json.loads(run(team, "agree", "--json", "--label", "warning").stdout)
    art = load(team, SEED)
    spans = prose(art)
    got = {(d["article"], d["start"], tuple(d["yes"]), tuple(d["no"]))
           for d in report["labels"][0]["disagreements"]}
    other = prose(load(team, OTHER))
    assert got == {
        (SEED, spans[11][0], ("bob", "carol"), ("alice",)),
        (SEED, spans[12][0], ("carol",), ("alice", "bob")),
        (OTHER, other[5][0], ("alice",), ("bob",)),  # carol did not cover OTHER: not a "no"
    }
    d = next(d for d in report["labels"][0]["disagreements"] if d["yes"] == ["carol"])
    assert d["text"] == art.text[spans[12][0] : spans[12][1]]
