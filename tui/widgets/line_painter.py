"""Painting one screen line of an article: sentences, chrome, tags, search matches, the cursor.

The gutter in front of each line shows the cursor (`▶` on its first line, `│` below) or the
selection (`┃`), and, on the line where a sentence starts, its tag markers: `S,O` for my labels,
`+w` for other annotators', `✎` for a note, then the screen's hints: `s?` for a suggested
label (dim), `≈2` for a claim made in 2 other articles; `›S` when what they mark starts
mid-line, after the end of another sentence (dense wire copy), so a letter never seems to belong
to the words the line begins with. Colour is never the only signal. Text with several of my
labels shows each label's colour on its own share of every line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import pairwise

from rich.style import Style
from rich.text import Text

from tui.core.articles import Article, Sentence
from tui.core.sanitize import display_text
from tui.core.sentence_nav import SentenceNav, same

from .layout import Layout
from .marks import UNKNOWN_LOOK, LabelLook, Mark, Marks

GUTTER = 11  # space, up to 7 cells of tag markers, space, cursor mark, space
MARKER_CELLS = GUTTER - 4


def highlight_pattern(terms: Sequence[str]) -> re.Pattern[str] | None:
    """Search terms as one case-insensitive pattern; words also match their longer forms."""
    parts = []
    for term in sorted({t.strip() for t in terms if t and t.strip()}, key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in term.split())
        parts.append(rf"\b{body}\w*" if term[0].isalnum() else body)
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def _shares(mine: list[Mark], start: int, end: int) -> list[tuple[int, int, str]]:
    """Where each of my labels is coloured on the line `[start, end)`, relative to `start`.

    Text carrying several of my labels is split into equal runs, one per label, on every line
    it covers, so each label's colour shows (the gutter lists them all too).
    """
    if len(mine) == 1:
        m = mine[0]
        return [(max(m.start, start) - start, min(m.end, end) - start, m.label)]
    cuts = sorted({start, end} | {x for m in mine for x in (m.start, m.end) if start < x < end})
    out: list[tuple[int, int, str]] = []
    for a, b in pairwise(cuts):
        labels = list(dict.fromkeys(m.label for m in mine if m.start < b and m.end > a))
        if not labels:
            continue
        step = (b - a) / len(labels)
        for i, label in enumerate(labels):
            lo, hi = a + round(i * step), a + round((i + 1) * step)
            if hi > lo:
                out.append((lo - start, hi - start, label))
    return out


class LinePainter:
    """Styled text for screen lines of one article (the caller caches and converts to strips)."""

    def __init__(self, article: Article, nav: SentenceNav, marks: Marks,
                 looks: dict[str, LabelLook], style: Callable[[str], Style],
                 hints: Callable[[Sentence], Text] | None = None) -> None:
        self.article = article
        self.hints = hints  # the screen's extra markers: suggestion ghosts (`s?`), twins (`≈2`)
        self.nav = nav
        self.marks = marks
        self.looks = looks
        self.style = style  # component style by part name: cursor, selection, chrome, ...
        self.pattern: re.Pattern[str] | None = None
        self._block_matches: dict[int, list[tuple[int, int]]] = {}
        self._count: int | None = None

    def set_pattern(self, pattern: re.Pattern[str] | None) -> None:
        self.pattern = pattern
        self._block_matches.clear()
        self._count: int | None = None

    def match_count(self) -> int:
        if self.pattern is None:
            return 0
        if self._count is None:
            self._count = sum(1 for _ in self.pattern.finditer(self.article.text))
        return self._count

    def _sentences_on(self, bi: int, start: int, end: int) -> list[Sentence]:
        """Sentences on the screen line `[start, end)` of block `bi` (only its pieces segmented)."""
        del bi  # the offsets say it all; kept for callers
        return self.article.sentences_in(start, max(end, start + 1))

    def matches(self, bi: int) -> list[tuple[int, int]]:
        """Spans of the highlighted terms in block `bi` (cached)."""
        if self.pattern is None:
            return []
        found = self._block_matches.get(bi)
        if found is None:
            block = self.article.blocks[bi]
            text = self.article.text
            found = [m.span() for m in self.pattern.finditer(text, block.start, block.end)]
            self._block_matches[bi] = found
        return found

    def paint(self, layout: Layout, y: int, cursor: Sentence | None,
              selected: Sequence[tuple[int, int]]) -> Text | None:
        """Gutter + text of screen line `y`; None for the blank line between blocks."""
        bi = layout.blocks[y]
        if bi < 0:
            return None
        start, end = layout.starts[y], layout.ends[y]
        stop = max(end, start + 1)  # an empty line still "holds" a sentence starting on it
        content = Text(display_text(self.article.text[start:end]), no_wrap=True, end="")
        gutter_mark = " "
        # The selection: exactly its spans (sentences, or a span narrowed by words).
        selection: list[tuple[int, int]] = []
        i = max(0, bisect_right(selected, (start, start)) - 1)
        while i < len(selected) and selected[i][0] < stop:
            a, b = selected[i]
            if b > start:
                selection.append((max(a, start) - start, min(b, end) - start))
                gutter_mark = "┃"
            i += 1
        sents = self._sentences_on(bi, start, end)
        for s in sents:
            a, b = max(s.start, start) - start, min(s.end, end) - start
            if s.chrome:
                content.stylize(self.style("chrome"), a, b)
            if s.title:
                content.stylize(self.style("title"), a, b)
            if same(s, cursor):
                gutter_mark = "▶" if start <= s.start < stop else "│"
        # Others' tags first (underlined), mine over them (highlighted): both stay visible.
        marks = self.marks.overlapping(start, end)
        # Markers on the line where each tag starts (a whole sentence's, or part of one) and
        # each sentence's hints: one group per place where tags or sentences start.
        markers = Text()
        starting = [m for m in self.marks.overlapping(start, stop) if start <= m.start < stop]
        here = {s.start: s for s in sents if start <= s.start < stop}
        for at in sorted({m.start for m in starting} | set(here)):
            group = [m for m in starting if m.start == at]
            more = self.markers_of(group, here.get(at))
            if more and self.article.text[start:at].strip():
                # What they mark starts mid-line, after the end of another sentence: `›` says
                # the letters are its, not those of the words the line begins with.
                more = Text.assemble(("›", "bold"), more)
            if markers and more:
                markers.append(" ")
            markers.append_text(more)
        for m in marks:
            if not m.mine:
                look = self.looks.get(m.label, UNKNOWN_LOOK)
                content.stylize(look.theirs, max(m.start, start) - start, min(m.end, end) - start)
        for a, b, label in _shares([m for m in marks if m.mine], start, end):
            content.stylize(self.looks.get(label, UNKNOWN_LOOK).mine, a, b)
        for a, b in selection:
            content.stylize(self.style("selection"), a, b)
        for ms, me in self.matches(bi):
            if me > start and ms < end:
                content.stylize(self.style("match"), max(ms, start) - start, min(me, end) - start)
        if cursor is not None and cursor.end > start and cursor.start < stop:
            a, b = max(cursor.start, start) - start, min(cursor.end, end) - start
            content.stylize(self.style("cursor"), a, b)
        if markers.cell_len > MARKER_CELLS:
            markers.truncate(MARKER_CELLS, overflow="ellipsis")
        markers.align("right", MARKER_CELLS)
        mark = Text(gutter_mark, style=self.style("mark"))
        gutter = Text.assemble(" ", markers, " ", mark, " ", style=self.style("gutter"))
        return Text.assemble(gutter, content, no_wrap=True, end="")

    def markers(self, s: Sentence) -> Text:
        """`S,O+w✎` of a sentence's own tags, then its hints."""
        return self.markers_of(self.marks.on(s.start, s.end), s)

    def markers_of(self, marks: list[Mark], s: Sentence | None = None) -> Text:
        """`S,O+w✎`: my labels, then others' in lower case, then a pen when a note exists;
        then the screen's hints for the sentence `s` starting there, if any."""
        out = Text()
        mine = [m for m in marks if m.mine]
        theirs = sorted({m.label for m in marks if not m.mine})
        for i, m in enumerate(mine):
            look = self.looks.get(m.label, UNKNOWN_LOOK)
            out.append(("," if i else "") + look.marker, look.swatch)
        if theirs:
            out.append("+")
            for label in theirs:
                look = self.looks.get(label, UNKNOWN_LOOK)
                out.append(look.marker.lower(), look.swatch)
        if any(m.note for m in marks):
            out.append("✎")
        if self.hints is not None and s is not None and not s.chrome:
            more = self.hints(s)
            if more:
                if out:
                    out.append(" ")
                out.append_text(more)
        return out
