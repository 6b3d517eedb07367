"""Write the hostile and odd PDFs that the reader's regression tests use; outputs are committed.

Each file is named for what it broke. Run `python tests/pdfs/make_hostile_reader.py` after
changing one and review the diff; the script writes the same bytes every time. The PDFs are
assembled by hand (a few objects and a correct cross-reference table) so each holds exactly the
defect under test and nothing else.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

HERE = Path(__file__).resolve().parent / "hostile"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
A4 = b"[0 0 595 842]"
# A cover page the metadata reader knows: label, colon, value.
COVER = (
    "Social compliance audit report",
    "Site name: Sunrise Garments Ltd",
    "Country: Bangladesh",
    "Date of audit: 12 March 2024",
)


def hand_written(objects: list[bytes]) -> bytes:
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


def stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n%s\nendstream" % (len(data), entries, data)


def text_page(content: bytes, page_entries: bytes = b"/MediaBox " + A4) -> bytes:
    """One page showing `content` with Helvetica as /F1; `page_entries` go in the page dict."""
    return hand_written(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R %s /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>" % page_entries,
            stream(content),
            FONT,
        ]
    )


def cover_lines(matrix: bytes, *, x: float = 72, top: float = 760, size: float = 12) -> bytes:
    """Content drawing COVER one line under the other, each placed by the text matrix `matrix`
    (a b c d) at baseline positions along its own downward direction."""
    a, b, c, d = (float(v) for v in matrix.split())
    parts = [b"BT /F1 %g Tf" % size]
    for i, line in enumerate(COVER):
        # Lines go "down" in the text's own frame: minus the y axis of the text matrix.
        step = 1.6 * size * i
        e, f = x - c * step, top - d * step
        parts.append(b"%s %g %g Tm (%s) Tj" % (matrix, e, f, line.encode()))
    parts.append(b"ET")
    return b"\n".join(parts)


def self_referencing_kids() -> bytes:
    """The page tree's /Kids is object 6, whose body is `6 0 R`: pdfminer resolved it for ever."""
    return hand_written(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids 6 0 R /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>" % A4,
            stream(b"BT /F1 12 Tf 72 760 Td (Unreachable page) Tj ET"),
            FONT,
            b"6 0 R",
        ]
    )


def self_referencing_mediabox() -> bytes:
    """The page's /MediaBox is object 6, whose body is `6 0 R`; the text itself is fine."""
    data = text_page(
        b"BT /F1 12 Tf 72 700 Td (Text behind a looping media box) Tj ET",
        b"/MediaBox 6 0 R",
    )
    # Append object 6 as an incremental update, so the first xref stays valid.
    start = len(data)
    body = b"6 0 obj\n6 0 R\nendobj\n"
    xref = start + len(body)
    return (
        data
        + body
        + b"xref\n0 1\n0000000000 65535 f \n6 1\n%010d 00000 n \n" % start
        + b"trailer\n<< /Size 7 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n"
        % (_startxref(data), xref)
    )


def _startxref(data: bytes) -> int:
    return int(data.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])


def page_tree_10000_levels() -> bytes:
    """One page under 10,000 nested /Pages nodes."""
    levels = 10_000
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(levels):
        parent = b"/Parent %d 0 R " % (level + 1) if level else b""
        objects.append(b"<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>" % (parent, level + 3))
    page, content, font = levels + 2, levels + 3, levels + 4
    objects.append(
        b"<< /Type /Page /Parent %d 0 R /MediaBox %s /Contents %d 0 R "
        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (page - 1, A4, content, font)
    )
    objects.append(stream(b"BT /F1 12 Tf 72 760 Td (Deep page) Tj ET"))
    objects.append(FONT)
    return hand_written(objects)


