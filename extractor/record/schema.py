"""The record contract: what the platform ingests.

Pydantic v2 models for one audit report (`AuditRecord`) and for a report that could not be read
(`ErrorRecord`). `audit-extractor schema` publishes the JSON Schema generated from these models.
This module holds no parsing logic; unknown values are `None`, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION: Literal["1.0"] = "1.0"

Standard = Literal["smeta", "amfori_bsci", "sa8000", "rba", "generic"]
FindingKind = Literal["non_compliance", "observation", "good_practice"]
Severity = Literal["critical", "major", "minor"]
AuditType = Literal["initial", "periodic", "follow_up", "re_audit", "special"]
Announcement = Literal["announced", "semi_announced", "unannounced"]
EntityLabel = Literal[
    "HOURS",
    "MONEY",
    "FEE",
    "AGE",
    "WORKER_COUNT",
    "ID_DOCUMENT",
    "DURATION",
    "DATE",
    "LAW_REF",
    "ORG",
]
ENTITY_LABELS: tuple[str, ...] = EntityLabel.__args__  # type: ignore[attr-defined]

# (x0, top, x1, bottom) in PDF points, origin at the page's top-left corner (pdfplumber's frame).
BBox = Annotated[
    tuple[float, float, float, float],
    Field(description="x0, top, x1, bottom in PDF points; origin at the top-left of the page."),
]

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    filename: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    page_count: int = Field(ge=0)
    ocr_pages: list[int] = Field(
        default_factory=list, description="1-based pages whose text came from OCR."
    )


class AuditInfo(_Model):
    standard: Standard = "generic"
    standard_version: str | None = None
    audit_firm: str | None = None
    site_name: str | None = None
    site_address: str | None = None
    country: str | None = Field(
        default=None, pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2."
    )
    audit_date: dt.date | None = Field(default=None, description="First day on site, ISO 8601.")
    audit_type: AuditType | None = None
    announcement: Announcement | None = None
    workers_total: int | None = Field(default=None, ge=0)


class IloIndicator(_Model):
    code: str = Field(description="Stable code from the ILO taxonomy, e.g. FL07.")
    label: str
    score: float = Field(ge=0.0, le=1.0, description="Calibrated probability.")


class Entity(_Model):
    label: EntityLabel
    text: str
    start: int = Field(ge=0, description="Character offset into Finding.text().")
    end: int = Field(ge=0, description="Exclusive end offset into Finding.text().")


class Provenance(_Model):
    page: int = Field(ge=1, description="1-based page where the finding starts.")
    bbox: BBox


class Finding(_Model):
    finding_id: str = Field(description="report_id, '-', then the 1-based ordinal (zero-padded).")
    kind: FindingKind
    clause: str | None = Field(default=None, description="Clause or section as printed.")
    topic: str | None = Field(default=None, description="Issue area, e.g. 'Wages'.")
    title: str | None = None
    description: str
    evidence: str | None = None
    severity: Severity | None = None
    severity_raw: str | None = Field(default=None, description="Grade as printed in the report.")
    corrective_action: str | None = None
    due: str | None = Field(default=None, description="Timescale or due date as printed.")
    ilo_indicators: list[IloIndicator] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    provenance: Provenance
    confidence: float = Field(ge=0.0, le=1.0, description="Extraction confidence.")

    def text(self) -> str:
        """Return the text the NER and classifier read: description, then evidence."""
        return finding_text(self.description, self.evidence)


def finding_text(description: str, evidence: str | None) -> str:
    """Join description and evidence the way entity offsets are counted."""
    return f"{description}\n\n{evidence}" if evidence else description


class ExtractorInfo(_Model):
    version: str
    ner_model: str | None = Field(description="Name and version of the spaCy pipeline used.")
    classifier_model: str | None = Field(description="Name and version of the ILO classifier.")
    reader_model: str | None = Field(
        default=None, description="Name and version of the block labeller that read the findings."
    )


class AuditRecord(_Model):
    """One audit report, as the platform ingests it."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    report_id: str = Field(description="sha256 hex digest of the file bytes.")
    source: Source
    audit: AuditInfo
    findings: list[Finding] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    extractor: ExtractorInfo

    @field_validator("report_id")
    @classmethod
    def _is_sha256(cls, value: str) -> str:
        if not _SHA256.match(value):
            raise ValueError("report_id must be a lowercase sha256 hex digest")
        return value


class ErrorInfo(_Model):
    code: str = Field(description="Stable error code, e.g. E002.")
    reason: str = Field(description="Short machine-readable reason, e.g. 'encrypted'.")
    message: str = Field(description="What was wrong with the input and what to do about it.")


class ErrorRecord(_Model):
    """A report that could not be turned into an AuditRecord, and why."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    report_id: str | None = Field(description="sha256 of the bytes, when the file could be read.")
    source: Source | None = None
    filename: str
    error: ErrorInfo
    extractor: ExtractorInfo


def finding_id(report_id: str, ordinal: int) -> str:
    """Build the stable id of the `ordinal`-th (1-based) finding of a report."""
    return f"{report_id}-{ordinal:04d}"


def json_schema() -> dict:
    """Return the published JSON Schema: an AuditRecord or an ErrorRecord."""
    from pydantic import TypeAdapter

    adapter = TypeAdapter(AuditRecord | ErrorRecord)
    schema = adapter.json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"audit-extractor record v{SCHEMA_VERSION}"
    return schema
