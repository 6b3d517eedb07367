"""The wording banks: every label has many wordings, a held-out share, fillable templates."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest

from extractor.indicators.taxonomy import load_taxonomy
from pipelines.corpus.entities import fill
from pipelines.corpus.phrases import (
    EVIDENCE,
    GOOD_PRACTICES,
    NO_INDICATOR_ISSUES,
    NON_COMPLIANCE,
    OBSERVATIONS,
    STYLES,
    Phrase,
)
from pipelines.corpus.values import COUNTRIES, SlotValues
from pipelines.corpus.wording.phrase import wordings

MIN_WORDINGS = 15
ALL_PHRASES: list[Phrase] = [p for bank in NON_COMPLIANCE.values() for p in bank] + OBSERVATIONS


def carrying(code: str) -> list[Phrase]:
    return [p for p in ALL_PHRASES if code in p.codes]


@pytest.mark.parametrize("code", load_taxonomy().codes)
def test_every_code_has_many_wordings_and_a_held_out_share(code: str) -> None:
    phrases = carrying(code)
    held_out = sum(p.held_out for p in phrases)
    assert len(phrases) - held_out >= MIN_WORDINGS, f"{code}: too few training wordings"
    assert 0.2 <= held_out / len(phrases) <= 0.45, f"{code}: held-out share {held_out}"
    # Several styles, so held-out wording differs in kind, not just in words.
    assert len({p.style for p in phrases}) >= 5


def test_held_out_wording_covers_whole_styles_per_label() -> None:
    for key in load_taxonomy().codes:
        bank = NON_COMPLIANCE[key]
        by_style: dict[str, Counter[bool]] = {}
        for phrase in bank:
            by_style.setdefault(phrase.style, Counter())[phrase.held_out] += 1
        whole = [s for s, c in by_style.items() if c[True] and not c[False]]
        assert whole, f"{key}: no style is held out as a whole"


def test_every_template_fills_and_writes_entities_through_slots() -> None:
    rng = random.Random(0)
    banks = [*NON_COMPLIANCE.values(), OBSERVATIONS, GOOD_PRACTICES, *EVIDENCE.values()]
    for phrase in (p for bank in banks for p in bank):
        values = SlotValues(rng, COUNTRIES["VN"], dt.date(2021, 5, 1), ("long", "iso"))
        filled = fill(phrase.text, values)
        for span in filled.spans:
            assert filled.text[span.start : span.end] == span.text
        assert phrase.style in STYLES


def test_codes_come_from_the_taxonomy_and_no_indicator_banks_carry_none() -> None:
    codes = set(load_taxonomy().codes)
    for phrase in ALL_PHRASES:
        assert set(phrase.codes) <= codes, phrase.text
    for key in NO_INDICATOR_ISSUES:
        assert all(not p.codes for p in NON_COMPLIANCE[key]), key


def test_hard_negatives_never_carry_the_codes_they_mimic() -> None:
    decoys = [p for p in ALL_PHRASES if p.decoys]
    assert len(decoys) >= 40
    for phrase in decoys:
        assert not set(phrase.codes) & set(phrase.decoys), phrase.text
    mimicked = Counter(code for p in decoys for code in p.decoys)
    for code in ("FL03", "FL07", "FL08", "FL09", "FL11", "CL01", "HRS"):
        assert mimicked[code] >= 2, code


def test_unknown_wording_style_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown wording styles"):
        wordings(("FL01",), poetic=("Workers were sad.",))
