"""CSV read back by Python's csv module: commas, quotes, newlines and non-ASCII survive."""

from __future__ import annotations

import csv
import io

from exchange_helpers import HOSTILE_NOTE, SEED, load, run, seed_workspace, tag, team_workspace

from tui.core.exchange.csv import HEADER


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_every_tag_is_one_row_with_the_columns_the_issue_names(tmp_path):
    ws = team_workspace(tmp_path)
    result = run(ws, "export", "--format", "csv")
    assert result.exit_code == 0
    text = result.stdout
    assert text.splitlines()[0] == ",".join(HEADER)
    assert HEADER == ("article", "title", "sentence", "start", "end", "label", "annotator",
                      "quote", "note")
    rows = _rows(text)
    assert len(rows) == 18
    art = load(ws)
    for row in rows:
        if row["article"] != SEED:
            continue
        start, end = int(row["start"]), int(row["end"])
        assert art.text[start:end] == row["quote"]
        assert row["title"] == art.title
        assert art.sentences()[int(row["sentence"]) - 1].start == start


def test_quoting_edge_cases_in_quotes_and_notes(tmp_path):
    ws = seed_workspace(tmp_path)
    art = load(ws)
    # Sentences of the seed that carry commas, double quotes and non-ASCII.
    tricky = [i for i, s in enumerate(art.sentences()) if not s.chrome
              and "," in art.sentence_text(s)]
    assert tricky
    tag(ws, "alice", SEED, {"speculation": tricky[:2]}, note=HOSTILE_NOTE)
    out = tmp_path / "tags.csv"
    run(ws, "export", "--format", "csv", "--out", str(out))
    text = out.read_bytes().decode("utf-8")
    rows = _rows(text)
    assert len(rows) == 2
    noted = [r for r in rows if r["note"]]
    assert [r["note"] for r in noted] == [HOSTILE_NOTE]  # commas, quotes, newline, non-ASCII
    for row in rows:
        assert art.text[int(row["start"]) : int(row["end"])] == row["quote"]
        assert "," in row["quote"]
    # RFC 4180: CRLF between records; the note's own newline stays inside its quoted field.
    assert text.count("\r\n") == 3
    assert '"He said, ""no""\nthen' in text


def test_a_quote_with_double_quotes_and_non_ascii_round_trips(tmp_path):
    ws = seed_workspace(tmp_path)
    path = ws.corpus / "quotes.txt"
    path.write_text('Headline here\n\nThe minister said: "Ça va, «bien»", twice.\n\nEnd.\n',
                    encoding="utf-8")
    tag(ws, "alice", "quotes", {"official statement": [1]})
    rows = _rows(run(ws, "export", "--format", "csv").stdout)
    assert [r["quote"] for r in rows] == ['The minister said: "Ça va, «bien»", twice.']
