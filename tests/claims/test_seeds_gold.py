"""The twins on the seeds' same-claim gold, scored by the gold's own scorer (issue 12 targets).

`tests/data/claims/` holds a copy of `../shared/claims/seeds-claims.yaml` and `score.py`; the
command under test is the real `newstag claims --json` on a copy of the seeds.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from tui.cli.main import cli

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "claims"


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("claims_score", DATA / "score.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def claims_json(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("ws")
    shutil.copytree(REPO / "seeds", root / "seeds")
    (root / "tags").mkdir()
    shutil.copy(REPO / "tags" / "labels.yaml", root / "tags")
    res = CliRunner().invoke(cli, ["--corpus", str(root / "seeds"), "--tags", str(root / "tags"),
                                   "claims", "--json"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    out = root / "claims.json"
    out.write_text(res.output, encoding="utf-8")
    return root, json.loads(res.output)


def test_targets_on_the_seeds(claims_json: tuple[Path, dict]) -> None:
    root, _ = claims_json
    S = scorer()
    gold = S.load_gold(str(DATA / "seeds-claims.yaml"), str(root / "seeds"))
    r = S.score(gold, S.load_pred(str(root / "claims.json"), gold["texts"]))
    assert r["precision"] >= 0.9, r
    assert r["recall"] >= 0.4, r
    assert r["related_linked"] <= 0.1 * r["related"], r


def test_json_shape_and_spans(claims_json: tuple[Path, dict]) -> None:
    root, doc = claims_json
    assert set(doc) == {"claims"} and doc["claims"]
    for claim in doc["claims"]:
        assert len({m["article"] for m in claim["members"]}) >= 2
        for m in claim["members"]:
            assert set(m) == {"article", "source", "start", "end", "text", "labels"}
            text = (root / "seeds" / f"{m['article']}.txt").read_text(encoding="utf-8")
            assert text[m["start"]:m["end"]] == m["text"]
            assert m["labels"] == {}  # nobody tagged yet
