"""Align extracted findings with gold findings of the same report, one to one."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from extractor.schema import Finding

MATCH_THRESHOLD = 0.5


def normalise(text: str | None) -> str:
    """Collapse whitespace and case, so line wrapping and OCR spacing do not count as errors."""
    return re.sub(r"\s+", " ", text or "").strip().lower()


def similarity(a: str | None, b: str | None) -> float:
    return SequenceMatcher(None, normalise(a), normalise(b), autojunk=False).ratio()


def match_findings(
    predicted: list[Finding], gold: list[Finding], threshold: float = MATCH_THRESHOLD
) -> list[tuple[int, int]]:
    """Return (predicted index, gold index) pairs, best description similarity first.

    Greedy assignment is enough here: findings of one report rarely share half their wording,
    so the best pair for a gold finding is almost never contested. Page agreement breaks ties.
    """
    candidates = []
    for i, pred in enumerate(predicted):
        for j, want in enumerate(gold):
            score = similarity(pred.description, want.description)
            if score >= threshold:
                same_page = pred.provenance.page == want.provenance.page
                candidates.append((score, same_page, i, j))
    pairs, used_pred, used_gold = [], set(), set()
    for _score, _page, i, j in sorted(candidates, reverse=True):
        if i not in used_pred and j not in used_gold:
            pairs.append((i, j))
            used_pred.add(i)
            used_gold.add(j)
    return sorted(pairs, key=lambda pair: pair[1])
