"""What a sentence says, reduced to what two outlets would share when they state the same claim.

Outlets rewrite a claim in their own words but keep its facts: the names, the numbers, the rare
content words ("ammunition", "Su-57", "Pacific Fleet"). Topic words ("Kim", "Russia", "visit")
are shared by every sentence of a story and tell nothing; corpus IDF weights them down. Spelling
variants that differ only in punctuation ("Jong-un" / "Jong Un", "U.S." / "US", curly quotes)
are folded before anything is compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_ABBR = re.compile(r"\b((?:[A-Za-z]\.){2,})")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Words that turn a claim into its denial: a pair where one side has one and the other does not
# says opposite things about the same topic.
_NEGATIONS = frozenset({"not", "no", "never", "nor", "denied", "denies", "deny", "without",
                        "n't", "cannot", "neither", "none", "nothing", "rejected", "rejects",
                        "refused", "refuses"})
STOP = frozenset("""a about above after again against all also am an and any are as at be because
been before being below between both but by can could did do does doing down during each few for
from further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself of off on once only or other our ours ourselves out over
own same she should so some such than that the their theirs them themselves then there these they
this those through to too under until up very was we were what when where which while who whom why
will with would you your yours yourself yourselves said says say told tell according may might
one two new also s its it's""".split())  # noqa: SIM905


def fold(text: str) -> str:
    """Lower-case text with quotes, dashes and dotted abbreviations folded ("U.S." -> "us")."""
    text = text.translate(_FOLD)
    text = _ABBR.sub(lambda m: m.group(1).replace(".", ""), text)
    return text.lower().replace("-", " ")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light suffix strip so "deals"/"deal", "modernizing"/"modernize" meet; never below 4."""
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def words(folded: str) -> list[str]:
    """Content words of folded text, stemmed; stop words dropped."""
    return [stem(w) for w in _WORD.findall(folded) if w not in STOP and len(w) > 1]


@dataclass(frozen=True, slots=True)
class Features:
    """The comparable parts of one sentence."""

    folded: str
    terms: frozenset[str]  # stemmed content words
    numbers: frozenset[str]
    negated: bool
    n_words: int


def features(text: str) -> Features:
    folded = fold(text)
    raw = _WORD.findall(folded)
    terms = frozenset(stem(w) for w in raw if w not in STOP and len(w) > 1)
    numbers = frozenset(n.replace(",", "") for n in _NUMBER.findall(text))
    negated = any(w in _NEGATIONS or w.endswith("n't") for w in raw)
    return Features(folded, terms, numbers, negated, len(raw))
