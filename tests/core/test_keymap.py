"""keymap.yaml: where it is, what it may change, and one line per bad entry (tui/core/keymap.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.keymap import keymap_path
from tui.core.labels import Label
from tui.keymap import defaults, is_key, user_keymap

LABELS = [Label("speculation", "s", "yellow"), Label("official statement", "o", "green")]


def load(tmp_path: Path, text: str):
    path = tmp_path / "keymap.yaml"
    path.write_text(text, encoding="utf-8")
    return path, user_keymap(path, LABELS)


def test_where_the_keymap_lives(tmp_path) -> None:
    assert keymap_path({"XDG_CONFIG_HOME": "/x/cfg"}) == Path("/x/cfg/newstag/keymap.yaml")
    assert keymap_path({}) == Path.home() / ".config" / "newstag" / "keymap.yaml"
    # The XDG spec: a relative XDG_CONFIG_HOME is invalid and ignored.
    assert keymap_path({"XDG_CONFIG_HOME": "rel"}) == keymap_path({})


def test_no_file_or_an_empty_one_is_the_defaults(tmp_path) -> None:
    assert user_keymap(tmp_path / "none.yaml", LABELS).keys == {}
    assert load(tmp_path, "# nothing yet\n")[1].keys == {}


def test_keys_are_normalized_and_several_keys_allowed(tmp_path) -> None:
    _, km = load(tmp_path, "reader.next-sentence: ctrl+n, down\napp.help: '?'\n"
                           "reader.label-1: F\n")
    assert km.problems == ()
    assert km.keys == {"reader.next-sentence": "ctrl+n,down", "app.help": "question_mark",
                       "reader.label-1": "F"}


def test_swapping_two_keys_is_not_a_clash(tmp_path) -> None:
    _, km = load(tmp_path, "reader.next-sentence: k\nreader.previous-sentence: j\n")
    assert km.problems == ()
    assert km.keys == {"reader.next-sentence": "k", "reader.previous-sentence": "j"}


def test_the_same_key_on_another_screen_is_fine(tmp_path) -> None:
    _, km = load(tmp_path, "library.open: o\n")  # o is a label key in the reader only
    assert km.problems == () and km.keys == {"library.open": "o"}


@pytest.mark.parametrize(("text", "says"), [
    ("reader.next-sentence: o\n", "o is already reader.label-key-2's key"),
    ("reader.next-sentence: '3'\n", "3 is already reader.label-3's key"),
    ("reader.clear: q\n", "q is already app.quit's key"),
    ("app.search: x\n", "x is already reader.clear's key"),
    ("reader.note: ctrl+c\n", "ctrl+c is Textual's copy / quit key"),
    ("reader.note: ctrl+\n", "'ctrl+' is not a key name"),
    ("reader.note: nope\n", "'nope' is not a key name"),
    ("reader.note: ''\n", "give a key"),
    ("reader.note: [a, b]\n", "give a key"),
    ("reader.nope: a\n", "reader.nope: no binding has this id"),
    ("reader.note: a\nreader.clear: a\n", "a is already"),
])
def test_a_bad_entry_is_one_line_naming_file_line_and_id(tmp_path, text, says) -> None:
    path, km = load(tmp_path, text)
    assert len(km.problems) >= 1
    line = km.problems[0]
    assert line.startswith(f"{path}:") and "\n" not in line and says in line, line
    assert "default kept" in line or "ignored" in line


def test_a_bad_entry_does_not_drop_the_good_ones(tmp_path) -> None:
    path, km = load(tmp_path, "reader.note: j\nreader.redo: ctrl+y\n")
    assert km.keys == {"reader.redo": "ctrl+y"}
    assert km.problems == (f"{path}:1: reader.note: j is already reader.next-sentence's key; "
                           "default kept",)


@pytest.mark.parametrize("text", ["reader.undo: [ctrl+z\n", "- reader.undo\n", "<<<<<<< HEAD\n",
                                  "a: 1\na: 2\n"])
def test_a_file_that_is_not_a_keymap_is_one_line_and_changes_nothing(tmp_path, text) -> None:
    path, km = load(tmp_path, text)
    assert km.keys == {}
    assert len(km.problems) == 1 and km.problems[0].startswith(f"{path}:")
    assert km.problems[0].endswith("default keys used")


def test_binary_junk_is_one_line(tmp_path) -> None:
    path = tmp_path / "keymap.yaml"
    path.write_bytes(b"\xff\xfe\x00junk")
    km = user_keymap(path, LABELS)
    assert km.keys == {} and km.problems == (f"{path}: not UTF-8 text; default keys used",)


@given(st.text(max_size=200))
def test_any_text_gives_a_keymap_or_problems_never_an_exception(text) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "keymap.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        km = user_keymap(path, LABELS)
    assert all("\n" not in p and p.startswith(str(path)) for p in km.problems)
    known = defaults(LABELS)
    assert all(i in known and all(is_key(k) for k in keys.split(","))
               for i, keys in km.keys.items())


IDS = sorted(defaults(LABELS))
KEYS = ["j", "k", "ctrl+n", "s", "o", "1", "q", "x", "f2", "?", "escape", "nope", "ctrl+c"]


@given(st.dictionaries(st.sampled_from([*IDS, "reader.nope"]),
                       st.lists(st.sampled_from(KEYS), min_size=1, max_size=2), max_size=6))
def test_whatever_the_entries_no_two_bindings_of_a_screen_end_up_on_one_key(entries) -> None:
    import tempfile

    import yaml

    text = yaml.safe_dump({i: ", ".join(keys) for i, keys in entries.items()})
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "keymap.yaml"
        path.write_text(text, encoding="utf-8")
        km = user_keymap(path, LABELS)
    known = defaults(LABELS)
    in_force = {i: set(km.keys[i].split(",")) if i in km.keys else set(k)
                for i, k in known.items()}
    assert len(km.keys) + len(km.problems) == len(entries)  # each entry: applied or one line
    for mine in km.keys:
        for other, keys in in_force.items():
            a, b = mine.partition(".")[0], other.partition(".")[0]
            if other == mine or not (a == b or "app" in (a, b)):
                continue
            shared = in_force[mine] & keys - (set(known[mine]) & set(known[other]))
            assert not shared, (mine, other, shared, text)
