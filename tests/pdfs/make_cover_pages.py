"""Write cover pages of audit reports in many structures, with the metadata each one prints.

`tests/test_metadata_pdfs.py` reads these PDFs with the real reader and checks
`extract_audit_info` against `covers/expected.json`. Two sets:

- `dev`: covers the metadata rules were developed against;
- `heldout`: covers written separately, with wording and structures the rules were not tuned on;
  their score says how well the rules generalise (report it, do not tune on its misses).

All names, firms and addresses are invented. Run `python tests/pdfs/make_cover_pages.py` and
review the diff; reportlab runs in invariant mode, so the same script writes the same bytes.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = Path(__file__).resolve().parent
OUT = HERE / "covers"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
# DejaVu prints every accent ("Việt Nam", "Türkiye"); Helvetica only Latin-1.
FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"

Block = tuple  # ("title"|"heading"|"prose"|"lines"|"stacked"|"table"|"grid"|"cellstack", ...)


@dataclass
class Cover:
    name: str
    expected: dict[str, object]
    blocks: list[Block]
    scanned: bool = False
    notes: str = ""
    extra_pages: list[list[Block]] = field(default_factory=list)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5)
    return {
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=16, leading=20),
        "heading": ParagraphStyle("heading", parent=base, fontName=BOLD, fontSize=12, leading=16),
        "body": base,
        "label": ParagraphStyle("label", parent=base, fontName=BOLD),
    }


def _flowables(blocks: list[Block]) -> list:
    st = _styles()
    story: list = []
    for block in blocks:
        kind = block[0]
        if kind in ("title", "heading"):
            story += [Paragraph(block[1], st[kind]), Spacer(1, 6)]
        elif kind == "prose":
            story += [Paragraph(block[1], st["body"]), Spacer(1, 8)]
        elif kind == "lines":  # one "Label<sep>value" paragraph per pair
            separator = block[2] if len(block) > 2 else ": "
            for label, value in block[1]:
                story.append(Paragraph(f"{label}{separator}{value}", st["body"]))
            story.append(Spacer(1, 8))
        elif kind == "stacked":  # label on one line, value on the next
            for label, value in block[1]:
                story += [Paragraph(label, st["label"]), Paragraph(value, st["body"]), Spacer(1, 4)]
            story.append(Spacer(1, 6))
        elif kind in ("table", "grid"):  # grid: ruled; table: borderless, side by side
            rows = [[Paragraph(str(cell), st["body"]) for cell in row] for row in block[1]]
            widths = block[2] if len(block) > 2 else None
            table = Table(rows, colWidths=widths, hAlign="LEFT")
            style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
            if kind == "grid":
                style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
            table.setStyle(TableStyle(style))
            story += [table, Spacer(1, 10)]
        elif kind == "sized":  # borderless, bold 11 pt labels beside 9 pt values
            label_style = ParagraphStyle("big", parent=st["label"], fontSize=11, leading=14)
            value_style = ParagraphStyle("small", parent=st["body"], fontSize=8.5, leading=11)
            rows = [[Paragraph(a, label_style), Paragraph(b, value_style)] for a, b in block[1]]
            table = Table(rows, colWidths=[170, 300], hAlign="LEFT")
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
            story += [table, Spacer(1, 10)]
        elif kind == "cellstack":  # ruled cells holding "Label<br/>value"
            rows = [
                [Paragraph(f"<b>{label}</b><br/>{value}", st["body"]) for label, value in row]
                for row in block[1]
            ]
            table = Table(rows, hAlign="LEFT")
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
            story += [table, Spacer(1, 10)]
        else:
            raise ValueError(kind)
    return story


def render(cover: Cover) -> bytes:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, invariant=1, leftMargin=50, rightMargin=50, topMargin=50
    )
    story = _flowables(cover.blocks)
    for page in cover.extra_pages:
        from reportlab.platypus import PageBreak

        story += [PageBreak(), *_flowables(page)]
    doc.build(story)
    data = buf.getvalue()
    return _as_scan(cover) if cover.scanned else data


def _as_scan(cover: Cover) -> bytes:
    """Draw the cover's text lines into a 200 dpi image and wrap it in a PDF (no text layer)."""
    scale = 200 / 72
    width, height = int(A4[0] * scale), int(A4[1] * scale)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), int(10 * scale))
    y = int(60 * scale)
    for block in cover.blocks:
        lines: list[str] = []
        if block[0] in ("title", "heading", "prose"):
            lines = [block[1]]
        elif block[0] == "lines":
            lines = [f"{label}: {value}" for label, value in block[1]]
        for line in lines:
            draw.text((int(55 * scale), y), line, fill=0, font=font)
            y += int(16 * scale)
        y += int(8 * scale)
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1)
    canvas.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _expected(
    standard: str,
    version: str | None,
    firm: str | None,
    site: str | None,
    address: str | None,
    country: str | None,
    date: str | None,
    audit_type: str | None,
    announcement: str | None,
    workers: int | None,
) -> dict[str, object]:
    return {
        "standard": standard,
        "standard_version": version,
        "audit_firm": firm,
        "site_name": site,
        "site_address": address,
        "country": country,
        "audit_date": date,
        "audit_type": audit_type,
        "announcement": announcement,
        "workers_total": workers,
    }


# --- covers the rules were developed on -------------------------------------------------------

