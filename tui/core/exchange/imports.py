"""Bringing tags in: anchor each one against the article text, check it, merge it into the store.

Every reader turns its format into `Candidate`s; from there all formats share one path, the same
checks a keyed-in tag gets: the label must be in labels.yaml (unknown labels are reported, never
invented), the span must hold text, and the quote must be found in the article — at its offsets,
or else where the quote and its context say it now is (reported as moved).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..articles import Article, text_sha256
from ..identity import safe_name
from ..labels import LabelSet
from ..tags import Tag, TagDoc, make_tag
from ..tagstore import TagFileError, TagStore
from ..workspace import ARTICLE_SUFFIXES, Workspace
from .collect import ArticleCache, place

MAX_HITS = 1000


@dataclass(frozen=True)
class Candidate:
    """A tag as another tool wrote it, before anchoring. `where` is `file:line` for messages."""

    where: str
    label: str
    start: object
    end: object
    article_id: str | None = None
    text: str | None = None  # the document text the offsets were made on, when the format has it
    quote: str | None = None
    prefix: str = ""
    suffix: str = ""
    note: str = ""
    created: str = ""
    annotator: str | None = None


@dataclass
class ReadResult:
    candidates: list[Candidate] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    added: Counter[str] = field(default_factory=Counter)  # annotator -> tags added
    already: int = 0
    moved: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unknown_labels: dict[str, list[str]] = field(default_factory=dict)  # label -> where seen
    written: list[Path] = field(default_factory=list)

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    def lines(self) -> list[str]:
        out = list(self.problems)
        for label, wheres in sorted(self.unknown_labels.items()):
            out.append(
                f"{wheres[0]}: unknown label {label!r} ({len(wheres)} tag(s)) not imported; add it "
                "to tags/labels.yaml or map it with --map OLD=NEW"
            )
        out.extend(self.moved)
        return out


def json_lines(text: str, name: str, result: ReadResult) -> Iterator[tuple[int, object]]:
    """Parsed objects of a JSON Lines text with their line numbers; bad lines become problems."""
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            yield lineno, json.loads(line)
        except json.JSONDecodeError as exc:
            result.problems.append(
                f"{name}:{lineno}: not valid JSON ({exc.msg}, column {exc.colno}); line skipped"
            )


def line_of(text: str, needle: str, default: int = 1) -> int:
    idx = text.find(needle)
    return text.count("\n", 0, idx) + 1 if idx >= 0 else default


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def anchor(c: Candidate, article: Article) -> tuple[int, int, str | None] | str:
    """Where the candidate lands: (start, end, how it moved), or why it cannot land."""
    s, e = c.start, c.end
    by_quote_only = s is None and e is None and bool(c.quote)
    if by_quote_only:
        s = e = 0
    elif not (_is_int(s) and _is_int(e)) or s < 0 or e <= s:  # type: ignore[operator]
        return f"start/end ({s!r}, {e!r}) must be whole numbers with 0 <= start < end"
    assert isinstance(s, int) and isinstance(e, int)
    text = article.text
    quote = c.quote
    if quote is None and c.text is not None:
        if e > len(c.text):
            return (f"offsets {s}-{e} run past the end of the text it came with "
                    f"({len(c.text)} characters)")
        quote = c.text[s:e]
    if quote is None:
        if e > len(text):
            return (
                f"offsets {s}-{e} run past the end of article {article.id} ({len(text)} characters)"
            )
        quote = text[s:e]
    if not quote.strip():
        return f"the span {s}-{e} holds no text"
    if text[s:e] == quote:
        return s, e, None
    hits: list[int] = []
    at = text.find(quote)
    while at >= 0 and len(hits) < MAX_HITS:
        hits.append(at)
        at = text.find(quote, at + 1)
    if not hits:
        short = quote if len(quote) <= 60 else quote[:57] + "..."
        return f"its quote {short!r} is not in article {article.id} (different text?)"

    def score(pos: int) -> tuple[int, int]:
        ctx = int(bool(c.prefix) and text[:pos].endswith(c.prefix)) + int(
            bool(c.suffix) and text[pos + len(quote) :].startswith(c.suffix)
        )
        return (-ctx, abs(pos - s))

    best = min(hits, key=score)
    if by_quote_only:
        return best, best + len(quote), None
    return (
        best,
        best + len(quote),
        f"moved from {s}-{e} to {best}-{best + len(quote)} (found its quote)",
    )


class _TextIndex:
    """Corpus articles by text hash, built only when an import has text but no usable article id."""

    def __init__(self, ws: Workspace, cache: ArticleCache) -> None:
        self.ws, self.cache = ws, cache
        self._by_hash: dict[str, str] | None = None

    def find(self, text: str) -> Article | None:
        if self._by_hash is None:
            self._by_hash = {}
            for path in sorted(self.ws.corpus.iterdir()):
                if path.suffix in ARTICLE_SUFFIXES and path.is_file():
                    got = self.cache.get(path.stem)
                    if isinstance(got, Article):
                        self._by_hash.setdefault(got.sha256, got.id)
        aid = self._by_hash.get(text_sha256(text))
        found = self.cache.get(aid) if aid else None
        return found if isinstance(found, Article) else None


def _article_for(c: Candidate, cache: ArticleCache, texts: _TextIndex) -> Article | str:
    reason = "it names no article and carries no text to find one by"
    if c.article_id:
        got = cache.get(c.article_id)
        if isinstance(got, Article):
            return got
        reason = got
    if c.text is not None:
        found = texts.find(c.text)
        if found is not None:
            return found
        reason = (
            "no article in the corpus has its text"
            + (f" and {reason}" if c.article_id else "")
            + "; import the article first (newstag import)"
        )
    return reason


def import_tags(
    ws: Workspace,
    labels: LabelSet,
    read: ReadResult,
    annotator: str | None = None,
    label_map: Mapping[str, str] | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Anchor, check and merge the candidates into the tag files; existing tags stay as they are."""
    report = ImportReport(problems=list(read.problems))
    cache = ArticleCache(ws)
    texts = _TextIndex(ws, cache)
    known = set(labels.names)
    label_map = label_map or {}
    planned: dict[tuple[str, str], list[Tag]] = {}
    arts: dict[str, Article] = {}
    for c in read.candidates:
        label = label_map.get(c.label, c.label)
        if label not in known:
            report.unknown_labels.setdefault(label, []).append(c.where)
            continue
        art = _article_for(c, cache, texts)
        if isinstance(art, str):
            report.problems.append(f"{c.where}: {art}; skipped")
            continue
        placed = anchor(c, art)
        if isinstance(placed, str):
            report.problems.append(f"{c.where}: {placed}; skipped")
            continue
        start, end, moved = placed
        if moved:
            report.moved.append(f"{c.where}: {moved}")
        who = safe_name(annotator or c.annotator or ws.annotator)
        tag = make_tag(art.id, art.text, start, end, label, c.note, c.created or None)
        planned.setdefault((who, art.id), []).append(tag)
        arts[art.id] = art
    store = TagStore(ws.tags)
    for (who, aid), new in sorted(planned.items()):
        _merge_into(store, who, arts[aid], new, report, dry_run)
    return report


