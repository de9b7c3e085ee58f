"""newstag's own JSON Lines: one tag per line with every field of the tag file; round-trips."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .collect import Collection
from .imports import Candidate, ReadResult, json_lines

FIELDS = (
    "article",
    "annotator",
    "text_sha256",
    "id",
    "label",
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "note",
    "created",
)


def render(col: Collection) -> str:
    lines = []
    for item in col.items:
        t = item.tag
        row = {
            "article": item.article_id,
            "annotator": item.annotator,
            "text_sha256": col.articles[item.article_id].sha256,
            "id": t.id,
            "label": t.label,
            "start": t.start,
            "end": t.end,
            "quote": t.quote,
            "prefix": t.prefix,
            "suffix": t.suffix,
            "note": t.note,
            "created": t.created,
        }
        lines.append(json.dumps(row, ensure_ascii=False) + "\n")
    return "".join(lines)


def read(text: str, name: str) -> ReadResult:
    result = ReadResult()
    for lineno, obj in json_lines(text, name, result):
        where = f"{name}:{lineno}"
        if not isinstance(obj, dict):
            result.problems.append(
                f"{where}: expected an object with article, label, start, end; skipped"
            )
            continue
        missing = [k for k in ("article", "label", "start", "end") if k not in obj]
        if missing:
            result.problems.append(f"{where}: missing {', '.join(missing)}; skipped")
            continue
        result.candidates.extend(_candidates(obj, where))
    return result


def _candidates(obj: dict[str, Any], where: str) -> Iterator[Candidate]:
    yield Candidate(
        where=where,
        article_id=str(obj["article"]),
        label=str(obj["label"]),
        start=obj["start"],
        end=obj["end"],
        quote=_opt(obj.get("quote")),
        prefix=str(obj.get("prefix") or ""),
        suffix=str(obj.get("suffix") or ""),
        note=str(obj.get("note") or ""),
        created=str(obj.get("created") or ""),
        annotator=_opt(obj.get("annotator")),
    )


def _opt(value: object) -> str | None:
    return None if value is None else str(value)
