"""Align the findings extracted from one report with its gold findings, one to one.

Only alignment lives here; what a matched pair is worth (field, entity and indicator scores) is
decided by `extractor.evaluation.evaluate`.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import NamedTuple

from extractor.record.schema import Finding

# Two findings of one report are the same finding when at least half of their descriptions
# agree; different findings of a report share boilerplate but rarely half their wording.
MATCH_THRESHOLD = 0.5


class Match(NamedTuple):
    predicted: int
    gold: int
    score: float


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace to one space, so line wrapping does not count as an error."""
    return re.sub(r"\s+", " ", text).strip()


def similarity(a: str, b: str) -> float:
    """Return difflib's ratio (0..1) between two texts after whitespace normalisation."""
    a, b = normalise_space(a), normalise_space(b)
    if a == b:
        return 1.0
    # autojunk would ignore frequent characters (spaces, 'e') in texts over 200 characters.
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def match_findings(
    predicted: list[Finding], gold: list[Finding], *, threshold: float = MATCH_THRESHOLD
) -> list[Match]:
    """Pair predicted with gold findings by description similarity, best pairs first.

    Greedy rather than an optimal assignment on purpose: maximising the summed similarity can
    give up a near-identical pair to make two mediocre ones, which would then be scored field by
    field as if they were the same finding. Taking the most similar pair first is what a reviewer
    would do. Among equal scores, a pair on the same page wins, then document order.
    """
    candidates = []
    for i, pred in enumerate(predicted):
        for j, want in enumerate(gold):
            if _upper_bound(pred.description, want.description) < threshold:
                continue
            score = similarity(pred.description, want.description)
            if score >= threshold:
                same_page = pred.provenance.page == want.provenance.page
                candidates.append((-score, not same_page, j, i))
    matches, used_pred, used_gold = [], set(), set()
    for neg_score, _other_page, j, i in sorted(candidates):
        if i not in used_pred and j not in used_gold:
            matches.append(Match(predicted=i, gold=j, score=-neg_score))
            used_pred.add(i)
            used_gold.add(j)
    return sorted(matches, key=lambda match: match.gold)


def _upper_bound(a: str, b: str) -> float:
    # real_quick_ratio bounds ratio from above from the lengths alone: skips hopeless pairs.
    return SequenceMatcher(None, normalise_space(a), normalise_space(b)).real_quick_ratio()
