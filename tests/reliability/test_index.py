"""The index is a cache: kill the indexer midway (SIGKILL, at random moments), and the next start
rebuilds or repairs it and answers exactly as an index built cleanly does.

Truncated and deleted segment files are covered by tests/search/test_index.py
(test_damaged_index_is_rebuilt_and_answers); this adds the kill. CI kills 3 builds; the stress
run kills 25.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest
from search_helpers import seed_workspace, tag_sentence

from tui.core.search import SearchIndex

QUERIES = ["ammunition", "Putin AND Kim", "label:warning", "weapons deal", "Vladivostok"]


def _corpus(tmp_path: Path, name: str, copies: int):
    ws = seed_workspace(tmp_path / name)
    seeds = sorted(ws.corpus.glob("*.txt"))
    for i in range(copies):
        for p in seeds:
            (ws.corpus / f"c{i:02d}_{p.name}").write_text(
                p.read_text(encoding="utf-8") + f"\n\nCopy {i} of this report.\n", encoding="utf-8")
    tag_sentence(ws, "alice", "000_698a1ff201fa72f9", 3, "warning")
    return ws


def _answers(ws) -> dict[str, set[tuple[str, int]]]:
    ix = SearchIndex(ws, procs=1)
    try:
        report = ix.ensure()
        return {q: {(h.article, h.index) for h in ix.search(q, 10_000).hits} for q in QUERIES} | {
            "_rebuilt": {(report.reason or "", int(report.rebuilt))}}
    finally:
        ix.close()


def _kill_builds(ws, kills: int, seed: int) -> list[float]:
    rng = random.Random(seed)
    clean = _answers(ws)
    t0 = time.perf_counter()  # how long a rebuild takes here (segmentation is cached by now)
    ix = SearchIndex(ws, procs=1)
    ix.ensure(rebuild=True)
    ix.close()
    build = time.perf_counter() - t0
    moments = []
    for _ in range(kills):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child is killed
            try:
                SearchIndex(ws, procs=1).ensure(rebuild=True)
            finally:
                os._exit(0)
        moment = rng.uniform(0.05, 0.95) * build
        time.sleep(moment)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        moments.append(moment / build)
    after = _answers(ws)
    clean.pop("_rebuilt")
    after.pop("_rebuilt")
    assert after == clean
    return moments


def test_a_killed_index_build_is_rebuilt_and_answers_the_same(tmp_path: Path) -> None:
    ws = _corpus(tmp_path, "a", copies=2)
    moments = _kill_builds(ws, kills=3, seed=1)
    assert len(moments) == 3


@pytest.mark.stress
def test_killed_index_builds_stress(tmp_path: Path) -> None:
    ws = _corpus(tmp_path, "b", copies=8)
    moments = _kill_builds(ws, kills=25, seed=2)
    print(f"\nindex builds killed: {len(moments)} at "
          f"{min(moments):.0%}-{max(moments):.0%} of a build; next start answered the same")
