"""The search index on real files: seeds, tags, incremental updates, damage, bad input, locks."""

from __future__ import annotations

import re
import shutil

import pytest
from search_helpers import git_write, seed_workspace, tag_sentence

from tui.core import articles
from tui.core.search import Budget, IndexBusy, QueryError, SearchIndex
from tui.core.search.live import LiveUpdater
from tui.core.tagging import TaggingSession
from tui.core.tagstore import TagStore

pytestmark = pytest.mark.usefixtures("engine")

SEED_IDS = ["000_698a1ff201fa72f9", "001_e98dd6f0637d58e7", "002_ac2d878c38bad475",
            "003_420c701de47a1b0c", "004_0413e7c0cc1f7413"]


@pytest.fixture
def ws(tmp_path):
    return seed_workspace(tmp_path)


@pytest.fixture
def index(ws):
    ix = SearchIndex(ws)
    ix.ensure()
    yield ix
    ix.close()


def hit_keys(results):
    return {(h.article, h.index) for h in results.hits}


def test_word_found_in_every_article_that_says_it_with_marks(ws, index):
    expected = {}
    for p in sorted(ws.corpus.glob("*.txt")):
        art = articles.load(p)
        for s in art.sentences():
            if "ammunition" in art.sentence_text(s).lower():
                expected[(art.id, s.index)] = art.sentence_text(s)
    assert {a for a, _ in expected} == set(SEED_IDS)  # every seed says it
    r = index.search("ammunition", limit=100)
    assert hit_keys(r) == set(expected)
    for h in r.hits:
        assert h.text == expected[(h.article, h.index)]
        times = h.text.lower().count("ammunition")
        assert [h.text[a:b].lower() for a, b in h.marks] == ["ammunition"] * times


def test_stemming_phrase_and_field_queries(index):
    warned = index.search("warned", limit=100)
    assert any("warning" in h.text.lower() and "warned" not in h.text.lower() for h in warned.hits)
    stemmed = index.search('"supply ammunition"', limit=100)  # "supplying ammunition" too
    assert hit_keys(stemmed) == {("000_698a1ff201fa72f9", 5), ("001_e98dd6f0637d58e7", 18)}
    phrase = index.search('"may supply ammunition"', limit=100)
    assert hit_keys(phrase) == {("000_698a1ff201fa72f9", 5)}
    marked = {phrase.hits[0].text[a:b] for a, b in phrase.hits[0].marks}
    assert marked == {"may", "supply", "ammunition"}
    in_article = index.search("article:003* ammunition", limit=100)
    assert {h.article for h in in_article.hits} == {"003_420c701de47a1b0c"}
    by_title = index.search("title:putin", limit=100)
    assert by_title.kind == "article"
    assert [h.article for h in by_title.hits] == ["002_ac2d878c38bad475"]
    dated = index.search("date:[2023-09-13 TO 2023-09-30]", limit=100)
    assert [h.article for h in dated.hits] == ["000_698a1ff201fa72f9"]
    both = index.search("kim AND NOT russia", limit=500)
    assert both.hits and not any(re.search(r"\brussia\b", h.text, re.I) for h in both.hits)


def test_label_query_returns_exactly_the_tagged_sentences(ws, index):
    tagged = {("000_698a1ff201fa72f9", 5), ("001_e98dd6f0637d58e7", 6)}
    for article_id, i in tagged:
        tag_sentence(ws, "alice", article_id, i, "speculation")
    tag_sentence(ws, "bob", "002_ac2d878c38bad475", 6, "official statement")
    report = index.ensure()
    assert not report.rebuilt and report.retagged == 3
    assert hit_keys(index.search("label:speculation", 100)) == tagged
    official = index.search('label:"official statement"', 100)
    assert hit_keys(official) == {("002_ac2d878c38bad475", 6)}
    assert hit_keys(index.search("annotator:bob", 100)) == {("002_ac2d878c38bad475", 6)}
    hit = index.search("label:speculation ammunition", 100).hits[0]
    assert hit.labels == ("speculation",) and hit.annotators == ("alice",)
    untagged = index.search("untagged ammunition", 100)
    assert not hit_keys(untagged) & tagged and untagged.hits


