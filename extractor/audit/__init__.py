"""What the report says about the audit itself: standard and version, cover-page metadata, and
the vocabularies behind it (dates, countries, grades, clause codes)."""

from extractor.audit.clauses import (
    ClauseMatch,
    clean_clause,
    find_clauses,
    looks_like_clause,
    repair_ocr_clause,
)
from extractor.audit.countries import country_code, find_country
from extractor.audit.dates import find_dates, infer_date_order, parse_date
from extractor.audit.formats import detect_format
from extractor.audit.metadata import extract_audit_info
from extractor.audit.severity import (
    GradeMatch,
    find_grade,
    find_grades,
    kind_from_grade,
    normalise_severity,
)

__all__ = [
    "ClauseMatch",
    "GradeMatch",
    "clean_clause",
    "country_code",
    "detect_format",
    "extract_audit_info",
    "find_clauses",
    "find_country",
    "find_dates",
    "find_grade",
    "find_grades",
    "infer_date_order",
    "kind_from_grade",
    "looks_like_clause",
    "normalise_severity",
    "parse_date",
    "repair_ocr_clause",
]
