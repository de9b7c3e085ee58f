"""Crash safety: SIGKILL a process that is saving tags, and make every write step fail in turn.

The killed saver is the real path (TaggingSession.toggle -> TagStore.save -> write_atomic) in a
forked child. Before each write or removal it reports the bytes it is about to put on disk, and
after it the bytes it put there, so the parent knows, at the moment of the kill, the state before
and after the save in flight; the file must be one of the two, byte for byte, and parse cleanly.
CI kills 25 times; `pytest -m stress tests/reliability/test_crash.py` kills 300 times.
"""

from __future__ import annotations

import errno
import hashlib
import os
import random
import shutil
import signal
import time
import types
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tui.core import articles, atomic, tagstore
from tui.core.tagging import TaggingSession
from tui.core.tagstore import TagFileError, TagStore

REPO = Path(__file__).resolve().parents[2]
LABELS = ["speculation", "official statement", "warning"]
ARTICLES = ["000_698a1ff201fa72f9", "003_420c701de47a1b0c", "004_0413e7c0cc1f7413"]
ABSENT = "ABSENT"


def _sha(data: bytes | None) -> str:
    return ABSENT if data is None else hashlib.sha256(data).hexdigest()


def _state(path: Path) -> str:
    try:
        return _sha(path.read_bytes())
    except FileNotFoundError:
        return ABSENT


def _saver(tags: Path, arts: list[articles.Article], seed: int, out: int, go: int) -> None:
    """The child: clean up, open the articles, wait for the go, then toggle tags non-stop."""
    store = TagStore(tags)
    removed = store.start()
    session = TaggingSession(store, "ana", LABELS)
    for art in arts:
        session.open(art)
    os.write(out, f"START {len(removed)}\n".encode())
    os.read(go, 1)
    real_write, real_remove = tagstore.write_atomic, tagstore.remove_atomic

    def write(path: Path, data: bytes) -> None:
        os.write(out, f"P {path.name} {_sha(data)}\n".encode())
        real_write(path, data)
        os.write(out, f"D {path.name} {_sha(data)}\n".encode())

    def remove(path: Path) -> None:
        os.write(out, f"P {path.name} {ABSENT}\n".encode())
        real_remove(path)
        os.write(out, f"D {path.name} {ABSENT}\n".encode())

    tagstore.write_atomic, tagstore.remove_atomic = write, remove
    rng = random.Random(seed)
    while True:
        art = rng.choice(arts)
        s = rng.choice(art.sentences())
        what = rng.random()
        if what < 0.75:
            session.toggle(art, [(s.start, s.end)], rng.choice(LABELS))
        elif what < 0.85:
            session.clear(art, [(s.start, s.end)])
        elif what < 0.95:
            session.undo()
        else:
            session.redo()


@dataclass
class Tally:
    kills: int = 0
    files_checked: int = 0
    mid_save: int = 0  # kills that landed between "about to write" and "written"
    temps_left: int = 0  # temp files found right after a kill
    temps_cleaned: int = 0  # removed by the next start
    lost: int = 0  # files that were neither the state before nor after the save in flight
    saves: int = 0
    problems: list[str] = field(default_factory=list)


def _run_kills(root: Path, kills: int, seed: int) -> Tally:
    corpus, tags = root / "seeds", root / "tags"
    corpus.mkdir(parents=True)
    for a in ARTICLES:
        shutil.copy(REPO / "seeds" / f"{a}.txt", corpus)
    arts = [articles.load(corpus / f"{a}.txt") for a in ARTICLES]
    for art in arts:
        art.sentences()  # segmented once here; the forked savers inherit it
    tally = Tally()
    rng = random.Random(seed)
    settled: dict[str, str] = {}  # file name -> state acknowledged by a finished save
    for k in range(kills):
        out_r, out_w = os.pipe()
        go_r, go_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child never returns
            try:
                os.close(out_r)
                os.close(go_w)
                _saver(tags, arts, seed * 100_000 + k, out_w, go_r)
            except BaseException as exc:  # noqa: BLE001 - report anything to the parent
                os.write(out_w, f"E {type(exc).__name__}: {exc}\n".encode())
            os._exit(1)
        os.close(out_w)
        os.close(go_r)
        first = b""
        while not first.endswith(b"\n"):
            first += os.read(out_r, 1)
        assert first.startswith(b"START"), first
        tally.temps_cleaned += int(first.split()[1])
        leftovers = list(tags.rglob(f"*{atomic.TMP_SUFFIX}"))
        assert not leftovers, f"temp files survived the start-up clean: {leftovers}"
        os.write(go_w, b"g")
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(go_w)
        with os.fdopen(out_r, "rb") as f:
            lines = f.read().decode().splitlines()
        tally.kills += 1
        pending: dict[str, str] = {}
        for line in lines:
            kind, *rest = line.split(" ", 2)
            if kind == "E":
                tally.problems.append(line)
            elif kind == "P":
                pending[rest[0]] = rest[1]
            elif kind == "D":
                settled[rest[0]] = rest[1]
                pending.pop(rest[0], None)
                tally.saves += 1
        tally.mid_save += bool(pending)
        tally.temps_left += len(list(tags.rglob(f"*{atomic.TMP_SUFFIX}")))
        store = TagStore(tags)
        for name in set(settled) | set(pending):
            path = tags / "ana" / name
            now = _state(path)
            allowed = {settled.get(name, ABSENT), pending.get(name, settled.get(name, ABSENT))}
            tally.files_checked += 1
            if now not in allowed:
                tally.lost += 1
                tally.problems.append(f"kill {k}: {name} is neither before nor after the save")
                settled[name] = now
                continue
            settled[name] = now  # the in-flight save may have landed: that is the new base
            loaded = store.load_path(path)
            if loaded.problems or loaded.incomplete:
                tally.problems.extend(loaded.problems)
    return tally


