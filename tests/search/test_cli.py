"""`newstag index` and `newstag search` on the seeds, as a user and a script would run them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from search_helpers import seed_workspace, tag_sentence

from tui.cli.main import cli

pytestmark = pytest.mark.usefixtures("engine")


@pytest.fixture
def ws(tmp_path):
    return seed_workspace(tmp_path)


def run(ws, *args: str):
    return CliRunner().invoke(cli, ["--root", str(ws.root), "--annotator", "alice", *args])


def test_search_prints_every_article_saying_it(ws) -> None:
    r = run(ws, "search", "ammunition")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[-1] == "6 matching sentences in 5 matching articles"
    for article in ["000_698a1ff201fa72f9", "001_e98dd6f0637d58e7", "002_ac2d878c38bad475",
                    "003_420c701de47a1b0c", "004_0413e7c0cc1f7413"]:
        assert any(line.startswith(article) for line in lines)


def test_json_is_valid_and_stable(ws) -> None:
    tag_sentence(ws, "alice", "000_698a1ff201fa72f9", 5, "speculation")
    r = run(ws, "search", "--json", "label:speculation")
    data = json.loads(r.stdout)
    assert list(data)[:6] == ["query", "took_ms", "articles", "total", "more", "hits"]
    assert data["total"] == 1 and data["kind"] == "sentence" and data["articles"] == 1
    assert isinstance(data["took_ms"], float) and data["took_ms"] >= 0
    hit = data["hits"][0]
    assert list(hit) == ["kind", "article", "title", "sentence", "start", "end", "text", "labels",
                         "annotators", "score", "marks"]
    assert (hit["article"], hit["sentence"]) == ("000_698a1ff201fa72f9", 6)  # from 1, as on screen
    assert hit["labels"] == ["speculation"]
    again = json.loads(run(ws, "search", "--json", "label:speculation").stdout)
    assert {**again, "took_ms": 0} == {**data, "took_ms": 0}  # stable but for the time taken


def test_phrase_field_and_limit(ws) -> None:
    r = run(ws, "search", "--json", "--limit", "2", "ammunition")
    assert len(json.loads(r.stdout)["hits"]) == 2 and json.loads(r.stdout)["more"]
    assert run(ws, "search", "--limit", "2", "ammunition").stdout.splitlines()[-1] == \
        "2 matching sentences shown in 5 matching articles (raise --limit for more)"
    dated = run(ws, "search", "--limit", "1", "date:[2023-09-01 TO *]").stdout.splitlines()[-1]
    assert dated == "1 matching articles shown (raise --limit for more)"
    phrase = json.loads(run(ws, "search", "--json", '"may supply ammunition"').stdout)
    assert [(h["article"], h["sentence"]) for h in phrase["hits"]] == [("000_698a1ff201fa72f9", 6)]
    assert phrase["hits"][0]["marks"]
    # the outlet, not "AP" (a photo credit)
    field = json.loads(run(ws, "search", "--json", "source:inewszone").stdout)
    assert field["kind"] == "article"
    assert [h["article"] for h in field["hits"]] == ["003_420c701de47a1b0c"]


def test_malformed_query_is_one_line_exit_1(ws) -> None:
    r = run(ws, "search", '"supply ammunition')
    assert r.exit_code == 1
    assert r.output.count("\n") == 1 and r.output.startswith("newstag: unclosed quote")


def test_index_summary_then_up_to_date_then_rebuild(ws) -> None:
    first = run(ws, "index")
    assert first.exit_code == 0
    assert "indexed 5 articles" in first.output and "no index yet" in first.output
    assert "index up to date" in run(ws, "index").output
    (ws.corpus / "005_extra.txt").write_text("An extra report\n\nNothing to see here today.\n")
    assert "1 added" in run(ws, "index").output
    rebuilt = run(ws, "index", "--rebuild")
    assert "indexed 6 articles" in rebuilt.output and "asked to rebuild" in rebuilt.output


def test_corrupt_index_rebuilt_by_the_next_search(ws) -> None:
    run(ws, "index")
    folder = ws.cache / "index"
    for seg in [*folder.glob("*.seg"), *folder.glob("*.idx"), *folder.glob("*.store")]:
        seg.write_bytes(seg.read_bytes()[:50])
    r = run(ws, "search", "ammunition")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[-1] == "6 matching sentences in 5 matching articles"
    assert "the index is damaged" in r.stderr


def test_second_instance_holding_the_index_lock(ws) -> None:
    from filelock import FileLock

    run(ws, "index")
    with FileLock(str(ws.cache / "index.lock")):  # another newstag is updating the index
        r = run(ws, "search", "ammunition")
        assert r.exit_code == 0
        assert "another newstag is updating the search index; searching the index as it is" \
            in r.output
        assert r.stdout.splitlines()[-1] == "6 matching sentences in 5 matching articles"
        busy = run(ws, "index", "--wait", "0.2")
        assert busy.exit_code == 1 and "try again when it has finished" in busy.output
