"""Field reading of grouped findings: clause, grade and kind from heads, headings and context.

Blocks are built by hand (as the block reader would give them, with the roles the labeller
would predict) and go through the real `group_findings`; no model is involved.
"""

from __future__ import annotations

import numpy as np

from extractor.findings.assemble import printed_grade
from extractor.findings.fields import label_field
from extractor.findings.grouping import group_findings
from extractor.findings.supervision import OUTSIDE, ROLES
from extractor.reading.blocks import Block
from extractor.record.schema import Standard


def _blocks(rows: list[tuple[str, str, dict]]) -> tuple[list[Block], list[str], list[bool]]:
    blocks, roles, starts = [], [], []
    for i, (role, text, extra) in enumerate(rows):
        start = extra.pop("start", False)
        top = 40.0 + 20 * i
        blocks.append(Block(index=i, page=1, bbox=(50.0, top, 500.0, top + 12), text=text, **extra))
        roles.append(role)
        starts.append(start)
    return blocks, roles, starts


DESCRIPTION = "Workers on the night shift were locked inside the finishing building until 6 am."


def _kinds_and_grades(rows: list[tuple[str, str, dict]], standard: Standard) -> list[tuple]:
    """The (kind, printed grade) of each finding grouped from hand-built rows."""
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard=standard)
    return [(f.kind, f.severity_raw) for f in findings]


def test_code_reference_wins_over_the_findings_own_number() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "Ref 1 - Non-compliance", {"heading": True, "start": True}),
            ("OTHER", "Ref 1", {"heading": True}),
            ("OTHER", "Code Ref. 1.6", {"heading": True}),
            ("description", DESCRIPTION, {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause == "1.6"


def test_findings_own_number_alone_is_no_clause() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "Ref 3", {"heading": True, "start": True}),
            ("description", DESCRIPTION, {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause is None


def test_scheme_letters_before_a_numbered_code_are_dropped() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "Finding 1: Non-compliance", {"heading": True, "start": True}),
            ("clause", "LS 1.5", {}),
            ("severity", "Urgent", {}),
            ("description", DESCRIPTION, {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert (finding.clause, finding.severity_raw, finding.severity) == ("1.5", "Urgent", "critical")


def test_clause_heading_above_names_the_clause_of_findings_under_it() -> None:
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "Employment is freely chosen", {"heading": True, "marker": "1."}),
            (OUTSIDE, "Current systems and evidence examined", {"heading": True}),
            (OUTSIDE, "Workers sign a declaration that no recruitment cost was charged.", {}),
            ("description", DESCRIPTION, {"start": True}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause == "1"


def test_report_part_heading_is_no_clause() -> None:
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "Section 6 - Other observations", {"heading": True}),
            (
                "description",
                DESCRIPTION,
                {"start": True, "section": "Section 6 - Other observations"},
            ),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause is None
    assert finding.kind == "observation"


def test_consecutive_paragraph_numbers_are_not_clauses() -> None:
    rows = []
    for n, topic in enumerate(["Working time", "Involuntary labour", "Wages & benefits"], 1):
        section = f"5.{n} {topic}"
        rows.append((OUTSIDE, topic, {"heading": True, "marker": f"5.{n}"}))
        rows.append(
            ("description", f"{DESCRIPTION} Case {n}.", {"start": True, "section": section})
        )
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [f.clause for f in findings] == [None, None, None]


def test_grade_left_outside_between_a_findings_blocks_is_read() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "Finding 2: Finding", {"heading": True, "start": True}),
            ("clause", "LS 2.6", {}),
            (OUTSIDE, "Urgent", {"heading": True}),
            (OUTSIDE, "Law / code requirement", {"heading": True}),
            ("description", DESCRIPTION, {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert (finding.severity_raw, finding.severity) == ("Urgent", "critical")


def test_kind_word_of_a_descriptions_label_sets_the_kind() -> None:
    blocks, roles, starts = _blocks(
        [
            (
                "description",
                "The worker committee exists but 17 of 47 employees sampled were not aware of it.",
                {"start": True, "label": "Remark"},
            ),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.kind == "observation"


def test_advisory_type_cell_makes_an_observation() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "D-05", {"start": True}),
            ("OTHER", "Principle 2", {}),
            ("OTHER", "Major", {}),
            ("description", "Passports of 12 migrant workers were kept in the HR office safe.", {}),
            ("HEAD", "D-06", {"start": True}),
            ("OTHER", "Principle 4", {}),
            ("OTHER", "Advisory", {}),
            ("description", DESCRIPTION, {}),
        ]
    )
    _, finding = group_findings(blocks, roles, starts, standard="generic")
    assert (finding.kind, finding.severity_raw, finding.clause) == ("observation", "Advisory", "4")


def test_kind_words_are_no_grade_in_a_report_that_grades_nothing() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "Ref 1 - Non-compliance", {"heading": True, "start": True}),
            ("description", DESCRIPTION, {}),
            ("HEAD", "Ref 2 - Observation", {"heading": True, "start": True}),
            ("description", "Resident workers sign out at the guard house.", {}),
        ]
    )
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [(f.kind, f.severity_raw) for f in findings] == [
        ("non_compliance", None),
        ("observation", None),
    ]


def test_printed_grade_keeps_only_the_grade() -> None:
    assert printed_grade("Prohibition of forced labour: Major", "generic") == "Major"
    assert printed_grade("Finding 14: Observation", "generic") == "Observation"
    assert printed_grade("Major NC", "sa8000") == "Major NC"
    assert printed_grade("Non-compliance", "generic") is None
    assert printed_grade("Principle 3.4", "generic") is None
    assert printed_grade("B", "generic") == "B"  # a letter grade the legend explains
    # An empty grade slot grades nothing.
    assert [printed_grade(t, "generic") for t in ("N/A", "n/a", "-", "None", "Not applicable")] == [
        None
    ] * 5


def test_part_headings_grade_of_many_is_one_findings_grade() -> None:
    assert printed_grade("Major violations", "generic") == "Major"
    assert printed_grade("Urgent non-conformities", "generic") == "Urgent"
    assert printed_grade("Minor NCs", "sa8000") == "Minor"
    assert printed_grade("Notable Practices", "rba") == "Notable Practice"
    assert printed_grade("Positive aspects", "generic") == "Positive aspect"
    # One finding's grade as printed stays whole.
    assert printed_grade("Major Nonconformance", "rba") == "Major Nonconformance"
    assert printed_grade("Progress", "generic") == "Progress"


