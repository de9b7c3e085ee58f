"""No import cycle inside `tui/`: every `import` counts, at module level, under `TYPE_CHECKING`
or inside a function (a lazy import still ties the two modules' designs together: issue 11)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "tui"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The `tui` modules `path` imports anywhere in it (the named submodule when there is one)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            named = [f"{base}.{alias.name}" for alias in node.names]
            # `from pkg import mod` depends on pkg.mod; `from pkg import name` on pkg itself.
            targets = [t for t in named if t in known] or [base]
        for target in targets:
            while target and target not in known:  # `from a.b import c`: a.b.c if a module
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def a_loop(graph: dict[str, set[str]], component: list[str]) -> list[str]:
    """One concrete loop through the component's first module, for the failure message."""
    members, start = set(component), component[0]
    paths = {start: [start]}
    todo = [start]
    while todo:
        v = todo.pop(0)
        for w in sorted(graph[v] & members):
            if w == start:
                return [*paths[v], start]
            if w not in paths:
                paths[w] = [*paths[v], w]
                todo.append(w)
    return component


def import_graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports(name, path, set(found)) for name, path in found.items()}


def test_the_cycle_finder_finds_a_cycle_and_only_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]
    assert a_loop(graph, ["a", "b", "c"]) == ["a", "b", "c", "a"]


def test_relative_and_lazy_imports_are_counted(tmp_path: Path) -> None:
    source = ("from typing import TYPE_CHECKING\nfrom . import y\nif TYPE_CHECKING:\n"
              "    from ..z import Thing\ndef f():\n    import tui.w.v\n")
    path = tmp_path / "x.py"
    path.write_text(source, encoding="utf-8")
    known = {"tui.p.x", "tui.p.y", "tui.z", "tui.w", "tui.w.v", "tui.p"}
    assert imports("tui.p.x", path, known) == {"tui.p.y", "tui.z", "tui.w.v"}


def test_no_import_cycle_inside_tui() -> None:
    graph = import_graph()
    assert len(graph) > 100  # every module was read
    found = cycles(graph)
    assert not found, "\n".join(
        f"{len(c)} modules in a cycle, e.g. {' -> '.join(a_loop(graph, c))}" for c in found)


def test_the_core_imports_nothing_of_the_ui_layers() -> None:
    """The arrows point into `tui/core`, never out of it (STYLE.md), lazy imports included."""
    out = {name: sorted(d for d in deps if not d.startswith("tui.core") and d != "tui")
           for name, deps in import_graph().items() if name.startswith("tui.core")}
    assert {name: deps for name, deps in out.items() if deps} == {}
