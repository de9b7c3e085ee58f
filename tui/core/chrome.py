"""Recognising site chrome in scraped articles: the website around the story, not the story.

Evidence over phrase lists, the way boilerplate removers (jusText) judge a block: prose is long
and dense in stop words, chrome is short, link-like, or says what kind of thing it is (a share
bar, a phone number, a breadcrumb, a timestamp, a cookie or newsletter prompt, a photo credit, a
copyright). Conservative: a line that reads as prose is only chrome when it is a consent or
newsletter prompt, or one of the few fixed phrases below.
"""

from __future__ import annotations

import functools
import re

from .timestamps import DIGIT, is_timestamp

__all__ = ["CHROME_MAX", "STOPWORDS", "WORD", "chrome_lines", "chrome_reason", "content_words",
           "is_chrome_line", "is_link_leader", "is_prose", "is_short_link_like", "stopword_density",
           "word_set", "words"]

CHROME_MAX = 300  # chrome lines are short; longer lines are never chrome
_SHORT_MAX = CHROME_MAX + 40  # untrimmed length over which a line is not even stripped
_RUN = 3  # this many short link-like lines in a row are a menu

# Fixed phrases whole-line: buttons and labels every news site prints.
_FIXED = [
    r"share( this)?( article| story| post| page)?:?",
    r"share to:?",
    r"shareable url",
    r"(prev|previous|next) (post|article|story)",
    r"leave a (reply|comment)",
    r"your email address will not be published\.?.*",
    r"required fields are marked \*?",
    r"read (next|more|also)(:.{0,160})?",
    r"(see|view) (more|all)( .{0,30})?",
    r"(similar|related|more|latest|top) (news|articles|posts|stories|coverage|videos)( .{0,30})?",
    r"you (may|might) also like",
    r"more (from|in|on|about) [^.!?]{1,30}",
    r"\(?(additional )?(reporting|writing) by [^()]{2,80}; (editing|additional reporting) by "
    r"[^()]{2,80}\)?",
    r"advertisement",
    r"(sponsored|promoted)( content| stories)?",
    r"generic filters",
    r"(photo |image )?credits?: .{1,80}",
    r"(©|\(c\)|copyright) .*",
    r"all rights reserved\.?",
    r"subscribe( now| today| here)?",
    r"click here.*",
    r"\d{1,3}",  # lone comment or share counters
    r"follow us( on .{1,40})?",
    r"skip to (main )?(content|navigation)",
    r"(log|sign) ?(in|up|out)",
    r"continue reading.{0,40}",
    r"(most (read|popular|viewed|shared)|trending( now| stories)?|recommended( for you| stories)?)",
    r"comments?( \(\d+\))?",
    r"(tags?|topics?|categories|category|keywords): .{0,80}",
    r"(source|sources|via|publisher|published by): [^.!?]{1,60}\.?",
    r"(filed under|posted in):? [^.!?]{0,80}",
    r"(image|media|video|photo) (source|caption|credit)[:,]? .{0,80}",
    r"(accept|manage|reject)( all)? cookies.*",
    r"loading\.{0,3}",
    r"\d+ min(ute)?s? read",
    r"(listen to|print) this (article|story)",
    r"back to top",
    r"(open|close) (menu|search)|menu|search",
]
_FIXED_RX = re.compile(r"^\s*(?:" + "|".join(_FIXED) + r")\s*$", re.IGNORECASE)
# After these, the next line is the headline of a different article.
_LINK_LEADERS = re.compile(r"^\s*(prev|previous|next) (post|article|story)\s*$", re.IGNORECASE)



def word_set(words: str) -> frozenset[str]:
    """A set of words written as one string (long word lists stay readable)."""
    return frozenset(words.split())


