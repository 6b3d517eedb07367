"""What a reviewer can change in a record, and applying one change to a working copy.

Each operation takes the record under review and a validated payload and returns the new record
with the finding (or metadata) before and after, for the audit trail. Entity offsets index
`Finding.text()` (description, blank line, evidence): entities a reviewer marks are checked
against the text they were marked on, then moved with their words when the description or
evidence is edited, and dropped (and reported) when their words are gone. No database here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from extractor.indicators.taxonomy import load_taxonomy
from extractor.record.schema import (
    Announcement,
    AuditInfo,
    AuditRecord,
    AuditType,
    BBox,
    Entity,
    EntityLabel,
    Finding,
    FindingKind,
    IloIndicator,
    Provenance,
    Severity,
    Standard,
    finding_id,
    finding_text,
)

# A reviewer's own label is certain; the model's score is kept for codes it had predicted.
REVIEWER_SCORE = 1.0
MAX_TEXT = 20_000
MAX_SHORT = 500


class EditError(ValueError):
    """A change that cannot be applied; the message says what to fix."""


class _Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class EntityMark(_Payload):
    """An entity as the reviewer marked it: offsets into the finding's saved text."""

    label: EntityLabel
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(min_length=1, max_length=MAX_SHORT)


class FindingFields(_Payload):
    """Every field of a finding a reviewer edits (the whole set is sent on each save)."""

    kind: FindingKind
    clause: str | None = Field(default=None, max_length=MAX_SHORT)
    topic: str | None = Field(default=None, max_length=MAX_SHORT)
    title: str | None = Field(default=None, max_length=MAX_SHORT)
    description: str = Field(min_length=1, max_length=MAX_TEXT)
    evidence: str | None = Field(default=None, max_length=MAX_TEXT)
    severity: Severity | None = None
    severity_raw: str | None = Field(default=None, max_length=MAX_SHORT)
    corrective_action: str | None = Field(default=None, max_length=MAX_TEXT)
    due: str | None = Field(default=None, max_length=MAX_SHORT)
    ilo_codes: list[str] = Field(default_factory=list, max_length=50)
    entities: list[EntityMark] = Field(default_factory=list, max_length=500)

    @field_validator(
        "clause", "topic", "title", "evidence", "severity_raw", "corrective_action", "due"
    )
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("severity", mode="before")
    @classmethod
    def _no_severity(cls, value: Any) -> Any:
        return value or None

    @field_validator("ilo_codes")
    @classmethod
    def _known_codes(cls, codes: list[str]) -> list[str]:
        known = load_taxonomy().codes
        unknown = sorted(set(codes) - set(known))
        if unknown:
            raise ValueError(f"unknown ILO code(s) {', '.join(unknown)}")
        return [code for code in known if code in codes]


class NewFinding(FindingFields):
    """A finding the extractor missed: the box the reviewer drew, and its fields."""

    page: int = Field(ge=1)
    bbox: BBox

    @field_validator("bbox")
    @classmethod
    def _ordered(cls, bbox: tuple[float, float, float, float]) -> tuple[float, ...]:
        x0, top, x1, bottom = bbox
        if x1 <= x0 or bottom <= top or min(bbox) < 0:
            raise ValueError("a box is (x0, top, x1, bottom) with x0 < x1 and top < bottom")
        return bbox


class MetadataFields(_Payload):
    """The audit metadata a reviewer edits (the whole set is sent on each save)."""

    standard: Standard = "generic"
    standard_version: str | None = Field(default=None, max_length=MAX_SHORT)
    audit_firm: str | None = Field(default=None, max_length=MAX_SHORT)
    site_name: str | None = Field(default=None, max_length=MAX_SHORT)
    site_address: str | None = Field(default=None, max_length=MAX_SHORT)
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    audit_date: dt.date | None = None
    audit_type: AuditType | None = None
    announcement: Announcement | None = None
    workers_total: int | None = Field(default=None, ge=0, le=10_000_000)

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if value == "" else value


