"""Cache parsed `Document`s of gold reports, so training and evaluation read each PDF once.

Keyed by the PDF's sha256 and a digest of the reading code: any change to `extractor/reading/`
invalidates the cache. Only gold reports go through here (never uploads), and the cache holds
JSON, validated back into a `Document` on load.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from extractor.reading.document import Document

DEFAULT_CACHE_DIR = Path(__file__).resolve().parents[2] / "build" / "cache" / "documents"


@functools.cache
def reader_digest() -> str:
    """A digest of the reading package's source: what a cached Document depends on."""
    digest = hashlib.sha256()
    folder = Path(__file__).resolve().parents[1] / "reading"
    # Blocks are rebuilt from the Document every time; only the PDF reading itself is cached.
    for path in sorted(p for p in folder.glob("*.py") if p.name != "blocks.py"):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def read_cached(
    pdf_path: Path, cache_dir: Path = DEFAULT_CACHE_DIR, *, ocr: bool = True
) -> Document:
    """Return the Document of a gold PDF, from the cache when the reader has not changed."""
    from extractor.reading.pdf import read_pdf

    sha = hashlib.sha256(pdf_path.read_bytes()).hexdigest()
    cached = cache_dir / f"{sha[:32]}-{reader_digest()}{'' if ocr else '-noocr'}.json"
    if cached.exists():
        return Document.model_validate_json(cached.read_text(encoding="utf-8"))
    doc = read_pdf(pdf_path, ocr=ocr)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(".tmp")
    tmp.write_text(doc.model_dump_json(), encoding="utf-8")
    tmp.replace(cached)
    return doc
