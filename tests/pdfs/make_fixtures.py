"""Write the PDF reader's fixtures into this folder; the outputs are committed beside it.

Run `python tests/pdfs/make_fixtures.py` after changing a fixture and review the diff. reportlab
runs in invariant mode and the noise is seeded, so the same script writes the same bytes.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen.canvas import Canvas

HERE = Path(__file__).resolve().parent
WIDTH, HEIGHT = A4
MARGIN = 50.0

LEFT_TEXT = (
    "Alpha paragraph opens the left column. Workers in the sewing section reported that "
    "overtime was compulsory during the peak season and that refusal led to warnings. "
    "Alpha paragraph closes the left column after several lines of ordinary prose so that the "
    "column is long enough to be recognised as a column of running text on this page."
)
RIGHT_TEXT = (
    "Bravo paragraph opens the right column. The dormitory gate was locked from ten at night "
    "and migrant workers could not leave the compound without the approval of a supervisor. "
    "Bravo paragraph closes the right column after several lines of ordinary prose so that the "
    "column is long enough to be recognised as a column of running text on this page."
)
SCAN_TEXT = (
    "Passports of migrant workers",
    "were kept in the HR office.",
    "Wages were paid 45 days late.",
)


def _canvas(buf: io.BytesIO, **kwargs: object) -> Canvas:
    return Canvas(buf, pagesize=A4, invariant=1, **kwargs)


def _text(c: Canvas, x: float, top: float, text: str, size: float = 10, bold: bool = False) -> None:
    """Draw `text` with its top `top` points below the top of the page."""
    c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
    c.drawString(x, HEIGHT - top - size, text)


def two_column() -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf)
    _text(c, MARGIN, 40, "Legacy assessment report with a title across both columns", 14, True)
    column = (WIDTH - 2 * MARGIN - 24) / 2
    for x, body in ((MARGIN, LEFT_TEXT), (MARGIN + column + 24, RIGHT_TEXT)):
        top = 80.0
        for _ in range(3):  # three paragraphs per column
            for line in simpleSplit(body, "Helvetica", 9, column):
                _text(c, x, top, line, 9)
                top += 11
            top += 8
    c.showPage()
    c.save()
    return buf.getvalue()


def _grid_row(c: Canvas, top: float, cells: list[list[str]], widths: list[float]) -> float:
    """Draw one ruled row with the given lines per cell; return its bottom."""
    height = 12 * max(len(lines) for lines in cells) + 8
    x = MARGIN
    c.setLineWidth(0.5)
    for lines, w in zip(cells, widths, strict=True):
        c.rect(x, HEIGHT - top - height, w, height, stroke=1, fill=0)
        for i, line in enumerate(lines):
            _text(c, x + 4, top + 4 + 12 * i, line, 9)
        x += w
    return top + height


FINDINGS_HEADER = [["#"], ["Area"], ["Finding"], ["Evidence"]]
FINDINGS_WIDTHS = [30.0, 90.0, 220.0, 155.0]


def split_table() -> bytes:
    """A findings table whose second row is cut by the page break (rest has an empty '#')."""
    buf = io.BytesIO()
    c = _canvas(buf)
    _text(c, MARGIN, 40, "Findings and corrective actions", 12, True)
    top = 70.0
    for line in simpleSplit(f"{LEFT_TEXT} " * 12, "Helvetica", 9, WIDTH - 2 * MARGIN)[:52]:
        _text(c, MARGIN, top, line, 9)
        top += 11
    top += 10
    top = _grid_row(c, top, FINDINGS_HEADER, FINDINGS_WIDTHS)
    top = _grid_row(
        c,
        top,
        [["1"], ["Wages"], ["Wages were paid 45 days late."], ["Payroll records."]],
        FINDINGS_WIDTHS,
    )
    _grid_row(
        c,
        top,
        [["2"], ["Forced labour"], ["Passports of 12 workers were", "kept by the"], ["Interviews"]],
        FINDINGS_WIDTHS,
    )
    c.showPage()
    _text(c, MARGIN, 20, "Page 2", 7)
    _text(c, MARGIN, 45, "Findings and corrective actions (continued)", 9, True)
    top = _grid_row(c, 62, FINDINGS_HEADER, FINDINGS_WIDTHS)
    top = _grid_row(
        c, top, [[""], [""], ["HR manager in a locked safe."], ["with 8 workers."]], FINDINGS_WIDTHS
    )
    top = _grid_row(
        c,
        top,
        [["3"], ["Hours"], ["Workers worked 78 hours a week."], ["Time cards."]],
        FINDINGS_WIDTHS,
    )
    _text(c, MARGIN, top + 20, "End of the findings table.", 9)
    c.showPage()
    c.save()
    return buf.getvalue()


def unrelated_tables() -> bytes:
    """Tables at page breaks that must stay apart: column counts differ, or text between."""
    buf = io.BytesIO()
    c = _canvas(buf)
    three = [120.0, 180.0, 195.0]
    four = [30.0, 90.0, 220.0, 155.0]
    top = 600.0
    top = _grid_row(c, top, [["Name"], ["Role"], ["Office"]], three)
    while top < HEIGHT - 90:
        top = _grid_row(c, top, [["A. Person"], ["Manager"], ["Main office"]], three)
    c.showPage()
    top = _grid_row(c, 50, FINDINGS_HEADER, four)
    while top < HEIGHT - 90:
        top = _grid_row(c, top, [["1"], ["Wages"], ["Late wages."], ["Payslips."]], four)
    c.showPage()
    _text(c, MARGIN, 50, "Observations are listed in the next table and are not findings.", 9)
    top = _grid_row(c, 80, FINDINGS_HEADER, four)
    _grid_row(c, top, [["1"], ["Hours"], ["Overtime is planned."], ["Records."]], four)
    c.showPage()
    c.save()
    return buf.getvalue()


def _scan_image(lines: tuple[str, ...]) -> Image.Image:
    """Render a page of large text and return it as a greyscale image, as a scanner would."""
    buf = io.BytesIO()
    c = _canvas(buf)
    for i, line in enumerate(lines):
        _text(c, 72, 100 + 30 * i, line, 18)
    c.showPage()
    c.save()
    doc = pdfium.PdfDocument(buf.getvalue())
    try:
        page = doc[0]
        image = page.render(scale=150 / 72, grayscale=True).to_pil().convert("L")
        page.close()
    finally:
        doc.close()
    return image


def _draw_scan(c: Canvas, image: Image.Image) -> None:
    png = io.BytesIO()
    image.save(png, "PNG")
    c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 0, 0, WIDTH, HEIGHT)


def image_only() -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf)
    _draw_scan(c, _scan_image(SCAN_TEXT))
    c.showPage()
    c.save()
    return buf.getvalue()


def mixed_scan() -> bytes:
    """Page 1 has a text layer, page 2 is a scan."""
    buf = io.BytesIO()
    c = _canvas(buf)
    _text(c, MARGIN, 50, "Audit report cover page with a text layer.", 12)
    c.showPage()
    _draw_scan(c, _scan_image(SCAN_TEXT))
    c.showPage()
    c.save()
    return buf.getvalue()


SCANNED_PAGES = (
    ("First scanned page", "Wages were paid late."),
    ("Second scanned page", "Passports were kept."),
    ("Third scanned page", "No rest day in June."),
)


def three_scanned_pages() -> bytes:
    """Three image-only pages, each saying which page it is (for OCR in parallel)."""
    buf = io.BytesIO()
    c = _canvas(buf)
    for lines in SCANNED_PAGES:
        _draw_scan(c, _scan_image(lines))
        c.showPage()
    c.save()
    return buf.getvalue()


def simple(text: str = "Simple one-page report.", **kwargs: object) -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, **kwargs)
    _text(c, MARGIN, 50, text, 12)
    c.showPage()
    c.save()
    return buf.getvalue()


def _hand_written(objects: list[bytes]) -> bytes:
    """Assemble a PDF from numbered object bodies (1 is the catalog) with a correct xref."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)


