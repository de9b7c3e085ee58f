"""An article's headline, source, byline, date and dateline, found by evidence near its top.

The headline is the line near the top that the article is about: its content words recur in the
lead paragraphs, it is shaped like a headline (a few words, no closing full stop), and it is not
chrome (a date, a phone number, a breadcrumb, a menu, a slogan; see `chrome`). An article with no
such line (wire copy that is one paragraph) is titled by its first sentence, cut on a word
boundary. Only the first `HEAD_LINES` and last `TAIL_LINES` lines are read, each at most
`LINE_CAP` characters, so a 5 MB article costs what a seed costs.

`read(text, article_id)` is the one entry point. Importers that know an article's metadata (an
HTML page's title, date, author and site name) write it as lines on top, which this reads as it
reads scraped text: the headline, then the date, `By <author>` and `Source: <site name>` lines,
each on its own line, then the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from . import credits
from .chrome import chrome_reason, is_prose
from .headwords import Lead, stems
from .timestamps import DATE_LINE, DIGIT, is_timestamp, search_date

__all__ = ["FACTS", "HEAD_LINES", "METADATA_VERSION", "TAIL_LINES", "Metadata", "head_lines",
           "lead_title", "read", "tail_lines"]

# Bump when the metadata read from a given text can change: caches that keep titles or sources
# (the library listing, a search index) can key on it.
METADATA_VERSION = 2
HEAD_LINES = 12  # the headline is near the top; never scan a whole (possibly huge) article
TAIL_LINES = 8  # "© 2002 Example Times", "Reporting by ..." sit at the bottom
LINE_CAP = 1000  # characters of one line looked at: a 3 MB single-line article costs the same
TITLE_MAX = 80  # a title made from the first sentence is cut to about this many characters
_PARAGRAPH_WORDS = 15  # a prose line this long is a lead paragraph: the headline is above it
_LEAD_CHARS = 1500  # how much of the lead a headline's words are looked for in
_MIN_SUPPORT = 0.3  # share of a headline's content words that must recur in the lead
_PRE_TITLE_MAX_WORDS = 12  # lines above the headline this short are the site's, not the story's
_SENTENCE_END = re.compile(r"[.;,]\s*$")
_TO_READER = re.compile(r"\b(?:you|your|yours|we|our|us)\b", re.IGNORECASE)
_SITE_SEP = re.compile(r"\s*(?:,|\||\s[-–—]\s)\s*")
_TITLE_SUFFIX = re.compile(r"^(?P<title>.{12,}?)\s+(?:\||[-–—]|::)\s+(?P<site>[^|]{2,40})$")


FACTS = ("source", "byline", "date", "dateline")  # the order the reader, exports and CLI use


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the reader, the library, `sentences` and every export show about an article.

    Spans are `(start, end)` offsets into the text; `title_from` says where the title came from:
    "headline" (a line of the article, `title_span`), "lead" (its first sentence, cut) or "id".
    """

    title: str
    title_line: int | None  # index among the article's non-empty head lines; None if not found
    date: str
    source: str
    dateline: str
    byline: str = ""
    title_from: str = "id"
    title_span: tuple[int, int] | None = None
    byline_span: tuple[int, int] | None = None
    dateline_span: tuple[int, int] | None = None
    head_end: int = 0  # where the story starts: short lines above the headline are chrome

    def facts(self) -> list[str]:
        """The known facts besides the title, in the order every view shows them (`FACTS`)."""
        return [v for v in (self.source, self.byline, self.date, self.dateline) if v]


class _Line(NamedTuple):  # a tuple: built for every head line of every article indexed
    start: int
    end: int  # of the whole trimmed line
    text: str  # at most LINE_CAP characters of it
    role: str  # chrome, byline, paragraph, candidate


def head_lines(text: str, limit: int = HEAD_LINES) -> list[tuple[int, int]]:
    """(start, end) of the first `limit` non-empty lines, trimmed; never reads the whole text."""
    out: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while pos < n and len(out) < limit:
        nl = text.find("\n", pos)
        stop = n if nl == -1 else nl
        piece = text[pos:stop]
        left = piece.lstrip()
        if left:
            start = pos + len(piece) - len(left)
            out.append((start, start + len(left.rstrip())))
        pos = stop + 1
    return out


