"""labels.yaml: the default set loads clean; every mistake is one clear `file:line:` message."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.labels import DEFAULT_LABELS_YAML, READER_KEYS, LabelsError, load_labels, parse_labels

REPO_LABELS = Path(__file__).resolve().parents[2] / "tags" / "labels.yaml"


def problems(text: str) -> list[str]:
    return list(parse_labels(text, "labels.yaml").problems)


def test_repo_and_default_label_sets_are_clean() -> None:
    for ls in (load_labels(REPO_LABELS), parse_labels(DEFAULT_LABELS_YAML, "default")):
        assert ls.problems == ()
        assert ls.names == ["speculation", "official statement", "warning"]
        assert [lb.key for lb in ls.labels] == ["s", "o", "w"]
        assert [lb.color for lb in ls.labels] == ["yellow", "green", "red"]
        assert all(lb.description for lb in ls.labels)
        assert (
            ls.by_key("o") is ls.by_name("official statement") is ls.by_key("2") is ls.by_number(2)
        )
        assert ls.by_key("z") is None and ls.by_number(4) is None


def test_unknown_fields() -> None:
    got = problems("labels:\n  - name: a\n    key: e\n    colour: red\nversion: 2\n")
    assert got == [
        "labels.yaml:5: unknown top-level field 'version'; only 'labels:' is read, remove it",
        "labels.yaml:4: unknown field 'colour' in label #1; allowed: name, key, color, "
        "description, cues",
    ]


def test_duplicate_names() -> None:
    ls = parse_labels(
        "labels:\n  - name: claim\n    key: c\n  - name: claim\n    key: d\n", "labels.yaml"
    )
    assert ls.problems == (
        "labels.yaml:4: duplicate label name 'claim' (first on line 2); rename or remove one",
    )
    assert ls.names == ["claim"]


@pytest.mark.parametrize(
    "key", ["j", "k", "n", "p", "g", "G", "v", "x", "a", "u", "q", "?", "/", "[", "]", "1", "9"]
)
def test_key_collisions_with_reader_keys(key: str) -> None:
    quoted = f'"{key}"'
    ls = parse_labels(f"labels:\n  - name: rumour\n    key: {quoted}\n", "labels.yaml")
    assert ls.problems == (
        f"labels.yaml:3: key {key!r} of 'rumour' is the reader's '{READER_KEYS[key]}' key; "
        "pick another",
    )
    assert ls.labels[0].key == ""  # kept, reachable by number
    assert ls.by_key("1") == ls.labels[0]


def test_key_collision_between_labels() -> None:
    got = problems("labels:\n  - name: a\n    key: z\n  - name: b\n    key: z\n")
    assert got == ["labels.yaml:5: key 'z' of 'b' is already taken by 'a' (line 3); pick another"]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("key: zz", "key 'zz' of 'a' must be one letter, digit or symbol"),
        ("key: true", "key 'True' of 'a' must be one letter, digit or symbol"),
        ("color: nope", "colour 'nope' of 'a' is not a colour name or #rrggbb; using yellow"),
        ("cues: maybe", "cues of 'a' must be a list of phrases"),
        ("description: [1, 2]", "description of 'a' must be text"),
    ],
)
def test_field_checks(entry: str, message: str) -> None:
    got = problems(f"labels:\n  - name: a\n    {entry}\n")
    assert len(got) == 1 and got[0].startswith("labels.yaml:3: ") and message in got[0]


def test_entries_without_names_or_not_mappings() -> None:
    got = problems("labels:\n  - key: a\n  - just text\n")
    assert got[0].startswith("labels.yaml:2: label #1 has no name")
    assert got[1].startswith("labels.yaml:3: label #2 is not a mapping")


def test_hex_colours_and_default_colours() -> None:
    ls = parse_labels("labels:\n  - name: a\n    color: '#FFaa00'\n  - name: b\n", "x")
    assert [lb.color for lb in ls.labels] == ["#FFaa00", "green"] and ls.problems == ()


def test_more_than_nine_labels_need_their_own_keys() -> None:
    body = "".join(f"  - name: l{i}\n" for i in range(11))
    got = problems("labels:\n" + body)
    assert got == [
        "labels.yaml:1: only labels 1-9 have number keys; give 'l9', 'l10' a key of their own"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("labels: [unclosed\n", "labels.yaml:2: not valid YAML"),
        ("- a\n- b\n", "labels.yaml:1: expected a mapping with a 'labels:' list"),
        ("labels:\n\t- name: a\n", "labels.yaml:2: tab in indentation"),
    ],
)
def test_unusable_files_raise_one_line(text: str, message: str) -> None:
    with pytest.raises(LabelsError) as exc:
        parse_labels(text, "labels.yaml")
    assert str(exc.value).startswith(message) and "\n" not in str(exc.value)


def test_missing_and_undecodable_files(tmp_path: Path) -> None:
    with pytest.raises(
        LabelsError, match=r"labels.yaml:1: no label set here; run `newstag init DIR`"
    ):
        load_labels(tmp_path / "labels.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"labels:\n  - name: caf\xe9\n")
    with pytest.raises(LabelsError, match="not UTF-8"):
        load_labels(bad)


def test_cached_label_set_is_the_same_and_follows_edits(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "labels.yaml"
    path.write_text(DEFAULT_LABELS_YAML + "  - name: odd\n    key: j\n", encoding="utf-8")
    cache = tmp_path / ".newstag"
    first = load_labels(path, cache)
    assert first == load_labels(path) and first.problems
    import tui.core.labels as labels_mod

    monkeypatch.setattr(labels_mod, "parse_labels", lambda *a: pytest.fail("parsed again"))
    assert load_labels(path, cache) == first
    monkeypatch.undo()
    path.write_text(DEFAULT_LABELS_YAML, encoding="utf-8")
    assert load_labels(path, cache).problems == ()
    (cache / "labels-v1.json").write_text("{broken")
    assert load_labels(path, cache).names == ["speculation", "official statement", "warning"]


def test_loading_from_the_cache_needs_no_yaml(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "labels.yaml"
    path.write_text(DEFAULT_LABELS_YAML, encoding="utf-8")
    load_labels(path, tmp_path)
    code = (
        "import sys; from pathlib import Path; from tui.core.labels import load_labels; "
        f"ls = load_labels(Path({str(path)!r}), Path({str(tmp_path)!r})); "
        "print(len(ls.labels), 'yaml' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["3", "False"]
