"""`newstag stats`: how many tags, by label, by annotator and by article (orphans counted apart).

Tags are counted where they stand on the article's current text (`current_doc`, in memory), so
a tag whose sentence was deleted counts as an orphan even before anyone re-opened the article.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field

import click

from tui.core import articles
from tui.core.current import current_doc
from tui.core.labels import LabelsError, load_labels
from tui.core.sanitize import one_line
from tui.core.tagstore import TagFileError, TagStore
from tui.core.textfile import TextFileError
from tui.core.validation import corpus_ids
from tui.core.workspace import Workspace

from .common import one_line_errors, workspace_from


@dataclass
class Stats:
    labels: list[str] = field(default_factory=list)  # labels.yaml order, then unknown ones
    tags: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (label, who, article)
    orphans: Counter[tuple[str, str]] = field(default_factory=Counter)  # (who, article)
    problems: list[str] = field(default_factory=list)
    no_labels: bool = False  # labels.yaml missing or unusable: the counts cannot be trusted


def collect(ws: Workspace) -> Stats:
    st = Stats()
    try:
        st.labels = load_labels(ws.labels_path).names
    except LabelsError as exc:
        st.problems.append(str(exc))
        st.no_labels = True
    store = TagStore(ws.tags)
    corpus = corpus_ids(ws)
    texts: dict[str, articles.Article | None] = {}
    for who, path in store.iter_files():
        try:
            doc = store.load_path(path).doc
        except TagFileError as exc:
            st.problems.append(str(exc))
            continue
        if doc is not None and doc.article in corpus:  # counted where the tags stand now
            if doc.article not in texts:
                try:
                    texts[doc.article] = articles.load(corpus[doc.article])
                except TextFileError:
                    texts[doc.article] = None
            art = texts[doc.article]
            doc = current_doc(doc, art)[0] if art is not None else doc
        for t in doc.tags if doc else ():
            if t.orphan:
                st.orphans[(who, doc.article)] += 1
            else:
                st.tags[(t.label, who, doc.article)] += 1
    st.labels += sorted({k[0] for k in st.tags} - set(st.labels))
    return st


def _table(head: list[str], rows: list[list[object]]) -> list[str]:
    cells = [head] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(head))]

    def fmt(r: list[str]) -> str:  # names left, numbers right, a trailing title left
        return "  ".join(c.rjust(w) if c.isdigit() else c.ljust(w)
                         for c, w in zip(r, widths, strict=True)).rstrip()

    return [fmt(cells[0]), "  ".join("-" * w for w in widths)] + [fmt(r) for r in cells[1:]]


def render(st: Stats, titles: dict[str, str]) -> list[str]:
    by_label = Counter[str]()
    articles_of: dict[str, set[str]] = {}
    who_of: dict[str, set[str]] = {}
    for (label, who, art), n in st.tags.items():
        by_label[label] += n
        articles_of.setdefault(label, set()).add(art)
        who_of.setdefault(label, set()).add(who)
    out = _table(["label", "tags", "articles", "annotators"],
                 [[one_line(lb, 40), by_label[lb], len(articles_of.get(lb, ())),
                   len(who_of.get(lb, ()))] for lb in st.labels])
    people = sorted({w for _, w, _ in st.tags} | {w for w, _ in st.orphans})
    out += [""] + _table(["annotator", "tags", "articles", "orphans"], [
        [w, sum(n for (_, x, _), n in st.tags.items() if x == w),
         len({a for (_, x, a) in st.tags if x == w}),
         sum(n for (x, _), n in st.orphans.items() if x == w)] for w in people])
    arts = sorted({a for _, _, a in st.tags} | {a for _, a in st.orphans})
    out += [""] + _table(["article", *[one_line(lb, 14) for lb in st.labels], "orphans", "title"], [
        [one_line(a, 40), *[sum(n for (lb, _, x), n in st.tags.items() if x == a and lb == label)
                            for label in st.labels],
         sum(n for (_, x), n in st.orphans.items() if x == a), one_line(titles.get(a, ""), 50)]
        for a in arts])
    total = sum(st.tags.values())
    out += ["", f"{total} tags by {len(people)} annotator(s) on {len(arts)} article(s); "
                f"{sum(st.orphans.values())} orphaned"]
    return out


def _titles(ws: Workspace) -> dict[str, str]:
    from tui.core.library import load_library  # cached titles: no article is parsed twice

    try:
        return {e.id: e.title for e in load_library(ws).entries}
    except OSError:
        return {aid: aid for aid in corpus_ids(ws)}


@click.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
@one_line_errors
def command(ctx: click.Context, as_json: bool) -> None:
    """Tag counts by label, by annotator and by article; orphaned tags are counted apart.

    Exit status: 0, or 1 when labels.yaml is missing or unusable (as `validate`); a broken tag
    file is named on standard error and left out of the counts.
    """
    ws = workspace_from(ctx)
    st = collect(ws)
    for p in st.problems:
        click.echo(f"newstag: {p}", err=True)
    if as_json:
        rows = [{"label": lb, "annotator": w, "article": a, "tags": n}
                for (lb, w, a), n in sorted(st.tags.items())]
        orphans = [{"annotator": w, "article": a, "orphans": n}
                   for (w, a), n in sorted(st.orphans.items())]
        click.echo(json.dumps({"labels": st.labels, "counts": rows, "orphans": orphans},
                              ensure_ascii=False, indent=1))
        _exit_on_labels(st)
        return
    for line in render(st, _titles(ws)):
        click.echo(line)
    _exit_on_labels(st)


def _exit_on_labels(st: Stats) -> None:
    """Without a usable label set the counts mean little: exit 1, as `validate` does."""
    if st.no_labels:
        sys.exit(1)
