"""Vocabulary that names a finding's fields: table header cells and prose sub-field labels.

Maps printed wording ("Description of non-compliance", "Objective evidence:", "Timescale") to
RawFinding fields, and section headings ("Observations", "Good examples") to a finding kind.
Only vocabulary lives here; the table and prose readers decide where to apply it.
"""

from __future__ import annotations

import functools
import re

from extractor.record.schema import FindingKind

# Pseudo-fields: "ref" is a row number, "area" holds a clause code or a topic name depending on
# its values, "ignore" is printed but not part of the record (local law, verification status).
REF, AREA, IGNORE = "ref", "area", "ignore"

# Checked in order: the first pattern that matches the header cell decides.
HEADER_FIELDS: tuple[tuple[str, str], ...] = (
    (r"^(#|no\.?|nr\.?|s/?n|sr\.? ?no\.?|item|ref\.?|finding (id|no\.?|number)|id)$", REF),
    (
        r"local law|legal requirement|law ?/ ?code|code requirement|eti requirement|requirement"
        r"|legal reference|root cause|verification|status|closed|remarks?",
        IGNORE,
    ),
    (r"corrective|remediation|action|capa|recommendation|improvement plan", "corrective_action"),
    (r"time ?scale|time ?frame|deadline|due|target date|completion date|date to be", "due"),
    (r"evidence|^basis of (the )?finding$", "evidence"),
    (
        r"finding type|nc type|type of (finding|nc)|classification|severity|grade|rating|risk"
        r"|priority|level|^nature of (the )?(finding|nc)$",
        "severity",
    ),
    (r"title|subject|heading", "title"),
    (
        r"description|details?|non[- ]?complian|non[- ]?conformit|observation|finding|issue found"
        r"|\bnc\b|findings",
        "description",
    ),
    (
        r"clause|code section|\bcode\b|^pa$|performance area$"
        r"|standard ref|section",
        AREA,
    ),
    (r"issue|area|topic|category|subject matter|element|pillar|indicator", AREA),
)
_HEADER_PATTERNS = tuple((re.compile(p), field) for p, field in HEADER_FIELDS)

# Labelled sub-fields ("Evidence: ...", a key-value box's label cell), matched against the whole
# label. Several wordings per field: audit firms and schemes each name them their own way.
LABEL_FIELDS: tuple[tuple[str, str], ...] = (
    (
        r"(objective |audit |supporting |verification )?evidence( reviewed| sighted| found)?"
        r"|verified by|verification|means of verification|source( of evidence)?"
        r"|records? (reviewed|sighted|checked)|documents? (reviewed|sighted)|basis"
        r"|basis (of|for) (the )?finding"
        r"|how (it was )?verified|proof|evidence (and|/) source",
        "evidence",
    ),
    (
        r"(recommended |required |proposed |suggested )?corrective (and preventive )?actions?"
        r"( required| plan| taken| proposed)?|recommended actions?|actions? (required|plan|taken)"
        r"|action|(recommended |required )?remediation( plan| required)?|capa|recommendations?"
        r"|improvement plan"
        r"|(company|factory|supplier|management)'?s? (action plan|response|commitment)"
        r"|(immediate|sustainable) (action|improvement)s?|plan|required action",
        "corrective_action",
    ),
    (
        r"grade|severity|rating|classification|risk( level| rating)?|nc classification|priority"
        r"|finding type|type of finding|nc type|level|category of (finding|nc)|status of finding"
        r"|(non[- ]?)?conformity (grade|level|type)|nature of (the )?(finding|nc)",
        "severity",
    ),
    (
        r"time ?scale|time ?frame|due( date)?|deadline|target( completion)? date|completion date"
        r"|timeline|by when|implementation date|to be completed by|closure date",
        "due",
    ),
    (
        r"description( of (the )?(finding|issue|non[- ]?complian\w*|non[- ]?conformit\w*))?"
        r"|details?( of (the )?(finding|issue|nc|non[- ]?complian\w*|non[- ]?conformit\w*))?"
        r"|finding( details| description)?|findings|non[- ]?conformit(y|ies)|non[- ]?compliance"
        r"|observation|observed|issue( found| identified| description)?|statement of (nc|finding"
        r"|non[- ]?complian\w*|non[- ]?conformit\w*)|explanation|what was found|situation found"
        r"|problem|concern|(nc|finding) statement|summary of (the )?(finding|issue)",
        "description",
    ),
    (
        r"clause|code section|standard clause|reference|requirement ref|ref(erence)? no\.?"
        r"|code( element)?|provision|compliance point|question( no\.?)?|element|benchmark"
        r"|standard reference|code ref(erence)?",
        "clause",
    ),
    (r"issue area|area|topic|category|subject|performance area|cluster|section", "topic"),
    (r"title|heading|issue title|finding title", "title"),
    (
        r"local law( or code requirement)?|legal requirement|law|code requirement"
        r"|root cause( analysis)?|requirement"
        r"|legal reference|applicable (law|legislation)|(local )?legislation|standard requirement"
        r"|status|verification status|follow[- ]up status|comments?|remarks?|notes?"
        r"|responsible( person)?|person responsible|owner|no\.?|ref\.?|nc no\.?|finding no\.?"
        r"|number of workers affected|workers affected|isolated or systemic|systemic|repeat"
        r"|(previous|prior) (finding|audit)|progress|update",
        IGNORE,
    ),
)
_LABEL_PATTERNS = tuple((re.compile(p, re.I), field) for p, field in LABEL_FIELDS)

