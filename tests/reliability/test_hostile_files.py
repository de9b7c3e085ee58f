"""Hostile tag files: each is refused (or its bad entry flagged) with one line naming the file and
the line, what is wrong and what to do; the other files of the workspace still load."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from workspace_helpers import copy_seeds

from tui.cli.main import cli
from tui.core import articles, yamlsafe
from tui.core.library import load_library
from tui.core.tagging import TaggingSession
from tui.core.tagstore import TagFileError, TagStore
from tui.core.validation import validate
from tui.core.workspace import open_workspace

REPO = Path(__file__).resolve().parents[2]
GOOD, BAD = "000_698a1ff201fa72f9", "001_e98dd6f0637d58e7"
LABELS = ["speculation", "official statement", "warning"]
HEAD = f"schema: 1\narticle: {BAD}\ntext_sha256: abc\ntags:\n"
TAG = "- id: {id}\n  label: warning\n  start: 0\n  end: 10\n  quote: Kim Jong U\n"

# name -> (file content, expected words in the message, expected line)
CASES: dict[str, tuple[str | bytes, str, int]] = {
    "duplicate key": (HEAD + TAG.format(id="a") + "  label: speculation\n",
                      "duplicate key 'label'", 10),
    "duplicate id": (HEAD + TAG.format(id="a") + TAG.format(id="a"), "appears twice", 10),
    "alias": (HEAD + "- &t {id: a, label: warning, start: 0, end: 10, quote: x}\n- *t\n",
              "aliases", 5),
    "billion laughs": ("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b, *b]\n", "aliases", 1),
    "merge key": (HEAD + "- <<: {label: warning}\n  id: a\n", "merge keys", 5),
    "deep flow": ("x: " + "[" * 100_000 + "]" * 100_000 + "\n", "nesting deeper", 1),
    "deep block": ("".join("  " * i + "- \n" for i in range(200)), "nesting deeper", 33),
    "conflict": (HEAD + TAG.format(id="a") + "<<<<<<< HEAD\n" + TAG.format(id="b") + "=======\n"
                 + ">>>>>>> theirs\n", "merge-conflict marker", 10),
    "tab": (HEAD + "- id: a\n\tlabel: warning\n", "tab in indentation", 6),
    "schema": ("schema: two\narticle: x\ntags: []\n", "unsupported schema", 1),
    "tags not a list": (f"schema: 1\narticle: {BAD}\ntags: {{a: 1}}\n", "'tags' must be a list", 3),
    "start not a number": (HEAD + TAG.format(id="a").replace("start: 0", "start: abc"),
                           "kept as an orphan", 5),
    "label not text": (HEAD + TAG.format(id="a").replace("label: warning", "label: [1, 2]"),
                       "label should be text", 5),
    "orphan not a bool": (HEAD + TAG.format(id="a") + "  orphan: 3\n", "orphan must be", 5),
    "unknown label": (HEAD + TAG.format(id="a").replace("warning", "rumour"), "unknown label", 5),
    "missing field": (HEAD + "- id: a\n  label: warning\n", "lacks start, end, quote", 5),
    "python object": (HEAD + "- !!python/object/apply:os.system ['touch PWNED']\n",
                      "not valid YAML", 5),
    "not utf-8": (HEAD.encode() + b"- id: \xff\xfe\n", "not UTF-8", 5),
    "binary": (bytes(range(256)) * 4, "not UTF-8", 2),
    "empty": ("", "expected a mapping", 1),
    "a list": ("- 1\n- 2\n", "expected a mapping", 1),
}


@pytest.fixture
def ws(tmp_path: Path):
    root = copy_seeds(tmp_path / "ws")
    w = open_workspace(root, annotator="ana")
    art = articles.load(w.article_path(GOOD))
    session = TaggingSession(TagStore(w.tags), "ana", LABELS)
    session.open(art)
    session.toggle(art, [(s.start, s.end) for s in art.sentences()[:4]], "warning")
    return w


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_tag_file_gets_one_line_and_the_others_still_load(ws, case: str,
                                                                     monkeypatch) -> None:
    content, words, line = CASES[case]
    path = ws.tags / "ana" / f"{BAD}.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    monkeypatch.chdir(ws.root)
    store = TagStore(ws.tags)
    try:
        loaded = store.load_path(path, set(LABELS))
        messages = list(loaded.problems)
    except TagFileError as exc:
        messages = [str(exc)]
    assert messages, case
    first = messages[0]
    assert "\n" not in first and first.startswith(f"{path}:{line}: ") and words in first, first
    assert "; " in first  # what is wrong; what to do
    # The rest of the workspace is unharmed: the good file loads, validate names the bad one.
    assert len(store.load("ana", GOOD).doc.tags) == 4
    result = validate(ws)
    assert any(p.startswith(f"{path}:{line}: ") for p in result.problems)
    assert not any(str(ws.tags / "ana" / GOOD) in p for p in result.problems)
    assert load_library(ws, LABELS).counts[GOOD]["warning"] == 4
    run = CliRunner().invoke(cli, ["validate"])
    assert run.exit_code == 1 and f"tags/ana/{BAD}.yaml:{line}: " in run.output
    assert "Traceback" not in run.output
    assert not (ws.root / "PWNED").exists()


def test_an_oversized_file_is_refused_before_it_is_read(ws, monkeypatch) -> None:
    path = ws.tags / "ana" / f"{BAD}.yaml"
    with path.open("wb") as f:
        f.truncate(yamlsafe.MAX_BYTES + 1)  # sparse: no 8 MB written
    reads: list[Path] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda p: reads.append(p) or real(p))
    with pytest.raises(TagFileError, match=r":1: file is 8,388,609 bytes, over the"):
        TagStore(ws.tags).load_path(path)
    assert path not in reads


def test_a_clean_workspace_validates_with_exit_0(ws, monkeypatch) -> None:
    monkeypatch.chdir(ws.root)
    run = CliRunner().invoke(cli, ["validate"])
    assert run.exit_code == 0 and run.stdout == "" and "ok: 1 tag files, 4 tags" in run.output


GUARDED = """
import sys, threading
from pathlib import Path
threading.stack_size(256 * 1024)  # a worker thread's stack, as small as some platforms give
def run():
    {body}
