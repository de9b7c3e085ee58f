"""Markdown articles as plain text: what a reader sees, without `#`, `**` or link syntax.

The corpus holds plain text, and tags quote it, so `**could**` must not end up in a quote. The
Markdown is parsed by markdown-it-py (CommonMark, plus tables and strikethrough; it is already
installed with Textual and Rich) and its tokens are written back as text: a heading becomes a
line of its own, emphasis, links and inline code keep their words, images and raw HTML tags go,
and every block (heading, paragraph, list item, quote, code, table) is separated from the next
by a blank line, since blank lines are what end a paragraph (and a sentence) in the corpus.
A soft line break inside a paragraph is a space, as Markdown renders it. YAML front matter is
dropped, keeping its title (unless the first heading repeats it), date and author on top.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                           re.DOTALL)
_FRONT_KEYS = ("title", "date", "author", "source", "site", "site_name", "publisher")
_SITE_KEYS = ("source", "site", "site_name", "publisher")
_TAG = re.compile(r"<[^>]*>")


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _front_matter(source: str) -> tuple[list[str], str, str]:
    """(title, date, `By author`, `Source: site` lines found in the front matter, the source
    without it, the title)."""
    m = _FRONT_MATTER.match(source)
    if not m:
        return [], source, ""
    found: dict[str, str] = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        key, value = key.strip().lower(), value.strip().strip("'\"").strip()
        if sep and key in _FRONT_KEYS and value and key not in found:
            found[key] = value
    head = [found[k] for k in ("title", "date") if k in found]
    if "author" in found:
        head.append(f"By {found['author']}")
    site = next((found[k] for k in _SITE_KEYS if k in found), "")
    if site:  # `Source:` says it is the outlet (as the HTML import writes it; see `metadata`)
        head.append(f"Source: {site}")
    return head, source[m.end():], found.get("title", "")


def _inline(children: Sequence[Token] | None) -> str:
    out: list[str] = []
    for tok in children or ():
        if tok.type in ("text", "code_inline"):
            out.append(tok.content)
        elif tok.type == "softbreak":
            out.append(" ")
        elif tok.type == "hardbreak":
            out.append("\n")
        # em/strong/s/link open and close, images and inline HTML add nothing
    return "".join(out)


def _lines(text: str) -> str:
    """Trailing spaces off each line; no empty lines inside a block (they would split it)."""
    return "\n".join(ln.rstrip() for ln in text.strip().splitlines() if ln.strip())


def markdown_to_text(source: str) -> str:
    """Plain text of a Markdown document: blocks separated by one blank line, ending in `\\n`."""
    head, body, title = _front_matter(source)
    blocks: list[str] = list(head)
    row: list[str] | None = None  # cells of the table row being read
    numbers: list[int | None] = []  # per open list: the next item number, None when bulleted
    prefix = ""
    for tok in _parser().parse(body):
        kind = tok.type
        if kind == "bullet_list_open":
            numbers.append(None)
        elif kind == "ordered_list_open":
            numbers.append(int(tok.attrGet("start") or 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            numbers.pop()
        elif kind == "list_item_open" and numbers and numbers[-1] is not None:
            prefix = f"{numbers[-1]}. "
            numbers[-1] += 1
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            if any(row):
                blocks.append(" | ".join(row))
            row = None
        elif kind == "inline" and row is not None:
            row.append(" ".join(_inline(tok.children).split()))
        elif kind == "inline":
            text = _lines(_inline(tok.children))
            if text:
                blocks.append(prefix + text)
                prefix = ""
        elif kind in ("fence", "code_block"):
            text = _lines(tok.content)
            if text:
                blocks.append(text)
        elif kind == "html_block":
            text = " ".join(html.unescape(_TAG.sub(" ", tok.content)).split())
            if text:
                blocks.append(text)
    if title and len(blocks) > len(head) and same_line(title, blocks[len(head)]):
        del blocks[len(head)]  # the first heading repeats the front matter's title
    return "\n\n".join(blocks) + "\n" if blocks else ""


def same_line(a: str, b: str) -> bool:
    """Whether two headlines are the same, up to case, spacing and closing punctuation."""
    def norm(x: str) -> str:
        return " ".join(x.casefold().split()).rstrip(".:!?")

    return norm(a) == norm(b)