def test_text_under_a_root_cause_label_is_never_the_description() -> None:
    # The labeller read the root cause as a second description; the label says it is not one.
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "Nonconformance 1", {"heading": True, "start": True}),
            ("OTHER", "Description", {"heading": True}),
            ("description", DESCRIPTION, {}),
            ("OTHER", "Root cause analysis", {"heading": True}),
            ("description", "Management was not aware of the legal requirement.", {}),
            ("OTHER", "Corrective action", {"heading": True}),
            ("corrective_action", "Unlock the doors and train the guards.", {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.description == DESCRIPTION
    assert finding.corrective_action == "Unlock the doors and train the guards."


def test_inline_law_label_keeps_its_text_out_of_the_fields() -> None:
    blocks, roles, starts = _blocks(
        [
            ("description", DESCRIPTION, {"start": True}),
            ("evidence", "Article 61 of the Labour Code limits overtime.", {"label": "Local law"}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.evidence is None


def test_row_number_column_is_no_clause() -> None:
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "Safe and healthy working conditions", {"heading": True, "marker": "7."}),
            ("HEAD", "9", {"col_header": "Item", "table": 1, "start": True}),
            ("OTHER", "Non-compliance", {"col_header": "Finding type", "table": 1}),
            ("description", DESCRIPTION, {"col_header": "Issue description", "table": 1}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause == "7"


def test_a_count_is_no_clause() -> None:
    blocks, roles, starts = _blocks(
        [
            ("description", DESCRIPTION, {"start": True}),
            ("severity", "Low", {}),
            ("OTHER", "40", {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause is None


def test_question_number_nearest_the_description_is_the_clause() -> None:
    # A checklist row read into the finding prints another provision before the finding's own.
    blocks, roles, starts = _blocks(
        [
            ("clause", "1.6", {"start": True}),
            ("OTHER", "Are workers free to leave the workplace after their shift?", {}),
            (
                "OTHER",
                "Are workers free to terminate their employment?",
                {"heading": True, "marker": "1.1"},
            ),
            ("description", DESCRIPTION, {"label": "Details of Non-compliance"}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause == "1.1"


def test_clause_reference_closing_the_description_is_the_clause() -> None:
    text = "The environmental impact assessment for the new dyeing unit was not done."
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "REFERENCE TO CODE Principle 5", {"heading": True}),
            (
                "description",
                f"{text} REFERENCE TO CODE Principle 10",
                {"start": True, "section": "REFERENCE TO CODE Principle 5"},
            ),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert (finding.clause, finding.description) == ("10", text)


def test_clause_heading_names_every_finding_printed_under_it() -> None:
    rows: list[tuple[str, str, dict]] = [
        (OUTSIDE, "Employment is freely chosen", {"heading": True, "marker": "1"}),
    ]
    for number in range(3):
        rows += [
            ("description", f"{DESCRIPTION} ({number})", {"start": True}),
            *[(OUTSIDE, f"Management response line {k}", {}) for k in range(8)],
        ]
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [f.clause for f in findings] == ["1", "1", "1"]


def test_singular_kind_heading_under_a_clause_keeps_the_clause() -> None:
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "PA 7 - Occupational health and safety (rating B)", {"heading": True}),
            (OUTSIDE, "Observation (observation)", {"heading": True}),
            ("description", DESCRIPTION, {"start": True}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="amfori_bsci")
    assert finding.clause == "PA 7"


def test_numbered_paragraph_headings_are_no_clauses_even_with_unit_words() -> None:
    rows: list[tuple[str, str, dict]] = []
    for number, name in enumerate(["Wages & benefits", "Hours of work", "Underage labour"], 1):
        rows += [
            (OUTSIDE, name, {"heading": True, "marker": f"5.{number}"}),
            (
                "description",
                f"{DESCRIPTION} ({number})",
                {"start": True, "section": f"5.{number} {name}"},
            ),
        ]
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [f.clause for f in findings] == [None, None, None]


def test_checklist_question_and_clean_statement_are_no_findings() -> None:
    blocks, roles, starts = _blocks(
        [
            ("description", "Do workers keep their own identity documents?", {"start": True}),
            ("description", "The audit team found no violation of this clause.", {"start": True}),
            ("description", DESCRIPTION, {"start": True}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.description == DESCRIPTION


def test_a_heading_taken_for_a_deadline_is_not_the_due_date() -> None:
    blocks, roles, starts = _blocks(
        [
            ("description", DESCRIPTION, {"start": True}),
            ("due", "Element 6: Disciplinary practices", {"heading": True}),
            ("due", "Within 30 days", {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.due == "Within 30 days"


def test_a_clause_heading_after_a_finding_opens_the_next_one() -> None:
    blocks, roles, starts = _blocks(
        [
            ("description", DESCRIPTION, {"start": True}),
            ("due", "Within 30 days", {}),
            ("clause", "PA 5 - Fair remuneration", {"heading": True}),
            ("OTHER", "Finding (major)", {"heading": True}),
            ("description", "Annual leave was not paid to workers who resigned.", {}),
        ]
    )
    first, second = group_findings(blocks, roles, starts, standard="bsci")
    assert first.clause is None
    assert second.clause == "PA 5"


def test_part_heading_names_kind_and_grade_of_findings_under_its_field_labels() -> None:
    # 'Opportunities for Improvement' opens a part; the table's field labels set as headings
    # ('#', 'Code Section', 'Description') leave it open, so the finding under them is an
    # observation even though its nearest heading is 'Description'.
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "Opportunities for Improvement", {"heading": True}),
            (OUTSIDE, "Code Section", {"heading": True}),
            ("clause", "Section A1", {"start": True, "section": "Code Section"}),
            (OUTSIDE, "Description", {"heading": True, "section": "Code Section"}),
            ("description", DESCRIPTION, {"section": "Description"}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="rba")
    assert (finding.kind, finding.clause) == ("observation", "A1")


def test_grade_part_heading_grades_findings_under_a_field_label_heading() -> None:
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "Non-compliances - High risk", {"heading": True}),
            (OUTSIDE, "Finding", {"heading": True, "section": "Non-compliances - High risk"}),
            ("description", DESCRIPTION, {"start": True, "section": "Finding"}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert (finding.kind, finding.severity_raw) == ("non_compliance", "High risk")


def test_other_heading_closes_the_part_and_legend_lines_open_none() -> None:
    # A grade legend ('Critical: zero tolerance issue') and a column's header cell ('Zero
    # Tolerance' over a yes/no column) are no parts; 'Corrective action plan' closes the
    # 'Good practices' part before it.
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "Good practices", {"heading": True}),
            (
                OUTSIDE,
                "zero tolerance issue, reported within 24 hours",
                {"heading": True, "label": "Critical"},
            ),
            (OUTSIDE, "Corrective action plan", {"heading": True}),
            (OUTSIDE, "Zero Tolerance", {"heading": True}),
            ("description", DESCRIPTION, {"start": True, "col_header": "What was found"}),
            (OUTSIDE, "No", {"col_header": "Zero Tolerance"}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="amfori_bsci")
    assert (finding.kind, finding.severity_raw) == ("non_compliance", None)


def test_plural_part_heading_read_into_a_finding_still_opens_the_part() -> None:
    blocks, roles, starts = _blocks(
        [
            ("description", DESCRIPTION, {"start": True}),
            ("OTHER", "Comments", {"heading": True}),
            (
                "description",
                "Some workers were unsure how overtime premiums are calculated.",
                {"start": True},
            ),
        ]
    )
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert findings[-1].kind == "observation"


def test_kind_cell_left_outside_after_the_finding_sets_its_kind_not_its_grade() -> None:
    # The rest of the finding's row: 'Observation' under 'Category'. It names the kind; the
    # report's grade (if any) is another column.
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "NC 1", {"start": True, "col_header": "No."}),
            ("description", DESCRIPTION, {"col_header": "Comment"}),
            (OUTSIDE, "Observation", {"col_header": "Category"}),
            (OUTSIDE, "-", {"col_header": "Classification"}),
            ("HEAD", "NC 2", {"start": True, "col_header": "No."}),
            (
                "description",
                "Fire exits on the second floor were blocked by cartons.",
                {"col_header": "Comment"},
            ),
        ]
    )
    first, second = group_findings(blocks, roles, starts, standard="generic")
    assert (first.kind, first.severity_raw) == ("observation", None)
    assert second.kind == "non_compliance"


def test_ofis_heading_is_an_observation_part() -> None:
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "OFIs", {"heading": True}),
            ("description", DESCRIPTION, {"start": True, "section": "OFIs"}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="sa8000")
    assert finding.kind == "observation"


def _described(n: int) -> str:
    return f"{DESCRIPTION} Case {n}."


def test_finding_numbers_counting_on_across_sections_are_no_clauses() -> None:
    # 'A1.1', 'A1.2', 'A2.3': the count goes on while the section changes, so the number after
    # the section is the finding's own; the clause printed in the box is the finding's clause.
    rows = []
    for n, (section, clause) in enumerate([("A1", "A1"), ("A1", "A3"), ("A2", "A2")], 1):
        rows.append(("HEAD", f"{section}.{n}: Non-compliance", {"heading": True, "start": True}))
        rows.append(("description", _described(n), {}))
        rows.append(("OTHER", f"Code: {clause}", {}))
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [f.clause for f in findings] == ["A1", "A3", "A2"]


def test_provisions_that_follow_one_another_by_chance_stay_clauses() -> None:
    # 9.1, 4.2, 1.3 (and 3.3, 3.4, 5.5) count up by one, but not from the findings' positions
    # or not far enough to be a count.
    for codes in (["5.4", "10C", "0.1", "4.2", "9.1", "4.2", "1.3"], ["1.6", "3.3", "3.4", "5.5"]):
        rows = []
        for n, code in enumerate(codes, 1):
            rows.append(
                ("HEAD", str(n), {"col_header": "Ref", "table": 1, "row": n, "start": True})
            )
            rows.append(("clause", code, {"col_header": "Clause", "table": 1, "row": n}))
            rows.append(("description", _described(n), {"table": 1, "row": n}))
        blocks, roles, starts = _blocks(rows)
        findings = group_findings(blocks, roles, starts, standard="smeta")
        assert [f.clause for f in findings] == codes


def test_row_numbers_that_disagree_with_the_section_headings_are_no_clauses() -> None:
    # An 'Item' column numbering the findings 1, 2, 3, 4 under sections 1, 1, 2, 3: the row
    # number is read as a clause cell, the sections name the clauses.
    rows = []
    for n, section in enumerate(["1", "1", "2", "3"], 1):
        heading = f"{section}. Section {section}"
        if n == 1 or section != rows[-1][2].get("section", "")[:1]:
            rows.append((OUTSIDE, f"Section {section}", {"heading": True, "marker": f"{section}."}))
        extra = {"table": n, "row": 1, "section": heading}
        rows.append(("clause", str(n), {**extra, "col_header": "Item"}))
        rows.append(("OTHER", "Non-compliance", {**extra, "col_header": "Finding type"}))
        rows.append(("description", _described(n), {**extra, "col_header": "Issue description"}))
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [f.clause for f in findings] == ["1", "1", "2", "3"]


def test_a_second_clause_after_the_description_opens_the_next_key_value_box() -> None:
    # Box 2 has no start: its clause, seen after box 1's description and grade, opens it, and
    # its header and label cells printed before that clause go with it.
    rows = [
        ("HEAD", "099-01 | Discrepancy", {"heading": True, "start": True}),
        ("OTHER", "CODE CLAUSE", {}),
        ("clause", "Principle 1.1", {}),
        ("description", _described(1), {}),
        ("OTHER", "PRIORITY", {}),
        ("severity", "Major", {}),
        ("OTHER", "099-02 | Observation", {}),
        ("OTHER", "CODE CLAUSE", {}),
        ("clause", "Principle 1.5", {}),
        ("OTHER", "COMMENT", {}),
        ("description", _described(2), {}),
        ("severity", "Observation", {}),
    ]
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [(f.clause, f.severity_raw) for f in findings] == [
        ("1.1", "Major"),
        ("1.5", "Observation"),
    ]
    assert findings[1].kind == "observation"


def test_labelled_clause_line_left_outside_after_a_bullet_is_its_clause() -> None:
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "Nonconformances rated Major", {"heading": True}),
            ("description", _described(1), {"start": True, "marker": "3.1"}),
            (OUTSIDE, "Principle 2.4", {"label": "Requirement"}),
            ("description", _described(2), {"start": True, "marker": "3.2"}),
            (OUTSIDE, "Principle 1.6", {"label": "Requirement"}),
        ]
    )
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [f.clause for f in findings] == ["2.4", "1.6"]


def test_graded_heading_taken_for_the_grade_still_names_the_clause() -> None:
    blocks, roles, starts = _blocks(
        [
            (
                "severity",
                "Principle 2.8 Prohibition of forced labour : Minor",
                {"heading": True, "start": True},
            ),
            ("OTHER", "1", {"heading": True, "label": "ITEM"}),
            ("description", DESCRIPTION, {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert (finding.clause, finding.severity_raw) == ("2.8", "Minor")


def test_clause_word_broken_in_a_narrow_cell_still_gives_the_code() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "1: Noncompliance", {"heading": True, "start": True}),
            ("clause", "Benchmar k CL", {"heading": True}),
            ("description", DESCRIPTION, {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause == "CL"


def test_clause_word_broken_in_a_cell_read_as_a_head_still_gives_the_code() -> None:
    # The same cell taken for a head: '1: Noncompliance' prints the finding's own number.
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "1: Noncompliance", {"heading": True, "start": True}),
            ("OTHER", "Benchmar k H/A", {"heading": True}),
            ("description", DESCRIPTION, {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="fla")
    assert finding.clause == "H/A"


def test_a_start_in_a_findings_head_goes_on_with_that_head() -> None:
    # The grade heading and the 'Finding No.' line both look like starts; they are one head.
    blocks, roles, starts = _blocks(
        [
            (
                "severity",
                "Critical",
                {"heading": True, "marker": "3.1", "label": "Prohibition of forced labour"},
            ),
            ("HEAD", "NO. 1", {"heading": True, "label": "FINDING", "start": True}),
            ("description", _described(1), {}),
            (
                "severity",
                "Major",
                {"heading": True, "marker": "3.2", "label": "Hours of work", "start": True},
            ),
            ("HEAD", "NO. 2", {"heading": True, "label": "FINDING", "start": True}),
            ("description", _described(2), {}),
        ]
    )
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [f.severity_raw for f in findings] == ["Critical", "Major"]


def test_a_part_heading_before_a_start_stays_out_of_the_finding() -> None:
    blocks, roles, starts = _blocks(
        [
            ("description", _described(1), {"start": True, "marker": "6.2"}),
            ("severity", "Section 7 - Notable practices", {"heading": True}),
            ("description", _described(2), {"start": True, "marker": "7.1"}),
        ]
    )
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert findings[1].severity_raw is None and findings[1].clause is None


def test_a_numbered_topic_heading_taken_for_the_grade_is_no_grade() -> None:
    blocks, roles, starts = _blocks(
        [
            ("severity", "Environment", {"marker": "5.2", "start": True}),
            ("description", DESCRIPTION, {"start": True, "label": "Observed"}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.severity_raw is None


def test_a_scanned_numbered_title_line_names_the_clause_of_findings_under_it() -> None:
    # OCR gives no font weight, so the title line is not marked as a heading.
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "2 Prohibition of forced labour", {"ocr": True}),
            ("HEAD", "NC ref.", {"ocr": True, "start": True}),
            ("OTHER", "NCO1", {"ocr": True}),
            ("description", DESCRIPTION, {"ocr": True}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause == "2"


def test_scanned_paragraph_numbers_are_no_clauses() -> None:
    rows = []
    for n, topic in enumerate(["Working time", "Environment", "Wages"], 1):
        rows.append((OUTSIDE, topic, {"marker": f"5.{n}", "ocr": True}))
        rows.append(("description", _described(n), {"start": True, "ocr": True}))
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [f.clause for f in findings] == [None, None, None]


def test_a_numbered_grade_heading_right_under_a_description_opens_the_next_finding() -> None:
    blocks, roles, starts = _blocks(
        [
            ("OTHER", "NO. NC 04", {"start": True}),
            ("description", _described(1), {}),
            ("severity", "Health and safety -- Observation", {"heading": True, "marker": "6.5"}),
            ("OTHER", "NO. NC 05", {}),
            ("description", _described(2), {}),
        ]
    )
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [(f.kind, f.clause) for f in findings] == [
        ("non_compliance", None),
        ("observation", "6.5"),
    ]


def test_a_heading_read_as_a_description_is_no_finding() -> None:
    blocks, roles, starts = _blocks(
        [
            ("description", "Payment of a living wage", {"heading": True, "start": True}),
            (OUTSIDE, "Payroll for July was reviewed for 13 workers.", {}),
            # OCR marks no heading; a numbered title line of a scan reads as one.
            (
                "description",
                "9 Freedom of association and collective bargaining",
                {"ocr": True, "start": True},
            ),
            # A labelled line set bold is a finding, even cut short by OCR.
            (
                "description",
                "threaten pay cuts for talking to",
                {"heading": True, "label": "Supervisors swear at workers", "start": True},
            ),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.description.startswith("Supervisors swear at workers")


def test_a_summary_row_repeating_the_start_of_a_full_finding_is_dropped() -> None:
    full = "Wages are paid on the 10th of the following month, later than the law allows."
    blocks, roles, starts = _blocks(
        [
            ("description", "Wages are paid on...", {"table": 1, "row": 1, "start": True}),
            ("description", "Fire exits...", {"table": 1, "row": 2, "start": True}),
            ("description", full, {"start": True}),
        ]
    )
    findings = group_findings(blocks, roles, starts, standard="generic")
    # 'Fire exits...' repeats no finding of the report, so it stays.
    assert [f.description for f in findings] == ["Fire exits...", full]


def test_heading_citing_its_clause_in_brackets_is_no_running_number() -> None:
    first, second, third = (
        "Employment is freely chosen (1)",
        "There is no discrimination in employment (2)",
        "No exploitation of child labour (3)",
    )
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, first, {"heading": True}),
            ("description", DESCRIPTION, {"start": True, "section": first}),
            ("HEAD", second, {"heading": True, "section": first}),
            ("description", "Promotion to supervisor was restricted to men.", {"section": second}),
            (OUTSIDE, third, {"heading": True, "section": second}),
            (
                "description",
                "Juvenile workers have no register.",
                {"start": True, "section": third},
            ),
        ]
    )
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [f.clause for f in findings] == ["1", "2", "3"]


def test_heading_over_two_findings_names_both() -> None:
    hours, safety = "Reasonable hours of work (6)", "Safe and healthy working conditions (7)"
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, hours, {"heading": True}),
            ("description", DESCRIPTION, {"start": True, "section": hours}),
            ("HEAD", safety, {"heading": True, "start": True, "section": hours}),
            ("description", "Emergency exits were locked during the shift.", {"section": safety}),
            ("evidence", "Site tour of the finishing building.", {"section": safety}),
            (
                "description",
                "Some packers were not wearing the masks provided.",
                {"section": safety},
            ),
        ]
    )
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [f.clause for f in findings] == ["6", "7", "7"]


def test_clause_heading_printed_since_the_shared_heading_is_nearer() -> None:
    forced = "SA8000 2.5 Forced or compulsory labour : Critical"
    blocks, roles, starts = _blocks(
        [
            ("HEAD", forced, {"heading": True, "start": True}),
            ("description", DESCRIPTION, {"section": forced}),
            (
                OUTSIDE,
                "Minor",
                {"heading": True, "label": "SA8000 3.8 Health and safety", "section": forced},
            ),
            ("description", "Meals provided by the employer are too small.", {"section": forced}),
        ]
    )
    findings = group_findings(blocks, roles, starts, standard="sa8000")
    assert [f.clause for f in findings] == ["2.5", "3.8"]


def test_heading_read_into_a_finding_opens_the_next_one() -> None:
    glance = "Findings at a glance"
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "Observations", {"heading": True}),
            ("description", DESCRIPTION, {"start": True, "section": "Observations"}),
            ("evidence", "Interviews with six workers.", {"section": "Observations"}),
            ("OTHER", glance, {"heading": True, "section": "Observations"}),
            ("severity", "Urgent", {"section": glance}),
            ("description", "Overtime is paid at the normal rate.", {"section": glance}),
        ]
    )
    observation, _ = group_findings(blocks, roles, starts, standard="generic")
    assert (observation.kind, observation.severity_raw, observation.topic) == (
        "observation",
        None,
        None,
    )


def test_row_number_read_as_a_clause_cell_is_none() -> None:
    rows: list[tuple[str, str, dict]] = []
    for section, item in (("4. Freedom of association", "6"), ("5. Payment of a living wage", "7")):
        rows += [
            (OUTSIDE, section, {"heading": True, "marker": section[:2]}),
            ("clause", item, {"section": section, "col_header": "Item", "table": 1}),
            ("description", DESCRIPTION, {"section": section, "col_header": "Issue", "table": 1}),
        ]
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [f.clause for f in findings] == ["4", "5"]


def test_number_under_a_finding_reference_column_is_no_clause() -> None:
    child = "No exploitation of child labour (3)"
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, child, {"heading": True}),
            ("HEAD", "5", {"start": True, "section": child, "col_header": "NC REF.", "table": 1}),
            ("description", DESCRIPTION, {"section": child, "col_header": "ISSUE", "table": 1}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause == "3"


def test_grade_cells_cut_off_by_a_start_on_a_field_name_go_back() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "Finding 2: Nonconformance", {"start": True}),
            ("OTHER", "DESCRIPTION OF FINDING", {}),
            ("description", DESCRIPTION, {}),
            ("OTHER", "CATEGORY", {"start": True}),
            ("OTHER", "Nonconformance", {}),
            ("OTHER", "GRADE", {}),
            ("severity", "Major", {}),
            ("HEAD", "Finding 3: Nonconformance", {"start": True}),
            ("description", "Juvenile workers have no register.", {}),
            ("severity", "Minor", {}),
        ]
    )
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [f.severity_raw for f in findings] == ["Major", "Minor"]


def test_kind_word_after_a_topic_is_the_printed_grade() -> None:
    assert printed_grade("Compensation and benefits: Advisory", "generic") == "Advisory"
    assert printed_grade("Compensation and benefits", "generic") == "Compensation and benefits"


def test_numbered_heading_graded_after_its_topic_grades_the_finding_under_it() -> None:
    # Numbered as the report's own paragraphs (3.4, 3.5, 3.6), so no clause headings; the
    # report grades non-compliances too, so a kind word in the grade slot is a grade.
    blocks, roles, starts = _blocks(
        [
            ("severity", "Major", {"heading": True, "marker": "3.4", "label": "Environment"}),
            ("HEAD", "NO. 4", {"heading": True, "label": "FINDING", "start": True}),
            ("description", "No waste manifests for sludge.", {}),
            (
                OUTSIDE,
                "Advisory",
                {"heading": True, "marker": "3.5", "label": "Prohibition of forced labour"},
            ),
            ("HEAD", "NO. 5", {"heading": True, "label": "FINDING", "start": True}),
            ("description", DESCRIPTION, {}),
            (
                "severity",
                "Advisory",
                {"heading": True, "marker": "3.6", "label": "Compensation and benefits"},
            ),
            ("HEAD", "NO. 6", {"heading": True, "label": "FINDING", "start": True}),
            ("description", "Part of the bonus is paid only to workers still employed.", {}),
        ]
    )
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [(f.kind, f.severity_raw) for f in findings] == [
        ("non_compliance", "Major"),
        ("observation", "Advisory"),
        ("observation", "Advisory"),
    ]


def test_heading_ending_in_a_kind_word_grades_the_finding_under_it() -> None:
    major, advisory = "Wages and benefits : Major", "workplace regulations : Advisory"
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, major, {"heading": True}),
            (
                "description",
                "Overtime is paid at the normal rate.",
                {"start": True, "section": major},
            ),
            (OUTSIDE, advisory, {"heading": True, "section": major}),
            ("description", DESCRIPTION, {"start": True, "section": advisory}),
        ]
    )
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [f.severity_raw for f in findings] == ["Major", "Advisory"]


def _box(kind_word: str, grade_slot: str, grade: str) -> list[tuple[str, str, dict]]:
    return [
        ("HEAD", f"099-0{len(grade)} | {kind_word}", {"start": True}),
        ("OTHER", "COMMENT", {}),
        ("description", f"{DESCRIPTION} ({kind_word})", {}),
        ("OTHER", grade_slot, {}),
        ("severity", grade, {}),
    ]


def test_kind_word_from_another_slot_than_the_grades_is_no_grade() -> None:
    blocks, roles, starts = _blocks(
        _box("Discrepancy", "PRIORITY", "Minor")
        + _box("Observation", "FINDING TYPE", "Observation")
    )
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [(f.kind, f.severity_raw) for f in findings] == [
        ("non_compliance", "Minor"),
        ("observation", None),
    ]


def test_kind_word_in_the_slot_that_grades_non_compliances_is_a_grade() -> None:
    blocks, roles, starts = _blocks(
        _box("Discrepancy", "GRADE", "Minor") + _box("Observation", "GRADE", "Observation")
    )
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [(f.kind, f.severity_raw) for f in findings] == [
        ("non_compliance", "Minor"),
        ("observation", "Observation"),
    ]


def test_finding_type_word_the_vocabulary_lacks_grades_nothing() -> None:
    assert printed_grade("Finding", "generic") is None
    assert printed_grade("Violation", "generic") is None
    blocks, roles, starts = _blocks(
        _box("NC", "FINDING TYPE", "Finding") + _box("Remark", "FINDING TYPE", "Observation")
    )
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [(f.kind, f.severity_raw) for f in findings] == [
        ("non_compliance", None),
        ("observation", None),
    ]


def test_finding_after_a_questions_own_belongs_to_the_questions_section() -> None:
    question = "Does the employer comply with the rules on fixed-term contracts?"
    blocks, roles, starts = _blocks(
        [
            ("HEAD", question, {"heading": True, "marker": "8.3", "start": True}),
            ("description", "Casual workers have no contract.", {"section": f"8.3 {question}"}),
            ("corrective_action", "Issue written contracts.", {"section": f"8.3 {question}"}),
            ("description", DESCRIPTION, {"label": "Good practice", "section": f"8.3 {question}"}),
        ]
    )
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [f.clause for f in findings] == ["8.3", "8"]


def _proba(roles: list[str], unsure: dict[int, dict[str, float]]) -> np.ndarray:
    """Role probabilities: each block sure of its role, but for the `unsure` ones."""
    proba = np.zeros((len(roles), len(ROLES)))
    for i, role in enumerate(roles):
        for name, p in unsure.get(i, {role: 1.0}).items():
            proba[i, ROLES.index(name)] = p
    return proba


def test_second_description_cell_of_a_row_is_another_field_of_its_finding() -> None:
    row = {"table": 1, "row": 1}
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "Finding 8: Non-compliance", {"start": True, **row, "col": 0}),
            ("clause", "LS 5.1", {**row, "col": 1}),
            ("description", "Annual leave was not paid when workers resigned.", {**row, "col": 2}),
            ("description", "Cross-check of the bank statement.", {**row, "col": 3}),
        ]
    )
    proba = _proba(roles, {3: {"description": 0.9, "evidence": 0.05, OUTSIDE: 0.05}})
    findings = group_findings(blocks, roles, starts, standard="generic", proba=proba)
    assert [(f.clause, f.description, f.evidence) for f in findings] == [
        (
            "5.1",
            "Annual leave was not paid when workers resigned.",
            "Cross-check of the bank statement.",
        )
    ]


