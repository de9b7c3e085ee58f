"""The query language, engine-neutral: parsed once into a small tree that each engine compiles
and that the sentence matcher evaluates, so both engines answer the same question.

Words (stemmed), "phrases", AND / OR / NOT (and `-word`), parentheses, wildcards (`*`, `?`),
fields (`title:`, `source:`, `article:`, `date:` with ranges, `label:`, `annotator:`, `is:`) and
the bare word `untagged`. Every mistake is a `QueryError` with one line saying what to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .analysis import stem, terms, wildcard_patterns
from .errors import QueryError

# Field names a user may type, and what they mean.
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
CANONICAL = {alias: name for name, aliases in ALIASES.items() for alias in [name, *aliases]}
ANALYZED = frozenset({"text", "title", "source"})
ARTICLE_FIELDS = frozenset({"title", "source", "date", "article"})
STATES = ("tagged", "untagged", "chrome")
HELP = ('words, "a phrase", AND/OR/NOT, wild*, label:NAME, annotator:NAME, title:, source:, '
        "article:, date:[2023-09-01 TO 2023-09-30], untagged")
_FIELD = re.compile(r"(?<![\w:])([A-Za-z_]\w*):(?=\S)(?!//)")
_OPERATORS = {"AND", "OR", "NOT", "TO"}


# -- the tree ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Word:
    field: str  # text | title | source: `value` is one index term
    value: str


@dataclass(frozen=True)
class Phrase:
    field: str
    values: tuple[str, ...]  # index terms in order


@dataclass(frozen=True)
class Wild:
    field: str  # text | title | source over terms; article | label | annotator over values
    patterns: tuple[str, ...]
    typed: bool = False  # the unfinished last word while typing (an engine may bound it)


@dataclass(frozen=True)
class Keyword:
    field: str  # article | label | annotator: the whole value
    value: str


@dataclass(frozen=True)
class Dates:
    lo: int  # yyyymmdd, inclusive
    hi: int


@dataclass(frozen=True)
class State:
    name: str  # tagged | untagged | chrome


@dataclass(frozen=True)
class Every:
    """Matches everything (what a sentence-level condition becomes at article level)."""


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


Node = Word | Phrase | Wild | Keyword | Dates | State | Every | Not | And | Or
LEAVES = (Word, Phrase, Wild, Keyword, Dates, State)


@dataclass(frozen=True)
class Parsed:
    text: str
    node: Node
    article_query: Node  # what an article must match for a sentence of it to match
    articles_only: bool  # only article-level fields: the hits are articles, not sentences
    terms: tuple[str, ...]  # text terms and wildcard patterns, to highlight
    scored: bool  # has words to rank by


# -- checks kept from before the parser, for their messages ---------------------------------
def _outside_quotes(text: str) -> str:
    return re.sub(r'"[^"]*"', lambda m: " " * len(m.group()), text)


def _check(text: str) -> None:
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
        if m.group(1).lower() not in CANONICAL:
            raise QueryError(f"unknown field '{m.group(1)}:'; use one of {', '.join(ALIASES)}")


# -- dates -----------------------------------------------------------------------------------
# Any start of a yyyy-mm-dd date is fine (typing date:2023-0 on the way to date:2023-09-14).
_DATE_START = re.compile(r"\d{1,4}|\d{4}-(?:[01]|0[1-9]|1[0-2])?|\d{4}-(?:0[1-9]|1[0-2])-"
                         r"(?:[0-3]|0[1-9]|[12]\d|3[01])?")


def date_number(iso: str) -> int | None:
    """yyyy-mm-dd as the integer yyyymmdd the index stores, or None."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        return int(iso.replace("-", ""))
    return None


def _date_bounds(value: str) -> tuple[int, int]:
    raw = value.rstrip("*")
    if not _DATE_START.fullmatch(raw) or "*" in raw or "?" in value:
        raise QueryError(f"date:{value} is not a date; write date:2023, date:2023-09, "
                         "date:2023-09-14 or date:[2023-09-01 TO 2023-09-30]")
    digits = raw.replace("-", "")
    scale = 10 ** (8 - len(digits))
    lo = int(digits) * scale
    return lo, lo + scale - 1


