"""Loading untrusted YAML (tag files, label sets) without letting a bad file hurt us.

Checks happen before or instead of PyYAML's constructor: size, nesting depth (libyaml's C loader
recurses and can crash the process on very deep nesting), aliases (billion-laughs), duplicate keys
(a bad merge must not silently drop a tag) and merge-conflict markers. Every problem is a
`YamlError` carrying the line number, so callers can print `file:line: message`.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

try:  # the C loader is ~8x faster on 1,000 tags
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 32
_CONFLICT = re.compile(r"^(<{7}|={7}|>{7})(?: |$)", re.MULTILINE)


class YamlError(Exception):
    """A YAML document we refuse; `line` is 1-based or None."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line

    def where(self, name: str) -> str:
        return f"{name}:{self.line}: {self.message}" if self.line else f"{name}: {self.message}"


def _precheck(text: str) -> None:
    if len(text) > MAX_BYTES:
        raise YamlError(f"file is {len(text):,} characters, over the {MAX_BYTES:,} limit")
    m = _CONFLICT.search(text)
    if m:
        line = text.count("\n", 0, m.start()) + 1
        raise YamlError("git merge-conflict marker; resolve the conflict, then run newstag validate", line)
    depth = 0
    deepest = 0
    for i, ch in enumerate(text):
        if ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_DEPTH:
                    raise YamlError(f"nesting deeper than {MAX_DEPTH} levels", text.count("\n", 0, i) + 1)
        elif ch in "]}":
            depth = max(0, depth - 1)
    for lineno, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip(" -")
        if len(line) - len(stripped) > 4 * MAX_DEPTH:
            raise YamlError(f"indentation deeper than {MAX_DEPTH} levels", lineno)
        if "\t" in line[: len(line) - len(line.lstrip())]:
            raise YamlError("tab in indentation; YAML indents with spaces", lineno)


def _check_nodes(node: yaml.Node, seen: set[int], depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        raise YamlError(f"nesting deeper than {MAX_DEPTH} levels", node.start_mark.line + 1)
    if id(node) in seen:
        raise YamlError("YAML aliases (&anchor / *alias) are not allowed", node.start_mark.line + 1)
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        keys: dict[Any, int] = {}
        for key, value in node.value:
            if key.tag == "tag:yaml.org,2002:merge":
                raise YamlError("YAML merge keys (<<) are not allowed", key.start_mark.line + 1)
            k = key.value if isinstance(key, yaml.ScalarNode) else id(key)
            if k in keys:
                raise YamlError(f"duplicate key {k!r} (first on line {keys[k]}); a bad merge?",
                                key.start_mark.line + 1)
            keys[k] = key.start_mark.line + 1
            _check_nodes(key, seen, depth + 1)
            _check_nodes(value, seen, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_nodes(item, seen, depth + 1)


def load(text: str) -> Any:
    """Parse one YAML document after the checks above; raises `YamlError` with a line number."""
    _precheck(text)
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            _check_nodes(node, set())
            return loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise YamlError(f"not valid YAML: {exc.problem or exc.context}", line) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"not valid YAML: {exc}") from None
