"""The HTML export: self-contained, exact text, highlights where the tags are, shown by Chromium."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from exchange_helpers import REPO, SEED, load, run, seed_workspace, tag, team_workspace

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
COLORS = {"speculation": (0xFF, 0xF1, 0x76), "official statement": (0xA5, 0xD6, 0xA7),
          "warning": (0xFF, 0x8A, 0x80)}


class Page(HTMLParser):
    """Reads an export back: each article's text and which characters are highlighted."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict]] = []
        self.external: list[str] = []
        self.scripts = 0
        self.articles: dict[str, dict] = {}
        self.current: dict | None = None
        self.in_text = 0
        self.legend: list[str] = []
        self.notes: list[str] = []  # text printed in .note boxes (not article text)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        for key in ("src", "href", "action", "srcset"):
            if key in a:
                self.external.append(f"{tag} {key}={a[key]}")
        if tag in ("link", "iframe", "object", "embed", "img"):
            self.external.append(tag)
        if tag == "script":
            self.scripts += 1
        if tag == "article":
            self.current = {"text": [], "marked": set(), "id": a["id"][2:]}
            self.articles[a["id"][2:]] = self.current
        if tag == "div" and a.get("class") == "text":
            self.in_text = 1
        self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            top, _ = self.stack.pop()
            if top == "div" and self.in_text:
                self.in_text = 0
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        tags = [t for t, _ in self.stack]
        if "aside" in tags:
            self.legend.append(data)
        if any(a.get("class") == "note" for _, a in self.stack):
            self.notes.append(data)
            return
        if not (self.in_text and self.current is not None) or "sup" in tags:
            return
        offset = sum(map(len, self.current["text"]))
        if tags and tags[-1] == "mark":
            self.current["marked"].update(range(offset, offset + len(data)))
        self.current["text"].append(data)


def _read(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def test_page_is_self_contained_exact_and_highlights_every_tag(tmp_path):
    ws = team_workspace(tmp_path)
    html = run(ws, "export", "--format", "html").stdout
    page = _read(html)
    assert page.external == []  # nothing fetched: no src, href, link, img, iframe
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    rows = [json.loads(ln) for ln in run(ws, "export", "--format", "jsonl").stdout.splitlines()]
    for aid, got in page.articles.items():
        art = load(ws, aid)
        assert "".join(got["text"]) == art.text  # every character, escaped and back
        spans = {i for r in rows if r["article"] == aid for i in range(r["start"], r["end"])}
        assert got["marked"] == spans
    legend = " ".join(page.legend)
    assert "A claim the writer or a source presents as possible" in legend  # the guideline
    assert "speculation" in legend and "alice" in legend and "bob" in legend


def test_article_text_is_shown_never_run(tmp_path):
    ws = seed_workspace(tmp_path)
    hostile = 'He wrote <script>alert("x")</script> and <img src=x onerror=alert(1)> & more.'
    (ws.corpus / "evil.txt").write_text(f"An ordinary headline here\n\n{hostile}\n",
                                        encoding="utf-8")
    tag(ws, "alice", "evil", {"warning": [1]}, note='<b onmouseover="x">note</b>')
    html = run(ws, "export", "--format", "html").stdout
    page = _read(html)
    assert page.scripts == 2  # the colour table and the filter script: none from the article
    assert page.external == []
    assert "".join(page.articles["evil"]["text"]) == load(ws, "evil").text


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_headless_chromium_shows_the_highlights(tmp_path):
    from PIL import Image

    ws = team_workspace(tmp_path)
    page = tmp_path / "tags.html"
    result = run(ws, "export", "--format", "html", "--article", SEED, "--out", str(page))
    assert result.exit_code == 0
    shot = tmp_path / "shot.png"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
             f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,900"]
    subprocess.run([CHROMIUM, *flags, f"--screenshot={shot}", page.as_uri()], capture_output=True,
                   timeout=120, check=True)
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", page.as_uri()], capture_output=True,
                         text=True, timeout=120, check=True).stdout
    assert 'data-ready="1"' in dom  # the filter script ran to its end without an error
    image = Image.open(shot).convert("RGB")
    counts = dict.fromkeys(COLORS, 0)
    for pixel in image.getdata():
        for label, rgb in COLORS.items():
            if max(abs(a - b) for a, b in zip(pixel, rgb, strict=True)) <= 6:
                counts[label] += 1
    # Each label's colour covers a visible area of text (not only its legend swatch).
    assert all(n > 2000 for n in counts.values()), counts
    if os.environ.get("NEWSTAG_UPDATE_DOCS"):
        shutil.copy(shot, REPO / "docs" / "html-export.png")


def test_notes_are_printed_and_two_labels_colour_every_line(tmp_path):
    ws = seed_workspace(tmp_path)
    session = tag(ws, "alice", SEED, {"warning": [3]}, note="Check the date: AP says Tuesday.")
    art = load(ws, SEED)
    (t,) = session.doc(SEED).tags
    session.toggle(art, [(t.start, t.end)], "speculation")  # the same sentence, a second label
    html = run(ws, "export", "--format", "html").stdout
    page = _read(html)
    shown = " ".join(page.notes)
    assert "Check the date: AP says Tuesday." in shown and "alice" in shown  # on the page
    assert "".join(page.articles[SEED]["text"]) == art.text  # the note is not article text
    # Both labels on the whole span: a stripe of each on every line box, not one per line.
    assert "box-decoration-break: clone" in html
    assert "linear-gradient(180deg,#fff176 0%,#fff176 50%,#ff8a80 50%" in html.lower() or \
        "linear-gradient(180deg,#ff8a80 0%,#ff8a80 50%,#fff176 50%" in html.lower()
    assert "@media print { aside { display: none; }" in html  # notes stay: only the aside goes

