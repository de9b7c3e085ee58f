"""`newstag agree`: agreement between annotators per label, and the sentences they disagree on."""

from __future__ import annotations

import json

import click

from tui.core.agreement import AGREEMENT_DOC, Data, LabelAgreement, agreement
from tui.core.labels import load_labels
from tui.core.sanitize import one_line

from .common import Fail, one_line_errors, workspace_from


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _as_json(results: list[LabelAgreement], data: Data) -> str:
    out = {
        "unit": "sentence",
        "coverage": "all" if data.all_covered else "tag file",
        "annotators": data.annotators,
        "covered": {a: sorted(data.covered.get(a, ())) for a in data.annotators},
        "labels": [],
    }
    for r in results:
        out["labels"].append(
            {
                "label": r.label,
                "alpha": r.alpha,
                "units": r.units,
                "pairs": [
                    {"a": p.a, "b": p.b, "n": p.n, "agreed": p.agreed, "kappa": p.kappa}
                    for p in r.pairs
                ],
                "disagreements": [
                    {
                        "article": d.unit.article_id,
                        "sentence": d.unit.index + 1,
                        "start": d.unit.start,
                        "end": d.unit.end,
                        "yes": list(d.yes),
                        "no": list(d.no),
                        "text": d.text,
                    }
                    for d in r.disagreements
                ],
            }
        )
    return json.dumps(out, ensure_ascii=False, indent=2)


@click.command("agree", epilog=AGREEMENT_DOC)
@click.option("--label", "labels", multiple=True, help="Only this label (repeatable).")
@click.option("--annotators", help="Comma-separated annotators to compare (default: all).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option(
    "--max-disagreements",
    default=20,
    show_default=True,
    help="How many disagreements to list per label (0: none, -1: all).",
)
@click.option(
    "--all-covered",
    is_flag=True,
    help="Everyone was given the same articles: an article any compared annotator tagged counts "
    "as covered by all of them (no tags there = no on every sentence).",
)
@click.pass_context
@one_line_errors
def command(
    ctx: click.Context,
    labels: tuple[str, ...],
    annotators: str | None,
    as_json: bool,
    max_disagreements: int,
    all_covered: bool,
) -> None:
    """Cohen's kappa per pair and Krippendorff's alpha over all, per label; unit = sentence."""
    ws = workspace_from(ctx)
    label_set = load_labels(ws.labels_path)
    chosen_labels = list(labels) or label_set.names
    unknown = [lb for lb in chosen_labels if label_set.by_name(lb) is None]
    if unknown:
        raise Fail(
            f"unknown label(s) {', '.join(map(repr, unknown))}; "
            f"labels: {', '.join(label_set.names)}"
        )
    who = [a.strip() for a in annotators.split(",") if a.strip()] if annotators else []
    data, results = agreement(ws, chosen_labels, who, all_covered)
    for line in data.placed:
        click.echo(f"newstag: note: {line}", err=True)
    for line in data.skipped:
        click.echo(f"left out: {line}", err=True)
    if len(data.annotators) < 2:
        raise Fail(
            "agreement needs at least two annotators with tag files; found "
            f"{', '.join(data.annotators) or 'none'}"
        )
    if as_json:
        click.echo(_as_json(results, data))
        return
    coverage = ", ".join(f"{a}: {len(data.covered.get(a, ()))}" for a in data.annotators)
    rule = " (--all-covered)" if all_covered else ""
    click.echo(f"unit: sentence · articles covered per annotator{rule}: {coverage}")
    every = set().union(*data.covered.values()) if data.covered else set()
    short = [a for a in data.annotators if len(data.covered.get(a, ())) < len(every)]
    if short and not all_covered:
        click.echo(
            f"note: {', '.join(short)} {'has' if len(short) == 1 else 'have'} no tag file for some "
            f"of the {len(every)} article(s); their sentences there count as missing, not no "
            "(--all-covered if everyone was given the same articles)"
        )
    for r in results:
        click.echo("")
        click.echo(
            f"{r.label}: Krippendorff's alpha {_fmt(r.alpha)} over {len(data.annotators)} "
            f"annotators, {r.units} sentences with 2+ values"
        )
        width = max(len(f"{p.a} / {p.b}") for p in r.pairs)
        click.echo(f"  {'pair':<{width}}  {'sentences':>9}  {'agreed':>6}  kappa")
        for p in r.pairs:
            click.echo(f"  {p.a + ' / ' + p.b:<{width}}  {p.n:>9}  {p.agreed:>6}  {_fmt(p.kappa)}")
        shown = r.disagreements if max_disagreements < 0 else r.disagreements[:max_disagreements]
        if r.disagreements:
            click.echo(f"  disagreements: {len(r.disagreements)}")
        for d in shown:
            click.echo(
                f"    {d.unit.article_id} sentence {d.unit.index + 1}: yes {', '.join(d.yes)}"
                f" · no {', '.join(d.no)} · “{one_line(d.text, 70)}”"
            )
        if len(shown) < len(r.disagreements):
            click.echo(f"    … {len(r.disagreements) - len(shown)} more (--max-disagreements -1)")
