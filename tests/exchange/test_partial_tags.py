"""A tag on part of a sentence (narrowed by words) is an ordinary span everywhere it goes:
every export, re-anchoring after an edit, search, agreement and undo carry its exact offsets."""

from __future__ import annotations

import json

import pytest
from exchange_helpers import LABELS, SEED, load, prose, run, seed_workspace

from tui.core import agreement, anchoring
from tui.core.current import units_near
from tui.core.exchange import EXPORT_FORMATS
from tui.core.tagging import TaggingSession
from tui.core.tags import Tag
from tui.core.tagstore import TagStore
from tui.core.words import narrow_end, narrow_start


def partial(ws, who: str = "alice") -> tuple[int, int, str]:
    """`who` tags the third prose sentence of the seed without its first and last two words."""
    art = load(ws, SEED)
    s, e = prose(art)[2]
    a = narrow_start(art.text, s, e)
    b = narrow_end(art.text, a, narrow_end(art.text, a, e))
    session = TaggingSession(TagStore(ws.tags), who, LABELS)
    session.open(art)
    session.toggle(art, [(a, b)], "speculation")
    return a, b, art.text[a:b]


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_export_carries_the_partial_span(tmp_path, fmt) -> None:
    ws = seed_workspace(tmp_path)
    a, b, quote = partial(ws)
    out = tmp_path / ("brat" if fmt == "brat" else f"out.{fmt}")
    res = run(ws, "export", "--format", fmt, "--out", str(out))
    assert res.exit_code == 0, res.output
    files = sorted(out.rglob("*")) if out.is_dir() else [out]
    body = "".join(p.read_text(encoding="utf-8") for p in files if p.is_file())
    if fmt in ("html", "markdown"):
        assert quote.split()[0] in body and quote.split()[-1] in body
    else:
        assert str(a) in body and str(b) in body, fmt
    if fmt == "jsonl":
        rows = [json.loads(line) for line in body.splitlines() if line.strip()]
        flat = json.dumps(rows)
        assert f"{a}" in flat and quote[:20] in flat


def test_reanchoring_keeps_a_partial_tag_partial(tmp_path) -> None:
    ws = seed_workspace(tmp_path)
    a, b, quote = partial(ws)
    path = ws.article_path(SEED)
    text = path.read_text(encoding="utf-8")
    path.write_text("A new first line, added by an editor.\n\n" + text, encoding="utf-8")
    art = load(ws, SEED)
    doc = TagStore(ws.tags).load("alice", SEED).doc
    assert doc is not None
    moved, report = anchoring.reanchor(doc, art.text, art.sha256, units=units_near(art))
    tag = moved.tags[0]
    assert not tag.orphan and art.text[tag.start : tag.end] == quote  # not widened to the sentence
    assert tag.end - tag.start == b - a


def test_a_whole_sentence_tag_is_still_widened_after_an_edit() -> None:
    text = "First one here. The minister said the talks would resume on Monday. Last."
    s = text.index("The")
    e = text.index("Last") - 1
    tag = Tag("t1", "speculation", s, e, text[s:e], text[:s], text[e:])
    assert anchoring.sentence_shaped(tag)
    part = Tag("t2", "speculation", s + 4, e - 10, text[s + 4 : e - 10], text[: s + 4],
               text[e - 10 :])
    assert not anchoring.sentence_shaped(part)


def test_agreement_counts_a_partial_tag_on_the_sentence_it_overlaps(tmp_path) -> None:
    ws = seed_workspace(tmp_path)
    a, b, _ = partial(ws, "alice")
    partial(ws, "bob")
    data = agreement.gather(ws)
    yes = {u.start for u in data.yes[("alice", "speculation")]}
    art = load(ws, SEED)
    s, e = prose(art)[2]
    assert yes == {s} and s <= a < b <= e
    assert data.yes[("alice", "speculation")] == data.yes[("bob", "speculation")]
