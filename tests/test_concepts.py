"""Concept patterns: the `in` shortcut before each pattern never hides a match."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extractor.indicators.concepts import (
    CONCEPTS,
    _compiled,
    _compiled_ascii,
    concept_flags,
    finding_words,
    number_concepts,
    required_strings,
)

SAMPLES = Path(__file__).resolve().parent.parent / "labelled_samples"


@pytest.mark.parametrize(
    ("rx", "expected"),
    [
        (r"no (?:other )?choice", ("choice",)),
        (r"illiterate|cannot read", ("cannot read", "illiterate")),
        (r"tied (?:visas?|to the employer)", ("tied ",)),
        (r"deport\w*|(?:agent|broker) (?:said|told)", ("agent", "broker", "deport")),
        (r"(?:\d+ )+hours", ("hours",)),
        # An optional part, a class or a lookahead alone says nothing a match must contain.
        (r"a|(?:fees)?", None),
        (r"[0-9]+\b", None),
        (r"(?=pay)", None),
    ],
)
def test_required_strings(rx: str, expected: tuple[str, ...] | None) -> None:
    assert required_strings(rx) == expected


@pytest.fixture(scope="module")
def finding_texts() -> list[str]:
    texts = []
    for line in (SAMPLES / "classifier" / "auditor_style.jsonl").read_text().splitlines():
        texts.append(json.loads(line)["text"])
    for path in sorted(SAMPLES.glob("*/*.json")):
        record = json.loads(path.read_text())
        for finding in record.get("findings", []) if isinstance(record, dict) else []:
            texts += [finding.get("description") or "", finding.get("evidence") or ""]
    return [finding_words(text) for text in texts if text]


def test_shortcut_keeps_every_match_on_the_gold_findings(finding_texts: list[str]) -> None:
    texts = finding_texts
    assert len(texts) > 500
    matched = 0
    for text in texts:
        if text.isascii():
            lowered = text.lower()
            full = [
                p.search(lowered if on_lowered else text) is not None
                for p, on_lowered, _ in _compiled_ascii()
            ]
        else:
            full = [p.search(text) is not None for p in _compiled()]
        assert concept_flags(text) == full + number_concepts(text), text
        matched += any(full)
    assert matched > len(texts) // 2  # the texts do exercise the patterns


def test_every_required_string_is_in_every_match(finding_texts: list[str]) -> None:
    for (name, rx), (_, on_lowered, required) in zip(
        CONCEPTS.items(), _compiled_ascii(), strict=True
    ):
        if required is None:
            continue
        assert on_lowered, name
        for text in finding_texts:
            for match in re.finditer(rx, text.lower()):
                assert any(s in match.group(0) for s in required), (name, match.group(0))
