"""Field labels: several wordings per field, printed in a document's case and punctuation.

A document picks one wording per field (family preferences first, then shared synonyms) and
keeps it, the way one report template does; the corpus as a whole sees them all. Labels are
printed, never part of a gold value.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .families import Family

SYNONYMS: dict[str, tuple[str, ...]] = {
    "description": (
        "Description of non-compliance",
        "Details of non-compliance",
        "Finding",
        "Finding details",
        "Description",
        "Issue description",
        "Audit finding",
        "Description of finding",
        "Details",
        "What was found",
        "Non-compliance",
    ),
    "description_obs": ("Observation", "Details", "Description", "Comment", "Observation details"),
    "description_good": ("Good practice", "Details", "Description", "Positive practice noted"),
    "evidence": (
        "Objective evidence",
        "Evidence",
        "Evidence observed",
        "Audit evidence",
        "Supporting evidence",
        "Basis of finding",
        "Evidence seen",
        "Source of evidence",
    ),
    "clause": (
        "Clause",
        "Code clause",
        "Requirement",
        "Standard clause",
        "Code ref.",
        "Provision",
        "Reference to code",
    ),
    "topic": ("Issue", "Area", "Issue area", "Category", "Topic", "Subject", "Section"),
    "title": ("Title", "Finding title", "Short title", "Heading", "Summary"),
    "grade": (
        "Grade",
        "Severity",
        "Rating",
        "Risk level",
        "Priority",
        "Classification",
        "Level",
        "Grading",
    ),
    "kind": ("Type", "Finding type", "Category", "Nature of finding", "Type of finding"),
    "action": (
        "Corrective action",
        "Recommended corrective action",
        "Corrective action required",
        "Required action",
        "Recommendation",
        "Remediation",
        "Action required",
        "Corrective and preventive action",
    ),
    "due": (
        "Timescale",
        "Due date",
        "Deadline",
        "Target date",
        "Time frame",
        "Completion date",
        "Timeline",
        "By when",
    ),
    "law": (
        "Local law",
        "Local law or code requirement",
        "Legal requirement",
        "Law / code requirement",
        "Applicable law",
        "Legal reference",
    ),
    "root_cause": ("Root cause", "Root cause analysis", "Cause", "Underlying cause"),
    "status": ("Status", "Follow-up status", "Current status", "Progress"),
    "plan": (
        "Company action plan",
        "Facility action plan",
        "Management response",
        "Supplier's action plan",
        "Factory response",
    ),
    "ref": ("Ref", "No.", "#", "NC No.", "NC ref.", "Finding No.", "ID", "Item"),
    "affected": ("Workers affected", "Number of workers affected", "No. of workers affected"),
    "question": ("Question", "Compliance question", "Requirement checked"),
    "answer": ("Answer", "Result", "Compliant?", "Response"),
}


@dataclass(frozen=True)
class Labels:
    """One document's label wording: a wording per field, a case and a punctuation."""

    wording: dict[str, str]
    case: str  # "title", "upper" or "sentence"
    colon: bool
    bold: bool = True

    def bare(self, name: str) -> str:
        """The label of field `name` in this document's case, without punctuation."""
        return _cased(self.wording[name], self.case)


def draw_labels(rng: random.Random, family: Family, *, case: str, colon: bool) -> Labels:
    """Pick one wording per field: a family wording half of the time, else a shared synonym."""
    wording: dict[str, str] = {}
    for name, options in SYNONYMS.items():
        preferred = family.labels.get(name, ())
        if preferred and rng.random() < 0.6:
            wording[name] = rng.choice(preferred)
        else:
            wording[name] = rng.choice(options + preferred)
    # "Priority" is RBA's top grade; as a label there it would read as a grade.
    if family.standard == "rba" and wording["grade"] == "Priority":
        wording["grade"] = "Severity"
    return Labels(wording, case, colon, bold=rng.random() < 0.8)


def _cased(text: str, case: str) -> str:
    if case == "upper":
        return text.upper()
    if case == "title":
        small = {"of", "or", "and", "to", "for", "the", "a", "by"}
        words = text.split(" ")
        return " ".join(
            w if (i and w in small) or not w[:1].isalpha() else w[:1].upper() + w[1:]
            for i, w in enumerate(words)
        )
    return text[:1].upper() + text[1:]
