"""Train the block labeller (the finding reader) from gold reports and reviewers' corrections.

Every training report's blocks are labelled from its true record (`extractor.findings.
supervision`), so corrections accepted in the labelling loop teach the reader their layouts the
same way the generated corpus does. A model fitted without the dev reports is scored on them for
the model card; the shipped model is then fitted on all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from extractor.evaluation.document_cache import DEFAULT_CACHE_DIR
from extractor.evaluation.gold import GoldDocument
from extractor.evaluation.reader_cv import fit_labeller, reader_examples, score_family
from extractor.findings.labeller import BlockLabeller


def train_reader(
    train: Sequence[GoldDocument],
    dev: Sequence[GoldDocument],
    *,
    seed: int = 0,
    cache_dir: Path = DEFAULT_CACHE_DIR,
    profile: str = "full",
) -> tuple[BlockLabeller, dict]:
    """Return the shipped labeller (fitted on train + dev) and its report for the model card."""
    train_examples = reader_examples(train, cache_dir)
    dev_examples = reader_examples(dev, cache_dir)
    dev_score = None
    if dev_examples:  # the learning curve retrains without a dev set: one fit, not two
        scored = fit_labeller(train_examples, seed=seed, profile=profile)
        dev_score = score_family("dev", scored, dev_examples)
    shipped = fit_labeller([*train_examples, *dev_examples], seed=seed, profile=profile)
    blocks = sum(len(e.labelled.blocks) for e in train_examples + dev_examples)
    in_findings = sum(
        sum(role != "O" for role in e.labelled.roles) for e in train_examples + dev_examples
    )
    report = {
        "documents": {"train": len(train_examples), "dev": len(dev_examples)},
        "blocks": blocks,
        "blocks_in_findings": in_findings,
        "profile": profile,
        "families": sorted({e.doc.family for e in train_examples + dev_examples}),
        "dev_detection": None
        if dev_score is None
        else {
            "text": dev_score.text.model_dump(),
            "scanned": dev_score.scanned.model_dump(),
        },
    }
    return shipped, report
