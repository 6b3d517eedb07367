"""SA8000 (older template): header block of labelled lines and a BORDERLESS findings table
(only a rule under the header row); observations share the table."""

from __future__ import annotations

import random

from ..blocks import findings_table, header_block
from ..model import ReportSpec
from ..profile import Profile
from ..render import PAGE_SIZES, ProvenanceLog, build, p, styles


def _clause(base: str, rng: random.Random) -> str:
    return f"{base}.{rng.randint(1, 8)}"


PROFILE = Profile(
    name="sa8000_table",
    standard="sa8000",
    family="table",
    held_out=False,
    versions=(("2014", "SA8000:2014"), ("2008", "SA8000:2008")),
    meta_date_style="dmy_dots",
    text_date_styles=("dmy_dots", "dmy"),
    severity_raw={"critical": ("Critical NC",), "major": ("Major NC",), "minor": ("Minor NC",)},
    observation_raw=("Observation",),
    clause_style=_clause,
    actions=False,
    due_style="date",
    good_practices=False,
    audit_type_text={
        "initial": ("Initial certification audit",),
        "periodic": ("Surveillance audit",),
        "follow_up": ("Follow-up audit",),
        "re_audit": ("Recertification audit",),
        "special": ("Special audit",),
    },
)

COLUMNS = (
    ("Element", "clause", 0.09),
    ("NC classification", "severity", 0.12),
    ("Details of NC", "description", 0.38),
    ("Objective evidence", "evidence", 0.28),
    ("Target date", "due", 0.13),
)


def render(spec: ReportSpec) -> tuple[bytes, ProvenanceLog]:
    st = styles(size=9)
    log = ProvenanceLog()
    meta = spec.meta
    width = PAGE_SIZES["A4"][0] - 100
    story = [
        p("Social Accountability Audit Report", st["h1"]),
        *header_block(
            [
                ("Standard", meta.standard_title),
                ("Organisation", meta.site_name),
                ("Site address", meta.site_address),
                ("Country", meta.country_name),
                ("Audit start date", meta.audit_date_text),
                ("Audit type", meta.audit_type_text),
                ("Announcement", meta.announcement_text),
                ("Total employees", str(meta.workers_total)),
                ("Certification body", meta.audit_firm),
            ],
            st["body"],
        ),
        p("Scope and site description", st["h2"]),
        p(spec.site_description, st["body"]),
        p("Summary", st["h2"]),
        p(spec.summary, st["body"]),
        p("Non-conformities and observations", st["h2"]),
    ]
    rows = spec.of_kind("non_compliance") + spec.of_kind("observation")
    story.append(findings_table(rows, COLUMNS, st, log, width=width, ruled=False))
    return build(story, title="SA8000 Audit Report"), log
