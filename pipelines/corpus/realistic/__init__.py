"""The realistic corpus: reports drawn from a grammar of structural choices, in 10 families.

`python -m pipelines.corpus realistic --out build/corpus` writes every document of
`realistic_plan()`; `generate_realistic(doc_id)` rebuilds one in memory. It reads the shared
phrase banks and slot values of `pipelines.corpus` and never the extractor's models.
"""

from .generate import GeneratedRealistic, generate_realistic, write_realistic
from .plan import RealisticDoc, planned_realistic, realistic_plan

__all__ = [
    "GeneratedRealistic",
    "RealisticDoc",
    "generate_realistic",
    "planned_realistic",
    "realistic_plan",
    "write_realistic",
]