def _merge_into(
    store: TagStore, who: str, art: Article, new: list[Tag], report: ImportReport, dry_run: bool
) -> None:
    try:
        loaded = store.load(who, art.id)
    except TagFileError as exc:
        report.problems.append(f"{exc}; {len(new)} tag(s) for it not imported")
        return
    doc = loaded.doc or TagDoc(art.id, art.sha256)
    # The file may have been made on an earlier version of the article: its tags are placed on
    # the current text (as its annotator's reader would) before the new ones join them, and
    # saved that way, since this import rewrites the file anyway. Orphans stay in it.
    doc, moved = place(doc, art)
    have = {(t.label, t.start, t.end) for t in doc.tags if not t.orphan}
    added: list[Tag] = []
    for tag in new:
        key = (tag.label, tag.start, tag.end)
        if key in have:
            report.already += 1
            continue
        have.add(key)
        added.append(tag)
    if not added:
        return
    path = store.path_for(who, art.id)
    if not dry_run:
        try:
            store.save(who, TagDoc(art.id, art.sha256, doc.tags + tuple(added)), base=loaded)
        except TagFileError as exc:
            report.problems.append(f"{exc}; {len(added)} tag(s) for it not imported")
            return
        report.written.append(path)
    report.added[who] += len(added)
    if moved:
        report.moved.append(f"{path}: {moved}; its tags were placed on the article's current "
                            "text" + (" and saved so with the new ones" if not dry_run else ""))