DEV: list[Cover] = [
    Cover(
        "smeta7_lettered_details",
        _expected(
            "smeta",
            "7.0",
            "Harbourline Ethical Audits Ltd.",
            "Crescent Knitwear Ltd.",
            "Plot 22-24, Road 7, Ashulia, Savar, Dhaka",
            "BD",
            "2012-03-05",
            "initial",
            "semi_announced",
            1312,
        ),
        [
            ("title", "SMETA 7.0 Audit Report - 4-Pillar"),
            ("prose", "Sedex Members Ethical Trade Audit. Report prepared on 25/03/2012."),
            ("heading", "Audit Details"),
            (
                "grid",
                [
                    ["A", "Report number", "HEA-2012-0318"],
                    ["B", "Date of audit", "05/03/2012 - 06/03/2012"],
                    ["C", "Audit type", "Full Initial"],
                    ["D", "Was the audit announced?", "Semi-announced"],
                    ["E", "Audit company name & logo", "Harbourline Ethical Audits Ltd."],
                    ["F", "Date of previous audit", "N/A"],
                ],
            ),
            ("heading", "Site Details"),
            (
                "grid",
                [
                    ["Site name", "Crescent Knitwear Ltd."],
                    ["Site address", "Plot 22-24, Road 7, Ashulia, Savar, Dhaka"],
                    ["Country", "People's Republic of Bangladesh"],
                ],
            ),
            ("heading", "Worker analysis"),
            (
                "grid",
                [
                    ["", "Permanent", "Temporary", "Total"],
                    ["Local", "1040", "56", "1096"],
                    ["Migrant", "198", "18", "216"],
                    ["Total", "1238", "74", "1312"],
                ],
            ),
        ],
    ),
    Cover(
        "fla_stacked_labels",
        _expected(
            "generic",
            None,
            "Veritas Audits Ltd.",
            "Anadolu Denim Tekstil A.S.",
            "Organize Sanayi Bolgesi, 4. Cadde No: 18, Corlu, Tekirdag",
            "TR",
            "2020-06-12",
            "periodic",
            "unannounced",
            842,
        ),
        [
            ("title", "Fair Labor Association - Independent External Assessment"),
            (
                "stacked",
                [
                    ("Factory", "Anadolu Denim Tekstil A.S."),
                    (
                        "Factory address",
                        "Organize Sanayi Bolgesi, 4. Cadde No: 18, Corlu, Tekirdag",
                    ),
                    ("Country", "Türkiye"),
                    ("Assessment date", "June 12, 2020 (2 days)"),
                    ("Assessment type", "Annual assessment"),
                    ("Notice", "Unannounced"),
                    ("Lead monitor", "J. Okafor (Veritas Audits Ltd.)"),
                ],
            ),
            ("heading", "Workforce"),
            (
                "grid",
                [
                    ["Category", "Men", "Women", "Total"],
                    ["Production", "402", "311", "713"],
                    ["Administration", "61", "68", "129"],
                    ["Total personnel", "463", "379", "842"],
                ],
            ),
        ],
    ),
    Cover(
        "better_work_four_cells",
        _expected(
            "generic",
            None,
            "Better Work Viet Nam",
            "Sao Mai Garment Joint Stock Company",
            "Lot C3, Nhon Trach 2 Industrial Zone, Dong Nai Province",
            "VN",
            "2015-11-17",
            "periodic",
            "unannounced",
            2315,
        ),
        [
            ("title", "Better Work Compliance Assessment Report"),
            (
                "grid",
                [
                    [
                        "Enterprise name",
                        "Sao Mai Garment Joint Stock Company",
                        "Assessment type",
                        "Annual compliance assessment",
                    ],
                    [
                        "Address",
                        "Lot C3, Nhon Trach 2 Industrial Zone, Dong Nai Province, Việt Nam",
                        "Assessment date(s)",
                        "17-18 November 2015",
                    ],
                    ["Assessed by", "Better Work Viet Nam", "Announcement", "Unannounced"],
                ],
            ),
            ("heading", "Workforce"),
            (
                "grid",
                [
                    ["Employees", "Female", "Male"],
                    ["Production", "1800", "352"],
                    ["Office", "98", "65"],
                    ["Grand total", "1898", "417"],
                ],
            ),
        ],
    ),
    Cover(
        "sa8000_recert_prose",
        _expected(
            "sa8000",
            "2014",
            "Norland Certification Services",
            "Sunbeam Toys Co., Ltd.",
            "No. 8 Gongye Road, Fenggang Town, Dongguan, Guangdong",
            "CN",
            "2012-03-03",
            "re_audit",
            "announced",
            612,
        ),
        [
            ("title", "SA8000:2014 Recertification Audit Report"),
            (
                "prose",
                "This recertification audit against SA8000:2014 was conducted by Norland "
                "Certification Services at Sunbeam Toys Co., Ltd., located at No. 8 Gongye Road, "
                "Fenggang Town, Dongguan, Guangdong, China. The audit took place on 3rd March "
                "2012 and was announced. At the time of the audit the organisation employed 612 "
                "workers.",
            ),
        ],
    ),
    Cover(
        "rba_header_row",
        _expected(
            "rba",
            "7.0",
            "Pacific Assurance Partners",
            "Mekong Precision Parts Co., Ltd.",
            "Street 12, Phnom Penh Special Economic Zone, Phnom Penh",
            "KH",
            "2019-03-12",
            "follow_up",
            "announced",
            1875,
        ),
        [
            ("title", "RBA Validated Audit Process - Audit Report"),
            ("prose", "Responsible Business Alliance Code of Conduct version 7.0"),
            (
                "grid",
                [
                    ["Facility", "Audit type", "Notification", "Audit firm"],
                    [
                        "Mekong Precision Parts Co., Ltd.",
                        "Closure",
                        "Announced",
                        "Pacific Assurance Partners",
                    ],
                ],
            ),
            (
                "grid",
                [
                    ["Facility address", "Street 12, Phnom Penh Special Economic Zone, Phnom Penh"],
                    ["Country", "Kingdom of Cambodia"],
                    ["Audit dates", "March 12-13, 2019"],
                    ["Total workers", "1,875"],
                ],
            ),
        ],
    ),
    Cover(
        "buyer_uppercase_side_by_side",
        _expected(
            "generic",
            None,
            "Omega Social Compliance Ltd.",
            "Hoang Long Footwear Co., Ltd.",
            "Hamlet 4, Tan Uyen Town, Binh Duong",
            "VN",
            "2012-03-12",
            "periodic",
            "semi_announced",
            3120,
        ),
        [
            ("title", "SUPPLIER SOCIAL COMPLIANCE INSPECTION"),
            (
                "table",
                [
                    ["FACTORY NAME", "Hoang Long Footwear Co., Ltd."],
                    ["FACTORY ADDRESS", "Hamlet 4, Tan Uyen Town, Binh Duong, Viet Nam"],
                    ["INSPECTION DATE", "12.03.2012"],
                    ["INSPECTION TYPE", "Periodic (annual) inspection"],
                    ["NOTICE", "Semi-announced"],
                    ["TOTAL EMPLOYEES", "3120"],
                    ["INSPECTED BY", "Omega Social Compliance Ltd."],
                ],
                [150, 300],
            ),
        ],
    ),
    Cover(
        "bsci_dot_leaders",
        _expected(
            "amfori_bsci",
            "2021",
            "Keystone Audit Bureau",
            "Marmara Home Textiles",
            "Demirtas OSB, Mustafa Karaer Cd. No: 5, Osmangazi, Bursa",
            "TR",
            "2012-03-12",
            "follow_up",
            "announced",
            455,
        ),
        [
            ("title", "amfori BSCI 2021 Audit Report"),
            (
                "lines",
                [
                    ("Auditee", "Marmara Home Textiles"),
                    (
                        "Site address",
                        "Demirtas OSB, Mustafa Karaer Cd. No: 5, Osmangazi, Bursa, Turkey",
                    ),
                    ("Date of audit", "12–13 March 2012"),
                    ("Audit type", "Partial Follow-up"),
                    ("Announcement type", "Announced"),
                    ("Total number of workers", "455"),
                    ("Auditing company", "Keystone Audit Bureau"),
                ],
                " ........ ",
            ),
        ],
    ),
    Cover(
        "legacy_recert_lines_with_previous_audit",
        _expected(
            "generic",
            None,
            "Fairmont Social Audits Inc.",
            "Rio Grande Apparel S.A. de C.V.",
            "Carretera Federal 57 Km 12, Ramos Arizpe, Coahuila",
            "MX",
            "2014-09-22",
            "re_audit",
            "announced",
            780,
        ),
        [
            ("title", "Workplace Conditions Audit"),
            (
                "lines",
                [
                    ("Company name", "Rio Grande Apparel S.A. de C.V."),
                    (
                        "Physical address",
                        "Carretera Federal 57 Km 12, Ramos Arizpe, Coahuila, México",
                    ),
                    ("Previous audit date", "15 September 2013"),
                    ("Audit date", "2014-09-22 to 2014-09-23"),
                    ("Audit type", "Re-audit (full)"),
                    ("Announced", "Yes"),
                    ("Total personnel", "780"),
                    ("Report date", "30 September 2014"),
                    ("Auditor", "M. Reyes, Fairmont Social Audits Inc."),
                ],
            ),
        ],
    ),
]

