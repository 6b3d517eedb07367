"""The contract: the records the platform ingests (`AuditRecord`, `ErrorRecord`) and the error
catalogue. Holds no parsing logic; every other stage produces or reads these models."""

from extractor.record.errors import ReportError
from extractor.record.schema import (
    AuditInfo,
    AuditRecord,
    Entity,
    ErrorRecord,
    Finding,
    IloIndicator,
    Provenance,
    finding_text,
    json_schema,
)

__all__ = [
    "AuditInfo",
    "AuditRecord",
    "Entity",
    "ErrorRecord",
    "Finding",
    "IloIndicator",
    "Provenance",
    "ReportError",
    "finding_text",
    "json_schema",
]
