"""W3C Web Annotation (JSON-LD): each tag a `tagging` body on a text target, anchored twice.

The target carries a TextPositionSelector (code-point offsets, as the model defines them) and a
TextQuoteSelector (exact + prefix + suffix) — the same two anchors as our tag files. Articles
have no web address, so sources are `urn:newstag:article:<id>`.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote, unquote

from tui import __version__

from .collect import Collection, Item
from .imports import Candidate, ReadResult, json_lines, line_of

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ARTICLE_URN = "urn:newstag:article:"
LABEL_PURPOSES = ("tagging", "classifying", "identifying")
NOTE_PURPOSES = ("commenting", "describing", "replying")


def article_iri(article_id: str) -> str:
    return ARTICLE_URN + quote(article_id, safe="")


def annotation(item: Item) -> dict[str, Any]:
    t = item.tag
    body: list[dict[str, Any]] = [{"type": "TextualBody", "purpose": "tagging", "value": t.label}]
    if t.note:
        body.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": t.note,
                "format": "text/plain",
            }
        )
    ann: dict[str, Any] = {
        "id": f"urn:newstag:tag:{quote(item.article_id, safe='')}:{item.annotator}:{t.id}",
        "type": "Annotation",
        "motivation": "tagging",
        "creator": {
            "id": f"urn:newstag:annotator:{item.annotator}",
            "type": "Person",
            "nickname": item.annotator,
        },
    }
    if t.created:
        ann["created"] = t.created
    ann["body"] = body
    ann["target"] = {
        "source": article_iri(item.article_id),
        "selector": [
            {"type": "TextPositionSelector", "start": t.start, "end": t.end},
            {"type": "TextQuoteSelector", "exact": t.quote, "prefix": t.prefix, "suffix": t.suffix},
        ],
    }
    return ann


def render(col: Collection) -> str:
    doc: dict[str, Any] = {
        "@context": CONTEXT,
        "id": "urn:newstag:export",
        "type": "AnnotationCollection",
        "label": "newstag tags",
        "total": len(col.items),
        "generator": {"id": "urn:newstag", "type": "Software", "name": f"newstag {__version__}"},
    }
    if col.items:
        doc["first"] = {
            "id": "urn:newstag:export:page:1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [annotation(i) for i in col.items],
        }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _annotations(data: object) -> list[object] | None:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        return None
    kind = data.get("type")
    if kind == "AnnotationCollection":
        first = data.get("first")
        return list(first.get("items", [])) if isinstance(first, dict) else []
    if kind == "AnnotationPage":
        return list(data.get("items", []))
    return [data]


def read(text: str, name: str) -> ReadResult:
    """A collection, a page, a list, one annotation, or JSON Lines of annotations."""
    result = ReadResult()
    try:
        data = json.loads(text)
        items = _annotations(data)
        if items is None:
            result.problems.append(
                f"{name}:1: expected an annotation, a list or a collection; nothing imported"
            )
            return result
        located = [
            (line_of(text, json.dumps(a.get("id")) if isinstance(a, dict) else "~"), a)
            for a in items
        ]
    except json.JSONDecodeError as exc:
        if "\n" not in text.strip():
            result.problems.append(
                f"{name}:{exc.lineno}: not valid JSON ({exc.msg}, column {exc.colno}); "
                "nothing imported"
            )
            return result
        located = list(json_lines(text, name, result))
    for lineno, ann in located:
        _read_one(ann, f"{name}:{lineno}", result)
    return result


def _values(value: object) -> list[object]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _read_one(ann: object, where: str, result: ReadResult) -> None:
    if not isinstance(ann, dict):
        result.problems.append(f"{where}: an annotation must be an object; skipped")
        return
    target = next((t for t in _values(ann.get("target")) if isinstance(t, dict)), None)
    if target is None:
        result.problems.append(f"{where}: no target with a selector; skipped")
        return
    source = target.get("source")
    source = source.get("id") if isinstance(source, dict) else source
    article = _article_id(source) if isinstance(source, str) else None
    pos = quote_sel = None
    for sel in _values(target.get("selector")):
        if isinstance(sel, dict) and sel.get("type") == "TextPositionSelector":
            pos = sel
        elif isinstance(sel, dict) and sel.get("type") == "TextQuoteSelector":
            quote_sel = sel
    if pos is None and quote_sel is None:
        result.problems.append(f"{where}: no TextPositionSelector or TextQuoteSelector; skipped")
        return
    labels, notes = _bodies(ann)
    if not labels:
        result.problems.append(
            f"{where}: no tagging body (a TextualBody with purpose 'tagging'); skipped"
        )
        return
    creator = next(iter(_values(ann.get("creator"))), None)
    if isinstance(creator, dict):
        creator = creator.get("nickname") or creator.get("name") or creator.get("id")
    if isinstance(creator, str) and creator.startswith("urn:newstag:annotator:"):
        creator = creator.rsplit(":", 1)[-1]
    qs = quote_sel or {}
    for label in labels:
        result.candidates.append(
            Candidate(
                where=where,
                label=label,
                start=(pos or {}).get("start"),
                end=(pos or {}).get("end"),
                article_id=article,
                quote=qs.get("exact") if isinstance(qs.get("exact"), str) else None,
                prefix=str(qs.get("prefix") or ""),
                suffix=str(qs.get("suffix") or ""),
                note="\n".join(notes),
                created=str(ann.get("created") or ""),
                annotator=str(creator) if creator else None,
            )
        )


def _bodies(ann: dict[str, Any]) -> tuple[list[str], list[str]]:
    labels: list[str] = []
    notes: list[str] = []
    for value in _values(ann.get("bodyValue")):
        labels.append(str(value))
    bodies = [
        b
        for b in _values(ann.get("body"))
        if isinstance(b, dict) and isinstance(b.get("value"), str)
    ]
    for b in bodies:
        purposes = [str(p) for p in _values(b.get("purpose"))]
        if any(p in LABEL_PURPOSES for p in purposes) or (not purposes and len(bodies) == 1):
            labels.append(b["value"])
        elif any(p in NOTE_PURPOSES for p in purposes):
            notes.append(b["value"])
    return labels, notes


def _article_id(source: str) -> str:
    if source.startswith(ARTICLE_URN):
        return unquote(source[len(ARTICLE_URN) :])
    tail = unquote(source.rstrip("/").rsplit("/", 1)[-1])
    for suffix in (".txt", ".md"):
        if tail.endswith(suffix):
            return tail[: -len(suffix)]
    return tail
