"""Sentence boundaries in one unit of text: sentencex proposes, rules a careful editor follows fix.

sentencex is fast and good on abbreviations, but it pairs quotation marks to avoid splitting
inside quotes, and wire copy leaves a paragraph's quotation open and reopens it in the next
one: one unpaired `"` and eight sentences run together. So sentencex sees the text with its
double quotation marks blanked out (same length, so offsets hold) and splits inside quotes too,
as editors do; then, on the real text:

- a closing quotation mark or bracket right after the stop belongs to the sentence it closes;
  a free-standing `"` after a stop closes the sentence when that sentence has an open quote,
  else it opens the next one;
- a sentence that starts in lower case continues the one before (attribution after a quote,
  `"We want peace," he said.`; an ellipsis then a lower-case word);
- nothing is ever a sentence of punctuation alone;
- "No. 5", "5 p.m. Tuesday", "10 a.m. GMT" and a title before a name ("Staff-Insp. Gary
  Ellis") are not sentence ends.
"""

from __future__ import annotations

import re

# Same-length stand-ins for what sentencex must not see: double quotation marks and brackets
# (it pairs them and will not split inside), newlines (wrapping inside a unit, not breaks);
# lone surrogates (it raises on them) become U+FFFD.
_BLANK_QUOTES = re.compile('["“”„«»()\\[\\]\n\r]')  # re.sub: ~10x faster than str.translate
_SURROGATE = re.compile("[\ud800-\udfff]")
_CLOSERS = frozenset("\"”’'»)]}")
_NUMBER_ABBR = re.compile(r"(?:^|[\s(])(?:No|Nos|Vol|Vols|Art|Arts|Fig|Figs|Sec|Ch|Chap|p|pp|Para|"
                          r"Ref|Reg|Rev|Ed|Op|Nr|Pt|Ex|Tab|Cat|Ver)\.$", re.IGNORECASE)
# Titles before a name; sentencex knows them alone, not after a hyphen ("Staff-Insp. Gary Ellis").
_TITLE_ABBR = re.compile(r"(?:^|[\s(\-–])(?:Mr|Mrs|Ms|Messrs|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|"
                         r"Pte|Insp|Supt|Det|Const|Adm|Cmdr|Brig|Gov|Sen|Rep|Rev|Hon|Fr)\.$")
_CLOCK_ABBR = re.compile(r"\b[ap]\.\s?m\.$", re.IGNORECASE)
_AFTER_CLOCK = re.compile(
    r"(?:(?:GMT|UTC|[ECMP][SD]?T|KST|JST|CET|CEST|BST|IST|AEST|MSK|local time|Eastern|Central|"
    r"Pacific|Mountain|Moscow time|Seoul time)\b"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:[.,;:!?)]|\s+(?:and|or|at|in|on|to|until|till|"
    r"when|after|before|local|morning|afternoon|evening|night|\(|[-–—])\b|\s*$))"
)
# The start of a sentence that continues the one before: a lower-case word, after any opening
# marks (not a bullet-like "a)" or "i." which starts an item).
_ALNUM = re.compile(r"[^\W_]")  # a letter or a digit
_LOWER_START = re.compile(r"[\"“‘'(\[]*[a-z]")


def _proposals(piece: str) -> list[int]:
    """Where sentencex ends sentences in `piece`: offsets just after each one's last character."""
    import sentencex  # type: ignore[import-untyped]  # imported on first use (not at startup)

    shown = _SURROGATE.sub("\ufffd", _BLANK_QUOTES.sub(" ", piece))
    try:
        found = sentencex.get_sentence_boundaries("en", shown)
    except Exception:  # noqa: BLE001 - a splitter bug must not lose the text: keep it whole
        return []
    ends: list[int] = []
    for b in found:
        end = int(b["end_index"])
        while end > 0 and shown[end - 1].isspace():
            end -= 1
        if end > (ends[-1] if ends else 0):
            ends.append(end)
    return ends


def _quote_open(piece: str, start: int, end: int) -> bool:
    """Whether `piece[start:end]` leaves a straight or curly double quotation open."""
    straight = piece.count('"', start, end)
    curly = piece.count("“", start, end) - piece.count("”", start, end)
    return straight % 2 == 1 or curly > 0


def _settle(piece: str, start: int, end: int) -> int:
    """Move a sentence end past the closing marks that belong to it."""
    n = len(piece)
    while end < n and piece[end] in _CLOSERS:
        end += 1
    # A free-standing quote mark after the stop (`peace. " Then`): it closes this sentence if
    # this sentence opened a quotation, else it opens the next.
    gap = end
    while gap < n and piece[gap] in " \t\n\r\xa0":
        gap += 1
    free = end < gap < n and piece[gap] in "\"”" and (gap + 1 == n or piece[gap + 1].isspace())
    if free and (piece[gap] == "”" or _quote_open(piece, start, end)):
        end = gap + 1
    return end


def _joins(piece: str, prev: tuple[int, int], nxt: tuple[int, int]) -> bool:
    """Whether two proposed sentences are one."""
    if _ALNUM.search(piece, nxt[0], nxt[1]) is None:
        return True  # punctuation alone belongs to the sentence before
    if _LOWER_START.match(piece, nxt[0], nxt[1]):
        return True  # `"...," he said.`, `Wait... and then`
    if piece[prev[1] - 1] != ".":
        return False
    before = piece[max(prev[0], prev[1] - 12) : prev[1]]
    first = piece[nxt[0]]
    if first.isdigit():
        return _NUMBER_ABBR.search(before) is not None
    if first.isupper() and _TITLE_ABBR.search(before):
        return True
    return bool(_CLOCK_ABBR.search(before) and _AFTER_CLOCK.match(piece[nxt[0] : nxt[0] + 40]))


def _trim(piece: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and piece[start].isspace():  # a space or two: cheaper than slicing
        start += 1
    while end > start and piece[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def sentences(piece: str) -> list[tuple[int, int]]:
    """Trimmed `(start, end)` of each sentence in `piece`, in order, covering its non-space text."""
    raw: list[tuple[int, int]] = []
    pos = 0
    for cut in [*_proposals(piece), len(piece)]:
        if cut <= pos:
            continue
        sp = _trim(piece, pos, cut)
        if sp is None:
            continue
        end = _settle(piece, sp[0], sp[1]) if cut < len(piece) else sp[1]
        sp = _trim(piece, sp[0], max(end, sp[1]))
        if sp is None:
            continue
        raw.append(sp)
        pos = sp[1]
    out: list[tuple[int, int]] = []
    for sp in raw:
        if out and _joins(piece, out[-1], sp):
            out[-1] = (out[-1][0], sp[1])
        else:
            out.append(sp)
    if len(out) > 1 and _ALNUM.search(piece, out[0][0], out[0][1]) is None:
        out[0:2] = [(out[0][0], out[1][1])]  # a leading run of punctuation joins what follows
    return out
