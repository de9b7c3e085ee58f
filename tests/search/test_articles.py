"""Article and tag documents: sentences found at query time are the reader's, phrases across a
sentence boundary, tags re-anchored on edited articles, both engines agreeing, engine choice."""

from __future__ import annotations

import os

import pytest
from search_helpers import seed_workspace, tag_sentence

from tui.core import articles
from tui.core.current import current_doc
from tui.core.search import QueryError, SearchIndex, choose_engine
from tui.core.search import indexer as indexer_module
from tui.core.tagstore import TagStore

SEED = "001_e98dd6f0637d58e7"


@pytest.fixture
def ws(tmp_path):
    return seed_workspace(tmp_path)


def keys(results):
    return [(h.article, h.index) for h in results.hits]


@pytest.mark.parametrize("engine", ["whoosh", "tantivy"])
def test_every_hit_is_a_reader_sentence(ws, engine):
    ix = SearchIndex(ws, engine=engine)
    ix.ensure()
    for q in ["ammunition", "kim OR putin", '"north korea"', "weapon*", "untagged"]:
        for h in ix.search(q, 500).hits:
            art = articles.load(ws.article_path(h.article))
            s = art.sentences()[h.index]
            assert (s.start, s.end) == (h.start, h.end) and h.text == art.sentence_text(s), q
    ix.close()


@pytest.mark.parametrize("engine", ["whoosh", "tantivy"])
def test_phrase_across_a_sentence_boundary_finds_its_article_first_with_both_sentences(
        ws, engine):
    art = articles.load(ws.article_path(SEED))
    sents = art.sentences()
    i = next(i for i in range(3, len(sents) - 1)
             if len(art.sentence_text(sents[i]).split()) > 4
             and len(art.sentence_text(sents[i + 1]).split()) > 4)
    tail = art.sentence_text(sents[i]).split()[-2:]
    head = art.sentence_text(sents[i + 1]).split()[:2]
    phrase = " ".join(w.strip(".,;:!?\"'()") for w in tail + head)
    ix = SearchIndex(ws, engine=engine)
    ix.ensure()
    r = ix.search(f'"{phrase}"', 50)
    assert r.hits and r.hits[0].article == SEED
    assert keys(r)[:2] == [(SEED, i), (SEED, i + 1)]
    first, second = r.hits[0], r.hits[1]
    assert first.marks and second.marks  # each shows its part of the phrase
    assert first.text[first.marks[-1][0]:first.marks[-1][1]].lower() in phrase.lower()
    ix.close()


def test_both_engines_give_the_same_answers(ws):
    tag_sentence(ws, "alice", SEED, 6, "speculation")
    tag_sentence(ws, "bob", "002_ac2d878c38bad475", 6, "official statement")
    found = {}
    for engine in ("whoosh", "tantivy"):
        ix = SearchIndex(ws, engine=engine)
        assert ix.ensure().rebuilt  # switching engines rebuilds
        found[engine] = {q: set(keys(ix.search(q, 1000))) for q in [
            "ammunition", "warned", '"supply ammunition"', "kim AND NOT russia", "weapon*",
            "title:putin", "source:AP", "article:003* ammunition", "date:2023-09",
            "label:speculation", 'label:"official statement"', "annotator:bob",
            "untagged ammunition", "is:tagged", "(kim OR putin) AND technology", "suppl?",
            "-russia kim", "label:spec*"]}
        ix.close()
    assert found["whoosh"] == found["tantivy"]
    assert all(found["whoosh"][q] for q in found["whoosh"]), \
        [q for q, v in found["whoosh"].items() if not v]


@pytest.mark.parametrize("engine", ["whoosh", "tantivy"])
def test_edited_article_tags_are_reanchored_as_stats_counts_them(ws, engine):
    tag_sentence(ws, "carol", SEED, 6, "warning")
    ix = SearchIndex(ws, engine=engine)
    ix.ensure()
    assert keys(ix.search("label:warning")) == [(SEED, 6)]
    path = ws.article_path(SEED)  # someone's `git pull`: a new paragraph above the tagged one
    text = path.read_text(encoding="utf-8")
    cut = text.index("\n\n") + 2
    path.write_text(text[:cut] + "An editor's note was added here. It has two sentences.\n\n"
                    + text[cut:], encoding="utf-8")
    report = ix.ensure()
    assert report.changed == 1 and not report.rebuilt
    art = articles.load(path)
    doc = TagStore(ws.tags).load("carol", SEED).doc
    placed = [t for t in current_doc(doc, art)[0].tags if not t.orphan]  # what stats counts
    assert len(placed) == 1
    expected = art.sentence_at(placed[0].start).index
    assert expected == 8
    assert keys(ix.search("label:warning")) == [(SEED, expected)]
    ix.close()


def test_engine_is_chosen_by_option_then_environment_then_index_then_size(ws, monkeypatch):
    monkeypatch.delenv("NEWSTAG_ENGINE", raising=False)
    assert choose_engine(ws) == ("whoosh", "")
    monkeypatch.setattr(indexer_module, "AUTO_TANTIVY", 3)
    name, notice = choose_engine(ws)
    assert name == "tantivy" and notice.startswith("5 articles: searching with tantivy")
    assert "\n" not in notice
    monkeypatch.setenv("NEWSTAG_ENGINE", "whoosh")
    assert choose_engine(ws) == ("whoosh", "")
    assert choose_engine(ws, "tantivy") == ("tantivy", "")
    ix = SearchIndex(ws)  # whoosh, from the environment
    ix.ensure()
    ix.close()
    monkeypatch.delenv("NEWSTAG_ENGINE")
    assert choose_engine(ws) == ("whoosh", "")  # the index there keeps its engine
    monkeypatch.setenv("NEWSTAG_ENGINE", "lucene")
    with pytest.raises(QueryError, match="NEWSTAG_ENGINE='lucene' is not a search engine"):
        choose_engine(ws)


@pytest.mark.parametrize("engine", ["whoosh", "tantivy"])
def test_nothing_changed_reads_no_file(ws, engine, monkeypatch):
    ix = SearchIndex(ws, engine=engine)
    ix.ensure()
    opened = []
    real = open

    def spy(file, *a, **kw):  # noqa: ANN001, ANN002, ANN003
        if str(ws.corpus) in str(file):
            opened.append(file)
        return real(file, *a, **kw)

    real_read = type(ws.corpus).read_bytes

    def read_spy(p):  # noqa: ANN001
        if str(ws.corpus) in str(p):
            opened.append(p)
        return real_read(p)

    monkeypatch.setattr("builtins.open", spy)
    monkeypatch.setattr("pathlib.Path.read_bytes", read_spy)
    report = ix.ensure()
    assert not report.rebuilt and report.touched == 0 and opened == []
    ix.close()


def test_second_engine_writer_is_busy_not_a_crash(ws):
    from tui.core.search import IndexBusy

    ix = SearchIndex(ws, engine="tantivy")
    ix.ensure()
    other = SearchIndex(ws, engine="tantivy")
    with ix.engine.writer(timeout=1.0), pytest.raises(IndexBusy):
        with other.engine.writer(timeout=0.2):
            pass
    assert os.path.isdir(ix.path)
    ix.close()
    other.close()
