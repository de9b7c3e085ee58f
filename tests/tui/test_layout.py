"""The reader's pure parts: wrapping, sentence navigation, tag marks, search highlighting."""

from __future__ import annotations

from array import array

from tui_helpers import CHROMY, REPO

from tui.core import articles
from tui.core.sentence_nav import SentenceNav
from tui.core.tags import TagDoc, make_tag
from tui.widgets.layout import irregular_chars, layout, wrap
from tui.widgets.line_painter import highlight_pattern
from tui.widgets.marks import Marks


def lines(text: str, width: int) -> list[str]:
    starts, ends = array("q"), array("q")
    wrap(text, 0, len(text), width, starts, ends)
    return [text[a:b] for a, b in zip(starts, ends, strict=True)]


def test_wrap_breaks_at_spaces_and_cuts_words_longer_than_a_line() -> None:
    assert lines("aaaa bbbb cccccccccccc d", 5) == ["aaaa", "bbbb", "ccccc", "ccccc", "cc d"]
    assert lines("short", 80) == ["short"]
    assert lines("two  spaces here", 4) == ["two", "spac", "es", "here"]


def test_wrap_counts_cells_for_wide_characters() -> None:
    text = "中文中文中文 abc 中文中文"
    assert irregular_chars(text) == {"中", "文"}
    assert lines(text, 8) == ["中文中文", "中文 abc", "中文中文"]
    # controls are drawn as one visible glyph each, so they stay one cell wide
    assert irregular_chars("a\x1b[2J\u202e") == frozenset()


def test_layout_keeps_offsets_and_separates_blocks() -> None:
    text = "Title line here\n\nFirst para is long enough to wrap at twenty.\nHard line\n\nEnd."
    art = articles.parse(text, "t")
    lay = layout(text, art.blocks, 20)
    shown = [(text[a:b], blk) for a, b, blk in zip(lay.starts, lay.ends, lay.blocks, strict=True)]
    assert shown[0] == ("Title line here", 0)
    assert shown[1] == ("", -1)
    assert [s for s, blk in shown if blk == 1] == [
        "First para is long", "enough to wrap at", "twenty.", "Hard line"]
    assert shown[-1] == ("End.", 2)
    assert lay.line_of(text.index("twenty")) == 4
    assert lay.line_span(text.index("First"), text.index("Hard")) == (2, 4)


def test_navigation_skips_chrome_unless_asked_and_knows_indexes() -> None:
    art = articles.load(REPO / "seeds" / f"{CHROMY}.txt")
    nav = SentenceNav(art)
    first = nav.first()
    assert first.title and not first.chrome
    assert nav.first(skip_chrome=False).chrome
    stops = []
    s = first
    while s is not None:
        stops.append(s)
        s = nav.next(s)
    assert not any(x.chrome for x in stops)
    assert nav.prev(first) is None and nav.prev(first, skip_chrome=False) is not None
    assert nav.last() == stops[-1]
    every = art.sentences()
    for s in stops[:5]:
        assert nav.index_of(s) == next(i for i, x in enumerate(every) if x.start == s.start)
    assert nav.at_index(4).start == every[4].start
    picked = nav.between(stops[3], stops[1])
    assert [x.start for x in picked] == [x.start for x in stops[1:4]]
    assert nav.containing(stops[2].start + 3).start == stops[2].start
    assert nav.nearest(0).start == first.start  # chrome at offset 0: the next stop


def test_marks_find_overlaps_and_the_next_tagged_sentence() -> None:
    text = "One sentence. Two sentence. Three sentence."
    mine = TagDoc("a", "", (make_tag("a", text, 0, 13, "speculation"),
                            make_tag("a", text, 28, 43, "warning", note="n")))
    theirs = {"bob": TagDoc("a", "", (make_tag("a", text, 14, 27, "warning"),))}
    marks = Marks.from_docs("me", mine, theirs)
    assert [(m.annotator, m.start) for m in marks.overlapping(10, 20)] == [("me", 0), ("bob", 14)]
    assert marks.next_start(13) == 14 and marks.prev_start(14) == 0 and marks.next_start(29) is None
    assert marks.tagged_spans() == {(0, 13), (28, 43)}
    assert [m.note for m in marks.on(28, 43)] == ["n"]


def test_highlight_pattern_matches_words_phrases_and_longer_forms() -> None:
    pat = highlight_pattern(["warn", "arms deal", ""])
    text = "They warned of an arms\ndeal; a warning; swarm."
    assert [m.group() for m in pat.finditer(text)] == ["warned", "arms\ndeal", "warning"]
    assert highlight_pattern([]) is None and highlight_pattern(["  "]) is None
    assert highlight_pattern(["[x"]).search("a [x b")  # regex characters are literal
