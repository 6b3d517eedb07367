"""Accuracy of audit metadata and of finding labels (kind, grade, clause), per group of reports.

`audit-extractor evaluate` uses these to break metadata accuracy down per `AuditInfo` field and
per layout or standard family, and to score kind, severity, printed grade and clause on matched
findings per family. Pure arithmetic over records already extracted: this module extracts
nothing and reads no files.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from extractor.evaluation.metrics import Accuracy
from extractor.record.schema import AuditInfo, Finding

METADATA_FIELDS = tuple(AuditInfo.model_fields)
# "clause_code" compares the code alone: "ETI 4" and "4", "PA 6" and "PA6", "Clause 2.5" and "2.5".
FINDING_LABEL_FIELDS = ("kind", "severity", "severity_raw", "clause", "clause_code")
_CLAUSE_WORDS = re.compile(r"^(?:ETI(?: BASE CODE)?|PA|CLAUSE|SECTION|ELEMENT|PROVISION)\s*")

Groups = dict[str, dict[str, Accuracy]]


def _equal(predicted: object, gold: object) -> bool:
    # Exact equality, as for the other metadata scores; only runs of whitespace may differ.
    if isinstance(predicted, str) and isinstance(gold, str):
        return " ".join(predicted.split()) == " ".join(gold.split())
    return predicted == gold


def _accuracy(predicted: object, gold: object) -> Accuracy:
    return Accuracy(
        correct=int(_equal(predicted, gold)),
        total=1,
        predicted_null=int(predicted is None),
        gold_null=int(gold is None),
    )


def metadata_scores(predicted: AuditInfo | None, gold: AuditInfo) -> dict[str, Accuracy]:
    """Compare one report's metadata field by field (null == null is correct)."""
    return {
        name: _accuracy(getattr(predicted, name) if predicted else None, getattr(gold, name))
        for name in METADATA_FIELDS
    }


def clause_code(clause: str | None) -> str | None:
    """Return a clause without scheme words, spaces or case: 'ETI 10 C' -> '10C'."""
    if clause is None:
        return None
    text = _CLAUSE_WORDS.sub("", " ".join(clause.upper().split()))
    return re.sub(r"\s+", "", text) or None


def finding_label_scores(pairs: Iterable[tuple[Finding, Finding]]) -> dict[str, Accuracy]:
    """Score kind, severity, printed grade and clause on (predicted, gold) matched findings."""
    totals: dict[str, Accuracy] = {name: Accuracy() for name in FINDING_LABEL_FIELDS}
    for predicted, gold in pairs:
        for name in FINDING_LABEL_FIELDS:
            if name == "clause_code":
                got, want = clause_code(predicted.clause), clause_code(gold.clause)
            else:
                got, want = getattr(predicted, name), getattr(gold, name)
            totals[name] = totals[name] + _accuracy(got, want)
    return totals


def by_group(items: Iterable[tuple[str, dict[str, Accuracy]]]) -> Groups:
    """Sum per-field accuracies of many reports into one table per group name."""
    groups: Groups = defaultdict(dict)
    for group, scores in items:
        for name, accuracy in scores.items():
            groups[group][name] = groups[group].get(name, Accuracy()) + accuracy
    return {group: groups[group] for group in sorted(groups)}


def format_groups(title: str, groups: Groups, fields: Sequence[str]) -> list[str]:
    """Render accuracies as one row per group and one column per field (n = reports/findings)."""
    if not groups:
        return [title, "  (nothing to score)"]
    header = ["", "n", *fields]
    rows = []
    for group, scores in groups.items():
        n = max((acc.total for acc in scores.values()), default=0)
        cells = [
            "-"
            if scores.get(f) is None or scores[f].accuracy is None
            else f"{scores[f].accuracy:.3f}"
            for f in fields
        ]
        rows.append([group, str(n), *cells])
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = [title]
    for row in [header, *rows]:
        cells = [str(row[0]).ljust(widths[0])]
        cells += [str(c).rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
        lines.append("  " + "  ".join(cells).rstrip())
    return lines
