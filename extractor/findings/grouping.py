"""Group labelled blocks into findings and read each finding's fields from its blocks.

The block reader says, for every block, what it is (description, evidence, grade, a finding's
heading, ..., or not part of a finding) and whether it starts a finding. This module walks the
blocks in reading order, opens a finding at each start, and closes it at the next start or when
too much unrelated text comes between its blocks. Short fields the labeller did not place in a
block of their own (a grade or clause printed inside a heading) are read from the finding's
heading and header cells with the grade and clause vocabularies. It never looks at the PDF.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from extractor.audit.clauses import clean_clause, find_clauses
from extractor.audit.severity import find_grade
from extractor.findings.assemble import make_finding
from extractor.findings.fields import label_field, section_kind
from extractor.findings.model import RawFinding
from extractor.findings.supervision import OUTSIDE, ROLES
from extractor.reading.blocks import Block
from extractor.record.schema import FindingKind, Standard

# Unrelated blocks (not furniture) allowed between two blocks of one finding.
MAX_GAP_BLOCKS = 6
# A block whose role its finding already has may take an unfilled role this probable instead.
MIN_ALTERNATIVE = 0.15
TEXT_ROLES = ("description", "evidence", "corrective_action")
SHORT_ROLES = {"severity": "severity", "clause": "clause", "due": "due", "topic": "topic"}
FINDING_WORD = re.compile(
    r"^(?:finding|non[- ]?conformit(?:y|ies)|non[- ]?conformance|non[- ]?compliance|nc|obs"
    r"|observation|ofi|good practice|good example|notable (?:practice|feature))\b"
    r"\s*(?:no\.?|#)?\s*[-–:]?\s*(?:[A-Z]{0,3}[-.]?\d+(?:[.-]\d+)*[a-z]?)?\s*[-–:.]?\s*",
    re.IGNORECASE,
)
MAX_TOPIC_WORDS = 8


@dataclass
class _Draft:
    blocks: list[Block] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)


def group_findings(
    blocks: Sequence[Block],
    roles: Sequence[str],
    starts: Sequence[bool],
    *,
    standard: Standard,
    scores: Sequence[float] | None = None,
    proba: np.ndarray | None = None,
) -> list[RawFinding]:
    """Return the findings printed by `blocks`, given each block's role and start flag.

    With `proba` (role probabilities per block, columns in `ROLES` order), a block whose role
    its finding already holds in another block may take the most probable role the finding
    still lacks instead of starting a new finding: one finding's evidence misread as a second
    description must not split it.
    """
    drafts: list[_Draft] = []
    current: _Draft | None = None
    gap = 0
    for i, block in enumerate(blocks):
        role = roles[i]
        if role == OUTSIDE:
            if current is not None and not block.furniture:
                gap += 1
                if gap > MAX_GAP_BLOCKS:
                    current = None
            continue
        if current is not None and not starts[i] and proba is not None:
            role = _unfilled_alternative(current, role, block, proba[i])
        if current is None or starts[i] or _repeats_field(current, role, block):
            current = _Draft()
            drafts.append(current)
        current.blocks.append(block)
        current.roles.append(role)
        current.scores.append(scores[i] if scores is not None else 1.0)
        gap = 0
    findings = []
    for draft in drafts:
        finding = _finding(draft, standard)
        if finding is not None:
            findings.append(finding)
    return findings


def _unfilled_alternative(draft: _Draft, role: str, block: Block, row: np.ndarray) -> str:
    if role not in TEXT_ROLES or not _repeats_field(draft, role, block):
        return role
    choices = [r for r in (*TEXT_ROLES, "OTHER") if r != role and r not in draft.roles]
    best = max(choices, key=lambda r: row[ROLES.index(r)], default=None)
    if best is not None and row[ROLES.index(best)] >= MIN_ALTERNATIVE:
        return best
    return role


def _repeats_field(draft: _Draft, role: str, block: Block) -> bool:
    """A second description in another cell or paragraph means a new finding began."""
    if role != "description" or "description" not in draft.roles:
        return False
    last = max(i for i, r in enumerate(draft.roles) if r == "description")
    previous = draft.blocks[last]
    if (
        block.page == previous.page
        and block.column == previous.column
        and _cut_sentence(previous, block)
    ):
        return False  # a sentence cut in two by a wide line gap (a wrapped cell read as lines)
    if last != len(draft.roles) - 1:
        return True
    if previous.table is not None and block.table == previous.table:
        # The rest of a cell cut by a page break continues the same row's column.
        return not (block.page != previous.page and block.col == previous.col)
    # A paragraph carried over a page or column break continues the same description.
    return block.page == previous.page and block.column == previous.column


def _cut_sentence(previous: Block, block: Block) -> bool:
    """`block` goes on with the sentence `previous` left unfinished, just below it."""
    if re.search(r"[.!?;:)\]'\"\u2019\u201d]\s*$", previous.text):
        return False
    line_height = max(previous.bbox[3] - previous.bbox[1], 1.0) / max(previous.n_lines, 1)
    gap = block.bbox[1] - previous.bbox[3]
    return 0 <= gap <= 2.5 * min(line_height, 14.0) and abs(block.bbox[0] - previous.bbox[0]) < 30


def _finding(draft: _Draft, standard: Standard) -> RawFinding | None:
    values: dict[str, str] = {}
    for role, block in zip(draft.roles, draft.blocks, strict=True):
        if role in TEXT_ROLES:
            values[role] = (
                f"{values[role]} {value_text(block)}" if role in values else value_text(block)
            )
        elif role in SHORT_ROLES and SHORT_ROLES[role] not in values:
            values[SHORT_ROLES[role]] = value_text(block)
        elif role == "title" and "title" not in values:
            values["title"] = value_text(block)
    heads = [b for r, b in zip(draft.roles, draft.blocks, strict=True) if r in ("HEAD", "OTHER")]
    _fields_from_heads(heads, values, standard)
    _fields_from_section(draft.blocks[0], values, standard)
    if not values.get("description"):
        return None
    first = draft.blocks[0]
    on_page = [b for b in draft.blocks if b.page == first.page]
    bbox = (
        min(b.bbox[0] for b in on_page),
        min(b.bbox[1] for b in on_page),
        max(b.bbox[2] for b in on_page),
        max(b.bbox[3] for b in on_page),
    )
    finding = make_finding(
        values,
        standard=standard,
        section_kind=_section_kind(draft, standard),
        page=first.page,
        bbox=bbox,
        source="table" if first.table is not None else "prose_labelled",
        ocr=first.ocr,
    )
    if finding is None:
        return None
    confidence = min(draft.scores) if draft.scores else 1.0
    return finding.model_copy(update={"confidence": round(min(finding.confidence, confidence), 2)})


def value_text(block: Block) -> str:
    """A block's text for a field: without a field label, but keeping a false one ('Workers
    said: ...' is a sentence, not a label)."""
    text = block.text
    if block.label and label_field(block.label) is None:
        text = f"{block.label}: {text}"
    return rejoin_breaks(text)


