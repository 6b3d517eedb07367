"""Wording data for the phrase banks: how auditors report each ILO indicator and labour area.

One module per group of labels (`forced`, `treatment`, `wages`, `hours`, `conditions`, `child`,
`rights`, `no_indicator`), plus `observations` and `support` (evidence, good practices, titles,
corrective actions). `pipelines.corpus.phrases` assembles them under its public names; read
those, not these modules. Data only: nothing here draws, fills or renders.
"""
