"""The HTML export's claims table: a row per claim, a column per outlet, the exported labels."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from exchange_helpers import SEED, run, seed_workspace

from tui.core import articles
from tui.core.tagging import TaggingSession
from tui.core.tagstore import TagStore

OTHER = "004_0413e7c0cc1f7413"
AMMO = "Speculation is rife that Kim may supply ammunition"
OBSERVERS = "Observers believe that Kim may provide ammunition"


class Claims(HTMLParser):
    """The claims table read back: headings and rows of cell texts (and each cell's title)."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = 0
        self.heads: list[str] = []
        self.rows: list[list[tuple[str, str]]] = []
        self.cell: list[str] | None = None
        self.title = ""
        self.scripts_in_table = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "table" and "claims" in (a.get("class") or ""):
            self.inside = 1
        elif self.inside:
            if tag == "script":
                self.scripts_in_table += 1
            if tag == "tr":
                self.rows.append([])
            if tag in ("td", "th"):
                self.cell, self.title = [], a.get("title") or ""

    def handle_endtag(self, tag: str) -> None:
        if not self.inside:
            return
        if tag == "table":
            self.inside = 0
        elif tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(("".join(self.cell).strip(), self.title))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def tag(ws, who: str, article_id: str, prefix: str, label: str) -> None:
    art = articles.load(ws.article_path(article_id))
    s = next(s for s in art.sentences() if art.text[s.start:s.end].startswith(prefix))
    session = TaggingSession(TagStore(ws.tags), who, [label])
    session.open(art)
    session.toggle(art, [(s.start, s.end)], label)


def export(ws, tmp_path: Path, *args: str) -> Claims:
    out = tmp_path / "out.html"
    res = run(ws, "export", "--format", "html", "--out", str(out), *args)
    assert res.exit_code == 0, res.output
    page = Claims()
    page.feed(out.read_text(encoding="utf-8"))
    return page


def test_the_export_shows_how_each_outlet_told_the_claim(tmp_path: Path) -> None:
    ws = seed_workspace(tmp_path)
    tag(ws, "alice", SEED, AMMO, "speculation")
    tag(ws, "bob", OTHER, OBSERVERS, "official statement")
    page = export(ws, tmp_path)
    header, *rows = page.rows
    assert header[0][0] == "claim" and len(header) >= 3
    columns = [title for _, title in header[1:]]  # each heading's title is the article id
    row = next(r for r in rows if any(AMMO in title for _, title in r[1:]))
    mine = row[1 + columns.index(SEED)]
    theirs = row[1 + columns.index(OTHER)]
    assert mine[0].startswith("speculation") and "alice" in mine[0]
    assert AMMO in mine[1]
    assert theirs[0].startswith("official statement") and "bob" in theirs[0]
    assert OBSERVERS in theirs[1]
    # a claim nobody tagged still shows its outlets, with no label
    assert any("no label" in c for r in rows for c, _ in r[1:])


def test_the_exports_filters_hold_in_the_claims_table(tmp_path: Path) -> None:
    ws = seed_workspace(tmp_path)
    tag(ws, "alice", SEED, AMMO, "speculation")
    tag(ws, "bob", OTHER, OBSERVERS, "official statement")
    page = export(ws, tmp_path, "--annotator", "alice")
    text = " ".join(c for r in page.rows for c, _ in r)
    assert "speculation" in text and "official statement" not in text


def test_claim_text_is_escaped(tmp_path: Path) -> None:
    ws = seed_workspace(tmp_path)
    for name in ("x1", "x2"):
        (ws.corpus / f"{name}.txt").write_text(
            "Markup test story\n\nThe minister said <script>alert(1)</script> the bridge over the "
            "Jarrah river will close for repairs in March 2025 after cracks were found.\n",
            encoding="utf-8")
    page = export(ws, tmp_path)
    assert page.scripts_in_table == 0
    assert any("<script>alert(1)</script>" in c for r in page.rows for c, _ in r)
