"""Hostile articles and ids: text is shown, never obeyed; odd bytes are read with a warning or
skipped with a message; a huge unpunctuated line does not hang the splitter; no article id,
however crafted, makes a write land outside tags/."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text

from tui.core import articles, sentences
from tui.core.sanitize import display_text, one_line
from tui.core.tagging import TaggingSession
from tui.core.tagstore import TagFileError, TagStore, file_stem
from tui.core.textfile import TextFileError, decode_bytes, read_text

NASTY = {
    "osc title": "\x1b]0;pwned\x07",
    "osc 52 clipboard": "\x1b]52;c;cm0gLXJmIH4=\x07",
    "clear screen": "\x1b[2J\x1b[H",
    "c1 csi": "\x9b2J",
    "c1 osc": "\x9d0;pwned\x9c",
    "nul": "a\x00b",
    "bell and backspace": "\x07\x08\x08\x08",
    "carriage return": "fake\rreal",
    "bidi override": "\u202eevil\u202c",
    "bidi isolate": "\u2066x\u2069",
    "line separator": "a\u2028b\u2029c",
    "lone surrogate": "a\ud800b",
    "del": "a\x7fb",
}
FORBIDDEN = {chr(c) for c in range(0x20) if chr(c) != "\n"} | {chr(c) for c in range(0x7F, 0xA0)}
FORBIDDEN |= set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029\ud800")


@pytest.mark.parametrize("name", sorted(NASTY))
def test_display_text_defuses_every_control_and_keeps_offsets(name: str) -> None:
    raw = f"before {NASTY[name]} after"
    shown = display_text(raw)
    assert len(shown) == len(raw)  # offsets on screen line up with offsets in the article
    assert not FORBIDDEN & set(shown)
    assert "\n" not in one_line(raw + "\nmore")


@pytest.mark.parametrize("name", sorted(NASTY))
def test_what_reaches_the_terminal_has_no_escape_but_rich_styling(name: str) -> None:
    out = io.StringIO()
    Console(file=out, force_terminal=True, color_system="truecolor", width=80).print(
        Text(display_text(f"[@click=app.quit]x[/] {NASTY[name]}"), style="bold"))
    written = out.getvalue()
    assert "[@click=app.quit]x[/]" in written
    for seq in ("\x1b]", "\x1b[2J", "\x1b[H", "\x9b", "\x9d", "\x07", "\x00", "\u202e", "\r"):
        assert seq not in written
    assert written.replace("\x1b[1m", "").replace("\x1b[0m", "").count("\x1b") == 0


def test_non_utf8_is_read_with_a_warning_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Headline\n\nSeoul\u2019s “warning” costs 5 €.\n".encode("cp1252"))
    decoded = read_text(path)
    assert "Seoul’s “warning” costs 5 €." in decoded.text
    assert (decoded.warning or "").startswith(f"{path}:3: not valid UTF-8; read as cp1252")
    art = articles.load(path)
    assert art.warning == decoded.warning


def test_utf16_with_a_bom_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes("\ufeffHeadline\n\nBody text here.\n".encode("utf-16-le").replace(
        "\ufeff".encode("utf-16-le"), b"\xff\xfe", 1))
    decoded = read_text(path)
    assert decoded.text.startswith("Headline") and "UTF-16-LE" in (decoded.warning or "")


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
                                  b"PK\x03\x04" + bytes(200) + b"word/document.xml",
                                  bytes(range(256)) * 40])
def test_binary_files_are_skipped_with_a_message(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(data)
    with pytest.raises(TextFileError, match="looks like a binary file, not text; skipped"):
        read_text(path)


def test_a_stray_nul_in_clean_text_is_shown_not_refused() -> None:
    text = "Headline\n\n" + "A sentence of clean news text. " * 20 + "\x00 and more.\n"
    assert "\x00" in decode_bytes(text.encode(), "x").text


@pytest.mark.parametrize("shape", ["words", "one-word"])
def test_a_200000_character_line_does_not_hang_the_splitter(shape: str) -> None:
    line = ("word " * 40_000) if shape == "words" else ("x" * 200_000)
    t0 = time.perf_counter()
    spans = sentences.segment(line)
    took = time.perf_counter() - t0
    print(f"\n200,000-character line ({shape}): {len(spans)} sentences in {took:.2f} s")
    assert spans and spans[0].start == 0 and spans[-1].end == len(line.rstrip())
    assert all(line[s.start : s.end].strip() == line[s.start : s.end] for s in spans)
    assert max(s.end - s.start for s in spans) <= sentences.MAX_CHUNK
    assert took < 60  # measured: see the printed figure; a hang would be minutes


UNSAFE_IDS = ["../../etc/passwd", "..", ".", "a/b", "a\\b", "/abs", "a\x00b", "a\x1b]0;x\x07",
              "CON", "nul.txt", "Foo", "foo", "FOO", "x" * 400, " lead", "trail.", "-rf",
              "ünïcode", "[@click=app.quit]", "tags", ".newstag.lock", "labels"]


def test_unsafe_article_ids_never_write_outside_tags(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    tags = root / "tags"
    store = TagStore(tags)
    session = TaggingSession(store, "ana", ["warning"])
    stems: dict[str, str] = {}
    for aid in UNSAFE_IDS:
        art = articles.parse("A headline here\n\nSome text to tag.\n", aid)
        session.open(art)
        session.toggle(art, [(0, 15)], "warning")
        path = store.path_for("ana", aid)
        assert path.parent == tags / "ana" and path.resolve().is_relative_to(tags.resolve())
        assert TagStore(tags).load("ana", aid).doc.article == aid
        stems[file_stem(aid).lower()] = aid  # case-insensitive file systems see these as one
    assert len(stems) == len(UNSAFE_IDS)  # no two ids share a file, case twins included
    everything = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert all(p.is_relative_to(tags / "ana") for p in everything), everything
    assert {p.name for p in everything} >= {f"{file_stem(a)}.yaml" for a in UNSAFE_IDS}


def test_a_symlinked_annotator_folder_cannot_redirect_writes(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    tags = tmp_path / "tags"
    tags.mkdir()
    (tags / "ana").symlink_to(outside)
    with pytest.raises(TagFileError, match="resolves outside"):
        TagStore(tags).path_for("ana", "000")
    assert list(outside.iterdir()) == []


def test_a_crafted_file_for_another_article_is_refused(tmp_path: Path) -> None:
    store = TagStore(tmp_path)
    session = TaggingSession(store, "ana", ["warning"])
    art = articles.parse("Headline\n\nBody.\n", "Foo")
    session.open(art)
    session.toggle(art, [(0, 8)], "warning")
    twin = store.path_for("ana", "foo-impostor")
    twin.write_bytes(store.path_for("ana", "Foo").read_bytes())  # claims to be Foo's tags
    with pytest.raises(TagFileError, match="holds tags of article 'Foo'"):
        store.load("ana", "foo-impostor")
