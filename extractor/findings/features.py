"""Describe each block for the block labeller in layout-independent terms.

Three views of a block:
- its own words (for a text model): what a violation, an evidence trail or a corrective action
  reads like, whatever the layout;
- the words around it that name it (for the same text model, as prefixed tokens): inline label,
  column header, row label, cell above and to the left, section heading, list marker;
- numbers (for the tree model): what the field vocabulary says those names mean, grade and clause
  words, dates, size and weight, table position, geometry, and whether its text repeats a longer
  block elsewhere (summary tables).

The old rule readers' vocabulary (`fields.py`, grades, dates) is used here as evidence, never as
the decision. This module has no model in it.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence

import numpy as np

from extractor.audit.clauses import find_clauses, looks_like_clause
from extractor.audit.dates import parse_date
from extractor.audit.severity import find_grade
from extractor.findings.fields import (
    AREA,
    IGNORE,
    REF,
    header_field,
    label_field,
    section_kind,
)
from extractor.reading.blocks import ITEM_HEAD, Block
from extractor.record.schema import Standard

VOCAB_FIELDS = (
    "description",
    "evidence",
    "corrective_action",
    "severity",
    "due",
    "clause",
    "topic",
    "title",
    AREA,
    REF,
    IGNORE,
)
SOURCES = ("label", "col_header", "row_header", "above", "left")
KINDS = ("non_compliance", "observation", "good_practice")
FINDING_WORD = re.compile(
    r"^\s*(finding|non[- ]?conformit|non[- ]?conformance|non[- ]?complian|nc\b|ncr?\b|obs\b"
    r"|observation|ofi\b|opportunit|good (practice|example)|notable|issue\b|violation)",
    re.IGNORECASE,
)
DUE_WORDS = re.compile(
    r"^\s*(immediate(ly)?|\d{1,3}\s*(days?|weeks?|months?)|within|by next audit|ongoing)\b",
    re.IGNORECASE,
)
NEGATED = re.compile(
    r"\b(no|none|not|never|nobody|without)\b.{0,40}\b(found|reported|observed|identified|noted"
    r"|complain\w*|paid any|required)\b",
    re.IGNORECASE,
)
DIGITS = re.compile(r"\d")
WORD = re.compile(r"[A-Za-z]+")
MAX_GAP = 5.0
# Grades and clause codes are looked for in short texts only: a heading, a cell, a label's value.
GRADE_MAX_WORDS = 12
DUPLICATE_PREFIX_WORDS = 6


def normalised_text(text: str) -> str:
    """Lower-case, digits folded to 0: amounts and dates differ per report, their shape doesn't."""
    return DIGITS.sub("0", " ".join(text.lower().split()))


def context_text(block: Block) -> str:
    """The words that name a block, each prefixed by where they were printed."""
    parts: list[str] = []
    for prefix, value in (
        ("lab", block.label),
        ("hdr", block.col_header),
        ("row", block.row_header),
        ("abv", block.above),
        ("lft", block.left),
        ("sec", block.section),
    ):
        if value:
            parts.extend(f"{prefix}_{w}" for w in WORD.findall(value.lower())[:12])
    if block.marker:
        parts.append("mk_" + _marker_shape(block.marker))
    if block.table is not None:
        parts.append("in_table")
        parts.append(f"col_{min(block.col or 0, 9)}")
        parts.append(f"ncols_{min(block.n_cols or 0, 9)}")
    else:
        parts.append("in_text")
    return " ".join(parts) or "none"


def _marker_shape(marker: str) -> str:
    if re.fullmatch(r"\d+(\.\d+)+\.?", marker):
        return "num_multi"
    if re.fullmatch(r"\d+[.)]", marker):
        return "num"
    if re.search(r"[a-hA-H]", marker):
        return "letter"
    return "bullet"


