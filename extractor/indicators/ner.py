"""Named entities in finding texts (hours, money, fees, ages, ID documents, ...) with spaCy.

The pipeline (entity ruler + statistical NER) is trained by `pipelines/training/train.py` from
the gold corpus; here we only load it and turn its spans into contract `Entity` objects whose
offsets index `finding_text(description, evidence)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import cast

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps

from extractor.record.schema import ENTITY_LABELS, Entity, EntityLabel
from extractor.threads import single_threaded

# Findings per spaCy batch: a batch's activations (and the matrix buffers OpenBLAS keeps) grow
# with it; 16 costs no more CPU than 64 and peaks 45 MB lower on a report with 275 findings.
PIPE_BATCH_SIZE = 16


def load_ner(path: Path) -> Language:
    """Load the trained pipeline from a directory written by `nlp.to_disk`."""
    nlp = spacy.load(path)
    # thinc multiplies matrices with blis by default, and blis's wheel has no kernel for recent
    # AMD CPUs (it falls back to generic C, 3x slower than numpy's OpenBLAS on the bench
    # machine): the tok2vec and NER layers, most of spaCy's time, run on numpy's instead.
    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops
    return nlp


def find_entities(nlp: Language, texts: list[str]) -> list[list[Entity]]:
    """Return the entities of each text, with character offsets into that text."""
    # A report's findings are a few thousand tokens: OpenBLAS threads would spin more than
    # they save, against the other extraction workers on the machine.
    with single_threaded("blas"):
        return [doc_entities(doc) for doc in nlp.pipe(texts, batch_size=PIPE_BATCH_SIZE)]


def doc_entities(doc: Doc) -> list[Entity]:
    """Convert a processed doc's spans, dropping labels outside the record contract."""
    return [
        Entity(
            label=cast(EntityLabel, span.label_),
            text=span.text,
            start=span.start_char,
            end=span.end_char,
        )
        for span in doc.ents
        if span.label_ in ENTITY_LABELS
    ]


def annotated_doc(nlp: Language, text: str, entities: Iterable[Entity]) -> tuple[Doc, int]:
    """Build a reference doc with gold entities; return it and the number of spans dropped.

    Gold offsets that cut through a token are contracted to whole tokens; spans that cannot be
    aligned (or overlap an earlier one) are dropped and counted rather than failing training.
    """
    doc = nlp.make_doc(text)
    spans, dropped = [], 0
    taken: set[int] = set()
    for entity in sorted(entities, key=lambda e: (e.start, -e.end)):
        span = doc.char_span(
            entity.start, entity.end, label=entity.label, alignment_mode="contract"
        )
        if span is None or taken.intersection(range(span.start, span.end)):
            dropped += 1
            continue
        taken.update(range(span.start, span.end))
        spans.append(span)
    doc.ents = spans
    return doc, dropped
