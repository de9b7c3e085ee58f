"""The query language on top of Whoosh's parser: field aliases, `untagged`, date prefixes, and
one-line messages for queries Whoosh would silently misread."""

from __future__ import annotations

import re
from dataclasses import dataclass

from whoosh import query as wq
from whoosh.qparser import FieldAliasPlugin, GtLtPlugin, QueryParser

from .engine import QueryError

# Field names a user may type, and what they mean in the schema.
ALIASES = {
    "text": ["sentence", "body", "words"],
    "title": ["headline"],
    "source": ["by", "byline", "outlet"],
    "date": ["day"],
    "article": ["id", "doc"],
    "label": ["labels", "tag"],
    "annotator": ["annotators", "who", "user"],
    "is": ["state"],
}
ARTICLE_FIELDS = frozenset({"title", "source", "date", "article"})
KNOWN = frozenset(ALIASES) | {a for names in ALIASES.values() for a in names}
STATES = ("tagged", "untagged", "chrome")
_FIELD = re.compile(r"(?<![\w:])([A-Za-z_]\w*):(?=\S)(?!//)")
_UNTAGGED = re.compile(r"(?<![\w:\"*?])untagged(?![\w:*?])", re.IGNORECASE)
HELP = 'words, "a phrase", AND/OR/NOT, wild*, label:NAME, annotator:NAME, title:, source:, ' \
       "article:, date:[2023-09-01 TO 2023-09-30], is:untagged"


@dataclass(frozen=True)
class Parsed:
    query: wq.Query
    articles_only: bool  # only article-level fields: answer with articles, not sentences
    terms: tuple[str, ...]  # index terms of the sentence text, to highlight ("*" wildcards kept)
    scored: bool  # has words to rank by; otherwise hits come in document order
    typed: str = ""  # the unfinished last word, searched as a prefix too (as you type)


def _outside_quotes(text: str) -> str:
    """The query with quoted parts blanked, so checks never look inside a phrase."""
    return re.sub(r'"[^"]*"', lambda m: " " * len(m.group()), text)


def _check(text: str) -> str:
    if not text.strip():
        raise QueryError(f"empty query; try {HELP}")
    if text.count('"') % 2:
        raise QueryError(f'unclosed quote in {text!r}; close the phrase with a second "')
    bare = _outside_quotes(text)
    depth = 0
    for ch in bare:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            raise QueryError(f"a ')' without its '(' in {text!r}; balance the parentheses")
    if depth:
        raise QueryError(f"an unclosed '(' in {text!r}; balance the parentheses")
    if bare.count("[") != bare.count("]") or bare.count("{") != bare.count("}"):
        raise QueryError(f"an unclosed range in {text!r}; write date:[2023-09-01 TO 2023-09-30]")
    for m in _FIELD.finditer(bare):
        name = m.group(1).lower()
        if name not in KNOWN:
            raise QueryError(f"unknown field '{m.group(1)}:'; use one of {', '.join(ALIASES)}")
    for m in re.finditer(r"\b(?:is|state):(\w+)", bare, re.IGNORECASE):
        if m.group(1).lower() not in STATES:
            raise QueryError(f"is:{m.group(1)} is not a state; "
                             "use is:tagged, is:untagged or is:chrome")
    # Field names are case-insensitive for people, exact for Whoosh.
    text = _FIELD.sub(lambda m: m.group(1).lower() + ":", text)
    # Bare `untagged` is a filter, not a word to look for (quote it to search the word).
    parts = re.split(r'("[^"]*")', text)
    return "".join(p if p.startswith('"') else _UNTAGGED.sub("is:untagged", p) for p in parts)


def make_parser(schema) -> QueryParser:  # noqa: ANN001 - a whoosh Schema
    parser = QueryParser("text", schema)
    parser.add_plugin(FieldAliasPlugin(ALIASES))
    parser.add_plugin(GtLtPlugin())
    return parser


def named_values(q: wq.Query) -> list[tuple[str, str]]:
    """(field, value) of the label: and annotator: terms a query asks for (not under NOT)."""
    return [(leaf.fieldname, str(leaf.text)) for leaf, negated in _leaves(q)
            if not negated and isinstance(leaf, wq.Term)
            and leaf.fieldname in ("label", "annotator")]


