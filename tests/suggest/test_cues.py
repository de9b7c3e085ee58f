"""The cue matcher: word boundaries, case, phrases over line breaks, `word*`, names."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tui.core.labels import load_labels
from tui.core.suggest.cues import CueMatcher
from tui.core.suggest.engine import propose

REPO = Path(__file__).resolve().parents[2]


def found(cues: list[str], text: str) -> list[tuple[str, str]]:
    m = CueMatcher(("spec", c) for c in cues)
    return [(text[h.start : h.end], h.cue) for h in m.find(text)]


def test_a_cue_matches_whole_words_only() -> None:
    text = "Dismay: the mayor may go; MAY he? maybe mayhem."
    assert found(["may"], text) == [("may", "may"), ("MAY", "may")]


def test_phrases_match_across_whitespace_and_the_longer_cue_wins() -> None:
    text = "Many experts\nbelieve it; some believe not."
    assert found(["believe", "experts believe"], text) == [
        ("experts\nbelieve", "experts believe"), ("believe", "believe")]


def test_a_star_takes_longer_words_but_not_a_word_that_only_contains_it() -> None:
    text = "He warned; a warning; forewarned; Warns."
    assert found(["warn*"], text) == [("warned", "warn*"), ("warning", "warn*"),
                                       ("Warns", "warn*")]


def test_cues_with_punctuation_are_literal_not_regex() -> None:
    assert found(["U.S. officials", "a+b"], "US officials; U.S. officials; a+b") == [
        ("U.S. officials", "u.s. officials"), ("a+b", "a+b")]


def test_one_label_matching_does_not_hide_another_labels_cue() -> None:
    m = CueMatcher([("official", "expressed"), ("warning", "expressed concern*")])
    hits = [(h.label, h.cue) for h in m.find("They expressed concerns.")]
    assert sorted(hits) == [("official", "expressed"), ("warning", "expressed concern*")]


def test_a_lower_case_word_cue_capitalised_inside_a_sentence_is_a_name() -> None:
    text = "It happened in May. May it rain. “May we,” he asked. Theresa May said so."
    m = CueMatcher([("spec", "may")])
    starts = [0, 20, 33, 53]
    sents = [(a, b, False) for a, b in zip(starts, [19, 32, 52, len(text)], strict=True)]
    got = propose("a", text, sents, m)
    assert [(s.start, s.label) for s in got.items] == [(20, "spec"), (33, "spec")]


@given(st.text(alphabet="abm ayMY.\n", max_size=40))
def test_every_hit_is_the_cue_between_non_word_characters(text: str) -> None:
    m = CueMatcher([("spec", "may")])
    for h in m.find(text):
        assert text[h.start : h.end].lower() == "may"
        assert h.start == 0 or not text[h.start - 1].isalnum()
        assert h.end == len(text) or not text[h.end].isalnum()


def test_the_default_cues_no_longer_take_bare_concern_or_threat() -> None:
    labels = load_labels(REPO / "tags" / "labels.yaml")
    m = CueMatcher.from_labels(labels.labels)
    text = ("There is widespread concern in Seoul. The regional threat grew. They expressed "
            "serious concerns. Yoon emphasized it. He urged calm. Russia insists it obeys.")
    hits = {(text[h.start : h.end], h.label) for h in m.find(text)}
    assert not any(w.lower() in ("concern", "threat") for w, _ in hits)
    assert ("serious concerns", "warning") in hits
    assert {("emphasized", "official statement"), ("urged", "official statement"),
            ("insists", "official statement")} <= hits
