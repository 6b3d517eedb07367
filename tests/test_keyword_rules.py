"""The keyword baseline, the rule hits and concept flags the classifier reads, and shorthand."""

from __future__ import annotations

import pytest

from extractor.indicators.classifier_input import ClassifierInput
from extractor.indicators.concepts import (
    NUMBER_CONCEPTS,
    concept_flags,
    concept_names,
    finding_words,
    number_concepts,
)
from extractor.indicators.features import model_text, structured_features, structured_names
from extractor.indicators.keyword_rules import KeywordMapper, rule_hits, rule_names


def flags(text: str) -> set[str]:
    words = finding_words(text)
    return {name for name, on in zip(concept_names(), concept_flags(words), strict=True) if on}


def test_baseline_maps_plain_keywords():
    mapper = KeywordMapper()
    rows = mapper.predict_codes(
        [
            ClassifierInput(text="Passports were kept by HR."),
            ClassifierInput(text="A 13 years old worker was found on the line."),
            ClassifierInput(text="The permit for the boiler stack expired."),
        ]
    )
    assert rows[0] == ["FL07"]
    assert "CL01" in rows[1]
    assert rows[2] == []


def test_rule_hits_line_up_with_rule_names():
    hits = dict(zip(rule_names(), rule_hits("Workers joined the union."), strict=True))
    assert hits["FOA"] and not hits["FL07"]


def test_shorthand_is_expanded_but_hr_stays_human_resources():
    words = finding_words("OT 84 hrs/wk; HR kept IDs w/o consent; mgmt aware.")
    assert "overtime 84 hours/weeks" in words
    assert "HR kept" in words and "without consent" in words and "management" in words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Time records showed 84 hours per week in March.", "num.week_extreme"),
        ("Up to 62 hours a week in peak.", "num.week_moderate"),
        ("Shifts of 14 hours a day for a month.", "num.day_extreme"),
        ("Workers had no rest day for 19 days.", "num.rest_run_long"),
        ("A 13-year-old was found sorting buttons.", "num.age_child"),
        ("A worker aged 17 was on nights.", "num.age_young"),
    ],
)
def test_numbers_fall_in_the_policy_buckets(text: str, expected: str):
    on = {
        n for n, f in zip(NUMBER_CONCEPTS, number_concepts(finding_words(text)), strict=True) if f
    }
    assert on == {expected}


def test_documents_held_by_others_and_kept_by_workers_are_different_concepts():
    held = flags("The broker keeps the passports of the migrant workers.")
    own = flags("All workers keep their own passports in lockers.")
    assert "docs.held" in held and "docs.own" not in held
    assert "docs.own" in own


def test_no_fee_wording_is_its_own_concept():
    assert "debt.no_fee" in flags("Workers confirmed they paid no fees to the agency.")
    assert "debt.no_fee" not in flags("Workers paid fees of USD 1,200 to the agency.")


def test_structured_features_have_one_column_per_name_and_read_kind_and_clause():
    items = [
        ClassifierInput(text="Wages paid late.", standard="smeta", clause="5", kind="observation"),
        ClassifierInput(text="Wages paid late."),
    ]
    matrix = structured_features(items)
    names = structured_names()
    assert matrix.shape == (2, len(names))
    column = {name: i for i, name in enumerate(names)}
    assert matrix[0, column["crosswalk:WAG"]] == 1 and matrix[1, column["crosswalk:WAG"]] == 0
    assert matrix[0, column["crosswalk:known_clause"]] == 1
    assert matrix[0, column["kind:observation"]] == 1
    assert matrix[1, column["kind:non_compliance"]] == 1


def test_model_text_folds_digits_and_reads_the_topic():
    text = model_text(ClassifierInput(text="Paid 45 days late.", topic="Wages"))
    assert text == "wages . paid 00 days late."


def _reference_flags(words: str) -> list[bool]:
    """Concept flags as first written: every pattern with IGNORECASE on the text as given."""
    import re

    from extractor.indicators.concepts import CONCEPTS

    patterns = [re.compile(rx, re.IGNORECASE) for rx in CONCEPTS.values()]
    return [bool(p.search(words)) for p in patterns] + number_concepts(words)


def _classifier_texts() -> list[str]:
    """Finding texts of the classifier's auditor-style and held-out wording sets."""
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "labelled_samples" / "classifier"
    return [
        json.loads(line)["text"]
        for name in ("auditor_style.jsonl", "held_out_wording.jsonl")
        for line in (root / name).read_text().splitlines()
        if line.strip()
    ]


def test_concept_flags_on_ascii_text_match_case_insensitive_patterns():
    texts = _classifier_texts()
    texts += [
        "PASSPORTS HELD BY THE EMPLOYER; Workers SAID they could NOT leave. 72 HOURS per WEEK.",
        "Stra\u017fe \u212aey \u0130D cards kept by management",  # long s, Kelvin sign, dotted I
        "caf\u00e9 workers\u2019 passports \u201cretained\u201d by HR",
        "",
    ]
    assert len(texts) > 500
    for text in texts:
        for words in (finding_words(text), text, text.upper()):
            assert concept_flags(words) == _reference_flags(words), words


def test_rule_hits_match_the_case_insensitive_rules():
    """The rules read lower-cased ASCII text without IGNORECASE: the same hits as written."""
    import re

    from extractor.indicators.keyword_rules import RULES, rule_hits

    texts = _classifier_texts()
    texts += [
        "ID CARDS and PPE; HIV test; 72 HRS per WEEK; Locked gate; Recruitment FEES",
        "Stra\u017fe \u212aey \u0130D cards kept by management",  # long s, Kelvin sign, dotted I
        "",
    ]
    patterns = [re.compile(rx, re.IGNORECASE) for rx in RULES.values()]
    for text in texts:
        for variant in (text, text.upper(), text.swapcase()):
            assert rule_hits(variant) == [bool(p.search(variant)) for p in patterns], variant


def test_shorthand_skipped_by_its_required_strings_expands_as_every_substitution():
    """A shorthand pattern is skipped when none of the strings its matches need is in the text:
    the same words as applying every substitution."""
    import json
    from pathlib import Path

    from extractor.indicators.concepts import _SHORTHAND

    root = Path(__file__).resolve().parent.parent / "labelled_samples" / "classifier"
    texts = [
        json.loads(line)["text"]
        for name in ("auditor_style.jsonl", "held_out_wording.jsonl")
        for line in (root / name).read_text().splitlines()
        if line.strip()
    ]
    texts += ["OT 84 hrs/wk; HR kept IDs w/o consent; MGMT aware; 15 yr-olds, min. wage; W: ok"]
    for text in texts:
        expected = text
        for pattern, words in _SHORTHAND:
            expected = pattern.sub(words, expected)
        assert finding_words(text) == " ".join(expected.split()), text


def test_model_inputs_read_each_text_once_with_the_same_values():
    from extractor.indicators.features import evidence_text, model_inputs

    items = [
        ClassifierInput(text="Paid 45 days late.\n\nPayroll, OT records", topic="Wages"),
        ClassifierInput(text="Passports held by HR.", standard="smeta", clause="1"),
        ClassifierInput(text=""),
    ]
    texts, evidence_texts, structured = model_inputs(items)
    assert texts == [model_text(item) for item in items]
    assert evidence_texts == [evidence_text(item) for item in items]
    assert (structured == structured_features(items)).all()
