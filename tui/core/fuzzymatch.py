"""Approximate search for a quote in a text: candidate places voted by words, then alignment.

The primitives behind `anchoring`'s fuzzy step, kept apart from its policy (what to trust, what
to orphan). Pure Python (difflib): re-anchoring runs once per changed article, not per keystroke.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import Match, SequenceMatcher

COMMON = 60  # a word more frequent than this in the text says little about where a quote is
WORD = re.compile(r"\w+")
END_PUNCT = ".!?…\"”’')]"


@dataclass
class Text:
    """The new article text with a word index built on first need (fuzzy search only)."""

    text: str
    _words: dict[str, list[int]] | None = field(default=None, repr=False)

    def positions(self, word: str) -> list[int]:
        if self._words is None:
            index: dict[str, list[int]] = defaultdict(list)
            for m in WORD.finditer(self.text):
                index[m.group().casefold()].append(m.start())
            self._words = dict(index)
        return self._words.get(word.casefold(), [])


def similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def candidates(quote: str, t: Text) -> list[int]:
    """Likely start offsets of the quote in the new text, voted by the quote's less common words.

    Each occurrence of a quote word votes for where the quote would start (in buckets of a quarter
    of the quote's length); the four buckets with the most distinct words win, neighbours merged.
    """
    bucket = max(8, len(quote) // 4)
    votes: dict[int, set[str]] = defaultdict(set)
    for m in WORD.finditer(quote):
        word = m.group()
        if len(word) < 3:
            continue
        pos = t.positions(word)
        if not pos or len(pos) > COMMON:
            continue
        for p in pos:
            votes[(p - m.start()) // bucket].add(word.casefold())
    score = {b: len(votes[b]) + 0.5 * (len(votes.get(b - 1, ())) + len(votes.get(b + 1, ())))
             for b in votes}
    chosen: list[int] = []
    for b in sorted(score, key=lambda k: (-score[k], k)):
        if all(abs(b - c) > 1 for c in chosen):
            chosen.append(b)
            if len(chosen) == 4:
                break
    return [max(0, b * bucket) for b in chosen]


def snap_words(text: str, start: int, end: int, quote: str) -> tuple[int, int]:
    """Do not cut words; keep the closing punctuation the quote had; trim whitespace."""
    while 0 < start < end and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while start < end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    closing = len(quote) - len(quote.rstrip(END_PUNCT))
    have = len(text[start:end]) - len(text[start:end].rstrip(END_PUNCT))
    while have < closing and end < len(text) and text[end] in END_PUNCT:
        end += 1
        have += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def align(quote: str, text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The span of text[lo:hi] lining up with the quote, reaching a little for unmatched ends."""
    matcher = SequenceMatcher(None, quote, text[lo:hi], autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= 3]

    def stray(x: Match, y: Match) -> bool:  # y follows x much further in the text than the quote
        return (y.b - x.b - x.size) - (y.a - x.a - x.size) > 30

    while len(blocks) > 1 and stray(blocks[0], blocks[1]):
        blocks.pop(0)
    while len(blocks) > 1 and stray(blocks[-2], blocks[-1]):
        blocks.pop()
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    start = lo + first.b - min(first.a, 24)
    end = lo + last.b + last.size + min(len(quote) - last.a - last.size, 24)
    return max(0, start), min(len(text), end)
