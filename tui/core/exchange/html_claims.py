"""The claims table in the HTML export: each claim made by two or more articles, a column per
outlet, the labels each sentence got there (from the exported tags, so the export's filters
hold here too). Every text is escaped; a cell's full sentence is its hover text."""

from __future__ import annotations

from html import escape

from ..claims.model import Member
from ..claims.table import LabelsOf, Table
from .collect import Collection

CSS = """
section.claims{margin:1.5em 0 2.5em}
section.claims .wrap{overflow-x:auto}
table.claims{border-collapse:collapse;font-size:.9em}
table.claims th,table.claims td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;
  text-align:left;max-width:22em}
table.claims td.claim{min-width:18em}
table.claims td.absent{background:#f4f4f4}
table.claims .none{color:#888}
table.claims .lab{display:inline-block;border-radius:3px;padding:0 .3em;margin:1px}
"""


def labels_from(col: Collection) -> LabelsOf:
    """Member -> {annotator: [labels]} from the collection's (exported) tags."""
    by_article = col.by_article()

    def labels_of(m: Member) -> dict[str, list[str]]:
        out: dict[str, set[str]] = {}
        for item in by_article.get(m.article, []):
            t = item.tag
            if t.start < m.end and t.end > m.start:
                out.setdefault(item.annotator, set()).add(t.label)
        return {who: sorted(labels) for who, labels in sorted(out.items())}

    return labels_of


def section(table: Table, col: Collection, colors: dict[str, str]) -> list[str]:
    """`colors`: label name -> CSS colour."""
    out = ['<section class="claims" id="claims"><h2>Claims across outlets</h2>']
    if not table.rows:
        out.append('<p class="empty">No claim is made by two or more articles.</p></section>')
        return out
    out.append(f'<p class="meta">{len(table.rows)} claim(s) found in two or more of '
               f"{len(table.columns)} article(s); each cell: the labels the claim's sentence "
               "got in that article, by annotator.</p>")
    out.append('<div class="wrap"><table class="claims"><thead><tr><th>claim</th>')
    for c in table.columns:
        out.append(f'<th title="{escape(c.article)}">{escape(c.heading)}</th>')
    out.append("</tr></thead><tbody>")
    for row in table.rows:
        out.append(f'<tr><td class="claim">{escape(row.text)}</td>')
        for c in table.columns:
            cell = row.cells.get(c.article)
            if cell is None:
                out.append('<td class="absent"></td>')
                continue
            said = " / ".join(m.text for m in cell.members)
            parts = []
            for who, labels in sorted(cell.labels.items()):
                tags = "".join(f'<span class="lab" style="background:{colors.get(lb, "#ddd")}">'
                               f"{escape(lb)}</span>" for lb in labels)
                parts.append(f"{tags} <small>{escape(who)}</small>")
            body = "<br>".join(parts) or '<span class="none">no label</span>'
            out.append(f'<td title="{escape(said)}">{body}</td>')
        out.append("</tr>")
    out.append("</tbody></table></div></section>")
    return out
