"""Findings -> entities (spaCy NER) and ILO indicators (classifier, keyword rules), with the
taxonomy and clause crosswalk they share.

Only the light pieces are exported here; `extractor.indicators.ner` and
`extractor.indicators.classifier` import spaCy and scikit-learn and are loaded when a model is.
"""

from extractor.indicators.classifier_input import ClassifierInput
from extractor.indicators.keyword_rules import KeywordMapper
from extractor.indicators.taxonomy import Taxonomy, load_taxonomy

__all__ = ["ClassifierInput", "KeywordMapper", "Taxonomy", "load_taxonomy"]