def zero_pages() -> bytes:
    return _hand_written(
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    )


def broken_page() -> bytes:
    """Two pages; the second entry of the page tree is a string, not a page: no parser can load
    it, and the first page must still be read."""
    return _hand_written(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
            b"/Resources << /Font << /F1 6 0 R >> >> >>",
            b"(Unreadable second page)",
            _stream(b"BT /F1 12 Tf 72 760 Td (Readable first page) Tj ET"),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def not_pdf_png() -> bytes:
    buf = io.BytesIO()
    Image.new("L", (8, 8), 255).save(buf, "PNG")
    return buf.getvalue()


def corrupt() -> bytes:
    rng = random.Random(7)
    return b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(4000))


FIXTURES = {
    "two_column.pdf": two_column,
    "split_table.pdf": split_table,
    "unrelated_tables.pdf": unrelated_tables,
    "image_only.pdf": image_only,
    "mixed_scan.pdf": mixed_scan,
    "three_scanned_pages.pdf": three_scanned_pages,
    "simple.pdf": simple,
    "encrypted.pdf": lambda: simple(
        encrypt=StandardEncryption("secret", ownerPassword="owner", strength=128)
    ),
    "encrypted_owner_only.pdf": lambda: simple(
        "Owner password only.", encrypt=StandardEncryption("", ownerPassword="owner", strength=128)
    ),
    "leading_junk.pdf": lambda: b"Content-Type: application/pdf\r\n\r\n" + simple(),
    "zero_pages.pdf": zero_pages,
    "broken_page.pdf": broken_page,
    "not_pdf.pdf": not_pdf_png,
    "empty.pdf": lambda: b"",
    "truncated.pdf": lambda: (data := split_table())[: len(data) // 2],
    "corrupt.pdf": corrupt,
}


def main() -> None:
    for name, make in FIXTURES.items():
        (HERE / name).write_bytes(make())
        print(f"wrote {name}")


if __name__ == "__main__":
    main()
