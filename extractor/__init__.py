"""audit-extractor: PDF social-compliance audit reports to validated, ILO-mapped records."""

__version__ = "0.1.0"
