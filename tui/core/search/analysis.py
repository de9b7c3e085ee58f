"""The one text analysis of search: index terms for both engines and for matching sentences.

tantivy's own English analyzer (split on non-alphanumerics, drop tokens over 40 bytes, lowercase,
Snowball English stemmer) is used everywhere: tantivy indexes with it, Whoosh is handed its tokens,
and the sentences of a hit are matched with it at query time. One analysis means the two engines
and the sentence matcher agree on what a word is ("warned" finds "warning" in all three).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import tantivy

TOKENIZER = "en_stem"  # tantivy's built-in name for exactly the chain below


@functools.lru_cache(maxsize=1)
def _analyzer() -> tantivy.TextAnalyzer:
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(40))
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.stemmer("english"))
            .build())


def terms(text: str) -> list[str]:
    """The index terms of a text, in order."""
    return list(_analyzer().analyze(text))


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(term, start, end) of every token, offsets in code points of `text`."""
    return [(t.text, t.char_offset_from, t.char_offset_to)
            for t in _analyzer().pre_tokenize(text).tokens]


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The term one typed word stands for ("" when it has no letters or digits)."""
    found = terms(word)
    return found[0] if len(found) == 1 else ""


def wildcard_patterns(pattern: str) -> tuple[str, ...]:
    """A user's wildcard as patterns over index terms (which are stemmed): the pattern as typed
    and, when its literal head stems differently, with the head stemmed too, so `supplying*`
    still finds "supply" (indexed as "suppli")."""
    pattern = pattern.lower()
    cut = min((i for i in (pattern.find("*"), pattern.find("?")) if i >= 0), default=len(pattern))
    head, rest = pattern[:cut], pattern[cut:]
    out = [pattern]
    stemmed = stem(head) if head else ""
    if stemmed and stemmed != head:
        out.append(stemmed + rest)
    return tuple(dict.fromkeys(out))


def wildcard_regex(pattern: str) -> str:
    """A wildcard (`*` any run, `?` one character) as a regular expression over a whole term."""
    return "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)


@functools.lru_cache(maxsize=4096)
def compiled(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{wildcard_regex(p)})" for p in patterns) + r"\Z")


def iter_runs(items: list[str], run: tuple[str, ...]) -> Iterator[int]:
    """Start indexes where `run` occurs in `items` (a phrase in a token list)."""
    n = len(run)
    if not n:
        return
    first = run[0]
    for i, item in enumerate(items):
        if item == first and tuple(items[i : i + n]) == run:
            yield i
