"""One self-contained HTML page for teammates who don't run newstag: highlights, legend, filters.

No network: styles and the small filter script are inline, and a Content-Security-Policy forbids
every fetch. Colour is never the only cue: each tag ends with a marker naming its label ("S×2":
two annotators agree), and hovering lists labels and annotators. Notes are printed after their
tag's marker (visible in print and on touch screens, not only on hover). Text with two labels
shows both colours on every line it covers (`box-decoration-break: clone`), not one per line.
All article text is escaped.
"""

from __future__ import annotations

import json
from collections import Counter
from html import escape

from tui import __version__

from ..articles import Article
from ..claims.table import Table
from .collect import Collection, Item
from .colors import css_color
from .html_assets import CSS, JS

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def abbreviation(name: str, key: str = "") -> str:
    if key:
        return key.upper()
    return "".join(w[0] for w in name.split()[:3]).upper() or "?"


class _Index:
    def __init__(self, col: Collection) -> None:
        used = {i.tag.label for i in col.items}
        self.labels = [lb for lb in col.labels.names] + sorted(used - set(col.labels.names))
        self.people = col.annotators
        self.li = {name: n for n, name in enumerate(self.labels)}
        self.ai = {name: n for n, name in enumerate(self.people)}
        self.colors = {str(n): css_color(col.color(name)) for n, name in enumerate(self.labels)}
        self.col = col

    def pairs(self, items: list[Item]) -> str:
        return " ".join(f"{self.li[i.tag.label]}:{self.ai[i.annotator]}" for i in items)

    def style(self, items: list[Item]) -> str:
        labels = list(dict.fromkeys(self.li[i.tag.label] for i in items))
        if len(labels) == 1:
            return f"background:{self.colors[str(labels[0])]}"
        step = 100 / len(labels)
        stops = ",".join(
            f"{self.colors[str(lb)]} {k * step:g}%,{self.colors[str(lb)]} {(k + 1) * step:g}%"
            for k, lb in enumerate(labels)
        )
        return f"background:linear-gradient(180deg,{stops})"

    def abbr(self, label: str) -> str:
        lb = self.col.labels.by_name(label)
        return abbreviation(label, lb.key if lb else "")


def _legend(ix: _Index, col: Collection) -> list[str]:
    per_label = Counter(i.tag.label for i in col.items)
    per_person = Counter(i.annotator for i in col.items)
    out = ["<h3>Labels</h3>"]
    for n, name in enumerate(ix.labels):
        lb = col.labels.by_name(name)
        out.append(
            f'<label class="filter"><input type="checkbox" data-kind="label" value="{n}" checked>'
            f'<span class="swatch" style="background:{ix.colors[str(n)]}">'
            f"{escape(ix.abbr(name))}</span>"
            f'<span>{escape(name)}</span><span class="count">{per_label[name]}</span></label>'
        )
        desc = lb.description if lb else "not in labels.yaml"
        out.append(f'<p class="guide">{escape(desc)}</p>')
    out.append("<h3>Annotators</h3>")
    for n, who in enumerate(ix.people):
        out.append(
            '<label class="filter">'
            f'<input type="checkbox" data-kind="annotator" value="{n}" checked>'
            f'<span>{escape(who)}</span><span class="count">{per_person[who]}</span></label>'
        )
    out.append("<h3>View</h3>")
    out.append(
        '<label class="filter"><input type="checkbox" id="only-tagged">'
        "<span>only tagged sentences</span></label>"
    )
    return out


def _article(ix: _Index, art: Article, items: list[Item]) -> list[str]:
    counts = Counter(i.tag.label for i in items)
    meta = [art.id, *art.meta.facts()]
    meta += [f"{name}: {counts[name]}" for name in ix.labels if counts[name]]
    out = [
        f'<article id="{escape("a-" + art.id)}"><h2>{escape(art.title or art.id)}</h2>',
        f'<p class="meta">{escape(" · ".join(meta))}</p>',
    ]
    if not items:
        out.append('<p class="empty">No tags on this article.</p></article>')
        return out
    text = art.text
    cuts = {0, len(text)}
    for block in art.blocks:
        cuts.update((block.start, block.end))
    for i in items:
        cuts.update((i.tag.start, i.tag.end))
    chrome = [(block.start, block.end) for block in art.blocks if block.chrome]
    points = sorted(cuts)
    parts: list[str] = ['<div class="text">']
    for a, b in zip(points, points[1:], strict=False):
        piece = escape(text[a:b])
        covering = [i for i in items if i.tag.start <= a and i.tag.end >= b]
        if covering:
            title = "; ".join(
                f"{i.tag.label} — {i.annotator}" + (f": {i.tag.note}" if i.tag.note else "")
                for i in covering
            )
            parts.append(
                f'<mark class="on" data-t="{ix.pairs(covering)}" style="{ix.style(covering)}" '
                f'title="{escape(title)}">{piece}</mark>'
            )
        else:
            dim = any(s <= a and b <= e for s, e in chrome)
            parts.append(f'<span class="plain{" chrome" if dim else ""}">{piece}</span>')
        ending: dict[str, list[Item]] = {}
        for i in items:
            if i.tag.end == b:
                ending.setdefault(i.tag.label, []).append(i)
        for label, group in ending.items():
            color = ix.colors[str(ix.li[label])]
            abbr = escape(ix.abbr(label))
            count = f"×{len(group)}" if len(group) > 1 else ""
            who = ", ".join(i.annotator for i in group)
            parts.append(f'<sup class="mk" data-t="{ix.pairs(group)}" data-abbr="{abbr}" '
                         f'style="background:{color}" title="{escape(f"{label}: {who}")}">'
                         f"{abbr}{count}</sup>")
            for i in group:
                if i.tag.note:
                    parts.append(f'<span class="note" data-n="{ix.pairs([i])}">✎ '
                                 f"{escape(i.tag.note)} <span class=\"who\">— "
                                 f"{escape(i.annotator)}</span></span>")
    parts.append("</div></article>")
    out.append("".join(parts))
    return out


def render(col: Collection, claims: Table | None = None) -> str:
    """The page; with `claims` (see `html_claims`), the claims table follows the articles."""
    from .html_claims import CSS as CLAIMS_CSS
    from .html_claims import section

    ix = _Index(col)
    n_tags = len(col.items)
    summary = (
        f"{len(col.articles)} article(s), {n_tags} tag(s) by {len(ix.people)} annotator(s); "
        f'showing <span id="shown">{n_tags}</span>'
    )
    body: list[str] = []
    by_article = col.by_article()
    for aid, art in col.articles.items():
        body += _article(ix, art, by_article.get(aid, []))
    if not col.articles:
        body.append('<p class="empty">No tags matched this export.</p>')
    if claims is not None:  # after the articles: the page opens on the tagged text
        by_name = {name: ix.colors[str(n)] for name, n in ix.li.items()}
        body += section(claims, col, by_name)
    colors = json.dumps(ix.colors).replace("</", "<\\/")
    return "\n".join(
        [
            "<!doctype html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="newstag {escape(__version__)}">',
            "<title>newstag — tagged articles</title>",
            f"<style>{CSS}{CLAIMS_CSS if claims is not None else ''}</style></head><body>",
            "<aside><h1>newstag tags</h1>",
            f'<p class="summary">{summary}</p>',
            *_legend(ix, col),
            "</aside><main>",
            *body,
            "</main>",
            f'<script type="application/json" id="label-colors">{colors}</script>',
            f"<script>{JS}</script>",
            "</body></html>",
            "",
        ]
    )