def _dates(value: str) -> Dates:
    m = re.fullmatch(r"[\[{]\s*(\S*?)\s*\bTO\b\s*(\S*?)\s*[\]}]", value)
    if m:
        a, b = m.groups()
        lo = 0 if a in ("", "*") else _date_bounds(a)[0] + (value[0] == "{")
        hi = 99999999 if b in ("", "*") else _date_bounds(b)[1] - (value[-1] == "}")
        return Dates(lo, hi)
    for op in (">=", "<=", ">", "<"):
        if value.startswith(op):
            lo, hi = _date_bounds(value[len(op):])
            # `>2023-09` is what follows "2023-09" as text: September's days included (as it
            # was with Whoosh's string ranges); after a whole date, the next day.
            after = hi + 1 if lo == hi else lo
            return {">=": Dates(lo, 99999999), "<=": Dates(0, hi), ">": Dates(after, 99999999),
                    "<": Dates(0, lo - 1)}[op]
    return Dates(*_date_bounds(value))


# -- the parser ------------------------------------------------------------------------------
_TOKEN = re.compile(r'\s*(?:(?P<lp>\()|(?P<rp>\))|(?P<field>[A-Za-z_]\w*):(?=\S)'
                    r'|(?P<phrase>"[^"]*")|(?P<range>[\[{][^\]}]*[\]}])|(?P<word>[^\s()"]+))')


