"""amfori BSCI: cover table, a performance-area rating table (not findings), then one ruled
table mixing non-compliances and observations, and a good-practice list."""

from __future__ import annotations

import random

from reportlab.platypus import Spacer

from extractor.indicators.taxonomy import load_taxonomy

from ..blocks import demographics_table, findings_table, kv_table
from ..model import ReportSpec
from ..profile import Profile
from ..render import PAGE_SIZES, ProvenanceLog, build, p, styles

PROFILE = Profile(
    name="bsci_table",
    standard="amfori_bsci",
    family="table",
    held_out=False,
    versions=(("2014", "amfori BSCI Code of Conduct 2014"), ("2021", "amfori BSCI 2021")),
    meta_date_style="dmy",
    text_date_styles=("dmy", "long"),
    severity_raw={
        "critical": ("Zero Tolerance",),
        "major": ("Major",),
        "minor": ("Minor",),
    },
    observation_raw=("Observation",),
    audit_types=("initial", "periodic", "follow_up"),
    audit_type_text={
        "initial": ("Full audit (initial)",),
        "periodic": ("Full audit",),
        "follow_up": ("Follow-up audit",),
        "re_audit": ("Full audit",),
        "special": ("Special audit",),
    },
    announcement_text={
        "announced": ("Fully announced",),
        "semi_announced": ("Semi-announced",),
        "unannounced": ("Unannounced",),
    },
    due_style="date",
)

COLUMNS = (
    ("PA", "clause", 0.06),
    ("Finding", "description", 0.32),
    ("Evidence", "evidence", 0.24),
    ("Finding type", "severity", 0.1),
    ("Remediation", "action", 0.17),
    ("Deadline", "due", 0.11),
)


def render(spec: ReportSpec) -> tuple[bytes, ProvenanceLog]:
    st = styles(size=9)
    log = ProvenanceLog()
    meta = spec.meta
    width = PAGE_SIZES["A4"][0] - 100
    rng = random.Random(spec.seed)
    taxonomy = load_taxonomy()
    rating_rows = []
    for n in range(1, 14):
        key = f"PA{n}"
        name = taxonomy.crosswalk["amfori_bsci"][key].name
        rating_rows.append((f"{key} {name}", rng.choice("ABCDE")))
    story = [
        p("amfori BSCI Audit Report", st["h1"]),
        p(meta.standard_title, st["h3"]),
        Spacer(1, 6),
        kv_table(
            [
                ("Auditee name", meta.site_name),
                ("Address", meta.site_address),
                ("Country", meta.country_name),
                ("Audit date", meta.audit_date_text),
                ("Audit methodology", meta.audit_type_text),
                ("Announcement", meta.announcement_text),
                ("Number of workers", str(meta.workers_total)),
                ("Auditing company", meta.audit_firm),
                ("amfori ID", meta.report_ref),
                ("Overall rating", rng.choice("ABCDE")),
            ],
            st,
            width=width * 0.75,
        ),
        p("Performance area ratings", st["h2"]),
        kv_table(rating_rows, st, width=width * 0.75, label_share=0.8),
        p("Company profile", st["h2"]),
        p(spec.site_description, st["body"]),
        p(spec.summary, st["body"]),
    ]
    if spec.options["demographics_table"]:
        story += [
            p("Workers", st["h3"]),
            demographics_table(spec.demographics, st, width=width * 0.6),
        ]
    rows = spec.of_kind("non_compliance") + spec.of_kind("observation")
    story += [p("Findings per performance area", st["h2"])]
    story.append(findings_table(rows, COLUMNS, st, log, width=width))
    good = spec.of_kind("good_practice")
    if good:
        story.append(p("Good practices", st["h2"]))
        for f in good:
            story.append(p(f"- {f.description.text}", st["body"], ordinal=f.ordinal, log=log))
    return build(story, title="amfori BSCI Audit Report"), log