def test_short_description_cell_beside_a_longer_one_is_the_title() -> None:
    row = {"table": 1, "row": 1}
    blocks, roles, starts = _blocks(
        [
            ("clause", "Principle 2", {"start": True, **row, "col": 0}),
            ("description", "Restriction of movement", {**row, "col": 1}),
            ("description", DESCRIPTION, {**row, "col": 2}),
        ]
    )
    findings = group_findings(blocks, roles, starts, standard="generic", proba=_proba(roles, {}))
    assert [(f.title, f.description) for f in findings] == [
        ("Restriction of movement", DESCRIPTION)
    ]


def test_reference_heading_left_outside_names_the_findings_clause() -> None:
    blocks, roles, starts = _blocks(
        [
            ("description", DESCRIPTION, {"start": True, "marker": "(d)"}),
            (OUTSIDE, "REFERENCE TO CODE Principle 10", {"heading": True}),
            ("corrective_action", "Renew the permit.", {"label": "CORRECTIVE ACTION"}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause == "10"


def test_titled_heading_after_the_text_opens_the_next_section() -> None:
    safety = "Health and safety (8)"
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, safety, {"heading": True}),
            ("description", DESCRIPTION, {"start": True, "section": safety}),
            ("HEAD", "Freedom of association and collective bargaining (9)", {"heading": True}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause == "8"


def _kv_table(table: int, ref: str, clause: str, grade: str, text: str) -> list:
    rows = [("ID", "OTHER", ref), ("Requirement", "clause", clause), ("Grade", "severity", grade)]
    rows.append(("Audit finding", "description", text))
    cells: list[tuple[str, str, dict]] = []
    for row, (name, role, value) in enumerate(rows):
        cells.append(("OTHER", name, {"table": table, "row": row, "col": 0}))
        cells.append((role, value, {"table": table, "row": row, "col": 1}))
    return cells


def test_key_value_box_drawn_as_a_table_takes_its_head_rows() -> None:
    # Two findings of one section: the second box's clause cell repeats the first's.
    rows = _kv_table(1, "NC 7", "5", "Minor", DESCRIPTION)
    rows += _kv_table(2, "NC 8", "5", "Major", "Tools damaged during work are paid by the worker.")
    rows[0][2]["start"] = True
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [(f.clause, f.severity_raw) for f in findings] == [("5", "Minor"), ("5", "Major")]


def test_numbered_clause_title_read_as_a_description_heads_the_next_finding() -> None:
    child, wages = "3. No exploitation of child labour", "5. Payment of a living wage"
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, child, {"heading": True}),
            ("description", DESCRIPTION, {"start": True, "section": child}),
            ("severity", "Urgent", {"label": "Level", "section": child}),
            ("description", "Payment of a living wage", {"heading": True, "marker": "5."}),
            (OUTSIDE, "What the auditor checked", {"section": wages}),
            ("OTHER", "249-06", {"label": "ID", "section": wages}),
            (
                "description",
                "Piece-rate earnings above the daily target are not paid.",
                {"label": "Non-compliance", "section": wages},
            ),
        ]
    )
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [f.clause for f in findings] == ["3", "5"]