def test_tag_saved_in_session_reaches_index_through_listener(ws, index):
    session = TaggingSession(TagStore(ws.tags), "alice", ["speculation"])
    updater = LiveUpdater(index)
    updater.attach(session)
    try:
        tag_sentence(ws, "alice", "004_0413e7c0cc1f7413", 9, "speculation", session)
        assert updater.flush(10)
        assert hit_keys(index.search("label:speculation", 10)) == {("004_0413e7c0cc1f7413", 9)}
        tag_sentence(ws, "alice", "004_0413e7c0cc1f7413", 9, "speculation", session)  # toggle off
        assert updater.flush(10)
        assert index.search("label:speculation", 10).hits == ()
    finally:
        updater.close()
    assert not index.ensure().rebuilt


def index_files(index):
    return {name for name, _size in index.engine.files()}


def test_add_change_delete_article_updates_not_rebuilds(ws, index):
    toc_before = index_files(index)
    new = "A brand new report\n\nThe zeppelin landed in Pyongyang.\n"
    (ws.corpus / "005_new.txt").write_text(new, encoding="utf-8")
    changed = ws.corpus / "001_e98dd6f0637d58e7.txt"
    git_write(changed, changed.read_text(encoding="utf-8").replace("ammunition", "munitions"))
    (ws.corpus / "003_420c701de47a1b0c.txt").unlink()
    report = index.ensure()
    assert not report.rebuilt
    assert (report.added, report.changed, report.removed) == (1, 1, 1)
    assert index_files(index) != toc_before  # a commit, not a new index
    assert hit_keys(index.search("zeppelin", 10)) == {("005_new", 1)}
    arts = {h.article for h in index.search("ammunition", 100).hits}
    assert "001_e98dd6f0637d58e7" not in arts and "003_420c701de47a1b0c" not in arts
    assert "001_e98dd6f0637d58e7" in {h.article for h in index.search("munitions", 100).hits}
    assert index.ensure().touched == 0


def test_touched_but_same_bytes_is_not_reindexed(ws, index):
    p = ws.corpus / "000_698a1ff201fa72f9.txt"
    p.write_bytes(p.read_bytes())  # new mtime, same content
    assert index.ensure(full=True).touched == 0
    git_write(p, p.read_text(encoding="utf-8"))  # replaced by an identical file
    assert index.ensure().touched == 0


def biggest_file(index):
    return max((index.path / name for name in index_files(index)), key=lambda p: p.stat().st_size)