SCANNED: list[Cover] = [
    Cover(
        "scanned_lines",
        _expected(
            "generic",
            None,
            "Harbourline Ethical Audits Ltd.",
            "Blue Lotus Garments Ltd.",
            "Plot 14, Road 3, Chattogram EPZ, Chattogram",
            "BD",
            "2013-02-18",
            "initial",
            "unannounced",
            905,
        ),
        [
            ("title", "Social Compliance Audit Report"),
            (
                "lines",
                [
                    ("Factory name", "Blue Lotus Garments Ltd."),
                    ("Factory address", "Plot 14, Road 3, Chattogram EPZ, Chattogram, Bangladesh"),
                    ("Audit date", "18 February 2013"),
                    ("Audit type", "Initial audit"),
                    ("Announcement", "Unannounced"),
                    ("Total workers", "905"),
                    ("Audit company", "Harbourline Ethical Audits Ltd."),
                ],
            ),
        ],
        scanned=True,
    ),
]

# --- covers written apart, never tuned on ----------------------------------------------------

HELD_OUT: list[Cover] = [
    Cover(
        "smeta61_ticked_options",
        _expected(
            "smeta",
            "6.1",
            "Lakeside Assurance Group",
            "Evergreen Leather Goods Pvt. Ltd.",
            "SIPCOT Industrial Estate, Ranipet, Vellore District, Tamil Nadu",
            "IN",
            "2012-03-03",
            "periodic",
            "semi_announced",
            1204,
        ),
        [
            ("title", "Sedex Members Ethical Trade Audit (SMETA) Report"),
            ("prose", "SMETA version 6.1 - 2-Pillar audit"),
            (
                "lines",
                [
                    ("Audit Conducted By", "Lakeside Assurance Group"),
                    ("Business Name", "Evergreen Leather Goods Pvt. Ltd."),
                    (
                        "Site Address",
                        "SIPCOT Industrial Estate, Ranipet, Vellore District, Tamil Nadu, India",
                    ),
                    ("Date(s) of Audit", "3rd - 4th March 2012"),
                    ("Audit Type", "[ ] Full Initial [X] Periodic [ ] Full Follow-up"),
                    ("Audit announcement", "[ ] Announced [X] Semi-announced [ ] Unannounced"),
                    ("Number of Workers", "1,204"),
                ],
            ),
        ],
    ),
    Cover(
        "fla_iem_gender_total",
        _expected(
            "generic",
            None,
            "Meridian Social Audit Ltd.",
            "Phu Thinh Apparel Co., Ltd.",
            "Km 9, National Road 5, Hai Duong",
            "VN",
            "2012-03-12",
            "follow_up",
            "unannounced",
            960,
        ),
        [
            ("title", "FLA Sustainable Compliance Assessment"),
            (
                "grid",
                [
                    ["Factory", "Phu Thinh Apparel Co., Ltd."],
                    ["Location", "Km 9, National Road 5, Hai Duong"],
                    ["Country / Region", "Viet Nam"],
                    ["Dates of Assessment", "2012-03-12 to 2012-03-14"],
                    ["Assessment Type", "Verification of remediation (follow-up)"],
                    ["Was the assessment announced?", "No"],
                    ["Assessor(s)", "A. Nguyen, Meridian Social Audit Ltd."],
                ],
            ),
            ("heading", "Workers by gender"),
            (
                "grid",
                [
                    ["Department", "Male", "Female"],
                    ["Sewing", "210", "540"],
                    ["Cutting and finishing", "95", "115"],
                    ["Total", "305", "655"],
                ],
            ),
        ],
    ),
    Cover(
        "better_work_walk_in",
        _expected(
            "generic",
            None,
            "Better Work Cambodia",
            "Golden Orchid Garment Factory",
            "National Road 4, Sangkat Kantouk, Phnom Penh",
            "KH",
            "2016-11-17",
            "periodic",
            "unannounced",
            2930,
        ),
        [
            ("title", "Better Work Cambodia - Assessment Report"),
            (
                "grid",
                [
                    ["Name of factory", "Golden Orchid Garment Factory"],
                    ["Factory address", "National Road 4, Sangkat Kantouk, Phnom Penh, Cambodia"],
                    ["Visit dates", "17 - 18 Nov 2016"],
                    ["Cycle", "Annual assessment (cycle 4)"],
                    ["Notice given", "Unannounced (walk-in)"],
                    ["Assessment by", "Better Work Cambodia"],
                    ["Total number of workers", "2,930"],
                ],
            ),
        ],
    ),
    Cover(
        "buyer_2009_month_first",
        _expected(
            "generic",
            None,
            "Summit Inspection Services",
            "Everwin Plastic Products Factory",
            "No. 8 Industrial Rd, Chang'an Town, Dongguan, Guangdong",
            "CN",
            "2009-03-12",
            "re_audit",
            "announced",
            640,
        ),
        [
            ("title", "FACTORY SOCIAL RESPONSIBILITY INSPECTION REPORT"),
            (
                "lines",
                [
                    ("Vendor", "Everwin Trading Co."),
                    ("Factory", "Everwin Plastic Products Factory"),
                    (
                        "Factory Address",
                        "No. 8 Industrial Rd, Chang'an Town, Dongguan, Guangdong, PRC",
                    ),
                    ("Inspection Date", "03/12/2009"),
                    ("Report Date", "03/28/2009"),
                    ("Inspection Type", "Re-inspection"),
                    ("Announced", "Yes"),
                    ("Total Headcount", "640"),
                    ("Inspection Company", "Summit Inspection Services"),
                ],
            ),
        ],
    ),
    Cover(
        "sa8000_numbered_rows",
        _expected(
            "sa8000",
            "2014",
            "Crestline Certification Ltd.",
            "Padma Knit Composite Ltd.",
            "Holding 112, BSCIC Industrial Area, Narayanganj",
            "BD",
            "2019-04-15",
            "re_audit",
            "announced",
            512,
        ),
        [
            ("title", "SA8000:2014 Audit Report"),
            (
                "grid",
                [
                    ["1", "Organisation", "Padma Knit Composite Ltd."],
                    ["2", "Address of the site", "Holding 112, BSCIC Industrial Area, Narayanganj"],
                    ["3", "Country", "People's Republic of Bangladesh"],
                    ["4", "Audit stage", "Recertification"],
                    ["5", "Audit dates", "15th–17th April 2019"],
                    ["6", "Announced / unannounced", "Announced"],
                    ["7", "Employees (total)", "512"],
                    ["8", "Certification body", "Crestline Certification Ltd."],
                ],
            ),
        ],
    ),
    Cover(
        "rba_two_pairs_per_line",
        _expected(
            "rba",
            "8.0",
            "Westbridge Audit Services",
            "Penang Circuit Technologies Sdn. Bhd.",
            "Plot 88, Bayan Lepas Free Industrial Zone Phase 4, Bayan Lepas, Penang",
            "MY",
            "2019-03-05",
            "follow_up",
            "announced",
            1850,
        ),
        [
            ("title", "RBA VAP Audit Report (Code of Conduct version 8.0)"),
            (
                "table",
                [
                    [
                        "Auditee:",
                        "Penang Circuit Technologies Sdn. Bhd.",
                        "Audit firm:",
                        "Westbridge Audit Services",
                    ],
                    ["Audit dates:", "Mar 5-7, 2019", "Audit category:", "Priority Closure Audit"],
                    ["Notification:", "Announced", "Workforce size:", "1,850"],
                ],
                [70, 170, 80, 150],
            ),
            (
                "lines",
                [
                    (
                        "Facility address",
                        "Plot 88, Bayan Lepas Free Industrial Zone Phase 4, "
                        "Bayan Lepas, Penang, Malaysia",
                    ),
                ],
            ),
        ],
    ),
    Cover(
        "bsci_label_above_value_in_cells",
        _expected(
            "amfori_bsci",
            "2021",
            "Eastgate Compliance Partners",
            "Shree Balaji Home Furnishings",
            "B-14, Sector 63, Noida, Uttar Pradesh",
            "IN",
            "2018-06-21",
            "re_audit",
            "unannounced",
            388,
        ),
        [
            ("title", "amfori BSCI Audit Report (amfori BSCI 2021)"),
            (
                "cellstack",
                [
                    [
                        ("Site name", "Shree Balaji Home Furnishings"),
                        ("Site address", "B-14, Sector 63, Noida, Uttar Pradesh"),
                    ],
                    [("Country", "Republic of India"), ("Audit date", "2018/06/21")],
                    [("Audit type", "Re-audit (full)"), ("Announcement", "Fully unannounced")],
                    [("Workers on site", "388"), ("Audit company", "Eastgate Compliance Partners")],
                ],
            ),
        ],
    ),
    Cover(
        "buyer_prose_only",
        _expected(
            "generic",
            None,
            "Tessera Compliance Services",
            "Golden Loom Apparel Ltd.",
            "Plot 9, Sector 5, CEPZ, Chittagong",
            "BD",
            "2012-03-12",
            "follow_up",
            "semi_announced",
            1150,
        ),
        [
            ("title", "Ethical Sourcing Programme - Site Visit"),
            (
                "prose",
                "On 12 March 2012 a semi-announced follow-up inspection was carried out by "
                "Tessera Compliance Services at Golden Loom Apparel Ltd., situated at Plot 9, "
                "Sector 5, CEPZ, Chittagong, Bangladesh. The factory employs approximately 1,150 "
                "workers and was last visited on 2 June 2011.",
            ),
        ],
    ),
]


