"""Each export read by a real consumer from PyPI: bratly (brat standoff), Label Studio's own
converter, a JSON Schema of the W3C model's MUSTs, markdown-it-py. CSV has its own file."""

from __future__ import annotations

import json

import jsonschema
import pytest
from bratly.collection_types import EntityAnnotation, NoteAnnotation
from bratly.io import read_document_collection_from_folder
from exchange_helpers import (
    HOSTILE_NOTE,
    REPO,
    SEED,
    load,
    run,
    seed_workspace,
    tag,
    team_workspace,
)
from label_studio_converter import Converter
from markdown_it import MarkdownIt

from tui.core.exchange.brat import brat_names

SCHEMA = json.loads((REPO / "tests/data/w3c-web-annotation.schema.json").read_text())


def _jsonl(ws) -> list[dict]:
    return [json.loads(ln) for ln in run(ws, "export", "--format", "jsonl").stdout.splitlines()]


def test_brat_standoff_is_read_by_bratly_and_matches_the_text(tmp_path):
    ws = team_workspace(tmp_path)
    out = tmp_path / "brat"
    assert run(ws, "export", "--format", "brat", "--out", str(out)).exit_code == 0
    expected = _jsonl(ws)
    names = brat_names(["speculation", "official statement", "warning"])
    for who in ("alice", "bob"):
        docs = read_document_collection_from_folder(str(out / who))
        assert docs is not None and len(docs.documents) == 2
        got = set()
        for doc in docs.documents:
            assert doc.check_ann_compatibility_with_txt()  # bratly's own offsets-vs-text check
            anns = doc.annotation_collections[0].get_annotations()
            article = doc.fullpath.rsplit("/", 1)[-1].removesuffix(".txt")
            for ent in anns:
                if isinstance(ent, EntityAnnotation):
                    got.add((article, ent.label, ent.get_start(), ent.get_end()))
            notes = [a for a in anns if isinstance(a, NoteAnnotation)]
            if who == "alice" and article == SEED:
                assert [n.value for n in notes] == [" ".join(HOSTILE_NOTE.split())]
                assert notes[0].label == "AnnotatorNotes"
        want = {(r["article"], names[r["label"]], r["start"], r["end"]) for r in expected
                if r["annotator"] == who}
        assert got == want
    conf = (out / "annotation.conf").read_text()
    assert "[entities]\nspeculation\nofficial_statement\nwarning\n" in conf
    assert "official_statement | official statement" in (out / "visual.conf").read_text()


def test_brat_splits_a_tag_across_a_line_break_into_fragments(tmp_path):
    ws = seed_workspace(tmp_path)
    (ws.corpus / "wrapped.txt").write_text(
        "Headline of the wrapped story\n\nThe minister said on Tuesday that the whole deal\n"
        "was off for now, according to officials. Nobody else spoke.\n", encoding="utf-8")
    art = load(ws, "wrapped")
    first = next(s for s in art.sentences() if "minister" in art.sentence_text(s))
    assert "\n" in art.sentence_text(first)
    tag(ws, "alice", "wrapped", {"warning": [1]})
    out = tmp_path / "brat"
    run(ws, "export", "--format", "brat", "--out", str(out))
    ann = (out / "alice" / "wrapped.ann").read_text()
    nl = art.text.index("\n", first.start)
    assert ann == (f"T1\twarning {first.start} {nl};{nl + 1} {first.end}\t"
                   "The minister said on Tuesday that the whole deal was off for now, according "
                   "to officials.\n")
    docs = read_document_collection_from_folder(str(out / "alice"))
    assert docs.documents[0].check_ann_compatibility_with_txt()


