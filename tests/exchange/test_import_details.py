"""Imports that keep metadata as metadata, and messages that name what to change."""

from __future__ import annotations

from exchange_helpers import run, seed_workspace

from tui.core import articles

PAGE = """<html><head>
<title>Kim arrives in Vladivostok for talks with Putin - The Daily Planet</title>
<meta property="og:site_name" content="The Daily Planet">
<meta name="author" content="Jane Smith">
<meta property="article:published_time" content="2023-09-12T08:00:00Z">
</head><body><nav>Home | World | Sport</nav>
<article><h1>Kim arrives in Vladivostok for talks with Putin</h1>
<p>North Korean leader Kim Jong Un arrived in Russia's far east on Tuesday for a summit with
President Vladimir Putin, Russian officials said.</p>
<p>The meeting is expected to focus on military cooperation. Analysts believe Moscow may seek
artillery shells from Pyongyang, while Kim could ask for satellite technology.</p>
</article></body></html>"""

MARKDOWN = """---
title: Kim arrives in Vladivostok
date: 2023-09-12
author: Jane Smith
source: The Daily Planet
---
# Kim arrives in Vladivostok

North Korean leader Kim Jong Un arrived in Russia's far east on Tuesday for a summit.
"""


def _facts_and_kinds(path):
    art = articles.load(path)
    kinds = {art.text[s.start:s.end]: art.kind(s) for s in art.sentences()}
    return art.meta, kinds


def test_html_and_markdown_date_byline_and_site_are_metadata_not_body(tmp_path):
    ws = seed_workspace(tmp_path)
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "story.md").write_text(MARKDOWN, encoding="utf-8")
    assert run(ws, "import", str(tmp_path / "page.html"), str(tmp_path / "story.md")).exit_code == 0
    for name in ("page", "story"):
        meta, kinds = _facts_and_kinds(ws.corpus / f"{name}.txt")
        assert meta.source == "The Daily Planet", name
        assert meta.byline == "Jane Smith" and meta.date.startswith("2023-09-12"), name
        (site,) = [t for t in kinds if "The Daily Planet" in t]
        assert kinds[site] != "body" and kinds["By Jane Smith"] == "byline"
        assert kinds["2023-09-12"] != "body"
        assert sum(k == "headline" for k in kinds.values()) == 1
        assert [t for t, k in kinds.items() if k == "body"][0].startswith("North Korean leader")


def test_jsonl_messages_name_the_line_and_the_field(tmp_path):
    ws = seed_workspace(tmp_path)
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "kim-1", "text": "Kim went to Russia.\\n\\nHe met Putin."}\n'
                   '{"id": "kim-1", "text": "Another story entirely.\\n\\nWith its own text."}\n'
                   '{"text": ""}\n'
                   '{"text": 5}\n'
                   '["not", "an", "object"]\n', encoding="utf-8")
    result = run(ws, "import", str(src))
    err = result.stderr
    assert (f"{src}:2: id 'kim-1' is already used on line 1 of this file; give this line "
            "another id") in err
    assert "rename the input" not in err
    assert f'{src}:3: "text" is empty; skipped' in err
    assert f'{src}:4: "text" must be a string, not int; skipped' in err
    assert f"{src}:5: expected an object" in err and "not list" in err
    assert result.exit_code == 1


def test_tags_not_a_list_names_the_field_and_its_line(tmp_path):
    ws = seed_workspace(tmp_path)
    folder = ws.tags / "ann"
    folder.mkdir(parents=True)
    aid = sorted(p.stem for p in ws.corpus.glob("*.txt"))[0]
    bad = folder / f"{aid}.yaml"
    bad.write_text(f"schema: 1\narticle: {aid}\ntext_sha256: x\ntags: not-a-list\n",
                   encoding="utf-8")
    result = run(ws, "validate")
    assert result.exit_code == 1
    assert f"{bad}:4: 'tags' must be a list of tags" in result.stdout + result.stderr
