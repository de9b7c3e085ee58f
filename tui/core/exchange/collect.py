"""Gathering tags for an export: filters, one check per tag, and the list of what was left out.

Tags are read as they stand on the article's *current* text (`current.current_doc`): a tag file
made on an earlier version is re-anchored in memory, never written, so an export holds the same
tags in the same places as the annotator's own reader, and leaves out only real orphans.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .. import articles
from ..articles import Article
from ..current import current_doc
from ..labels import LabelSet
from ..segcache import SegmentCache
from ..tags import Tag, TagDoc
from ..tagstore import TagFileError, TagStore
from ..textfile import TextFileError
from ..workspace import Workspace


@dataclass(frozen=True, slots=True)
class Item:
    """One tag ready to export: checked against its article's current text."""

    article_id: str
    annotator: str
    tag: Tag
    sentence: int  # 1-based number of the sentence holding the tag's start; 0 when none does


@dataclass(frozen=True, slots=True)
class Skipped:
    """A tag (or a whole file) an export left out, and why."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class Collection:
    """What an export writes: the articles in id order and their checked tags in document order."""

    labels: LabelSet
    articles: dict[str, Article] = field(default_factory=dict)
    items: list[Item] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    placed: list[str] = field(default_factory=list)  # files re-anchored in memory, one line each

    def by_article(self) -> dict[str, list[Item]]:
        out: dict[str, list[Item]] = {aid: [] for aid in self.articles}
        for item in self.items:
            out.setdefault(item.article_id, []).append(item)
        return out

    @property
    def annotators(self) -> list[str]:
        return sorted({i.annotator for i in self.items})

    def color(self, label: str) -> str:
        found = self.labels.by_name(label)
        return found.color if found else "gray"


def orphan_advice(annotator: str) -> str:
    """What to do about an orphan: only its own annotator re-attaches it (their file)."""
    return (f"`newstag validate` lists it; {annotator} re-attaches or deletes it in the Orphans "
            "view (ctrl+p, Orphans)")


def check_tag(article: Article, tag: Tag, annotator: str) -> str | None:
    """Why this tag (already placed with `place`) cannot be used, or None when its anchors hold."""
    if tag.orphan:
        return ("orphaned: its quote is no longer in the article's current text; "
                + orphan_advice(annotator))
    if tag.end > len(article.text) or article.text[tag.start : tag.end] != tag.quote:
        # `place` re-anchors every tag that does not fit, so this is a file edited by hand
        # with the article's current hash; only a person can say where the tag belongs.
        return (f"offsets {tag.start}-{tag.end} do not match its quote in the current article; "
                "`newstag validate` names the line to fix")
    return None


def place(doc: TagDoc, article: Article,
          wanted: Iterable[str] | None = None) -> tuple[TagDoc, str | None]:
    """`doc` on the article's current text (in memory only), and what moved when something did.

    `wanted`: the ids the caller will use (the summary counts only those); default all.
    """
    placed, report = current_doc(doc, article)
    if report is None:
        return placed, None
    ids = set(wanted) if wanted is not None else {t.id for t in doc.tags}
    moved = sum(1 for i in report.exact + report.fuzzy if i in ids)
    orphaned = sum(1 for i in report.orphaned if i in ids)
    if not (moved or orphaned):
        return placed, None
    why = (f"made on an earlier version of article {article.id}"
           if doc.text_sha256 != article.sha256 else "some offsets do not fit its quotes")
    counts = [f"{moved} re-found"] if moved else []
    counts += [f"{orphaned} orphaned"] if orphaned else []
    return placed, f"{why} ({', '.join(counts)})"


def placed_note(path: object, what: str) -> str:
    """The note a reader prints when it placed a file's tags in memory."""
    return f"{path}: {what}; placed on its current text here; the file itself is unchanged"


class ArticleCache:
    """Articles by id, each read once; a missing or unreadable article is remembered as a reason."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._got: dict[str, Article | str] = {}
        # Sentence spans cached by text hash in .newstag/ (shared with the TUI): segmenting a
        # large corpus again for every export or `agree` would be the slow part.
        self._spans = SegmentCache.for_workspace_cache(ws.cache)

    def get(self, article_id: str) -> Article | str:
        if article_id not in self._got:
            path = self.ws.article_path(article_id)
            if path is None:
                self._got[article_id] = (
                    f"article {article_id!r} is not in the corpus ({self.ws.corpus})"
                )
            else:
                try:
                    self._got[article_id] = articles.load(path, self._spans)
                except TextFileError as exc:
                    self._got[article_id] = str(exc)
        return self._got[article_id]


def _wanted(value: str, chosen: set[str]) -> bool:
    return not chosen or value in chosen


def collect(
    ws: Workspace,
    labels: LabelSet,
    only_labels: Iterable[str] = (),
    only_annotators: Iterable[str] = (),
    only_articles: Iterable[str] = (),
    cache: ArticleCache | None = None,
) -> Collection:
    """Every tag that passes the filters and the check; the rest listed in `skipped`."""
    want_labels, want_annot, want_art = set(only_labels), set(only_annotators), set(only_articles)
    cache = cache or ArticleCache(ws)
    col = Collection(labels)
    store = TagStore(ws.tags)
    found: list[Item] = []
    for aid in sorted(want_art):
        got = cache.get(aid)
        if isinstance(got, Article):
            col.articles[aid] = got
    for annotator, path in store.iter_files():
        if not _wanted(annotator, want_annot):
            continue
        try:
            loaded = store.load_path(path)
        except TagFileError as exc:
            col.skipped.append(Skipped(str(path), f"whole file left out: {exc}"))
            continue
        doc = loaded.doc
        if doc is None or not _wanted(doc.article, want_art):
            continue
        tags = [t for t in doc.tags if _wanted(t.label, want_labels)]
        if not tags:
            continue
        got = cache.get(doc.article)
        if isinstance(got, str):
            col.skipped.append(Skipped(str(path), f"{len(tags)} tag(s) left out: {got}"))
            continue
        doc, moved = place(doc, got, (t.id for t in tags))
        if moved:
            col.placed.append(placed_note(path, moved))
        for tag in doc.tags:
            if not _wanted(tag.label, want_labels):
                continue
            reason = check_tag(got, tag, annotator)
            if reason:
                col.skipped.append(Skipped(f"{path} tag {tag.id} ({tag.label})", reason))
                continue
            sent = got.sentence_at(tag.start)
            found.append(Item(doc.article, annotator, tag, sent.index + 1 if sent else 0))
            col.articles[doc.article] = got
    found.sort(key=lambda i: (i.article_id, i.tag.start, i.tag.end, i.tag.label, i.annotator))
    col.articles = dict(sorted(col.articles.items()))
    col.items = found
    return col
