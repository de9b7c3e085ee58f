"""How a search hit looks: its article, labels and the sentence in context (KWIC), all untrusted
text made harmless and the matched words highlighted; and which words the reader highlights."""

from __future__ import annotations

import re
from collections.abc import Mapping

from rich.text import Text

from tui.core.sanitize import display_text, one_line
from tui.core.search.engine import Hit
from tui.widgets.marks import LabelLook

KWIC = 150  # characters of a sentence shown around its first match
MARK = "bold reverse"
_FIELD_CLAUSE = re.compile(r'\b(?!text:)\w+:(?:"[^"]*"|\[[^\]]*\]|\{[^}]*\}|\S+)')
_OPERATORS = {"AND", "OR", "NOT", "TO"}


def reader_terms(query: str) -> list[str]:
    """The words and phrases of a query as the reader highlights them (fields and operators out)."""
    text = _FIELD_CLAUSE.sub(" ", query).replace("text:", " ")
    terms = [p for p in re.findall(r'"([^"]+)"', text) if p.strip()]
    text = re.sub(r'"[^"]*"', " ", text)
    terms += [w.strip("*?()") for w in text.split() if w not in _OPERATORS and w.strip("*?()-")]
    return [t for t in terms if t and t.lower() != "untagged"]


def kwic(hit: Hit, width: int = KWIC) -> Text:
    """The sentence (or a window of it around the first match), matches highlighted."""
    shown = display_text(hit.text).replace("\n", " ")
    start, end = 0, len(shown)
    if len(shown) > width:
        first = hit.marks[0][0] if hit.marks else 0
        start = max(0, min(first - width // 3, len(shown) - width))
        end = start + width
    out = Text("…" if start else "")
    piece = Text(shown[start:end])
    for a, b in hit.marks:
        if a < end and b > start:
            piece.stylize(MARK, max(a, start) - start, min(b, end) - start)
    out.append_text(piece)
    if end < len(shown):
        out.append("…")
    return out


def article_header(hit: Hit, count: int) -> Text:
    """The row above an article's sentence hits: its title, id and how many of them match."""
    head = Text(one_line(hit.title, 90), style="bold underline")
    head.append(f"  {one_line(hit.article, 40)} · {count} sentence{'s' if count != 1 else ''}",
                style="dim")
    return head


def hit_prompt(hit: Hit, looks: Mapping[str, LabelLook], selected: bool = False) -> Text:
    """A hit: under its article's header, the sentence number, labels (marker + name) and who,
    then KWIC; an article hit (title:, date: queries) is its title line."""
    if hit.kind == "sentence":
        head = Text("✓ " if selected else "  ", style="bold green")
        head.append(f"#{hit.index + 1:<3}", style="dim")
    else:
        head = Text(one_line(hit.title, 90), style="bold")
    for name in hit.labels:
        look = looks.get(name)
        head.append("  ")
        head.append(f" {look.marker if look else '•'} {one_line(name, 30)} ",
                    style=look.mine if look else "reverse")
    if hit.annotators:
        head.append(f"  by {one_line(', '.join(hit.annotators), 60)}", style="dim italic")
    if hit.kind != "sentence":
        return head
    # The sentence right after its number: a hit costs one or two rows, not three.
    return Text.assemble(head, "\n    " if hit.labels or hit.annotators else "  ", kwic(hit))