def _leaves(q: wq.Query, negated: bool = False) -> list[tuple[wq.Query, bool]]:
    """Every leaf with whether it sits under a NOT (those words are not highlighted)."""
    if q.is_leaf():
        return [(q, negated)]
    neg = negated or isinstance(q, wq.Not)
    return [leaf for c in q.children() for leaf in _leaves(c, neg)]


# Dates are indexed as yyyy-mm-dd and matched by prefix, so any start of one is fine (typing
# date:2023-0 on the way to date:2023-09-14); only what no date can start with is an error.
_DATE_START = re.compile(r"\d{1,4}|\d{4}-(?:[01]|0[1-9]|1[0-2])?|\d{4}-(?:0[1-9]|1[0-2])-"
                         r"(?:[0-3]|0[1-9]|[12]\d|3[01])?")


def _check_dates(q: wq.Query) -> None:
    """A date that cannot match (date:2023-13-45) would silently find nothing: say so."""
    for leaf, _ in _leaves(q):
        if getattr(leaf, "fieldname", None) != "date":
            continue
        if isinstance(leaf, wq.TermRange):
            values = [leaf.start, leaf.end]
        elif type(leaf) is wq.Term:  # wildcards (date:2023-*) and prefixes are left to match
            values = [leaf.text]
        else:
            continue
        for value in values:
            if value is not None and not _DATE_START.fullmatch(str(value)):
                raise QueryError(f"date:{value} is not a date; write date:2023, date:2023-09, "
                                 "date:2023-09-14 or date:[2023-09-01 TO 2023-09-30]")


def _fix(q: wq.Query) -> wq.Query:
    """Dates match by prefix (date:2023-09 is the whole month); label names are one token."""
    if isinstance(q, wq.Term) and q.fieldname == "date":
        return wq.Prefix("date", str(q.text))
    if isinstance(q, wq.Phrase) and q.fieldname in ("label", "annotator"):
        return wq.Term(q.fieldname, " ".join(q.words).lower())
    return q


_LAST_WORD = re.compile(r"(?:^|(?<=[\s(]))([^\W_][\w'’-]*)$")
_OPERATORS = {"AND", "OR", "NOT", "TO"}


def as_you_type(text: str) -> str:
    """While typing, the last word also matches longer words: `ammu` finds "ammunition"."""
    if text.count('"') % 2 or not text or text[-1].isspace():
        return text
    m = _LAST_WORD.search(text)
    if not m or len(m.group(1)) < 2 or m.group(1) in _OPERATORS:
        return text
    word = m.group(1)
    return f"{text[: m.start(1)]}({word} OR {word}*)"


def parse(parser: QueryParser, text: str, typing: bool = False) -> Parsed:
    """Parse a user query; raises `QueryError` with one line saying what to change."""
    prepared = _check(as_you_type(text) if typing else text)
    typed = ""
    if typing and prepared != _check(text):
        typed = _LAST_WORD.search(text).group(1).lower()
    try:
        q = parser.parse(prepared)
    except Exception as exc:  # Whoosh raises assorted errors on odd input; all mean "can't read"
        raise QueryError(f"cannot read the query {text!r} ({exc}); try {HELP}") from None
    _check_dates(q)
    q = q.accept(_fix)
    if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
        raise QueryError(f"nothing to search in {text!r}: only very common words; add a rarer word")
    leaves = _leaves(q)
    fields = {getattr(leaf, "fieldname", None) for leaf, _ in leaves} - {None}
    terms: list[str] = []
    for leaf, negated in leaves:
        if negated or getattr(leaf, "fieldname", None) != "text":
            continue
        if isinstance(leaf, wq.Phrase):
            terms.extend(str(w) for w in leaf.words)
        elif isinstance(leaf, wq.Prefix):
            terms.append(f"{leaf.text}*")
        elif isinstance(leaf, wq.PatternQuery | wq.Term):
            terms.append(str(leaf.text))
    scored = bool(fields & {"text", "title", "source"})
    articles_only = bool(fields) and fields <= ARTICLE_FIELDS
    return Parsed(q, articles_only, tuple(dict.fromkeys(terms)), scored, typed)