# --- a second held-out set, written after the first one had been used to fix bugs ------------

HELD_OUT_2: list[Cover] = [
    Cover(
        "numbered_fields_iso_code_country",
        _expected(
            "generic",
            None,
            "SGS",
            "Nirvana Denim Mills Ltd.",
            "House 5, Road 2, Dhaka-1212",
            "BD",
            "2012-03-12",
            "periodic",
            "unannounced",
            730,
        ),
        [
            ("title", "Social Audit - Summary Sheet"),
            (
                "grid",
                [
                    ["1.1 Name of Facility", "Nirvana Denim Mills Ltd."],
                    ["1.2 Facility Address", "House 5, Road 2, Dhaka-1212, Bangladesh"],
                    ["1.3 Country", "BD"],
                    ["2.1 Audit Firm", "SGS"],
                    ["2.2 Audit Date(s)", "From 12 Mar 2012 to 14 Mar 2012"],
                    ["2.3 Type of Visit", "Annual surveillance visit (SV2)"],
                    ["2.4 Unannounced audit", "Yes"],
                    ["3.1 No. of Employees", "Male 320 / Female 410 / Total 730"],
                ],
            ),
        ],
    ),
    Cover(
        "smeta_day_list_window",
        _expected(
            "smeta",
            "6.1",
            "Sentinel Audits Pvt Ltd",
            "Indus Valley Towels (Pvt.) Ltd.",
            "Plot 7, Phase II, Export Processing Zone, Karachi",
            "PK",
            "2017-03-14",
            "initial",
            "semi_announced",
            1766,
        ),
        [
            ("title", "SMETA 6.1 Audit Report"),
            (
                "lines",
                [
                    ("Audit Company Name", "Sentinel Audits Pvt Ltd"),
                    ("Site Name", "Indus Valley Towels (Pvt.) Ltd."),
                    ("Site Address", "Plot 7, Phase II, Export Processing Zone, Karachi"),
                    ("Country", "Islamic Republic of Pakistan"),
                    ("Date of Audit", "Day 1 – 14/03/2017 Day 2 – 15/03/2017"),
                    ("Audit type", "Full Initial"),
                    ("Audit Announcement", "Semi-announced (window of 3 weeks)"),
                ],
            ),
            ("heading", "Worker numbers"),
            (
                "table",
                [
                    ["", "Local", "Migrant", "Total"],
                    ["Permanent", "1210", "402", "1612"],
                    ["Temporary", "98", "56", "154"],
                    ["Total", "1308", "458", "1766"],
                ],
                [120, 70, 70, 70],
            ),
        ],
    ),
    Cover(
        "fla_last_and_this_assessment",
        _expected(
            "generic",
            None,
            "Sentinel Audits Pvt Ltd",
            "Mutiara Garment Sdn. Bhd.",
            "Lot 12, Jalan Industri 3, Shah Alam, Selangor",
            "MY",
            "2017-03-22",
            "follow_up",
            "announced",
            1020,
        ),
        [
            ("title", "Fair Labor Association Assessment"),
            (
                "lines",
                [
                    ("Facility name", "Mutiara Garment Sdn. Bhd."),
                    ("Facility address", "Lot 12, Jalan Industri 3, Shah Alam, Selangor"),
                    ("Date of last assessment", "02/02/2016"),
                    ("Date of this assessment", "22/03/2017"),
                    ("Type of assessment", "Follow-up verification"),
                    ("Announcement", "Announced"),
                    ("Lead Auditor / Firm", "R. Das / Sentinel Audits Pvt Ltd"),
                    ("Total employees (all categories)", "1,020"),
                ],
            ),
        ],
    ),
    Cover(
        "buyer_uppercase_weekday_prose_headcount",
        _expected(
            "generic",
            None,
            "Northwind Verification Co.",
            "Lanka Athletic Wear (Pvt) Ltd",
            "No. 45, Katunayake Export Processing Zone, Katunayake",
            "LK",
            "2017-03-14",
            "initial",
            "unannounced",
            450,
        ),
        [
            ("title", "VENDOR COMPLIANCE AUDIT"),
            (
                "lines",
                [
                    ("SUPPLIER", "Lanka Athletic Wear (Pvt) Ltd"),
                    (
                        "LOCATION",
                        "No. 45, Katunayake Export Processing Zone, Katunayake, Sri Lanka",
                    ),
                    ("AUDIT DATE", "Tuesday, 14 March 2017"),
                    ("TYPE", "Initial"),
                    ("ANNOUNCED / UNANNOUNCED", "Unannounced"),
                    ("AUDITOR", "Northwind Verification Co."),
                ],
            ),
            ("prose", "At the time of the visit there were 450 employees on the payroll."),
        ],
    ),
    Cover(
        "rba_sized_borderless",
        _expected(
            "rba",
            "6.0",
            "Clearview Audit Solutions",
            "Siam Electro Components Co., Ltd.",
            "88 Moo 4, Hi-Tech Industrial Estate, Bang Pa-in, Ayutthaya",
            "TH",
            "2018-11-05",
            "initial",
            "semi_announced",
            2450,
        ),
        [
            ("title", "Validated Audit Report - RBA Code of Conduct 6.0"),
            (
                "sized",
                [
                    ("Facility Name", "Siam Electro Components Co., Ltd."),
                    ("Address", "88 Moo 4, Hi-Tech Industrial Estate, Bang Pa-in, Ayutthaya"),
                    ("Country/Region", "Thailand"),
                    ("Audit Start Date", "2018-11-05"),
                    ("Audit End Date", "2018-11-07"),
                    ("Audit Type", "Initial"),
                    ("Announced/Semi/Unannounced", "Semi-Announced"),
                    ("Employees", "2,450 (incl. 300 agency workers)"),
                    ("Audit Firm", "Clearview Audit Solutions"),
                ],
            ),
        ],
    ),
    Cover(
        "sa8000_prose_surveillance",
        _expected(
            "sa8000",
            "2014",
            "Dharma Certification Pvt. Ltd.",
            "Kaveri Spinning Mills (P) Ltd",
            "12 Avinashi Road, Tiruppur, Tamil Nadu",
            "IN",
            "2018-08-07",
            "periodic",
            "unannounced",
            1311,
        ),
        [
            ("title", "SA8000:2014 Surveillance Audit"),
            (
                "prose",
                "The second surveillance audit of Kaveri Spinning Mills (P) Ltd, located at "
                "12 Avinashi Road, Tiruppur, Tamil Nadu, India, was performed on 7–8 August 2018 "
                "by Dharma Certification Pvt. Ltd. The audit was unannounced. The organisation "
                "had a workforce of 1,311 at the time of the audit.",
            ),
        ],
    ),
    Cover(
        "better_work_jordan_shared_month",
        _expected(
            "generic",
            None,
            "Better Work Jordan",
            "Desert Rose Apparel Manufacturing",
            "Al Hassan Industrial Estate, Irbid",
            "JO",
            "2015-09-20",
            "periodic",
            "unannounced",
            1840,
        ),
        [
            ("title", "Better Work Jordan Compliance Assessment"),
            (
                "grid",
                [
                    ["Factory Name", "Desert Rose Apparel Manufacturing"],
                    ["Address", "Al Hassan Industrial Estate, Irbid"],
                    ["Date of visit(s)", "20-21/09/2015"],
                    ["Visit type", "Annual assessment"],
                    ["Notice", "Unannounced"],
                    ["Workers", "1,840 (1,210 migrant)"],
                    ["Assessed by", "Better Work Jordan"],
                ],
            ),
        ],
    ),
    Cover(
        "legacy_cross_month_range",
        _expected(
            "generic",
            None,
            "Brightwater Audit Group",
            "Anh Duong Furniture JSC",
            "27 Road 9A, Bien Hoa 2 Industrial Zone, Dong Nai",
            "VN",
            "2011-02-28",
            "initial",
            "announced",
            350,
        ),
        [
            ("title", "Social Responsibility Audit"),
            (
                "lines",
                [
                    ("Report date", "15 March 2011"),
                    ("Name of Auditing Organisation", "Brightwater Audit Group"),
                    ("Site", "Anh Duong Furniture JSC"),
                    ("Full address", "27 Road 9A, Bien Hoa 2 Industrial Zone, Dong Nai, Vietnam"),
                    ("Audit date(s)", "28th Feb - 1st Mar 2011"),
                    ("Audit type", "Initial audit"),
                    ("Audit announced", "Yes"),
                    ("Total workforce", "350"),
                ],
            ),
        ],
    ),
]


