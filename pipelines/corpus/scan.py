"""Turn a text PDF into an image-only 'scan': rendered pages, slight skew, speckle, JPEG.

The noise comes from a seeded numpy generator and JPEG encoding is deterministic, so scans are
byte-stable too. Pages keep their size in points, so gold boxes stay approximately right.
"""

from __future__ import annotations

import io

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from . import render  # noqa: F401  (sets reportlab's invariant mode)

DPI = 200
JPEG_QUALITY = 65
MAX_SKEW_DEGREES = 0.8


def scan_pdf(pdf: bytes, seed: int) -> bytes:
    """Return an image-only PDF that looks like a scan of `pdf`."""
    rng = np.random.default_rng(seed)
    source = pdfium.PdfDocument(io.BytesIO(pdf))
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    try:
        for index in range(len(source)):
            page = source[index]
            width, height = page.get_size()
            image = page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
            page.close()
            jpeg = _degrade(image, rng)
            canvas.setPageSize((width, height))
            canvas.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, width, height)
            canvas.showPage()
    finally:
        source.close()
    canvas.save()
    return out.getvalue()


def _degrade(image: Image.Image, rng: np.random.Generator) -> bytes:
    angle = float(rng.uniform(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES))
    image = image.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    pixels = np.asarray(image, dtype=np.int16)
    # Paper tone and sparse dark specks, the way a photocopied page looks; dense noise would
    # bloat the JPEG without making OCR meaningfully harder.
    pixels = pixels - 12
    specks = rng.random(pixels.shape) < 0.0004
    pixels[specks] = rng.integers(40, 140, int(specks.sum()))
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "L")
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return buf.getvalue()
