"""Derive block labels from a true record: which block holds which field of which finding.

The block reader learns from these labels. They are derived, not annotated: a gold record (from
the corpus generator, or a reviewer's accepted correction) says what each finding's description,
evidence, grade, ... are and where the finding starts (`provenance`), and this module finds the
blocks that print them. So any report with a correct record, in any layout, is training data.

A finding's blocks are searched from its start (the first block inside its provenance box) up to
the next finding's start; only blocks inside that window can belong to it. Summary tables that
repeat a shortened description elsewhere in the report therefore stay "not a finding".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractor.audit.clauses import repair_ocr_clause
from extractor.reading.blocks import Block
from extractor.record.schema import AuditRecord, Finding, Standard

# Block roles the reader predicts. HEAD is a finding's own heading or header cell ("Finding 3:
# Noncompliance", "5.1 Hours of work"); OTHER is printed inside a finding but is no field of the
# record (labels, local law, root cause, reference numbers, status).
OUTSIDE = "O"
ROLES: tuple[str, ...] = (
    OUTSIDE,
    "HEAD",
    "description",
    "evidence",
    "corrective_action",
    "severity",
    "clause",
    "due",
    "topic",
    "title",
    "OTHER",
)
LONG_FIELDS = ("description", "evidence", "corrective_action")
SHORT_FIELDS = ("severity_raw", "clause", "due", "topic", "title")
ROLE_OF_FIELD = {"severity_raw": "severity"}
# Share of a block's words that must occur in a long field for the block to print it.
LONG_COVERAGE = 0.8
OCR_LONG_COVERAGE = 0.6
# Words a short field's block may print before its value ('ETI', 'Clause', 'Rating').
SHORT_PREFIX_WORDS = 2
# How far past its start a finding may run, in pages, when no later finding bounds it.
MAX_PAGES = 2


@dataclass(frozen=True)
class BlockLabel:
    """What a block is in the true record: its role and the finding it belongs to (or None)."""

    role: str
    finding: int | None = None  # index into record.findings
    start: bool = False  # the first block of its finding


def label_blocks(blocks: Sequence[Block], record: AuditRecord) -> list[BlockLabel]:
    """Return one label per block, from the true `record` of the same report."""
    labels = [BlockLabel(OUTSIDE) for _ in blocks]
    starts = [_start_index(blocks, finding) for finding in record.findings]
    order = sorted((s, i) for i, s in enumerate(starts) if s is not None)  # findings in block order
    for rank, (start, index) in enumerate(order):
        end = order[rank + 1][0] if rank + 1 < len(order) else len(blocks)
        finding = record.findings[index]
        window = [
            b
            for b in blocks[start:end]
            if b.page <= blocks[start].page + MAX_PAGES and not b.furniture
        ]
        roles = _field_roles(window, finding)
        if not roles:
            continue
        last = max(roles)
        for block in window:
            if block.index > last:
                break
            role = roles.get(block.index)
            if role is None:
                role = "HEAD" if block.index == start else "OTHER"
            labels[block.index] = BlockLabel(role, index, block.index == start)
    return labels


def _start_index(blocks: Sequence[Block], finding: Finding) -> int | None:
    """The first block (in reading order) whose box overlaps the finding's provenance box."""
    page, box = finding.provenance.page, finding.provenance.bbox
    best = None
    for block in blocks:
        if block.page != page or block.furniture:
            continue
        if _overlap(block.bbox, box) > 0.3 * _area(block.bbox):
            best = block.index
            break
    return best


def _field_roles(window: Sequence[Block], finding: Finding) -> dict[int, str]:
    roles: dict[int, str] = {}
    for block in window:
        role = block_role(block, finding)
        if role is not None:
            roles[block.index] = role
    return roles


def block_role(block: Block, finding: Finding) -> str | None:
    """Return the field of `finding` that `block` prints, or None."""
    words = _words(block.text)
    if not words:
        return None
    best: tuple[float, str] | None = None
    threshold = OCR_LONG_COVERAGE if block.ocr else LONG_COVERAGE
    for field in LONG_FIELDS:
        value = getattr(finding, field)
        if not value:
            continue
        coverage = _coverage(words, _words(value))
        if coverage >= threshold and (best is None or coverage > best[0]):
            best = (coverage, field)
    if best is not None and len(words) >= min(3, len(_words(getattr(finding, best[1])))):
        return best[1]
    text = _norm(block.text)
    for field in SHORT_FIELDS:
        value = getattr(finding, field)
        if value and _prints_short_value(text, _norm(value), block.ocr):
            return ROLE_OF_FIELD.get(field, field)
    if block.ocr and finding.clause and len(words) <= 2:
        # A code as OCR misreads it ("Al" for "A1", "PAl1" for "PA11").
        repaired = _norm(repair_ocr_clause("".join(block.text.split())))
        if repaired == _norm(finding.clause):
            return ROLE_OF_FIELD.get("clause", "clause")
    return None


def _prints_short_value(text: str, value: str, ocr: bool) -> bool:
    """True when a short block prints a short field: exactly, or with a prefix word or two
    ('ETI 6.2', 'Clause 2.5', 'Grade: Major' for '6.2', '2.5', 'Major')."""
    if not text or not value:
        return False
    if text == value or _short_match(text, value, ocr):
        return True
    words, wanted = text.split(), value.split()
    return len(words) <= len(wanted) + SHORT_PREFIX_WORDS and words[-len(wanted) :] == wanted


def _short_match(text: str, value: str, ocr: bool) -> bool:
    if not ocr or not text or not value:
        return False
    from difflib import SequenceMatcher

    return SequenceMatcher(None, text, value, autojunk=False).ratio() >= 0.8


def _coverage(words: list[str], field_words: list[str]) -> float:
    pool: dict[str, int] = {}
    for word in field_words:
        pool[word] = pool.get(word, 0) + 1
    hit = 0
    for word in words:
        if pool.get(word, 0) > 0:
            pool[word] -= 1
            hit += 1
    return hit / len(words)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _norm(text: str) -> str:
    return " ".join(_words(text))


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return max(width, 0.0) * max(height, 0.0)


def _area(box: tuple[float, ...]) -> float:
    return max(box[2] - box[0], 0.1) * max(box[3] - box[1], 0.1)


@dataclass(frozen=True)
class LabelledBlocks:
    """One report as training data for the block labeller."""

    blocks: list[Block]
    standard: Standard
    roles: list[str]
    starts: list[bool]


def labelled_blocks(blocks: list[Block], record: AuditRecord) -> LabelledBlocks:
    """Pair a report's blocks with the labels its true record implies."""
    labels = label_blocks(blocks, record)
    return LabelledBlocks(
        blocks=blocks,
        standard=record.audit.standard,
        roles=[label.role for label in labels],
        starts=[label.start for label in labels],
    )
