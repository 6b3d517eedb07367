"""PDF -> `Document`: pages of positioned lines and tables (page + bbox on everything), OCR for
scans, tables re-joined across page breaks. Knows nothing about audits.

Import `read_pdf` from `extractor.reading.pdf`; this package's root only exports the models so
that importing them does not load the PDF libraries.
"""

from extractor.reading.document import Document, Line, Page, Table, TableRow

__all__ = ["Document", "Line", "Page", "Table", "TableRow"]
