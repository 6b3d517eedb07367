"""Audit metadata from hand-built cover pages: labels in any structure, values in any wording.

Each Document here is built by hand (lines with positions, ruled tables) the way the PDF reader
hands them over; `test_metadata_pdfs.py` runs the real reader on real cover PDFs.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.audit.audit_kinds import announcement_from, audit_type_from
from extractor.audit.cover import labelled_values
from extractor.audit.firms import firm_name
from extractor.audit.labels import label_field
from extractor.audit.metadata import extract_audit_info
from extractor.audit.workforce import table_total, workers_from_value
from extractor.reading.document import Document, Line, Page, Table, TableRow

SHA = "0" * 64


def line(text: str, top: float, x: float = 56.0, *, size: float = 10.0, bold: bool = False):
    return Line(
        text=text,
        page=1,
        bbox=(x, top, x + 6 * len(text), top + size),
        size=size,
        bold=bold,
    )


def table(rows: list[list[str]], top: float = 400.0) -> Table:
    return Table(
        page=1,
        bbox=(56, top, 540, top + 20 * len(rows)),
        rows=[
            TableRow(cells=cells, page=1, bbox=(56, top + 20 * i, 540, top + 20 * (i + 1)))
            for i, cells in enumerate(rows)
        ],
    )


def document(lines: list[Line] = (), tables: list[Table] = (), *, ocr: bool = False) -> Document:  # type: ignore[assignment]
    page = Page(number=1, width=595, height=842, lines=list(lines), ocr=ocr)
    return Document(
        filename="cover.pdf",
        sha256=SHA,
        page_count=1,
        pages=[page],
        tables=list(tables),
        ocr_pages=[1] if ocr else [],
    )


def colon_lines(pairs: list[tuple[str, str]], top: float = 80.0) -> list[Line]:
    return [line(f"{label}: {value}", top + 13 * i) for i, (label, value) in enumerate(pairs)]


def info(doc: Document, standard: str = "generic"):
    return extract_audit_info(doc, standard, None)  # type: ignore[arg-type]


# --- regressions named in the issue ----------------------------------------------------------


def test_total_personnel_is_read_as_the_worker_count():
    labelled = document(colon_lines([("Total personnel", "842")]))
    assert info(labelled).workers_total == 842
    demographics = document(
        tables=[
            table(
                [
                    ["Category", "Men", "Women", "Total"],
                    ["Production", "402", "311", "713"],
                    ["Total personnel", "463", "379", "842"],
                ]
            )
        ]
    )
    assert info(demographics).workers_total == 842


def test_notice_semi_announced_is_read():
    assert info(document(colon_lines([("Notice", "Semi-announced")]))).announcement == (
        "semi_announced"
    )


@pytest.mark.parametrize("printed", ["Recertification audit", "Re-audit (full)"])
def test_recertification_and_full_re_audit_are_re_audits_not_periodic(printed):
    assert info(document(colon_lines([("Audit type", printed)]))).audit_type == "re_audit"


@pytest.mark.parametrize(
    ("printed", "day"),
    [("June 12, 2020 (2 days)", dt.date(2020, 6, 12)), ("3rd March 2012", dt.date(2012, 3, 3))],
)
def test_dates_with_a_duration_or_an_ordinal_are_read(printed, day):
    assert info(document(colon_lines([("Date of audit", printed)]))).audit_date == day


@pytest.mark.parametrize(
    ("printed", "code"), [("People's Republic of Bangladesh", "BD"), ("Türkiye", "TR")]
)
def test_countries_in_long_or_local_form_are_read(printed, code):
    assert info(document(colon_lines([("Country", printed)]))).country == code


def test_audit_firm_printed_after_an_assessor_name_is_read():
    doc = document(colon_lines([("Lead assessor", "J. Okafor (Veritas Audits Ltd.)")]))
    assert info(doc).audit_firm == "Veritas Audits Ltd."


def test_ocr_confusions_in_an_address_are_put_right():
    doc = document(colon_lines([("Factory address", "Piot 14, Road 3, Chattogram EPZ")]), ocr=True)
    assert info(doc).site_address == "Plot 14, Road 3, Chattogram EPZ"
    # The same text on a page that was not OCR'd is left as printed.
    doc = document(colon_lines([("Factory address", "Piot 14, Road 3, Chattogram EPZ")]))
    assert info(doc).site_address == "Piot 14, Road 3, Chattogram EPZ"


def test_ocr_digit_slips_in_labels_still_name_the_field():
    assert label_field("Aud1t date") is not None
    assert label_field("C0untry") is not None
    assert label_field("Tota| personnel") is not None


# --- structures --------------------------------------------------------------------------------


def test_label_above_value_is_read():
    doc = document(
        [
            line("Assessment date", 100, bold=True),
            line("June 12, 2020 (2 days)", 113),
            line("Notice", 130, bold=True),
            line("Unannounced", 143),
        ]
    )
    result = info(doc)
    assert result.audit_date == dt.date(2020, 6, 12)
    assert result.announcement == "unannounced"


def test_label_and_value_side_by_side_are_read_even_when_the_value_looks_like_a_label():
    doc = document(
        [
            line("Was the audit announced?", 100),
            line("Announced", 100, x=300),
            line("Assessment type:", 113),
            line("Initial, announced", 113, x=300),
        ]
    )
    result = info(doc)
    assert result.announcement == "announced"
    assert result.audit_type == "initial"


def test_header_row_of_labels_with_values_in_the_row_below():
    doc = document(
        tables=[
            table(
                [
                    ["Facility", "Audit type", "Notification", "Audit firm"],
                    ["Mekong Parts Co., Ltd.", "Closure", "Announced", "Pacific Assurance"],
                ]
            )
        ]
    )
    result = info(doc)
    assert (result.site_name, result.audit_type, result.announcement, result.audit_firm) == (
        "Mekong Parts Co., Ltd.",
        "follow_up",
        "announced",
        "Pacific Assurance",
    )


def test_lettered_smeta_fields_and_four_cell_rows():
    doc = document(
        tables=[
            table(
                [
                    ["B", "Date of audit", "05/03/2012 - 06/03/2012"],
                    ["Site name", "Crescent Knitwear Ltd.", "Country", "Viet Nam"],
                ]
            )
        ]
    )
    result = info(doc)
    assert result.audit_date == dt.date(2012, 3, 5)
    assert result.site_name == "Crescent Knitwear Ltd."
    assert result.country == "VN"


def test_several_pairs_on_one_line_and_dot_leaders():
    doc = document(
        [
            line("Audit type: Partial Follow-up   Announcement: Announced", 100),
            line("Total number of workers ........ 455", 113),
        ]
    )
    result = info(doc)
    assert (result.audit_type, result.announcement, result.workers_total) == (
        "follow_up",
        "announced",
        455,
    )


def test_a_wrapped_address_continues_on_the_next_line():
    doc = document(
        [
            line("Site address:", 100),
            line("Plot 22-24, Road 7, Ashulia,", 100, x=200),
            line("Savar, Dhaka, Bangladesh", 112, x=200),
            line("Country:", 130),
            line("Bangladesh", 130, x=200),
        ]
    )
    result = info(doc)
    assert result.site_address == "Plot 22-24, Road 7, Ashulia, Savar, Dhaka"
    assert result.country == "BD"


def test_ticked_option_is_the_value():
    doc = document(
        colon_lines(
            [
                ("Audit type", "[ ] Full Initial [X] Periodic [ ] Full Follow-up"),
                ("Announcement", "Announced ☐ Semi-announced ☒ Unannounced ☐"),
            ]
        )
    )
    result = info(doc)
    assert (result.audit_type, result.announcement) == ("periodic", "semi_announced")


# --- choosing between values -------------------------------------------------------------------


def test_previous_audit_and_report_dates_are_not_the_audit_date():
    doc = document(
        colon_lines(
            [
                ("Previous audit date", "15 September 2013"),
                ("Report date", "30 September 2014"),
                ("Audit date", "2014-09-22 to 2014-09-23"),
            ]
        )
    )
    assert info(doc).audit_date == dt.date(2014, 9, 22)


def test_month_first_dates_when_the_document_shows_it():
    doc = document(colon_lines([("Inspection date", "03/12/2009"), ("Report date", "03/28/2009")]))
    assert info(doc).audit_date == dt.date(2009, 3, 12)
    doc = document(colon_lines([("Inspection date", "03/12/2009"), ("Country", "Bangladesh")]))
    assert info(doc).audit_date == dt.date(2009, 12, 3)
    doc = document(colon_lines([("Inspection date", "03/12/2009"), ("Country", "USA")]))
    assert info(doc).audit_date == dt.date(2009, 3, 12)


def test_site_name_label_beats_company_name_label():
    doc = document(
        colon_lines([("Company name", "Everwin Trading Co."), ("Site name", "Everwin Plant 2")])
    )
    assert info(doc).site_name == "Everwin Plant 2"


def test_country_from_an_address_without_a_country_field():
    doc = document(
        colon_lines([("Facility address", "Lot 12, Jalan Industri 3, Shah Alam, Selangor")])
    )
    assert info(doc).country == "MY"


def test_introduction_prose_when_there_are_no_labels():
    doc = document(
        [
            line("Ethical Sourcing Programme - Site Visit", 60, size=16, bold=True),
            line("On 12 March 2012 a semi-announced follow-up inspection was carried out by", 90),
            line(
                "Tessera Compliance Services at Golden Loom Apparel Ltd., situated at Plot 9,", 103
            ),
            line(
                "Sector 5, CEPZ, Chittagong, Bangladesh. The factory employs approximately 1,150",
                116,
            ),
            line("workers and was last visited on 2 June 2011.", 129),
        ]
    )
    result = info(doc)
    assert result.audit_firm == "Tessera Compliance Services"
    assert result.site_name == "Golden Loom Apparel Ltd."
    assert result.site_address == "Plot 9, Sector 5, CEPZ, Chittagong"
    assert result.country == "BD"
    assert result.audit_date == dt.date(2012, 3, 12)
    assert (result.audit_type, result.announcement) == ("follow_up", "semi_announced")
    assert result.workers_total == 1150


def test_unknown_stays_null():
    result = info(document([line("Annual social report", 60)]))
    assert result.model_dump(exclude={"standard"}) == {
        key: None for key in result.model_dump(exclude={"standard"})
    }
    # Wording that names no type, and a list of options with nothing ticked, say nothing.
    doc = document(
        colon_lines(
            [
                ("Audit type", "Full audit"),
                ("Announcement", "Announced / Semi-announced / Unannounced"),
            ]
        )
    )
    result = info(doc)
    assert (result.audit_type, result.announcement) == (None, None)


def test_a_sentence_is_not_a_label():
    doc = document(
        [line("Personnel files, payroll and time records for 12 months were reviewed.", 90)]
    )
    assert info(doc).workers_total is None
    assert labelled_values(doc) == []


# --- value vocabularies ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "audit_type"),
    [
        ("Full Initial", "initial"),
        ("Periodic", "periodic"),
        ("Surveillance", "periodic"),
        ("Annual assessment", "periodic"),
        ("Full Follow-up", "follow_up"),
        ("Partial Follow-up", "follow_up"),
        ("Closure", "follow_up"),
        ("Priority Closure", "follow_up"),
        ("Recertification audit", "re_audit"),
        ("Re-audit (full)", "re_audit"),
        ("Re-inspection", "re_audit"),
        ("Special investigation", "special"),
        ("Verification assessment", "follow_up"),
        ("Verification audit (first)", "initial"),
        ("Periodic verification audit", "periodic"),
        ("Annual recertification", "re_audit"),
        ("Annual re-inspection", "periodic"),
        ("Assessment cycle 1", "initial"),
        ("Annual assessment (cycle 4)", "periodic"),
        ("Annual re-inspection", "periodic"),
        ("Baseline assessment", "initial"),
        ("First compliance assessment", "initial"),
        ("Full audit", None),
        ("4-Pillar", None),
    ],
)
def test_audit_type_vocabulary(printed, audit_type):
    assert audit_type_from(printed) == audit_type


@pytest.mark.parametrize(
    ("printed", "label", "announcement"),
    [
        ("Semi-announced", None, "semi_announced"),
        ("3-week announcement window", None, "semi_announced"),
        ("Semi-announced (window of 3 weeks)", None, "semi_announced"),
        ("Unannounced (walk-in)", None, "unannounced"),
        ("Not announced", None, "unannounced"),
        ("Fully unannounced", None, "unannounced"),
        ("Announced", None, "announced"),
        ("Yes", "Was the audit announced?", "announced"),
        ("No", "Was the audit announced?", "unannounced"),
        ("Yes", "Unannounced audit", "unannounced"),
        ("No", "Semi-announced", None),
        ("Yes", None, None),
    ],
)
def test_announcement_vocabulary(printed, label, announcement):
    assert announcement_from(printed, label=label) == announcement


@pytest.mark.parametrize(
    ("printed", "workers"),
    [
        ("278 persons", 278),
        ("1,234", 1234),
        ("Male 320 / Female 410 / Total 730", 730),
        ("350 (200 male / 150 female)", 350),
        ("2,450 (incl. 300 agency workers)", 2450),
        ("Permanent 300 / Temporary 50", None),
        ("45%", None),
    ],
)
def test_worker_total_from_a_labelled_value(printed, workers):
    assert workers_from_value(printed) == workers


def test_worker_total_from_demographics_tables():
    gender_only = [
        ["Department", "Male", "Female"],
        ["Sewing", "210", "540"],
        ["Total", "305", "655"],
    ]
    assert table_total(gender_only) == 960
    wages = [["Worker", "Hours", "Wage"], ["Total", "265", "158"]]
    assert table_total(wages) is None
    overlapping = [["", "Permanent", "Temporary", "Agency"], ["Total personnel", "300", "20", "15"]]
    assert table_total(overlapping) is None


@pytest.mark.parametrize(
    ("printed", "person_label", "firm"),
    [
        ("M. Chen, Asia Audits Co., Ltd.", True, "Asia Audits Co., Ltd."),
        ("J. Okafor of Veritas Audits", True, "Veritas Audits"),
        ("R. Das / Sentinel Audits Pvt Ltd", False, "Sentinel Audits Pvt Ltd"),
        ("Mr. K. Rahman, APSCA CSCA 21701234 (Bureau Veritas)", True, "Bureau Veritas"),
        ("Jane Okafor", True, None),
        ("Jane Okafor", False, None),
        ("SGS", False, "SGS"),
    ],
)
def test_firm_name_never_a_person(printed, person_label, firm):
    assert firm_name(printed, person_label=person_label) == firm


def test_contents_entries_are_not_labelled_values():
    # Regression: "3. Workforce ........ 14" (a contents entry) was read as 14 workers.
    doc = document(
        [
            line("3. Workforce ........................................", 100),
            line("14", 100, x=500),
            line("4. Audit details .................................. 18", 113),
        ]
    )
    assert info(doc).workers_total is None


def test_label_and_value_joined_on_one_line_in_a_block_of_fields():
    doc = document(
        [
            line("Supplier site Everbright Leather JSC", 100),
            line("Physical address Building 22, Al-Hassan IE, Dulayl, Zarqa, Jordan", 113),
            line("Announcement Unannounced", 126),
            line("Assessor M. Chen (Asia Ethical Audits Co.)", 139),
        ]
    )
    result = info(doc)
    assert result.site_name == "Everbright Leather JSC"
    assert (result.site_address, result.country) == (
        "Building 22, Al-Hassan IE, Dulayl, Zarqa",
        "JO",
    )
    assert result.announcement == "unannounced"
    assert result.audit_firm == "Asia Ethical Audits Co."


def test_firm_after_prepared_by():
    doc = document([line("Prepared by Compass Social Verification Ltd.", 100)])
    assert info(doc).audit_firm == "Compass Social Verification Ltd."


def test_findings_summary_table_is_not_a_demographics_table():
    summary = [
        ["Area", "NC", "Obs", "GE"],
        ["Young workers", "1", "0", "0"],
        ["Total", "4", "0", "0"],
    ]
    assert table_total(summary) is None


def test_demographics_table_continued_over_a_page_break():
    first = Page(
        number=1,
        width=595,
        height=842,
        lines=[
            line("Worker type", 700),
            line("Male", 700, x=300),
            line("Female", 700, x=380),
            line("Total", 700, x=460),
            line("Regular employees", 716),
            line("497", 716, x=300),
            line("257", 716, x=380),
            line("754", 716, x=460),
        ],
    )
    rows = [("Fixed-term workers", "30", "18", "48"), ("Total headcount", "527", "275", "802")]
    second = Page(
        number=2,
        width=595,
        height=842,
        lines=[
            Line(text=text, page=2, bbox=(x, top, x + 40, top + 10), size=10.0)
            for i, row in enumerate(rows)
            for text, x, top in zip(row, (56, 300, 380, 460), [60 + 16 * i] * 4, strict=True)
        ],
    )
    doc = Document(filename="c.pdf", sha256=SHA, page_count=2, pages=[first, second])
    assert info(doc).workers_total == 802


def test_a_title_is_not_a_field_of_the_block_below_it():
    doc = document(
        [
            line("Factory Evaluation Report", 60, size=15.0, bold=True),
            line("Factory Delta Garments Co., Ltd.", 100, size=8.0),
            line("Headcount 2712", 110, size=8.0),
            line("Audit announcement Semi announced", 120, size=8.0),
        ]
    )
    result = info(doc)
    assert (result.site_name, result.workers_total, result.announcement) == (
        "Delta Garments Co., Ltd.",
        2712,
        "semi_announced",
    )


# --- held-out report families (issue 12 leftovers) --------------------------------------------


@pytest.mark.parametrize(
    "printed",
    [
        "S. Yilmaz, Compass Social Verification Ltd.",
        "A. Rahman, Compass Social Verification Ltd.",
    ],
)
def test_firm_after_a_person_and_a_comma_is_the_firm(printed):
    # "Co" opens "Compass": it is a company suffix only as a whole word.
    assert firm_name(printed, person_label=True) == "Compass Social Verification Ltd."
    assert firm_name("M. Chen, Asia Audits Co., Ltd.", person_label=True) == "Asia Audits Co., Ltd."


def test_a_person_before_a_date_label_is_no_firm():
    lines = [line("Lead auditor N. Suksawat Audit conducted on 10/02/2013 Buyer Stellar", 80)]
    assert info(document(lines)).audit_firm is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Assessment ID SA-2020-1 Audit announcement Semi-announced Site name Delta",
            "semi_announced",
        ),
        ("Last audit 8 September 2015 Announcement type Unannounced Date of report", "unannounced"),
    ],
)
def test_announcement_field_run_into_the_cover_text_is_read(text, value):
    assert info(document([line(text, 80)])).announcement == value


def test_a_type_and_announcement_printed_where_a_label_stands_are_read():
    # The cover prints the value in the label's place, above another label.
    doc = document([line("Complaint-based audit (Unannounced)", 80), line("Date of report", 93)])
    result = info(doc)
    assert (result.audit_type, result.announcement) == ("special", "unannounced")


def test_date_order_stated_on_the_cover_decides_day_and_month():
    stated = colon_lines(
        [("Audit conducted on", "10/02/2013 (mm/dd/yyyy)"), ("Country", "Sri Lanka")]
    )
    assert info(document(stated)).audit_date == dt.date(2013, 10, 2)
    in_label = colon_lines([("Date of visit (dd/mm/yyyy)", "02/04/2022"), ("Country", "USA")])
    assert info(document(in_label)).audit_date == dt.date(2022, 4, 2)


def test_ocr_comma_for_a_dot_in_a_date_is_read():
    doc = document(
        colon_lines([("Date of visit (dd/mm/yyyy)", "02.04, 2022 - 03-04/2022")]), ocr=True
    )
    assert info(doc).audit_date == dt.date(2022, 4, 2)


@pytest.mark.parametrize(
    ("printed", "clean"),
    [
        ("Plot 14, Road 3. Chattogram, EPZ", "Plot 14, Road 3, Chattogram, EPZ"),
        ("No. 45, Phase II], EPZ, Biyagama, Gampaha", "No. 45, Phase II, EPZ, Biyagama, Gampaha"),
        (
            "Plot 33, Industrial Zone 2. Yangon, Hlaing Tharyar",
            "Plot 33, Industrial Zone 2, Yangon, Hlaing Tharyar",
        ),
    ],
)
def test_ocr_stops_and_brackets_in_a_comma_separated_address(printed, clean):
    assert info(document(colon_lines([("Site address", printed)]), ocr=True)).site_address == clean
    # Printed text is left as it is.
    assert info(document(colon_lines([("Site address", printed)]))).site_address == printed
