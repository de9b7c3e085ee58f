"""Two teammates, two clones, one bare hub: tagging the same article merges without conflict."""

from __future__ import annotations

import json

from exchange_helpers import SEED, run, tag
from git_helpers import git, git_env, new_workspace_repo, workspace  # noqa: F401 (fixture)

from tui.core.gitstatus import commit_tags, tag_changes
from tui.core.tagstore import TagStore


def test_two_annotators_push_and_pull_through_a_bare_repo(tmp_path, git_env):  # noqa: F811
    hub = tmp_path / "hub.git"
    git(tmp_path, "init", "-q", "--bare", str(hub))
    a_root = tmp_path / "alice"
    new_workspace_repo(a_root)
    git(a_root, "remote", "add", "origin", str(hub))
    git(a_root, "push", "-q", "-u", "origin", "main")
    b_root = tmp_path / "bob"
    git(tmp_path, "clone", "-q", str(hub), str(b_root))

    alice, bob = workspace(a_root, "alice"), workspace(b_root, "bob")
    # Both tag the same article at the same time, each in their own clone.
    tag(alice, "alice", SEED, {"speculation": [3, 5], "warning": [10]}, note="check the source")
    tag(bob, "bob", SEED, {"speculation": [3, 6], "official statement": [1]})
    assert tag_changes(alice.tags).files == (("??", f"tags/alice/{SEED}.yaml"),)
    commit_tags(alice.tags, "alice: first pass on the Kim visit")
    commit_tags(bob.tags, "bob: first pass on the Kim visit")
    git(a_root, "push", "-q")

    # bob's push is refused until he pulls; the pull merges alice's file in with no conflict.
    git(b_root, "pull", "-q", "--no-edit")
    assert git(b_root, "status", "--porcelain") == ""
    assert len(git(b_root, "log", "--merges", "--oneline").splitlines()) == 1
    git(b_root, "push", "-q")
    git(a_root, "pull", "-q")

    for root in (a_root, b_root):
        store = TagStore(root / "tags")
        assert store.annotators() == ["alice", "bob"]
        docs = {who: store.load(who, SEED).doc for who in ("alice", "bob")}
        assert len(docs["alice"].tags) == 3 and len(docs["bob"].tags) == 3
    assert (a_root / "tags/alice" / f"{SEED}.yaml").read_bytes() == (
        b_root / "tags/alice" / f"{SEED}.yaml").read_bytes()
    rows = [json.loads(ln) for ln in run(alice, "export", "--format", "jsonl").stdout.splitlines()]
    assert {r["annotator"] for r in rows} == {"alice", "bob"}
    report = json.loads(run(alice, "agree", "--json", "--label", "speculation").stdout)
    assert report["labels"][0]["pairs"][0]["a"] == "alice"
    assert len(report["labels"][0]["disagreements"]) == 2  # sentences 5 and 6
