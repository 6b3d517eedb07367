"""A layout's profile: the wording and conventions one audit template prints.

The profile is what makes two layouts of the same standard differ the way real reports do:
header wording, grade vocabulary, clause style, date formats and which fields exist at all.
Rendering lives in the layout module next to its profile.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from extractor.record.schema import Announcement, AuditType, Severity, Standard

# Printed forms of audit types and announcement, shared unless a layout overrides them.
AUDIT_TYPE_TEXT: dict[AuditType, tuple[str, ...]] = {
    "initial": ("Initial", "Full initial", "Initial audit"),
    "periodic": ("Periodic", "Periodic audit", "Annual"),
    "follow_up": ("Follow-up", "Follow up audit", "Follow-up visit"),
    "re_audit": ("Re-audit", "Re-assessment"),
    "special": ("Special", "Special investigation"),
}
ANNOUNCEMENT_TEXT: dict[Announcement, tuple[str, ...]] = {
    "announced": ("Announced",),
    "semi_announced": ("Semi-announced", "Semi announced"),
    "unannounced": ("Unannounced",),
}


def clause_as_is(base: str, rng: random.Random) -> str:
    return base


@dataclass(frozen=True)
class Profile:
    name: str
    standard: Standard
    family: str  # "table", "prose" or "legacy"
    held_out: bool
    versions: tuple[tuple[str | None, str], ...]  # (version as printed, standard title)
    meta_date_style: str
    text_date_styles: tuple[str, ...]
    severity_raw: dict[Severity, tuple[str, ...]]
    observation_raw: tuple[str | None, ...] = (None,)
    good_practice_raw: tuple[str | None, ...] = (None,)
    clause_style: Callable[[str, random.Random], str | None] = clause_as_is
    topics: dict[str, str] | None = None  # area -> printed topic; None: topic not printed
    titles: bool = False
    evidence_rate: float = 1.0  # share of findings printed with a separate evidence field
    actions: bool = True
    due_style: str | None = "timescale"  # "timescale", "date" or None
    findings_range: tuple[int, int] = (4, 14)
    observations: bool = True
    good_practices: bool = True
    audit_types: tuple[AuditType, ...] = ("initial", "periodic", "follow_up")
    audit_type_text: dict[AuditType, tuple[str, ...]] = field(
        default_factory=lambda: AUDIT_TYPE_TEXT
    )
    announcement_text: dict[Announcement, tuple[str, ...]] = field(
        default_factory=lambda: ANNOUNCEMENT_TEXT
    )
    countries: tuple[str, ...] = ("BD", "VN", "CN", "TR", "IN", "MX", "MY", "TH", "KH", "PK")
    pagesize: str = "A4"