def test_w3c_export_validates_against_the_models_musts(tmp_path):
    ws = team_workspace(tmp_path)
    doc = json.loads(run(ws, "export", "--format", "w3c").stdout)
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(doc)
    items = doc["first"]["items"]
    assert doc["total"] == len(items) == 18
    art = load(ws)
    for ann in items:
        pos, quote = ann["target"]["selector"]
        assert (pos["type"], quote["type"]) == ("TextPositionSelector", "TextQuoteSelector")
        if ann["target"]["source"] == f"urn:newstag:article:{SEED}":
            assert art.text[pos["start"] : pos["end"]] == quote["exact"]
            assert art.text[: pos["start"]].endswith(quote["prefix"])
            assert art.text[pos["end"] :].startswith(quote["suffix"])
        assert ann["body"][0]["purpose"] == "tagging"
        assert ann["creator"]["nickname"] in ("alice", "bob")
    noted = [a for a in items if len(a["body"]) == 2]
    assert [a["body"][1] for a in noted] == [
        {"type": "TextualBody", "purpose": "commenting", "value": HOSTILE_NOTE,
         "format": "text/plain"}]


def test_w3c_schema_rejects_what_the_model_forbids():
    good = {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:1", "type": "Annotation",
            "target": {"source": "urn:x:a", "selector": [
                {"type": "TextPositionSelector", "start": 0, "end": 4}]}}
    jsonschema.validate(good, SCHEMA)
    for broken in ({**good, "@context": "http://example.org/other"}, {**good, "type": "Note"},
                   {k: v for k, v in good.items() if k != "target"},
                   {**good, "target": {"source": "urn:x:a", "selector": [
                       {"type": "TextPositionSelector", "start": -1, "end": 4}]}}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, SCHEMA)


def test_label_studio_converter_reads_tasks_and_config(tmp_path):
    ws = team_workspace(tmp_path)
    tasks = tmp_path / "tasks.json"
    assert run(ws, "export", "--format", "labelstudio", "--out", str(tasks)).exit_code == 0
    config = tmp_path / "tasks.label_config.xml"
    converter = Converter(config=str(config), project_dir=str(tmp_path))
    converter.convert_to_json_min(str(tasks), str(tmp_path / "min"), is_dir=False)
    records = json.loads((tmp_path / "min" / "result.json").read_text())
    assert len(records) == 4  # 2 articles x 2 annotators, one annotation each
    got = set()
    for rec in records:
        labels = rec["label"] if isinstance(rec["label"], list) else [rec["label"]]
        for region in labels:
            assert rec["text"][region["start"] : region["end"]] == region["text"]
            got.add((rec["article"], rec["annotator"], region["labels"][0], region["start"]))
        if rec["article"] == SEED and rec["annotator"] == 1:  # alice, the first annotator
            assert rec["note"] == HOSTILE_NOTE  # the per-region TextArea result
    want = {(r["article"], {"alice": 1, "bob": 2}[r["annotator"]], r["label"], r["start"])
            for r in _jsonl(ws)}
    assert got == want


def test_markdown_briefing_renders_quotes_verbatim_and_inert(tmp_path):
    ws = seed_workspace(tmp_path)
    hostile = "Officials *may* act [now](javascript:alert(1)) <script>x</script> _soon_ \\o/ | & ok"
    (ws.corpus / "md.txt").write_text(f"A headline for markdown\n\n{hostile}\n", encoding="utf-8")
    tag(ws, "alice", "md", {"speculation": [1]}, note="a `note` with | pipes")
    quote = _jsonl(ws)[0]["quote"]
    assert "*may*" in quote and "<script>" in quote and "[now](" in quote
    text = run(ws, "export", "--format", "markdown").stdout
    tokens = MarkdownIt("commonmark").parse(text)
    inline = [t for t in tokens if t.type == "inline"]
    kinds = {c.type for t in inline for c in (t.children or [])}
    assert not kinds & {"em_open", "strong_open", "link_open", "html_inline", "code_inline"}
    pieces = [c.content for t in inline for c in (t.children or []) if c.type == "text"]
    assert f"“{quote}”" in pieces
    assert "note (alice): a `note` with | pipes" in pieces
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["Tag briefing", "A headline for markdown", "speculation (1)"]
