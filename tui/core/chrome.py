"""Recognising site chrome in scraped articles: share buttons, comment forms, slogans, phones."""

from __future__ import annotations

import re

_CHROME_PATTERNS = [
    r"share( this)?( article| story| post)?:?",
    r"share to:?",
    r"shareable url",
    r"(prev|previous|next) (post|article|story)",
    r"leave a (reply|comment)",
    r"your email address will not be published\.?.*",
    r"required fields are marked \*?",
    r"read (next|more|also)",
    r"similar (news|articles|posts|stories)",
    r"related (news|articles|posts|stories)",
    r"you (may|might) also like",
    r"advertisement",
    r"sponsored( content)?",
    r"generic filters",
    r"(photo )?credit: .{1,60}",
    r"(©|\(c\)|copyright) .*",
    r"all rights reserved\.?",
    r"subscribe( now| to our newsletter)?",
    r"sign up.*newsletter.*",
    r"click here.*",
    r"\d{1,3}",  # lone comment or share counters
    r"(?=(?:\D*\d){9})\+?[\d\s().\-]{9,}",  # phone numbers (9+ digits: not a bare date)
    r"(all )?your( trusted)? (news|source).*!",  # site slogans end with an exclamation
    r"all your news.*",
    r"(facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|e-?mail|print|copy link)",
    r"follow us( on .{1,40})?",
    r"skip to (main )?content",
    r"(log|sign) ?(in|up|out)",
    r"continue reading.{0,40}",
    r"(most (read|popular|viewed)|trending( now| stories)?|recommended( for you| stories)?)",
    r"comments?( \(\d+\))?",
    r"(tags?|topics?|categories|category): .{0,80}",
    r"(filed under|posted in):? [^.!?]{0,80}",
    r"image (source|caption|credit): .{1,80}",
    r"(accept|manage)( all)? cookies.*",
    r"loading\.{0,3}",
]
_CHROME = re.compile(r"^\s*(?:" + "|".join(_CHROME_PATTERNS) + r")\s*$", re.IGNORECASE)
# After these, the next line is the headline of a different article.
_LINK_LEADERS = re.compile(r"^\s*(prev|previous|next) (post|article|story)\s*$", re.IGNORECASE)


def is_chrome_line(line: str) -> bool:
    """True for a line that belongs to the website around the article, not to the article."""
    return bool(_CHROME.match(line))


def is_link_leader(line: str) -> bool:
    """True for "Prev Post"-style lines whose following line is another article's headline."""
    return bool(_LINK_LEADERS.match(line))
