"""The retraining gate: a candidate model set replaces the current one only if nothing got worse.

Both sets are scored by `audit-extractor evaluate`'s own code on the held-out test split and on
the reviewer corrections held for validation (`holdout.py`, never trained on). The candidate
passes when no headline metric on either drops by more than `MAX_DROP` (0.01) from the current
set's. A metric without gold support on a dataset is not checked there. The decision itself
(`decide`) is plain arithmetic on the two sets of numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel

from extractor.evaluation.evaluate import EvaluationReport, evaluate
from extractor.evaluation.gold import EVAL_SPLITS, GoldDocument, load_gold
from pipelines.training.holdout import validation_documents

MAX_DROP = 0.01
TEST_DATASET = "test split"
VALIDATION_DATASET = "validation corrections"


class Headline(BaseModel):
    """The numbers the gate watches, from one evaluation."""

    finding_detection_f1: float | None
    finding_fields_f1: float | None
    entities_f1: float | None
    ilo_micro_f1: float | None
    ilo_macro_f1: float | None


class GateCheck(BaseModel):
    dataset: str
    metric: str
    current: float
    candidate: float
    drop: float
    passed: bool


class GateResult(BaseModel):
    passed: bool
    max_drop: float = MAX_DROP
    documents: dict[str, int]
    checks: list[GateCheck]
    current: dict[str, Headline]
    candidate: dict[str, Headline]

    def failures(self) -> list[GateCheck]:
        return [check for check in self.checks if not check.passed]


def headline(report: EvaluationReport) -> Headline:
    return Headline(
        finding_detection_f1=report.detection.f1,
        finding_fields_f1=report.fields_micro.f1,
        entities_f1=report.entities.micro.f1,
        ilo_micro_f1=report.indicators.micro.f1,
        ilo_macro_f1=report.indicators.macro_f1,
    )


def decide(dataset: str, current: Headline, candidate: Headline) -> list[GateCheck]:
    """Compare every headline metric the current set has a value for."""
    checks = []
    for metric, before in current.model_dump().items():
        after = getattr(candidate, metric)
        if before is None:
            continue
        after = after if after is not None else 0.0
        drop = round(before - after, 6)
        checks.append(
            GateCheck(
                dataset=dataset,
                metric=metric,
                current=round(before, 4),
                candidate=round(after, 4),
                drop=drop,
                passed=drop <= MAX_DROP,
            )
        )
    return checks


def datasets(samples_dir: Path) -> dict[str, list[GoldDocument]]:
    """What the gate scores on: the test split and the corrections held for validation."""
    found = {TEST_DATASET: load_gold(EVAL_SPLITS, samples_dir)}
    held = validation_documents(samples_dir)
    if held:
        found[VALIDATION_DATASET] = held
    return found


def score(models_dir: Path, docs: Sequence[GoldDocument], name: str) -> Headline:
    return headline(evaluate(name, models_dir=models_dir, documents=docs))


def run_gate(candidate_dir: Path, current_dir: Path, samples_dir: Path) -> GateResult:
    """Score both model sets on every dataset and decide."""
    found = datasets(samples_dir)
    current = {name: score(current_dir, docs, name) for name, docs in found.items()}
    candidate = {name: score(candidate_dir, docs, name) for name, docs in found.items()}
    checks = [check for name in found for check in decide(name, current[name], candidate[name])]
    return GateResult(
        passed=all(check.passed for check in checks),
        documents={name: len(docs) for name, docs in found.items()},
        checks=checks,
        current=current,
        candidate=candidate,
    )


def format_gate(result: GateResult) -> str:
    lines = [
        f"gate: {'PASSED' if result.passed else 'FAILED'} (a drop of more than "
        f"{result.max_drop} in any headline metric fails); documents: "
        + ", ".join(f"{name} {n}" for name, n in result.documents.items())
    ]
    for check in result.checks:
        mark = "ok " if check.passed else "DROP"
        lines.append(
            f"  {mark} {check.dataset:<24} {check.metric:<22} current {check.current:.3f}  "
            f"candidate {check.candidate:.3f}  ({-check.drop:+.3f})"
        )
    return "\n".join(lines)
