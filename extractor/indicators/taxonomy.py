"""The ILO indicator taxonomy and its crosswalk from audit-standard clauses, loaded from data.

The codes are stable: records, gold labels and models refer to them. Edit
`extractor/data/ilo_taxonomy.json`, never hard-code a code elsewhere.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel


class Indicator(BaseModel):
    code: str
    label: str
    group: str


class CrosswalkEntry(BaseModel):
    name: str
    codes: list[str]


class Taxonomy(BaseModel):
    version: str
    source: str
    indicators: list[Indicator]
    crosswalk: dict[str, dict[str, CrosswalkEntry]]

    @property
    def codes(self) -> list[str]:
        return [ind.code for ind in self.indicators]

    def label(self, code: str) -> str:
        for ind in self.indicators:
            if ind.code == code:
                return ind.label
        raise KeyError(f"unknown ILO indicator code {code!r}")

    def clause_codes(self, standard: str, clause: str | None) -> list[str]:
        """Return the indicator codes a standard's clause can map to (empty when unknown)."""
        if not clause:
            return []
        table = self.crosswalk.get(standard, {})
        key = normalise_clause(standard, clause)
        if key in table:
            return table[key].codes
        # RBA health & safety and similar sections are keyed by their letter only.
        if key[:1] in table and standard == "rba":
            return table[key[:1]].codes
        return []


def normalise_clause(standard: str, clause: str) -> str:
    """Reduce a printed clause ('ETI 6.1', 'PA 6', 'A3.2', 'Clause 7') to a crosswalk key."""
    text = clause.strip().upper()
    if standard == "amfori_bsci":
        match = re.search(r"(?:PA\s*)?(\d{1,2})", text)
        return f"PA{int(match.group(1))}" if match else text
    if standard == "rba":
        match = re.search(r"\b([A-E])\s*(\d)?", text)
        if match:
            return match.group(1) + (match.group(2) or "")
        return text
    match = re.search(r"(\d{1,2})\s*([A-C])?\b", text)
    if not match:
        return text
    number, letter = match.group(1), match.group(2) or ""
    return f"{int(number)}{letter}" if standard == "smeta" else str(int(number))


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """Load the packaged taxonomy (cached)."""
    raw = resources.files("extractor").joinpath("data/ilo_taxonomy.json").read_text("utf-8")
    return Taxonomy.model_validate(json.loads(raw))
