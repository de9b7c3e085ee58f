"""The sentence-span cache and segmentation over processes give exactly what segmenting gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core import segcache
from tui.core.sentences import SEGMENTER_VERSION, segment_tuples

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def test_round_trip_and_layout(tmp_path: Path) -> None:
    cache = segcache.SegmentCache.for_workspace_cache(tmp_path / ".newstag")
    text = seed_texts()[0]
    sha = segcache.text_sha256(text)
    assert cache.get(sha, len(text)) is None
    spans = segcache.spans_for(text, cache)
    assert spans == segment_tuples(text)
    path = (
        tmp_path
        / ".newstag"
        / "cache"
        / "sentences"
        / f"v{SEGMENTER_VERSION}"
        / sha[:2]
        / f"{sha}.spans"
    )
    assert path.is_file() and cache.path(sha) == path
    assert cache.get(sha, len(text)) == spans
    assert not list(path.parent.glob(".*tmp"))  # no temp file left behind


def test_the_cache_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = segcache.SegmentCache(tmp_path)
    text = seed_texts()[1]
    spans = segcache.spans_for(text, cache)
    monkeypatch.setattr(segcache.seg, "segment_tuples", lambda _t: pytest.fail("segmented again"))
    assert segcache.spans_for(text, cache) == spans


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[:10],  # truncated header
        lambda b: b[:-4],  # truncated body
        lambda b: b"XXXXXXXX" + b[8:],  # wrong magic
        lambda b: b[:8] + (10**6).to_bytes(8, "little") + b[16:],  # made for another text length
        lambda b: b[:24] + b"\xff\xff\xff\xff" + b[28:],  # a span past the end of the text
    ],
)
def test_damaged_entries_are_ignored_and_rewritten(tmp_path: Path, damage) -> None:
    cache = segcache.SegmentCache(tmp_path)
    text = seed_texts()[2]
    sha = segcache.text_sha256(text)
    good = segcache.spans_for(text, cache)
    path = cache.path(sha)
    path.write_bytes(damage(path.read_bytes()))
    assert cache.get(sha, len(text)) is None
    assert segcache.spans_for(text, cache) == good
    assert cache.get(sha, len(text)) == good


def test_unwritable_cache_still_segments(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = segcache.SegmentCache(blocker)
    text = seed_texts()[3]
    assert segcache.spans_for(text, cache) == segment_tuples(text)


def test_segment_files_in_process_and_in_a_pool_agree(tmp_path: Path) -> None:
    paths = sorted(SEEDS.glob("*.txt")) * 3
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    paths.insert(2, bad)
    cache = segcache.SegmentCache(tmp_path / "c")
    seen: list[int] = []
    one = list(segcache.segment_files(paths, cache, workers=1, progress=seen.append))
    assert seen[-1] == len(paths)
    two = list(segcache.segment_files(paths, None, workers=2, batch=2))
    assert [(r.path, r.sha256, r.spans, r.error) for r in one] == [
        (r.path, r.sha256, r.spans, r.error) for r in two
    ]
    assert "empty file" in one[2].error and not one[2].spans
    ok = [r for r in one if not r.error]
    assert all(r.spans == tuple(segment_tuples(r.path.read_text(encoding="utf-8"))) for r in ok)
    assert [r.cached for r in ok[:5]] == [False] * 5 and all(r.cached for r in ok[5:])


def test_segment_parallel_equals_segment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segcache, "PARALLEL_MIN_CHARS", 0)
    text = "\n\n".join(seed_texts() * 2)
    cache = segcache.SegmentCache(tmp_path)
    assert segcache.segment_parallel(text, workers=2, cache=cache) == segment_tuples(text)
    assert cache.get(segcache.text_sha256(text), len(text)) == segment_tuples(text)


def test_groups_cover_every_unit_in_order() -> None:
    text = "\n\n".join(seed_texts())
    groups = segcache._groups(text, 4)
    units = [u for _, _, us in groups for u in us]
    assert units == sorted(units) and len(groups) >= 4
    assert all(a == us[0][0] and b == us[-1][1] for a, b, us in groups)


def test_pools_work_from_stdin_scripts_and_unguarded_mains(tmp_path: Path) -> None:
    """Workers never re-run the main script (it may be stdin, `-c`, or lack a __main__ guard)."""
    import subprocess
    import sys

    script = (
        "from pathlib import Path\n"
        "from tui.core import segcache\n"
        f"paths = sorted(Path({str(SEEDS)!r}).glob('*.txt')) * 4\n"
        "res = list(segcache.segment_files(paths, None, workers=2, batch=2))\n"
        "print(sum(1 for r in res if r.spans))\n"
    )
    unguarded = tmp_path / "unguarded.py"
    unguarded.write_text(script)
    for args, stdin in (([sys.executable, "-"], script), ([sys.executable, str(unguarded)], None)):
        out = subprocess.run(args, input=stdin, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr[-500:]
        assert out.stdout.split() == ["20"]