def test_grade_slot_follows_a_finding_read_again_for_its_running_number() -> None:
    wages = "5 Wages and benefits"
    rows: list[tuple[str, str, dict]] = [(OUTSIDE, wages, {"heading": True})]
    boxes = [
        ("1", "PRIORITY", "Minor"),
        ("2", "PRIORITY", "Major"),
        ("3", "FINDING TYPE", "Observation"),
    ]
    for number, slot, grade in boxes:
        rows += [
            ("HEAD", f"Finding {number}", {"start": True, "section": wages}),
            ("clause", number, {"section": wages}),
            ("description", f"{DESCRIPTION} ({number})", {"section": wages}),
            ("OTHER", slot, {"section": wages}),
            ("severity", grade, {"section": wages}),
        ]
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="generic")
    # 1, 2, 3 under section 5 count the findings: each is read again without them.
    assert [(f.clause, f.kind, f.severity_raw) for f in findings] == [
        ("5", "non_compliance", "Minor"),
        ("5", "non_compliance", "Major"),
        ("5", "observation", None),
    ]


def test_code_in_the_first_cell_of_the_findings_row_names_its_clause() -> None:
    # 'Q | Question | Result | Finding' without ruling: the reader left the code cell outside.
    row = {"row_header": "HOW-07"}
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "Hours of work", {"heading": True, "section": "Checklist"}),
            (OUTSIDE, "HOW-07", {"col_header": "Q", "section": "Hours of work"}),
            (OUTSIDE, "Is overtime voluntary?", {**row, "col_header": "Question"}),
            ("OTHER", "No", {**row, "col_header": "Result", "start": True}),
            ("description", DESCRIPTION, {**row, "col_header": "Finding"}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause == "HOW-07"


def test_row_number_in_the_first_cell_is_no_clause() -> None:
    row = {"row_header": "4"}
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "4", {"col_header": "#"}),
            ("description", DESCRIPTION, {**row, "col_header": "Finding", "start": True}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause is None


def test_topic_cell_that_prints_only_a_code_is_the_clause() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "NC 04", {"col_header": "Ref", "start": True}),
            ("topic", "Benchmark HOW", {"col_header": "Code ref."}),
            ("topic", "Hours of work", {"col_header": "Area"}),
            ("description", DESCRIPTION, {"col_header": "Finding"}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert (finding.clause, finding.topic) == ("HOW", "Hours of work")


def test_code_of_conduct_abbreviation_introduces_the_clause() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "Violation 2", {"heading": True, "start": True}),
            ("clause", "CoC FL", {"label": "Code clause"}),
            ("description", DESCRIPTION, {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause == "FL"


def test_unlabelled_code_among_the_findings_head_is_its_clause() -> None:
    # 'Ref.' over 'Q 7.2' over 'Finding': the reader kept the code line outside the finding.
    blocks, roles, starts = _blocks(
        [
            ("OTHER", "Ref.", {"heading": True, "start": True}),
            (OUTSIDE, "Q 7.2", {}),
            ("OTHER", "Finding", {"heading": True}),
            ("description", DESCRIPTION, {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause == "7.2"


def test_unlabelled_code_after_the_findings_text_is_not_its_clause() -> None:
    # The first cell of the next checklist row, read after the finding.
    blocks, roles, starts = _blocks(
        [
            ("description", DESCRIPTION, {"start": True}),
            ("severity", "Minor", {"label": "Priority"}),
            (OUTSIDE, "3.4", {"col_header": "Requirement"}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause is None


def test_heading_that_is_only_a_number_is_the_findings_count() -> None:
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "Major non-conformities", {"heading": True}),
            (OUTSIDE, "2", {"heading": True, "start": True}),
            ("OTHER", "Requirement", {"heading": True, "section": "2"}),
            ("clause", "Element 5", {"section": "2"}),
            ("description", DESCRIPTION, {"section": "2"}),
            (OUTSIDE, "3", {"heading": True, "start": True}),
            ("OTHER", "Finding", {"heading": True, "section": "3"}),
            ("description", DESCRIPTION.replace("night", "day"), {"section": "3"}),
        ]
    )
    first, second = group_findings(blocks, roles, starts, standard="generic")
    assert (first.clause, first.severity_raw) == ("5", "Major")
    assert (second.clause, second.severity_raw) == (None, "Major")


def test_field_name_heading_after_a_description_does_not_cut_the_next_head() -> None:
    # Key-value boxes read without starts: the next finding opens at its description, and its
    # ID, 'Section' and clause rows go with it, not with the finding before.
    def box(number: str, code: str, grade: str, text: str) -> list[tuple[str, str, dict]]:
        return [
            ("OTHER", number, {}),
            ("OTHER", "Section", {"heading": True}),
            ("clause", code, {}),
            ("title", "Finding classification", {"heading": True}),
            ("severity", grade, {}),
            ("OTHER", "Nonconformance description", {"heading": True}),
            ("description", text, {}),
        ]

    rows = box("NC-01", "B3", "Minor Nonconformance", DESCRIPTION)
    rows += box("NC-02", "B3", "Major Nonconformance", DESCRIPTION.replace("night", "day"))
    rows[0][2]["start"] = True
    blocks, roles, starts = _blocks(rows)
    first, second = group_findings(blocks, roles, starts, standard="generic")
    assert (first.clause, first.severity_raw) == ("B3", "Minor Nonconformance")
    assert (second.clause, second.severity_raw) == ("B3", "Major Nonconformance")


def test_grading_cell_of_the_findings_row_left_outside_is_its_grade() -> None:
    # A letter scale ('C') no vocabulary lists, under the 'Classification' column of the row.
    def row(grade: str) -> list[tuple[str, str, dict]]:
        cells = {"row_header": "NC 7"}
        return [
            ("HEAD", "NC 7", {"col_header": "No.", "start": True}),
            ("clause", "CoC WH-3", {**cells, "col_header": "Standard Clause"}),
            ("description", DESCRIPTION, {**cells, "col_header": "Description of Finding"}),
            ("due", "2 months", {**cells, "col_header": "Timescale"}),
            (OUTSIDE, "Issue", {**cells, "col_header": "Category"}),
            (OUTSIDE, grade, {**cells, "col_header": "Classification"}),
        ]

    blocks, roles, starts = _blocks(row("C"))
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert (finding.clause, finding.severity_raw) == ("WH-3", "C")
    blocks, roles, starts = _blocks(row("-"))
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.severity_raw is None


def test_heading_with_code_topic_and_grade_parted_by_a_slash() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "B4 Non-discrimination / Opportunity for Improvement", {"heading": True}),
            ("description", DESCRIPTION, {}),
        ]
    )
    starts[0] = True
    (finding,) = group_findings(blocks, roles, starts, standard="rba")
    assert (finding.clause, finding.topic) == ("B4", "Non-discrimination")
    assert finding.kind == "observation"


def test_own_heading_kind_beats_the_grade_of_the_part_it_is_printed_in() -> None:
    # 'Item 2 | Observation' is the finding's own heading: an observation, not a minor
    # non-compliance of the part 'Minor non-conformities'.
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "Minor non-conformities", {"heading": True}),
            ("HEAD", "Item 1", {"heading": True, "start": True}),
            ("description", DESCRIPTION, {}),
            ("HEAD", "Item 2 | Observation", {"heading": True, "start": True}),
            ("description", "Contracts are printed only in the national language.", {}),
        ]
    )
    first, second = group_findings(blocks, roles, starts, standard="generic")
    assert (first.kind, first.severity) == ("non_compliance", "minor")
    assert (second.kind, second.severity) == ("observation", None)


def test_finding_id_naming_a_non_compliance_leaves_the_type_cell_in_force() -> None:
    # Every item of the plan is numbered 'NC-N', observations too.
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "Major Nonconformance", {"heading": True}),
            ("HEAD", "NC-11", {"start": True}),
            ("OTHER", "Finding Type", {}),
            ("OTHER", "Opportunity for Improvement", {}),
            ("description", DESCRIPTION, {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="rba")
    assert finding.kind == "observation"
    assert finding.severity_raw != "Major Nonconformance"


def test_kind_after_a_non_compliance_id_is_the_findings_kind() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "NC 3: Observation", {"start": True}),
            ("severity", "NC 3", {}),
            ("description", "Several fixed-term contracts have been renewed four times.", {}),
            ("HEAD", "NC 4: Minor", {"start": True}),
            ("description", DESCRIPTION, {}),
        ]
    )
    first, second = group_findings(blocks, roles, starts, standard="generic")
    assert (first.kind, second.kind) == ("observation", "non_compliance")


def test_next_parts_heading_read_after_the_text_is_not_the_findings_kind() -> None:
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "Non-conformities - Minor", {"heading": True}),
            ("HEAD", "2", {"col_header": "No.", "start": True}),
            ("description", DESCRIPTION, {"col_header": "Finding"}),
            ("OTHER", "Positive aspects", {"heading": True}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert (finding.kind, finding.severity) == ("non_compliance", "minor")


def test_grade_named_cell_gives_way_to_the_value_beside_it() -> None:
    # Key-value boxes whose grade row is named 'ZT': the value cell is the grade, whether the
    # reader read it as the grade too or left it outside.
    def box(table: int, value_role: str, value: str, text: str) -> list[tuple[str, str, dict]]:
        return [
            ("HEAD", f"No. {table}", {"table": table, "row": 0, "col": 0, "start": True}),
            ("OTHER", "Description", {"table": table, "row": 1, "col": 0}),
            ("description", text, {"table": table, "row": 1, "col": 1}),
            ("severity", "ZT", {"table": table, "row": 2, "col": 0}),
            (value_role, value, {"table": table, "row": 2, "col": 1}),
        ]

    for value_role in ("severity", OUTSIDE):
        rows = box(1, value_role, "Good practice", "Wages are paid on the 5th of each month.")
        rows += box(2, value_role, "Zero Tolerance", DESCRIPTION)
        blocks, roles, starts = _blocks(rows)
        first, second = group_findings(blocks, roles, starts, standard="amfori_bsci")
        assert (first.kind, first.severity_raw) == ("good_practice", "Good practice")
        assert (second.kind, second.severity_raw) == ("non_compliance", "Zero Tolerance")


def test_bracketed_grade_opening_the_text_is_the_findings_grade() -> None:
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "Good practices", {"heading": True}),
            ("description", f"[Significant] {DESCRIPTION}", {"marker": "6.3", "start": True}),
            ("description", "(Observation) Evacuation maps do not show the new layout.", {}),
            ("description", "(2) The canteen was closed on the day of the audit.", {}),
        ]
    )
    starts[2] = starts[3] = True
    first, second, third = group_findings(blocks, roles, starts, standard="generic")
    assert (first.kind, first.severity_raw, first.description) == (
        "non_compliance",
        "Significant",
        DESCRIPTION,
    )
    assert (second.kind, second.severity_raw) == ("observation", "Observation")
    assert third.description.startswith("(2) The canteen")


