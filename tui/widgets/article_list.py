"""The library's list of articles: an `OptionList` with one line per article, for 100,000 of them.

`OptionList` measures every option's height up front by rendering it, which takes seconds for a
big corpus; every row here is exactly one line, so the height table is built without rendering.
Rows lay out their columns when drawn, at the list's width, so only visible rows cost anything.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.labels import LabelSet
from tui.core.sanitize import one_line

from .marks import UNKNOWN_LOOK, LabelLook

if TYPE_CHECKING:
    from tui.core.library import Entry  # not imported at start-up: it pulls in the segmenter

COUNT_CELLS = 4  # " 999": a space and three digits per label
DATE_CELLS = 10  # dates are shown as 2023-09-16: the time of day says little in a list
SOURCE_CELLS = 16  # at most; narrower when no source in the corpus needs it
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH_DAY_YEAR = re.compile(r"([a-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ([a-z]{3})[a-z]*\.?,? (\d{4})", re.IGNORECASE)


def short_date(date: str) -> str:
    """`2023-09-16` for the date forms the metadata finds; anything else as it is."""
    if m := _ISO.search(date):
        return m.group(0)
    for pattern, order in ((_MONTH_DAY_YEAR, (3, 1, 2)), (_DAY_MONTH_YEAR, (3, 2, 1))):
        if (m := pattern.search(date)) and (month := _MONTHS.get(m.group(order[1]).lower())):
            return f"{m.group(order[0])}-{month:02d}-{int(m.group(order[2])):02d}"
    return date


class ColumnWidths:
    """What the rows share: how wide the source column needs to be for this corpus."""

    def __init__(self) -> None:
        self.source = SOURCE_CELLS

    def fit_sources(self, entries: Sequence[Entry]) -> None:
        widest = max((len(e.source) for e in entries), default=0)
        self.source = min(SOURCE_CELLS, max(len("Source"), widest))


@dataclass(frozen=True, slots=True)
class Columns:
    mark: int
    title: int
    source: int
    date: int
    counts: int  # per label

    @classmethod
    def fit(cls, width: int, n_labels: int, source_cells: int = SOURCE_CELLS) -> Columns:
        """Title takes what is left; the date goes before the source when space is short."""
        width -= 1  # a margin on the right
        counts = COUNT_CELLS * n_labels
        date = DATE_CELLS if width >= 50 + counts else 0
        source = source_cells if width >= 80 + counts else 0
        title = max(10, width - 2 - source - date - counts - (source > 0) - (date > 0))
        return cls(2, title, source, date, COUNT_CELLS)


def _cell(text: str, width: int, style: str = "") -> Text:
    t = Text(one_line(text, 400), style=style, no_wrap=True, end="")
    t.truncate(width, overflow="ellipsis", pad=True)
    return t


def _row(width: int, labels: LabelSet, widths: ColumnWidths, mark: Text, title: Text,
         source: str, date: str, counts: Sequence[Text], header: bool = False) -> Text:
    cols = Columns.fit(width, len(labels.labels), widths.source)
    title.truncate(cols.title, overflow="ellipsis", pad=True)
    parts = [mark, title]
    if cols.source:
        parts += [Text(" "), _cell(source, cols.source, "" if header else "dim")]
    if cols.date:
        parts += [Text(" "), _cell(date if header else short_date(date), cols.date,
                                   "" if header else "dim")]
    for c in counts:
        c.align("right", cols.counts)
        parts.append(c)
    return Text.assemble(*parts, no_wrap=True, end="")


class ArticleRow:
    """One library row, laid out at render time for the width it gets."""

    def __init__(self, entry: Entry, counts: Counter[str] | None, labels: LabelSet,
                 looks: Mapping[str, LabelLook], widths: ColumnWidths) -> None:
        self.entry = entry
        self.counts = counts or Counter()
        self.labels = labels
        self.looks = looks
        self.widths = widths

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        e = self.entry
        if e.error:
            mark = Text("⚠ ", style="bold red")
            title = Text(f"{one_line(e.file, 80)} — {one_line(e.error, 200)}", style="dim",
                         no_wrap=True)
        else:
            mark = Text("! " if e.warning else "  ", style="bold yellow")
            title = Text(one_line(e.title or e.id, 400), no_wrap=True)
        counts = []
        for label in self.labels.labels:
            n = self.counts.get(label.name, 0)
            look = self.looks.get(label.name, UNKNOWN_LOOK)
            counts.append(Text(f"{n}", style=look.swatch) if n else Text("·", style="dim"))
        yield _row(options.max_width, self.labels, self.widths, mark, title, e.source, e.date,
                   counts)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)


def header_text(width: int, labels: LabelSet, looks: Mapping[str, LabelLook],
                widths: ColumnWidths) -> Text:
    shown = [looks.get(lb.name, UNKNOWN_LOOK) for lb in labels.labels]
    counts = [Text(look.marker, style=look.swatch) for look in shown]
    return _row(width, labels, widths, Text("  "), Text("Title", style="bold"), "Source", "Date",
                counts, header=True)


class ArticleListHeader(Static):
    """Column titles aligned with the rows; each label's count column shows its marker."""

    def __init__(self, labels: LabelSet, looks: Mapping[str, LabelLook], **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.labels = labels
        self.looks = looks

    def render(self) -> Text:
        rows = self.screen.query(ArticleList)  # share the rows' widths so the columns line up
        width = rows.first().scrollable_content_region.width if rows else self.size.width
        widths = rows.first().widths if rows else ColumnWidths()
        return header_text(max(1, width), self.labels, self.looks, widths)


class ArticleList(OptionList):
    """The articles, one line each; `entries[i]` is the article on line `i`."""

    BINDINGS = [
        Binding("enter", "select", "Open", id="library.open",
                tooltip="Read the highlighted article"),
        Binding("j", "cursor_down", "Down", id="library.down", tooltip="Next article",
                group=Binding.Group("Move", compact=True)),
        Binding("k", "cursor_up", "Up", id="library.up", tooltip="Previous article",
                group=Binding.Group("Move", compact=True)),
        Binding("g", "first", "First", show=False, id="library.first", tooltip="First article"),
        Binding("G", "last", "Last", show=False, id="library.last", tooltip="Last article"),
        Binding("space", "page_down", "Page down", show=False, id="library.page-down",
                tooltip="A screen further down"),
    ]

    def __init__(self, labels: LabelSet, looks: Mapping[str, LabelLook], **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.labels = labels
        self.looks = looks
        self.entries: list[Entry] = []
        self.widths = ColumnWidths()
        self._index: dict[str, int] = {}

    def set_entries(self, entries: list[Entry], counts: Mapping[str, Counter[str]],
                    options: list[Option] | None = None) -> None:
        """Replace the rows (`options` may be prebuilt off the UI thread with `make_options`)."""
        self.entries = entries
        self._index = {}
        for i, e in enumerate(entries):
            self._index.setdefault(e.id, i)
        self.clear_options()
        self.add_options(options if options is not None else self.make_options(entries, counts))

    def make_options(self, entries: list[Entry],
                     counts: Mapping[str, Counter[str]]) -> list[Option]:
        """Rows for `entries` (callable from a worker thread); fits the source column too."""
        self.widths.fit_sources(entries)
        widths = self.widths
        return [Option(ArticleRow(e, counts.get(e.id), self.labels, self.looks, widths))
                for e in entries]

    def index_of(self, article_id: str) -> int | None:
        return self._index.get(article_id)

    @property
    def current(self) -> Entry | None:
        i = self.highlighted
        return self.entries[i] if i is not None and 0 <= i < len(self.entries) else None

    def update_counts(self, article_id: str, counts: Counter[str]) -> None:
        i = self._index.get(article_id)
        if i is not None:
            row = ArticleRow(self.entries[i], counts, self.labels, self.looks, self.widths)
            self.replace_option_prompt_at_index(i, row)

    def _update_lines(self) -> None:
        # Every row is one line: build the line tables without rendering 100,000 prompts.
        if not self.scrollable_content_region:
            return
        cache = self._line_cache
        n = len(self.options)
        if len(cache.lines) != n:
            cache.lines = [(i, 0) for i in range(n)]
            cache.heights = dict.fromkeys(range(n), 1)
            cache.index_to_line = {i: i for i in range(n)}
        size = Size(self.scrollable_content_region.width, n)
        if size != self.virtual_size:
            self.virtual_size = size
            self._scroll_update(size)