def rejoin_breaks(text: str) -> str:
    """Undo line breaks inside hyphenated words and dates ('2019-08 -22', 'non- compliance')."""
    text = re.sub(r"(?<=\w)- (?=\w)", "-", text)
    return re.sub(r"(?<=\d) -(?=\d)", "-", text)


def _fields_from_heads(heads: Sequence[Block], values: dict[str, str], standard: Standard) -> None:
    """Read a grade, clause and topic printed in a finding's heading or header cells."""
    for block in heads:
        text = block.text
        if block.label:
            name = label_field(block.label)
            if name in ("severity", "clause", "due", "topic", "title") and name not in values:
                values[name] = text
                continue
        grade = find_grade(text, standard)
        if "severity" not in values and grade is not None and grade.severity is not None:
            values["severity"] = grade.text
        clauses = find_clauses(text, standard, ocr=block.ocr)
        if "clause" not in values and len(text.split()) <= 2:
            # A cell that is nothing but a code, as OCR misreads it ("Al", "AS").
            code = clean_clause(text, standard, ocr=block.ocr)
            if code is not None:
                values["clause"] = code
        if "clause" not in values and clauses:
            values["clause"] = clauses[0].code
        if "topic" not in values and block.table is None and block.heading:
            rest = _remove_spans(text, [grade] if grade else [], clauses)
            rest = FINDING_WORD.sub("", rest).strip(" -–:.|()")
            if rest and len(rest.split()) <= MAX_TOPIC_WORDS and find_grade(rest) is None:
                values["topic"] = rest


def _fields_from_section(first: Block, values: dict[str, str], standard: Standard) -> None:
    """A finding printed under a clause or grade heading ('6.2 Working hours', 'Major
    non-conformities') takes that heading's code or grade when it prints none of its own."""
    if not first.section:
        return
    if "clause" not in values:
        clauses = find_clauses(first.section, standard, ocr=first.ocr)
        if clauses:
            values["clause"] = clauses[0].code
    if "severity" not in values:
        grade = find_grade(first.section, standard)
        if grade is not None and grade.severity is not None:
            values["severity"] = grade.text


def _remove_spans(text: str, grades: Sequence, clauses: Sequence) -> str:
    spans = sorted([(g.start, g.end) for g in grades] + [(c.start, c.end) for c in clauses])
    out, position = [], 0
    for start, end in spans:
        if start >= position:
            out.append(text[position:start])
            position = end
    out.append(text[position:])
    return re.sub(r"\s*[|–-]\s*[|–-]?\s*", " - ", " ".join("".join(out).split())).strip(" -")


def _head_kind(heads: Sequence[Block], standard: Standard) -> FindingKind | None:
    """The kind a finding's heading states ('Observation 2', 'Finding 3: Noncompliance')."""
    for block in heads:
        grade = find_grade(block.full_text, standard)
        if grade is not None and grade.kind is not None:
            return grade.kind
        kind = section_kind(block.full_text)
        if kind in ("observation", "good_practice"):
            return kind
    return None


def _section_kind(draft: _Draft, standard: Standard) -> FindingKind | None:
    """Kind from the finding's heading words or the section it is printed under."""
    heads = [b for r, b in zip(draft.roles, draft.blocks, strict=True) if r in ("HEAD", "OTHER")]
    kind = _head_kind(heads, standard)
    if kind is not None:
        return kind
    first = draft.blocks[0]
    if first.section:
        return section_kind(first.section)
    return None
