"""Where two reviewers' accepted records of the same report disagree, and an admin's resolution.

Both reviews start from the extractor's record, so findings the extractor found keep their ids
in both; findings a reviewer added are paired by page and box overlap. A disagreement is one
field of one finding (or of the metadata), or a finding one reviewer kept and the other deleted
or never added. Resolving takes, for each disagreement, the first or the second reviewer's value.
No database here.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from extractor.record.schema import AuditRecord, Entity, Finding, finding_id
from pipelines.review.edits import relocate

FINDING_FIELDS = (
    "kind",
    "clause",
    "topic",
    "title",
    "description",
    "evidence",
    "severity",
    "severity_raw",
    "corrective_action",
    "due",
    "ilo_codes",
    "entities",
)
PRESENCE = "present"
AUDIT = "audit"
MIN_BOX_OVERLAP = 0.5

Choice = Literal["first", "second"]


class Disagreement(BaseModel):
    """One value two reviewers set differently; `key` names it in the resolution form."""

    key: str
    target: str
    field: str
    first: Any
    second: Any


def compare(first: AuditRecord, second: AuditRecord) -> list[Disagreement]:
    """Every value the two records disagree on, findings in the first record's order."""
    out: list[Disagreement] = []
    for name in type(first.audit).model_fields:
        a, b = getattr(first.audit, name), getattr(second.audit, name)
        if a != b:
            out.append(_disagreement(AUDIT, name, _json(a), _json(b)))
    pairs, only_first, only_second = pair_findings(first.findings, second.findings)
    for a, b in pairs:
        va, vb = comparable(a), comparable(b)
        for name in FINDING_FIELDS:
            if va[name] != vb[name]:
                out.append(_disagreement(a.finding_id, name, va[name], vb[name]))
    for finding in only_first:
        out.append(_disagreement(finding.finding_id, PRESENCE, _summary(finding), None))
    for finding in only_second:
        out.append(_disagreement(finding.finding_id, PRESENCE, None, _summary(finding)))
    return out


def resolve(
    first: AuditRecord, second: AuditRecord, choices: dict[str, Choice]
) -> tuple[AuditRecord, list[str]]:
    """The first record with the second's value wherever `choices` says "second".

    Returns the resolved record and notes (entities dropped because the chosen text lacks them).
    Disagreements missing from `choices` keep the first reviewer's value.
    """
    audit = first.audit.model_copy()
    pairs, only_first, only_second = pair_findings(first.findings, second.findings)
    partner = {a.finding_id: b for a, b in pairs}
    chosen = {key for key, choice in choices.items() if choice == "second"}
    for name in type(first.audit).model_fields:
        if f"{AUDIT}:{name}" in chosen:
            setattr(audit, name, getattr(second.audit, name))
    notes: list[str] = []
    findings: list[Finding] = []
    removed = {f.finding_id for f in only_first if f"{f.finding_id}:{PRESENCE}" in chosen}
    for finding in first.findings:
        if finding.finding_id in removed:
            continue
        other = partner.get(finding.finding_id)
        if other is not None:
            finding = _merge(finding, other, chosen, notes)
        findings.append(finding)
    used = {f.finding_id for f in findings}
    for finding in only_second:
        if f"{finding.finding_id}:{PRESENCE}" in chosen:
            if finding.finding_id in used:
                ordinal = max(int(fid.rsplit("-", 1)[1]) for fid in used) + 1
                finding = finding.model_copy(
                    update={"finding_id": finding_id(first.report_id, ordinal)}
                )
            used.add(finding.finding_id)
            findings.append(finding)
    findings.sort(key=lambda f: (f.provenance.page, f.provenance.bbox[1]))
    resolved = first.model_copy(update={"audit": audit, "findings": findings})
    return AuditRecord.model_validate(resolved.model_dump()), notes


def pair_findings(
    first: list[Finding], second: list[Finding]
) -> tuple[list[tuple[Finding, Finding]], list[Finding], list[Finding]]:
    """Pair findings by id, then the rest by page and box overlap; return pairs and leftovers.

    The extractor's findings keep their id and box in every review; a finding two reviewers
    added separately may share an id by chance, so an id only pairs findings whose boxes agree.
    """
    by_id = {f.finding_id: f for f in second}
    pairs: list[tuple[Finding, Finding]] = []
    left: list[Finding] = []
    for finding in first:
        match = by_id.get(finding.finding_id)
        if match is not None and overlap(finding, match) >= MIN_BOX_OVERLAP:
            pairs.append((finding, by_id.pop(finding.finding_id)))
        else:
            left.append(finding)
    remaining = list(by_id.values())
    only_first: list[Finding] = []
    for finding in left:
        best = max(remaining, key=lambda other: overlap(finding, other), default=None)
        if best is not None and overlap(finding, best) >= MIN_BOX_OVERLAP:
            pairs.append((finding, best))
            remaining.remove(best)
        else:
            only_first.append(finding)
    return pairs, only_first, remaining


def overlap(a: Finding, b: Finding) -> float:
    """Intersection over union of two findings' boxes; 0 on different pages."""
    if a.provenance.page != b.provenance.page:
        return 0.0
    ax0, at, ax1, ab = a.provenance.bbox
    bx0, bt, bx1, bb = b.provenance.bbox
    width = min(ax1, bx1) - max(ax0, bx0)
    height = min(ab, bb) - max(at, bt)
    if width <= 0 or height <= 0:
        return 0.0
    inter = width * height
    union = (ax1 - ax0) * (ab - at) + (bx1 - bx0) * (bb - bt) - inter
    return inter / union if union > 0 else 0.0


def comparable(finding: Finding) -> dict[str, Any]:
    """A finding's reviewable values as JSON, indicators as codes and entities as tuples."""
    values = {name: getattr(finding, name) for name in FINDING_FIELDS[:-2]}
    values["ilo_codes"] = sorted(ind.code for ind in finding.ilo_indicators)
    values["entities"] = [[e.label, e.start, e.end, e.text] for e in finding.entities]
    return values


def _merge(first: Finding, second: Finding, chosen: set[str], notes: list[str]) -> Finding:
    update: dict[str, Any] = {}
    for name in FINDING_FIELDS[:-2]:
        if f"{first.finding_id}:{name}" in chosen:
            update[name] = getattr(second, name)
    if f"{first.finding_id}:ilo_codes" in chosen:
        update["ilo_indicators"] = second.ilo_indicators
    source = second if f"{first.finding_id}:entities" in chosen else first
    merged = first.model_copy(update=update)
    text = merged.text()
    entities = []
    for entity in source.entities:
        start = relocate(entity.text, entity.start, text)
        if start is None:
            notes.append(
                f"{first.finding_id}: entity {entity.label} {entity.text!r} dropped: "
                "not in the chosen text"
            )
            continue
        entities.append(
            Entity(label=entity.label, text=entity.text, start=start, end=start + len(entity.text))
        )
    return merged.model_copy(update={"entities": entities})


def _disagreement(target: str, name: str, first: Any, second: Any) -> Disagreement:
    return Disagreement(
        key=f"{target}:{name}", target=target, field=name, first=first, second=second
    )


def _summary(finding: Finding) -> str:
    return f"p.{finding.provenance.page} {finding.kind}: {finding.description[:160]}"


def _json(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value
