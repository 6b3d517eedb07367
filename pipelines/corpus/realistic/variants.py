"""Variants: per family, named templates that fix the main structural axes of the grammar.

A variant pins what makes a template recognisably itself (how a finding is printed, how
findings are grouped, where the grade goes); every other axis is drawn per document, so two
documents of one variant still differ in labels, fonts, rulings, furniture and fillers.
Names use only [a-z0-9_] because they are part of doc ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Variant:
    name: str
    summary: str
    fixed: Mapping[str, str | tuple[str, ...]] = field(default_factory=dict)


V = Variant

VARIANTS: dict[str, tuple[Variant, ...]] = {
    "smeta": (
        V(
            "capr_landscape",
            "CAPR-style corrective action table on landscape pages, type and grade columns",
            {
                "printer": "header_table",
                "grouping": "one_list",
                "grade_place": "field",
                "grade_field": "separate",
                "fields": "full",
                "orientation": ("landscape", "mixed"),
            },
        ),
        V(
            "capr_refcol",
            "NC table led by a site NC number (083-02); observations and good examples apart",
            {
                "printer": "header_table",
                "grouping": "by_kind",
                "grade_place": "field",
                "ref_style": "site_seq",
                "fields": ("standard", "lean"),
            },
        ),
        V(
            "clause_kv",
            "per-clause sections with 'current systems' prose and one key-value box per finding",
            {
                "printer": "kv_box",
                "grouping": "by_clause",
                "grade_place": "field",
                "systems_prose": "yes",
            },
        ),
        V(
            "clause_prose",
            "per-clause sections; findings as labelled paragraphs after the systems prose",
            {
                "printer": "labelled_prose",
                "grouping": "by_clause",
                "grade_place": ("field", "heading"),
                "systems_prose": "yes",
            },
        ),
        V(
            "followup_status",
            "follow-up audit: earlier NCs listed again in one table with a status column",
            {
                "printer": "header_table",
                "grouping": "one_list",
                "grade_place": "field",
                "fields": "full",
                "summary_table": "none",
            },
        ),
    ),
    "amfori_bsci": (
        V(
            "pa_questions",
            "per performance area a question table (YES/NO/PARTIALLY), findings under it",
            {"printer": "question_table", "question_finding": "below"},
        ),
        V(
            "pa_questions_col",
            "per performance area a question table with the finding in its own column",
            {"printer": "question_table", "question_finding": "column"},
        ),
        V(
            "findings_table",
            "one findings table (PA, finding, evidence, ZT flag) after a rating summary",
            {"printer": "header_table", "grouping": "one_list", "grade_place": "field"},
        ),
        V(
            "pa_bullets",
            "bulleted findings under performance-area headings",
            {"printer": "bullets", "grouping": "by_clause", "grade_place": ("field", "none")},
        ),
        V(
            "kv_box",
            "one key-value box per finding, kind and ZT in label rows",
            {"printer": "kv_box", "grouping": ("one_list", "by_clause"), "grade_place": "field"},
        ),
    ),
    "sa8000": (
        V(
            "element_headings",
            "numbered element headings carrying the grade ('7.3 Working hours - Major NC')",
            {
                "printer": "graded_heading",
                "grouping": "one_list",
                "grade_place": "heading",
                "clause_depth": "provision",
            },
        ),
        V(
            "nc_table_ref",
            "NC table with an NC-n reference column, tables per finding kind",
            {
                "printer": "header_table",
                "grouping": "by_kind",
                "grade_place": "field",
                "ref_style": "nc_dash",
            },
        ),
        V(
            "kv_by_grade",
            "key-value boxes under 'Major' / 'Minor nonconformities' headings, split over pages",
            {"printer": "kv_box", "grouping": "by_grade", "kv_split": ("split", "split_repeat")},
        ),
        V(
            "two_column_prose",
            "two-column pages; labelled findings under element headings",
            {"printer": "labelled_prose", "grouping": "by_clause", "columns": "two"},
        ),
        V(
            "grade_bullets",
            "bulleted findings under grade headings",
            {"printer": "bullets", "grouping": "by_grade"},
        ),
    ),
    "rba": (
        V(
            "vap_kv",
            "one key-value box per finding: ID, code section, finding type, description, evidence",
            {
                "printer": "kv_box",
                "grouping": "one_list",
                "grade_place": "field",
                "grade_field": "combined",
                "ref_style": ("nc_dash", "letter"),
            },
        ),
        V(
            "section_tables",
            "a findings table per code section (A Labor, B Health and Safety...)",
            {
                "printer": "header_table",
                "grouping": "by_clause",
                "grade_place": "field",
                "grade_field": "combined",
            },
        ),
        V(
            "graded_heading",
            "finding headings with provision and type ('A3 Working hours - Major Nonconformance')",
            {"printer": "graded_heading", "grouping": "one_list", "grade_place": "heading"},
        ),
        V(
            "landscape_table",
            "landscape findings table with root cause and finding IDs",
            {
                "printer": "header_table",
                "grouping": "one_list",
                "grade_place": "field",
                "fields": "full",
                "orientation": "landscape",
            },
        ),
        V(
            "prose_stacked",
            "findings under kind headings, labels on their own line above each value",
            {"printer": "labelled_prose", "grouping": "by_kind", "label_layout": "stacked"},
        ),
    ),
    "fla": (
        V(
            "tracking_chart",
            "tracking chart: 'Finding n: Noncompliance | code' header over text columns",
            {"printer": "tracking_chart", "grouping": "one_list", "grade_place": "none"},
        ),
        V(
            "tracking_graded",
            "tracking chart whose header row also carries a severity",
            {"printer": "tracking_chart", "grouping": "one_list", "grade_place": "heading"},
        ),
        V(
            "element_prose",
            "findings under code-element headings as labelled paragraphs",
            {"printer": "labelled_prose", "grouping": "by_clause", "grade_place": "none"},
        ),
        V(
            "spreadsheet",
            "older spreadsheet-like chart: one wide ruled table, all fields as columns",
            {
                "printer": "header_table",
                "grouping": "one_list",
                "fields": "full",
                "ruling": "grid",
                "grade_place": ("none", "field"),
            },
        ),
        V(
            "kv_box",
            "one key-value box per finding with the finding type in a label row",
            {"printer": "kv_box", "grouping": "one_list", "grade_place": "none"},
        ),
    ),
    "better_work": (
        V(
            "questions_below",
            "per cluster a Yes/No question table, the finding text printed under it",
            {"printer": "question_table", "question_finding": "below"},
        ),
        V(
            "questions_column",
            "per cluster a question table with the finding in a 'Details' column",
            {"printer": "question_table", "question_finding": "column"},
        ),
        V(
            "cluster_table",
            "per cluster a findings table (compliance point, finding), no grades",
            {"printer": "header_table", "grouping": "by_clause"},
        ),
        V(
            "cluster_bullets",
            "bulleted findings under cluster headings",
            {"printer": "bullets", "grouping": "by_clause"},
        ),
        V(
            "two_column",
            "two-column pages, labelled findings under cluster headings",
            {"printer": "labelled_prose", "grouping": "by_clause", "columns": "two"},
        ),
    ),
    "buyer_legacy": (
        V(
            "numbered_headings",
            "numbered headings carrying the grade ('4.2 Wages and benefits - Serious')",
            {
                "printer": "graded_heading",
                "grouping": "one_list",
                "grade_place": "heading",
                "clause_depth": "none",
            },
        ),
        V(
            "colour_table",
            "findings table graded Red/Orange/Yellow with a colour legend",
            {
                "printer": "header_table",
                "grouping": "one_list",
                "grade_place": "field",
                "grade_words": "colour",
            },
        ),
        V(
            "kv_split",
            "key-value boxes split over page breaks, label rows repeated or not",
            {"printer": "kv_box", "kv_split": ("split", "split_repeat"), "grade_place": "field"},
        ),
        V(
            "two_column",
            "two-column pages of labelled findings under kind headings",
            {"printer": "labelled_prose", "grouping": "by_kind", "columns": "two"},
        ),
        V(
            "grade_bullets",
            "findings as bullets under grade headings ('Serious issues')",
            {"printer": "bullets", "grouping": "by_grade"},
        ),
        V(
            "letter_table",
            "per-area findings tables graded A/B/C with a legend",
            {
                "printer": "header_table",
                "grouping": "by_clause",
                "grade_place": "field",
                "grade_words": "letter",
            },
        ),
    ),
    "firm_legacy": (
        V(
            "numbered_two_column",
            "numbered paragraphs in two columns under kind headings",
            {
                "printer": "bullets",
                "grouping": "by_kind",
                "columns": "two",
                "numbering": ("outline", "number"),
            },
        ),
        V(
            "split_table",
            "one ruled findings table whose rows break across pages",
            {
                "printer": "header_table",
                "grouping": "one_list",
                "row_split": "yes",
                "ruling": "grid",
            },
        ),
        V(
            "risk_tables",
            "a findings table per risk level (High / Medium / Low risk)",
            {"printer": "header_table", "grouping": "by_grade"},
        ),
        V(
            "kind_bullets",
            "bullets under kind headings with the grade in a label",
            {"printer": "bullets", "grouping": "by_kind", "grade_place": "field"},
        ),
        V(
            "typewriter_prose",
            "Courier pages of labelled paragraphs, one list",
            {"printer": "labelled_prose", "grouping": "one_list", "font": "courier"},
        ),
        V(
            "area_kv",
            "key-value boxes under unnumbered issue-area headings",
            {"printer": "kv_box", "grouping": "by_clause"},
        ),
    ),
    "wrap": (
        V(
            "principle_headings",
            "principle-numbered headings with the grade, then labelled paragraphs",
            {"printer": "graded_heading", "grouping": "one_list", "grade_place": "heading"},
        ),
        V(
            "cap_table",
            "one corrective action table, discrepancy numbers in the first column",
            {"printer": "header_table", "grouping": "one_list", "ref_style": "letter"},
        ),
        V(
            "principle_kv",
            "key-value boxes under principle headings",
            {"printer": "kv_box", "grouping": "by_clause"},
        ),
        V(
            "grade_bullets",
            "bullets under grade headings",
            {"printer": "bullets", "grouping": "by_grade"},
        ),
    ),
    "fair_wear": (
        V(
            "standard_prose",
            "per labour standard: systems prose, then labelled findings",
            {"printer": "labelled_prose", "grouping": "by_clause", "systems_prose": "yes"},
        ),
        V(
            "standard_tables",
            "per labour standard a findings table",
            {"printer": "header_table", "grouping": "by_clause"},
        ),
        V(
            "tracking",
            "tracking-chart blocks with finding, requirement, CAP and timeline columns",
            {"printer": "tracking_chart", "grouping": "one_list"},
        ),
        V(
            "questions",
            "question tables per standard with findings under them",
            {"printer": "question_table", "question_finding": "below"},
        ),
    ),
}
