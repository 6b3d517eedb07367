"""What one block's text says on its own: a finding's ID or count, a field's name, a grade or
a kind word.

Pure functions of the text (and the standard's grade vocabulary). The grouping rules
(`extractor.findings.grouping`) use them to decide which finding a block belongs to and which
of its fields it fills.
"""

from __future__ import annotations

import re

from extractor.audit.severity import GradeMatch, find_grade
from extractor.findings.fields import AREA, REF, header_field, label_field, section_kind
from extractor.reading.blocks import Block
from extractor.record.schema import FindingKind, Standard

# A grade the reader left outside a finding but printed among its blocks ('Urgent' in a
# finding's header row) is read when it is the whole of a block this short.
MAX_GRADE_WORDS = 4
# '[Minor] ...', '(Observation) - ...': a bracketed tag opening a finding's text.
_LEADING_TAG = re.compile(r"\s*[\[(]([^\[\]()]{1,40})[\])]\s*[:\-–]?\s*")
# A finding's ID or number alone: 'F-11', 'Item 4', 'No. 3', '#12', 'OBS-2'.
_REFERENCE_ONLY = re.compile(
    r"(?:(?:item|no|nr|ref|finding|issue)\.?\s*)?#?\s*[A-Z]{0,4}[-\s]?\d{1,4}[.:]?", re.IGNORECASE
)
# A finding's ID opening a heading: 'NC-11', 'NCR 3:', 'CAR #2 |'.
FINDING_ID = re.compile(r"^\s*(?:NCR?|CAR)\s*[-#.]?\s*\d[\w.\-/]*\s*[:|\-–]?\s*", re.IGNORECASE)
# A grade slot's name is short ('PRIORITY', 'Finding type', 'NC grade level'); a longer label
# before a grade is a topic ('Section A1 Freely chosen employment').
MAX_SLOT_WORDS = 3


def field_name(text: str) -> bool:
    """A heading that names a finding's field ('Finding', 'Code Section', 'Objective Evidence')."""
    name = text.strip().rstrip(":").strip()
    return label_field(name) is not None or header_field(name) is not None


def bare_field_name(text: str) -> bool:
    """A short field name with no number or grade in it ('Finding classification'), not a
    heading that names a part ('Section 7 - Notable practices', 'Issues rated Serious')."""
    if len(text.split()) > MAX_SLOT_WORDS or re.search(r"\d", text):
        return False
    grade = find_grade(text)
    return (grade is None or grade.severity is None) and field_name(text)


def kind_cell(text: str) -> bool:
    """A cell holding nothing but an observation or good-practice word that the grade
    vocabulary does not list ('Advisory'), and that names no field ('Observation details',
    'FLA recommendation')."""
    words = text.split()
    if not 0 < len(words) <= 2 or find_grade(text) is not None or field_name(text):
        return False  # a column's name ('FLA recommendation') is no kind
    return section_kind(text) in ("observation", "good_practice") and not re.search(
        r"\b(details?|description|summary|evidence|noted|type)\b", text, re.IGNORECASE
    )


def whole_kind(text: str, standard: Standard) -> bool:
    """A text that is nothing but a grade or finding-type word ('Noncompliance', 'Major')."""
    grade = find_grade(text, standard)
    if grade is not None:
        return grade.start == 0 and grade.end >= len(text.rstrip(" .:"))
    return kind_cell(text)


def text_kind(text: str, standard: Standard) -> FindingKind | None:
    """The kind a heading's text states ('Observation 2', 'Finding 3: Noncompliance'); None
    when it states none."""
    grade = find_grade(text, standard)
    if grade is not None and grade.kind is not None:
        return grade.kind
    kind = section_kind(text)
    return kind if kind in ("observation", "good_practice") else None


def whole_grade(block: Block, standard: Standard) -> GradeMatch | None:
    """The grade a short block prints as the whole of its text ('Urgent', 'Observation')."""
    if len(block.text.split()) > MAX_GRADE_WORDS:
        return None
    grade = find_grade(block.text, standard)
    if grade is not None and grade.start == 0 and grade.end >= len(block.text.rstrip(" .:")):
        return grade
    return None


def leading_grade(text: str, standard: Standard) -> tuple[str, str] | None:
    """A grade or kind tag in brackets opening a finding's text ('[Minor] ...',
    '(Observation) ...'): the tag and the text after it; None when the text opens with none."""
    match = _LEADING_TAG.match(text)
    if match is None:
        return None
    tag = match.group(1).strip()
    return (tag, text[match.end() :]) if whole_kind(tag, standard) else None


def bare_number(text: str) -> bool:
    """A heading that prints nothing but a number ('3', '3.'): the finding's own count, for a
    clause heading names its topic too ('3. Child labour')."""
    return re.fullmatch(r"\s*\d{1,3}\s*[.):]?\s*", text) is not None


def reference_only(text: str) -> bool:
    """A heading that prints nothing but a finding's ID or number ('F-11', 'Item 4', '#3')."""
    return _REFERENCE_ONLY.fullmatch(text.strip()) is not None


def names_clause(label: str | None) -> bool:
    """A label naming the clause field ('Clause', 'ETI clause', 'Code ref')."""
    return bool(label) and (
        label_field(label) == "clause" or header_field(label) in ("clause", AREA)
    )


def names_id(text: str) -> bool:
    """A field name for a finding's ID ('Item', 'No.'), alone or with the ID ('ID 2')."""
    return header_field(text) == REF or (
        reference_only(text) and header_field(text.split()[0]) == REF
    )


# The number a finding's own ID prints: 'Non-conformance 2', 'Finding 4', 'NC 3', 'Ref 3'.
_ID_NUMBER = re.compile(
    r"\s*(?:(?:finding|non[- ]?conformance|non[- ]?conformity|non[- ]?compliance|ncr?|car"
    r"|observation|obs|item|issue|ref(?:erence)?|no|nr)\.?\s*(?:no\.?|#)?|#)\s*(\d{1,3})"
    r"(?=\s*(?:[:|\-–.]|$))",
    re.IGNORECASE,
)
# A number and a kind or grade word and nothing else: '2: Noncompliance', '3 | Note'.
_NUMBERED_KIND = re.compile(r"\s*(\d{1,3})\s*[:.)|\-–]\s*(\S.{0,40}?)\s*[.:]?\s*")


def id_number(text: str | None, standard: Standard = "generic") -> str | None:
    """The finding number an ID prints ('Non-conformance 2' -> '2', '3: Note' -> '3'), else
    None. A clause heading names its topic ('3. Child labour'), not a kind."""
    if not text:
        return None
    found = _ID_NUMBER.match(text)
    if found is not None:
        return str(int(found.group(1)))
    numbered = _NUMBERED_KIND.fullmatch(text)
    if numbered is None:
        return None
    name = numbered.group(2)
    grade = find_grade(name, standard)
    whole = grade is not None and grade.start == 0 and grade.end >= len(name.rstrip(" .:"))
    return str(int(numbered.group(1))) if whole or kind_cell(name) else None
