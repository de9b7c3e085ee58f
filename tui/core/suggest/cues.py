"""Cue phrases from `labels.yaml`, matched on word boundaries, case-insensitively.

A cue is a word or phrase (`may`, `experts believe`); the spaces in a phrase match any run of
whitespace (a phrase broken over two lines still matches). A cue ending in `*` also matches
longer words (`warn*`: warn, warns, warned, warning). Matching is one compiled regex over the
whole text, so a 3 MB article costs one pass, not one per cue.

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
        # One regex per label, one group per cue, longer cues first ("experts believe" wins
        # over "believe"); a label's match never hides another label's ("expressed concerns"
        # is both an attribution and a warning).
        self._regexes: list[tuple[re.Pattern[str], dict[str, _Cue]]] = []
        for label in dict.fromkeys(c.label for c in self.cues):
            mine = sorted((i for i, c in enumerate(self.cues) if c.label == label),
                          key=lambda i: -len(self.cues[i].cue))
            groups = {f"c{i}": self.cues[i] for i in mine}
            regex = re.compile("|".join(f"(?P<c{i}>{self.cues[i].pattern})" for i in mine),
                               re.IGNORECASE)
            self._regexes.append((regex, groups))

    @classmethod
    def from_labels(cls, labels: Iterable[object]) -> CueMatcher:
        """From `Label` records (anything with `name` and `cues`)."""
        pairs: list[tuple[str, str]] = []
        for label in labels:
            name = getattr(label, "name", "")
            pairs.extend((name, c) for c in getattr(label, "cues", ()))
        return cls(pairs)

    def __bool__(self) -> bool:
        return bool(self._regexes)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[CueHit]:
        """Cue hits in `text[start:end]`, in text order (per label, a word is in one hit)."""
        stop = len(text) if end is None else end
        hits: list[CueHit] = []
        for regex, groups in self._regexes:
            for m in regex.finditer(text, start, stop):
                cue = groups[m.lastgroup or ""]
                hits.append(CueHit(m.start(), m.end(), cue.label, cue.cue))
        hits.sort(key=lambda h: (h.start, h.end, h.label))
        return hits


def at_sentence_start(text: str, sentence_start: int, offset: int) -> bool:
    """Only quotes, brackets, dashes and spaces between the sentence's start and `offset`."""
    return not text[sentence_start:offset].strip(_QUOTES_AND_SPACE)


def names_a_thing(text: str, hit: CueHit, sentence_start: int, lower_word: bool) -> bool:
    """A lower-case one-word cue met capitalised inside a sentence: a name ("May", "Will")."""
    return (lower_word and text[hit.start].isupper()
            and not at_sentence_start(text, sentence_start, hit.start))
