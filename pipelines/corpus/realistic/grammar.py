"""The grammar of structural choices a report is drawn from.

Each axis is one structural decision a report template makes (how a finding is printed, where
its grade goes, rulings, columns, orientation, fonts, furniture...). A variant fixes some axes
(`variants.py`); the rest are drawn per document from a seeded RNG, then `resolve` repairs
combinations no real template would print (an eight-column table in half a page, a grade
heading with nowhere to put the grade). The result is plain data: nothing here draws.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Mapping
from dataclasses import dataclass

from .families import Family

# Axis -> options, first option = the most common one. Weights (same order) where not uniform.
AXES: dict[str, tuple[str, ...]] = {
    "printer": (
        "header_table",
        "kv_box",
        "tracking_chart",
        "labelled_prose",
        "graded_heading",
        "question_table",
        "bullets",
    ),
    "grouping": ("one_list", "by_clause", "by_kind", "by_grade"),
    "grade_place": ("field", "heading", "group", "none"),
    "grade_field": ("combined", "separate"),
    "grade_words": ("family", "colour", "letter"),
    "label_layout": ("inline", "stacked"),
    "fields": ("standard", "lean", "full"),
    "clause_depth": ("provision", "section", "none"),
    "ref_style": ("none", "number", "nc_dash", "site_seq", "letter", "dotted"),
    "ruling": ("grid", "horizontal", "none"),
    "repeat_header": ("yes", "no"),
    "row_split": ("no", "yes"),
    "kv_split": ("split", "keep", "split_repeat"),
    "columns": ("one", "two"),
    "orientation": ("portrait", "landscape", "mixed"),
    "font": ("helvetica", "times", "courier"),
    "size": ("normal", "small", "large"),
    "label_case": ("sentence", "title", "upper"),
    "label_colon": ("yes", "no"),
    "running_header": ("report_id", "title_site", "none"),
    "footer": ("page_x_of_y", "page_x", "x_slash_y", "none"),
    "summary_table": ("none", "front", "back"),
    "cover": ("kv_table", "lines", "lettered", "grid"),
    "numbering": ("bullet", "dash", "number", "letter", "outline"),
    "question_finding": ("below", "column"),
    "systems_prose": ("yes", "no"),
}
WEIGHTS: dict[str, tuple[float, ...]] = {
    "orientation": (6, 2, 2),
    # Colour and letter grades belong to a few legacy templates, which fix them.
    "grade_words": (1, 0, 0),
    "columns": (9, 1),
    "font": (5, 4, 1),
    "ref_style": (3, 2, 2, 2, 1, 1),
    "summary_table": (4, 4, 2),
    "label_case": (5, 4, 2),
    "label_colon": (3, 1),
    "footer": (5, 2, 2, 1),
    # Word processors let table rows break across pages by default; most reports inherit it.
    "row_split": (1, 3),
    "kv_split": (2, 1, 2),
}

# Printers that can sit in half a page width.
NARROW_PRINTERS = ("kv_box", "labelled_prose", "graded_heading", "bullets")
# Printers whose finding has a heading line the grade can be printed in.
HEADED_PRINTERS = ("graded_heading", "tracking_chart", "kv_box", "labelled_prose", "bullets")


@dataclass(frozen=True)
class Choices:
    """One document's structural choices, one value per axis of `AXES`."""

    printer: str
    grouping: str
    grade_place: str
    grade_field: str
    grade_words: str
    label_layout: str
    fields: str
    clause_depth: str
    ref_style: str
    ruling: str
    repeat_header: str
    row_split: str
    kv_split: str
    columns: str
    orientation: str
    font: str
    size: str
    label_case: str
    label_colon: str
    running_header: str
    footer: str
    summary_table: str
    cover: str
    numbering: str
    question_finding: str
    systems_prose: str

    def as_dict(self) -> dict[str, str]:
        return dataclasses.asdict(self)

    @property
    def kind_place(self) -> str:
        """Where a finding's kind shows: its group heading, its grade slot, or a type field."""
        if self.grouping in ("by_kind", "by_grade"):
            return "group"
        if self.grade_place == "heading" or (
            self.grade_place == "field" and self.grade_field == "combined"
        ):
            return "grade"
        return "field"


def draw_choices(
    rng: random.Random, family: Family, fixed: Mapping[str, str | tuple[str, ...]]
) -> Choices:
    """Draw every axis (variant-fixed axes from their allowed values), then `resolve`."""
    values: dict[str, str] = {}
    for axis, options in AXES.items():
        allowed = fixed.get(axis, options)
        if isinstance(allowed, str):
            values[axis] = allowed
            continue
        weights = [WEIGHTS.get(axis, (1.0,) * len(options))[options.index(o)] for o in allowed]
        values[axis] = rng.choices(list(allowed), weights)[0]
    return resolve(values, family)


def resolve(values: dict[str, str], family: Family) -> Choices:
    """Repair combinations a real template would not print; a pure function of its input."""
    v = dict(values)
    if v["grade_words"] != "family" and not family.grades:
        v["grade_words"] = "family"
    graded = bool(family.grades) or v["grade_words"] != "family"
    if v["printer"] == "question_table":
        v["grouping"] = "by_clause"
        # Observations there print under the table with a kind label, not in a grade slot.
        v["grade_field"] = "separate"
        if v["grade_place"] in ("heading", "group"):
            v["grade_place"] = "field" if graded else "none"
    if not graded:
        v["grade_place"] = "none"
        if v["grouping"] == "by_grade":
            v["grouping"] = "by_kind"
    # Grouping is the more structural choice: a grade group heading needs grade groups.
    if v["grouping"] == "by_grade":
        v["grade_place"] = "group"
    elif v["grade_place"] == "group":
        v["grade_place"] = "field"
    if v["grade_place"] == "heading" and v["printer"] not in HEADED_PRINTERS:
        v["grade_place"] = "field"
    if family.clauses is None:
        v["clause_depth"] = "none"
    if v["printer"] == "bullets" and v["grouping"] == "one_list":
        v["grouping"] = "by_kind"
    if v["columns"] == "two":
        if v["printer"] not in NARROW_PRINTERS:
            v["columns"] = "one"
        else:
            v["orientation"] = "portrait"
    wide = v["printer"] == "tracking_chart" or (
        v["printer"] == "header_table" and v["fields"] == "full"
    )
    if wide and v["orientation"] == "portrait":
        v["orientation"] = "mixed"
    if v["grouping"] != "by_clause":
        v["systems_prose"] = "no"
    return Choices(**v)
