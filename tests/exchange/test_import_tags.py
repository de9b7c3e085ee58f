"""import-tags on bad and foreign input: named lines, unknown labels reported, quotes re-found."""

from __future__ import annotations

import json

from exchange_helpers import SEED, load, prose, run, seed_workspace, tag_files, team_workspace

from tui.core.tagstore import TagStore


def _doccano_line(text: str, spans: list, **extra) -> str:
    return json.dumps({"text": text, "label": spans, **extra}, ensure_ascii=False)


def test_malformed_lines_are_named_and_skipped_the_rest_imported(tmp_path):
    ws = seed_workspace(tmp_path)
    art = load(ws)
    (s0, e0), (s1, e1) = prose(art)[1], prose(art)[3]
    lines = [
        _doccano_line(art.text, [[s0, e0, "speculation"]]),
        '{"text": "broken json", "label": [[0, 4, "speculation"]',
        '["not", "an", "object"]',
        _doccano_line(art.text, [[s1, e1, "warning"], [5, 2, "warning"]]),
        _doccano_line(art.text, "not a list"),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(ws, "import-tags", str(path), "--format", "doccano", "--annotator", "model-a")
    assert result.exit_code == 1  # the good lines are imported, and the skips are not hidden
    err = result.stderr.splitlines()
    assert any(ln.startswith(f"{path}:2: not valid JSON (Expecting ',' delimiter, column ")
               and ln.endswith("line skipped") for ln in err)
    assert f"{path}:3: expected an object with a 'text' string; line skipped" in err
    assert any(ln.startswith(f"{path}:4: start/end (5, 2) must be whole numbers") for ln in err)
    assert any(ln.startswith(f"{path}:5: 'label' must be a list") for ln in err)
    assert "added 2 tag(s) (2 for model-a); 0 already there; 4 not imported (listed above)" in (
        result.stderr)
    files = tag_files(ws)
    assert list(files) == [f"model-a/{SEED}.yaml"]


def test_unknown_labels_are_reported_not_invented_and_can_be_mapped(tmp_path):
    ws = seed_workspace(tmp_path)
    art = load(ws)
    spans = prose(art)
    labels_before = (ws.tags / "labels.yaml").read_bytes()
    path = tmp_path / "model.jsonl"
    path.write_text(_doccano_line(art.text, [[*spans[1], "SPEC"], [*spans[2], "SPEC"],
                                             [*spans[3], "rumour"]]) + "\n", encoding="utf-8")
    result = run(ws, "import-tags", str(path), "--format", "doccano")
    assert f"{path}:1: unknown label 'SPEC' (2 tag(s)) not imported" in result.stderr
    assert f"{path}:1: unknown label 'rumour' (1 tag(s)) not imported" in result.stderr
    assert "added 0 tag(s)" in result.stderr
    assert tag_files(ws) == {}
    assert (ws.tags / "labels.yaml").read_bytes() == labels_before  # nothing invented
    result = run(ws, "import-tags", str(path), "--format", "doccano", "--map", "SPEC=speculation")
    assert "added 2 tag(s) (2 for alice)" in result.stderr
    assert "unknown label 'rumour'" in result.stderr
    assert run(ws, "import-tags", str(path), "--format", "doccano", "--map", "SPEC").exit_code == 1


def test_tags_made_on_a_different_text_are_re_found_by_their_quote_or_rejected(tmp_path):
    ws = seed_workspace(tmp_path)
    art = load(ws)
    s, e = prose(art)[5]
    quote = art.text[s:e]
    shifted = "EXTRA LINE\n" + art.text  # the teammate's copy had one more line on top
    good = _doccano_line(shifted, [[s + 11, e + 11, "speculation"]], article=SEED)
    missing = _doccano_line("Some other text entirely, with a claim.", [[0, 9, "warning"]],
                            article=SEED)
    stray = _doccano_line("Unknown article text nobody has.", [[0, 7, "warning"]])
    path = tmp_path / "shifted.jsonl"
    path.write_text("\n".join([good, missing, stray]) + "\n", encoding="utf-8")
    result = run(ws, "import-tags", str(path), "--format", "doccano")
    err = result.stderr
    assert f"{path}:1: moved from {s + 11}-{e + 11} to {s}-{e} (found its quote)" in err
    assert f"{path}:2: its quote 'Some othe' is not in article {SEED}" in err
    assert f"{path}:3: no article in the corpus has its text" in err
    assert "added 1 tag(s)" in err
    rows = [json.loads(ln) for ln in run(ws, "export", "--format", "jsonl").stdout.splitlines()]
    assert [(r["start"], r["end"], r["quote"]) for r in rows] == [(s, e, quote)]


def test_repeated_quotes_are_placed_by_their_context(tmp_path):
    ws = seed_workspace(tmp_path)
    text = "Breaking news headline today\n\nIt may rain.\n\nOfficials said so.\n\nIt may rain.\n"
    (ws.corpus / "twice.txt").write_text(text, encoding="utf-8")
    second = text.rindex("It may rain.")
    row = {"article": "twice", "label": "speculation", "start": 0, "end": 5,
           "quote": "It may rain.", "prefix": "said so.\n\n", "suffix": "\n"}
    path = tmp_path / "ctx.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    run(ws, "import-tags", str(path), "--format", "jsonl")
    rows = [json.loads(ln) for ln in run(ws, "export", "--format", "jsonl").stdout.splitlines()]
    assert [(r["start"], r["end"]) for r in rows] == [(second, second + len("It may rain."))]


def test_dry_run_writes_nothing_and_annotator_option_overrides_the_file(tmp_path):
    ws = team_workspace(tmp_path)
    out = tmp_path / "all.jsonl"
    run(ws, "export", "--format", "jsonl", "--out", str(out))
    before = tag_files(ws)
    result = run(ws, "import-tags", str(out), "--format", "jsonl", "--annotator", "Carol D",
                 "--dry-run")
    # alice and bob agree on 6 tags: carol gets each once, the copies count as already there.
    assert "would add 12 tag(s) (12 for carol-d); 6 already there" in result.stderr
    assert tag_files(ws) == before
    run(ws, "import-tags", str(out), "--format", "jsonl", "--annotator", "Carol D")
    files = tag_files(ws)
    assert {k for k in files if k.startswith("carol-d/")} == {
        f"carol-d/{SEED}.yaml", "carol-d/001_e98dd6f0637d58e7.yaml"}
    assert {k: v for k, v in files.items() if not k.startswith("carol-d/")} == before


def test_a_tag_file_made_on_an_older_text_is_placed_on_the_current_one_then_merged(tmp_path):
    ws = team_workspace(tmp_path)
    out = tmp_path / "all.jsonl"
    run(ws, "export", "--format", "jsonl", "--article", SEED, "--annotator", "bob",
        "--out", str(out))
    path = ws.article_path(SEED)
    path.write_text("A new first line.\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    bob_before = tag_files(ws)[f"bob/{SEED}.yaml"]
    result = run(ws, "import-tags", str(out), "--format", "jsonl", "--annotator", "alice")
    assert (f"alice/{SEED}.yaml: made on an earlier version of article {SEED} (6 re-found); "
            "its tags were placed on the article's current text and saved so with the new ones"
            ) in result.stderr
    assert "open it in newstag" not in result.stderr
    # bob's 6 tags: 4 alice had too, 2 new (speculation on 6, warning on 11).
    assert "added 2 tag(s) (2 for alice); 4 already there" in result.stderr
    art = load(ws)
    doc = TagStore(ws.tags).load("alice", SEED).doc
    assert doc.text_sha256 == art.sha256 and len(doc.tags) == 8
    assert all(art.text[t.start : t.end] == t.quote and not t.orphan for t in doc.tags)
    assert tag_files(ws)[f"bob/{SEED}.yaml"] == bob_before


def test_w3c_and_labelstudio_from_other_tools(tmp_path):
    ws = seed_workspace(tmp_path)
    art = load(ws)
    s, e = prose(art)[5]
    quote = art.text[s:e]
    w3c = {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/anno/1",
           "type": "Annotation", "bodyValue": "speculation",
           "creator": {"id": "mailto:dana@example.org", "name": "Dana Q"},
           "target": {"source": f"http://example.org/corpus/{SEED}.txt",
                      "selector": {"type": "TextQuoteSelector", "exact": quote}}}
    (tmp_path / "w3c.json").write_text(json.dumps(w3c), encoding="utf-8")
    result = run(ws, "import-tags", str(tmp_path / "w3c.json"), "--format", "w3c")
    assert "added 1 tag(s) (1 for dana-q)" in result.stderr
    ls = [{"id": 7, "data": {"text": art.text},
           "predictions": [{"model_version": "v2", "result": [
               {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": s, "end": e, "text": quote, "labels": ["warning"]}}]}]}]
    (tmp_path / "ls.json").write_text(json.dumps(ls), encoding="utf-8")
    result = run(ws, "import-tags", str(tmp_path / "ls.json"), "--format", "labelstudio")
    assert "added 1 tag(s) (1 for model-v2)" in result.stderr
    (tmp_path / "bad.json").write_text('[{"id": 1,\n "data": {"text": "x"}\n', encoding="utf-8")
    result = run(ws, "import-tags", str(tmp_path / "bad.json"), "--format", "labelstudio")
    assert f"{tmp_path / 'bad.json'}:3: not valid JSON" in result.stderr
    assert result.exit_code == 1  # nothing could be read: a skip, one line, no traceback
    assert "Traceback" not in result.output


def test_exit_status_says_whether_anything_was_skipped(tmp_path):
    ws = seed_workspace(tmp_path)
    art = load(ws)
    spans = prose(art)
    path = tmp_path / "model.jsonl"
    path.write_text(_doccano_line(art.text, [[*spans[1], "speculation"], [*spans[2], "SPEC"]])
                    + "\n", encoding="utf-8")
    result = run(ws, "import-tags", str(path), "--format", "doccano", "--dry-run")
    assert result.exit_code == 1 and tag_files(ws) == {}
    result = run(ws, "import-tags", str(path), "--format", "doccano")
    assert result.exit_code == 1  # an unknown label was rejected; the good tag went in
    assert "added 1 tag(s) (1 for alice); 0 already there; 1 not imported" in result.stderr
    assert len(tag_files(ws)) == 1
    result = run(ws, "import-tags", str(path), "--format", "doccano", "--map", "SPEC=speculation")
    assert result.exit_code == 0  # everything imported or already there
    assert "added 1 tag(s) (1 for alice); 1 already there; 0 not imported\n" in result.stderr
    text = " ".join(run(ws, "import-tags", "--help").stdout.split())
    assert "Exit status: 0 when every tag was imported or already there; 1 when any" in text
