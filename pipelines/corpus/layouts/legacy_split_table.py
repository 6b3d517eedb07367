"""Legacy findings table drawn by hand on the canvas, continuing across pages.

Rows are split mid-row at page breaks: each cell's first lines stay on the page, the rest
continue at the top of the next page. Per document, the header row is repeated or not and a
'(continued)' label is printed or not. Grid lines are drawn, so ruling-based table finders work.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..model import FindingSpec, ReportSpec
from ..profile import Profile
from ..render import GRID, HEADER_FILL, ProvenanceLog

TOPICS = {
    "forced": "Forced labour",
    "foa": "FoA",
    "ohs": "H&S",
    "child": "Child labour",
    "wages": "Wages",
    "hours": "Hours",
    "discrimination": "Discrimination",
    "employment": "Employment",
    "treatment": "Discipline",
    "environment": "Environment",
    "ethics": "Ethics",
    "management": "Management",
}

PROFILE = Profile(
    name="legacy_split_table",
    standard="generic",
    family="legacy",
    held_out=False,
    versions=((None, "Workplace Conditions Assessment"),),
    meta_date_style="dmy",
    text_date_styles=("dmy", "long"),
    severity_raw={"critical": ("Cr",), "major": ("Maj",), "minor": ("Min",)},
    clause_style=lambda base, rng: None,
    topics=TOPICS,
    due_style=None,
    findings_range=(10, 14),
)

FONT, BOLD, SIZE, LEADING, PAD = "Helvetica", "Helvetica-Bold", 9.5, 12.0, 4.0
MARGIN_X, TOP, BOTTOM = 40.0, 50.0, 50.0
COLUMNS = (
    ("#", "ref", 0.04),
    ("Area", "topic", 0.14),
    ("Finding", "description", 0.32),
    ("Evidence", "evidence", 0.26),
    ("Risk", "severity", 0.06),
    ("Action required", "action", 0.18),
)


@dataclass
class Pen:
    """The canvas plus the current page number and y (top-left origin) of the next line."""

    canvas: Canvas
    page: int = 1
    y: float = TOP

    @property
    def height(self) -> float:
        return A4[1]

    def new_page(self) -> None:
        self.canvas.showPage()
        self.page += 1
        self.y = TOP
        self.canvas.setFont(FONT, 7)
        self.canvas.drawString(MARGIN_X, self.height - 25, f"Page {self.page}")

    def text(self, x: float, line: str, *, font: str = FONT, size: float = SIZE) -> None:
        self.canvas.setFont(font, size)
        self.canvas.drawString(x, self.height - self.y - size, line)


def _value(f: FindingSpec, key: str) -> str:
    return {
        "ref": str(f.ordinal),
        "topic": f.topic or "",
        "description": f.description.text,
        "evidence": f.evidence.text if f.evidence else "",
        "severity": f.severity_raw or "",
        "action": f.corrective_action or "",
    }[key]


def render(spec: ReportSpec) -> tuple[bytes, ProvenanceLog]:
    # The layout exists to exercise rows split across a page break; if the row boundaries
    # happen to meet the page foot, push the table down a little and draw again.
    for gap in (0.0, 17.0, 29.0, 41.0, 53.0):
        pdf, log = _render(spec, gap)
        if any(len({page for page, _ in pieces}) > 1 for pieces in log.pieces.values()):
            break
    return pdf, log


def _render(spec: ReportSpec, gap: float) -> tuple[bytes, ProvenanceLog]:
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1)
    canvas.setTitle("Workplace conditions assessment")
    pen = Pen(canvas)
    log = ProvenanceLog()
    width = A4[0] - 2 * MARGIN_X
    meta = spec.meta
    pen.text(MARGIN_X, "WORKPLACE CONDITIONS ASSESSMENT", font=BOLD, size=14)
    pen.y += 26
    for label, value in (
        ("Facility", meta.site_name),
        ("Location", f"{meta.site_address}, {meta.country_name}"),
        ("Assessment date", meta.audit_date_text),
        ("Assessment type", f"{meta.audit_type_text}, {meta.announcement_text.lower()}"),
        ("Employees", str(meta.workers_total)),
        ("Assessor", f"{meta.audit_firm} ({meta.auditor})"),
    ):
        pen.text(MARGIN_X, f"{label}:", font=BOLD, size=9)
        pen.text(MARGIN_X + 110, value, size=9)
        pen.y += 13
    pen.y += 8
    for heading, body in (
        ("Site profile", spec.site_description),
        ("Methodology", METHODOLOGY),
        ("Summary", spec.summary),
        ("Workforce", _workforce(spec)),
    ):
        _paragraph(pen, heading, body, width)
    pen.y += gap
    pen.text(MARGIN_X, "Findings and corrective actions", font=BOLD, size=11)
    pen.y += 16
    widths = [width * share for _, _, share in COLUMNS]
    _header_row(pen, widths)
    ncs = spec.of_kind("non_compliance")
    for f in ncs:
        _row(pen, f, widths, log, spec)
    pen.y += 12
    for kind, heading in (("observation", "Observations"), ("good_practice", "Positive aspects")):
        items = spec.of_kind(kind)  # type: ignore[arg-type]
        if not items:
            continue
        if pen.y > pen.height - BOTTOM - 40:
            pen.new_page()
        pen.text(MARGIN_X, heading, font=BOLD, size=10)
        pen.y += 14
        for f in items:
            lines = simpleSplit(f"- {f.description.text}", FONT, 9, width)
            if f.evidence:
                lines += simpleSplit(f"Evidence: {f.evidence.text}", FONT, 9, width)
            if pen.y + len(lines) * 11 > pen.height - BOTTOM:
                pen.new_page()
            top = pen.y
            for line in lines:
                pen.text(MARGIN_X, line, size=9)
                pen.y += 11
            log.add(f.ordinal, pen.page, (MARGIN_X, top, MARGIN_X + width, pen.y))
            pen.y += 4
    canvas.showPage()
    canvas.save()
    return buf.getvalue(), log


METHODOLOGY = (
    "The assessment consisted of an opening meeting, a tour of all production areas, the "
    "warehouse, the canteen and the dormitory, a review of documents for a sample of workers "
    "selected by the assessor, confidential interviews with workers and their representatives, "
    "and a closing meeting at which the findings below were presented and discussed."
)


def _workforce(spec: ReportSpec) -> str:
    rows = [f"{name}: {m} male, {f} female" for name, m, f in spec.demographics.rows]
    return "; ".join(rows) + f". Total: {spec.demographics.total}."


def _paragraph(pen: Pen, heading: str, body: str, width: float) -> None:
    pen.text(MARGIN_X, heading, font=BOLD, size=10)
    pen.y += 14
    for line in simpleSplit(body, FONT, 9, width):
        pen.text(MARGIN_X, line, size=9)
        pen.y += 11
    pen.y += 8


def _header_row(pen: Pen, widths: list[float]) -> None:
    height = LEADING + 2 * PAD
    _cells(pen, widths, pen.y, pen.y + height, fill=True)
    x = MARGIN_X
    for (header, _, _), w in zip(COLUMNS, widths, strict=True):
        pen.canvas.setFillColor(GRID)
        pen.text(x + PAD, header, font=BOLD)
        x += w
    pen.y += height


def _cells(pen: Pen, widths: list[float], top: float, bottom: float, *, fill: bool) -> None:
    c = pen.canvas
    c.setStrokeColor(GRID)
    c.setLineWidth(0.5)
    h = pen.height
    if fill:
        c.setFillColor(HEADER_FILL)
        c.rect(MARGIN_X, h - bottom, sum(widths), bottom - top, stroke=0, fill=1)
        c.setFillColor(GRID)
    x = MARGIN_X
    for w in widths:
        c.rect(x, h - bottom, w, bottom - top, stroke=1, fill=0)
        x += w


def _row(pen: Pen, f: FindingSpec, widths: list[float], log: ProvenanceLog, spec: ReportSpec):
    cells = [
        simpleSplit(_value(f, key), FONT, SIZE, w - 2 * PAD)
        for (_, key, _), w in zip(COLUMNS, widths, strict=True)
    ]
    for lines, w in zip(cells, widths, strict=True):
        # A word wider than its column would run into the next cell and glue two cells' text.
        if any(stringWidth(line, FONT, SIZE) > w - 2 * PAD for line in lines):
            raise ValueError(f"{spec.doc_id}: a word overflows its column in finding {f.ordinal}")
    remaining = [list(lines) for lines in cells]
    while any(remaining):
        room = int((pen.height - BOTTOM - pen.y - 2 * PAD) // LEADING)
        needed = max(len(lines) for lines in remaining)
        # Split mid-row only when at least two lines fit; otherwise start the row on a new page.
        if room < min(2, needed):
            _break(pen, widths, spec)
            continue
        take = min(room, needed)
        top = pen.y
        bottom = top + take * LEADING + 2 * PAD
        _cells(pen, widths, top, bottom, fill=False)
        x = MARGIN_X
        for lines, w in zip(remaining, widths, strict=True):
            for i, line in enumerate(lines[:take]):
                pen.canvas.setFillColor(GRID)
                pen.canvas.setFont(FONT, SIZE)
                pen.canvas.drawString(x + PAD, pen.height - (top + PAD + i * LEADING + SIZE), line)
            x += w
        log.add(f.ordinal, pen.page, (MARGIN_X, top, MARGIN_X + sum(widths), bottom))
        remaining = [lines[take:] for lines in remaining]
        pen.y = bottom
        if any(remaining):
            _break(pen, widths, spec)


def _break(pen: Pen, widths: list[float], spec: ReportSpec) -> None:
    pen.new_page()
    if spec.options["continued_label"]:
        pen.text(MARGIN_X, "Findings and corrective actions (continued)", font=BOLD, size=9)
        pen.y += 14
    if spec.options["repeat_header"]:
        _header_row(pen, widths)
