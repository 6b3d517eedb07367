"""The synthetic labelled corpus: audit-report PDFs in many layouts with gold `AuditRecord`s.

`python -m pipelines.corpus --out labelled_samples` regenerates everything deterministically;
`generate_document(doc_id)` rebuilds one document. The generator writes only under its output
folder and never reads the extractor's models. The realistic corpus (a grammar of structural
choices over 10 report families) lives in `pipelines.corpus.realistic`.
"""

from .generate import GeneratedDoc, generate_document, write_document
from .plan import corpus_plan

__all__ = ["GeneratedDoc", "corpus_plan", "generate_document", "write_document"]
