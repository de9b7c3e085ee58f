"""`newstag agree` as a person reads it: the unit said, per-label tables, one-line errors."""

from __future__ import annotations

from exchange_helpers import SEED, run, seed_workspace, tag, team_workspace


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
