"""Write the hostile PDFs that the isolation and bulk tests feed to the extractor.

Run `python tests/pdfs/make_hostile_bulk.py`; the outputs are committed beside this script. Each
file is written byte by byte (no PDF library), so it stays exactly as broken as intended:

- `page_tree_loop.pdf`: the page tree's /Kids is object 3, whose body is `3 0 R`: resolving it
  never ends, so a parser listing the pages loops for ever.
- `resources_loop.pdf`: a page whose /Resources is such a self-referring object.
- `huge_page_scan.pdf`: one 14400 x 14400 pt page (the largest PDF allows) covered by a tiny
  image and no text: a reader that renders it for OCR at a fixed resolution needs gigabytes.
- `flate_bomb.pdf`: a page whose content stream is 1 MB of Flate data that inflates to 256 MiB.
"""

from __future__ import annotations

import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
BOMB_BYTES = 256 * 1024 * 1024


def pdf(objects: list[bytes]) -> bytes:
    """Assemble numbered objects (1, 2, ...) into a PDF with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def page_tree_loop() -> bytes:
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids 3 0 R /Count 1 >>",
            b"3 0 R",
        ]
    )


def resources_loop() -> bytes:
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            b"3 0 R",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
            b"/Resources 3 0 R >>",
            stream(b"", b"BT /F1 12 Tf 72 720 Td (loop) Tj ET"),
        ]
    )


def huge_page_scan() -> bytes:
    side = 14400
    pixels = bytes((x * 31 + y * 17) % 256 for y in range(8) for x in range(8))
    content = f"q {side} 0 0 {side} 0 0 cm /Im0 Do Q".encode()
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {side} {side}] /Contents 4 0 R "
            "/Resources << /XObject << /Im0 5 0 R >> >> >>".encode(),
            stream(b"", content),
            stream(
                b"/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8",
                pixels,
            ),
        ]
    )


def flate_bomb() -> bytes:
    packer = zlib.compressobj(9)
    block = b" " * (1 << 20)
    data = b"".join(packer.compress(block) for _ in range(BOMB_BYTES // len(block)))
    data += packer.flush()
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            stream(b"/Filter /FlateDecode", data),
        ]
    )


FIXTURES = {
    "page_tree_loop.pdf": page_tree_loop,
    "resources_loop.pdf": resources_loop,
    "huge_page_scan.pdf": huge_page_scan,
    "flate_bomb.pdf": flate_bomb,
}


def main() -> None:
    for name, build in FIXTURES.items():
        (HERE / name).write_bytes(build())
        print(f"wrote {HERE / name}")


if __name__ == "__main__":
    main()
