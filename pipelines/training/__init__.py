"""`audit-extractor train`: NER, ILO classifier and block labeller from the gold data, with
their model cards."""
