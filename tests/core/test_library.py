"""The library listing: instant from its cache, exact after a refresh, never parsing everything."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from workspace_helpers import copy_seeds

from tui.core import library
from tui.core.library import ensure_entries, load_library, open_library, refresh_library
from tui.core.tags import TagDoc, make_tag
from tui.core.tagstore import TagStore
from tui.core.workspace import Workspace, open_workspace

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return open_workspace(copy_seeds(tmp_path, labels=False), annotator="ana")


def no_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library, "read_entry", lambda *a: pytest.fail(f"read an article: {a}"))
    monkeypatch.setattr(library, "_read_batch", lambda jobs: pytest.fail(f"read articles: {jobs}"))


def test_cold_open_lists_file_names_without_reading_articles(ws: Workspace, monkeypatch) -> None:
    no_reads(monkeypatch)
    lib = open_library(ws)
    assert [e.id for e in lib] == IDS
    assert all(e.pending and e.title == e.id for e in lib)


def test_refresh_fills_titles_and_saves_the_cache(ws: Workspace) -> None:
    lib = open_library(ws)
    updates = list(refresh_library(ws, lib))
    assert updates[-1].done and lib.verified
    changed = {i: e for u in updates for i, e in u.entries.items()}
    assert sorted(changed) == list(range(5))
    assert (
        lib[3].title
        == "North Korean Leader Kim Jong Un Arrives in Russia Amid Arms Deal Speculations"
    )
    assert (lib[3].source, lib[3].date) == ("inewszone Media", "September 12, 2023")
    assert (lib[2].source, lib[2].byline, lib[2].dateline) == ("time news", "Kim Tong-hyung",
                                                               "SEOUL, South Korea")
    assert not any(e.pending for e in lib)
    assert (ws.cache / library.CACHE_NAME).is_file()


def test_warm_open_reads_only_the_cache(ws: Workspace, monkeypatch) -> None:
    first = load_library(ws)
    no_reads(monkeypatch)
    lib = open_library(ws)
    assert list(lib) == list(first)
    assert lib.index_of("004_0413e7c0cc1f7413") == 4 and lib.index_of("nope") is None
    assert [u.done for u in refresh_library(ws, lib)] == [True]  # nothing changed: nothing re-read


def test_only_changed_added_and_removed_files_are_re_read(ws: Workspace) -> None:
    load_library(ws)
    p = ws.corpus / "001_e98dd6f0637d58e7.txt"
    p.write_text("A brand new headline for this story\n\nBody text.", encoding="utf-8")
    os.utime(p, ns=(1, 1))
    (ws.corpus / "005_new.txt").write_text(
        "Another story arrives in the corpus today\n\nText.", encoding="utf-8"
    )
    (ws.corpus / "000_698a1ff201fa72f9.txt").unlink()
    read: list[str] = []
    real = library._read_batch
    lib = open_library(ws)
    try:
        library._read_batch = lambda jobs: (read.extend(Path(j[0]).name for j in jobs), real(jobs))[
            1
        ]
        updates = list(refresh_library(ws, lib))
    finally:
        library._read_batch = real
    assert sorted(read) == ["001_e98dd6f0637d58e7.txt", "005_new.txt"]
    new = updates[0].library
    assert new is not None and [e.id for e in new] == [*IDS[1:], "005_new"]
    assert new[0].title == "A brand new headline for this story"
    assert new[-1].title == "Another story arrives in the corpus today"
    assert [e.id for e in open_library(ws)] == [*IDS[1:], "005_new"]


def test_bad_files_are_listed_with_their_problem(ws: Workspace) -> None:
    (ws.corpus / "empty.txt").write_bytes(b"")
    (ws.corpus / "latin.txt").write_bytes(
        "Caf\xe9 owners protest the new tax\n\nText.".encode("latin-1")
    )
    (ws.corpus / ".hidden.txt").write_text("x")
    (ws.corpus / "notes.pdf").write_bytes(b"%PDF")
    lib = load_library(ws)
    assert [e.id for e in lib] == [*IDS, "empty", "latin"]
    empty, latin = lib[5], lib[6]
    assert "empty file" in empty.error and empty.title == "empty"
    assert latin.title == "Café owners protest the new tax" and "not valid UTF-8" in latin.warning


def test_ensure_entries_reads_just_the_rows_on_screen(ws: Workspace) -> None:
    lib = open_library(ws)
    got = ensure_entries(ws, lib, range(2))
    assert sorted(got) == [0, 1] and not lib[0].pending and lib[2].pending


def test_tag_counts_are_cached_and_follow_the_files(ws: Workspace, monkeypatch) -> None:
    """Counts are sentences carrying a label: a two-sentence tag counts 2, two tags on one
    sentence count 1, and everyone's counts are a union, not a sum."""
    from tui.core import articles

    aid = "002_ac2d878c38bad475"
    art = articles.load(ws.corpus / f"{aid}.txt")
    text, s = art.text, art.sentences()
    store = TagStore(ws.tags)
    tags = (
        make_tag(aid, text, s[3].start, s[3].end, "speculation"),
        make_tag(aid, text, s[3].start + 2, s[3].end - 2, "speculation"),  # same sentence
        make_tag(aid, text, s[4].start, s[5].end, "speculation"),  # two sentences
        make_tag(aid, text, s[3].start, s[3].end, "warning"),
    )
    store.save("ana", TagDoc(aid, "x", tags))
    store.save("bo", TagDoc(aid, "x", (tags[0], make_tag(aid, text, s[6].start, s[6].end,
                                                              "speculation"))))
    (ws.tags / "bo" / "broken.yaml").write_text("schema: [", encoding="utf-8")
    lib = load_library(ws)
    assert dict(lib.counts[aid]) == {"speculation": 4, "warning": 1}  # sentences 3,4,5,6
    lib.set_scope("ana")
    assert dict(lib.counts[aid]) == {"speculation": 3, "warning": 1}
    lib.set_scope("bo")
    assert dict(lib.counts[aid]) == {"speculation": 2}
    lib.set_scope(None)
    assert len(lib.problems) == 1 and "broken.yaml" in lib.problems[0].message
    assert lib.problems[0].key.endswith("broken.yaml") and lib.problems[0].fatal
    monkeypatch.setattr(TagStore, "load_path", lambda *a: pytest.fail("parsed a tag file"))
    warm = open_library(ws)
    assert warm.counts == lib.counts and warm.problems == lib.problems
    monkeypatch.undo()
    store.save("bo", TagDoc("002_ac2d878c38bad475", "x", ()))
    updates = list(refresh_library(ws, open_library(ws)))
    counts = next(u.counts for u in updates if u.counts is not None)
    assert {label: len(n) for label, n in counts[aid]["ana"].items()} == {
        "speculation": 3, "warning": 1}
    assert "bo" not in counts[aid]