STOPWORDS = word_set("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours out over own said
says same she should so some such than that the their theirs them then there these they this
those through to too under until up very was we were what when where which while who whom why
will with would you your yours yourself also its it's he's she's they're we're who's
every everything everyone many much one two just like get got make made still even well back
""")
SOCIAL = word_set("""
facebook twitter x whatsapp linkedin telegram reddit pinterest instagram tiktok youtube threads
bluesky mastodon snapchat flipboard messenger viber wechat weibo line email e-mail mail print
copy link url sms tumblr vk
""")
_SHARE_WORDS = word_set("share shares sharing on via this article story post page with your "
                         "friends follow us and the tweet pin it save comment comments or "
                         "subscribe")

_PUNCT = "\"'“”‘’()[]{},.;:!?…-–—"
WORD = re.compile(r"[^\W\d_][\w'’-]*")  # a word: letters first
_TOKEN = re.compile(r"[\w'’@.+-]+")
_PROSE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_PHONE = re.compile(r"(?<![\w/])(?:\+|\b)\(?\d[\d\s().\-]{6,}\d(?![\w/])")
_CRUMB_SEP = re.compile(r"\s*(?:>{1,2}|»|›|→|\s/\s)\s*")
_WIDE_GAP = re.compile(r"\s{3,}")
_MENU_SEP = re.compile(r"\s*(?:\||•|·|◦|‣|∙)\s*|\s{3,}|\t+")
_URL = re.compile(r"^(?:https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+|\S+\.(?:com|net|org|co\.uk|"
                  r"com\.au|io|news)(?:/\S*)?)$", re.IGNORECASE)
_CREDIT = re.compile(r"^\(?\s*(?:(?:file |staff )?(?:photo(?:graph)?|image|picture|pic|video|"
                     r"graphic|illustration)s?(?: credit| by)?\s*[:/]|(?:[A-Z][\w.&-]*\s){0,3}"
                     r"(?:photo|pictures|images)\s*/)", re.IGNORECASE)
_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_CONSENT = re.compile(r"\b(?:accept|consent|agree|privacy|policy|settings|preferences|browsing|"
                      r"your experience|we use|this (?:web)?site|personali[sz]e)", re.IGNORECASE)
_NEWSLETTER = re.compile(r"\b(?:newsletters?|inbox|sign(?:ing)? up|signup|subscribe|subscription|"
                         r"e-?mail address|register|get (?:the )?(?:latest|best|top))\b",
                         re.IGNORECASE)
_TO_READER = re.compile(r"\b(?:you|your|our|us)\b|^(?:sign up|subscribe|get|join|enter|"
                        r"register|don'?t miss)\b", re.IGNORECASE)


def words(line: str) -> list[str]:
    """The words of a line (letters first; numbers are not words here), lowercased."""
    return [w.lower().strip("'’-") for w in WORD.findall(line)]


def content_words(line: str) -> list[str]:
    """Words that carry meaning: not stop words, three letters or more."""
    return [w for w in words(line) if len(w) >= 3 and w not in STOPWORDS]


def stopword_density(ws: list[str]) -> float:
    return sum(w in STOPWORDS for w in ws) / len(ws) if ws else 0.0


def is_prose(line: str) -> bool:
    """jusText's "good" class, per line: long enough, dense in stop words, ends like a sentence.

    Cheap on purpose (split and a set lookup on at most 24 words): every short line of a 3 MB
    article goes through it.
    """
    if not _PROSE_END.search(line):
        return False
    ws = line.split(None, 24)[:24]
    if len(ws) < 8:
        return False
    stop = sum(1 for w in ws if w.lower().strip(_PUNCT) in STOPWORDS)
    return stop >= 0.2 * len(ws)


def is_short_link_like(line: str) -> bool:
    """One to three words, no sentence punctuation: a menu item, a tag, a button."""
    ws = line.split()
    return (1 <= len(ws) <= 3 and len(line) <= 30 and not _PROSE_END.search(line)
            and not line.endswith((",", ";", ":")) and any(c.isalpha() for c in line))


def _phone_line(line: str) -> bool:
    if not DIGIT.search(line):
        return False  # the quick no: a phone number has digits
    for m in _PHONE.finditer(line):
        if sum(c.isdigit() for c in m.group()) >= 8 and not is_timestamp(m.group()):
            rest = line[: m.start()] + " " + line[m.end() :]
            return len(words(rest)) <= 8
    return False


def _breadcrumb(line: str) -> bool:
    if not any(c in line for c in ">»›→/"):
        return False  # the quick no: no separator, one part
    parts = [p for p in _CRUMB_SEP.split(line) if p]
    if len(parts) < 2 or len(line.split()) > 14 or _PROSE_END.search(line):
        return False
    ok = all(1 <= len(p.split()) <= 5 and p[0].isalpha() for p in parts)
    return ok and (all(p[0].isupper() for p in parts)
                   or parts[0].lower() in ("home", "you are here"))


def _menu(line: str) -> bool:
    if not any(c in line for c in "|•·◦‣∙\t") and not _WIDE_GAP.search(line):
        return False  # the quick no: no separator, one item
    items = [p for p in _MENU_SEP.split(line) if p]
    return len(items) >= 3 and all(is_short_link_like(p) or p.isdigit() for p in items)


def _social(line: str) -> bool:
    toks: list[str] = []
    for tok in _TOKEN.findall(line):
        t = tok.lower().strip(".:,;!|•·()[]")
        if not t:
            continue
        if t not in SOCIAL and t not in _SHARE_WORDS or len(toks) == 12:
            return False  # a word no share bar has, or too many words
        toks.append(t)
    return bool(toks) and any(t in SOCIAL or t.startswith(("share", "follow")) for t in toks)


def _slogan(line: str) -> bool:
    """A site's motto: short, exclaims, speaks to the reader ("All your news, One Platform!")."""
    return line.rstrip().endswith("!") and len(line.split()) <= 12 \
        and bool(re.search(r"\b(?:you|your|our|we)\b", line, re.IGNORECASE)) \
        and not re.search(r"[\"“”]", line)


# Words without which a long line that ends like a sentence cannot be chrome (`_plainly_prose`).
_ATTENTION = ("cookie", "newsletter", "inbox", "subscri", "sign", "mail", "reporting by",
              "copyright", "rights reserved", "click", "read ", "©", "(c)", "share", "credit",
              "photo", "image", "follow", "comment", "advert", "sponsor", "skip to", "loading",
              "published", "updated", "reply", "required", "register")


def _plainly_prose(line: str) -> bool:
    """A quick no for the bulk of a long article: a long line ending like a sentence, with none
    of the words chrome is made of (substring tests: a regex alternation cost 30x more)."""
    if len(line) <= 60 or line[-1] not in ".?\"”’)":
        return False
    low = line.lower()
    return not any(k in low for k in _ATTENTION)


def chrome_reason(line: str) -> str | None:
    """Why a line, on its own, is site chrome (a short name for the evidence); None if it is not.

    `line` is one stripped line. Prose-shaped lines are only chrome by a fixed phrase or a
    consent/newsletter prompt, never by the looser shape rules.
    """
    if not line or len(line) > CHROME_MAX:
        return None  # the quick no for a paragraph, before the cache
    return _chrome_reason(line)


@functools.lru_cache(maxsize=4096)  # pure; a page's lines are asked twice, a site's on every page
def _chrome_reason(line: str) -> str | None:
    if _plainly_prose(line):
        return None
    if _FIXED_RX.match(line):
        return "fixed"
    if _COOKIE.search(line) and _CONSENT.search(line):
        return "cookie"
    if len(line.split()) <= 40 and _NEWSLETTER.search(line) and _TO_READER.search(line) \
            and not re.search(r"[\"“”]", line):
        return "newsletter"
    if _slogan(line):
        return "slogan"
    if is_prose(line):
        return None
    for name, test in (("timestamp", is_timestamp), ("phone", _phone_line), ("social", _social),
                       ("breadcrumb", _breadcrumb), ("menu", _menu)):
        if test(line):
            return name
    if _URL.match(line):
        return "url"
    if _CREDIT.match(line) and len(line.split()) <= 10:
        return "credit"
    return None


def is_chrome_line(line: str) -> bool:
    """True for a line that belongs to the website around the article, not to the article."""
    return chrome_reason(line.strip()) is not None


def is_link_leader(line: str) -> bool:
    """True for "Prev Post"-style lines whose following line is another article's headline."""
    return bool(_LINK_LEADERS.match(line))


def chrome_lines(text: str) -> list[tuple[int, int]]:
    """Trimmed spans of the lines that are site chrome, in order.

    A line is chrome on its own evidence (`chrome_reason`), or by its neighbours as jusText does:
    in a run of `_RUN` or more lines that are each chrome or short and link-like (blank lines
    between them do not break it), the short ones are a menu too, when the run holds a chrome
    line or opens or closes the text. A run between two lines of the story (a list of names)
    stays the story's. Only short lines are looked at, so a 3 MB paragraph costs one split.
    """
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []  # short link-like lines since the last line that says something
    run_len = 0  # lines in the run, chrome ones included
    run_chrome = False  # the run holds a line that is chrome on its own
    at_start = True  # no line that says something came before the run
    pos = 0
    for line in text.split("\n"):  # one C call; a multiline regex tried every position of 3 MB
        start, pos = pos, pos + len(line) + 1
        if not line or line.isspace():
            continue
        kind = "other"
        if len(line) <= _SHORT_MAX:
            stripped = line.strip()
            if len(stripped) <= CHROME_MAX:
                first = start + len(line) - len(line.lstrip())
                span = (first, first + len(stripped))
                if chrome_reason(stripped) is not None:
                    out.append(span)
                    kind = "chrome"
                elif is_short_link_like(stripped):
                    run.append(span)
                    kind = "short"
        if kind == "other":  # a line that says something ends the run
            if run_len >= _RUN and (run_chrome or at_start):
                out.extend(run)
            run, run_len, run_chrome, at_start = [], 0, False, False
        else:
            run_len += 1
            run_chrome = run_chrome or kind == "chrome"
    if run_len >= _RUN:  # the run closes the text
        out.extend(run)
    out.sort()
    return out