def test_field_name_read_as_a_kind_word_grades_nothing() -> None:
    # 'FLA recommendation' names the corrective-action row of a key-value box.
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "ID 062-04 | Noncompliance", {"heading": True, "start": True}),
            ("OTHER", "Description of finding", {"heading": True}),
            ("description", DESCRIPTION, {}),
            ("OTHER", "FLA recommendation", {"heading": True}),
            ("corrective_action", "Stop the practice and discipline those responsible.", {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="fla")
    assert (finding.kind, finding.severity_raw) == ("non_compliance", None)


def test_finding_id_heading_leaves_the_part_in_force() -> None:
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "Opportunities for Improvement", {"heading": True}),
            (OUTSIDE, "F-11", {"heading": True}),
            ("HEAD", "Item", {"heading": True, "start": True}),
            ("OTHER", "Code A1", {}),
            ("description", "The agency's recruitment fees have not been verified.", {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="rba")
    assert finding.kind == "observation"


def test_id_row_left_outside_after_the_text_opens_the_next_box() -> None:
    # Key-value boxes read without starts; the first box's head went to no finding.
    blocks, roles, starts = _blocks(
        [
            ("description", DESCRIPTION, {"start": True}),
            (OUTSIDE, "Item", {"heading": True}),
            (OUTSIDE, "212-02", {}),
            ("OTHER", "Code Element", {"heading": True}),
            ("clause", "ER", {}),
            ("OTHER", "Finding Type", {"heading": True}),
            ("OTHER", "Details", {"heading": True}),
            ("description", "Workers said they paid nothing to the recruitment agency.", {}),
        ]
    )
    first, second = group_findings(blocks, roles, starts, standard="fla")
    assert (first.clause, second.clause) == (None, "ER")


def test_field_name_of_the_findings_head_printed_again_opens_the_next_box() -> None:
    blocks, roles, starts = _blocks(
        [
            ("OTHER", "Finding Type", {"heading": True, "start": True}),
            ("OTHER", "Details", {"heading": True}),
            ("description", DESCRIPTION, {}),
            ("OTHER", "Code Element", {"heading": True}),
            ("OTHER", "Finding Type", {"heading": True}),
            ("clause", "HOW", {}),
            ("OTHER", "Details", {"heading": True}),
            ("description", "Overtime is compulsory; refusing it costs the attendance bonus.", {}),
        ]
    )
    first, second = group_findings(blocks, roles, starts, standard="fla")
    assert (first.clause, second.clause) == (None, "HOW")


def test_id_field_read_after_the_text_opens_the_next_box() -> None:
    def box(number: str, code: str, text: str) -> list[tuple[str, str, dict]]:
        return [
            (OUTSIDE, f"ID {number}", {"heading": True}),
            ("OTHER", "ID", {"heading": True}),
            ("OTHER", number, {}),
            ("OTHER", "Requirement", {"heading": True}),
            ("clause", code, {}),
            ("OTHER", "Finding", {"heading": True}),
            ("description", text, {}),
        ]

    rows = box("1", "Question 2.9", DESCRIPTION)[5:]  # the first box's head went elsewhere
    rows += box("2", "Question 2.8", "A guard slapped a worker at the gate.")
    rows += box("3", "Question 5.2", "Payslips do not show overtime hours.")
    rows[0][2]["start"] = True
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="amfori_bsci")
    assert [f.clause for f in findings] == [None, "2.8", "5.2"]


def test_findings_own_number_in_its_heading_names_no_clause() -> None:
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "1 Employment is freely chosen", {"heading": True}),
            ("HEAD", "Item 2 | Minor", {"heading": True, "start": True}),
            ("description", DESCRIPTION, {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="smeta")
    assert (finding.clause, finding.severity_raw) == ("1", "Minor")


def test_clause_line_set_as_a_heading_and_left_outside_names_the_clause() -> None:
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "1 Employment is freely chosen", {"heading": True}),
            ("HEAD", "Item 2 | Minor", {"heading": True, "start": True}),
            (OUTSIDE, "ETI 1.3", {"heading": True, "label": "ETI clause"}),
            ("description", DESCRIPTION, {}),
            (OUTSIDE, "Colour legend", {"heading": True, "label": "Minor"}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="smeta")
    assert finding.clause == "ETI 1.3"


def test_clause_line_under_the_text_cut_off_by_a_start_goes_back_to_its_finding() -> None:
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "The rights of freedom of association (PA3)", {"heading": True}),
            ("description", DESCRIPTION, {"marker": "•", "start": True}),
            ("OTHER", "3.5", {"heading": True, "label": "Performance Area", "start": True}),
            (OUTSIDE, "Recommendation", {"label": "Type of Finding"}),
            ("description", "Drinking water points are far from the lines.", {"start": True}),
        ]
    )
    first, second = group_findings(blocks, roles, starts, standard="amfori_bsci")
    assert first.clause == "3.5"


def test_labelled_line_under_each_bullet_stays_with_its_bullet() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "PA1 - Social management system", {"heading": True, "start": True}),
            ("description", "Overtime is capped at 60 hours a month by the rota.", {"marker": "•"}),
            ("OTHER", "Good practice", {"label": "Category"}),
            ("description", DESCRIPTION, {"marker": "•"}),
            (OUTSIDE, "Finding", {"label": "Category"}),
            ("HEAD", "PA7 - Occupational health and safety", {"heading": True, "start": True}),
            ("description", "Drinking water points are far from the lines.", {"marker": "•"}),
            (OUTSIDE, "Recommendation", {"label": "Category"}),
        ]
    )
    first, second, third = group_findings(blocks, roles, starts, standard="amfori_bsci")
    assert (first.kind, second.kind, third.kind) == (
        "good_practice",
        "non_compliance",
        "observation",
    )


def test_type_cell_read_as_another_field_names_the_kind() -> None:
    def row(n: int, category: str, text: str) -> list[tuple[str, str, dict]]:
        cells = {"table": 0, "row": n}
        return [
            ("clause", f"Benchmark ER.{n}", {**cells, "col": 0, "col_header": "Code Clause"}),
            ("clause", category, {**cells, "col": 1, "col_header": "Category"}),
            ("description", text, {**cells, "col": 2, "col_header": "Finding Explanation"}),
        ]

    rows = row(19, "Risk of Noncompliance", "Temporary contracts keep being renewed.")
    rows += row(20, "Major", DESCRIPTION)
    rows[0][2]["start"] = rows[3][2]["start"] = True
    blocks, roles, starts = _blocks(rows)
    first, second = group_findings(blocks, roles, starts, standard="fla")
    assert (first.kind, first.clause, first.severity_raw) == ("observation", "ER.19", None)
    assert (second.kind, second.severity_raw) == ("non_compliance", "Major")


