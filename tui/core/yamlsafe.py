"""Loading untrusted YAML (tag files, label sets) without letting a bad file hurt us.

Checks happen before or instead of PyYAML's constructor: size, nesting depth (libyaml's composer
recurses, and on a small thread stack a few hundred levels crash the whole process with SIGSEGV),
aliases (billion-laughs), duplicate keys (a bad merge must not silently drop a tag), tabs and
merge-conflict markers. Every problem is a `YamlError` carrying the line number, so callers can
print `file:line: what is wrong; what to do`.
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
_CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: |$)", re.MULTILINE)
_RESTORE = "fix it or restore the file from git"


class YamlError(Exception):
    """A YAML document we refuse; `line` is 1-based (1 when the problem is the whole file)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line or 1

    def where(self, name: str) -> str:
        return f"{name}:{self.line}: {self.message}"


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _precheck(text: str) -> None:
    if len(text) > MAX_BYTES:
        raise YamlError(f"file is {len(text):,} characters, over the {MAX_BYTES:,} limit; "
                        "split it or restore it from git")
    m = _CONFLICT.search(text)
    if m:
        raise YamlError("git merge-conflict marker; resolve the conflict, then newstag validate",
                        _line_at(text, m.start()))
    for lineno, line in enumerate(text.splitlines(), 1):
        if "\t" in line[: len(line) - len(line.lstrip())]:
            raise YamlError("tab in indentation; indent with spaces", lineno)
    if _looks_deep(text):
        _token_depth(text)


def _looks_deep(text: str) -> bool:
    """Cheap over-estimate of nesting: brackets and indentation, even inside quoted text.

    It errs towards True (a quote may hold 40 brackets); `_token_depth` then decides exactly.
    """
    depth = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif ch in "]}":
            depth = max(0, depth - 1)
    return any(len(ln) - len(ln.lstrip(" -?:")) > 2 * MAX_DEPTH for ln in text.splitlines())


def _token_depth(text: str) -> None:
    """Exact nesting from the pure-Python scanner, which loops instead of recursing.

    Stops at the first level past MAX_DEPTH, before libyaml's recursive composer ever sees it.
    """
    opens = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken, yaml.BlockSequenceStartToken,
             yaml.BlockMappingStartToken)
    closes = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken, yaml.BlockEndToken)
    depth = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, opens):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlError(f"nesting deeper than {MAX_DEPTH} levels; a tag file is flat, "
                                    f"{_RESTORE}", token.start_mark.line + 1)
            elif isinstance(token, closes):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        raise _syntax(exc) from None


def _syntax(exc: yaml.MarkedYAMLError) -> YamlError:
    mark = exc.problem_mark or exc.context_mark
    return YamlError(f"not valid YAML: {exc.problem or exc.context}; {_RESTORE}",
                     mark.line + 1 if mark else None)


def _check_nodes(node: yaml.Node, seen: set[int], depth: int = 0) -> None:
    line = node.start_mark.line + 1
    if depth > MAX_DEPTH:
        raise YamlError(f"nesting deeper than {MAX_DEPTH} levels; a tag file is flat, {_RESTORE}",
                        line)
    if id(node) in seen:
        raise YamlError("YAML aliases (&anchor / *alias) are not allowed; write values out", line)
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        keys: dict[Any, int] = {}
        for key, value in node.value:
            key_line = key.start_mark.line + 1
            if key.tag == "tag:yaml.org,2002:merge":
                raise YamlError("YAML merge keys (<<) are not allowed; write fields out", key_line)
            k = key.value if isinstance(key, yaml.ScalarNode) else id(key)
            if k in keys:
                raise YamlError(f"duplicate key {k!r} (first on line {keys[k]}), a bad merge?; "
                                "keep one of them", key_line)
            keys[k] = key_line
            _check_nodes(key, seen, depth + 1)
            _check_nodes(value, seen, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_nodes(item, seen, depth + 1)


def load(text: str) -> Any:
    """Parse one YAML document after the checks above; raises `YamlError` with a line number."""
    return load_marked(text)[0]


def load_marked(text: str) -> tuple[Any, yaml.Node | None]:
    """`load`, plus the composed node tree, whose marks give the line of every value."""
    _precheck(text)
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None, None
            _check_nodes(node, set())
            try:
                return loader.construct_document(node), node
            except (ValueError, TypeError, AttributeError, OverflowError, RecursionError) as exc:
                raise YamlError(f"a value cannot be read ({type(exc).__name__}); {_RESTORE}",
                                node.start_mark.line + 1) from None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        raise _syntax(exc) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"not valid YAML: {exc}; {_RESTORE}") from None
