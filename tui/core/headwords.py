"""The words a headline and its lead are compared by (`metadata` picks the headline with them).

A word's stem here is its first five letters, lowercased, possessive cut; stop words and words
under three letters have none. Every article the search index takes in goes through this (its
head lines and 1,500 characters of its lead), so it is written for speed: a word's stem is a
dict lookup after the first time, and on plain English text the lead is never split into words
at all: each headline stem is looked for where a word starts (`Lead.shared`).
"""

from __future__ import annotations

import re

from .chrome import STOPWORDS, WORD

__all__ = ["Lead", "stems"]

_PLAIN = re.compile(r"[\x00-\x7f‘’“”–—…]*")  # English as typed
# `chrome.WORD` on plain text, lowercased: there its letters are [a-z] and its word characters
# [a-z0-9_] (lowercasing plain text changes no character's class).
_PLAIN_WORD = re.compile(r"[a-z][a-z0-9_'’-]*")
_NOT_LETTER_IN_WORD = frozenset("0123456789_'’-")  # word characters a word cannot start with
_IN_WORD = frozenset("abcdefghijklmnopqrstuvwxyz") | _NOT_LETTER_IN_WORD


def _plain(text: str) -> bool:
    return text.isascii() or _PLAIN.fullmatch(text) is not None  # isascii: one pass in C


class _StemMemo(dict[str, str]):
    """word -> its stem, "" for a stop word or a short one; a language's words come back again
    and again, so after the first time a stem is a dict lookup in C."""

    def __missing__(self, word: str) -> str:
        if len(self) > 200_000:  # bounded: a corpus in many languages cannot grow it forever
            self.clear()
        w = word.lower().strip("'’-")
        if len(w) < 3 or w in STOPWORDS:
            stem = ""
        else:
            stem = (w[:-2] if w.endswith(("'s", "’s")) else w)[:5]
        self[word] = stem
        return stem


_STEM = _StemMemo()


def stems(line: str) -> set[str]:
    """The stems of a line's content words (`chrome.content_words`)."""
    words = _PLAIN_WORD.findall(line.lower()) if _plain(line) else WORD.findall(line)
    out = set(map(_STEM.__getitem__, words))
    out.discard("")
    return out


class Lead:
    """The start of an article's story, asked how many of a headline's stems it has."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._low = text.lower() if _plain(text) else None
        self._stems: set[str] | None = None

    def shared(self, own: set[str]) -> int:
        """len(own & stems(lead)). On plain text without splitting the lead: each stem is found
        with str.find, and an occurrence counts when a word starts there (no letter before it
        in its run of word characters) and that word's stem is the stem."""
        low = self._low
        if low is None:
            if self._stems is None:
                self._stems = stems(self.text)
            return len(own & self._stems)
        n = 0
        for s in own:
            i = low.find(s)
            while i != -1:
                k = i - 1
                while k >= 0 and low[k] in _NOT_LETTER_IN_WORD:
                    k -= 1
                if k < 0 or low[k] not in _IN_WORD:  # a word starts at i
                    m = _PLAIN_WORD.match(low, i)
                    if m is not None and _STEM[m.group()] == s:
                        n += 1
                        break
                i = low.find(s, i + 1)
        return n