class Change(BaseModel):
    """One applied change: the new record, what it touched, before and after, and notes."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    record: AuditRecord
    target: str
    before: dict | None
    after: dict | None
    notes: list[str] = Field(default_factory=list)


def edit_finding(record: AuditRecord, fid: str, fields: FindingFields) -> Change:
    """Replace the reviewer-editable fields of finding `fid`."""
    index = _index(record, fid)
    old = record.findings[index]
    entities, notes = place_entities(old.text(), fields)
    codes = allowed_codes(fields, notes)
    updated = old.model_copy(
        update={
            **_plain_fields(fields),
            "ilo_indicators": indicators(codes, old.ilo_indicators),
            "entities": entities,
        }
    )
    findings = list(record.findings)
    findings[index] = Finding.model_validate(updated.model_dump())
    return Change(
        record=record.model_copy(update={"findings": findings}),
        target=fid,
        before=old.model_dump(mode="json"),
        after=findings[index].model_dump(mode="json"),
        notes=notes,
    )


def delete_finding(record: AuditRecord, fid: str) -> Change:
    """Remove a false finding."""
    index = _index(record, fid)
    old = record.findings[index]
    findings = [f for i, f in enumerate(record.findings) if i != index]
    return Change(
        record=record.model_copy(update={"findings": findings}),
        target=fid,
        before=old.model_dump(mode="json"),
        after=None,
    )


def add_finding(record: AuditRecord, new: NewFinding) -> Change:
    """Add a missed finding at the box the reviewer drew, in reading order (page, then top)."""
    if new.page > record.source.page_count:
        raise EditError(f"page {new.page} is past the report's {record.source.page_count} pages")
    ordinals = [int(f.finding_id.rsplit("-", 1)[1]) for f in record.findings]
    fid = finding_id(record.report_id, max(ordinals, default=0) + 1)
    # Entities of a new finding are marked on the text it is created with.
    text = finding_text(new.description, new.evidence)
    entities, notes = place_entities(text, new)
    codes = allowed_codes(new, notes)
    finding = Finding(
        finding_id=fid,
        **_plain_fields(new),
        ilo_indicators=indicators(codes, []),
        entities=entities,
        provenance=Provenance(page=new.page, bbox=new.bbox),
        confidence=1.0,
    )
    findings = sorted(
        [*record.findings, finding], key=lambda f: (f.provenance.page, f.provenance.bbox[1])
    )
    return Change(
        record=record.model_copy(update={"findings": findings}),
        target=fid,
        before=None,
        after=finding.model_dump(mode="json"),
        notes=notes,
    )


def edit_metadata(record: AuditRecord, fields: MetadataFields) -> Change:
    """Replace the audit metadata."""
    audit = AuditInfo.model_validate(fields.model_dump())
    return Change(
        record=record.model_copy(update={"audit": audit}),
        target="audit",
        before=record.audit.model_dump(mode="json"),
        after=audit.model_dump(mode="json"),
    )


def allowed_codes(fields: FindingFields, notes: list[str]) -> list[str]:
    """The ILO codes to keep: none on a good practice, which describes no violation."""
    if fields.kind == "good_practice" and fields.ilo_codes:
        notes.append("ILO indicators removed: a good practice describes no violation")
        return []
    return fields.ilo_codes


def indicators(codes: list[str], previous: list[IloIndicator]) -> list[IloIndicator]:
    """Indicators for `codes`, labelled from the taxonomy, keeping the model's earlier scores."""
    taxonomy = load_taxonomy()
    scores = {ind.code: ind.score for ind in previous}
    return [
        IloIndicator(code=code, label=taxonomy.label(code), score=scores.get(code, REVIEWER_SCORE))
        for code in codes
    ]


def place_entities(marked_on: str, fields: FindingFields) -> tuple[list[Entity], list[str]]:
    """Check entities against the text they were marked on and move them into the new text.

    Raises `EditError` for an entity whose offsets do not hold its text; returns the entities
    placed in the new text and a note for each one whose words the edit removed.
    """
    new_text = finding_text(fields.description, fields.evidence)
    placed: list[Entity] = []
    notes: list[str] = []
    for mark in fields.entities:
        if mark.end <= mark.start or marked_on[mark.start : mark.end] != mark.text:
            raise EditError(
                f"entity {mark.label} {mark.text!r} is not at [{mark.start}:{mark.end}] of the "
                "finding's text; select it again"
            )
        start = relocate(mark.text, mark.start, new_text)
        if start is None:
            notes.append(f"entity {mark.label} {mark.text!r} dropped: its words were edited out")
            continue
        entity = Entity(label=mark.label, text=mark.text, start=start, end=start + len(mark.text))
        if entity not in placed:
            placed.append(entity)
    placed.sort(key=lambda e: (e.start, e.end))
    return placed, notes


def relocate(span: str, old_start: int, text: str) -> int | None:
    """Where `span` now starts in `text`: the occurrence nearest its old place, or None."""
    best: int | None = None
    position = text.find(span)
    while position != -1:
        if best is None or abs(position - old_start) < abs(best - old_start):
            best = position
        position = text.find(span, position + 1)
    return best


def _plain_fields(fields: FindingFields) -> dict[str, Any]:
    return fields.model_dump(exclude={"ilo_codes", "entities", "page", "bbox"})


def _index(record: AuditRecord, fid: str) -> int:
    for index, finding in enumerate(record.findings):
        if finding.finding_id == fid:
            return index
    raise EditError(f"no finding {fid} in this review (it may have been deleted)")
