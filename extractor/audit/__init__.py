"""What the report says about the audit itself: standard and version, cover-page metadata, and
the vocabularies behind it (dates, countries, grades)."""

from extractor.audit.formats import detect_format
from extractor.audit.metadata import extract_audit_info
from extractor.audit.severity import kind_from_grade, normalise_severity

__all__ = ["detect_format", "extract_audit_info", "kind_from_grade", "normalise_severity"]