# --- a third held-out set, written after the second one had been used to fix bugs -------------

HELD_OUT_3: list[Cover] = [
    Cover(
        "smeta7_colon_cells_two_columns",
        _expected(
            "smeta",
            "7.0",
            "ELEVATE Limited",
            "Sunrise Footwear Industries Ltd.",
            "Plot 31-32, Mongla EPZ, Bagerhat",
            "BD",
            "2021-11-09",
            "periodic",
            "announced",
            2204,
        ),
        [
            ("title", "SMETA 7.0 4-Pillar Audit"),
            (
                "grid",
                [
                    ["Audit company: ELEVATE Limited", "Audit type: Periodic"],
                    ["Site name: Sunrise Footwear Industries Ltd.", "Was the audit announced: Yes"],
                    [
                        "Site address (incl. country): Plot 31-32, Mongla EPZ, Bagerhat, "
                        "Bangladesh",
                        "Date of audit: 09/11/2021 - 11/11/2021",
                    ],
                    ["Number of workers (on day of audit): 2,204", "Report issued: 30/11/2021"],
                ],
            ),
        ],
    ),
    Cover(
        "buyer_ms_prefix_and_long_firm",
        _expected(
            "generic",
            None,
            "Bureau Veritas Consumer Products Services (India) Pvt Ltd",
            "M/s. Shakti Exports",
            "E-12, Phase VII, Focal Point, Ludhiana, Punjab",
            "IN",
            "2016-04-04",
            "initial",
            "announced",
            318,
        ),
        [
            ("title", "Supplier Ethical Assessment"),
            (
                "grid",
                [
                    ["Supplier / Factory", "M/s. Shakti Exports"],
                    ["Address", "E-12, Phase VII, Focal Point, Ludhiana, Punjab, India"],
                    ["Assessor", "Bureau Veritas Consumer Products Services (India) Pvt Ltd"],
                    ["Assessment carried out", "between 4 and 6 April 2016"],
                    ["Visit", "First assessment, announced (2 weeks notice)"],
                    ["Total no. of employees including management", "318"],
                ],
            ),
        ],
    ),
    Cover(
        "rba_borderless_header_row",
        _expected(
            "rba",
            "7.0",
            "Tristar Audit Services",
            "Hanoi Precision Molding Co., Ltd.",
            "Lot CN5, Thach That - Quoc Oai Industrial Park, Hanoi",
            "VN",
            "2020-01-14",
            "follow_up",
            "unannounced",
            730,
        ),
        [
            ("title", "RBA Validated Audit Report - Code Version 7.0"),
            (
                "table",
                [
                    ["Facility", "Audit Type", "Announcement", "Audit Start"],
                    [
                        "Hanoi Precision Molding Co., Ltd.",
                        "Closure audit",
                        "Unannounced",
                        "14-Jan-2020",
                    ],
                ],
                [160, 100, 100, 100],
            ),
            (
                "lines",
                [
                    (
                        "Facility Address",
                        "Lot CN5, Thach That - Quoc Oai Industrial Park, Hanoi, Vietnam",
                    ),
                    ("Auditing Firm", "Tristar Audit Services"),
                    ("Total Workers", "730"),
                ],
            ),
        ],
    ),
    Cover(
        "sa8000_stacked_with_ordinals",
        _expected(
            "sa8000",
            "2014",
            "Meridian Certification AG",
            "Yildiz Tekstil Sanayi A.S.",
            "Organize Sanayi Bolgesi 3. Cadde No: 9, Denizli",
            "TR",
            "2012-03-12",
            "periodic",
            "semi_announced",
            1460,
        ),
        [
            ("title", "SA8000:2014 Surveillance Audit Report"),
            (
                "stacked",
                [
                    ("Organisation name", "Yildiz Tekstil Sanayi A.S."),
                    ("Site address", "Organize Sanayi Bolgesi 3. Cadde No: 9, Denizli, Türkiye"),
                    ("Audit dates", "12th-14th of March, 2012"),
                    ("Audit type", "Surveillance audit 2"),
                    ("Announcement", "Semi-announced"),
                    ("Certification body", "Meridian Certification AG"),
                    ("Personnel", "1,460"),
                ],
            ),
        ],
    ),
    Cover(
        "fla_prose_between_dates",
        _expected(
            "generic",
            None,
            "Fair Labor Association",
            "Tan Phu Garment Factory",
            "Road 6, Tan Phu Industrial Zone, Ho Chi Minh City",
            "VN",
            "2016-04-04",
            None,
            "unannounced",
            2600,
        ),
        [
            ("title", "Fair Labor Association - Factory Assessment"),
            (
                "prose",
                "The Fair Labor Association assessed Tan Phu Garment Factory, located at "
                "Road 6, Tan Phu Industrial Zone, Ho Chi Minh City, Vietnam. The assessment was "
                "unannounced and was carried out between 4 and 6 April 2016. At the time of the "
                "assessment the factory had 2,600 workers on site.",
            ),
        ],
    ),
    Cover(
        "better_work_four_cells_country_field",
        _expected(
            "generic",
            None,
            "Better Work Indonesia",
            "PT Sinar Garmen Abadi",
            "Jl. Raya Cikarang No. 17, Bekasi, West Java",
            "ID",
            "2019-07-23",
            "periodic",
            "unannounced",
            4120,
        ),
        [
            ("title", "Better Work Indonesia: Compliance Assessment"),
            (
                "grid",
                [
                    ["Factory", "PT Sinar Garmen Abadi", "Country", "Indonesia"],
                    [
                        "Address",
                        "Jl. Raya Cikarang No. 17, Bekasi, West Java",
                        "Assessment",
                        "Annual",
                    ],
                    ["Date(s)", "23/07/2019, 24/07/2019", "Notice", "Unannounced"],
                    ["Employees", "4,120", "Assessed by", "Better Work Indonesia"],
                ],
            ),
        ],
    ),
    Cover(
        "bsci_uppercase_table_alpha3",
        _expected(
            "amfori_bsci",
            "2014",
            "Quality Pro Services Co., Ltd.",
            "Guangzhou Everbright Bags Co., Ltd.",
            "No. 5 Xinxing Road, Baiyun District, Guangzhou",
            "CN",
            "2015-08-03",
            "follow_up",
            "semi_announced",
            265,
        ),
        [
            ("title", "AMFORI BSCI AUDIT REPORT (BSCI CODE OF CONDUCT 2014)"),
            (
                "grid",
                [
                    ["AUDITEE", "Guangzhou Everbright Bags Co., Ltd."],
                    ["ADDRESS", "No. 5 Xinxing Road, Baiyun District, Guangzhou"],
                    ["COUNTRY", "CHN"],
                    ["AUDIT DATE", "3 AUG 2015"],
                    ["AUDIT TYPE", "FOLLOW-UP AUDIT"],
                    ["ANNOUNCEMENT", "SEMI-ANNOUNCED"],
                    ["WORKERS", "265"],
                    ["AUDIT COMPANY", "Quality Pro Services Co., Ltd."],
                ],
            ),
        ],
    ),
    Cover(
        "legacy_value_on_same_line_no_colon",
        _expected(
            "generic",
            None,
            "Crossroads Social Audits",
            "Atlas Knitting Mills",
            "Km 22, Lahore-Sheikhupura Road, Sheikhupura",
            "PK",
            "2010-05-18",
            "special",
            "unannounced",
            890,
        ),
        [
            ("title", "CONFIDENTIAL - SOCIAL AUDIT"),
            (
                "table",
                [
                    ["Factory Name", "Atlas Knitting Mills"],
                    ["Factory Address", "Km 22, Lahore-Sheikhupura Road, Sheikhupura, Pakistan"],
                    ["Date of Inspection", "18th May 2010"],
                    ["Reason for audit", "Complaint investigation"],
                    ["Unannounced", "Yes"],
                    ["Workers (total)", "890"],
                    ["Auditor", "Crossroads Social Audits"],
                ],
                [150, 320],
            ),
        ],
    ),
]


