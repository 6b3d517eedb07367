"""How well the block reader finds findings in report families it was not trained on.

`cross_validate_reader` runs leave-one-family-out cross-validation: for each family of the given
gold documents, a block labeller is trained on every other family and scored on this one
(finding detection: predicted findings aligned one to one with gold by description). Text and
scanned reports are scored apart, and false positives are counted with the section they came
from, so distractor text read as findings (interview summaries, summary tables) shows up.

Scoring only: the labeller is trained here through its own `fit`, the same one
`audit-extractor train` uses, and nothing is written to `models/`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import BaseModel

from extractor.evaluation.document_cache import DEFAULT_CACHE_DIR, read_cached
from extractor.evaluation.gold import GoldDocument, at_most_per_layout
from extractor.evaluation.matching import match_findings
from extractor.evaluation.metadata_eval import clause_code
from extractor.evaluation.metrics import PRF
from extractor.findings.grouping import group_findings
from extractor.findings.labeller import BlockLabeller
from extractor.findings.supervision import LabelledBlocks, labelled_blocks
from extractor.reading.blocks import Block, build_blocks
from extractor.record.schema import Finding

MAX_FP_SECTIONS = 5


class FamilyScore(BaseModel):
    """Detection counts on one held-out family (or on a fixed test split)."""

    family: str
    documents: int
    text: PRF = PRF()
    scanned: PRF = PRF()
    false_positive_sections: dict[str, int] = {}
    # Of the matched findings ('matched'): how many have the gold kind, printed grade and clause
    # (clause as `clause_code`).
    fields: dict[str, int] = {}

    @property
    def all(self) -> PRF:
        return self.text + self.scanned

    def field_accuracy(self, name: str) -> float | None:
        matched = self.fields.get("matched", 0)
        return self.fields.get(name, 0) / matched if matched else None


class CrossValidation(BaseModel):
    """Per-family detection scores and the summary the README reports."""

    families: list[FamilyScore]
    profile: str = "full"
    max_train_per_variant: int | None = None

    @property
    def mean_f1(self) -> float | None:
        scores = [f.all.f1 for f in self.families if f.all.f1 is not None]
        return sum(scores) / len(scores) if scores else None

    @property
    def worst(self) -> FamilyScore | None:
        scored = [f for f in self.families if f.all.f1 is not None]
        return min(scored, key=lambda f: f.all.f1 or 0.0) if scored else None

    def mean_of(self, kind: str) -> float | None:
        scores = [getattr(f, kind).f1 for f in self.families if getattr(f, kind).support]
        return sum(scores) / len(scores) if scores else None


class ReaderExample(BaseModel):
    """A gold report as the reader sees it: its blocks and their labels."""

    model_config = {"arbitrary_types_allowed": True}

    doc: GoldDocument
    labelled: LabelledBlocks


def reader_examples(
    docs: Sequence[GoldDocument], cache_dir: Path = DEFAULT_CACHE_DIR
) -> list[ReaderExample]:
    """Read (or load from the cache) every gold report and label its blocks from its record."""
    return [
        ReaderExample(
            doc=doc,
            labelled=labelled_blocks(
                build_blocks(read_cached(doc.pdf_path, cache_dir)), doc.record
            ),
        )
        for doc in docs
    ]


def fit_labeller(
    examples: Sequence[ReaderExample], *, seed: int = 0, profile: str = "full"
) -> BlockLabeller:
    """Train a block labeller on the examples' derived labels (`profile`: see `PROFILES`)."""
    return BlockLabeller.fit(
        [
            (e.labelled.blocks, e.labelled.standard, e.labelled.roles, e.labelled.starts)
            for e in examples
        ],
        seed=seed,
        profile=profile,
    )


def predicted_findings(
    labeller: BlockLabeller, blocks: Sequence[Block], standard: str
) -> list[Finding]:
    """Run the labeller and grouping on one report's blocks."""
    prediction = labeller.predict(blocks, standard)  # type: ignore[arg-type]
    raws = group_findings(
        blocks,
        prediction.roles,
        prediction.starts,
        standard=standard,  # type: ignore[arg-type]
        scores=prediction.finding_scores,
        proba=prediction.role_proba,
    )
    placeholder = "0" * 64
    return [
        Finding(finding_id=f"{placeholder}-{i:04d}", **raw.model_dump())
        for i, raw in enumerate(raws, start=1)
    ]


def score_family(
    family: str, labeller: BlockLabeller, examples: Sequence[ReaderExample]
) -> FamilyScore:
    """Detection counts of `labeller` on `examples`, text and scanned apart."""
    text = scanned = PRF()
    sections: Counter[str] = Counter()
    fields: Counter[str] = Counter()
    for example in examples:
        blocks = example.labelled.blocks
        predicted = predicted_findings(labeller, blocks, example.labelled.standard)
        gold = example.doc.record.findings
        matches = match_findings(predicted, gold)
        counts = PRF(tp=len(matches), fp=len(predicted) - len(matches), fn=len(gold) - len(matches))
        if example.doc.scanned:
            scanned = scanned + counts
        else:
            text = text + counts
        for match in matches:
            got, want = predicted[match.predicted], gold[match.gold]
            fields["matched"] += 1
            fields["kind"] += got.kind == want.kind
            fields["grade"] += got.severity_raw == want.severity_raw
            fields["clause"] += clause_code(got.clause) == clause_code(want.clause)
        matched = {m.predicted for m in matches}
        regions = corpus_regions(example.doc)
        for i, finding in enumerate(predicted):
            if i not in matched:
                sections[_region_of(finding, regions) or _section_of(finding, blocks)] += 1
    return FamilyScore(
        family=family,
        documents=len(examples),
        text=text,
        scanned=scanned,
        false_positive_sections=dict(sections.most_common(MAX_FP_SECTIONS)),
        fields=dict(fields),
    )


