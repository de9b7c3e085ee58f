"""Label Studio: tasks (`data.text`) with one annotation per annotator, and the labelling config.

Each tag is a `labels` region; its note is a per-region `textarea` result with the same region id,
which the config's `<TextArea perRegion="true">` shows beside the region. The annotator's name
goes in `created_username`, as Label Studio's own JSON export does. Reading takes both
`annotations` and `predictions` (a model's output), so a model's spans can be checked in newstag.
"""

from __future__ import annotations

import json
from itertools import groupby
from typing import Any
from xml.sax.saxutils import quoteattr

from ..labels import LabelSet
from .collect import Collection, Item
from .colors import css_color
from .imports import Candidate, ReadResult, line_of

FROM_LABEL = "label"
FROM_NOTE = "note"
TO_NAME = "text"


def label_config(labels: LabelSet) -> str:
    rows = [
        f"    <Label value={quoteattr(lb.name)} background={quoteattr(css_color(lb.color))}"
        + (f" hotkey={quoteattr(lb.key)}" if lb.key else "")
        + (f" hint={quoteattr(lb.description)}" if lb.description else "")
        + "/>"
        for lb in labels.labels
    ]
    return "\n".join(
        [
            "<View>",
            '  <Header value="$title"/>',
            f'  <Labels name="{FROM_LABEL}" toName="{TO_NAME}">',
            *rows,
            "  </Labels>",
            f'  <Text name="{TO_NAME}" value="$text"/>',
            f'  <TextArea name="{FROM_NOTE}" toName="{TO_NAME}" perRegion="true" editable="true"',
            '            placeholder="Note on the selected region"/>',
            "</View>",
            "",
        ]
    )


def _results(items: list[Item]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for item in items:
        t = item.tag
        span = {"start": t.start, "end": t.end}
        out.append(
            {
                "id": t.id,
                "from_name": FROM_LABEL,
                "to_name": TO_NAME,
                "type": "labels",
                "origin": "manual",
                "value": {**span, "text": t.quote, "labels": [t.label]},
            }
        )
        if t.note:
            out.append(
                {
                    "id": t.id,
                    "from_name": FROM_NOTE,
                    "to_name": TO_NAME,
                    "type": "textarea",
                    "origin": "manual",
                    "value": {**span, "text": [t.note]},
                }
            )
    return out


def render(col: Collection) -> str:
    users = {who: n for n, who in enumerate(col.annotators, 1)}
    by_article = col.by_article()
    tasks = []
    ann_id = 0
    for task_id, (aid, items) in enumerate(by_article.items(), 1):
        art = col.articles[aid]
        annotations = []
        by_who = lambda i: i.annotator  # noqa: E731
        for who, group in groupby(sorted(items, key=by_who), key=by_who):
            ann_id += 1
            mine = list(group)
            annotations.append(
                {
                    "id": ann_id,
                    "completed_by": users[who],
                    "created_username": who,
                    "created_at": min((i.tag.created for i in mine if i.tag.created), default=""),
                    "was_cancelled": False,
                    "ground_truth": False,
                    "result": _results(mine),
                }
            )
        tasks.append(
            {
                "id": task_id,
                "data": {"text": art.text, "title": art.title, "article": aid},
                "annotations": annotations,
            }
        )
    return json.dumps(tasks, ensure_ascii=False, indent=1) + "\n"


def _annotator(ann: dict[str, Any]) -> str | None:
    who = ann.get("created_username")
    if isinstance(who, str) and who.strip():
        return who.split(",")[0].strip()
    by = ann.get("completed_by")
    if isinstance(by, dict):
        by = by.get("email") or by.get("username") or by.get("id")
        by = by.split("@")[0] if isinstance(by, str) else by
    if by is not None and not isinstance(by, bool):
        return str(by) if isinstance(by, str) else f"labelstudio-{by}"
    if ann.get("model_version"):
        return f"model-{ann['model_version']}"
    return None


def read(text: str, name: str) -> ReadResult:
    result = ReadResult()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        result.problems.append(
            f"{name}:{exc.lineno}: not valid JSON ({exc.msg}, column {exc.colno}); nothing imported"
        )
        return result
    tasks = data if isinstance(data, list) else [data]
    for n, task in enumerate(tasks, 1):
        where = (
            f"{name}:{line_of(text, json.dumps(task.get('id')) if isinstance(task, dict) else '~')}"
        )
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            result.problems.append(f"{where}: task #{n} has no 'data'; skipped")
            continue
        _read_task(task, where, result)
    return result


def _read_task(task: dict[str, Any], where: str, result: ReadResult) -> None:
    data = task["data"]
    body = data.get(TO_NAME)
    if not isinstance(body, str):
        body = next((v for v in data.values() if isinstance(v, str) and len(v) > 40), None)
    article = data.get("article")
    for kind in ("annotations", "completions", "predictions"):
        for ann in task.get(kind) or []:
            if (
                not isinstance(ann, dict)
                or ann.get("was_cancelled")
                or not isinstance(ann.get("result"), list)
            ):
                continue
            notes = {
                r.get("id"): r["value"].get("text")
                for r in ann["result"]
                if isinstance(r, dict)
                and r.get("type") == "textarea"
                and isinstance(r.get("value"), dict)
            }
            who = _annotator(ann)
            for r in ann["result"]:
                if (
                    not isinstance(r, dict)
                    or r.get("type") != "labels"
                    or not isinstance(r.get("value"), dict)
                ):
                    continue
                v = r["value"]
                note = notes.get(r.get("id"))
                note = "\n".join(map(str, note)) if isinstance(note, list) else str(note or "")
                labels = v.get("labels") if isinstance(v.get("labels"), list) else []
                if not labels:
                    result.problems.append(f"{where}: region {r.get('id')} has no label; skipped")
                for label in labels:
                    result.candidates.append(
                        Candidate(
                            where=f"{where} region {r.get('id')}",
                            label=str(label),
                            start=v.get("start"),
                            end=v.get("end"),
                            article_id=str(article) if article is not None else None,
                            text=body,
                            quote=v.get("text") if isinstance(v.get("text"), str) else None,
                            note=note,
                            annotator=who,
                        )
                    )
