"""An article edited after tagging: exports, agree and review place tags on its current text.

Nobody's tag file is written by these readers: the tags are re-anchored in memory, exactly as
the annotator's own reader would place them, and only real orphans are left out, named, with
advice that fits a file that may not be yours.
"""

from __future__ import annotations

import json

import pytest
from exchange_helpers import SEED, load, prose, run, tag_files, team_workspace

from tui.core.labels import load_labels
from tui.core.review import Review

FORMATS = ["csv", "jsonl", "doccano", "w3c", "labelstudio", "html", "markdown", "brat"]
WRONG_ADVICE = "open it in newstag to re-anchor"


def _edit(ws, drop: int | None = None) -> None:
    """Edit the seed behind newstag's back: its first sentence grows (every tag after it
    shifts), and with `drop`, that prose sentence is deleted (only bob tagged sentence 6)."""
    path = ws.article_path(SEED)
    art = load(ws)
    text = art.text
    if drop is not None:
        start, end = prose(art)[drop]
        text = text[: start - 1] + text[end:]  # the sentence and the space before it
    assert "North Korean leader" in text
    path.write_text(text.replace("North Korean leader", "The North Korean leader", 1),
                    encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_places_tags_made_on_an_earlier_version_on_the_current_text(tmp_path, fmt):
    ws = team_workspace(tmp_path)
    _edit(ws)
    before = tag_files(ws)
    out = tmp_path / ("brat" if fmt == "brat" else f"out.{fmt}")
    result = run(ws, "export", "--format", fmt, "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert "left out" not in result.stderr
    assert "exported 18 tag(s) from 2 article(s)" in result.stderr
    notes = [ln for ln in result.stderr.splitlines()
             if ln.startswith("newstag: note: ") and "has no place for" not in ln]
    assert len(notes) == 2  # one per annotator's file on the edited article
    for who, line in zip(("alice", "bob"), notes, strict=True):
        assert (f"{who}/{SEED}.yaml: made on an earlier version of article {SEED} (6 re-found); "
                "placed on its current text here; the file itself is unchanged") in line
    assert tag_files(ws) == before  # nobody's file was re-anchored on disk


def test_exported_offsets_and_quotes_fit_the_current_text(tmp_path):
    ws = team_workspace(tmp_path)
    _edit(ws)
    text = load(ws).text
    rows = [json.loads(ln) for ln in run(ws, "export", "--format", "jsonl").stdout.splitlines()]
    mine = [r for r in rows if r["article"] == SEED]
    assert len(mine) == 12
    assert all(text[r["start"] : r["end"]] == r["quote"] for r in mine)
    assert {r["text_sha256"] for r in mine} == {load(ws).sha256}
    spans = prose(load(ws))
    alice_spec = sorted(r["start"] for r in mine
                        if r["annotator"] == "alice" and r["label"] == "speculation")
    assert alice_spec == [spans[3][0], spans[5][0], spans[9][0]]


def test_real_orphans_are_left_out_named_with_advice_for_their_annotator(tmp_path):
    ws = team_workspace(tmp_path)
    gone = prose(load(ws))[6]
    quote = load(ws).text[gone[0] : gone[1]]
    _edit(ws, drop=6)
    result = run(ws, "export", "--format", "jsonl")
    assert result.exit_code == 0
    left = [ln for ln in result.stderr.splitlines() if ln.startswith("left out:")]
    assert len(left) == 1
    assert f"bob/{SEED}.yaml tag " in left[0] and "(speculation)" in left[0]
    assert ("orphaned: its quote is no longer in the article's current text; `newstag validate` "
            "lists it; bob re-attaches or deletes it in the Orphans view (ctrl+p, Orphans)"
            ) in left[0]
    assert WRONG_ADVICE not in result.stderr
    assert "exported 17 tag(s) from 2 article(s)" in result.stderr
    assert "(5 re-found, 1 orphaned)" in result.stderr
    assert quote not in result.stdout


def _scores(stdout: str) -> list:
    doc = json.loads(stdout)
    return [(lb["label"], lb["alpha"], lb["units"],
             [(p["a"], p["b"], p["n"], p["agreed"], p["kappa"]) for p in lb["pairs"]],
             [(d["article"], d["sentence"], d["yes"], d["no"]) for d in lb["disagreements"]])
            for lb in doc["labels"]]


def test_agree_on_an_edited_article_counts_every_re_anchored_tag(tmp_path):
    ws = team_workspace(tmp_path)
    unedited = run(ws, "agree", "--json")
    _edit(ws)
    before = tag_files(ws)
    result = run(ws, "agree", "--json")
    assert result.exit_code == 0
    assert "left out" not in result.stderr
    assert result.stderr.count("newstag: note: ") == 2
    # The edit grew the first sentence only: the same sentences, the same scores.
    assert _scores(result.stdout) == _scores(unedited.stdout)
    assert tag_files(ws) == before


def test_agree_lists_a_real_orphan_with_the_right_advice(tmp_path):
    ws = team_workspace(tmp_path)
    _edit(ws, drop=6)
    result = run(ws, "agree", "--label", "speculation")
    assert result.exit_code == 0
    left = [ln for ln in result.stderr.splitlines() if ln.startswith("left out:")]
    assert len(left) == 1 and f"bob/{SEED}.yaml tag " in left[0]
    assert "bob re-attaches or deletes it in the Orphans view" in left[0]
    assert WRONG_ADVICE not in result.stderr
    # Sentence 6 is gone, and with it the one disagreement there; 5 and OTHER's 0 remain.
    assert "  disagreements: 2\n" in result.stdout


def test_review_finds_disagreements_on_the_current_text(tmp_path):
    ws = team_workspace(tmp_path)
    ws = ws.__class__(ws.root, ws.corpus, ws.tags, ws.cache, "carol")
    labels = load_labels(ws.labels_path)
    unedited = [(d.label, d.unit.index) for d in Review(ws, labels, "carol").items]
    _edit(ws)
    others = tag_files(ws)
    review = Review(ws, labels, "carol")
    assert [(d.label, d.unit.index) for d in review.items] == unedited
    text = load(ws).text
    spans = {(s.start, s.end) for s in load(ws).sentences()}
    assert all((d.unit.start, d.unit.end) in spans and d.text == text[d.unit.start : d.unit.end]
               for d in review.items if d.unit.article_id == SEED)
    review.settle(next(d for d in review.items if d.unit.article_id == SEED), True)
    assert {k: v for k, v in tag_files(ws).items() if not k.startswith("carol/")} == others
