"""Suggestions worked out piece by piece equal the whole article's, and stepping finds them."""

from __future__ import annotations

from pathlib import Path

from tui.core import articles
from tui.core.labels import load_labels
from tui.core.suggest.cues import CueMatcher
from tui.core.suggest.engine import propose
from tui.core.suggest.lazy import BlockSuggestions

REPO = Path(__file__).resolve().parents[2]
MATCHER = CueMatcher.from_labels(load_labels(REPO / "tags" / "labels.yaml").labels)


def test_piece_by_piece_equals_the_whole_article_and_steps_in_order() -> None:
    for path in sorted((REPO / "seeds").glob("*.txt")):
        eager_art, lazy_art = articles.load(path), articles.load(path)
        sents = [(s.start, s.end, s.chrome) for s in eager_art.sentences()]
        eager = propose(eager_art.id, eager_art.text, sents, MATCHER)
        lazy = BlockSuggestions(lazy_art, MATCHER)
        assert not lazy_art.segmented  # nothing worked out before it is asked for
        for s in eager.items:
            assert s in lazy.on(s.start, s.end)
        assert lazy.all == eager.items
        assert list(lazy.after(0)) == eager.items
        assert list(lazy.before(len(lazy_art.text))) == eager.items[::-1]
        middle = eager.items[len(eager.items) // 2].start
        assert list(lazy.after(middle)) == [s for s in eager.items if s.start >= middle]
        assert list(lazy.before(middle)) == [s for s in eager.items if s.start < middle][::-1]


def test_a_huge_one_line_article_is_only_looked_at_where_asked() -> None:
    sentence = "Experts believe Kim may supply ammunition, officials said. "
    text = "A headline\n\n" + sentence * 50_000
    art = articles.parse(text, "big")
    lazy = BlockSuggestions(art, MATCHER)
    first = next(lazy.after(0))
    assert first.start == text.index("Experts")
    assert {s.label for s in lazy.on(first.start, first.end)} == {"speculation",
                                                                   "official statement"}
    assert len(lazy._pieces) <= 2  # the headline's and the first piece of the huge line
