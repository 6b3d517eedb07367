"""Blocks -> findings: the learned block labeller, grouping, and the field vocabulary.

`extract_findings` is the public entry point: it builds the report's blocks, lets the block
labeller say what each block is, and groups labelled blocks into `RawFinding`s in reading order.
It never reads the PDF itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractor.findings.grouping import group_findings
from extractor.findings.model import RawFinding
from extractor.reading.blocks import build_blocks
from extractor.reading.document import Document
from extractor.record.schema import Standard

if TYPE_CHECKING:
    from extractor.findings.labeller import BlockLabeller

__all__ = ["RawFinding", "extract_findings"]


def extract_findings(
    doc: Document, standard: Standard, labeller: BlockLabeller
) -> list[RawFinding]:
    """Return the report's findings in reading order; empty when none are recognised."""
    blocks = build_blocks(doc)
    prediction = labeller.predict(blocks, standard)
    return group_findings(
        blocks,
        prediction.roles,
        prediction.starts,
        standard=standard,
        scores=prediction.finding_scores,
        proba=prediction.role_proba,
    )
