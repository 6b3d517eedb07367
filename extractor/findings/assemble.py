"""Turn the printed values of one finding (field -> text) into a RawFinding.

Every layout's findings go through here, so text, grades, clause codes and kinds are normalised
the same way whatever printed them. It never looks at blocks or the PDF.
"""

from __future__ import annotations

import re

from extractor.audit.clauses import clean_clause
from extractor.audit.severity import find_grade, kind_from_grade, normalise_severity
from extractor.findings.fields import normalise_text
from extractor.findings.fields import section_kind as kind_of_heading
from extractor.findings.model import RawFinding
from extractor.record.schema import BBox, FindingKind, Provenance, Standard

# What an empty slot prints: not applicable, none, a dash.
_NO_VALUE = re.compile(
    r"\s*(?:n\s*/\s*a|n\.a\.?|na|none|nil|not applicable|not rated|[-\u2013\u2014/]+)?\s*",
    re.IGNORECASE,
)
# Starting confidence by how the finding was recognised (before field and OCR adjustments).
SOURCE_CONFIDENCE = {"table": 0.9, "borderless": 0.8, "prose_labelled": 0.75, "prose": 0.6}
OCR_FACTOR = 0.8
# A grade slot holding a kind word ('Advisory', 'Remark') holds it alone.
MAX_KIND_WORDS = 3
_SHORT_WORDS = {"a", "an", "at", "by", "in", "is", "of", "on", "or", "to", "and", "the", "nc"}


def unwrap_short(text: str) -> str:
    """Rejoin a word a narrow cell broke across lines ('Observatio n' -> 'Observation')."""
    text = normalise_text(text)

    def join(match: re.Match[str]) -> str:
        tail = match.group(2)
        return match.group(0) if tail.lower() in _SHORT_WORDS else match.group(1) + tail

    return re.sub(r"([a-z]{3,}) ([a-z]{1,2})\b", join, text)


def _kind_word(text: str | None) -> FindingKind | None:
    """An observation or good-practice word the grade vocabulary does not list ('Advisory')."""
    if not text or len(text.split()) > MAX_KIND_WORDS:
        return None
    kind = kind_of_heading(text)
    return kind if kind in ("observation", "good_practice") else None


def printed_grade(text: str, standard: Standard) -> str | None:
    """The grade a finding's grade slot prints, without what shares the slot with it.

    'Prohibition of forced labour: Major' -> 'Major', 'Finding 14: Observation' ->
    'Observation'; a bare finding-type word ('Non-compliance', 'Finding') grades nothing;
    wording the vocabulary does not know ('B', 'Amber 2') is kept as printed.
    """
    text = unwrap_short(text)
    if _NO_VALUE.fullmatch(text):
        return None  # an empty grade slot: 'N/A', '-', 'None'
    grade = find_grade(text, standard)
    if grade is None:
        # A code read into the grade slot ('Principle 3.4') is no grade.
        if re.search(r"\d", text) and clean_clause(text, standard) is not None:
            return None
        # 'Compensation and benefits: Advisory': a kind word after the topic is the grade.
        tail = text.rsplit(":", 1)[-1].strip()
        if tail != text and _kind_word(tail) is not None:
            return tail
        if len(text.split()) <= MAX_KIND_WORDS and kind_of_heading(text) == "non_compliance":
            return None  # a finding-type word the vocabulary lacks ('Finding', 'Violation')
        return text or None
    if grade.kind == "non_compliance" and grade.severity is None:
        return None
    return _singular_grade(grade.text, standard)


# The plural noun of a part heading grading a group of findings ('Major violations').
_PLURAL_FINDINGS = re.compile(
    r"\s+(?:violations|issues|findings|breaches|problems|ncs|ncrs|"
    r"non-?conformit(?:ies|ys)|non-?conformances|non-?compliances)\s*$",
    re.IGNORECASE,
)


def _singular_grade(text: str, standard: Standard) -> str:
    """One finding's grade from a part heading's grade of many ('Major violations' -> 'Major',
    'Urgent non-conformities' -> 'Urgent', 'Notable Practices' -> 'Notable Practice')."""
    bare = _PLURAL_FINDINGS.sub("", text)
    if bare != text:
        grade = find_grade(bare, standard)
        if grade is not None and grade.severity is not None and grade.text == bare:
            return bare
        return text
    if len(text) > 3 and text.endswith("s") and not text.endswith("ss"):
        single = text[:-1]
        grade = find_grade(single, standard)
        if grade is not None and grade.text == single and grade.kind != "non_compliance":
            return single
    return text


def make_finding(
    values: dict[str, str],
    *,
    standard: Standard,
    section_kind: FindingKind | None,
    page: int,
    bbox: BBox,
    source: str,
    ocr: bool = False,
) -> RawFinding | None:
    """Build a RawFinding from printed values; None when there is no description."""
    text = {field: normalise_text(value) for field, value in values.items() if value}
    description = text.get("description")
    if not description:
        return None
    severity_raw = printed_grade(text["severity"], standard) if text.get("severity") else None
    kind = (
        kind_from_grade(text.get("severity"), standard)
        or _kind_word(text.get("severity"))
        or section_kind
        or "non_compliance"
    )
    severity = normalise_severity(severity_raw, standard) if kind == "non_compliance" else None
    clause = clean_clause(text["clause"], standard, ocr=ocr) if text.get("clause") else None
    if text.get("clause") and clause is None and not text.get("topic"):
        # A clause column or label holding a name, not a code ("Wages and benefits").
        text["topic"] = text["clause"]
    confidence = SOURCE_CONFIDENCE[source]
    if kind == "non_compliance":
        # A non-compliance without evidence or grade is more likely a mis-read than a real one.
        confidence -= 0.1 * sum(1 for field in ("evidence", "severity") if not text.get(field))
    if ocr:
        confidence *= OCR_FACTOR
    return RawFinding(
        kind=kind,
        clause=clause or None,
        topic=text.get("topic") or None,
        title=text.get("title") or None,
        description=description,
        evidence=text.get("evidence") or None,
        severity=severity,
        severity_raw=severity_raw or None,
        corrective_action=text.get("corrective_action") or None,
        due=unwrap_short(text["due"]) if text.get("due") else None,
        provenance=Provenance(page=page, bbox=bbox),
        confidence=round(max(0.05, min(1.0, confidence)), 2),
    )
