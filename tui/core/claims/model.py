"""The records the claims code hands out: twins of a sentence, claims (clusters of twins)."""

from __future__ import annotations

from dataclasses import dataclass

Span = tuple[int, int]  # (start, end) of a sentence in its article's text, end exclusive


@dataclass(frozen=True, slots=True)
class Twin:
    """A sentence of another article that makes the same claim as the one asked about."""

    article: str
    source: str  # the outlet as the article names it ("" when it does not)
    start: int
    end: int
    text: str
    similarity: float  # 0..1; higher is closer; links exist only above the threshold


@dataclass(frozen=True, slots=True)
class Member:
    """One sentence of a claim."""

    article: str
    source: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Claim:
    """Sentences of two or more articles that make one claim; members sorted by article."""

    members: tuple[Member, ...]

    @property
    def articles(self) -> list[str]:
        return sorted({m.article for m in self.members})


@dataclass(frozen=True, slots=True)
class Link:
    """One same-claim link between sentences of two different articles (a < b by article id)."""

    a: str
    a_span: Span
    b: str
    b_span: Span
    similarity: float
