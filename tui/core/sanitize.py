"""Making untrusted text (articles, notes, labels, file names) safe to put on a terminal.

The one rule: text is shown, never obeyed. Escape sequences, C0/C1 controls, NUL and bidi
overrides become visible placeholders, one character each, so offsets on screen still line up
with offsets in the article. Textual markup is never interpreted because callers render with
`rich.text.Text` (markup off); this module only deals with characters.
"""

from __future__ import annotations

import unicodedata

_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def _visible(ch: str) -> str:
    code = ord(ch)
    if code < 0x20 and ch not in "\n\t":
        return chr(0x2400 + code)  # ␀ ␁ ... ␛: the Unicode "control pictures"
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0x80 <= code < 0xA0 or ch in _BIDI:
        return "\ufffd"
    if unicodedata.category(ch) in ("Cs", "Co", "Cn") and code > 0xFFFF:
        return "\ufffd"
    return ch


_TABLE = {c: _visible(chr(c)) for c in list(range(0x00, 0x20)) + [0x7F] + list(range(0x80, 0xA0))}
_TABLE.update({ord(c): "\ufffd" for c in _BIDI})
_TABLE.pop(ord("\n"), None)
_TABLE[ord("\t")] = " "
_TABLE[ord("\r")] = " "  # CRLF files: the CR would otherwise show as ␍ at every line end
_TABLE[0x2028] = _TABLE[0x2029] = " "  # Unicode line/paragraph separators: no surprise line breaks
# Lone surrogates (from a JSON import, say) cannot be encoded for the terminal at all.
_TABLE.update({c: "\ufffd" for c in range(0xD800, 0xE000)})


def display_text(text: str) -> str:
    """Same length as `text`; each control, escape and bidi override replaced by a visible glyph."""
    return text.translate(_TABLE)


def one_line(text: str, limit: int = 200) -> str:
    """For titles, labels, notes and file names in lists: no newlines, bounded length."""
    flat = display_text(text).replace("\n", " ")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def both_ends(text: str, limit: int) -> str:
    """One line of at most `limit` characters that keeps the text's start AND end, the middle
    elided: a narrowed selection's end is what `h`/`l` change, so a cut end showed no change."""
    flat = " ".join(display_text(text).split())
    if len(flat) <= limit:
        return flat
    if limit < 3:
        return flat[:limit]
    head = (limit - 1) // 2
    tail = limit - 1 - head
    return flat[:head].rstrip() + "…" + flat[len(flat) - tail:].lstrip()