def test_grade_of_a_summary_row_read_into_a_good_practice_is_not_its_grade() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "Section E1 Notable Practice", {"heading": True, "start": True}),
            ("OTHER", "F-08", {"label": "Finding ID"}),
            ("description", "All workers receive a written contract in their language.", {}),
            ("OTHER", "Findings at a glance", {"heading": True}),
            ("OTHER", "A1", {}),
            ("OTHER", "Restriction of movement", {}),
            ("OTHER", "Minor Nonconformance", {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="rba")
    assert finding.kind == "good_practice"
    assert finding.severity_raw != "Minor Nonconformance"


def test_type_cell_far_along_the_findings_row_names_its_kind() -> None:
    headers = ["Local law", "Recommended corrective action", "Timescale", "Workers affected"]
    cells = {"table": 0, "row": 1}
    rows = [("description", DESCRIPTION, {**cells, "col": 2, "col_header": "Description"})]
    rows[0][2]["start"] = True
    rows += [
        (OUTSIDE, "N/A", {**cells, "col": 3 + k, "col_header": header})
        for k, header in enumerate(headers)
    ]
    rows.append((OUTSIDE, "Observation", {**cells, "col": 7, "col_header": "Finding type"}))
    blocks, roles, starts = _blocks(rows)
    (finding,) = group_findings(blocks, roles, starts, standard="smeta")
    assert finding.kind == "observation"


def test_code_in_what_reads_as_a_headings_label_is_its_clause() -> None:
    blocks, roles, starts = _blocks(
        [
            (
                "HEAD",
                "Risk of Nonconformance",
                {"heading": True, "label": "Section A1 Forced labour", "start": True},
            ),
            ("OTHER", "F-07", {"label": "Finding ID"}),
            ("description", DESCRIPTION, {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="rba")
    assert (finding.clause, finding.kind) == ("A1", "observation")


def test_letter_under_the_rating_column_is_a_grade_not_a_clause() -> None:
    cells = {"table": 0, "row": 1}
    blocks, roles, starts = _blocks(
        [
            ("clause", "FL", {**cells, "col": 0, "col_header": "Standard Clause", "start": True}),
            ("title", "Freedom of movement", {**cells, "col": 1, "col_header": "Short Title"}),
            ("OTHER", "C", {**cells, "col": 2, "col_header": "Rating"}),
            ("description", DESCRIPTION, {**cells, "col": 3, "col_header": "What Was Found"}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert (finding.clause, finding.severity_raw) == ("FL", "C")


def test_count_and_type_heading_and_number_after_an_id_name_are_no_clause() -> None:
    def box(n: int, text: str) -> list[tuple[str, str, dict]]:
        return [
            ("HEAD", f"{n} - Noncompliance", {"start": True}),
            ("OTHER", "NC Ref.", {}),
            ("OTHER", str(n), {}),
            ("OTHER", "Explanation", {}),
            ("description", text, {}),
        ]

    rows = box(1, DESCRIPTION) + box(2, "Workers may not leave the dormitory after 9 pm.")
    blocks, roles, starts = _blocks(rows)
    first, second = group_findings(blocks, roles, starts, standard="fla")
    assert (first.clause, second.clause) == (None, None)


def test_labelled_clause_after_a_numbered_id_stays_the_clause() -> None:
    blocks, roles, starts = _blocks(
        [
            ("clause", "# 2", {"start": True}),
            ("clause", "1", {"heading": True, "label": "Code clause"}),
            ("description", DESCRIPTION, {"label": "What was found"}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="fair_wear")
    assert finding.clause == "1"


def test_clause_heading_typed_as_an_observation_after_its_topic_names_the_kind() -> None:
    section = "2.12 Forced or compulsory labour / OFI"
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "8.1 Wages / Major NC", {"heading": True, "marker": "8.1"}),
            ("description", DESCRIPTION, {"start": True, "section": "8.1 Wages / Major NC"}),
            (OUTSIDE, "Forced or compulsory labour / OFI", {"heading": True, "marker": "2.12"}),
            ("OTHER", "047-10", {"label": "Item", "section": section, "start": True}),
            ("description", "The company bus runs only at shift change.", {"section": section}),
        ]
    )
    first, second = group_findings(blocks, roles, starts, standard="sa8000")
    assert (first.kind, first.severity_raw) == ("non_compliance", "Major NC")
    assert (second.kind, second.clause) == ("observation", "2.12")


def test_type_cell_of_a_headerless_row_names_the_kind() -> None:
    # A table carried over a page without its header row: the cells name no column.
    cells = {"table": 2, "row": 0}
    rows = [
        ("HEAD", "8", {**cells, "col": 0, "start": True}),
        ("clause", "Clause 0.B", {**cells, "col": 1}),
        (
            "description",
            "The site reimbursed recruitment fees to six workers.",
            {**cells, "col": 2},
        ),
    ]
    rows += [(OUTSIDE, "-", {**cells, "col": 3 + k}) for k in range(5)]
    rows.append((OUTSIDE, "Good Example", {**cells, "col": 8}))
    blocks, roles, starts = _blocks(rows)
    (finding,) = group_findings(blocks, roles, starts, standard="smeta")
    assert finding.kind == "good_practice"


def test_type_line_read_as_a_title_names_the_kind() -> None:
    blocks, roles, starts = _blocks(
        [
            ("OTHER", "NC REF. NC 03", {"heading": True, "start": True}),
            ("OTHER", "Employment relationship", {"label": "ISSUE"}),
            ("title", "Uncorroborated Evidence of Noncompliance", {"label": "TYPE"}),
            ("description", DESCRIPTION, {"label": "DETAILS"}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="fla")
    assert finding.kind == "observation"


def test_consecutive_provisions_under_a_clause_name_stay_clauses() -> None:
    rows: list[tuple[str, str, dict]] = []
    for n in (1, 2, 3):
        rows += [
            ("HEAD", f"No. {n}", {"start": True}),
            ("OTHER", "Code clause", {}),
            ("clause", f"3.{n}", {}),
            ("OTHER", "Details of non-compliance", {}),
            ("description", f"{DESCRIPTION} (case {n})", {}),
        ]
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="smeta")
    assert [f.clause for f in findings] == ["3.1", "3.2", "3.3"]


def test_kind_word_naming_the_text_gives_way_to_the_grade_cell() -> None:
    # 'Observation' is the name of the text's field; the grade is printed under 'Severity'.
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "Finding No.", {"heading": True, "start": True}),
            ("clause", "Code A1", {}),
            ("OTHER", "Finding Description", {"heading": True}),
            ("description", "Recruits paid a fee of USD 900 to the labour agent.", {}),
            ("OTHER", "Severity", {"heading": True}),
            ("severity", "Major", {}),
            ("HEAD", "Finding No.", {"heading": True, "start": True}),
            ("clause", "Code E3", {}),
            ("severity", "Observation", {"heading": True}),
            ("description", DESCRIPTION, {}),
            ("OTHER", "Severity", {"heading": True}),
            ("severity", "Opportunity for Improvement", {}),
        ]
    )
    _, finding = group_findings(blocks, roles, starts, standard="rba")
    assert (finding.kind, finding.severity_raw) == ("observation", "Opportunity for Improvement")


def test_grade_cell_after_the_grade_fields_name_is_read_whatever_its_role() -> None:
    rows: list[tuple[str, str, dict]] = []
    for n, grade in ((1, "Major Nonconformance"), (2, "Opportunity for Improvement")):
        rows += [
            ("HEAD", f"NC-{n}", {"start": True}),
            ("OTHER", "Finding Type", {}),
            ("OTHER", grade, {}),
            ("description", f"{DESCRIPTION} (case {n})", {}),
        ]
    assert _kinds_and_grades(rows, "rba") == [
        ("non_compliance", "Major Nonconformance"),
        ("observation", "Opportunity for Improvement"),
    ]


def test_grade_cell_after_the_text_is_read_up_to_the_next_box() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "NC NO.", {"heading": True, "start": True}),
            ("clause", "Section A7", {}),
            ("description", DESCRIPTION, {}),
            (OUTSIDE, "RISK LEVEL", {}),
            (OUTSIDE, "Major Nonconformance", {}),
            ("HEAD", "NC NO.", {"heading": True, "start": True}),
            ("clause", "Section A2", {}),
            ("description", "Contracts are printed only in the national language.", {}),
            (OUTSIDE, "Ref", {}),
            (OUTSIDE, "3", {}),
            (OUTSIDE, "Finding Type", {}),
            (OUTSIDE, "Notable Practice", {}),
        ]
    )
    first, second = group_findings(blocks, roles, starts, standard="rba")
    assert first.severity_raw == "Major Nonconformance"
    assert (second.kind, second.severity_raw) == ("non_compliance", None)


def test_grade_split_into_a_label_and_a_value_is_read_whole() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "NC-2", {"start": True}),
            ("OTHER", "Finding Type", {}),
            ("severity", "Nonconformance", {"label": "Priority"}),
            ("description", DESCRIPTION, {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="rba")
    assert (finding.severity_raw, finding.severity) == ("Priority Nonconformance", "critical")


def test_kind_word_after_the_id_grades_where_ids_carry_the_grades() -> None:
    rows: list[tuple[str, str, dict]] = []
    for n, grade in ((1, "Minor"), (2, "Observation"), (3, "Good Example")):
        rows += [
            ("HEAD", f"Item {n} | {grade}", {"heading": True, "start": True}),
            ("description", f"{DESCRIPTION} (case {n})", {}),
        ]
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="smeta")
    assert [(f.kind, f.severity_raw) for f in findings] == [
        ("non_compliance", "Minor"),
        ("observation", "Observation"),
        ("good_practice", "Good Example"),
    ]
    # Where no finding is graded, the word only names the finding's type.
    blocks, roles, starts = _blocks(rows[2:])
    findings = group_findings(blocks, roles, starts, standard="smeta")
    assert [(f.kind, f.severity_raw) for f in findings] == [
        ("observation", None),
        ("good_practice", None),
    ]


def test_grade_after_the_id_in_a_grade_cell_shares_the_heading_slot() -> None:
    # 'No. 3 - Commendable practice' read as the grade cell, after a box whose last name cell
    # ('Workers affected') is no name of the grade's field.
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "No. 2 - Minor", {"start": True}),
            ("description", DESCRIPTION, {}),
            ("OTHER", "Workers affected", {}),
            (OUTSIDE, "62", {}),
            ("severity", "No. 3 - Commendable practice", {"start": True}),
            ("OTHER", "Positive practice noted", {}),
            ("description", "The employer pays all recruitment costs of migrant workers.", {}),
        ]
    )
    findings = group_findings(blocks, roles, starts, standard="wrap")
    assert [(f.kind, f.severity_raw) for f in findings] == [
        ("non_compliance", "Minor"),
        ("good_practice", "Commendable practice"),
    ]


def test_code_heading_between_the_id_and_the_text_is_the_findings_clause() -> None:
    # Each finding prints its benchmark as a heading under its ID: 'C.14' is finding 1's,
    # not the clause of the finding after it.
    rows: list[tuple[str, str, dict]] = []
    for n, code in ((1, "C.14"), (2, "CL.29")):
        rows += [
            ("HEAD", f"Finding {n}: Noncompliance", {"heading": True, "start": True}),
            (OUTSIDE, code, {"heading": True}),
            ("severity", "Major", {"heading": True}),
            ("description", f"{DESCRIPTION} (case {n})", {}),
        ]
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [f.clause for f in findings] == ["C.14", "CL.29"]


def test_id_column_beside_a_clause_column_refines_no_clause() -> None:
    # 'PA1.1' numbers the finding in the 'No.' column; its clause is the 'Code Ref.' cell.
    table = {"table": 1}
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "PA1.1", {**table, "col_header": "No.", "start": True}),
            ("clause", "Question PA1", {**table, "col_header": "Code Ref."}),
            ("description", DESCRIPTION, {**table, "col_header": "What Was Found"}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="amfori_bsci")
    assert finding.clause == "PA1"


def test_clause_heading_read_into_a_finding_heads_the_findings_after_it() -> None:
    # 'FL Forced labour' is taken into the finding printed above it; the finding under it is
    # still a forced-labour one, not a child-labour one.
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "CL Child labour", {"heading": True}),
            ("HEAD", "Finding 1 | Non-compliance", {"heading": True, "start": True}),
            ("description", DESCRIPTION, {}),
            ("OTHER", "FL Forced labour", {"heading": True}),
            ("HEAD", "Finding 2 | Non-compliance", {"heading": True, "start": True}),
            ("description", "Passports of migrant workers are kept in the HR office safe.", {}),
        ]
    )
    first, second = group_findings(blocks, roles, starts, standard="generic")
    assert (first.clause, second.clause) == ("CL", "FL")


def test_bare_numbers_counting_every_finding_from_one_are_no_clauses() -> None:
    def rows(role: str, extra: dict) -> list[tuple[str, str, dict]]:
        out: list[tuple[str, str, dict]] = []
        for n in range(1, 6):
            out += [
                (role, str(n), {**extra, "start": True}),
                ("description", f"{DESCRIPTION} (case {n})", {}),
            ]
        return out

    blocks, roles, starts = _blocks(rows("HEAD", {}))
    findings = group_findings(blocks, roles, starts, standard="sa8000")
    assert [f.clause for f in findings] == [None] * 5
    # Under a 'Clause' column they are the findings' clauses.
    blocks, roles, starts = _blocks(rows("clause", {"col_header": "Clause", "table": 1}))
    findings = group_findings(blocks, roles, starts, standard="sa8000")
    assert [f.clause for f in findings] == ["1", "2", "3", "4", "5"]


def test_kind_word_closing_a_heading_grades_where_the_headings_grade_all_findings() -> None:
    rows: list[tuple[str, str, dict]] = []
    for n, heading in (
        (1, "A1 Freely chosen employment / Major Nonconformance"),
        (2, "A6 Non-discrimination / Opportunity for Improvement"),
    ):
        rows += [
            ("HEAD", heading, {"heading": True, "start": True}),
            ("description", f"{DESCRIPTION} (case {n})", {}),
        ]
    assert _kinds_and_grades(rows, "rba") == [
        ("non_compliance", "Major Nonconformance"),
        ("observation", "Opportunity for Improvement"),
    ]


def test_kind_word_after_a_code_names_the_type_where_grades_are_printed_apart() -> None:
    # Non-compliances graded in their own line ('Major'); '1.13: Remark' only types the
    # finding.
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "1.12: Non-compliance", {"heading": True, "start": True}),
            ("severity", "Major", {"heading": True}),
            ("description", DESCRIPTION, {}),
            ("HEAD", "1.13: Remark", {"heading": True, "start": True}),
            ("description", "Workers may leave their permits in the HR safe if they wish.", {}),
        ]
    )
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [(f.kind, f.severity_raw) for f in findings] == [
        ("non_compliance", "Major"),
        ("observation", None),
    ]


def test_finding_id_under_a_ref_column_is_no_clause_nor_topic() -> None:
    # 'NC04' under 'Ref', read as a clause cell: the finding's ID; the section names its clause.
    section = "7 - Safe and healthy working conditions"
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, section, {"heading": True}),
            (
                "clause",
                "NC04",
                {"col_header": "Ref", "table": 1, "start": True, "section": section},
            ),
            ("description", DESCRIPTION, {"col_header": "Comment", "table": 1, "section": section}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert (finding.clause, finding.topic) == ("7", None)
    assert label_field("Basis of finding") == "evidence"
    assert label_field("NATURE OF FINDING") == "severity"


def test_part_heading_after_a_findings_text_is_no_field_of_it() -> None:
    # 'Positive aspects' read as a grade cell after D-09's text opens the next part: D-09 stays
    # a note (an observation), D-10 is a good practice.
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "Notes", {"heading": True}),
            ("HEAD", "D-09", {"start": True}),
            ("description", DESCRIPTION, {}),
            ("severity", "Positive aspects", {"heading": True}),
            ("HEAD", "D-10", {"start": True}),
            ("description", "The factory runs a free day-care centre for workers' children.", {}),
        ]
    )
    first, second = group_findings(blocks, roles, starts, standard="generic")
    assert (first.kind, first.severity_raw) == ("observation", None)
    assert second.kind == "good_practice"