def dense_features(blocks: Sequence[Block], standard: Standard) -> np.ndarray:
    """One row of numbers per block (see `DENSE_NAMES`), with its neighbours' key numbers."""
    own = np.array([_own(block, standard) for block in blocks], dtype=np.float32)
    if not len(blocks):
        return np.zeros((0, len(DENSE_NAMES)), dtype=np.float32)
    duplicate = _duplicate_flags(blocks)
    page_count = max(block.page for block in blocks)
    extra = np.array(
        [
            [*duplicate[i], block.page / page_count, _page_y(blocks, i)]
            for i, block in enumerate(blocks)
        ],
        dtype=np.float32,
    )
    names = [names_field(block) for block in blocks]
    stacked = np.array(
        [
            _one_hot(stacked_field(blocks, names, i)) + _one_hot(names[i])
            for i in range(len(blocks))
        ],
        dtype=np.float32,
    )
    base = np.hstack([own, extra, stacked])
    key = base[:, KEY_INDEX]
    neighbours = [
        shifted(key, shift) for shift in NEIGHBOUR_SHIFTS
    ]  # previous and next blocks' key numbers
    relations = np.array(
        [[_same_row(blocks, i, s) for s in NEIGHBOUR_SHIFTS] for i in range(len(blocks))],
        dtype=np.float32,
    )
    return np.hstack([base, *neighbours, relations])


NO_SHAPE = (0.0,) * (len(KINDS) + 5)
# A short line naming a field ('Root cause', 'Objective evidence:') printed above its value.
STACKED_LABEL_MAX_WORDS = 6


def names_field(block: Block) -> str | None:
    """The field a short block's own text names, when it reads as a label printed on its own
    line ('Root cause', 'Corrective action:', 'FINDING TYPE'): a whole label-vocabulary phrase,
    or a header-vocabulary word in a bold line or one ending with a colon. A labelled line
    ('Deadline: 1 May') is a value, not a label."""
    text = block.text.strip()
    if block.label or not text or len(text.split()) > STACKED_LABEL_MAX_WORDS:
        return None
    if text.endswith((".", "?", ";")):
        return None
    key = text.rstrip(":").strip()
    field = label_field(key)
    if field is None and (block.bold or block.heading or text.endswith(":")):
        field = header_field(key)
    return field


def label_above(blocks: Sequence[Block], index: int) -> int | None:
    """Index of the block printed just above this one, where a stacked label would stand: the
    previous block of the same page and column, furniture skipped (None when there is none)."""
    block = blocks[index]
    for j in range(index - 1, max(index - 4, -1), -1):
        other = blocks[j]
        if other.furniture:
            continue
        if other.page != block.page or other.column != block.column:
            return None
        return j
    return None


def stacked_field(blocks: Sequence[Block], names: Sequence[str | None], index: int) -> str | None:
    """The field named by a label printed just above this block (`label_above`): stacked
    label-value layouts name values this way."""
    j = label_above(blocks, index)
    return names[j] if j is not None else None


def _one_hot(field: str | None) -> tuple[float, ...]:
    return _ONE_HOT.get(field, _NO_FIELD)  # type: ignore[arg-type]


def _indicator(names: Sequence[str]) -> dict[str, tuple[float, ...]]:
    """Each name's one-hot row over `names` (the rows `_own` and `dense_features` repeat)."""
    return {name: tuple(1.0 if other == name else 0.0 for other in names) for name in names}


_ONE_HOT = _indicator(VOCAB_FIELDS)
_NO_FIELD = (0.0,) * len(VOCAB_FIELDS)
_KIND_HOT = _indicator(KINDS)
_NO_KIND = (0.0,) * len(KINDS)


@functools.lru_cache(maxsize=50_000)
def _short_text_shape(text: str, standard: Standard) -> tuple[float, ...]:
    """What a short text reads as: a grade (its kind, whether it has a severity), a clause code,
    a date, a timescale. Cached: grade cells, labels and codes repeat throughout a report."""
    words = len(text.split())
    grade = find_grade(text, standard)
    grade_kind = grade.kind if grade is not None else None
    return (
        *(1.0 if grade_kind == kind else 0.0 for kind in KINDS),
        1.0 if grade is not None and grade.severity is not None else 0.0,
        1.0 if words <= 4 and looks_like_clause(text, standard) else 0.0,
        1.0 if find_clauses(text, standard) else 0.0,
        1.0 if words <= 5 and parse_date(text) is not None else 0.0,
        1.0 if DUE_WORDS.match(text) and words <= 6 else 0.0,
    )


