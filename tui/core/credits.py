"""Who wrote and who published an article: bylines, outlets and datelines, told apart by evidence.

The source is the outlet (a site name, `© 2002 Example Times`, "Example Times staff", the agency
of a dateline); the byline is a person; a dateline ("SEOUL, Sept 13 (Reuters) -") is a place.
A photo credit ("Photo Credit: AP") says who took a picture and is never the source.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .chrome import STOPWORDS, word_set
from .timestamps import is_timestamp

__all__ = ["Byline", "Dateline", "clean_source", "copyright_holder", "is_outlet", "is_person",
           "is_site_name",
           "parse_byline", "parse_dateline", "source_label", "staff_outlet"]

# Nouns that name a publication (outlets mostly use one of these in English), and agencies and
# broadcasters known by their own name.
GENERIC_OUTLET_WORDS = word_set("""
news times post herald journal tribune gazette telegraph chronicle daily weekly press media
observer guardian independent express mirror standard review wire wires network networks
broadcasting broadcaster radio tv television magazine insider dispatch courier bulletin monitor
agency newspaper newspapers
""")
BRANDS = word_set("""
reuters ap afp bbc cnn abc nbc cbs npr pbs bloomberg xinhua yonhap tass kyodo ria efe dpa ansa
upi aap
""")
OUTLET_WORDS = GENERIC_OUTLET_WORDS | BRANDS
# A part of a byline ending in one of these is the writer's role ("Economics Correspondent").
ROLE_WORDS = word_set("""
writer writers reporter reporters correspondent correspondents editor editors contributor
contributors columnist columnists staff journalist journalists producer producers analyst chief
desk newsroom
""")
_PARTICLES = word_set("de da del della der di du la le van von bin al el ibn dos das y")
_LEAD = re.compile(r"^\s*(?:by|written by|words by|reporting by|story by|posted by|"
                   r"author|authors|byline)\s*:?\s+(?P<who>.+?)\s*$", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:,|\||\s[-–—]\s|;|•|·|\bfor\b|\bof\b)\s*")
_PLACE_END = re.compile(r"\s+in\s+[A-Z][\w .'-]*$")  # "By Jane Smith in Seoul"
_PROSE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_YEARS = re.compile(r"\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?\b")
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright\b)", re.IGNORECASE)
_STAFF = re.compile(r"^\s*(?:by\s+|from\s+)?(?P<org>.{2,60}?)\s+(?:staff(?: (?:writers?|"
                    r"reporters?))?|reporters|newsroom|news desk|staff and (?:agencies|wires?))"
                    r"\s*\.?$", re.IGNORECASE)
_STAFF_END = re.compile(r"(?:staff|writers?|reporters?|newsroom|desk|agencies|wires?)$",
                        re.IGNORECASE)  # how every line `_STAFF` matches ends, before a "."
_STAFF_LAST = "fsrmkeFSRMKE\u017f\u212a"  # their last letters, in any case (re's ſ and K too)
_SOURCE_LABEL = re.compile(r"^\s*(?:source|sources|via|published by|publisher)\s*:\s*"
                           r"(?P<who>.{2,80}?)\s*\.?$", re.IGNORECASE)
_BASED_ON = re.compile(r"based on (?:content|reporting|a story) (?:written |originally )?by "
                       r"(?P<who>.{2,80}?)\.?\s*$", re.IGNORECASE)
_ROLE_NAME = re.compile(r"^(?P<org>(?:[A-Z][\w.&]*\s){0,3}?)(?:staff )?(?:writer|reporter|"
                        r"correspondent|journalist)s?\s+(?P<who>.+)$")
_TAIL_REPORTING = re.compile(r"\(?\s*(?:additional )?reporting by (?P<who>[^;)]{2,80}?)"
                             r"(?:\s+in\s+[A-Z][\w ]+)?\s*(?:[;)]|$)", re.IGNORECASE)
_NOT_PLACE = word_set("""
update updated breaking exclusive analysis opinion editorial comment watch live video photos
review note notes editor's summary explainer factbox fact check q&a interview warning
""")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3}(?:, (?:[A-Z][A-Za-z.'-]+ ?){1,3})??)"
    r"(?P<date>,? (?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?|\d{1,2} [A-Z][a-z]{2,8}\.?))?"
    r"\s*(?:\((?P<agency>[^()]{2,30})\))?\s*(?:[–—-]+|:)(?:\s|$)")
_DATELINE_TITLE = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
    r"(?:\s*\((?P<agency>[^()]{2,30})\)\s*[–—-]+|:)(?:\s|$)")


@dataclass(frozen=True, slots=True)
class Byline:
    """What a byline line says: the person(s), the outlet, either may be empty."""

    author: str
    outlet: str


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place (and date) a story opens with; `length` is how much of the line it takes."""

    text: str
    agency: str
    length: int


