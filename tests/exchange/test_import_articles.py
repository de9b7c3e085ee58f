"""`newstag import`: .txt, .md, .html and .jsonl become articles; nothing is ever overwritten."""

from __future__ import annotations

import csv
import io
import json

from exchange_helpers import REPO, SEED, load, run, seed_workspace

from tui.core import articles
from tui.core.tagging import TaggingSession
from tui.core.tagstore import TagStore

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Kim heads home | Example News</title>
<meta property="og:title" content="Kim heads home after six days in Russia">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2023-09-17T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/login">Log in</a></nav>
<div class="cookie">We use cookies. Accept all cookies to continue.</div>
<article><h1>Kim heads home after six days in Russia</h1>
<p>North Korean leader Kim Jong Un left Russia on Sunday after a six-day visit that included
talks with President Vladimir Putin and tours of military sites in the Far East.</p>
<p>Officials in Seoul said they were watching closely for any transfer of weapons technology,
and warned that such a deal would violate United Nations resolutions.</p>
<p>The Kremlin said no agreements had been signed during the visit, according to state media.</p>
</article>
<footer>Copyright 2023 Example News. All rights reserved. Share this article.</footer>
</body></html>
"""


def test_txt_md_html_and_jsonl_become_articles(tmp_path):
    ws = seed_workspace(tmp_path)
    src = tmp_path / "in"
    src.mkdir()
    (src / "plain.txt").write_bytes((REPO / "seeds" / f"{SEED}.txt").read_bytes()[:2000])
    (src / "notes.md").write_text("# A markdown story\n\nSomething happened today.\n",
                                  encoding="utf-8")
    (src / "page.html").write_text(PAGE, encoding="utf-8")
    (src / "batch.jsonl").write_text("\n".join([
        json.dumps({"id": "wire-1", "title": "Wire one", "text": "First wire story body."}),
        json.dumps({"title": "No id here", "text": "Second story, id from its title and text."}),
        json.dumps({"id": "../../etc/passwd", "text": "Hostile id, safe file name."}),
    ]) + "\n", encoding="utf-8")
    result = run(ws, "import", str(src))
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in ws.corpus.iterdir())
    assert "plain.txt" in names and "notes.txt" in names and "page.txt" in names
    assert "wire-1.txt" in names
    assert any(n.startswith("no-id-here-") for n in names)
    assert any(n.startswith("etc-passwd-") for n in names)
    assert not (tmp_path / "etc").exists()
    assert "6 article(s) added" in result.stderr
    seed_bytes = (REPO / "seeds" / f"{SEED}.txt").read_bytes()
    assert (ws.corpus / "plain.txt").read_bytes() == seed_bytes[:2000]
    page = articles.load(ws.corpus / "page.txt")
    assert page.title == "Kim heads home after six days in Russia"
    assert "left Russia on Sunday" in page.text and "no agreements had been signed" in page.text
    assert "cookies" not in page.text and "Log in" not in page.text  # boilerplate stayed out
    notes = (ws.corpus / "notes.txt").read_text(encoding="utf-8")
    assert notes == "A markdown story\n\nSomething happened today.\n"
    wire = articles.load(ws.corpus / "wire-1.txt")
    assert wire.title == "Wire one" and wire.text == "Wire one\n\nFirst wire story body."


def test_an_existing_article_is_never_overwritten(tmp_path):
    ws = seed_workspace(tmp_path)
    before = (ws.corpus / f"{SEED}.txt").read_bytes()
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / f"{SEED}.txt").write_text("A different story under the same name.\n", encoding="utf-8")
    (other / f"{SEED.upper()}.md").write_text("Its case twin.\n", encoding="utf-8")
    result = run(ws, "import", str(other / f"{SEED}.txt"), str(other / f"{SEED.upper()}.md"))
    assert result.exit_code == 1
    assert (ws.corpus / f"{SEED}.txt").read_bytes() == before
    assert result.stderr.count("already exists") == 2
    assert "not overwritten" in result.stderr
    assert "0 article(s) added" in result.stderr
    assert not (ws.corpus / f"{SEED.upper()}.md").exists()
    again = tmp_path / "batch.jsonl"
    again.write_text(json.dumps({"title": "Same", "text": "Same text."}) + "\n", encoding="utf-8")
    assert run(ws, "import", str(again)).exit_code == 0
    result = run(ws, "import", str(again))  # the same line twice: same id, same text
    assert result.exit_code == 0
    assert "(the same text); nothing to do" in result.stderr
    assert "0 article(s) added" in result.stderr
    again.write_text(json.dumps({"title": "Same", "text": "Same text."}) + "\n"
                     + json.dumps({"id": "same-id", "text": "Other words."}) + "\n",
                     encoding="utf-8")
    assert run(ws, "import", str(again)).exit_code == 0
    (ws.corpus / "same-id.txt").write_text("Edited since.\n", encoding="utf-8")
    result = run(ws, "import", str(again))
    assert result.exit_code == 1  # a different article under that id: skipped, and said so
    assert "article 'same-id' already exists" in result.stderr
    assert "0 article(s) added to" in result.stderr and "1 skipped (listed above)" in result.stderr


def test_bad_inputs_are_named_and_skipped(tmp_path):
    ws = seed_workspace(tmp_path)
    src = tmp_path / "bad"
    src.mkdir()
    (src / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (src / "empty.md").write_bytes(b"   \n")
    latin1 = "Café au lait: a headline\n\nIt was très bon.\n".encode("cp1252")
    (src / "latin1.txt").write_bytes(latin1)
    (src / "blank.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    (src / "lines.jsonl").write_text('{"text": "ok one"}\n{oops\n{"title": "no text"}\n',
                                     encoding="utf-8")
    (src / "data.csv").write_text("a,b\n", encoding="utf-8")
    result = run(ws, "import", *(str(p) for p in sorted(src.iterdir())), str(src / "missing.txt"))
    err = result.stderr
    assert f"{src / 'binary.txt'}: looks like a binary file" in err
    assert f"{src / 'empty.md'}: empty; skipped" in err
    assert f"{src / 'latin1.txt'}:1: not valid UTF-8; read as cp1252 (saved as UTF-8)" in err
    assert f"{src / 'blank.html'}: no main text found in the page; skipped" in err
    assert f"{src / 'lines.jsonl'}:2: not valid JSON" in err
    assert f"{src / 'lines.jsonl'}:3: no \"text\" field" in err
    assert f"{src / 'data.csv'}: not .txt, .md, .html or .jsonl; skipped" in err
    assert f"{src / 'missing.txt'}: no such file; skipped" in err
    assert "2 article(s) added" in err and "; 7 skipped (listed above); 1 note(s) above" in err
    assert result.exit_code == 1
    text = " ".join(run(ws, "import", "--help").stdout.split())
    assert ("Exit status: 0 when every input was imported; 1 when any file or line was "
            "skipped") in text
    assert (ws.corpus / "latin1.txt").read_text(encoding="utf-8").startswith("Café au lait")
    assert load(ws, "latin1").warning is None  # stored as clean UTF-8


MARKDOWN = """---
title: Kim heads home after six days in Russia
date: 2023-09-17
author: Jane Reporter
---
# Kim heads home after six days in Russia