def _own(block: Block, standard: Standard) -> list[float]:
    row: list[float] = []
    for source in SOURCES:
        value = getattr(block, source)
        field = None
        if value:
            field = label_field(value) if source == "label" else header_field(value)
            if field is None and source != "label":
                field = label_field(value.rstrip(":"))
        row.extend(_one_hot(field))
    section = section_kind(block.section) if block.section else None
    row.extend(_KIND_HOT.get(section, _NO_KIND))  # type: ignore[arg-type]
    text = block.text
    full = block.full_text
    words = text.split()
    own_kind = section_kind(full) if block.heading or len(words) <= 8 else None
    row.extend(_KIND_HOT.get(own_kind, _NO_KIND))  # type: ignore[arg-type]
    row.extend(_short_text_shape(text, standard) if len(words) <= GRADE_MAX_WORDS else NO_SHAPE)
    end = text.rstrip()
    # Counted with map over str methods: per-character generators were a tenth of the reader's
    # time on long paragraphs.
    letters = sum(map(str.isalpha, text))
    in_table = block.table is not None
    row.extend(
        (
            1.0 if FINDING_WORD.match(full) else 0.0,
            1.0 if ITEM_HEAD.match(full) else 0.0,
            1.0 if block.marker else 0.0,
            1.0 if NEGATED.search(text) else 0.0,
            math.log1p(len(words)),
            math.log1p(block.n_lines),
            block.size,
            1.0 if block.bold else 0.0,
            1.0 if block.heading else 0.0,
            1.0 if block.furniture else 0.0,
            1.0 if block.ocr else 0.0,
            1.0 if end.endswith((".", "!", "?")) else 0.0,
            1.0 if end.endswith("?") else 0.0,
            1.0 if text[:1].islower() else 0.0,
            sum(map(str.isupper, text)) / letters if letters else 0.0,
            sum(map(str.isdigit, text)) / len(text) if text else 0.0,
            1.0 if in_table else 0.0,
            float(min(block.row or 0, 20)) if in_table else -1.0,
            float(block.col or 0) if in_table else -1.0,
            float(block.n_cols or 0) if in_table else -1.0,
            float(min(block.n_rows or 0, 50)) if in_table else -1.0,
            1.0 if in_table and block.row == 0 else 0.0,
            1.0 if in_table and block.n_cols == 2 else 0.0,
            min(block.gap_above, MAX_GAP),
            float(block.column),
            (block.bbox[2] - block.bbox[0]) / 600.0,
            block.bbox[0] / 600.0,
        )
    )
    return row


OWN_NAMES: tuple[str, ...] = (
    *(f"{s}={f}" for s in SOURCES for f in VOCAB_FIELDS),
    *(f"section={k}" for k in KINDS),
    *(f"own_kind={k}" for k in KINDS),
    *(f"grade_kind={k}" for k in KINDS),
    "severity_word",
    "code_like",
    "has_clause",
    "date_like",
    "due_like",
    "finding_word",
    "item_head",
    "marker",
    "negated",
    "log_words",
    "log_lines",
    "size",
    "bold",
    "heading",
    "furniture",
    "ocr",
    "sentence_end",
    "question",
    "starts_lower",
    "upper_ratio",
    "digit_ratio",
    "in_table",
    "row",
    "col",
    "n_cols",
    "n_rows",
    "first_row",
    "two_columns",
    "gap_above",
    "text_column",
    "width",
    "x0",
)
EXTRA_NAMES = (
    "shorter_copy",
    "longer_copy",
    "page_share",
    "y_share",
    *(f"stacked={f}" for f in VOCAB_FIELDS),
    *(f"names={f}" for f in VOCAB_FIELDS),
)
# What a neighbour says about a block, beside its text-model probabilities (added by the
# labeller): its shape, and whether it reads like a grade, code, date or finding heading.
KEY_NAMES = (
    *(f"grade_kind={k}" for k in KINDS),
    "code_like",
    "date_like",
    "finding_word",
    "item_head",
    "heading",
    "in_table",
    "log_words",
)
KEY_INDEX = [OWN_NAMES.index(name) for name in KEY_NAMES]
NEIGHBOUR_SHIFTS = (-2, -1, 1, 2)
DENSE_NAMES: tuple[str, ...] = (
    *OWN_NAMES,
    *EXTRA_NAMES,
    *(f"n{s:+d}:{name}" for s in NEIGHBOUR_SHIFTS for name in KEY_NAMES),
    *(f"same_row{s:+d}" for s in NEIGHBOUR_SHIFTS),
)