def _lex(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            if text[pos:].strip():
                raise QueryError(f"cannot read the query {text!r} near {text[pos:pos + 10]!r}; "
                                 f"try {HELP}")
            break
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _lex(text)
        self.i = 0

    def peek(self) -> tuple[str, str] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> tuple[str, str]:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse(self) -> Node:
        node = self.or_expr("text")
        if self.peek() is not None:
            raise QueryError(f"cannot read the query {self.text!r} near "
                             f"{self.peek()[1]!r}; try {HELP}")  # type: ignore[index]
        return node

    def _is_op(self, word: str) -> bool:
        tok = self.peek()
        return tok is not None and tok == ("word", word)

    def or_expr(self, field: str) -> Node:
        parts = [self.and_expr(field)]
        while self._is_op("OR"):
            self.take()
            parts.append(self.and_expr(field))
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def and_expr(self, field: str) -> Node:
        parts = [self.unary(field)]
        while True:
            tok = self.peek()
            if tok is None or tok[0] == "rp" or self._is_op("OR"):
                break
            if self._is_op("AND"):
                self.take()
            parts.append(self.unary(field))
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def unary(self, field: str) -> Node:
        if self._is_op("NOT"):
            self.take()
            return Not(self.unary(field))
        tok = self.peek()
        if tok is not None and tok[0] == "word" and tok[1].startswith("-") and len(tok[1]) > 1:
            self.take()
            self.toks.insert(self.i, ("word", tok[1][1:]))
            return Not(self.unary(field))
        return self.primary(field)

    def primary(self, field: str) -> Node:
        if self.peek() is None:
            raise QueryError(f"the query {self.text!r} ends where a word was expected; "
                             f"try {HELP}")
        kind, value = self.take()
        if kind == "lp":
            node = self.or_expr(field)
            if self.peek() is None or self.take()[0] != "rp":
                raise QueryError(f"an unclosed '(' in {self.text!r}; balance the parentheses")
            return node
        if kind == "rp":
            raise QueryError(f"a ')' without its '(' in {self.text!r}; balance the parentheses")
        if kind == "field":
            name = CANONICAL[value.lower()]
            nxt = self.peek()
            if nxt is not None and nxt[0] == "lp":
                return self.primary(name)
            if nxt is None:
                raise QueryError(f"nothing after '{value}:' in {self.text!r}")
            kind, value = self.take()
            if kind == "word" and nxt[1] in (">", "<", ">=", "<=") and self.peek() is not None:
                value += self.take()[1]  # date:> 2023 typed with a space
            return leaf(name, kind, value)
        if kind == "word" and value in _OPERATORS:
            raise QueryError(f"{value} needs a word on both sides in {self.text!r}")
        if kind == "word" and field == "text" and value.lower() == "untagged":
            return State("untagged")  # bare `untagged` is a filter; quote it to find the word
        return leaf(field, kind, value)


def leaf(field: str, kind: str, value: str) -> Node:
    """One `field:value` (or a bare word/phrase in the default field) as a node."""
    if kind == "range" and field != "date":
        raise QueryError(f"ranges work on date: only, not {field}:{value}")
    quoted = kind == "phrase"
    raw = value[1:-1] if quoted else value
    if field == "date":
        return _dates(raw if kind != "range" else value)
    if field == "is":
        if raw.lower() not in STATES:
            raise QueryError(f"is:{raw} is not a state; use is:tagged, is:untagged or is:chrome")
        return State(raw.lower())
    if field in ("label", "annotator"):
        text = " ".join(raw.split()).lower()
        if not quoted and any(c in text for c in "*?"):
            return Wild(field, (text,))
        return Keyword(field, text)
    if field == "article":
        if not quoted and any(c in raw for c in "*?"):
            return Wild(field, (raw,))
        return Keyword(field, raw)
    if not quoted and any(c in raw for c in "*?"):
        if not raw.strip("*?"):
            raise QueryError(f"a wildcard needs a letter: {raw!r}; write e.g. weapon*")
        return Wild(field, wildcard_patterns(raw))
    found = tuple(terms(raw))
    if not found:
        raise QueryError(f"nothing to search in {value!r}: no letters or digits; add a word")
    if len(found) == 1:
        return Word(field, found[0])
    return Phrase(field, found)


# -- shapes of a tree ------------------------------------------------------------------------
def leaves(node: Node, negated: bool = False) -> list[tuple[Node, bool]]:
    if isinstance(node, Not):
        return leaves(node.child, not negated)
    if isinstance(node, And | Or):
        return [x for c in node.children for x in leaves(c, negated)]
    return [(node, negated)]


def field_of(node: Node) -> str:
    if isinstance(node, Word | Phrase | Wild | Keyword):
        return node.field
    if isinstance(node, Dates):
        return "date"
    return "is" if isinstance(node, State) else ""


def article_level(node: Node) -> Node:
    """The weakest condition an article must meet for some sentence of it to match `node`
    (labels on an article doc are those of any of its tags; a NOT of a sentence-level
    condition says nothing about the article)."""
    if isinstance(node, State):
        return Every()
    if isinstance(node, Not):
        child = node.child
        if all(field_of(x) in ARTICLE_FIELDS for x, _ in leaves(child)):
            return node
        return Every()
    if isinstance(node, And):
        kept: tuple[Node, ...] = tuple(k for k in (article_level(c) for c in node.children)
                                       if not isinstance(k, Every))
        return Every() if not kept else kept[0] if len(kept) == 1 else And(kept)
    if isinstance(node, Or):
        kids: tuple[Node, ...] = tuple(article_level(c) for c in node.children)
        return Every() if any(isinstance(k, Every) for k in kids) else Or(kids)
    return node


def with_prefix(node: Node, typed: str) -> Node:
    """While typing, the last word also matches longer words: `ammu` finds "ammunition"."""
    def walk(n: Node, last: bool) -> Node:
        if isinstance(n, And | Or):
            kids = list(n.children)
            kids[-1] = walk(kids[-1], last)
            return type(n)(tuple(kids))
        if last and isinstance(n, Word) and n.field == "text" and stem(typed) == n.value:
            return Or((n, Wild("text", tuple(dict.fromkeys((f"{typed}*", f"{n.value}*"))), True)))
        return n
    return walk(node, True)


_LAST_WORD = re.compile(r"(?:^|(?<=[\s(]))([^\W_][\w'’-]*)$")


def parse(text: str, typing: bool = False) -> Parsed:
    """Parse a user query; raises `QueryError` with one line saying what to change."""
    _check(text)
    node = _Parser(text).parse()
    if typing and text.count('"') % 2 == 0 and not text[-1].isspace():
        m = _LAST_WORD.search(text)
        if m and len(m.group(1)) >= 2 and m.group(1) not in _OPERATORS:
            node = with_prefix(node, m.group(1).lower())
    found = leaves(node)
    fields = {field_of(x) for x, _ in found}
    hl: list[str] = []
    for x, negated in found:
        if negated or field_of(x) != "text":
            continue
        if isinstance(x, Word):
            hl.append(x.value)
        elif isinstance(x, Phrase):
            hl.extend(x.values)
        elif isinstance(x, Wild):
            hl.extend(x.patterns)
    if all(negated for _, negated in found):
        node = And((node, Every()))  # only NOTs: everything else
    return Parsed(text, node, article_level(node), fields <= ARTICLE_FIELDS,
                  tuple(dict.fromkeys(hl)), bool(fields & ANALYZED))
