"""The claims table: a row per claim, a column per article (by source), labels in the cells.

This is what the claims view, `newstag claims` and the HTML export show: how each outlet told
each claim. A cell holds the claim's sentence(s) in that article and the labels they got there,
by annotator, so "mine" and "everyone's" are both a filter of the same data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .index import ClaimIndex
from .labels import LabelMap, TagLookup
from .model import Claim, Member


@dataclass(frozen=True)
class Column:
    article: str
    source: str
    title: str = ""

    @property
    def heading(self) -> str:
        """The outlet; an article that names none goes by its headline, else its id."""
        return self.source or self.title or self.article


@dataclass
class Cell:
    members: list[Member] = field(default_factory=list)
    labels: LabelMap = field(default_factory=dict)

    def shown(self, annotator: str | None) -> list[str]:
        """Labels for one annotator (None: everyone's, merged)."""
        if annotator is not None:
            return list(self.labels.get(annotator, []))
        return sorted({lb for labels in self.labels.values() for lb in labels})


@dataclass
class Row:
    claim: Claim
    cells: dict[str, Cell]  # article id -> cell (only the claim's articles)

    @property
    def text(self) -> str:
        """The claim as its first member says it (the row's title)."""
        return self.claim.members[0].text if self.claim.members else ""


@dataclass
class Table:
    columns: list[Column]
    rows: list[Row]


def member_labels(lookup: TagLookup, m: Member) -> LabelMap:
    return lookup.labels(m.article, m.start, m.end)


LabelsOf = Callable[[Member], LabelMap]


def build_table(idx: ClaimIndex, lookup: TagLookup | LabelsOf) -> Table:
    """The table of `idx.claims()`; labels from the tag files (`TagLookup`) or any function
    (the HTML export passes the tags it exports, so its filters hold in the table too)."""
    labels_of: LabelsOf = (lookup if not isinstance(lookup, TagLookup)
                           else (lambda m: member_labels(lookup, m)))
    rows: list[Row] = []
    arts: dict[str, str] = {}
    for claim in idx.claims():
        cells: dict[str, Cell] = {}
        for m in claim.members:
            arts[m.article] = m.source
            cell = cells.setdefault(m.article, Cell())
            cell.members.append(m)
            for who, labels in labels_of(m).items():
                cell.labels[who] = sorted(set(cell.labels.get(who, [])) | set(labels))
        rows.append(Row(claim, cells))
    columns = sorted((Column(a, s, idx.title(a)) for a, s in arts.items()),
                     key=lambda c: (c.source.casefold() or "\uffff", c.article))
    return Table(columns, rows)


def claims_json(idx: ClaimIndex, lookup: TagLookup) -> dict[str, Any]:
    """`newstag claims --json` (DESIGN.md)."""
    return {"claims": [{"members": [
        {"article": m.article, "source": m.source, "start": m.start, "end": m.end,
         "text": m.text, "labels": member_labels(lookup, m)} for m in c.members]}
        for c in idx.claims()]}