t = threading.Thread(target=run); t.start(); t.join()
print("alive")
"""


def _in_subprocess(body: str, path: Path) -> subprocess.CompletedProcess[str]:
    code = textwrap.dedent(GUARDED).format(body=body)
    return subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                          timeout=60)


def test_deep_nesting_is_refused_before_libyaml_can_crash_the_process(tmp_path: Path) -> None:
    """PyYAML's C composer recurses: on a small thread stack, 999 levels kill the process
    (SIGSEGV, no exception). The guard refuses the file first; the process lives on."""
    deep = tmp_path / "tags" / "ana" / "x.yaml"
    deep.parent.mkdir(parents=True)
    deep.write_text("x: " + "[" * 999 + "]" * 999 + "\n", encoding="utf-8")
    guarded = _in_subprocess(
        "from tui.core.tagstore import TagStore, TagFileError\n"
        "    try: TagStore(Path(sys.argv[1]).parent.parent).load_path(Path(sys.argv[1]))\n"
        "    except TagFileError as e: print(e)", deep)
    assert guarded.returncode == 0, guarded.stderr
    assert f"{deep}:1: nesting deeper than 32 levels" in guarded.stdout
    assert "alive" in guarded.stdout
    bare = _in_subprocess(
        "import yaml\n    yaml.load(Path(sys.argv[1]).read_text(), Loader=yaml.CSafeLoader)", deep)
    # What the guard prevents (on this platform's PyYAML): the unguarded process dies.
    print(f"unguarded CSafeLoader on 999 levels in a 256 KiB thread: exit {bare.returncode}")


def test_quotes_full_of_brackets_are_not_mistaken_for_nesting(tmp_path: Path) -> None:
    text = "[" * 60 + " a pathological headline " + "{" * 60
    doc = TaggingSession(TagStore(tmp_path), "ana", LABELS)
    art = articles.parse(text + "\n\nSecond paragraph here.\n", "brackets")
    doc.open(art)
    saved = doc.toggle(art, [(0, len(text))], "warning")
    assert TagStore(tmp_path).load("ana", "brackets").doc == saved
