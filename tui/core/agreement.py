"""Inter-annotator agreement per label: Cohen's kappa per pair, Krippendorff's alpha over all.

The unit is a sentence, as newstag segments the article's current text. For each label each
annotator gives each sentence a yes (one of their tags with that label overlaps it) or a no.
Tags are placed on the article's current text first (`current.current_doc`, in memory), as the
reader places them: a file made on an earlier version of the article still counts.

Coverage: an annotator has *covered* an article when they have a tag file for it (they tagged
at least one sentence of it, with any label). In a covered article every sentence counts: a
sentence they left untagged is a deliberate no. In an article they did not cover they gave no
value at all (missing), not a no. newstag deletes a tag file when its last tag is removed, so
an article an annotator read and cleared, or found nothing in, is not covered: nothing on disk
tells it from one they never opened. For a study where everyone was given the same articles,
`all_covered` counts every article any compared annotator covered as covered by all of them.
Site-chrome sentences (the cursor skips them) are units only where somebody tagged them.
Cohen's kappa for a pair uses the sentences both covered; alpha uses every sentence covered by
two or more annotators, treating the rest as missing, which is how Krippendorff's alpha handles
missing values. Orphaned tags (not found in the current text) are left out, and listed.
Undefined values (no variation at all) are None.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from .articles import Article
from .exchange.collect import ArticleCache, check_tag, place, placed_note
from .tagstore import TagFileError, TagStore
from .workspace import Workspace

AGREEMENT_DOC = (
    "Unit: one sentence. Per label, an annotator says yes to a sentence when one of their tags "
    "with that label overlaps it (a tag on part of a sentence counts for that sentence; one across "
    "two sentences, for both). An annotator covers an article when they have a tag file for it; "
    "in a covered article an untagged sentence counts as no, in an uncovered one as missing. "
    "Removing the last tag of an article deletes its file, so an article you read and left "
    "untagged is not covered; when everyone was given the same articles, --all-covered counts "
    "each article any compared annotator tagged as covered by all of them. "
    "Kappa per pair uses the sentences both covered; alpha uses all sentences with 2+ values. "
    "Site-chrome sentences count only where someone tagged them. Tags made on an earlier version "
    "of an article are placed on its current text; orphans are left out and listed. "
    "n/a: no variation at all."
)


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence of one article."""

    article_id: str
    index: int  # 0-based sentence index in the article
    start: int
    end: int


@dataclass(frozen=True)
class Disagreement:
    label: str
    unit: Unit
    yes: tuple[str, ...]
    no: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class PairScore:
    a: str
    b: str
    n: int  # sentences both covered
    agreed: int  # of those, how many they gave the same value
    kappa: float | None


@dataclass(frozen=True)
class LabelAgreement:
    label: str
    pairs: tuple[PairScore, ...]
    alpha: float | None
    units: int  # sentences with values from at least two annotators
    disagreements: tuple[Disagreement, ...]


@dataclass
class Data:
    """Who covered what and which sentences each annotator said yes to, per label."""

    annotators: list[str]
    units: list[Unit] = field(default_factory=list)
    covered: dict[str, set[str]] = field(default_factory=dict)  # annotator -> article ids
    yes: dict[tuple[str, str], set[Unit]] = field(default_factory=dict)  # (annotator, label)
    texts: dict[Unit, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    placed: list[str] = field(default_factory=list)  # files re-anchored in memory, one line each
    all_covered: bool = False

    def value(self, annotator: str, label: str, unit: Unit) -> int | None:
        if unit.article_id not in self.covered.get(annotator, ()):
            return None
        return int(unit in self.yes.get((annotator, label), ()))


def cohen_kappa(a: Sequence[int], b: Sequence[int]) -> float | None:
    """Cohen's kappa of two equally long codings; None when chance agreement is 1 (undefined)."""
    n = len(a)
    if n == 0 or n != len(b):
        return None
    cats = sorted(set(a) | set(b))
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    expected = sum((a.count(c) / n) * (b.count(c) / n) for c in cats)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def krippendorff_alpha(matrix: Sequence[Sequence[int | None]]) -> float | None:
    """Nominal alpha of a coders × units matrix (None = missing); None when undefined."""
    units = list(zip(*matrix, strict=True)) if matrix else []
    coincidence: dict[tuple[int, int], float] = {}
    for unit in units:
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        for i, c in enumerate(values):
            for j, k in enumerate(values):
                if i != j:
                    coincidence[(c, k)] = coincidence.get((c, k), 0.0) + 1.0 / (m - 1)
    totals: dict[int, float] = {}
    for (c, _k), w in coincidence.items():
        totals[c] = totals.get(c, 0.0) + w
    n = sum(totals.values())
    if n <= 1 or len(totals) < 2:
        return None
    observed = sum(w for (c, k), w in coincidence.items() if c != k)
    expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k) / (n - 1)
    return 1.0 - observed / expected if expected else None


