"""Moving a span's ends by one word (`h`/`l`, `H`/`L` in the reader): narrowing and widening.

When the splitter is wrong, or a claim is half a sentence, the user narrows or widens the
selection by words. A word is a run of non-space characters (punctuation stays with its word,
so `said.` is one step). A span never becomes empty: narrowing stops at its last word, and
widening stops at the text's (or the given limit's) edge.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\S+")


def narrow_end(text: str, start: int, end: int) -> int:
    """`end` moved back past its last word (and the spaces before it); kept if one word is left."""
    i = end
    while i > start and not text[i - 1].isspace():
        i -= 1
    while i > start and text[i - 1].isspace():
        i -= 1
    return i if i > start else end


def widen_end(text: str, start: int, end: int, limit: int | None = None) -> int:
    """`end` moved on to the end of the next word (never past `limit`)."""
    del start  # the same signature as the others: callers pass the span
    stop = len(text) if limit is None else min(limit, len(text))
    m = _WORD.search(text, end, stop)
    return m.end() if m is not None else end


def narrow_start(text: str, start: int, end: int) -> int:
    """`start` moved on past its first word (and the spaces after it); kept if one word is left."""
    i = start
    while i < end and not text[i].isspace():
        i += 1
    while i < end and text[i].isspace():
        i += 1
    return i if i < end else start


def widen_start(text: str, start: int, end: int, limit: int = 0) -> int:
    """`start` moved back to the start of the word before it (never before `limit`)."""
    del end
    i = start
    while i > limit and text[i - 1].isspace():
        i -= 1
    if i == limit:
        return start  # nothing but space before: no word to take in
    while i > limit and not text[i - 1].isspace():
        i -= 1
    return i
