"""RBA VAP, narrative template: metadata in sentences, findings as prose grouped by code
section ('A3 Working Hours') with 'Finding A3-1 | Major | title' heads and labelled fields."""

from __future__ import annotations

import random

from extractor.indicators.taxonomy import load_taxonomy

from ..blocks import labelled
from ..model import ReportSpec
from ..profile import Profile
from ..render import ProvenanceLog, build, p, styles


def _clause(base: str, rng: random.Random) -> str:
    return base if len(base) > 1 else f"{base}{rng.randint(1, 8)}"


PROFILE = Profile(
    name="rba_prose",
    standard="rba",
    family="prose",
    held_out=True,
    versions=(("7.0", "RBA Code of Conduct version 7.0"), ("8.0", "RBA Code of Conduct v8.0")),
    meta_date_style="long",
    text_date_styles=("long", "dmy"),
    severity_raw={"critical": ("Priority",), "major": ("Major",), "minor": ("Minor",)},
    observation_raw=("Risk of Non-Conformance", "OFI"),
    clause_style=_clause,
    titles=True,
    due_style="timescale",
    audit_type_text={
        "initial": ("initial VAP",),
        "periodic": ("periodic VAP",),
        "follow_up": ("closure",),
        "re_audit": ("re-audit",),
        "special": ("special",),
    },
    announcement_text={
        "announced": ("announced",),
        "semi_announced": ("semi-announced",),
        "unannounced": ("unannounced",),
    },
    pagesize="LETTER",
)


def render(spec: ReportSpec) -> tuple[bytes, ProvenanceLog]:
    st = styles(size=9.5)
    log = ProvenanceLog()
    meta = spec.meta
    names = load_taxonomy().crosswalk["rba"]
    intro = (
        f"This {meta.audit_type_text} audit of {meta.site_name} was performed by "
        f"{meta.audit_firm} against the {meta.standard_title}, beginning on "
        f"{meta.audit_date_text}. The audit was {meta.announcement_text}. The facility is "
        f"located at {meta.site_address}, {meta.country_name}, and had a total workforce of "
        f"{meta.workers_total} at the time of the audit."
    )
    story = [
        p("Validated Audit Report", st["h1"]),
        p(intro, st["body"]),
        p("Facility profile", st["h2"]),
        p(spec.site_description, st["body"]),
        p("Summary of audit", st["h2"]),
        p(spec.summary, st["body"]),
        p("Findings", st["h2"]),
    ]
    graded = spec.of_kind("non_compliance") + spec.of_kind("observation")
    sections = sorted({f.clause or "E" for f in graded})
    for section in sections:
        key = section if section in names else section[0]
        story.append(p(f"{section} {names[key].name}", st["h3"]))
        items = [f for f in graded if (f.clause or "E") == section]
        for n, f in enumerate(items, start=1):
            head = f"Finding {section}-{n} | {f.severity_raw}"
            if f.title:
                head += f" | {f.title}"
            story.append(p(head, st["label"], ordinal=f.ordinal, log=log))
            story.append(
                labelled("Description:", f.description.text, st["body"], ordinal=f.ordinal, log=log)
            )
            if f.evidence:
                story.append(labelled("Objective evidence:", f.evidence.text, st["body"]))
            if f.corrective_action:
                story.append(labelled("Corrective action:", f.corrective_action, st["body"]))
            if f.due:
                story.append(labelled("Timeframe:", f.due, st["body"]))
    good = spec.of_kind("good_practice")
    if good:
        story.append(p("Good practices", st["h2"]))
        for f in good:
            story.append(p(f.description.text, st["body"], ordinal=f.ordinal, log=log))
    return build(story, pagesize="LETTER", title="Validated Audit Report"), log