def tail_lines(text: str, limit: int = TAIL_LINES) -> list[str]:
    """The last `limit` non-empty lines (stripped) of the text's last few thousand characters."""
    return [ln for ln in map(str.strip, text[-3000:].splitlines()) if ln][-limit:]


def _role(line: str, length: int) -> str:
    if chrome_reason(line) is not None:
        return "chrome"
    if credits.parse_byline(line) is not None or credits.staff_outlet(line):
        return "byline"
    if length > 400:
        return "paragraph"
    words = line.split()
    if len(words) > 30 or (len(words) >= _PARAGRAPH_WORDS and is_prose(line)):
        return "paragraph"
    return "candidate"


def _headline_shaped(line: str) -> bool:
    ws = line.split()
    return (2 <= len(ws) <= 30 and not _SENTENCE_END.search(line) and not line.endswith("!")
            and not _TO_READER.search(line) and not is_timestamp(line))


def _pick_headline(lines: list[_Line]) -> int | None:
    """The headline among the head lines: the earliest headline-shaped line above the lead whose
    content words the lead repeats, else the headline-shaped line right above the lead; None
    when no line is one."""
    first_par = next((i for i, ln in enumerate(lines) if ln.role == "paragraph"), len(lines))
    pars = [ln.text for ln in lines if ln.role == "paragraph"]
    supported: list[tuple[bool, int, float]] = []  # (too short to be sure, index, score)
    leads: dict[str, Lead] = {}  # the lead is the same text for most candidates
    for i, ln in enumerate(lines[:first_par]):
        if ln.role != "candidate" or not _headline_shaped(ln.text):
            continue
        own = stems(ln.text)
        if not own:
            continue
        lead_lines = pars or [x.text for x in lines[i + 1 :] if x.role == "candidate"]
        text = " ".join(lead_lines)[:_LEAD_CHARS]
        lead = leads.get(text) or leads.setdefault(text, Lead(text))
        matched = lead.shared(own)
        share = matched / len(own)
        if share >= _MIN_SUPPORT:
            supported.append((len(ln.text.split()) < 4, i, matched * share))
    if supported:
        # The first line the lead supports about as well as the best one does (words the lead
        # repeats, times the share of the line's words they are): a slogan may share a word or
        # two with the story ("The latest in science, every day"); the headline shares most of
        # its own. A section name ("North Korea") only when nothing else is.
        best = max(m for _, _, m in supported)
        return min((short, i) for short, i, m in supported if m >= 0.6 * best)[1]
    if first_par < len(lines):  # the line right above the lead, past datelines and bylines
        for i in range(first_par - 1, -1, -1):
            ln = lines[i]
            if ln.role == "candidate":
                ok = len(ln.text.split()) >= 4 and _headline_shaped(ln.text)
                return i if ok else None
    return None


def lead_title(sentence: str, limit: int = TITLE_MAX) -> str:
    """A sentence as a title: whole when short, else cut on a word boundary with an ellipsis."""
    s = " ".join(sentence.split())
    if len(s) <= limit:
        return s
    cut = s[: limit + 1].rsplit(" ", 1)[0] if " " in s[: limit + 1] else s[:limit]
    return cut.rstrip(" ,;:-–—") + "…"


def _first_sentence(line: str) -> str:
    from .sentences import Span, split_block  # the splitter only when there is no headline

    piece = line[: TITLE_MAX * 3]  # enough to see whether it ends before the cut, and why
    spans = split_block(piece, Span(0, len(piece)))
    return piece[spans[0].start : spans[0].end] if spans else piece


