"""Twins: sentences of different articles that make the same claim, and claims built from them.

The API (what the reader, the claims view, `newstag claims` and the HTML export use):

    from tui.core.claims import ClaimIndex, Twin, Claim, open_index, load, build, twins_of

    # The reader (cheap per article, nothing held in memory):
    refresh(ws)                   # bring .newstag/claims/ up to date with the corpus: a first
                                  # build (minutes at 10k), a changed/new article relinked alone
                                  # (< 1 s). Off the UI thread. Returns True if anything changed.
    twins(ws, article_id)         # -> dict[(start, end), list[Twin]] from the cache: one SQLite
                                  # query, ~1 ms at any size; {} before the first refresh.

    # Everything in memory (claims view, CLI, export):
    idx = open_index(ws)          # refresh(ws), then every link loaded
    idx = load(ws)                # the cache as it is (None when there is none)
    twins = idx.twins_of(article_id)   # also: twins_of(idx, article_id)
    # -> dict[(start, end) of a sentence, list[Twin]], most similar first; a sentence with no
    #    twins is absent. Twin(article, source, start, end, text, similarity).
    #    A dictionary lookup once the index is loaded (first call groups all links once).
    claims = idx.claims()         # list[Claim]; Claim.members: tuple[Member(article, source,
                                  # start, end, text)], each claim spans >= 2 articles
    link_article(idx, ws, article_id, path); save(idx, ws)   # one new/changed article
    TagLookup(ws).labels(article, start, end) -> {annotator: [label, ...]}

Offsets are code points into the article file's text, the reader's sentence spans (so `(s.start,
s.end)` of a reader `Sentence` is the key of `twins_of`). Only claim-bearing sentences get twins:
chrome, bylines, date lines and fragments under six words never do.
"""

from __future__ import annotations

from .index import (
    ClaimIndex,
    build,
    build_from,
    corpus_files,
    link_article,
    load,
    open_index,
    refresh,
    save,
    twins,
)
from .labels import LabelMap, TagLookup
from .linker import THRESHOLD, Params
from .model import Claim, Link, Member, Span, Twin


def twins_of(index: ClaimIndex, article_id: str) -> dict[Span, list[Twin]]:
    """The twins of each sentence of one article (see `ClaimIndex.twins_of`)."""
    return index.twins_of(article_id)


__all__ = ["THRESHOLD", "Claim", "ClaimIndex", "LabelMap", "Link", "Member", "Params", "Span",
           "TagLookup", "Twin", "build", "build_from", "corpus_files", "link_article", "load",
           "open_index", "refresh", "save", "twins", "twins_of"]