def test_sigkill_while_saving_loses_nothing(tmp_path: Path) -> None:
    tally = _run_kills(tmp_path, kills=25, seed=1)
    assert tally.problems == [] and tally.lost == 0
    assert tally.kills == 25 and tally.saves > 25 and tally.files_checked >= 25


@pytest.mark.stress
def test_sigkill_stress(tmp_path: Path) -> None:
    tally = _run_kills(tmp_path, kills=300, seed=2)
    print(f"\nkills survived: {tally.kills}, saves acknowledged: {tally.saves}, files checked: "
          f"{tally.files_checked}, kills mid-save: {tally.mid_save}, temp files left by kills: "
          f"{tally.temps_left}, cleaned at next start: {tally.temps_cleaned}, lost: {tally.lost}")
    assert tally.problems == [] and tally.lost == 0
    assert tally.mid_save > 0  # the kills did land inside saves, not only between them


# -- injected I/O errors ---------------------------------------------------------------------------
def _failing_os(step: str) -> types.SimpleNamespace:
    """`os` as atomic.py sees it, with one step failing the way a full or broken disk does."""
    fake = types.SimpleNamespace(**{k: getattr(os, k) for k in dir(os) if not k.startswith("__")})
    enospc = OSError(errno.ENOSPC, "No space left on device")
    eio = OSError(errno.EIO, "Input/output error")
    opened: set[int] = set()

    def open_(path, flags, mode=0o777):  # noqa: ANN001
        if step == "open" and str(path).endswith(atomic.TMP_SUFFIX):
            raise enospc
        fd = os.open(path, flags, mode)
        if str(path).endswith(atomic.TMP_SUFFIX):
            opened.add(fd)
        return fd

    def write(fd, data):  # noqa: ANN001
        if step == "write":
            raise enospc
        if step == "short-write":  # half of it lands, then the disk is full
            if len(data) > 1:
                return os.write(fd, bytes(data[: len(data) // 2]))
            raise enospc
        return os.write(fd, data)

    def fsync(fd):  # noqa: ANN001
        if step == "fsync" and fd in opened:
            raise eio
        if step == "dir-fsync" and fd not in opened:
            raise eio
        return os.fsync(fd)

    def replace(src, dst):  # noqa: ANN001
        if step == "replace":
            raise eio
        return os.replace(src, dst)

    fake.open, fake.write, fake.fsync, fake.replace = open_, write, fsync, replace
    return fake


def _seeded(tmp_path: Path) -> tuple[TaggingSession, articles.Article, Path]:
    art = articles.load(REPO / "seeds" / f"{ARTICLES[0]}.txt")
    session = TaggingSession(TagStore(tmp_path / "tags"), "ana", LABELS)
    session.open(art)
    for s in art.sentences()[::4]:
        session.toggle(art, [(s.start, s.end)], "warning")
    return session, art, session.store.path_for("ana", art.id)


@pytest.mark.parametrize("step", ["open", "write", "short-write", "fsync", "replace"])
def test_a_failing_write_step_leaves_the_old_file_byte_identical(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    session, art, path = _seeded(tmp_path)
    old, before = path.read_bytes(), session.doc(art.id)
    s = art.sentences()[1]
    monkeypatch.setattr(atomic, "os", _failing_os(step))
    with pytest.raises(TagFileError) as err:
        session.toggle(art, [(s.start, s.end)], "speculation")
    monkeypatch.undo()
    message = str(err.value)
    assert "\n" not in message and str(path) in message and "unchanged" in message
    assert path.read_bytes() == old
    assert not list(path.parent.glob(f"*{atomic.TMP_SUFFIX}"))
    assert session.doc(art.id) == before and not session.can_redo  # the model is the disk
    # Once the disk is fine again, the next keystroke saves exactly what it should.
    after = session.toggle(art, [(s.start, s.end)], "speculation")
    assert TagStore(tmp_path / "tags").load("ana", art.id).doc == after
    assert len(after.tags) == len(before.tags) + 1


def test_a_failing_folder_fsync_after_the_rename_still_saves(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session, art, path = _seeded(tmp_path)
    s = art.sentences()[1]
    monkeypatch.setattr(atomic, "os", _failing_os("dir-fsync"))
    doc = session.toggle(art, [(s.start, s.end)], "speculation")
    monkeypatch.undo()
    assert TagStore(tmp_path / "tags").load("ana", art.id).doc == doc


def test_start_up_removes_temps_of_dead_writers_only(tmp_path: Path) -> None:
    folder = tmp_path / "tags" / "ana"
    folder.mkdir(parents=True)
    dead = subprocess_pid_that_is_gone()
    stale = folder / f".x.yaml.{dead}-0a0b0c0d{atomic.TMP_SUFFIX}"
    old_style = folder / f".y.yaml.{dead}{atomic.TMP_SUFFIX}"
    live = folder / f".z.yaml.{os.getpid()}-01020304{atomic.TMP_SUFFIX}"  # a writer at work
    ancient = folder / f".w.yaml.{os.getppid()}-05060708{atomic.TMP_SUFFIX}"  # pid reused
    for p in (stale, old_style, live, ancient):
        p.write_bytes(b"partial")
    os.utime(ancient, (time.time() - 2 * atomic.STALE_AFTER,) * 2)
    removed = TagStore(tmp_path / "tags").start()
    assert sorted(removed) == sorted([stale, old_style, ancient])
    assert live.exists()


def subprocess_pid_that_is_gone() -> int:
    pid = os.fork()
    if pid == 0:  # pragma: no cover
        os._exit(0)
    os.waitpid(pid, 0)
    return pid
