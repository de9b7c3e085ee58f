"""Articles that change: tags are re-found (offsets, exact quote + context, fuzzy) or orphaned,
never dropped and never silently moved; the Orphans tools re-attach or delete them by hand.

The corpus figures (right / wrong / orphaned / missed) come from
tests/helpers/reliability_edits.py: a small slice runs in CI, the whole corpus and the threshold
table behind `-m stress`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reliability_edits import OUTCOMES, evaluate
from workspace_helpers import copy_seeds

from tui.core import anchoring, articles
from tui.core.tagging import TaggingSession
from tui.core.tags import TagDoc, make_tag
from tui.core.tagstore import TagStore
from tui.core.validation import validate
from tui.core.workspace import open_workspace

REPO = Path(__file__).resolve().parents[2]
LABELS = ["speculation", "official statement", "warning"]
TEXT = ("Kim arrived on Tuesday. Officials said the talks went well. Kim arrived on Tuesday. "
        "Speculation is rife that Kim may supply ammunition to Russia. The end.")


def tag_on(text: str, quote: str, nth: int = 0, label: str = "warning"):
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return make_tag("a", text, start, start + len(quote), label, created="t")


def test_offsets_kept_when_the_quote_is_still_there() -> None:
    tag = tag_on(TEXT, "Officials said the talks went well.")
    p = anchoring.locate(tag, TEXT + " More text at the end.")
    assert (p.how, p.start, p.end) == ("kept", tag.start, tag.end)


def test_exact_quote_found_after_an_insertion() -> None:
    tag = tag_on(TEXT, "Officials said the talks went well.")
    new = "UPDATE: a new first line.\n\n" + TEXT
    p = anchoring.locate(tag, new)
    assert p.how == "exact" and new[p.start : p.end] == tag.quote


def test_prefix_and_suffix_decide_between_repeats() -> None:
    second = tag_on(TEXT, "Kim arrived on Tuesday.", nth=1)
    new = "Breaking. " + TEXT
    p = anchoring.locate(second, new)
    assert p.how == "exact" and p.start == second.start + len("Breaking. ")
    first = tag_on(TEXT, "Kim arrived on Tuesday.", nth=0)
    assert anchoring.locate(first, new).start == len("Breaking. ")


def test_a_lightly_edited_sentence_is_found_approximately() -> None:
    tag = tag_on(TEXT, "Speculation is rife that Kim may supply ammunition to Russia.")
    new = TEXT.replace("Kim may supply", "Kim might supply")
    moved = anchoring.place(tag, new, p := anchoring.locate(tag, new))
    assert p.how == "fuzzy" and p.score >= anchoring.FUZZY_THRESHOLD
    assert moved.quote == "Speculation is rife that Kim might supply ammunition to Russia."
    assert moved.id == tag.id and not moved.orphan and new[moved.start : moved.end] == moved.quote


def test_a_deleted_sentence_is_an_orphan_with_everything_kept() -> None:
    tag = tag_on(TEXT, "Officials said the talks went well.")
    new = TEXT.replace("Officials said the talks went well. ", "")
    p = anchoring.locate(tag, new)
    orphan = anchoring.place(tag, new, p)
    assert p.how == "orphan" and orphan.orphan
    assert (orphan.quote, orphan.start, orphan.end, orphan.id) == (tag.quote, tag.start, tag.end,
                                                                   tag.id)


def test_a_rewritten_sentence_is_not_taken_for_its_paraphrase() -> None:
    text = ("North Korean leader Kim Jong Un's visit to Russia raises concerns about banned "
            "weapons transfer deals, as both countries face confrontations with the West.\n\n"
            "North Korean leader Kim Jong Un's visit to Russia has sparked concerns about "
            "potential banned weapons transfer deals between the two countries, as both nations "
            "are facing separate confrontations with the West.\n")
    tag = tag_on(text, text.split("\n\n")[1].strip())
    new = text.split("\n\n")[0] + "\n"  # the body sentence deleted; the lede paraphrase remains
    assert anchoring.locate(tag, new).how == "orphan"


def test_a_short_quote_only_found_out_of_context_is_left_to_a_person() -> None:
    text = "Related: Kim Jong Un in Russia\n\nStory text here.\n\nKim Jong Un in Russia\n\nEnd."
    tag = tag_on(text, "Kim Jong Un in Russia", nth=1)
    new = text.replace("here.\n\nKim Jong Un in Russia", "here.\n\nKim visits")
    assert anchoring.locate(tag, new).how == "orphan"


def test_reanchor_reports_and_never_drops() -> None:
    quotes = ("Officials said the talks went well.", "The end.",
              "Speculation is rife that Kim may supply ammunition to Russia.")
    tags = [tag_on(TEXT, q) for q in quotes]
    new = TEXT.replace("Officials said the talks went well. ", "").replace("may", "might") + " PS."
    doc, report = anchoring.reanchor(TagDoc("a", "old", tuple(tags)), new, "new")
    assert len(doc.tags) == 3 and doc.text_sha256 == "new"
    found = len(report.kept) + len(report.exact)
    assert (found, len(report.fuzzy), len(report.orphaned)) == (1, 1, 1)
    assert "1 orphaned" in report.summary()


def test_corpus_of_edited_articles_small_slice() -> None:
    total, _ = evaluate(anchoring.FUZZY_THRESHOLD, versions=5)
    placed = total["right"] + total["wrong"]
    assert total["wrong"] <= 0.005 * placed  # wrong places are rare: under 0.5%
    assert total["right"] >= 0.95 * sum(total.values())
    assert total["missed"] <= 0.01 * sum(total.values())


@pytest.mark.stress
def test_corpus_of_edited_articles_full_with_threshold_table() -> None:
    rows = []
    for th in (0.6, 0.7, 0.8, 0.85, 0.9, 0.95):
        total, _ = evaluate(th)
        rows.append(f"{th:.2f}: " + ", ".join(f"{k} {total[k]}" for k in OUTCOMES))
        if th == anchoring.FUZZY_THRESHOLD:
            chosen = total
    print("\n" + "\n".join(rows))
    assert chosen["wrong"] <= 0.002 * sum(chosen.values())


# -- in the session: opening a changed article ------------------------------------------------
@pytest.fixture
def ws(tmp_path: Path):
    root = copy_seeds(tmp_path / "ws")
    return open_workspace(root, annotator="ana")


def _tag_every_sentence(ws, aid: str) -> TagDoc:
    art = articles.load(ws.article_path(aid))
    session = TaggingSession(TagStore(ws.tags), "ana", LABELS)
    session.open(art)
    spans = [(s.start, s.end) for s in art.sentences()]
    return session.toggle(art, spans, "warning")


def test_opening_a_changed_article_reanchors_and_flags_orphans(ws) -> None:
    aid = "000_698a1ff201fa72f9"
    before = _tag_every_sentence(ws, aid)
    path = ws.article_path(aid)
    text = path.read_text(encoding="utf-8")
    gone = ("Kim is also scheduled to visit Russia's Pacific fleet, a university, and other "
            "facilities.")
    text = ("EDITOR'S NOTE: updated.\n\n" + text.replace(gone + " ", "")
            .replace("Kim may supply", "Kim might supply"))
    path.write_text(text, encoding="utf-8")
    art = articles.load(path)
    session = TaggingSession(TagStore(ws.tags), "ana", LABELS)
    doc = session.open(art)
    report = session.reanchored[aid]
    assert {t.id for t in doc.tags} == {t.id for t in before.tags}  # nothing dropped
    assert [t.quote for t in doc.tags if t.orphan] == [gone]
    assert len(report.fuzzy) >= 1 and len(report.orphaned) == 1
    on_disk = TagStore(ws.tags).load("ana", aid).doc
    assert on_disk == doc and on_disk.text_sha256 == art.sha256
    for t in doc.tags:
        assert t.orphan or art.text[t.start : t.end] == t.quote
    problems = validate(ws).problems
    assert len(problems) == 1 and "is an orphan" in problems[0] and ".yaml:" in problems[0]
    # A person re-attaches the orphan to a sentence, or deletes it; both can be undone.
    orphan = session.orphans(aid)[0]
    target = art.sentences()[3]
    doc = session.reattach(art, orphan.id, target.start, target.end)
    fixed = next(t for t in doc.tags if t.id == orphan.id)
    assert not fixed.orphan and fixed.quote == art.text[target.start : target.end]
    assert validate(ws).problems == []
    session.undo()
    assert session.orphans(aid)[0] == orphan
    doc = session.delete(art, [orphan.id])
    assert orphan.id not in {t.id for t in doc.tags} and session.orphans(aid) == []


def test_an_unchanged_article_is_not_rewritten(ws) -> None:
    aid = "002_ac2d878c38bad475"
    _tag_every_sentence(ws, aid)
    path = TagStore(ws.tags).path_for("ana", aid)
    stamp = path.stat().st_mtime_ns
    session = TaggingSession(TagStore(ws.tags), "ana", LABELS)
    session.open(articles.load(ws.article_path(aid)))
    assert path.stat().st_mtime_ns == stamp and aid not in session.reanchored


def test_validate_fix_reanchors_only_my_files(ws, monkeypatch) -> None:
    from click.testing import CliRunner

    from tui.cli.main import cli

    aid = "002_ac2d878c38bad475"
    _tag_every_sentence(ws, aid)
    art = articles.load(ws.article_path(aid))
    bob = TaggingSession(TagStore(ws.tags), "bob", LABELS)
    bob.open(art)
    s = art.sentences()[2]
    bob.toggle(art, [(s.start, s.end)], "speculation")
    bobs = TagStore(ws.tags).path_for("bob", aid)
    before = bobs.read_bytes()
    ws.article_path(aid).write_text("NEW LEAD.\n\n" + art.text, encoding="utf-8")
    monkeypatch.chdir(ws.root)
    run = CliRunner().invoke(cli, ["--annotator", "ana", "validate", "--fix"])
    assert f"tags/ana/{aid}.yaml: re-anchored on the changed article" in run.stderr
    # bob's tags are all re-found on the new text: a note (stderr), not a failure; the same
    # placement stats, export and agree use, so every command agrees there is no orphan.
    assert run.exit_code == 0 and f"tags/bob/{aid}.yaml" not in run.stdout
    note = f"tags/bob/{aid}.yaml:1: made on an earlier version of the article; 1 tag(s) re-found"
    assert note in run.stderr
    assert bobs.read_bytes() == before  # bob's file is bob's to rewrite
    assert not any(p.startswith(str(ws.tags / "ana")) for p in validate(ws).problems)
