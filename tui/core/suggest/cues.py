"""Cue phrases from `labels.yaml`, matched on word boundaries, case-insensitively.

A cue is a word or phrase (`may`, `experts believe`); the spaces in a phrase match any run of
whitespace (a phrase broken over two lines still matches). A cue ending in `*` also matches
longer words (`warn*`: warn, warns, warned, warning). Within a label, the longest cue at a
place wins and a label's hits never overlap ("experts believe" is one hit, not two); two labels
may both hit the same words ("expressed concerns": an attribution and a warning).

Speed: one regex of the cues' first words finds the few places worth a look (on lower-cased
text with no IGNORECASE, which Python's engine scans several times faster), and only there is
each cue tried. A 3 MB article costs one pass (~0.2 s on a loaded machine), not one per cue.

A one-word cue written in lower case does not match the word capitalised inside a sentence:
there it is a name or a month ("in May", "Theresa May"), not the hedge the cue means.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_QUOTES_AND_SPACE = " \t\r\n\"'“”‘’«»([—–-"


@dataclass(frozen=True, slots=True)
class CueHit:
    """One cue found in the text: `text[start:end]` matched `cue` of `label`."""

    start: int
    end: int
    label: str
    cue: str


@dataclass(frozen=True, slots=True)
class _Cue:
    label: str
    cue: str  # as written in labels.yaml (its name in statistics)
    pattern: str
    one_lower_word: bool


def normalize(cue: str) -> str:
    """The form a cue is known by: trimmed, inner whitespace collapsed, lower case."""
    return " ".join(cue.split()).lower()


def _pattern(cue: str) -> str | None:
    body = normalize(cue)
    prefix = body.endswith("*")
    body = body.rstrip("*").strip()
    if not body:
        return None
    words = [re.escape(w) for w in body.split()]
    return r"(?<!\w)" + r"\s+".join(words) + (r"\w*" if prefix else r"(?!\w)")


class CueMatcher:
    """Every label's cues as one regex; `find` yields each hit with the cue and label it was."""

    def __init__(self, cues: Iterable[tuple[str, str]]) -> None:
        """`cues`: (label name, cue as written) pairs; blank or duplicate cues are ignored."""
        seen: set[tuple[str, str]] = set()
        self.cues: list[_Cue] = []
        for label, cue in cues:
            key = (label, normalize(cue))
            pat = _pattern(cue)
            if pat is None or key in seen:
                continue
            seen.add(key)
            bare = key[1].rstrip("*")
            self.cues.append(_Cue(label, key[1], pat, bare.isalpha() and bare == bare.lower()))
        # Longest first: the first cue of a label that matches at a place is its hit there.
        self.cues.sort(key=lambda c: -len(c.cue))
        self._tries: dict[str, list[tuple[_Cue, re.Pattern[str]]]] = {}
        firsts: dict[str, str] = {}
        for c in self.cues:
            self._tries.setdefault(c.cue[0], []).append((c, re.compile(c.pattern)))
            word = c.cue.split()[0].rstrip("*")  # where a cue can start: its first word's start
            edge = r"\b" if word[:1].isalnum() or word[:1] == "_" else r"(?<!\w)"
            firsts[word] = edge + re.escape(word)
        alts = sorted(firsts.values(), key=len, reverse=True)
        self._finder = re.compile("|".join(alts)) if alts else None
        self._finder_ci = re.compile("|".join(alts), re.IGNORECASE) if alts else None

    @classmethod
    def from_labels(cls, labels: Iterable[object]) -> CueMatcher:
        """From `Label` records (anything with `name` and `cues`)."""
        pairs: list[tuple[str, str]] = []
        for label in labels:
            name = getattr(label, "name", "")
            pairs.extend((name, c) for c in getattr(label, "cues", ()))
        return cls(pairs)

    def __bool__(self) -> bool:
        return self._finder is not None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[CueHit]:
        """Cue hits in `text[start:end]`, in text order."""
        if self._finder is None or self._finder_ci is None:
            return []
        stop = len(text) if end is None else end
        low = text.lower()
        if len(low) != len(text):  # a character whose lower case is longer: offsets would drift
            low, finder = text, self._finder_ci
            tries = {k: [(c, re.compile(c.pattern, re.IGNORECASE)) for c, _ in v]
                     for k, v in self._tries.items()}
        else:
            finder, tries = self._finder, self._tries
        hits: list[CueHit] = []
        last_end: dict[str, int] = {}
        for m in finder.finditer(low, start, stop):
            pos = m.start()
            done: set[str] = set()
            for cue, regex in tries.get(low[pos].lower(), ()):
                if cue.label in done or last_end.get(cue.label, -1) > pos:
                    continue
                found = regex.match(low, pos, stop)
                if found is not None:
                    done.add(cue.label)
                    last_end[cue.label] = found.end()
                    hits.append(CueHit(pos, found.end(), cue.label, cue.cue))
        hits.sort(key=lambda h: (h.start, h.end, h.label))
        return hits


def at_sentence_start(text: str, sentence_start: int, offset: int) -> bool:
    """Only quotes, brackets, dashes and spaces between the sentence's start and `offset`."""
    return not text[sentence_start:offset].strip(_QUOTES_AND_SPACE)


def names_a_thing(text: str, hit: CueHit, sentence_start: int, lower_word: bool) -> bool:
    """A lower-case one-word cue met capitalised inside a sentence: a name ("May", "Will")."""
    return (lower_word and text[hit.start].isupper()
            and not at_sentence_start(text, sentence_start, hit.start))