def read(text: str, article_id: str) -> Metadata:
    """Read an article's metadata from its first and last lines (see the module docstring)."""
    spans = head_lines(text)
    lines = [_Line(a, b, line, _role(line, b - a))
             for a, b in spans for line in (text[a : min(b, a + LINE_CAP)],)]
    tail = [t for t in tail_lines(text) if len(t) <= 400]
    ti = _pick_headline(lines)
    title, title_from, title_span, head_end = article_id, "id", None, 0
    source = ""
    if ti is not None:
        ln = lines[ti]
        title, title_from, title_span = ln.text, "headline", (ln.start, ln.end)
        m = _TITLE_SUFFIX.match(title)
        if m and credits.is_outlet(m.group("site")) and not credits.is_outlet(m.group("title")):
            title, source = m.group("title"), credits.clean_source(m.group("site"))
        if all(len(x.text.split()) <= _PRE_TITLE_MAX_WORDS for x in lines[:ti]):
            head_end = ln.start
    else:
        lead = next((x for x in lines if x.role == "paragraph"), None) \
            or next((x for x in lines if x.role == "candidate"), None)
        if lead is not None:  # its first sentence, without "SEOUL (Reuters) -" before it
            d = credits.parse_dateline(lead.text)
            body = lead.text[d.length :].lstrip(" -–—:") if d is not None else lead.text
            title, title_from = lead_title(_first_sentence(body or lead.text)), "lead"
    after = ti if ti is not None else 0
    date = _date([x.text for x in lines], ti)
    dateline, dateline_span, agency = "", None, ""
    for ln in lines[after + (ti is not None) :]:
        if ln.role in ("paragraph", "candidate"):
            d = credits.parse_dateline(ln.text)
            if d is not None:
                dateline, agency = d.text, d.agency
                dateline_span = (ln.start, ln.start + d.length)
            if ln.role == "paragraph" or d is not None:
                break
    byline, byline_span, by_outlet = "", None, ""
    for k, ln in enumerate(lines):
        if ln.role == "byline" and k != ti:
            b = credits.parse_byline(ln.text)
            byline = b.author if b else ""
            by_outlet = (b.outlet if b else "") or credits.staff_outlet(ln.text)
            end = ln.end
            for more in lines[k + 1 :]:  # "By Tom Burridge" / "BBC News, Transport correspondent"
                if more.role != "byline":
                    break
                b = credits.parse_byline(more.text)
                byline = byline or (b.author if b else "")
                by_outlet = by_outlet or (b.outlet if b else "") or credits.staff_outlet(more.text)
                end = more.end
            byline_span = (ln.start, end)
            break
    source = source or _source([x.text for x in lines], tail, ti, by_outlet, agency)
    if not byline:
        byline = _tail_byline(list(dict.fromkeys([x.text for x in lines] + tail)))
    return Metadata(" ".join(title.split()), ti, date, source, dateline, byline, title_from,
                    title_span, byline_span, dateline_span, head_end)


def _date(head: list[str], ti: int | None) -> str:
    """Prefer a date after the headline: one before it is usually the site's "today"."""
    after = ti if ti is not None else 0
    for i in list(range(after, len(head))) + list(range(0, after)):
        if not DIGIT.search(head[i]):
            continue  # every `DATE` has a digit
        loose = i != ti and len(head[i]) < 80  # a date inside a short line, not a headline
        m = DATE_LINE.match(head[i]) or (search_date(head[i]) if loose else None)
        if m:
            return m.group("date")
    return ""


def _source(head: list[str], tail: list[str], ti: int | None, by_outlet: str,
            agency: str) -> str:
    """The outlet, strongest evidence first: the byline's outlet, "X staff", a site-name line
    above the headline, a "Source:" label, a copyright line, the dateline's agency, a "based on
    content by" credit. Photo credits are never read."""
    if by_outlet:
        return by_outlet
    lines = list(dict.fromkeys(head + tail))  # a short article's tail is its head: ask once
    for line in lines:
        if found := credits.staff_outlet(line):
            return found
    header = head[: ti or 0] + _header_block(head, ti)
    for line in header:  # a site name around the headline ("The Example Times")
        name = _SITE_SEP.split(line, 1)[0]  # "BBC News, Transport ..."
        if credits.is_site_name(name) and chrome_reason(line) is None \
                and not line.endswith(("!", "?", ".")):
            return credits.clean_source(name)
    for find in (credits.source_label, credits.copyright_holder):
        for line in lines:
            if found := find(line):
                return found
    if agency:
        return agency
    for line in lines:
        b = credits.based_on(line)
        if b is not None and b.outlet:
            return b.outlet
    return ""


def _header_block(head: list[str], ti: int | None) -> list[str]:
    """The short lines between the headline and the story's first paragraph (date, byline...)."""
    if ti is None:
        return []
    out = []
    for line in head[ti + 1 :]:
        if len(line.split(None, 13)) > 12:  # more than 12 words (without splitting them all)
            break
        out.append(line)
    return out


def _tail_byline(lines: list[str]) -> str:
    for line in lines:
        b = credits.based_on(line)
        if b is not None and b.author:
            return b.author
        if who := credits.tail_reporting(line):
            return who
    return ""
