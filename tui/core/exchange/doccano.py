"""doccano's sequence-labelling JSON Lines: `{"text": ..., "label": [[start, end, name], ...]}`.

One line per article and annotator, so a teammate's and a model's spans stay apart; `article` and
`annotator` ride along as extra keys, which doccano keeps as metadata. Notes and creation times
have no place in this format and are not written. Reading also accepts doccano's newer
`entities` form (`start_offset`, `end_offset`, `label`).
"""

from __future__ import annotations

import json
from itertools import groupby
from typing import Any

from .collect import Collection
from .imports import Candidate, ReadResult, json_lines


def render(col: Collection) -> str:
    lines = []
    key = lambda i: (i.article_id, i.annotator)  # noqa: E731
    for (aid, who), group in groupby(sorted(col.items, key=key), key=key):
        spans = [[i.tag.start, i.tag.end, i.tag.label] for i in group]
        row = {"text": col.articles[aid].text, "label": spans, "article": aid, "annotator": who}
        lines.append(json.dumps(row, ensure_ascii=False) + "\n")
    return "".join(lines)


def _spans(obj: dict[str, Any]) -> list[tuple[object, object, object]] | str:
    if "entities" in obj:
        ents = obj["entities"]
        if not isinstance(ents, list) or not all(isinstance(x, dict) for x in ents):
            return "'entities' must be a list of objects"
        return [(x.get("start_offset"), x.get("end_offset"), x.get("label")) for x in ents]
    raw = obj.get("label", obj.get("labels", []))
    if not isinstance(raw, list):
        return "'label' must be a list of [start, end, label]"
    out = []
    for span in raw:
        if not (isinstance(span, list) and len(span) == 3):
            return f"each label must be [start, end, label], not {json.dumps(span)[:60]}"
        out.append((span[0], span[1], span[2]))
    return out


def read(text: str, name: str) -> ReadResult:
    result = ReadResult()
    for lineno, obj in json_lines(text, name, result):
        where = f"{name}:{lineno}"
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            result.problems.append(
                f"{where}: expected an object with a 'text' string; line skipped"
            )
            continue
        spans = _spans(obj)
        if isinstance(spans, str):
            result.problems.append(f"{where}: {spans}; line skipped")
            continue
        article = obj.get("article")
        who = obj.get("annotator")
        for start, end, label in spans:
            result.candidates.append(
                Candidate(
                    where=where,
                    label=str(label),
                    start=start,
                    end=end,
                    article_id=str(article) if article is not None else None,
                    text=obj["text"],
                    annotator=str(who) if who is not None else None,
                )
            )
    return result