@pytest.mark.parametrize("damage", ["truncate", "delete", "toc"])
def test_damaged_index_is_rebuilt_and_answers(ws, index, damage):
    seg = biggest_file(index)
    if damage == "truncate":
        with open(seg, "r+b") as f:
            f.truncate(seg.stat().st_size // 3)
    elif damage == "delete":
        seg.unlink()
    else:  # the file that says which segments exist
        for toc in [*index.path.glob("*.toc"), *index.path.glob("meta.json")]:
            toc.write_bytes(b"garbage")
    fresh = SearchIndex(ws)  # as the next command would
    report = fresh.ensure()
    assert report.rebuilt and "damaged" in report.reason or "missing" in report.reason
    assert len(fresh.search("ammunition", 100).hits) == 6
    fresh.close()


def test_damage_found_by_a_query_rebuilds_then_answers(ws, index):
    seg = biggest_file(index)
    with open(seg, "r+b") as f:
        f.truncate(100)
    index.engine.close()
    assert len(index.search("ammunition", 100).hits) == 6


def test_outdated_schema_rebuilds(ws, index):
    from tui.core.search.tantivy_engine import VERSION_FILE
    from tui.core.search.whoosh_engine import INDEX_NAME

    for p in index.path.iterdir():
        if p.is_file():
            p.rename(p.with_name(p.name.replace(INDEX_NAME, "newstag_v0")))
    (index.path / VERSION_FILE).write_text("0")
    report = SearchIndex(ws).ensure()
    assert report.rebuilt and "older" in report.reason


def test_bad_article_files_are_reported_not_fatal(ws):
    (ws.corpus / "bin.txt").write_bytes(b"\x00\x01\x02binary" * 100)
    (ws.corpus / "empty.txt").write_bytes(b"")
    latin = "Caf\xe9 owners warned of shortages\n\nThe caf\xe9 closed.\n"
    (ws.corpus / "latin.txt").write_bytes(latin.encode("latin-1"))
    (ws.corpus / "huge.txt").write_text("word " * 5000, encoding="utf-8")
    ix = SearchIndex(ws, max_bytes=20_000)
    report = ix.ensure()
    text = "\n".join(report.messages)
    assert "bin.txt" in text and "binary" in text
    assert "empty.txt" in text and "latin.txt" in text and "huge.txt" in text
    assert report.articles == 6  # five seeds + latin-1, read with a warning
    assert {h.article for h in ix.search("café", 10).hits} == {"latin"}
    assert ix.ensure().touched == 0  # skipped files are remembered, not retried each time
    ix.close()


@pytest.mark.parametrize("query,message", [
    ('"supply ammunition', "unclosed quote"), ("(kim OR putin", "unclosed '('"),
    ("kim)", "without its '('"), ("colour:red", "unknown field 'colour:'"), ("", "empty query"),
    ("is:maybe", "not a state"), ("date:[2023-01-01 TO", "unclosed range"),
])
def test_malformed_queries_get_one_line(index, query, message):
    with pytest.raises(QueryError) as err:
        index.search(query)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_second_instance_waits_then_reports_busy(ws, index):
    other = SearchIndex(ws)
    with other._locked(timeout=1):
        with pytest.raises(IndexBusy):
            index.ensure(timeout=0.1)
        assert index.search("ammunition", 5).hits  # reading needs no lock
    other.close()


def hold_writer(index):
    """Another writer holding the engine's own lock; returns how to let it go."""
    if index.engine.name == "whoosh":
        held = index.engine._open().writer()
        return held.cancel
    import tantivy

    other = tantivy.Index.open(str(index.path))
    held = other.writer(heap_size=15_000_000, num_threads=1)
    box = [held]

    def release():
        box[0].rollback()
        box.clear()
        import gc

        gc.collect()
    return release


def test_engine_write_lock_held_means_busy_and_live_updater_retries(ws, index):
    release = hold_writer(index)
    session = TaggingSession(TagStore(ws.tags), "alice", ["speculation"])
    messages = []
    updater = LiveUpdater(index, on_message=messages.append)
    updater.attach(session)
    try:
        tag_sentence(ws, "alice", "000_698a1ff201fa72f9", 5, "speculation", session)  # never blocks
        assert index.search("label:speculation", 5).hits == ()
        release()
        assert updater.flush(15)
        assert hit_keys(index.search("label:speculation", 5)) == {("000_698a1ff201fa72f9", 5)}
    finally:
        updater.close()
    assert not [m for m in messages if "busy" in m]


def test_tag_file_changed_by_git_pull_is_picked_up(ws, index):
    tag_sentence(ws, "carol", "003_420c701de47a1b0c", 14, "speculation")
    assert index.ensure().retagged == 1
    path = ws.tags / "carol" / "003_420c701de47a1b0c.yaml"
    pulled = re.sub(r"label: speculation", "label: warning", path.read_text())
    git_write(path, pulled)
    assert index.ensure().retagged == 1
    assert hit_keys(index.search("label:warning", 10)) == {("003_420c701de47a1b0c", 14)}
    shutil.rmtree(ws.tags / "carol")
    assert index.ensure().retagged == 1
    assert index.search("label:warning", 10).hits == ()


def test_feed_started_by_a_save_before_any_search(ws, index):
    from tui.core.search.hook import IndexFeed

    session = TaggingSession(TagStore(ws.tags), "alice", ["warning"])
    feed = IndexFeed(ws)
    feed.attach(session)
    tag_sentence(ws, "alice", "002_ac2d878c38bad475", 9, "warning", session)  # boots the feed
    assert feed.flush(15)
    assert hit_keys(feed.index().search("label:warning", 10)) == {("002_ac2d878c38bad475", 9)}


def test_budget_stops_early_and_answers_from_what_it_read(index):
    full = index.search("untagged", limit=500)
    assert full.total > 2 * 32 and not full.partial
    calls = iter([False] + [True] * 100)  # the check before the search, then the first in it
    part = index.search("untagged", limit=500, budget=Budget(None, lambda: next(calls)))
    assert part.partial and part.more
    assert 0 < len(part.hits) < len(full.hits)
    assert part.total < full.total  # counted what it read: no second pass over every match
    assert hit_keys(part) <= hit_keys(full)  # fewer, never different or wrong


def test_budget_cancelled_before_it_starts_finds_nothing(index):
    gone = index.search("ammunition", budget=Budget(None, lambda: True))
    assert gone.partial and gone.hits == ()


def test_budget_with_time_to_spare_is_the_full_answer(index):
    for q in ("ammunition", "untagged", "title:korea", "kim AND NOT putin"):
        roomy = index.search(q, limit=100, typing=True, budget=Budget(30.0))
        assert not roomy.partial
        assert roomy.hits == index.search(q, limit=100, typing=True).hits


@pytest.mark.parametrize("query", ["date:2023-13-45", "date:[2023-09-01 TO 2023-19-30]",
                                   "kim AND date:yesterday"])
def test_a_date_that_cannot_match_is_an_error_not_silence(index, query):
    with pytest.raises(QueryError, match="is not a date"):
        index.search(query)


@pytest.mark.parametrize("query", ["date:2023-09", "date:2023-*", "date:2023-0", "date:2023-09-1",
                                   "date:[2023-09-01 TO 2023-09-30]", "date:>2023-09"])
def test_dates_on_the_way_to_a_whole_one_still_match(index, query):
    assert index.search(query).total >= 1  # months, prefixes typed so far, wildcards, ranges


def test_a_label_nobody_used_says_so_and_names_those_in_use(ws, index):
    tag_sentence(ws, "alice", SEED_IDS[0], 3, "speculation")
    index.ensure()
    typo = index.search("label:specualtion")
    assert typo.hits == () and typo.hint == (
        "no sentence has label 'specualtion'; in use: speculation")
    assert "annotator 'bob'" in index.search("ammunition AND annotator:bob").hint
    assert index.search("label:speculation").hint == ""  # found: no hint
    assert index.search("zeppelin").hint == ""  # plain words: nothing to add


def test_budgeted_article_count_is_exact_when_every_match_was_read(ws):
    """Whoosh's estimate for AND is its rarest word's article count, an upper bound: the search
    screen said `1 matching sentences in 3 articles` for `bushfire smoke` with one article shown
    (found in tmux on the 350 Lee articles)."""
    for i in range(3):
        (ws.corpus / f"zz_alarm_{i}.txt").write_text(f"Smoke alarm {i}.\n\nThe smoke alarm rang.\n")
    for i in range(6):
        (ws.corpus / f"zz_fire_{i}.txt").write_text(f"Bushfire news {i}.\n\nThe bushfire burned.\n")
    (ws.corpus / "zz_both.txt").write_text("Roads.\n\nRoads closed by bushfire smoke today.\n")
    ix = SearchIndex(ws)
    ix.ensure()
    try:
        for q in ("bushfire smoke", "bushfire smok"):
            quick = ix.search(q, 60, typing=True, budget=Budget(30.0), articles=12)
            full = ix.search(q, 60, typing=True)
            assert quick.articles == full.articles == 1, q
            assert {h.article for h in quick.hits} == {"zz_both"}
    finally:
        ix.close()


@pytest.mark.parametrize("data", [
    b"Plain title\n\nA plain UTF-8 story.\n",
    "\ufeffTitle with a BOM\n\nThe text after it.\n".encode(),
    "Caf\u00e9 title\n\nLatin-1 bytes.\n".encode("latin-1"),
    "Wide title\n\nUTF-16 with its mark.\n".encode("utf-16"),
])
def test_an_indexed_article_is_named_by_its_text_hash_whatever_its_bytes(tmp_path, data):
    """The build skips the second hash for plain UTF-8 files: every encoding still gets the
    text's own hash (the one sentence caches and tag files use)."""
    from tui.core.search.prepare import from_wire, prepare_job
    from tui.core.segcache import text_sha256

    path = tmp_path / "a.txt"
    path.write_bytes(data)
    prep = from_wire(prepare_job((str(path), 1 << 20)))
    assert prep.article is not None
    assert prep.article.sha256 == text_sha256(prep.article.body)
