"""Legacy report with numbered paragraphs ('4.3.1 ...') under topic sub-headings, each with
labelled sub-fields 'Evidence:', 'Corrective action:', 'Grade:' and 'Timescale:'."""

from __future__ import annotations

from ..blocks import header_block, labelled
from ..model import ReportSpec
from ..profile import Profile
from ..render import ProvenanceLog, build, p, styles

TOPICS = {
    "forced": "Forced and bonded labour",
    "foa": "Freedom of association",
    "ohs": "Health and safety",
    "child": "Child and young workers",
    "wages": "Wages",
    "hours": "Working hours",
    "discrimination": "Discrimination",
    "employment": "Contracts and employment",
    "treatment": "Disciplinary practices",
    "environment": "Environment",
    "ethics": "Business integrity",
    "management": "Management systems",
}

PROFILE = Profile(
    name="legacy_numbered",
    standard="generic",
    family="legacy",
    held_out=False,
    versions=((None, "Ethical Trade Audit"),),
    meta_date_style="dmy_dots",
    text_date_styles=("dmy_dots", "long"),
    severity_raw={"critical": ("CRITICAL",), "major": ("MAJOR",), "minor": ("MINOR",)},
    clause_style=lambda base, rng: None,
    topics=TOPICS,
    due_style="timescale",
)


def render(spec: ReportSpec) -> tuple[bytes, ProvenanceLog]:
    st = styles(size=9.5)
    log = ProvenanceLog()
    meta = spec.meta
    story = [
        p("ETHICAL TRADE AUDIT - CONFIDENTIAL", st["h1"]),
        *header_block(
            [
                ("Factory", meta.site_name),
                ("Address", f"{meta.site_address}, {meta.country_name}"),
                ("Date of visit", meta.audit_date_text),
                ("Visit type", f"{meta.audit_type_text} / {meta.announcement_text}"),
                ("Headcount", str(meta.workers_total)),
                ("Auditor", f"{meta.auditor}, {meta.audit_firm}"),
            ],
            st["body"],
        ),
        p("1. Introduction", st["h2"]),
        p(spec.site_description, st["body"]),
        p("2. Methodology", st["h2"]),
        p(spec.summary, st["body"]),
        p("3. Summary of workforce", st["h2"]),
        p(_workforce_sentence(spec), st["body"]),
        p("4. Findings", st["h2"]),
    ]
    ncs = spec.of_kind("non_compliance")
    topics: list[str] = []
    for f in ncs:
        if f.topic not in topics:
            topics.append(f.topic or "Other")
    for t, topic in enumerate(topics, start=1):
        story.append(p(f"4.{t} {topic}", st["h3"]))
        items = [f for f in ncs if (f.topic or "Other") == topic]
        for i, f in enumerate(items, start=1):
            story.append(
                p(f"4.{t}.{i} {f.description.text}", st["body"], ordinal=f.ordinal, log=log)
            )
            if f.evidence:
                story.append(labelled("Evidence:", f.evidence.text, st["body"]))
            if f.corrective_action:
                story.append(labelled("Corrective action:", f.corrective_action, st["body"]))
            story.append(labelled("Grade:", f.severity_raw or "", st["body"]))
            if f.due:
                story.append(labelled("Timescale:", f.due, st["body"]))
    obs = spec.of_kind("observation")
    if obs:
        story.append(p("5. Observations", st["h2"]))
        for i, f in enumerate(obs, start=1):
            story.append(p(f"5.{i} {f.description.text}", st["body"], ordinal=f.ordinal, log=log))
            if f.evidence:
                story.append(labelled("Evidence:", f.evidence.text, st["body"]))
    good = spec.of_kind("good_practice")
    if good:
        story.append(p("6. Good practice", st["h2"]))
        for i, f in enumerate(good, start=1):
            story.append(p(f"6.{i} {f.description.text}", st["body"], ordinal=f.ordinal, log=log))
    return build(story, title="Ethical trade audit"), log


def _workforce_sentence(spec: ReportSpec) -> str:
    parts = [f"{name.lower()}: {m + f} ({f} female)" for name, m, f in spec.demographics.rows]
    return "Workforce on the day of the audit - " + "; ".join(parts) + "."
