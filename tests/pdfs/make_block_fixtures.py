"""Write the block builder's fixture PDFs into this folder; the outputs are committed beside it.

`blocks_mixed.pdf` prints, on one page, what the block builder must tell apart: a bold heading,
labelled prose lines ("Description: ..." wrapping onto a second line), a borderless table whose
cells wrap side by side, and a ruled two-column key-value box. Run
`python tests/pdfs/make_block_fixtures.py` after a change and review the diff; reportlab runs in
invariant mode, so the same script writes the same bytes.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

HERE = Path(__file__).resolve().parent
WIDTH, HEIGHT = A4
LEFT = 50.0


def _text(c: Canvas, x: float, top: float, text: str, size: float = 10, bold: bool = False) -> None:
    c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
    c.drawString(x, HEIGHT - top - size, text)


def blocks_mixed() -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    _text(c, LEFT, 50, "Finding 1 - Wages and benefits", 12, True)
    _text(
        c, LEFT, 70, "Description: Overtime was paid at the normal hourly rate instead of the", 10
    )
    _text(c, LEFT, 83, "legal premium for the whole of March.", 10)
    _text(c, LEFT, 96, "Objective evidence: Payroll for March was compared with time cards.", 10)
    # A borderless table: three columns whose cells wrap onto two lines side by side.
    _text(c, LEFT, 140, "Ref", 9, True)
    _text(c, 100, 140, "Issue found", 9, True)
    _text(c, 330, 140, "Grade", 9, True)
    _text(c, LEFT, 158, "7", 9)
    _text(c, 100, 158, "The fire exit on the second floor was", 9)
    _text(c, 330, 158, "Major", 9)
    _text(c, 100, 170, "locked during working hours.", 9)
    _text(c, LEFT, 192, "8", 9)
    _text(c, 100, 192, "No first aid kit in the cutting section.", 9)
    _text(c, 330, 192, "Minor", 9)
    # A ruled key-value box.
    top, rows = 240.0, (("Priority", "Major"), ("Details of non-compliance", "Passports kept."))
    c.setLineWidth(0.5)
    for i, (label, value) in enumerate(rows):
        y = HEIGHT - top - 20 * i
        c.rect(LEFT, y - 20, 200, 20)
        c.rect(LEFT + 200, y - 20, 300, 20)
        _text(c, LEFT + 4, top + 20 * i + 5, label, 9, True)
        _text(c, LEFT + 204, top + 20 * i + 5, value, 9)
    c.showPage()
    c.save()
    return buf.getvalue()


def summary_then_finding() -> bytes:
    """A summary table repeating a shortened finding, then the finding printed in full."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    _text(c, LEFT, 50, "Summary of findings", 12, True)
    c.setLineWidth(0.5)
    for i, (ref, text, grade) in enumerate(
        (("No.", "Issue", "Grade"), ("1", "Fire exit locked on the second floor", "Major"))
    ):
        y = HEIGHT - 70 - 20 * i
        for x, width, value in ((LEFT, 40, ref), (LEFT + 40, 360, text), (LEFT + 400, 95, grade)):
            c.rect(x, y - 20, width, 20)
            _text(c, x + 4, 70 + 20 * i + 5, value, 9, i == 0)
    _text(c, LEFT, 140, "Workers interviewed", 12, True)
    _text(
        c, LEFT, 160, "None of the interviewed workers reported a locked exit or any fire drill", 10
    )
    _text(c, LEFT, 173, "problem; all said the exits are open during the night shift.", 10)
    _text(c, LEFT, 210, "Finding 1 - Health and safety", 12, True)
    _text(c, LEFT, 230, "Description: Fire exit locked on the second floor during the night", 10)
    _text(c, LEFT, 243, "shift while 40 workers were inside.", 10)
    _text(c, LEFT, 256, "Evidence: Observed during the night visit; key kept by the guard.", 10)
    _text(c, LEFT, 269, "Grade: Major", 10)
    c.showPage()
    c.save()
    return buf.getvalue()


def main() -> None:
    (HERE / "blocks_mixed.pdf").write_bytes(blocks_mixed())
    (HERE / "blocks_summary.pdf").write_bytes(summary_then_finding())


if __name__ == "__main__":
    main()