def shifted(matrix: np.ndarray, shift: int) -> np.ndarray:
    """Row i of the result is row i+shift of `matrix` (zeros past either end)."""
    out = np.zeros_like(matrix)
    if shift > 0:
        out[:-shift] = matrix[shift:]
    else:
        out[-shift:] = matrix[:shift]
    return out


def _same_row(blocks: Sequence[Block], i: int, shift: int) -> float:
    j = i + shift
    if not 0 <= j < len(blocks):
        return -1.0
    a, b = blocks[i], blocks[j]
    if a.table is not None and a.table == b.table:
        return 1.0 if a.row == b.row else 0.5
    return 0.0


def _duplicate_flags(blocks: Sequence[Block]) -> list[tuple[float, float]]:
    """(a longer block elsewhere starts like this one, a shorter one elsewhere starts like this)."""
    prefixes: dict[str, list[int]] = {}
    keys = []
    for i, block in enumerate(blocks):
        words = re.findall(r"[a-z0-9]+", block.text.lower())
        key = " ".join(words[:DUPLICATE_PREFIX_WORDS]) if len(words) >= 4 else ""
        keys.append((key, len(words)))
        if key:
            prefixes.setdefault(key, []).append(i)
    flags = []
    for i, (key, length) in enumerate(keys):
        shorter = longer = 0.0
        for j in prefixes.get(key, []) if key else []:
            if j == i:
                continue
            if keys[j][1] > length:
                shorter = 1.0
            elif keys[j][1] < length:
                longer = 1.0
        flags.append((shorter, longer))
    return flags


def _page_y(blocks: Sequence[Block], index: int) -> float:
    block = blocks[index]
    return block.bbox[1] / 842.0


PEER_KEYS = ("label", "col_header", "row_header", "marker")


def peer_features(blocks: Sequence[Block], proba: np.ndarray) -> np.ndarray:
    """For each block, the mean role probabilities of the other blocks of the same report that
    share its label, column header, row label or marker letter, and how many there are.

    Reports repeat one structure per finding: if most blocks labelled 'Verified by' read like
    evidence, this one probably is evidence too, even when its own words are ambiguous.
    """
    n, roles = proba.shape
    out = np.zeros((n, len(PEER_KEYS) * (roles + 1)), dtype=np.float32)
    for k, key in enumerate(PEER_KEYS):
        groups: dict[str, list[int]] = {}
        for i, block in enumerate(blocks):
            value = _peer_value(block, key)
            if value:
                groups.setdefault(value, []).append(i)
        base = k * (roles + 1)
        for members in groups.values():
            if len(members) < 2:
                continue
            total = proba[members].sum(axis=0)
            for i in members:
                out[i, base : base + roles] = (total - proba[i]) / (len(members) - 1)
                out[i, base + roles] = np.log1p(len(members) - 1)
    return out


def _peer_value(block: Block, key: str) -> str | None:
    if key == "label":
        return block.label.lower() if block.label else None
    if key == "col_header":
        return block.col_header.lower() if block.col_header else None
    if key == "row_header":
        # Only in label-value layouts, where the row label names the value.
        return block.row_header.lower() if block.row_header and block.col == 1 else None
    if block.marker and not block.marker[:1].isdigit():
        return block.marker.strip("()").lower()
    return None
