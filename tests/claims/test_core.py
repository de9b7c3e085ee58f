"""The claims core: twins, clusters that do not chain, the cache, one article linked alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tui.core import articles
from tui.core.claims import TagLookup, build, link_article, load, open_index, save
from tui.core.claims.clusters import cluster
from tui.core.claims.corpus import eligible
from tui.core.claims.linker import Params
from tui.core.claims.model import Link
from tui.core.claims.table import build_table, claims_json
from tui.core.tagging import TaggingSession
from tui.core.tagstore import TagStore
from tui.core.workspace import Workspace, open_workspace

REPO = Path(__file__).resolve().parents[2]
A, E = "000_698a1ff201fa72f9", "004_0413e7c0cc1f7413"
AMMO_A = "Speculation is rife that Kim may supply ammunition"
AMMO_E = "Observers believe that Kim may provide ammunition"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    root = tmp_path / "ws"
    shutil.copytree(REPO / "seeds", root / "seeds")
    (root / "tags").mkdir()
    shutil.copy(REPO / "tags" / "labels.yaml", root / "tags")
    return open_workspace(root, annotator="ana")


def span_of(ws: Workspace, aid: str, prefix: str) -> tuple[int, int]:
    art = articles.load(ws.article_path(aid))
    s = next(s for s in art.sentences() if art.text[s.start:s.end].startswith(prefix))
    return s.start, s.end


def test_the_ammunition_claim_has_its_twin_both_ways(ws: Workspace) -> None:
    idx = build(ws)
    a, e = span_of(ws, A, AMMO_A), span_of(ws, E, AMMO_E)
    twins = idx.twins_of(A)[a]
    assert any(t.article == E and (t.start, t.end) == e for t in twins)
    back = idx.twins_of(E)[e]
    assert any(t.article == A and (t.start, t.end) == a for t in back)
    assert all(t.article != A for t in twins)  # never a twin in its own article
    assert [t.similarity for t in twins] == sorted((t.similarity for t in twins), reverse=True)


def test_chrome_and_bylines_are_never_linked(ws: Workspace) -> None:
    idx = build(ws)
    for aid in idx.order:
        art = articles.load(ws.article_path(aid))
        ok = {(s.start, s.end) for s in eligible(art)}
        kinds = {(s.start, s.end): art.kind(s) for s in art.sentences()}
        for span in idx.twins_of(aid):
            assert span in ok
            assert kinds[span] not in ("chrome", "byline", "dateline")


def test_clusters_do_not_chain() -> None:
    # a~b and b~c strongly, a and c unrelated: components would make {a, b, c}
    links = [Link("A", (0, 1), "B", (0, 1), 0.9), Link("B", (0, 1), "C", (0, 1), 0.8)]
    sims = {frozenset({("A", 0, 1), ("B", 0, 1)}): 0.9, frozenset({("B", 0, 1), ("C", 0, 1)}): 0.8}
    groups = cluster(links, sims, floor=0.5)
    assert [("A", 0, 1), ("B", 0, 1)] in groups
    assert not any(len(g) == 3 for g in groups)
    # once a and c are close too, the three are one claim
    sims[frozenset({("A", 0, 1), ("C", 0, 1)})] = 0.6
    assert cluster(links, sims, floor=0.5) == [[("A", 0, 1), ("B", 0, 1), ("C", 0, 1)]]


def test_negation_lowers_similarity(ws: Workspace) -> None:
    from tui.core.claims.corpus import ArticleSents, Sent
    from tui.core.claims.linker import Story, count, score_matrix
    from tui.core.claims.vectors import Vectorizer

    def art(aid: str, text: str) -> ArticleSents:
        return ArticleSents(aid, aid, "", None, (Sent(0, len(text), text, text, False),))

    vec = Vectorizer()
    said = "Russia will supply artillery shells to the northern army this winter."
    denied = "Russia will not supply artillery shells to the northern army this winter."
    yes, same, no = (count(art(aid, t), vec) for aid, t in (("a", said), ("b", said),
                                                            ("c", denied)))
    story = Story.of([yes, same, no])
    p = Params()
    v = [story.weigh(c, p) for c in (yes, same, no)]
    assert score_matrix(v[0], v[2], p)[0, 0] < score_matrix(v[0], v[1], p)[0, 0] * 0.75


def test_cache_round_trip_and_staleness(ws: Workspace) -> None:
    idx = open_index(ws)
    assert (ws.cache / "claims").is_dir()
    again = load(ws)
    assert again is not None
    assert again.claims() == idx.claims()
    assert again.twins_of(A) == idx.twins_of(A)
    # an article edited on disk is relinked on the next open; its twins follow the new text
    path = ws.article_path(E)
    assert path is not None
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(AMMO_E, "Observers believe that Kim may hand over ammunition"),
                    encoding="utf-8")
    fresh = open_index(ws)
    e = span_of(ws, E, "Observers believe that Kim may hand over ammunition")
    assert any(t.article == A for t in fresh.twins_of(E).get(e, []))


def test_one_article_linked_alone_matches_the_full_build(ws: Workspace) -> None:
    full = build(ws)
    path = ws.article_path(E)
    assert path is not None
    moved = ws.root / "held-back.txt"
    shutil.move(path, moved)
    partial = build(ws)
    assert E not in partial.entries
    shutil.move(moved, path)
    n = link_article(partial, ws, E, path)
    assert n > 0
    assert set(partial.twins_of(E)) == set(full.twins_of(E))
    save(partial, ws)
    assert load(ws) is not None


def test_table_and_json_carry_each_annotators_labels(ws: Workspace) -> None:
    a = span_of(ws, A, AMMO_A)
    art = articles.load(ws.article_path(A))
    for who, label in (("ana", "speculation"), ("bob", "warning")):
        session = TaggingSession(TagStore(ws.tags), who, ["speculation", "warning"])
        session.open(art)
        session.toggle(art, [a], label)
    idx = build(ws)
    lookup = TagLookup(ws)
    doc = claims_json(idx, lookup)
    member = next(m for c in doc["claims"] for m in c["members"]
                  if m["article"] == A and (m["start"], m["end"]) == a)
    assert member["labels"] == {"ana": ["speculation"], "bob": ["warning"]}
    table = build_table(idx, lookup)
    row = next(r for r in table.rows if A in r.cells and a in
               {(m.start, m.end) for m in r.cells[A].members})
    assert row.cells[A].shown("ana") == ["speculation"]
    assert row.cells[A].shown(None) == ["speculation", "warning"]
    assert E in row.cells and row.cells[E].shown(None) == []


def test_twins_straight_from_the_store_match_the_index(ws: Workspace) -> None:
    from tui.core.claims import refresh, twins

    assert twins(ws, A) == {}  # no cache yet: nothing, and no error
    assert refresh(ws) is True
    assert refresh(ws) is False  # nothing changed on disk
    idx = load(ws)
    assert idx is not None
    for aid in idx.order:
        assert twins(ws, aid) == idx.twins_of(aid)


def test_a_new_article_is_linked_into_the_store_alone(ws: Workspace) -> None:
    from tui.core.claims import refresh, twins

    refresh(ws)
    before = load(ws)
    assert before is not None
    path = ws.corpus / "zz_new.txt"
    seed = ws.article_path(E).read_text(encoding="utf-8")
    path.write_text(seed.replace("Observers believe", "Analysts think"), encoding="utf-8")
    assert refresh(ws) is True
    got = twins(ws, "zz_new")
    e = span_of(ws, E, AMMO_E)
    a = span_of(ws, A, AMMO_A)
    new = articles.load(path)
    s = next(s for s in new.sentences() if new.text[s.start:s.end].startswith("Analysts think"))
    assert any(t.article == A and (t.start, t.end) == a for t in got[(s.start, s.end)])
    assert any(t.article == "zz_new" for t in twins(ws, A)[a])
    after = load(ws)
    assert after is not None
    # the links between the old articles are untouched
    old = {lk for lk in before.links}
    assert old <= set(after.links)
    assert e in twins(ws, E)
    path.unlink()
    assert refresh(ws) is True
    assert all(t.article != "zz_new" for ts in twins(ws, A).values() for t in ts)
