"""Map grades as printed ('Major NC', 'Zero Tolerance', 'Priority') to the record's severity.

Also says when a grade marks a finding as an observation or good practice rather than a
non-compliance. It never invents a grade: unknown wording gives None.
"""

from __future__ import annotations

import re

from extractor.record.schema import FindingKind, Severity, Standard

_CRITICAL = (
    "business critical",
    "zero tolerance",
    "zero-tolerance",
    "critical",
    "crit",
    "cr",
    "zt",
)
_MAJOR = ("major", "maj", "serious", "significant", "high")
_MINOR = ("minor", "min", "low", "moderate", "medium")
_OBSERVATION = (
    "observation",
    "obs",
    "risk of non-conformance",
    "risk of non conformance",
    "risk of nc",
    "opportunity for improvement",
    "ofi",
    "recommendation",
    "concern",
)
_GOOD = ("good practice", "good example", "best practice", "positive", "good")


def _words(raw: str) -> str:
    return " " + re.sub(r"[^a-z]+", " ", raw.lower()).strip() + " "


def _has(text: str, terms: tuple[str, ...]) -> bool:
    return any(f" {term} " in text for term in terms)


def normalise_severity(raw: str | None, standard: Standard) -> Severity | None:
    """Return critical, major or minor for a printed grade; None for observations or unknowns."""
    if not raw or not raw.strip():
        return None
    text = _words(raw)
    if _has(text, _OBSERVATION) or _has(text, _GOOD):
        return None
    # RBA's top grade is "Priority"; elsewhere "priority" is a column name, not a grade.
    if standard == "rba" and " priority " in text:
        return "critical"
    if _has(text, _CRITICAL):
        return "critical"
    if _has(text, _MAJOR):
        return "major"
    if _has(text, _MINOR):
        return "minor"
    return None


def kind_from_grade(raw: str | None) -> FindingKind | None:
    """Return the finding kind a printed grade or type implies, or None when it says nothing."""
    if not raw or not raw.strip():
        return None
    text = _words(raw)
    if _has(text, _GOOD):
        return "good_practice"
    if _has(text, _OBSERVATION):
        return "observation"
    if _has(text, _CRITICAL + _MAJOR + _MINOR) or _has(
        text, ("nc", "non compliance", "non conformity", "non conformance", "priority")
    ):
        return "non_compliance"
    return None
