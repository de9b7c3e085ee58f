"""Plain `newstag` starts the TUI without click; its errors are the same one line as through the
click group (`newstag --annotator x`), with the same exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROBE = """
import sys
sys.argv = ["newstag", *sys.argv[1:]]
from tui.cli import main
try:
    main.main()
except SystemExit as exc:
    code = exc.code
print("click imported" if "click" in sys.modules else "no click", file=sys.stderr)
sys.exit(code)
"""


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PROBE, *args], cwd=cwd, capture_output=True,
                          text=True, timeout=60)


def test_no_corpus_is_one_line_without_click(tmp_path: Path) -> None:
    plain, flagged = run(tmp_path), run(tmp_path, "--annotator", "ana")
    assert plain.returncode == flagged.returncode == 1
    assert plain.stderr.splitlines() == [
        f"newstag: {tmp_path.resolve() / 'corpus'}: no corpus folder here; pass --corpus DIR or "
        "run `newstag init DIR`", "no click"]
    assert flagged.stderr.splitlines()[0] == plain.stderr.splitlines()[0]


def test_a_broken_label_set_is_the_same_line_both_ways(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "tags").mkdir()
    (tmp_path / "tags" / "labels.yaml").write_text("labels: [\n", encoding="utf-8")
    plain, flagged = run(tmp_path), run(tmp_path, "--annotator", "ana")
    assert plain.returncode == flagged.returncode == 1
    first = plain.stderr.splitlines()[0]
    assert first.startswith(f"newstag: {tmp_path.resolve() / 'tags' / 'labels.yaml'}:")
    assert "not valid YAML" in first and flagged.stderr.splitlines()[0] == first
