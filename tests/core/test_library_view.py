"""The library's filter and sort (`library_view`) and the done marks (`progress`), on real files."""

from __future__ import annotations

import pytest
from tui_helpers import FIRST, SECOND, workspace

from tui.core import articles
from tui.core.done_marks import done_path, load_done, set_done
from tui.core.library import load_library
from tui.core.library_view import FilterError, make_view, parse_filter, status_of
from tui.core.tags import TagDoc, make_tag
from tui.core.tagstore import TagStore

LABELS = ("speculation", "official statement", "warning")


def test_parse_filter_reads_fields_and_refuses_what_means_nothing() -> None:
    f = parse_filter('Kim label:"official statement" annotator:Bob is:progress', LABELS)
    assert f.words == ("kim",) and f.labels == ("official statement",)
    assert f.annotators == ("bob",) and f.status == "in-progress"
    assert parse_filter("label:official-statement", LABELS).labels == ("official statement",)
    with pytest.raises(FilterError, match="no label 'rumour'"):
        parse_filter("label:rumour", LABELS)
    with pytest.raises(FilterError, match="is:untagged, is:in-progress or is:done"):
        parse_filter("is:finished", LABELS)


def test_no_filter_and_file_order_builds_no_list(tmp_path) -> None:
    lib = load_library(workspace(tmp_path))
    view = make_view(lib, parse_filter(""), "file", "tester", set())
    assert view.order is None and len(view) == 5 and view.row_of(3) == 3


def test_status_and_progress_sort_follow_tags_and_done_marks(tmp_path) -> None:
    ws = workspace(tmp_path)
    art = articles.load(ws.article_path(SECOND))
    s = art.sentences()[2]
    TagStore(ws.tags).save("tester", TagDoc(SECOND, art.sha256, (
        make_tag(SECOND, art.text, s.start, s.end, "warning"),)))
    set_done(ws.tags, "tester", FIRST, True)
    done = load_done(ws.tags, "tester")
    lib = load_library(ws)
    assert status_of(lib, FIRST, "tester", done) == "done"
    assert status_of(lib, SECOND, "tester", done) == "in-progress"
    assert status_of(lib, SECOND, "bob", set()) == "untagged"  # progress is per annotator
    view = make_view(lib, parse_filter(""), "progress", "tester", done)
    order = [lib[i].id for i in view.order]
    assert order[-2:] == [SECOND, FIRST]  # untagged first, then in progress, then done


def test_done_file_is_sorted_lines_and_vanishes_when_empty(tmp_path) -> None:
    ws = workspace(tmp_path)
    set_done(ws.tags, "tester", SECOND, True)
    set_done(ws.tags, "tester", FIRST, True)
    path = done_path(ws.tags, "tester")
    assert path.read_text(encoding="utf-8") == f"{FIRST}\n{SECOND}\n"
    assert list(TagStore(ws.tags).iter_files()) == []  # not mistaken for a tag file
    set_done(ws.tags, "tester", FIRST, False)
    set_done(ws.tags, "tester", SECOND, False)
    assert not path.exists()
