"""Turn classifier inputs into what the ILO classifier's linear model reads.

A finding's text is its description, then a blank line and its evidence (`finding_text`). The
two are read apart: evidence lines name the records and interviews checked ("payroll, labour
supply contract, passports register"), so their words are weaker evidence of a violation than
the description's, and the model learns separate weights for them.

Two parts: the texts the TF-IDF vectorisers see (shorthand expanded, digits folded so amounts
and counts do not become vocabulary), and a dense block of structured features: concept flags
of the description and of the evidence (`concepts.py`), the keyword baseline's rule hits, the
crosswalk codes of the printed clause, and the finding's kind. Pure functions of the input; no
fitting happens here.
"""

from __future__ import annotations

import re

import numpy as np

from extractor.indicators.classifier_input import ClassifierInput
from extractor.indicators.concepts import concept_flags, concept_names, finding_words
from extractor.indicators.keyword_rules import rule_hits, rule_names
from extractor.indicators.taxonomy import load_taxonomy, normalise_clause

KINDS = ("non_compliance", "observation", "good_practice")
EVIDENCE_BREAK = "\n\n"  # `record.schema.finding_text` joins description and evidence so
_DIGIT = re.compile(r"\d")


def description_and_evidence(item: ClassifierInput) -> tuple[str, str]:
    """Split the finding text into (topic + description, evidence)."""
    description, _, evidence = item.text.partition(EVIDENCE_BREAK)
    head = " . ".join(part for part in (item.topic, description) if part)
    return finding_words(head), finding_words(evidence)


def _folded(words: str) -> str:
    return _DIGIT.sub("0", words.lower())


def model_text(item: ClassifierInput) -> str:
    """The text the description n-gram models read: topic + description, digits as 0."""
    return _folded(description_and_evidence(item)[0])


def evidence_text(item: ClassifierInput) -> str:
    """The text the evidence n-gram model reads (empty when none was printed)."""
    return _folded(description_and_evidence(item)[1])


def structured_names() -> list[str]:
    """Column names of `structured_features`, in order."""
    codes = load_taxonomy().codes
    return [
        *(f"concept:{name}" for name in concept_names()),
        *(f"evidence:{name}" for name in concept_names()),
        *(f"rule:{name}" for name in rule_names()),
        *(f"crosswalk:{code}" for code in codes),
        "crosswalk:known_clause",
        *(f"kind:{kind}" for kind in KINDS),
    ]


def model_inputs(items: list[ClassifierInput]) -> tuple[list[str], list[str], np.ndarray]:
    """`model_text`, `evidence_text` and `structured_features` of `items`, reading each
    finding's text once (the shorthand expansion is a third of the features' cost)."""
    split = [description_and_evidence(item) for item in items]
    texts = [_folded(description) for description, _ in split]
    evidence_texts = [_folded(evidence) for _, evidence in split]
    return texts, evidence_texts, structured_features(items, split)


def structured_features(
    items: list[ClassifierInput], split: list[tuple[str, str]] | None = None
) -> np.ndarray:
    """Return an (n_items, len(structured_names())) 0/1 array for `items` (`split`: their
    `description_and_evidence`, when already computed)."""
    taxonomy = load_taxonomy()
    codes = taxonomy.codes
    if split is None:
        split = [description_and_evidence(item) for item in items]
    rows = []
    for item, (description, evidence) in zip(items, split, strict=True):
        clause_codes = set(taxonomy.clause_codes(item.standard, item.clause))
        # A clause the crosswalk knows but maps to nothing (environment, ethics) is evidence too.
        known_clause = bool(clause_codes) or (
            bool(item.clause)
            and normalise_clause(item.standard, item.clause or "")
            in taxonomy.crosswalk.get(item.standard, {})
        )
        kind = item.kind or "non_compliance"
        rows.append(
            [
                *concept_flags(description),
                *concept_flags(evidence),
                *rule_hits(f"{description} {evidence}"),
                *(code in clause_codes for code in codes),
                known_clause,
                *(kind == k for k in KINDS),
            ]
        )
    return np.asarray(rows, dtype=np.float32).reshape(len(items), len(structured_names()))
