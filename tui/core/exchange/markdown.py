"""A Markdown briefing: per article, its tagged sentences grouped by label, with who tagged them.

Article text is data, not Markdown: every character Markdown could read as syntax is escaped, so
`*`, `[link](...)` or `<script>` in an article shows as written.
"""

from __future__ import annotations

import re
from collections import Counter

from .collect import Collection, Item

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~&])")
_LEADING = re.compile(r"^(\s*)(\d+)([.)])")


def escape(text: str) -> str:
    """One line of Markdown that renders as exactly `text` (whitespace runs folded)."""
    flat = " ".join(text.split())
    flat = _SPECIAL.sub(r"\\\1", flat)
    flat = _LEADING.sub(r"\1\2\\\3", flat)
    if flat.startswith(("-", "=")):
        flat = "\\" + flat
    return flat


def _groups(items: list[Item]) -> dict[str, dict[tuple[int, int], list[Item]]]:
    out: dict[str, dict[tuple[int, int], list[Item]]] = {}
    for item in items:
        out.setdefault(item.tag.label, {}).setdefault((item.tag.start, item.tag.end), []).append(
            item
        )
    return out


def render(col: Collection) -> str:
    per_label = Counter(i.tag.label for i in col.items)
    order = [lb for lb in col.labels.names if lb in per_label] + sorted(
        set(per_label) - set(col.labels.names)
    )
    lines = ["# Tag briefing", ""]
    if not col.items:
        lines += ["No tags matched this export.", ""]
        return "\n".join(lines)
    summary = ", ".join(f"{escape(lb)} ({per_label[lb]})" for lb in order)
    lines += [
        f"{len(col.articles)} article(s), {len(col.items)} tag(s): {summary}. "
        f"Annotators: {escape(', '.join(col.annotators))}.",
        "",
    ]
    for aid, items in col.by_article().items():
        art = col.articles[aid]
        lines += [f"## {escape(art.title or aid)}", ""]
        meta = [escape(aid)] + [escape(x) for x in art.meta.facts()]
        lines += [" · ".join(meta), ""]
        if not items:
            lines += ["No tags.", ""]
            continue
        groups = _groups(items)
        for label in [lb for lb in order if lb in groups]:
            spans = groups[label]
            lines += [f"### {escape(label)} ({len(spans)})", ""]
            for group in spans.values():
                first = group[0]
                who = ", ".join(sorted({i.annotator for i in group}))
                lines.append(f"- “{escape(first.tag.quote)}”  ")
                lines.append(f"  — {escape(who)}, sentence {first.sentence}")
                for i in group:
                    if i.tag.note:
                        lines.append(f"  - note ({escape(i.annotator)}): {escape(i.tag.note)}")
            lines.append("")
    return "\n".join(lines)
