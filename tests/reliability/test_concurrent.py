"""Two instances on one annotator, and `git pull` under an open session: no update is lost.

Each instance keeps the bytes it loaded as the base of a three-way merge; saves happen under a
lock file beside the data (`tags/<annotator>/.newstag.lock`, never the data file, which
`os.replace` swaps out) and re-read the file just before writing.
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest
from filelock import FileLock

from tui.core import articles, tagstore
from tui.core.tagging import TaggingSession
from tui.core.tags import TagDoc, make_tag
from tui.core.tagstore import Loaded, TagFileError, TagStore

REPO = Path(__file__).resolve().parents[2]
ART = "001_e98dd6f0637d58e7"
LABELS = ["speculation", "official statement", "warning"]


@pytest.fixture
def article() -> articles.Article:
    art = articles.load(REPO / "seeds" / f"{ART}.txt")
    art.sentences()
    return art


def _instance(tags: Path, art: articles.Article, label: str, seed: int, steps: int,
              out: int, unsafe: bool) -> None:
    """One newstag: toggles `label` on random sentences; reports what it believes it holds."""
    session = TaggingSession(TagStore(tags), "ana", LABELS)
    session.open(art)
    if unsafe:  # the control: save without a base, as a naive "write my copy" tool would
        real = session.store.save
        session.store.save = lambda who, doc, base=None: real(who, doc, None)  # type: ignore
    rng = random.Random(seed)
    for _ in range(steps):
        s = rng.choice(art.sentences())
        session.toggle(art, [(s.start, s.end)], label)
    mine = sorted(t.id for t in session.doc(art.id).tags if t.label == label)
    os.write(out, (" ".join(mine) + "\n").encode())


def _race(tmp_path: Path, art: articles.Article, unsafe: bool = False,
          steps: int = 15) -> tuple[set[str], set[str]]:
    """Two forked instances tag at once; returns (lost, phantom): the tags an instance believed
    saved that are not on disk, and the tags on disk that no instance believes it holds."""
    tags = tmp_path / "tags"
    pipes, pids = [], []
    for n, label in enumerate(["speculation", "warning"]):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            code = 0
            try:
                os.close(r)
                _instance(tags, art, label, n, steps, w, unsafe)
            except BaseException:  # noqa: BLE001
                code = 1
            os._exit(code)
        os.close(w)
        pipes.append(r)
        pids.append(pid)
    believed: set[str] = set()
    for r in pipes:
        with os.fdopen(r, "rb") as f:
            believed |= set(f.read().decode().split())
    for pid in pids:
        assert os.waitpid(pid, 0)[1] == 0
    saved = TagStore(tags).load("ana", art.id).doc.tags
    assert {t.label for t in saved} <= {"speculation", "warning"}
    on_disk = {t.id for t in saved}
    return believed - on_disk, on_disk - believed


def test_two_instances_tagging_at_once_lose_no_update(tmp_path: Path, article) -> None:
    lost, phantom = _race(tmp_path, article)
    assert lost == set() and phantom == set()


def test_the_race_loses_updates_without_the_merge(tmp_path: Path, article) -> None:
    """The control: the same race with the merge turned off does lose tags."""
    lost, _phantom = _race(tmp_path, article, unsafe=True)
    assert lost


@pytest.mark.stress
def test_two_instances_stress(tmp_path: Path, article) -> None:
    rounds, steps = 6, 100
    for round_ in range(rounds):
        shutil.rmtree(tmp_path / "tags", ignore_errors=True)
        assert _race(tmp_path, article, steps=steps) == (set(), set()), round_
    print(f"\ntwo instances racing: {rounds} rounds x 2 x {steps} saves = {rounds * 2 * steps} "
          "saves, updates lost: 0")


def _session(tmp_path: Path, art: articles.Article, n: int = 3) -> TaggingSession:
    session = TaggingSession(TagStore(tmp_path / "tags"), "ana", LABELS)
    session.open(art)
    for s in art.sentences()[:n]:
        session.toggle(art, [(s.start, s.end)], "speculation")
    return session


def _git_pull(path: Path, doc: TagDoc) -> None:
    """What git does to a tracked file: new bytes land by rename, without our lock."""
    tmp = path.with_name("incoming")
    tmp.write_bytes(tagstore.dump(doc).encode())
    os.replace(tmp, path)


def test_git_pull_under_an_open_session_is_merged_not_overwritten(tmp_path: Path, article) -> None:
    session = _session(tmp_path, article)
    path = session.store.path_for("ana", ART)
    pulled = session.doc(ART)
    s5, s6 = article.sentences()[5], article.sentences()[6]
    theirs = make_tag(ART, article.text, s5.start, s5.end, "warning")
    removed = pulled.tags[0]
    _git_pull(path, TagDoc(ART, article.sha256, pulled.tags[1:] + (theirs,)))
    doc = session.toggle(article, [(s6.start, s6.end)], "official statement")
    ids = {t.id for t in TagStore(tmp_path / "tags").load("ana", ART).doc.tags}
    assert ids == {t.id for t in doc.tags}
    assert theirs.id in ids and removed.id not in ids  # their add and their removal both kept
    assert any(t.label == "official statement" for t in doc.tags)


def test_a_file_deleted_by_git_keeps_our_new_tag(tmp_path: Path, article) -> None:
    session = _session(tmp_path, article)
    path = session.store.path_for("ana", ART)
    path.unlink()  # checkout of a branch where these tags were removed
    s6 = article.sentences()[6]
    doc = session.toggle(article, [(s6.start, s6.end)], "warning")
    assert [t.label for t in doc.tags] == ["warning"]
    assert TagStore(tmp_path / "tags").load("ana", ART).doc == doc


def test_a_pulled_conflict_is_never_overwritten(tmp_path: Path, article) -> None:
    session = _session(tmp_path, article)
    path = session.store.path_for("ana", ART)
    conflicted = b"<<<<<<< HEAD\n" + path.read_bytes() + b"=======\n>>>>>>> theirs\n"
    path.write_bytes(conflicted)
    s6 = article.sentences()[6]
    with pytest.raises(TagFileError) as err:
        session.toggle(article, [(s6.start, s6.end)], "warning")
    assert "\n" not in str(err.value) and f"{path}:1: git merge-conflict marker" in str(err.value)
    assert path.read_bytes() == conflicted


def test_a_file_with_an_unreadable_entry_is_never_overwritten(tmp_path: Path, article) -> None:
    session = _session(tmp_path, article)
    path = session.store.path_for("ana", ART)
    damaged = path.read_bytes().replace(b"- id:", b"- idd:", 1)  # an entry without an id
    path.write_bytes(damaged)
    s6 = article.sentences()[6]
    with pytest.raises(TagFileError, match="saving would drop them"):
        session.toggle(article, [(s6.start, s6.end)], "warning")
    assert path.read_bytes() == damaged


def test_the_lock_is_a_file_beside_the_data_and_waits_for_its_holder(tmp_path: Path,
                                                                        article) -> None:
    session = _session(tmp_path, article)
    path = session.store.path_for("ana", ART)
    lock = path.parent / tagstore.LOCK_NAME
    inode = os.stat(path).st_ino
    s6 = article.sentences()[6]
    session.toggle(article, [(s6.start, s6.end)], "warning")
    assert lock.is_file() and os.stat(path).st_ino != inode  # data replaced; lock file stays
    session.store.lock_timeout = 0.2
    with FileLock(str(lock)), pytest.raises(TagFileError, match="holds the lock"):
        session.toggle(article, [(s6.start, s6.end)], "speculation")
    assert session.doc(ART) == TagStore(tmp_path / "tags").load("ana", ART).doc


def test_a_changed_file_is_picked_up_by_refresh(tmp_path: Path, article) -> None:
    session = _session(tmp_path, article)
    other = TaggingSession(TagStore(tmp_path / "tags"), "ana", LABELS)
    other.open(article)
    s7 = article.sentences()[7]
    other.toggle(article, [(s7.start, s7.end)], "warning")
    assert session.refresh_if_changed(ART) is True
    assert session.doc(ART) == other.doc(ART)
    assert session.refresh_if_changed(ART) is False


def test_a_broken_file_is_reported_once_per_version(tmp_path: Path, article) -> None:
    session = _session(tmp_path, article)
    path = session.store.path_for("ana", ART)
    path.write_text("tags: [\n", encoding="utf-8")
    with pytest.raises(TagFileError):
        session.refresh_if_changed(ART)
    assert session.refresh_if_changed(ART) is False  # polled again: no second message
    path.write_text("tags: {\n", encoding="utf-8")
    with pytest.raises(TagFileError):
        session.refresh_if_changed(ART)


def test_merge_keeps_disk_additions_and_applies_ours() -> None:
    text = "One. Two. Three. Four."
    a, b, c = (make_tag("x", text, i, i + 4, "warning", created="t") for i in (0, 5, 10))
    base = TagDoc("x", "h", (a, b))
    ours = TagDoc("x", "h", (a, c))  # we removed b, added c
    disk = TagDoc("x", "h", (a, b, make_tag("x", text, 17, 22, "warning", created="t")))
    merged = tagstore.merge(base, ours, disk)
    assert {t.start for t in merged.tags} == {0, 10, 17}
    assert tagstore.merge(None, ours, None) == ours
    assert Loaded(None, None).doc is None