def _units(art: Article, tagged_chrome: set[int]) -> list[Unit]:
    return [
        Unit(art.id, s.index, s.start, s.end)
        for s in art.sentences()
        if not s.chrome or s.index in tagged_chrome
    ]


def gather(ws: Workspace, annotators: Iterable[str] = (), labels: Iterable[str] = (),
           all_covered: bool = False) -> Data:
    """Read every tag file of the chosen annotators (default: all) into yes/no per sentence."""
    store = TagStore(ws.tags)
    chosen = list(annotators) or store.annotators()
    want = set(labels)
    data = Data(sorted(chosen), all_covered=all_covered)
    cache = ArticleCache(ws)
    marks: dict[str, list[tuple[str, str, int, int]]] = {}  # article -> (annotator, label, s, e)
    for who, path in store.iter_files():
        if who not in data.annotators:
            continue
        try:
            doc = store.load_path(path).doc
        except TagFileError as exc:
            data.skipped.append(f"{exc} (left out of agreement)")
            continue
        if doc is None:
            continue
        art = cache.get(doc.article)
        if isinstance(art, str):
            data.skipped.append(f"{path}: {art}")
            continue
        data.covered.setdefault(who, set()).add(doc.article)
        doc, moved = place(doc, art)
        if moved:
            data.placed.append(placed_note(path, moved))
        for tag in doc.tags:
            reason = check_tag(art, tag, who)
            if reason:
                data.skipped.append(f"{path} tag {tag.id} ({tag.label}): {reason}")
            elif not want or tag.label in want:
                marks.setdefault(doc.article, []).append((who, tag.label, tag.start, tag.end))
    every = set().union(*data.covered.values()) if data.covered else set()
    if all_covered:
        data.covered = {who: set(every) for who in data.annotators}
    for aid in sorted(every):
        art = cache.get(aid)
        assert isinstance(art, Article)
        sents = art.sentences()
        hit: dict[tuple[str, str], set[int]] = {}
        for who, label, s, e in marks.get(aid, []):
            first = art.sentence_at(s)
            idx = first.index if first else next((x.index for x in sents if x.end > s), len(sents))
            while idx < len(sents) and sents[idx].start < e:
                hit.setdefault((who, label), set()).add(idx)
                idx += 1
        chrome_tagged = {i for ids in hit.values() for i in ids if sents[i].chrome}
        units = _units(art, chrome_tagged)
        by_index = {u.index: u for u in units}
        data.units.extend(units)
        for u in units:
            data.texts[u] = art.text[u.start : u.end]
        for key, ids in hit.items():
            data.yes.setdefault(key, set()).update(by_index[i] for i in ids if i in by_index)
    return data


def label_agreement(data: Data, label: str) -> LabelAgreement:
    pairs: list[PairScore] = []
    for a, b in combinations(data.annotators, 2):
        va, vb = [], []
        for u in data.units:
            x, y = data.value(a, label, u), data.value(b, label, u)
            if x is not None and y is not None:
                va.append(x)
                vb.append(y)
        agreed = sum(x == y for x, y in zip(va, vb, strict=True))
        pairs.append(PairScore(a, b, len(va), agreed, cohen_kappa(va, vb)))
    matrix = [[data.value(who, label, u) for u in data.units] for who in data.annotators]
    multi = [u for i, u in enumerate(data.units) if sum(row[i] is not None for row in matrix) >= 2]
    disagreements = []
    for u in multi:
        vals = {who: data.value(who, label, u) for who in data.annotators}
        yes = tuple(w for w, v in vals.items() if v == 1)
        no = tuple(w for w, v in vals.items() if v == 0)
        if yes and no:
            disagreements.append(Disagreement(label, u, yes, no, data.texts[u]))
    return LabelAgreement(
        label, tuple(pairs), krippendorff_alpha(matrix), len(multi), tuple(disagreements)
    )


def agreement(
    ws: Workspace, labels: Sequence[str], annotators: Iterable[str] = (), all_covered: bool = False
) -> tuple[Data, list[LabelAgreement]]:
    data = gather(ws, annotators, labels, all_covered)
    return data, [label_agreement(data, label) for label in labels]
