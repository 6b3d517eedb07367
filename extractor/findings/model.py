"""The finding extractor's output, before NER and classification add entities and indicators."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from extractor.record.schema import FindingKind, Provenance, Severity


class RawFinding(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: FindingKind
    clause: str | None = None
    topic: str | None = None
    title: str | None = None
    description: str
    evidence: str | None = None
    severity: Severity | None = None
    severity_raw: str | None = None
    corrective_action: str | None = None
    due: str | None = None
    provenance: Provenance
    confidence: float = Field(ge=0.0, le=1.0)