def test_unwritable_cache_folder_still_lists(ws: Workspace) -> None:
    ws.cache.write_text("a file where the cache folder should be")
    assert [e.title for e in load_library(ws)][0].startswith("Concerns rise")


def test_warm_check_recognises_unchanged_rows_with_odd_names(ws: Workspace, monkeypatch) -> None:
    for name in ('quote "and" back\\slash.txt', "tab\tand é.txt", "line\u2028sep.txt"):
        (ws.corpus / name).write_text("A headline for an odd file name\n\nText.", "utf-8")
    first = load_library(ws)
    no_reads(monkeypatch)
    lib = open_library(ws)
    assert [u.done for u in refresh_library(ws, lib)] == [True]
    assert [e.file for e in lib] == [e.file for e in first]


def test_the_cache_keeps_the_widest_source_and_the_unreadable_count(ws: Workspace,
                                                                    monkeypatch) -> None:
    (ws.corpus / "empty.txt").write_bytes(b"")
    first = load_library(ws)
    assert (first.source_cells, first.unreadable) == (max(len(e.source) for e in first), 1)
    monkeypatch.setattr(library, "entry_from_row", lambda row: pytest.fail("decoded a row"))
    warm = library.open_cached(ws)
    assert warm is not None and warm.stats_exact
    assert (warm.source_cells, warm.unreadable) == (first.source_cells, 1)


def test_an_older_cache_is_not_used_its_titles_were_found_by_older_rules(ws: Workspace) -> None:
    first = load_library(ws)
    (ws.cache / library.CACHE_NAME).unlink()
    old = ws.cache / "library-v4.rows"  # what newstag wrote before the byline and dateline
    old.write_bytes(b"stale")
    assert library.open_cached(ws) is None
    lib = open_library(ws)
    assert [e.pending for e in lib] == [True] * 5  # file names: every article is read again
    assert [u.done for u in refresh_library(ws, lib)][-1]
    assert [e.title for e in lib] == [e.title for e in first]
    assert (ws.cache / library.CACHE_NAME).is_file() and not old.exists()


def test_a_cut_short_cache_is_not_used(ws: Workspace) -> None:
    load_library(ws)
    path = ws.cache / library.CACHE_NAME
    path.write_bytes(path.read_bytes()[:-20])
    assert library.open_cached(ws) is None
    assert [e.pending for e in open_library(ws)] == [True] * 5  # file names, then re-read


def test_reading_a_row_early_keeps_the_stats_exact(ws: Workspace) -> None:
    (ws.corpus / "empty.txt").write_bytes(b"")
    lib = open_library(ws)
    ensure_entries(ws, lib, range(len(lib)))
    assert lib.stats_exact and lib.unreadable == 1 and lib.source_cells == len("inewszone Media")


def test_refresh_stops_when_asked_and_saves_nothing(ws: Workspace) -> None:
    lib = open_library(ws)
    assert list(refresh_library(ws, lib, stop=lambda: True)) == []
    steps = iter([False, False, True])  # stat, first batch, then stop
    updates = list(refresh_library(ws, lib, batch=2, stop=lambda: next(steps, True)))
    assert len(updates) == 1 and not updates[0].done and sorted(updates[0].entries) == [0, 1]
    assert not lib.verified and not (ws.cache / library.CACHE_NAME).exists()