_KIND_WORDS: tuple[tuple[str, FindingKind], ...] = (
    (
        r"good (practice|example)s?|best practices?|positive (aspects?|findings?|practices?)"
        r"|strengths?|notable|noteworthy|commendable",
        "good_practice",
    ),
    (
        r"observations?|opportunit(y|ies) for improvement|recommendations?|risks? of non"
        r"|advisor(y|ies)|uncorroborated|^(auditor'?s? )?(comments?|remarks?|notes)$",
        "observation",
    ),
    (
        r"non[- ]?complian|non[- ]?conformit|\bncs?\b|findings?|corrective action|capa?r?\b"
        r"|violations?|issues? (found|identified)",
        "non_compliance",
    ),
)
_KIND_PATTERNS = tuple((re.compile(p, re.I), kind) for p, kind in _KIND_WORDS)


def normalise_text(text: str | None) -> str:
    """Collapse runs of whitespace (line breaks in cells included) to single spaces."""
    return re.sub(r"\s+", " ", text or "").strip()


def header_key(cell: str) -> str:
    return re.sub(r"[^a-z0-9#/&. -]+", " ", normalise_text(cell).lower()).strip()


@functools.lru_cache(maxsize=4096)
def header_field(cell: str) -> str | None:
    """Return the field a findings-table header cell names, or None when it names none."""
    candidates = [header_key(cell)]
    # Narrow columns wrap words mid-way ("NC classifica" / "tion"): also try the joined form,
    # and let the more specific vocabulary (earlier in HEADER_FIELDS) decide between the two.
    if "\n" in cell:
        candidates.append(header_key(re.sub(r"(?<=[a-z])\n(?=[a-z])", "", cell)))
    for pattern, field in _HEADER_PATTERNS:
        if any(key and len(key.split()) <= 8 and pattern.search(key) for key in candidates):
            return field
    return None


@functools.lru_cache(maxsize=4096)
def label_field(label: str) -> str | None:
    """Return the field a prose sub-field label ('Objective evidence') names."""
    for pattern, field in _LABEL_PATTERNS:
        if pattern.fullmatch(label.strip()):
            return field
    return None


@functools.lru_cache(maxsize=4096)
def section_kind(heading: str) -> FindingKind | None:
    """Return the kind of finding a section heading announces, or None for other sections."""
    for pattern, kind in _KIND_PATTERNS:
        if pattern.search(heading):
            return kind
    return None
