"""The fast paths of `headwords` (and the quick noes of the line rules) give the plain answers."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core import chrome, credits, timestamps
from tui.core.headwords import Lead, stems

# Words and glue that exercise every branch: possessives, hyphens, digits inside and before
# words, curly quotes, stop words, short words, non-ASCII letters (the slow path), Kelvin & co.
PIECES = ["fire", "fires", "firefighters", "Fire's", "bush", "bushfire", "Bush’s", "the", "and",
          "2nd", "12abc", "_x", "a-b", "re-elect", "it's", "It’s", "McGrath's", "USA", "ab's",
          "café", "Ünïcode", "ſtaff", "İstanbul", "research", "researchers", "Resea", "x",
          "staff", "reporters", "news desk", "Today", "May", "monday", "just now", "3", "2023"]
GLUE = [" ", "  ", ", ", ". ", "-", "'", "’", "—", "“", "”", "\n", "_", "…", "(", ")", "|"]
text = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GLUE)), max_size=40).map(
    lambda xs: "".join(a + b for a, b in xs))


def plain_words_stems(line: str) -> set[str]:
    """The definition: content words by `chrome.content_words`, possessive cut, five letters."""
    out = set()
    for w in chrome.content_words(line):
        if w.endswith(("'s", "’s")):
            w = w[:-2]
        out.add(w[:5])
    return out


@settings(max_examples=400, deadline=None)
@given(text)
def test_stems_are_the_content_words_first_five_letters(line: str) -> None:
    assert stems(line) == plain_words_stems(line)


@settings(max_examples=400, deadline=None)
@given(text, text)
def test_a_lead_shares_what_its_stems_share(head: str, lead: str) -> None:
    own = stems(head)
    assert Lead(lead).shared(own) == len(own & plain_words_stems(lead))


_STAFF = re.compile(r"^\s*(?:by\s+|from\s+)?(?P<org>.{2,60}?)\s+(?:staff(?: (?:writers?|"
                    r"reporters?))?|reporters|newsroom|news desk|staff and (?:agencies|wires?))"
                    r"\s*\.?$", re.IGNORECASE)


@settings(max_examples=300, deadline=None)
@given(text)
def test_staff_outlet_quick_no_never_drops_a_match(line: str) -> None:
    m = _STAFF.match(line.strip())
    if m is None:
        assert credits.staff_outlet(line) == ""
    else:
        want = credits.clean_source(m.group("org")) if credits.is_outlet(m.group("org")) else ""
        assert credits.staff_outlet(line) == want


def test_quick_noes_keep_the_answers_they_guard() -> None:
    assert timestamps.is_timestamp("Updated: 13 Sep 2023, 10:42 am AEST")
    assert timestamps.is_timestamp("Yesterday")
    assert timestamps.is_timestamp("ſunday")  # re's IGNORECASE reads ſ as s: so does the quick no
    assert timestamps.is_timestamp("Just now")
    assert not timestamps.is_timestamp("While the research could prove")
    assert chrome.chrome_reason("Home > News > World") == "breadcrumb"
    assert chrome.chrome_reason("News | Sport | Weather | Culture") == "menu"
    assert chrome.chrome_reason("News   Sport   Weather") == "menu"
    assert chrome.chrome_reason("Call us on +61 2 9999 1234") == "phone"
    assert chrome.chrome_reason("Share on Facebook Twitter") == "social"
    assert chrome.chrome_reason("Share " + "Facebook " * 12) is None  # over twelve words
    assert credits.staff_outlet("Example Times staff.") == "Example Times"
    assert credits.staff_outlet("The Harbour Herald news desk") == "The Harbour Herald"
