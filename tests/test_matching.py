"""One-to-one alignment of extracted findings with gold findings, on hand-built findings."""

from __future__ import annotations

from extractor.evaluation.matching import MATCH_THRESHOLD, match_findings, similarity
from extractor.record.schema import Finding, Provenance

FIRE = "The fire exit on the second floor of the sewing building was blocked by cartons."
PASSPORTS = "Passports of 12 of 40 sampled migrant workers were kept in the HR office safe."
OVERTIME = "Workers in the packing section worked 78 hours in a week during the peak season."


def finding(description: str, page: int = 1) -> Finding:
    return Finding(
        finding_id=f"{'0' * 64}-0001",
        kind="non_compliance",
        description=description,
        provenance=Provenance(page=page, bbox=(0.0, 0.0, 10.0, 10.0)),
        confidence=1.0,
    )


def pairs(predicted: list[Finding], gold: list[Finding]) -> list[tuple[int, int]]:
    return [(m.predicted, m.gold) for m in match_findings(predicted, gold)]


def test_similarity_ignores_line_wrapping() -> None:
    assert similarity("fire exit\nblocked  by cartons", "fire exit blocked by cartons") == 1.0
    assert similarity(FIRE, PASSPORTS) < MATCH_THRESHOLD


def test_findings_in_another_order_are_paired_by_description() -> None:
    gold = [finding(FIRE), finding(PASSPORTS), finding(OVERTIME)]
    predicted = [finding(OVERTIME), finding(FIRE)]
    assert pairs(predicted, gold) == [(1, 0), (0, 2)]  # sorted by gold index


def test_slightly_different_text_still_matches_with_its_score() -> None:
    ocr_like = FIRE.replace("second", "secoud").replace("cartons", "cart0ns")
    (match,) = match_findings([finding(ocr_like)], [finding(FIRE)])
    assert 0.9 < match.score < 1.0


def test_dissimilar_findings_stay_unmatched() -> None:
    assert pairs([finding(PASSPORTS)], [finding(FIRE)]) == []
    assert pairs([], [finding(FIRE)]) == []
    assert pairs([finding(FIRE)], []) == []


def test_each_gold_finding_is_matched_once() -> None:
    # A finding split in two by the extractor: only the better half can claim the gold one.
    half = FIRE[: len(FIRE) * 3 // 4]
    assert pairs([finding(half), finding(FIRE)], [finding(FIRE)]) == [(1, 0)]


def test_greedy_keeps_the_near_identical_pair() -> None:
    # Predicted 1 is gold 0 verbatim; predicted 0 also resembles gold 0 more than gold 1. The
    # best pair is taken first, so predicted 0 cannot steal gold 0 by coming first.
    gold = [finding(FIRE), finding(FIRE.replace("sewing building", "warehouse annex"))]
    predicted = [finding(FIRE.replace("second", "third")), finding(FIRE)]
    assert similarity(predicted[0].description, gold[0].description) > similarity(
        predicted[0].description, gold[1].description
    )
    assert pairs(predicted, gold) == [(1, 0), (0, 1)]


def test_same_page_breaks_a_tie_between_identical_descriptions() -> None:
    gold = [finding(FIRE, page=2), finding(FIRE, page=5)]
    assert pairs([finding(FIRE, page=5)], gold) == [(0, 1)]
    assert pairs([finding(FIRE, page=2)], gold) == [(0, 0)]
