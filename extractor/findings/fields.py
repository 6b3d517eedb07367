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
    (r"evidence", "evidence"),
    (
        r"finding type|nc type|type of (finding|nc)|classification|severity|grade|rating|risk"
        r"|priority|level",
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
        r"|(non[- ]?)?conformity (grade|level|type)",
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
LABEL_LINE = re.compile(
    r"^\s*(?P<label>(?:" + "|".join(p for p, _ in LABEL_FIELDS) + r"))\s*[:：]\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_LABEL_PATTERNS = tuple((re.compile(p, re.I), field) for p, field in LABEL_FIELDS)

_KIND_WORDS: tuple[tuple[str, FindingKind], ...] = (
    (
        r"good (practice|example)s?|best practices?|positive (aspects?|findings?|practices?)"
        r"|strengths?|notable|noteworthy|commendable",
        "good_practice",
    ),
    (
        r"observations?|opportunit(y|ies) for improvement|recommendations?|risks? of non",
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


def join_broken_word(text: str, vocabulary: tuple[str, ...]) -> str:
    """Undo a word broken across lines of a narrow cell if that is a known word."""
    text = normalise_text(text)
    joined = text.replace(" ", "")
    for word in vocabulary:
        if joined.lower() == word.replace(" ", "").lower() and text.lower() != word.lower():
            return word if text.isupper() is False and word[0].isupper() else joined
    return text


CODE_LIKE = re.compile(
    r"^(?:[A-Z]{1,3}\s?)?\d{1,2}(?:\s?\.\s?\d{1,2}){0,3}[A-Z]?$|^[A-E]\d{0,2}(?:\.\d{1,2})?$"
)


def clean_clause(text: str) -> str:
    """Return a clause code as printed, with line-wrap spaces removed ('PA1 0' -> 'PA10')."""
    compact = normalise_text(text)
    squeezed = compact.replace(" ", "")
    # A code wrapped in a narrow column ("PA1 0") is still one code; a code with a name is not.
    if CODE_LIKE.match(compact) or CODE_LIKE.match(squeezed):
        return (
            squeezed if not re.match(r"^[A-Z]{2,3}\s\d", compact) or len(compact) < 7 else compact
        )
    return compact


# Letters tesseract reads for the digits of a short code ("Al" for A1, "BS" for B5).
_OCR_DIGITS = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0", "o": "0", "S": "5"})
_OCR_CODE = re.compile(
    r"^([A-Z]{1,3}?)([0-9lI|OoS]{1,2})$"  # A1, B5, PA10
    r"|^([0-9lI|Oo]{1,2}(?:\.[0-9lI|OoS]{1,2})+)$"  # 4.1, 3.1.2
)


def repair_ocr_clause(code: str) -> str:
    """Return a short OCR'd clause code with letters misread for digits put right ('Al' -> 'A1').

    Only codes of a letter prefix and one or two digits, or dotted numbers, are touched.
    """
    match = _OCR_CODE.match(code)
    if match is None:
        return code
    if match.group(3):
        return match.group(3).translate(_OCR_DIGITS)
    return match.group(1) + match.group(2).translate(_OCR_DIGITS)


def looks_like_code(text: str) -> bool:
    """True when a cell holds a clause code ('4.1', 'PA10', 'A3', '10C') rather than a name."""
    compact = normalise_text(text)
    return bool(compact) and bool(
        CODE_LIKE.match(compact) or CODE_LIKE.match(compact.replace(" ", ""))
    )