# --- a fourth held-out set, written after the third one had been used to fix bugs -------------

GAP = "&nbsp;" * 14

HELD_OUT_4: list[Cover] = [
    Cover(
        "smeta61_questions_and_noise_rows",
        _expected(
            "smeta",
            "6.1",
            "Vantage Social Audits",
            "Ceylon Intimates (Pvt) Ltd",
            "No. 112, Biyagama Export Processing Zone, Malwana",
            "LK",
            "2018-10-16",
            "follow_up",
            "semi_announced",
            1030,
        ),
        [
            ("title", "SMETA Audit Report (Version 6.1)"),
            (
                "grid",
                [
                    ["Audit Company Name:", "Vantage Social Audits"],
                    ["Audit conducted by (lead auditor):", "S. Kaur"],
                    ["Date of Audit:", "16th - 17th October 2018"],
                    ["Audit type:", "Full Follow-up"],
                    ["Was the audit announced?", "Semi-announced"],
                    ["Was the Sedex SAQ available for review?", "Yes"],
                    ["Site name:", "Ceylon Intimates (Pvt) Ltd"],
                    [
                        "Site address: (Please include full address)",
                        "No. 112, Biyagama Export Processing Zone, Malwana, Sri Lanka",
                    ],
                    ["Country:", "Sri Lanka"],
                    ["Site contact and job title:", "N. Perera, HR Manager"],
                    ["Worker numbers – Total", "1,030"],
                ],
            ),
        ],
    ),
    Cover(
        "wrap_dotted_iso_date",
        _expected(
            "generic",
            None,
            "Sterling Compliance S.A.",
            "Textiles del Valle S. de R.L.",
            "Parque Industrial ZIP Buena Vista, Villanueva, Cortés",
            "HN",
            "2014-10-06",
            "re_audit",
            "unannounced",
            1955,
        ),
        [
            ("title", "WRAP Facility Audit Report"),
            (
                "lines",
                [
                    ("Facility", "Textiles del Valle S. de R.L."),
                    ("Address", "Parque Industrial ZIP Buena Vista, Villanueva, Cortés, Honduras"),
                    ("Date of audit", "2014.10.06"),
                    ("Audit", "Recertification"),
                    ("Type of notice", "Unannounced"),
                    ("Employee count", "1,955"),
                    ("Monitoring company", "Sterling Compliance S.A."),
                ],
            ),
        ],
    ),
    Cover(
        "better_work_comment_column",
        _expected(
            "generic",
            None,
            "Better Work Bangladesh",
            "Sonar Bangla Knit Ltd.",
            "Plot 5-7, BSCIC Industrial Estate, Konabari, Gazipur",
            "BD",
            "2019-03-05",
            "periodic",
            "unannounced",
            3412,
        ),
        [
            ("title", "Better Work Bangladesh - Annual Assessment Report"),
            (
                "grid",
                [
                    ["Factory name", "Sonar Bangla Knit Ltd.", ""],
                    ["Address", "Plot 5-7, BSCIC Industrial Estate, Konabari, Gazipur", ""],
                    ["Assessment dates", "5 & 6 March 2019", "2 assessors"],
                    ["Assessment type", "Unannounced annual assessment", ""],
                    ["Number of workers", "3,412", "approx. 65% women"],
                    ["Assessed by", "Better Work Bangladesh", ""],
                ],
            ),
        ],
    ),
    Cover(
        "buyer_bilingual_labels",
        _expected(
            "generic",
            None,
            "Auditores Sociales del Norte",
            "Maquiladora Sierra Alta S.A. de C.V.",
            "Av. Industrial 450, Parque Industrial Las Americas, Chihuahua",
            "MX",
            "2015-03-12",
            "initial",
            "announced",
            1240,
        ),
        [
            ("title", "Auditoría Social / Social Audit"),
            (
                "grid",
                [
                    ["Nombre de planta / Plant name", "Maquiladora Sierra Alta S.A. de C.V."],
                    [
                        "Dirección / Address",
                        "Av. Industrial 450, Parque Industrial Las Americas, Chihuahua",
                    ],
                    ["País / Country", "México"],
                    ["Fecha de auditoría / Audit date", "12/03/2015"],
                    ["Tipo de auditoría / Audit type", "Inicial / Initial"],
                    ["Anunciada / Announced", "Sí / Yes"],
                    ["Número de trabajadores / Number of workers", "1,240"],
                    ["Empresa auditora / Audit company", "Auditores Sociales del Norte"],
                ],
            ),
        ],
    ),
    Cover(
        "fla_brand_and_factory",
        _expected(
            "generic",
            None,
            "Coroza Monitoring Group",
            "Confecciones Quetzal S.A.",
            "Km 18.5 Carretera al Pacifico, Villa Nueva",
            "GT",
            "2013-08-13",
            None,
            "unannounced",
            612,
        ),
        [
            ("title", "FLA Independent External Monitoring Report"),
            (
                "lines",
                [
                    ("Company", "Northpeak Outdoor Brands"),
                    ("Factory name", "Confecciones Quetzal S.A."),
                    ("Factory location", "Km 18.5 Carretera al Pacifico, Villa Nueva"),
                    ("Country", "Guatemala"),
                    ("Dates of assessment", "August 13-14, 2013"),
                    ("Number of workers", "612"),
                    ("Monitoring organisation", "Coroza Monitoring Group"),
                    ("Notification", "Unannounced"),
                ],
            ),
        ],
    ),
    Cover(
        "rba8_direct_indirect_total",
        _expected(
            "rba",
            "8.0",
            "Keystone Assurance Asia",
            "Suzhou Lumen Optics Co., Ltd.",
            "No. 8 Fengli Street, Suzhou Industrial Park, Suzhou, Jiangsu",
            "CN",
            "2023-02-06",
            "initial",
            "announced",
            5410,
        ),
        [
            ("title", "RBA Validated Assessment Program - VAP Audit Report (RBA Code 8.0)"),
            (
                "grid",
                [
                    ["Audit Firm Name", "Keystone Assurance Asia"],
                    ["Facility Name", "Suzhou Lumen Optics Co., Ltd."],
                    [
                        "Facility Address",
                        "No. 8 Fengli Street, Suzhou Industrial Park, Suzhou, Jiangsu, China",
                    ],
                    ["Audit Dates (Start – End)", "2023-02-06 – 2023-02-08"],
                    ["Audit Type", "Initial Audit"],
                    ["Audit Announcement", "Announced"],
                    ["Total Workforce (Direct + Indirect)", "5,410"],
                ],
            ),
        ],
    ),
    Cover(
        "sa8000_iso_day_range",
        _expected(
            "sa8000",
            "2014",
            "Global Ethics Certification Ltd.",
            "Nile Cotton Spinning Co.",
            "10th of Ramadan City, Industrial Zone B3, Sharqia",
            "EG",
            "2017-11-20",
            "periodic",
            "announced",
            2280,
        ),
        [
            ("title", "SA8000:2014 Certification Audit Report"),
            (
                "grid",
                [
                    ["Organisation", "Nile Cotton Spinning Co."],
                    ["Site address", "10th of Ramadan City, Industrial Zone B3, Sharqia, Egypt"],
                    ["Audit Cycle", "2nd Surveillance"],
                    ["Audit Date(s)", "2017-11-20/21"],
                    ["Announcement", "Announced"],
                    ["Headcount", "2,280"],
                    ["CB", "Global Ethics Certification Ltd."],
                ],
            ),
        ],
    ),
    Cover(
        "legacy_wide_gap_same_line",
        _expected(
            "generic",
            None,
            "Pinnacle Audit Services",
            "Golden Star Garments Ltd",
            "Plot 33, Savar EPZ, Dhaka",
            "BD",
            "2009-11-04",
            "initial",
            "announced",
            1570,
        ),
        [
            ("title", "AUDIT SUMMARY"),
            ("prose", f"Factory Name{GAP}Golden Star Garments Ltd"),
            ("prose", f"Factory Address{GAP}Plot 33, Savar EPZ, Dhaka, Bangladesh"),
            ("prose", f"Audit Date{GAP}04-11-2009"),
            ("prose", f"Audit Type{GAP}Initial"),
            ("prose", f"Announced{GAP}Yes"),
            ("prose", f"No. of Workers{GAP}1570"),
            ("prose", f"Auditor{GAP}Pinnacle Audit Services"),
        ],
    ),
]


def main() -> None:
    """Write every cover PDF and the expected metadata of each."""
    expected: dict[str, dict[str, object]] = {}
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    sets = (
        ("dev", DEV),
        ("scanned", SCANNED),
        ("heldout", HELD_OUT),
        ("heldout2", HELD_OUT_2),
        ("heldout3", HELD_OUT_3),
        ("heldout4", HELD_OUT_4),
    )
    for split, covers in sets:
        folder = OUT / split
        folder.mkdir(parents=True, exist_ok=True)
        for cover in covers:
            (folder / f"{cover.name}.pdf").write_bytes(render(cover))
            expected[f"{split}/{cover.name}"] = cover.expected
    text = json.dumps(expected, indent=1, ensure_ascii=False, sort_keys=True)
    (OUT / "expected.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