North Korean leader Kim Jong Un left Russia on Sunday. Analysts say Kim **could** supply
[ammunition](https://example.com/ammo "a link") to Russia in exchange for _advanced_ technology.

## Reaction in Seoul

> Officials in Seoul said they were `watching closely`.

- The Kremlin said no agreements had been signed.
- State media called the trip a *success*.

![Kim waves](kim.jpg)
"""


def test_markdown_is_imported_as_plain_text(tmp_path):
    ws = seed_workspace(tmp_path)
    src = tmp_path / "story.md"
    src.write_text(MARKDOWN, encoding="utf-8")
    result = run(ws, "import", str(src))
    assert result.exit_code == 0, result.stderr
    assert not (ws.corpus / "story.md").exists()
    art = articles.load(ws.corpus / "story.txt")
    assert art.text == (
        "Kim heads home after six days in Russia\n\n2023-09-17\n\nBy Jane Reporter\n\n"
        "North Korean leader Kim Jong Un left Russia on Sunday. Analysts say Kim could supply "
        "ammunition to Russia in exchange for advanced technology.\n\n"
        "Reaction in Seoul\n\n"
        "Officials in Seoul said they were watching closely.\n\n"
        "The Kremlin said no agreements had been signed.\n\n"
        "State media called the trip a success.\n")
    assert art.title == "Kim heads home after six days in Russia"
    sentences = [art.text[s.start : s.end] for s in art.sentences()]
    assert ("Analysts say Kim could supply ammunition to Russia in exchange for advanced "
            "technology.") in sentences
    assert not any(ch in art.text for ch in "#*_[]()>`!")


def test_markdown_quotes_in_exports_carry_no_markup(tmp_path):
    ws = seed_workspace(tmp_path)
    src = tmp_path / "story.md"
    src.write_text(MARKDOWN, encoding="utf-8")
    run(ws, "import", str(src))
    art = articles.load(ws.corpus / "story.txt")
    (target,) = [s for s in art.sentences() if "could" in art.text[s.start : s.end]]
    session = TaggingSession(TagStore(ws.tags), "alice", ["speculation"])
    session.open(art)
    session.toggle(art, [(target.start, target.end)], "speculation")
    (row,) = list(csv.DictReader(io.StringIO(run(ws, "export", "--format", "csv").stdout)))
    assert row["quote"] == ("Analysts say Kim could supply ammunition to Russia in exchange for "
                            "advanced technology.")


def test_html_headline_once_and_paragraphs_apart(tmp_path):
    ws = seed_workspace(tmp_path)
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    run(ws, "import", str(page))
    art = articles.load(ws.corpus / "page.txt")
    assert art.text.count("Kim heads home after six days in Russia") == 1
    assert art.text.startswith("Kim heads home after six days in Russia\n\n2023-09-17\n\n"
                               "By Jane Reporter\n\nNorth Korean leader Kim Jong Un left Russia")
    assert ("the Far East.\n\nOfficials in Seoul said" in art.text
            and "resolutions.\n\nThe Kremlin said" in art.text)
    # A sentence never runs across a paragraph break.
    assert all("\n" not in art.text[s.start : s.end] for s in art.sentences())