def test_cells_under_the_next_clause_heading_belong_to_the_next_finding() -> None:
    # The labeller saw no start in the next table's cells: its grade is not the observation's.
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "PA1. Social management system", {"heading": True}),
            ("description", "The site has not yet set targets for water use.", {"start": True}),
            (OUTSIDE, "PA2. Workers involvement and protection", {"heading": True}),
            ("OTHER", "Description of the Finding", {"heading": True}),
            ("severity", "Zero Tolerance", {}),
            ("description", DESCRIPTION, {}),
        ]
    )
    first, second = group_findings(blocks, roles, starts, standard="amfori_bsci")
    assert first.severity_raw is None
    assert (second.severity_raw, second.clause) == ("Zero Tolerance", "PA2")


def test_grade_under_its_label_after_the_text_is_read() -> None:
    blocks, roles, starts = _blocks(
        [
            ("clause", "1", {"label": "Code clause", "start": True}),
            ("description", DESCRIPTION, {"label": "Description"}),
            ("evidence", "Worker interviews and a visit to the dormitory.", {"label": "Evidence"}),
            (OUTSIDE, "Minor", {"label": "Risk level"}),
            (OUTSIDE, "2 There is no discrimination in employment", {"heading": True}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.severity_raw == "Minor"


def test_running_numbers_after_lettered_smeta_clauses_are_no_provisions() -> None:
    # 'Ref' cells count the findings across clauses (... 10B.3, 10A.4, 0.B.5): the clause is
    # the 'ETI clause' cell, which the running number must not refine.
    rows: list[tuple[str, str, dict]] = []
    for ref, clause in (
        ("1.1", "ETI 1"),
        ("2.2", "ETI 2"),
        ("10B.3", "ETI 10B"),
        ("10A.4", "ETI 10A"),
        ("0.B.5", "ETI 0.B"),
    ):
        rows += [
            ("HEAD", ref, {"start": True}),
            ("clause", clause, {}),
            ("description", f"{DESCRIPTION} ({ref})", {}),
        ]
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="smeta")
    assert [f.clause for f in findings] == ["ETI 1", "ETI 2", "ETI 10B", "ETI 10A", "ETI 0.B"]


def test_clause_line_under_the_text_refines_the_section_heading() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "PA1. Social management system", {"heading": True, "start": True}),
            ("description", DESCRIPTION, {"marker": "-"}),
            (OUTSIDE, "Q 1.2", {"heading": True, "label": "PERFORMANCE AREA"}),
            ("severity", "Minor", {"label": "FINDING TYPE"}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="amfori_bsci")
    assert finding.clause == "1.2"


def test_nearest_section_heading_before_the_text_names_its_clause() -> None:
    # 'PA8' and 'PA9' found nothing; the text is printed under 'PA10'.
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "PA8. No child labour", {"heading": True, "start": True}),
            (OUTSIDE, "A young worker register is kept.", {}),
            (OUTSIDE, "PA9. Special protection for young workers", {"heading": True}),
            (OUTSIDE, "PA10. No precarious employment", {"heading": True}),
            ("description", DESCRIPTION, {"marker": "-"}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="amfori_bsci")
    assert finding.clause == "PA10"


def test_code_line_cut_off_under_the_text_takes_its_tail_back() -> None:
    # A start on 'Q 10.2' (read as a heading) cut the bullet's clause, type and evidence off.
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, "PA10. No precarious employment", {"heading": True}),
            ("description", DESCRIPTION, {"marker": "•", "start": True}),
            ("HEAD", "Q 10.2", {"heading": True, "label": "PERFORMANCE AREA", "start": True}),
            ("OTHER", "Best practice", {"label": "FINDING TYPE"}),
            ("evidence", "Review of contracts for 13 of 39 workers.", {"label": "AUDIT EVIDENCE"}),
            (OUTSIDE, "PA11. No bonded labour", {"heading": True}),
            ("description", "Drinking water points are far from the lines.", {"start": True}),
            ("HEAD", "11.2", {"heading": True, "label": "PERFORMANCE AREA", "start": True}),
            ("OTHER", "Finding", {"label": "FINDING TYPE"}),
        ]
    )
    first, second = group_findings(blocks, roles, starts, standard="amfori_bsci")
    assert (first.clause, first.kind) == ("10.2", "good_practice")
    assert first.evidence == "Review of contracts for 13 of 39 workers."
    assert second.clause == "11.2"


