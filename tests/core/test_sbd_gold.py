"""The splitter against sentence boundaries judged by hand (tests/data/sbd, 40 wire articles).

The scorer is the one the release is judged with (`tests/data/sbd/score.py`), run on our
`segment_tuples`. A held-out set of the same kind judges the release, so these tests pin the
rules' behaviour (quotes, brackets, attribution, punctuation), not single articles.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

from tui.core.sentences import segment_tuples

GOLD = Path(__file__).resolve().parents[1] / "data" / "sbd"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sbd_score", GOLD / "score.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _texts() -> list[str]:
    ids = [json.loads(line)["id"] for line in (GOLD / "dev.jsonl").read_text().splitlines()
           if line.strip()]
    return [(GOLD / "texts" / f"{i}.txt").read_text(encoding="utf-8") for i in ids]


def test_boundary_f1_against_people() -> None:
    r = _scorer().score_file(segment_tuples, str(GOLD / "dev.jsonl"))
    assert r["n_gold"] > 300
    assert r["F1"] >= 0.98, r
    assert r["punct_only"] == 0
    assert r["uncovered"] == 0


@pytest.mark.parametrize("text", _texts()[:40])
def test_quote_marks_and_brackets_stay_with_their_sentence(text: str) -> None:
    for a, b in segment_tuples(text):
        s = text[a:b]
        assert any(c.isalnum() for c in s), s  # never punctuation alone
        assert not re.match(r"[”’)\]]", s), s  # never starts with what closes the one before
        assert not re.match(r"\"(\s|$)", s), s  # nor with a free-standing closing quote
        assert not re.search(r"[,;:][\"”]$", s), s  # attribution follows: `"...," he said.`
        assert not re.search(r"(^|\s)[\"“]$", s), s  # an opening quote goes with what it opens


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in segment_tuples(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We want peace," he said. Then he left.', ['"We want peace," he said.', "Then he left."]),
        ("“We want peace,” he said. Then he left.", ["“We want peace,” he said.", "Then he left."]),
        ('"Stop!" she shouted. Nobody did.', ['"Stop!" she shouted.', "Nobody did."]),
        ('"Is it over?" asked Kim. It was.', ['"Is it over?" asked Kim.', "It was."]),
        # a paragraph's quotation left open, reopened in the next paragraph (joined wire copy)
        ('He said: "We are ready. "We will not stop," he said.',
         ['He said: "We are ready.', '"We will not stop," he said.']),
        # a closing mark after the stop, then a free-standing quote that closes it
        ('"It is late. " Then it rained.', ['"It is late. "', "Then it rained."]),
        ("They came (all of them.) Then they left.",
         ["They came (all of them.)", "Then they left."]),
        ("He paused... and went on. Then stop.", ["He paused... and went on.", "Then stop."]),
        ("He waited… then left. Done.", ["He waited… then left.", "Done."]),
        ("Mr. J. R. Smith met Dr. Jones at 5 p.m. Tuesday. It cost $3.5 m. in total.",
         ["Mr. J. R. Smith met Dr. Jones at 5 p.m. Tuesday.", "It cost $3.5 m. in total."]),
        ("The rate rose 0.25 per cent at 10.30am. It fell.",
         ["The rate rose 0.25 per cent at 10.30am.", "It fell."]),
        ('He said. "', ['He said. "']),
        ("It was a joke, Staff-Insp. Gary Ellis said. Lt.-Col. Smith agreed.",
         ["It was a joke, Staff-Insp. Gary Ellis said.", "Lt.-Col. Smith agreed."]),
        ("Done. ...", ["Done. ..."]),
    ],
)
def test_rules(text: str, expected: list[str]) -> None:
    assert split(text) == expected
