"""What a generated report says, before any layout draws it: metadata, prose and findings.

Each value is kept twice where a layout prints it differently from the gold record (a date as
'12 March 2019' vs 2019-03-12, a country as 'Viet Nam' vs VN). Layouts read these specs; they
never invent content, so gold and PDF cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from extractor.record.schema import Announcement, AuditType, FindingKind, Severity, Standard

from .entities import Filled


@dataclass(frozen=True)
class AuditMeta:
    standard: Standard
    standard_version: str | None  # as printed
    standard_title: str  # e.g. "SMETA 6.1 4-Pillar", "SA8000:2014"
    audit_firm: str
    site_name: str
    site_address: str  # as printed, without the country
    country_iso: str
    country_name: str  # as printed
    audit_date: dt.date
    audit_date_text: str  # as printed
    audit_type: AuditType
    audit_type_text: str
    announcement: Announcement
    announcement_text: str
    workers_total: int
    auditor: str
    report_ref: str
    product: str


@dataclass(frozen=True)
class Demographics:
    """A worker-demographics table: rows of (category, male, female)."""

    rows: tuple[tuple[str, int, int], ...]

    @property
    def total(self) -> int:
        return sum(m + f for _, m, f in self.rows)


@dataclass(frozen=True)
class FindingSpec:
    ordinal: int
    kind: FindingKind
    issue: str  # phrase-bank key, e.g. FL07 or ENV
    area: str
    clause: str | None
    topic: str | None
    title: str | None
    description: Filled
    evidence: Filled | None
    severity: Severity | None
    severity_raw: str | None
    corrective_action: str | None
    due: str | None
    codes: tuple[str, ...]


@dataclass(frozen=True)
class ReportSpec:
    doc_id: str
    layout: str
    seed: int
    meta: AuditMeta
    site_description: str
    summary: str
    demographics: Demographics
    findings: tuple[FindingSpec, ...]
    options: dict[str, bool] = field(default_factory=dict)  # layout switches drawn per document

    def of_kind(self, kind: FindingKind) -> list[FindingSpec]:
        return [f for f in self.findings if f.kind == kind]
