"""Segmenter properties on any text: exact, ordered, disjoint, blank-line-safe, complete."""

from __future__ import annotations

import bisect

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core import sentences as seg

TOKENS = [
    "U.S.",
    "U.N.",
    "Mr.",
    "Sept.",
    "a.m.",
    "p.m.",
    "No.",
    "3.5",
    "10:30",
    "2023-09-16",
    "Kim",
    "said",
    "the",
    ".",
    "!",
    "?",
    "...",
    "…",
    ",",
    ";",
    ":",
    "“",
    "”",
    '"',
    "'",
    "’",
    "(",
    ")",
    "[",
    "]",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\xa0",
    "\u2028",
    "\x0c",
    "A",
    "b",
    "1",
    "é",
    "🚀",
    "-",
    "—",
]
news_like = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=4)), max_size=80).map(
    "".join
)
any_text = st.one_of(news_like, st.text(max_size=300))


def check(text: str) -> list[seg.Span]:
    spans = seg.segment(text)
    prev_end = 0
    for s in spans:
        assert 0 <= prev_end <= s.start < s.end <= len(text)  # ordered, disjoint, in range
        piece = text[s.start : s.end]
        assert piece == piece.strip() and piece  # trimmed, never empty
        assert seg.BLANK_LINE.search(piece) is None  # never crosses a blank line
        prev_end = s.end
    starts = [s.start for s in spans]
    for i, ch in enumerate(text):  # every non-space character is in a sentence
        if not ch.isspace():
            j = bisect.bisect_right(starts, i) - 1
            assert j >= 0 and spans[j].start <= i < spans[j].end, (i, ch)
    return spans


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_segmenter_properties(text: str) -> None:
    check(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(news_like, min_size=1, max_size=6))
def test_blocks_segment_independently(paragraphs: list[str]) -> None:
    """A blank line is a hard wall: segmenting the whole is segmenting each block."""
    text = "\n\n".join(paragraphs)
    whole = [(s.start, s.end) for s in check(text)]
    per_block = [(s.start, s.end) for b in seg.blocks(text) for s in seg.split_block(text, b)]
    assert whole == per_block