def decompression_bomb_1gib() -> bytes:
    """A page whose content stream inflates twice over to 1 GiB of zeros; the file is small."""
    size = 1 << 30
    inner = zlib.compressobj(9)
    chunk = bytes(1 << 20)
    packed = b"".join(inner.compress(chunk) for _ in range(size // len(chunk))) + inner.flush()
    outer = zlib.compress(packed, 9)
    return hand_written(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Contents 4 0 R >>" % A4,
            stream(outer, b"/Filter [/FlateDecode /FlateDecode] "),
        ]
    )


def _text_image(lines: tuple[str, ...], width: float, height: float, size: float) -> Image.Image:
    """Render `lines` in Helvetica on a white page of `width` x `height` points, about
    2000 pixels on its long side, as a greyscale image (a scanner's output)."""
    content = b"BT /F1 %g Tf\n" % size
    for i, line in enumerate(lines):
        content += b"1 0 0 1 %g %g Tm (%s) Tj\n" % (
            0.05 * width,
            height - 0.1 * height - 1.5 * size * (i + 1),
            line.encode(),
        )
    content += b"ET"
    pdf = text_page(content, b"/MediaBox [0 0 %g %g]" % (width, height))
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[0]
        image = page.render(scale=2000 / max(width, height), grayscale=True).to_pil()
        page.close()
    finally:
        doc.close()
    return image.convert("L")


def scanned_page(image: Image.Image, width: float, height: float) -> bytes:
    """An image-only page of `width` x `height` points covered by `image` (JPEG)."""
    jpeg = io.BytesIO()
    image.save(jpeg, "JPEG", quality=80)
    xobject = stream(
        jpeg.getvalue(),
        b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /DCTDecode " % image.size,
    )
    return hand_written(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Contents 4 0 R "
            b"/Resources << /XObject << /Im1 5 0 R >> >> >>" % (width, height),
            stream(b"q %g 0 0 %g 0 0 cm /Im1 Do Q" % (width, height)),
            xobject,
        ]
    )


def ocr_page_14400pt() -> bytes:
    """A scanned page 14400 points square (the PDF maximum): 60,000 pixels a side at 300 dpi."""
    side = 14400.0
    lines = ("Wages were", "paid late")
    return scanned_page(_text_image(lines, side, side, 600), side, side)


def blank_scan() -> bytes:
    """An image-only page whose scan holds no ink at all: OCR reads nothing."""
    return scanned_page(Image.new("L", (827, 1170), 250), 595, 842)


def rotate_90_sideways() -> bytes:
    """/Rotate 90 on a page drawn upright in its own space: viewers show the text sideways."""
    return text_page(cover_lines(b"1 0 0 1"), b"/MediaBox %s /Rotate 90" % A4)


def rotate_180_upside_down() -> bytes:
    """/Rotate 180 on a page drawn upright in its own space: viewers show it upside down."""
    return text_page(cover_lines(b"1 0 0 1"), b"/MediaBox %s /Rotate 180" % A4)


def text_matrix_180() -> bytes:
    """No /Rotate, but every line is drawn turned by 180 degrees (a page scanned upside down
    and then OCR'd, or a form printed the wrong way up)."""
    return text_page(cover_lines(b"-1 0 0 -1", x=523, top=82))


def rotate_90_landscape() -> bytes:
    """A landscape page made the usual way: portrait MediaBox, /Rotate 90, text drawn turned
    by 90 degrees so it reads upright on screen. Nothing to warn about."""
    return text_page(cover_lines(b"0 1 -1 0", x=60, top=72), b"/MediaBox %s /Rotate 90" % A4)


def zero_size_mediabox() -> bytes:
    """/MediaBox [0 0 0 0]: the text is there, the page size is not."""
    content = (
        b"BT /F1 12 Tf 72 1000 Td (Text above the letter-size area) Tj ET\n"
        b"BT /F1 12 Tf 72 700 Td (Text inside the letter-size area) Tj ET"
    )
    return text_page(content, b"/MediaBox [0 0 0 0]")


def zip_holding_pdf() -> bytes:
    """A ZIP archive storing a PDF uncompressed, so `%PDF` appears within its first kilobyte."""
    pdf = text_page(b"BT /F1 12 Tf 72 700 Td (Inside an archive) Tj ET")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
        info = zipfile.ZipInfo("report.pdf", date_time=(2024, 1, 1, 0, 0, 0))
        archive.writestr(info, pdf)
    return out.getvalue()


FIXTURES = {
    "self_referencing_kids.pdf": self_referencing_kids,
    "self_referencing_mediabox.pdf": self_referencing_mediabox,
    "page_tree_10000_levels.pdf": page_tree_10000_levels,
    "decompression_bomb_1gib.pdf": decompression_bomb_1gib,
    "ocr_page_14400pt.pdf": ocr_page_14400pt,
    "blank_scan.pdf": blank_scan,
    "rotate_90_sideways.pdf": rotate_90_sideways,
    "rotate_180_upside_down.pdf": rotate_180_upside_down,
    "text_matrix_180.pdf": text_matrix_180,
    "rotate_90_landscape.pdf": rotate_90_landscape,
    "zero_size_mediabox.pdf": zero_size_mediabox,
    "zip_holding_pdf.pdf": zip_holding_pdf,
}


def main() -> None:
    HERE.mkdir(exist_ok=True)
    for name, make in FIXTURES.items():
        (HERE / name).write_bytes(make())
        print(f"wrote hostile/{name}")


if __name__ == "__main__":
    main()