def _tokens(s: str) -> list[str]:
    return [t.strip(".,'’()") for t in s.split() if t.strip(".,'’()")]


def is_site_name(s: str) -> bool:
    """An outlet's own name on a line of its own: "The Harbour Herald", "example.com" (a menu's
    "News" alone is not one: a name has a word of its own besides the outlet noun)."""
    toks = _tokens(s)
    if not is_outlet(s) or not 1 <= len(toks) <= 5:
        return False
    return "." in s or any(t[0].isupper() and t.lower() not in GENERIC_OUTLET_WORDS
                           and t.lower() not in STOPWORDS for t in toks)


def is_outlet(s: str) -> bool:
    """A publication's name: has an outlet noun ("Times", "News", "Reuters") or is a domain."""
    toks = [t.lower() for t in _tokens(s)]
    if not toks or len(toks) > 6:
        return False
    if len(toks) == 1 and re.fullmatch(r"[\w-]+\.(?:com|net|org|news|co\.\w+|com\.\w+|\w{2})",
                                       toks[0]):
        return True
    return any(t in OUTLET_WORDS for t in toks)


def is_person(s: str) -> bool:
    """A person's name (or two joined by "and"): a few capitalised words, no outlet noun."""
    names = re.split(r"\s+(?:and|&)\s+|\s*,\s*", s.strip())
    for name in names:
        toks = _tokens(name)
        if not 1 <= len(toks) <= 5 or any(t.lower() in OUTLET_WORDS or t.lower() in STOPWORDS
                                          for t in toks):
            return False
        for t in toks:
            if t.lower() in _PARTICLES:
                continue
            if not (t[0].isupper() and re.fullmatch(r"[^\W\d_][\w'’.-]*", t)):
                return False
        if len(toks) == 1 and len(names) == 1 and len(toks[0]) < 2:
            return False
    return True


def _role_stripped(s: str) -> str:
    """`AP writer Kim Tong-hyung` -> `Kim Tong-hyung`; other text unchanged."""
    m = _ROLE_NAME.match(s.strip())
    return m.group("who").strip() if m else s.strip()


def parse_byline(line: str) -> Byline | None:
    """A byline line: "By Jane Smith, Example Times", "by time news", "Jane Smith | Staff Writer".

    None when the line is not one: "By Sunday night, 40 homes were lost." names no one.
    """
    if len(line) > 160 and len(line.strip()) > 160:
        return None  # the quick no for a paragraph, before the cache
    return _parse_byline(line)


@functools.lru_cache(maxsize=4096)  # pure (Byline is frozen); asked twice per head line
def _parse_byline(line: str) -> Byline | None:
    line = line.strip()
    m = _LEAD.match(line)
    if len(line) > 160 or len(line.split()) > (14 if m else 8):
        return None
    if not m and _PROSE_END.search(line):
        return None  # a sentence, not a name line
    who = _PLACE_END.sub("", m.group("who") if m else line)
    parts = [p.strip(" .") for p in _SPLIT.split(who) if p and p.strip(" .")]
    if not parts:
        return None
    author, outlet = "", ""
    head = _role_stripped(parts[0])
    if is_outlet(head) and (m or len(parts) > 1):  # "by time news", "BBC News, Correspondent"
        outlet = clean_source(staff_outlet(head) or head)
    elif is_person(head):
        author = head
    else:
        return None
    said = bool(m)  # something besides a name says this is a byline
    for p in parts[1:]:
        toks = _tokens(p)
        if toks and toks[-1].lower() in ROLE_WORDS and len(toks) <= 4:
            said = True
        elif is_outlet(p) and not outlet:
            outlet, said = clean_source(p), True
        elif is_timestamp(p) or p.isdigit():  # "| September 12, 2023" (split at its comma)
            continue
        elif m and is_person(p) and author:
            author = f"{author}, {p}"
        else:
            return None  # words that are no name, role, outlet or date: not a byline
    if author.isupper():  # "By MARY CLARE JALONICK" (wire style)
        author = " ".join(w.capitalize() if len(w) > 1 else w for w in author.split())
        author = re.sub(r"\bAnd\b", "and", author)
    return Byline(author, outlet) if said else None


