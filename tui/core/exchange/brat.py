"""brat standoff: a folder per annotator of `<article>.txt` + `<article>.ann`, and the configs.

brat collections are folders, and brat's agreement tools expect one folder per annotator, so
that is the layout. Label names become brat-safe type names (`official statement` →
`official_statement`); `visual.conf` shows the original name and colour. A span that crosses a
line break becomes a discontinuous entity (`T1 Type 0 5;6 12`), because an `.ann` line cannot
hold a newline. Notes become `AnnotatorNotes`.
"""

from __future__ import annotations

import re
from itertools import groupby
from pathlib import Path

from ..atomic import write_atomic
from ..labels import LabelSet
from ..tagstore import file_stem
from .collect import Collection, Item
from .colors import css_color


def brat_names(labels: list[str]) -> dict[str, str]:
    """Label → brat type name: letters, digits, `_` and `-` only, unique."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for label in labels:
        base = re.sub(r"[^A-Za-z0-9_-]+", "_", label).strip("_") or "label"
        if not base[0].isalpha():
            base = "L_" + base
        name, n = base, 2
        while name in used:
            name, n = f"{base}_{n}", n + 1
        used.add(name)
        out[label] = name
    return out


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut at line breaks into the pieces that hold text."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\r\n]+", text[start:end]):
        if m.group().strip():
            out.append((start + m.start(), start + m.end()))
    return out


def ann_text(article_text: str, items: list[Item], names: dict[str, str]) -> str:
    lines: list[str] = []
    t_n = note_n = 0
    for item in items:
        frags = fragments(article_text, item.tag.start, item.tag.end)
        if not frags:
            continue
        t_n += 1
        offsets = ";".join(f"{s} {e}" for s, e in frags)
        covered = " ".join(article_text[s:e] for s, e in frags)
        lines.append(f"T{t_n}\t{names[item.tag.label]} {offsets}\t{covered}")
        if item.tag.note:
            note_n += 1
            flat = " ".join(item.tag.note.split())
            lines.append(f"#{note_n}\tAnnotatorNotes T{t_n}\t{flat}")
    return "".join(line + "\n" for line in lines)


def configs(labels: LabelSet, names: dict[str, str]) -> tuple[str, str]:
    annotation = [
        "[entities]",
        *names.values(),
        "",
        "[relations]",
        "",
        "[events]",
        "",
        "[attributes]",
        "",
    ]
    visual = ["[labels]"]
    visual += [f"{bname} | {label}" for label, bname in names.items()]
    visual += ["", "[drawing]"]
    for label, bname in names.items():
        lb = labels.by_name(label)
        visual.append(f"{bname}\tbgColor:{css_color(lb.color if lb else 'gray')}")
    return "\n".join(annotation) + "\n", "\n".join(visual) + "\n"


def write(col: Collection, folder: Path) -> list[Path]:
    """Write the collection under `folder`; returns the files written."""
    all_labels = list(dict.fromkeys(col.labels.names + sorted({i.tag.label for i in col.items})))
    names = brat_names(all_labels)
    written: list[Path] = []
    key = lambda i: (i.annotator, i.article_id)  # noqa: E731
    for (who, aid), group in groupby(sorted(col.items, key=key), key=key):
        text = col.articles[aid].text
        base = folder / who / file_stem(aid)
        ann = ann_text(text, list(group), names)
        for path, data in (
            (base.parent / f"{base.name}.txt", text),
            (base.parent / f"{base.name}.ann", ann),
        ):
            write_atomic(path, data.encode("utf-8"))
            written.append(path)
    annotation, visual = configs(col.labels, names)
    for path, data in ((folder / "annotation.conf", annotation), (folder / "visual.conf", visual)):
        write_atomic(path, data.encode("utf-8"))
        written.append(path)
    return written
