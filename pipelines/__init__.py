"""Orchestration over the extractor: bulk import, training, labelling loop, corpus generator."""