def staff_outlet(line: str) -> str:
    """"Example Times staff" -> "Example Times"; "" when the line says no such thing."""
    s = line.strip()
    k = len(s) - 1  # the last character before a final "." and the spaces before it
    if k >= 0 and s[k] == ".":
        k -= 1
        while k >= 0 and s[k].isspace():
            k -= 1
    if k < 0 or s[k] not in _STAFF_LAST or not _STAFF_END.search(s, max(0, k - 11), k + 1):
        return ""  # a quick no (every head and tail line of every article is asked)
    return _staff_outlet(s)


@functools.lru_cache(maxsize=4096)  # pure; a head line is asked by the role and the source rules
def _staff_outlet(s: str) -> str:
    m = _STAFF.match(s)
    if m and is_outlet(m.group("org")):
        return clean_source(m.group("org"))
    return ""


def copyright_holder(line: str) -> str:
    """"© 2002 Example Times. All rights reserved." -> "Example Times"; "" if not a copyright."""
    if not _COPYRIGHT.match(line) or len(line) > 160:
        return ""
    return clean_source(line)


def source_label(line: str) -> str:
    """"Source: Reuters" -> "Reuters" ("Photo source: ..." and "Credit: ..." are not sources)."""
    m = _SOURCE_LABEL.match(line)
    return clean_source(m.group("who")) if m else ""


@functools.lru_cache(maxsize=4096)  # pure (Byline is frozen); asked by the source and byline rules
def based_on(line: str) -> Byline | None:
    """"This article is based on content written by AP writer Kim Tong-hyung." """
    if "based on" not in line.lower():
        return None
    m = _BASED_ON.search(line)
    if not m:
        return None
    who = m.group("who").strip()
    rm = _ROLE_NAME.match(who)
    if rm:
        return Byline(rm.group("who").strip(" ."), clean_source(rm.group("org")))
    return Byline(who, "") if is_person(who) else Byline("", clean_source(who))


def tail_reporting(line: str) -> str:
    """"(Reporting by Jane Smith in Seoul; Editing by John Doe)" -> "Jane Smith"."""
    if "reporting by" not in line.lower():  # a cheap no: the regex tries every position
        return ""
    m = _TAIL_REPORTING.search(line)
    if m and is_person(m.group("who")):
        return m.group("who").strip()
    return ""


def clean_source(s: str) -> str:
    """An outlet's name without copyright signs, years, "All rights reserved" and trailing dots."""
    s = re.sub(r"(?i)\ball rights reserved\b.*$", "", s)
    s = re.sub(r"(?i)^\s*(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*", "", s)
    s = _YEARS.sub("", s)
    s = re.sub(r"(?i)^\s*(?:©|\(c\)|copyright)\s*", "", s)
    return " ".join(s.split()).strip(" .,;:|-–—")


def parse_dateline(line: str) -> Dateline | None:
    """"SEOUL, Sept 13 (Reuters) - North Korea..." -> place and date, the agency apart."""
    m = _DATELINE.match(line) or _DATELINE_TITLE.match(line)
    if not m:
        return None
    place = m.group("place").strip()
    first = place.split(",")[0].strip().lower()
    if first in _NOT_PLACE or len(place) < 2:
        return None
    date = (m.groupdict().get("date") or "").strip(" ,")
    text = f"{place}, {date}" if date else place
    return Dateline(text, (m.group("agency") or "").strip(), len(m.group(0).rstrip()))
