"""The drawing context shared by cover, filler and finding printers of one document.

It bundles the composed content (metadata, findings), the drawn choices, styles, labels and the
region log, plus small helpers that create marked paragraphs. Printers read it; none of them
changes content.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from reportlab.platypus import Paragraph

from ..render import esc
from .families import Family
from .findings import FindingContent
from .grammar import Choices
from .labels import Labels
from .meta import CoverMeta
from .prose import DocFacts, DocWords
from .regions import FINDING, Marked, RegionLog, para
from .style import Styles


@dataclass
class Ctx:
    family: Family
    choices: Choices
    meta: CoverMeta
    findings: list[FindingContent]
    st: Styles
    labels: Labels
    log: RegionLog
    facts: DocFacts
    width: float  # frame width of the current section's page template
    seed: int = 0

    def style_rng(self, purpose: str) -> random.Random:
        """An RNG for a per-document style decision: every group of findings in the report
        makes it the same way (one template, one field order, one grade style)."""
        return random.Random(f"{self.seed}:style:{purpose}")

    def words(self, rng: random.Random) -> DocWords:
        return DocWords(rng, self.facts)

    def p(self, text: str, style, role: str) -> Marked:
        """A non-finding paragraph of plain text."""
        return para(text, style, self.log, role)

    def fp(self, f: FindingContent, field: str, text: str, style) -> Marked:
        """A paragraph holding one field of finding `f`."""
        return para(text, style, self.log, FINDING, ordinal=f.ordinal, field=field)

    def labelled(
        self, f: FindingContent, field: str, label: str, value: str, style, *, bold: bool
    ) -> Marked:
        """'Label: value' in one paragraph; the whole line is marked as the field."""
        shown = f"<b>{esc(label)}</b>" if bold else esc(label)
        return para(
            f"{shown} {esc(value)}",
            style,
            self.log,
            FINDING,
            ordinal=f.ordinal,
            field=field,
            markup=True,
        )

    def heading(self, text: str, style) -> Paragraph:
        return para(text, style, self.log, "heading")
