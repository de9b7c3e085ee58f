"""Tag files: what is saved loads back equal; the same tags give the same bytes in any order."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core import articles, tagstore
from tui.core.tags import Tag, TagDoc, make_tag
from tui.core.tagstore import TagFileError, TagStore

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
STAMP = "2026-11-24T10:15:02Z"


def seed_doc(stem: str = "000_698a1ff201fa72f9", every: int = 3) -> tuple[articles.Article, TagDoc]:
    art = articles.load(SEEDS / f"{stem}.txt")
    tags = tuple(
        make_tag(art.id, art.text, s.start, s.end, label, created=STAMP)
        for s in art.sentences()[::every]
        for label in ("speculation", "warning")
    )
    return art, TagDoc(art.id, art.sha256, tags)


def test_round_trip(tmp_path: Path) -> None:
    art, doc = seed_doc()
    store = TagStore(tmp_path / "tags")
    saved = store.save("ana", doc)
    path = tmp_path / "tags" / "ana" / f"{art.id}.yaml"
    assert path.is_file() and saved.raw == path.read_bytes()
    loaded = store.load("ana", art.id)
    assert loaded.doc == doc.sorted() and loaded.problems == ()
    for t in loaded.doc.tags:  # anchors: offsets, quote and context all agree with the article
        assert art.text[t.start : t.end] == t.quote
        assert art.text[: t.start].endswith(t.prefix) and art.text[t.end :].startswith(t.suffix)


def test_same_tags_same_bytes_whatever_the_order(tmp_path: Path) -> None:
    _, doc = seed_doc()
    outputs = set()
    for seed in range(5):
        tags = list(doc.tags)
        random.Random(seed).shuffle(tags)
        outputs.add(tagstore.dump(TagDoc(doc.article, doc.text_sha256, tuple(tags))))
    assert len(outputs) == 1
    text = outputs.pop()
    assert text.startswith(
        f"schema: 1\narticle: {doc.article}\ntext_sha256: {doc.text_sha256}\ntags:\n"
    )
    starts = [t.start for t in tagstore.parse(text, "x.yaml")[0].tags]
    assert starts == sorted(starts)  # document order


def test_a_file_is_not_rewritten_when_nothing_changed(tmp_path: Path) -> None:
    _, doc = seed_doc()
    store = TagStore(tmp_path)
    store.save("ana", doc)
    path = store.path_for("ana", doc.article)
    before = os.stat(path)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns - 10**9))
    stamp = os.stat(path)
    store.save("ana", TagDoc(doc.article, doc.text_sha256, tuple(reversed(doc.tags))))
    after = os.stat(path)
    assert (after.st_ino, after.st_mtime_ns) == (stamp.st_ino, stamp.st_mtime_ns)


def test_a_failed_write_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, doc = seed_doc()
    store = TagStore(tmp_path)
    store.save("ana", doc)
    path = store.path_for("ana", doc.article)
    old = path.read_bytes()

    def boom(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(TagFileError, match="could not save"):
        store.save("ana", TagDoc(doc.article, doc.text_sha256, doc.tags[:1]))
    assert path.read_bytes() == old
    assert sorted(p.name for p in path.parent.iterdir()) == sorted([path.name, tagstore.LOCK_NAME])


def test_next_line_character_survives_a_round_trip() -> None:
    text = "Scraped text with a NEL\x85inside the quoted sentence."
    doc = TagDoc(
        "a", "sha", (make_tag("a", text, 0, len(text), "warning", note="x\x85y", created=STAMP),)
    )
    back, _ = tagstore.parse(tagstore.dump(doc), "x.yaml")
    assert back == doc


def test_empty_doc_removes_the_file(tmp_path: Path) -> None:
    _, doc = seed_doc()
    store = TagStore(tmp_path)
    store.save("ana", doc)
    store.save("ana", TagDoc(doc.article, doc.text_sha256, ()))
    assert not store.path_for("ana", doc.article).exists()
    assert store.load("ana", doc.article).doc is None


# -- properties ---------------------------------------------------------------------------------
TEXT = (SEEDS / "001_e98dd6f0637d58e7.txt").read_text(encoding="utf-8")
_spans = st.tuples(st.integers(0, len(TEXT) - 1), st.integers(1, 200)).map(
    lambda p: (p[0], min(len(TEXT), p[0] + p[1]))
)
_labels = st.sampled_from(
    ["speculation", "official statement", "warning", "a: b", "  odd  ", "ünï"]
)
_notes = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)


@st.composite
def tag_docs(draw: st.DrawFn) -> TagDoc:
    tags: dict[str, Tag] = {}
    for (start, end), label, note in draw(
        st.lists(st.tuples(_spans, _labels, _notes), max_size=12)
    ):
        t = make_tag("001_e98dd6f0637d58e7", TEXT, start, end, label, note=note, created=STAMP)
        tags[t.id] = t
    return TagDoc("001_e98dd6f0637d58e7", articles.text_sha256(TEXT), tuple(tags.values()))


@settings(max_examples=80, deadline=None)
@given(tag_docs(), st.randoms(use_true_random=False))
def test_property_round_trip_and_determinism(doc: TagDoc, rnd: random.Random) -> None:
    text = tagstore.dump(doc)
    back, problems = tagstore.parse(text, "x.yaml")
    assert problems == [] and back == doc.sorted()
    shuffled = list(doc.tags)
    rnd.shuffle(shuffled)
    assert tagstore.dump(TagDoc(doc.article, doc.text_sha256, tuple(shuffled))) == text
    assert tagstore.dump(back) == text