def cross_validate_reader(
    examples: Sequence[ReaderExample],
    *,
    seed: int = 0,
    families: Sequence[str] | None = None,
    profile: str = "quick",
    max_train_per_variant: int | None = None,
    log: Callable[[str], None] | None = None,
) -> CrossValidation:
    """Leave each family out in turn: train on the others (with the lighter `quick` training
    profile by default: one fit per family), score on every report of it. With
    `max_train_per_variant`, each fold trains on at most that many reports of each layout
    variant of the other families (a shorter run; the held-out family is always scored whole)."""
    names = sorted({e.doc.family for e in examples})
    pool = _capped(examples, max_train_per_variant)
    scores = []
    for family in families or names:
        held = [e for e in examples if e.doc.family == family]
        rest = [e for e in pool if e.doc.family != family]
        if not held or not rest:
            continue
        scores.append(score_family(family, fit_labeller(rest, seed=seed, profile=profile), held))
        if log is not None:
            log(f"{family}: detection F1 {scores[-1].all.f1} ({len(held)} reports)")
    return CrossValidation(
        families=scores, profile=profile, max_train_per_variant=max_train_per_variant
    )


def _capped(examples: Sequence[ReaderExample], per_variant: int | None) -> list[ReaderExample]:
    """At most `per_variant` reports of each layout variant (`at_most_per_layout`)."""
    if per_variant is None:
        return list(examples)
    kept = {doc.doc_id for doc in at_most_per_layout([e.doc for e in examples], per_variant)}
    return [e for e in examples if e.doc.doc_id in kept]


def corpus_regions(doc: GoldDocument) -> list[dict]:
    """The generator's region map of a realistic-corpus report (what each box of a page is:
    cover, interview, checklist, summary_row, finding, ...); empty for other reports."""
    path = doc.pdf_path.parent.parent / "regions" / f"{doc.doc_id}.json"
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8")).get("regions", [])


def _region_of(finding: Finding, regions: Sequence[dict]) -> str | None:
    """The kind of printed region a false positive starts in ('region: interview'), so
    distractors read as findings are counted by kind."""
    page, (x0, top, x1, _) = finding.provenance.page, finding.provenance.bbox
    best, best_area = None, 0.0
    for region in regions:
        if region.get("page") != page:
            continue
        rx0, rtop, rx1, rbottom = region["bbox"]
        # The finding's first line: where it starts tells what the reader took for a finding.
        width = min(x1, rx1) - max(x0, rx0)
        height = min(top + 12.0, rbottom) - max(top, rtop)
        area = max(width, 0.0) * max(height, 0.0)
        if area > best_area:
            best, best_area = region.get("role"), area
    return f"region: {best}" if best else None


def _section_of(finding: Finding, blocks: Sequence[Block]) -> str:
    """The heading a false positive was printed under (its first block's section)."""
    page, box = finding.provenance.page, finding.provenance.bbox
    for block in blocks:
        if block.page == page and abs(block.bbox[1] - box[1]) < 1.0:
            if block.table is not None:
                return f"table: {block.col_header or block.section or '?'}"[:60]
            return (block.section or "(no heading)")[:60]
    return "?"


def format_cross_validation(cv: CrossValidation, title: str) -> str:
    """The leave-one-family-out table, with mean and worst family, as printed by `evaluate`."""

    def num(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    lines = [
        f"== {title}: finding detection, leave one family out (trained on the other families) ==",
        "",
        "| family | reports | text P | text R | text F1 | scanned F1 | all F1 | false pos. |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for f in cv.families:
        lines.append(
            f"| {f.family} | {f.documents} | {num(f.text.precision)} | {num(f.text.recall)} | "
            f"{num(f.text.f1)} | {num(f.scanned.f1)} | {num(f.all.f1)} | {f.all.fp} |"
        )
    worst = cv.worst
    lines += [
        "",
        f"mean F1 {num(cv.mean_f1)} (text {num(cv.mean_of('text'))}, scanned "
        f"{num(cv.mean_of('scanned'))}); worst family "
        f"{worst.family if worst else '-'} {num(worst.all.f1 if worst else None)}",
        "",
        "false positives by the section they were printed under (top per family):",
    ]
    for f in cv.families:
        if f.false_positive_sections:
            shown = "; ".join(f"{k} ({v})" for k, v in f.false_positive_sections.items())
            lines.append(f"  {f.family}: {shown}")
    if any(f.fields for f in cv.families):
        lines += [
            "",
            "kind / printed grade / clause (clause_code) on matched findings, each family read by "
            "the labeller that never saw it:",
        ]
        total: Counter[str] = Counter()
        for f in cv.families:
            total.update(f.fields)
            lines.append(f"  {f.family}: {_field_line(f)}")
        everything = FamilyScore(family="all", documents=0, fields=dict(total))
        lines.append(f"  all: {_field_line(everything)}")
    return "\n".join(lines) + "\n"


def _field_line(score: FamilyScore) -> str:
    accuracies = (score.field_accuracy(name) for name in ("kind", "grade", "clause"))
    shown = " / ".join("-" if a is None else f"{a:.3f}" for a in accuracies)
    return f"{shown} ({score.fields.get('matched', 0)} matched)"
