"""`newstag agree` as a person reads it: the unit said, per-label tables, one-line errors."""

from __future__ import annotations

import json

from exchange_helpers import SEED, load, prose, run, seed_workspace, tag, team_workspace


def test_text_report_names_the_unit_pairs_alpha_and_disagreements(tmp_path):
    ws = team_workspace(tmp_path)
    result = run(ws, "agree", "--label", "speculation", "--max-disagreements", "1")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("unit: sentence · articles covered per annotator: alice: 2, bob: 2\n")
    assert "speculation: Krippendorff's alpha " in out
    assert "alice / bob" in out and "kappa" in out
    assert "  disagreements: 3\n" in out  # SEED sentences 5 and 6, OTHER sentence 0
    assert "… 2 more (--max-disagreements -1)" in out
    assert "official statement" not in out


def test_annotators_option_and_one_line_errors(tmp_path):
    ws = team_workspace(tmp_path)
    tag(ws, "carol", SEED, {"warning": [10]})
    out = run(ws, "agree", "--annotators", "alice,carol", "--label", "warning").stdout
    assert "alice / carol" in out and "bob" not in out
    result = run(ws, "agree", "--label", "rumour")
    assert result.exit_code == 1
    assert result.stderr.startswith("newstag: unknown label(s) 'rumour'; labels: speculation")
    lonely = seed_workspace(tmp_path / "lonely")
    tag(lonely, "alice", SEED, {"warning": [10]})
    result = run(lonely, "agree")
    assert result.exit_code == 1
    assert result.stderr == ("newstag: agreement needs at least two annotators with tag files; "
                             "found alice\n")
    assert "Traceback" not in result.output


def test_help_documents_the_unit_and_uncovered_sentences(tmp_path):
    ws = seed_workspace(tmp_path)
    text = " ".join(run(ws, "agree", "--help").stdout.split())
    assert "Unit: one sentence." in text
    assert ("in a covered article an untagged sentence counts as no, in an uncovered one as "
            "missing") in text


def test_a_cleared_article_is_missing_unless_everyone_was_given_the_same_articles(tmp_path):
    ws = seed_workspace(tmp_path)
    other = "001_e98dd6f0637d58e7"
    session = tag(ws, "alice", SEED, {"speculation": [3]})
    art = load(ws)
    session.toggle(art, [prose(art)[3]], "speculation")  # alice clears the article again
    assert not (ws.tags / "alice" / f"{SEED}.yaml").exists()
    tag(ws, "alice", other, {"warning": [4]})
    tag(ws, "bob", SEED, {"speculation": [3, 5]})
    tag(ws, "bob", other, {"warning": [4]})
    n_seed, n_other = len(prose(art)), len(prose(load(ws, other)))

    report = json.loads(run(ws, "agree", "--json", "--label", "speculation").stdout)
    assert report["coverage"] == "tag file"
    assert report["covered"] == {"alice": [other], "bob": [SEED, other]}
    (pair,) = report["labels"][0]["pairs"]
    assert pair["n"] == n_other and report["labels"][0]["disagreements"] == []
    out = run(ws, "agree", "--label", "speculation").stdout
    assert ("note: alice has no tag file for some of the 2 article(s); their sentences there "
            "count as missing, not no (--all-covered if everyone was given the same articles)"
            ) in out

    result = run(ws, "agree", "--json", "--label", "speculation", "--all-covered")
    report = json.loads(result.stdout)
    assert report["coverage"] == "all"
    assert report["covered"] == {"alice": [SEED, other], "bob": [SEED, other]}
    (pair,) = report["labels"][0]["pairs"]
    assert pair["n"] == n_seed + n_other and pair["agreed"] == n_seed + n_other - 2
    spans = prose(art)
    assert [(d["start"], d["yes"], d["no"]) for d in report["labels"][0]["disagreements"]] == [
        (spans[3][0], ["bob"], ["alice"]), (spans[5][0], ["bob"], ["alice"])]
    out = run(ws, "agree", "--label", "speculation", "--all-covered").stdout
    assert "articles covered per annotator (--all-covered): alice: 2, bob: 2" in out
    assert "note: alice" not in out


def test_help_says_coverage_is_having_a_tag_file_and_how_to_count_cleared_articles(tmp_path):
    ws = seed_workspace(tmp_path)
    text = " ".join(run(ws, "agree", "--help").stdout.split())
    assert ("Removing the last tag of an article deletes its file, so an article you read and "
            "left untagged is not covered") in text
    assert "--all-covered counts each article any compared annotator tagged as covered" in text