def test_code_line_printed_apart_from_the_text_stays_out_of_it() -> None:
    # The next table's first row ('2.2 | question | No | Critical') after other text.
    blocks, roles, starts = _blocks(
        [
            ("description", DESCRIPTION, {"start": True}),
            (OUTSIDE, "2 - Employment is freely chosen", {"heading": True}),
            ("clause", "2.2", {"table": 0, "row": 1, "col": 0, "start": True}),
            ("severity", "Critical", {"table": 0, "row": 1, "col": 3}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="amfori_bsci")
    assert (finding.clause, finding.severity_raw) == (None, None)


def test_code_lines_heading_every_text_stay_with_the_next_text() -> None:
    # Code line, type, then text, each cut apart: the code lines are heads, not tails.
    rows = []
    for code, text in (("1.1", DESCRIPTION), ("1.2", "Drinking water points are far away.")):
        rows += [
            ("HEAD", code, {"heading": True, "start": True}),
            ("OTHER", "Finding", {"label": "FINDING TYPE"}),
            ("description", text, {"start": True}),
        ]
    blocks, roles, starts = _blocks(rows)
    first, second = group_findings(blocks, roles, starts, standard="amfori_bsci")
    assert first.clause != "1.2" and second.clause is None


def test_start_on_a_field_name_in_a_head_goes_on_with_that_head() -> None:
    # A start predicted on 'Comment' (the text's field name) cut the box's head off.
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "Finding 4: Uncorroborated Evidence", {"heading": True, "start": True}),
            ("OTHER", "NC ref.", {}),
            ("OTHER", "292-04", {}),
            (OUTSIDE, "Reference to code", {}),
            ("clause", "CL", {}),
            ("severity", "Comment", {"start": True}),
            ("description", DESCRIPTION, {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="fla")
    assert finding.clause == "CL"


def test_start_on_a_field_name_after_other_cells_opens_the_box() -> None:
    # A definitions row, then a box whose 'NC Ref.' had no start: no head to go on with.
    blocks, roles, starts = _blocks(
        [
            (
                "OTHER",
                "an isolated lapse with low risk to workers; act within 90 days",
                {"start": True},
            ),
            ("HEAD", "NC Ref.", {}),
            ("OTHER", "132-01", {}),
            ("OTHER", "Finding Type", {"start": True}),
            ("OTHER", "Noncompliance", {}),
            ("description", DESCRIPTION, {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="fla")
    assert finding.severity_raw is None


def test_stacked_clause_label_lines_in_the_head_name_the_clause() -> None:
    # 'REQUIREMENT' / 'A1' / 'DESCRIPTION' read as one block the labeller left outside.
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "1", {"heading": True, "start": True}),
            (OUTSIDE, "REQUIREMENT A1 DESCRIPTION", {"n_lines": 3}),
            ("description", DESCRIPTION, {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="rba")
    assert finding.clause == "A1"


def test_scanned_title_broken_over_two_lines_is_no_finding() -> None:
    # OCR set 'FACB Freedom of association and / collective bargaining' as a two-line block.
    blocks, roles, starts = _blocks(
        [
            ("description", DESCRIPTION, {"start": True, "ocr": True}),
            (
                "description",
                "FACB Freedom of association and collective bargaining",
                {"start": True, "ocr": True, "n_lines": 2},
            ),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.description == DESCRIPTION


def test_type_cell_of_the_descriptions_row_names_the_kind_when_the_finding_ran_past_the_row() -> (
    None
):
    # The draft took the next page's heading after the row, so the row's type cell sits among
    # its blocks, not after them; the row's 'N/A' under 'Timescale' was read as its grade.
    cells = {"table": 0, "row": 3, "section": "Findings and corrective actions"}
    blocks, roles, starts = _blocks(
        [
            (
                "description",
                DESCRIPTION,
                {**cells, "col": 2, "col_header": "Details", "start": True},
            ),
            ("OTHER", "N/A", {**cells, "col": 3, "col_header": "Local law"}),
            ("severity", "N/A", {**cells, "col": 5, "col_header": "Timescale"}),
            ("OTHER", "N/A", {**cells, "col": 6, "col_header": "Number of workers affected"}),
            (OUTSIDE, "Good example", {**cells, "col": 7, "col_header": "Finding type"}),
            ("OTHER", "Verification checklist", {"heading": True}),
        ]
    )
    blocks[-1] = blocks[-1].model_copy(update={"page": 2})
    (finding,) = group_findings(blocks, roles, starts, standard="smeta")
    assert finding.kind == "good_practice"


def _line(index: int, role: str, text: str, x: float, top: float, lines: int = 1) -> Block:
    return Block(
        index=index, page=1, bbox=(x, top, x + 120.0, top + 12.0 * lines), text=text,
        n_lines=lines,
    )  # fmt: skip


def test_type_word_printed_before_the_description_on_its_line_names_the_kind() -> None:
    # A row of a table printed without rules: 'NC 13 | n/a | Notable practice | A welfare
    # fund...', its 'n/a' read as the grade.
    blocks = [
        _line(0, "HEAD", "NC 13", 30.0, 100.0),
        _line(1, "severity", "n/a", 100.0, 100.0),
        _line(2, OUTSIDE, "Notable practice", 160.0, 100.5),
        _line(3, "description", DESCRIPTION, 300.0, 100.0, lines=3),
        _line(4, OUTSIDE, "Major Nonconformance", 160.0, 150.0),  # the next row's
    ]
    roles = ["HEAD", "severity", OUTSIDE, "description", OUTSIDE]
    starts = [True, False, False, False, False]
    (finding,) = group_findings(blocks, roles, starts, standard="rba")
    assert finding.kind == "good_practice"


def test_kind_tag_opening_the_text_beats_a_grade_read_among_the_findings_blocks() -> None:
    text = "Uncorroborated evidence: eight workers said a supervisor pushed a colleague."
    assert _kinds_and_grades(
        [
            ("HEAD", "Finding 4", {"start": True}),
            (OUTSIDE, "Minor", {}),
            ("description", text, {}),
        ],
        "generic",
    ) == [("observation", None)]


def test_good_practice_label_beats_a_grade_read_among_the_findings_blocks() -> None:
    assert _kinds_and_grades(
        [
            ("HEAD", "1.2", {"start": True}),
            (OUTSIDE, "Zero Tolerance", {}),
            ("description", DESCRIPTION, {"label": "Good practice"}),
        ],
        "amfori_bsci",
    ) == [("good_practice", None)]


def test_grade_opening_the_text_stays_a_non_compliance() -> None:
    text = "Zero tolerance: child labour found; a 14-year-old was employed in moulding."
    assert _kinds_and_grades(
        [("HEAD", "Finding 1", {"start": True}), ("description", text, {})], "sa8000"
    ) == [("non_compliance", None)]


def _numbered_boxes(clause_cells: list[tuple[str, str]]) -> list[tuple[str, str, dict]]:
    """Key-value boxes headed 'Non-conformance N', each with a clause-like cell."""
    rows: list[tuple[str, str, dict]] = []
    for n, (name, cell) in enumerate(clause_cells, 1):
        rows.append(("HEAD", f"Non-conformance {n}", {"start": True}))
        rows.append(("OTHER", name, {"col_header": f"Non-conformance {n}"}))
        rows.append(("clause", cell, {}))
        rows.append(("description", _described(n), {}))
    return rows


def test_a_box_repeating_its_own_number_as_ref_has_no_clause() -> None:
    # 'Non-conformance 2' | 'Ref' | '2': four findings print their own number twice.
    blocks, roles, starts = _blocks(_numbered_boxes([("Ref", str(n)) for n in range(1, 5)]))
    findings = group_findings(blocks, roles, starts, standard="sa8000")
    assert [f.clause for f in findings] == [None] * 4


def test_clause_cells_with_their_word_stay_clauses_when_they_match_the_finding_numbers() -> None:
    # Findings listed one per clause: 'NC 1' | 'Element 1', 'NC 2' | 'Element 2'.
    rows = _numbered_boxes([("Provision", f"Element {n}") for n in range(1, 4)])
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="sa8000")
    assert [f.clause for f in findings] == ["1", "2", "3"]


def test_finding_numbers_with_one_the_reader_missed_are_no_clauses() -> None:
    # 1, 2, 3, 4, -, 6, 7: the count runs on past a number OCR lost, after three summary rows
    # read as findings.
    rows: list[tuple[str, str, dict]] = []
    for n in range(-2, 1):
        rows.append(("HEAD", "Summary", {"start": True}))
        rows.append(("description", _described(n), {}))
    for n in range(1, 8):
        if n == 5:
            rows.append(("HEAD", "Non-compliance", {"start": True}))
        else:
            rows.append(("HEAD", str(n), {"start": True}))
        rows.append(("description", _described(n), {}))
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert len(findings) == 10
    assert [f.clause for f in findings] == [None] * 10


def test_a_section_heading_that_is_a_findings_number_and_type_is_no_clause() -> None:
    # '2: Noncompliance' set as a heading over the finding's table: its number and type.
    section = {"section": "2: Noncompliance"}
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "Finding explanation", {"heading": True, "start": True, **section}),
            ("description", DESCRIPTION, section),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause is None


def test_a_letter_under_the_rating_column_is_the_grade_not_a_clause() -> None:
    cells = {"table": 1, "row": 1}
    blocks, roles, starts = _blocks(
        [
            ("clause", "FL", {**cells, "col_header": "Standard Clause", "start": True}),
            ("clause", "C", {**cells, "col_header": "Rating"}),
            ("description", DESCRIPTION, {**cells, "col_header": "What Was Found"}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert (finding.clause, finding.severity_raw) == ("FL", "C")


def test_area_and_finding_number_headings_with_a_slash_are_running_numbers() -> None:
    # 'C.1: Noncompliance' ... 'H/A.4: Noncompliance': the count goes on across areas,
    # 'H/A' included; the area's benchmark line names each finding's clause.
    rows: list[tuple[str, str, dict]] = []
    for n, area in enumerate(["C", "F", "HSE", "H/A", "ER"], 1):
        rows.append(("HEAD", f"{area}.{n}: Noncompliance", {"heading": True, "start": True}))
        rows.append((OUTSIDE, f"Benchmark {area}", {}))
        rows.append(("description", _described(n), {}))
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [f.clause for f in findings] == ["C", "F", "HSE", "H/A", "ER"]


def test_clause_field_printed_in_a_head_left_outside_names_the_next_findings_clause() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "#", {"heading": True, "start": True}),
            ("clause", "Section A2", {}),
            ("description", _described(1), {}),
            ("due", "30 days", {}),
            (OUTSIDE, "#", {}),
            (OUTSIDE, "Code Section", {}),
            (OUTSIDE, "Section E7", {}),
            (OUTSIDE, "Finding Description", {"heading": True}),
            ("description", _described(2), {"start": True}),
        ]
    )
    findings = group_findings(blocks, roles, starts, standard="rba")
    assert [f.clause for f in findings] == ["A2", "E7"]


def test_consecutive_provisions_printed_under_a_code_clause_field_stay_clauses() -> None:
    # 'Code clause' in each box's head, its value ('3.1') a line the reader left outside:
    # SMETA's provisions 3.1, 3.2, 3.3 in a row are clauses, not paragraph numbers.
    rows: list[tuple[str, str, dict]] = []
    for n in range(1, 4):
        rows.append(("HEAD", f"No. {n}", {"start": True}))
        rows.append(("OTHER", "Code clause", {}))
        rows.append((OUTSIDE, f"3.{n}", {}))
        rows.append(("description", _described(n), {}))
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="smeta")
    assert [f.clause for f in findings] == ["3.1", "3.2", "3.3"]


def test_codes_of_checklist_rows_beside_an_observation_are_not_its_clause() -> None:
    # A borderless checklist ('1.1' | question | 'YES') printed before an observation about the
    # area: the question's code is not the finding's; the area heading names its clause.
    def cell(column: str) -> dict:
        return {"col_header": column, "section": "PA1 - Social management system"}

    rows = [
        ("HEAD", "PA1 - Social management system", {"heading": True, "start": True}),
        ("OTHER", "1.1", cell("CODE CLAUSE")),
        ("OTHER", "Does the site have a person responsible for labour compliance?", {}),
        ("OTHER", "YES", cell("ANSWER")),
        ("description", DESCRIPTION, {"label": "Observation"}),
    ]
    blocks, roles, starts = _blocks(rows)
    # One printed row: the code, the question and the answer start on one line.
    top = blocks[1].bbox[1]
    for index in (2, 3):
        block = blocks[index]
        blocks[index] = block.model_copy(
            update={
                "bbox": (block.bbox[0], top, block.bbox[2], top + 12),
                "col_header": "COMPLIANCE QUESTION" if index == 2 else block.col_header,
            }
        )
    (finding,) = group_findings(blocks, roles, starts, standard="amfori_bsci")
    assert finding.clause == "PA1"


def test_a_summary_tables_code_read_into_a_finding_gives_way_to_its_own_heading() -> None:
    summary = {"section": "Summary of findings"}
    blocks, roles, starts = _blocks(
        [
            ("OTHER", "022-05", {**summary, "col_header": "No.", "start": True}),
            ("clause", "9.1", {**summary, "col_header": "Clause"}),
            ("description", DESCRIPTION, {"section": "2.4 Forced or compulsory labour"}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="sa8000")
    assert finding.clause == "2.4"


def test_a_checklist_rows_code_cell_taken_for_a_clause_is_not_the_observations() -> None:
    section = {"section": "CHR Contracts and human resources"}
    blocks, roles, starts = _blocks(
        [
            ("clause", "CHR-20", {**section, "col_header": "Code clause", "start": True}),
            ("OTHER", "Are agency workers covered by the contract?", section),
            ("description", DESCRIPTION, {**section, "label": "Observation"}),
        ]
    )
    top = blocks[0].bbox[1]
    question = blocks[1]
    blocks[1] = question.model_copy(
        update={
            "bbox": (question.bbox[0], top, question.bbox[2], top + 12),
            "col_header": "Requirement checked",
        }
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause == "CHR"


def test_a_count_of_workers_taken_for_a_clause_is_none() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "Finding 1", {"heading": True, "start": True}),
            ("description", DESCRIPTION, {}),
            (OUTSIDE, "Number of workers affected", {"heading": True}),
            ("clause", "30", {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause is None


def test_a_finding_number_and_type_heading_names_no_clause_for_findings_under_it() -> None:
    # '2 | Noncompliance' opens finding 2 (whose start the labeller put a line early); its
    # requirement line ('CL') names the clause, a code after the text ('ER') does not.
    blocks, roles, starts = _blocks(
        [
            ("OTHER", "COMPANY'S RESPONSE", {"heading": True, "start": True}),
            (OUTSIDE, "2 | Noncompliance", {"heading": True}),
            (OUTSIDE, "REQUIREMENT", {"heading": True}),
            (OUTSIDE, "CL", {}),
            ("OTHER", "CATEGORY", {"heading": True}),
            ("topic", "Child labour", {}),
            ("description", DESCRIPTION, {}),
            ("OTHER", "ER", {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause == "CL"


def test_a_worded_clause_line_beats_a_bare_number_in_the_findings_head() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "9", {"start": True}),
            (OUTSIDE, "Clause 0.B", {}),
            ("description", DESCRIPTION, {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="smeta")
    assert finding.clause == "0.B"


def test_a_code_set_in_the_findings_header_row_is_its_clause() -> None:
    # The finding's table: a header row 'NC 05: Uncorroborated Evidence' | 'ER' over its cells.
    header = {"table": 1, "row": 1, "col_header": "ER"}
    blocks, roles, starts = _blocks(
        [
            ("OTHER", "FLA Recommendation", {**header, "start": True}),
            ("description", DESCRIPTION, {"table": 1, "row": 2}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause == "ER"


def test_a_head_left_outside_before_a_titled_finding_names_its_clause() -> None:
    # '#' / '7' / 'Code Section' / 'Section D5' read as outside, then the finding's title and
    # text: the head's clause is the finding's, however many blocks the finding before ended.
    rows: list[tuple[str, str, dict]] = [
        ("HEAD", "#", {"heading": True, "start": True}),
        ("clause", "Section A2", {}),
        ("description", _described(1), {}),
    ]
    rows += [(OUTSIDE, f"Filler line {n}", {}) for n in range(8)]
    rows += [
        (OUTSIDE, "#", {}),
        (OUTSIDE, "7", {}),
        (OUTSIDE, "Code Section", {}),
        (OUTSIDE, "Section D5", {}),
        ("title", "Integrity", {"start": True}),
        ("description", _described(2), {}),
    ]
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="rba")
    assert [f.clause for f in findings] == ["A2", "D5"]


def test_a_count_of_findings_goes_on_past_a_finding_merged_into_another() -> None:
    # 'Ref' cells count the findings within their area (1.1, 2.2, 3.3, 7.4, 8.5); the sixth
    # finding prints '10B.7' because the reader merged two rows: still a count, not a clause.
    heads = ["1.1", "2.2", "3.3", "7.4", "8.5", "10B.7"]
    codes = ["1.3", "2.2", "3.2", "7.1", "8.4", "10B.2"]
    rows: list[tuple[str, str, dict]] = []
    for n, (head, code) in enumerate(zip(heads, codes, strict=True), 1):
        rows.append(("OTHER", f"ETI {code}", {"col_header": "Standard Clause", "start": True}))
        rows.append(("clause", head, {"col_header": "Ref"}))
        rows.append(("description", _described(n), {}))
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="smeta")
    assert [f.clause for f in findings] == [f"ETI {code}" for code in codes]


def test_a_numbered_findings_sentence_taken_for_a_heading_names_no_clause() -> None:
    line = "2. Final settlement unpaid one week after resignation; legal"
    blocks, roles, starts = _blocks(
        [
            (OUTSIDE, line, {"heading": True, "marker": "2.", "ocr": True}),
            ("description", DESCRIPTION, {"start": True, "section": line}),
            ("severity", "Major", {"label": "Classification", "section": line}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause is None


def test_four_findings_counted_from_one_are_no_clauses_when_no_other_prints_a_number() -> None:
    # A split table's '#' column: 1, 2, 3, -, 5 (a row piece without its number).
    rows: list[tuple[str, str, dict]] = []
    for n in range(1, 6):
        rows.append(("clause", str(n) if n != 4 else "-", {"start": True}))
        rows.append(("description", _described(n), {}))
    blocks, roles, starts = _blocks(rows)
    findings = group_findings(blocks, roles, starts, standard="generic")
    assert [f.clause for f in findings] == [None] * 5


def test_a_number_under_a_label_naming_another_field_is_no_clause() -> None:
    blocks, roles, starts = _blocks(
        [
            ("HEAD", "Heading Young workers", {"start": True}),
            ("OTHER", "14", {"label": "Workers affected"}),
            ("description", DESCRIPTION, {}),
        ]
    )
    (finding,) = group_findings(blocks, roles, starts, standard="generic")
    assert finding.clause is None
