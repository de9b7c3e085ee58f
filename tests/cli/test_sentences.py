"""`newstag sentences`: how the reader sees a file, as text and as JSON, and bad files."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tui.cli.main import cli
from tui.core import articles
from tui.core.articles import KINDS

REPO = Path(__file__).resolve().parents[2]
SEED_003 = REPO / "seeds" / "003_420c701de47a1b0c.txt"

PAGE = """The Northern Gazette
Home > Region > Coast

Storm cuts power to thousands of homes across the north coast

Updated: 2 Feb 2025, 6:10 am
By Sam Okafor | Staff Reporter

LISMORE, Feb 2 - A storm cut power to more than 40,000 homes across the north coast \
overnight, and crews said it could take days to restore supply to some towns.

Share on Facebook

Energy officials said the worst-hit areas were inland, where fallen trees had brought down \
lines. "We have every crew we can find out there," a spokeswoman said.

© 2025 The Northern Gazette
"""

WIRE = ("Six midwives have been suspended at Wollongong Hospital, south of Sydney, for "
        "inappropriate use of nitrous oxide during work hours. The service says no one was put "
        "at risk.\n")


def run(*args: str):
    return CliRunner().invoke(cli, ["sentences", *args])


def objects(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_json_has_every_field_and_sentences_are_exact_slices(tmp_path: Path) -> None:
    page = tmp_path / "storm.txt"
    page.write_text(PAGE, encoding="utf-8")
    res = run("--json", str(page))
    assert res.exit_code == 0, res.output
    [obj] = objects(res.stdout)
    assert set(obj) >= {"article", "title", "source", "date", "sentences", "byline", "dateline"}
    assert obj["article"] == "storm"
    assert obj["title"] == "Storm cuts power to thousands of homes across the north coast"
    assert obj["title_from"] == "headline"
    assert obj["source"] == "The Northern Gazette"
    assert obj["byline"] == "Sam Okafor"
    assert obj["date"] == "2 Feb 2025"
    assert obj["dateline"] == "LISMORE, Feb 2"
    text = page.read_text(encoding="utf-8")
    sents = obj["sentences"]
    assert [s["n"] for s in sents] == list(range(1, len(sents) + 1))
    for s in sents:
        assert set(s) == {"n", "start", "end", "kind", "text"}
        assert text[s["start"] : s["end"]] == s["text"] and s["text"]
        assert s["kind"] in KINDS
    assert all(a["end"] <= b["start"] for a, b in zip(sents, sents[1:], strict=False))
    kinds = {s["text"]: s["kind"] for s in sents}
    assert kinds[obj["title"]] == "headline"
    assert kinds["By Sam Okafor | Staff Reporter"] == "byline"
    for chrome in ("The Northern Gazette", "Home > Region > Coast", "Updated: 2 Feb 2025, 6:10 am",
                   "Share on Facebook", "© 2025 The Northern Gazette"):
        assert kinds[chrome] == "chrome", chrome
    body = [s["text"] for s in sents if s["kind"] == "body"]
    assert body[0].startswith("LISMORE, Feb 2 - A storm cut power") and len(body) == 3


def test_json_agrees_with_the_reader_on_a_seed() -> None:
    res = run("--json", str(SEED_003))
    assert res.exit_code == 0
    [obj] = objects(res.stdout)
    art = articles.load(SEED_003)
    assert (obj["title"], obj["source"], obj["date"], obj["byline"], obj["dateline"]) == (
        art.title, art.meta.source, art.meta.date, art.meta.byline, art.meta.dateline)
    assert obj["source"] == "inewszone Media"  # not "AP", the photo credit
    assert [(s["start"], s["end"]) for s in obj["sentences"]] == [
        (s.start, s.end) for s in art.sentences()]
    assert [s["kind"] == "chrome" for s in obj["sentences"]] == [s.chrome for s in art.sentences()]


def test_a_wire_story_without_headline_is_titled_by_its_first_sentence(tmp_path: Path) -> None:
    (tmp_path / "lee_004.txt").write_text(WIRE, encoding="utf-8")
    [obj] = objects(run("--json", str(tmp_path / "lee_004.txt")).stdout)
    assert obj["title_from"] == "lead"
    assert obj["title"] == ("Six midwives have been suspended at Wollongong Hospital, south of "
                            "Sydney, for…")
    assert {s["kind"] for s in obj["sentences"]} == {"body"}


def test_text_output_shows_the_fields_and_one_line_per_sentence(tmp_path: Path) -> None:
    page = tmp_path / "storm.txt"
    page.write_text(PAGE.replace("Share on Facebook", "Share on Facebook \x1b[31m"), "utf-8")
    res = run(str(page))
    assert res.exit_code == 0
    out = res.stdout
    assert "\x1b" not in out  # article text is shown, never obeyed
    lines = out.splitlines()
    assert lines[0] == str(page)
    assert "  title:    Storm cuts power to thousands of homes across the north coast" in lines
    assert "  source:   The Northern Gazette" in lines
    assert "  byline:   Sam Okafor" in lines and "  dateline: LISMORE, Feb 2" in lines
    rows = [ln.split(None, 3) for ln in lines if ln[:4].strip().isdigit()]
    assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
    text = page.read_text(encoding="utf-8")
    first = rows[0]
    start, end = map(int, first[2].split("-"))
    assert (first[1], text[start:end]) == ("chrome", "The Northern Gazette")


def test_a_folder_stands_for_its_articles_and_bad_files_are_one_line_each(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02\x03binary" * 100)
    (tmp_path / "d.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")  # not an article file: not listed
    res = run("--json", str(tmp_path), str(tmp_path / "missing.txt"))
    assert res.exit_code == 1
    assert [o["article"] for o in objects(res.stdout)] == ["a", "d"]
    errors = res.stderr.splitlines()
    assert len(errors) == 4 and all(e.startswith("newstag: ") for e in errors)
    for name in ("b.txt", "c.txt", "missing.txt"):
        assert sum(name in e for e in errors) == 1
    assert "Traceback" not in res.output


def test_a_file_not_in_utf8_is_read_with_a_warning_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Café owners protest new tax rules\n\nThe café closed.".encode("cp1252"))
    res = run("--json", str(path))
    assert res.exit_code == 0
    assert objects(res.stdout)[0]["title"] == "Café owners protest new tax rules"
    assert "latin.txt" in res.stderr and "not valid UTF-8" in res.stderr


def test_help_says_what_it_prints() -> None:
    res = CliRunner().invoke(cli, ["sentences", "--help"])
    assert res.exit_code == 0 and "kind" in res.output and "--json" in res.output
