"""SA8000: metadata written as prose sentences, then findings grouped by element, each a
headed paragraph with labelled 'Objective evidence' and 'Corrective action' sub-paragraphs."""

from __future__ import annotations

import random

from reportlab.platypus import Spacer

from extractor.indicators.taxonomy import load_taxonomy

from ..blocks import demographics_table, labelled
from ..model import ReportSpec
from ..profile import Profile
from ..render import PAGE_SIZES, ProvenanceLog, build, p, styles


def _clause(base: str, rng: random.Random) -> str:
    return f"{base}.{rng.randint(1, 6)}"


PROFILE = Profile(
    name="sa8000_prose",
    standard="sa8000",
    family="prose",
    held_out=False,
    versions=(("2014", "SA8000:2014"), ("2008", "SA8000:2008")),
    meta_date_style="long",
    text_date_styles=("long", "mdy_long"),
    severity_raw={"critical": ("Critical",), "major": ("Major",), "minor": ("Minor",)},
    observation_raw=("Observation", "OFI"),
    clause_style=_clause,
    due_style=None,
    audit_type_text={
        "initial": ("initial certification",),
        "periodic": ("surveillance",),
        "follow_up": ("follow-up",),
        "re_audit": ("recertification",),
        "special": ("special",),
    },
    announcement_text={
        "announced": ("announced",),
        "semi_announced": ("semi-announced",),
        "unannounced": ("unannounced",),
    },
)


def render(spec: ReportSpec) -> tuple[bytes, ProvenanceLog]:
    st = styles(base_font="Times-Roman", size=10.5)
    log = ProvenanceLog()
    meta = spec.meta
    width = PAGE_SIZES["A4"][0] - 100
    elements = load_taxonomy().crosswalk["sa8000"]
    intro = (
        f"This report presents the results of the {meta.audit_type_text} audit against "
        f"{meta.standard_title} conducted by {meta.audit_firm} at {meta.site_name}, located at "
        f"{meta.site_address}, {meta.country_name}. The audit took place on "
        f"{meta.audit_date_text} and was {meta.announcement_text}. At the time of the audit the "
        f"organisation employed {meta.workers_total} workers."
    )
    story = [
        p(f"{meta.standard_title} Audit Report", st["h1"]),
        p(intro, st["body"]),
        Spacer(1, 6),
        p("1. Organisation profile", st["h2"]),
        p(spec.site_description, st["body"]),
        p(spec.summary, st["body"]),
    ]
    if spec.options["demographics_table"]:
        story.append(demographics_table(spec.demographics, st, width=width * 0.6))
    story.append(p("2. Audit findings", st["h2"]))
    ncs = sorted(spec.of_kind("non_compliance"), key=lambda f: _element(f.clause))
    current = None
    for n, f in enumerate(ncs, start=1):
        element = _element(f.clause)
        if element != current:
            current = element
            name = elements[str(element)].name if str(element) in elements else ""
            story.append(p(f"Element {element}: {name}", st["h3"]))
        head = f"Non-conformity {n} ({f.severity_raw}) - clause {f.clause}"
        story.append(p(head, st["label"], ordinal=f.ordinal, log=log))
        story.append(p(f.description.text, st["body"], ordinal=f.ordinal, log=log))
        if f.evidence:
            story.append(labelled("Objective evidence:", f.evidence.text, st["body"]))
        if f.corrective_action:
            story.append(labelled("Corrective action:", f.corrective_action, st["body"]))
        story.append(Spacer(1, 4))
    obs = spec.of_kind("observation")
    if obs:
        story.append(p("3. Observations and opportunities for improvement", st["h2"]))
        for f in obs:
            head = f"{f.severity_raw} - clause {f.clause}"
            story.append(p(head, st["label"], ordinal=f.ordinal, log=log))
            story.append(p(f.description.text, st["body"], ordinal=f.ordinal, log=log))
            if f.evidence:
                story.append(labelled("Objective evidence:", f.evidence.text, st["body"]))
    good = spec.of_kind("good_practice")
    if good:
        story.append(p("4. Positive findings", st["h2"]))
        for f in good:
            story.append(p(f.description.text, st["body"], ordinal=f.ordinal, log=log))
    return build(story, title=f"{meta.standard_title} Audit Report"), log


def _element(clause: str | None) -> int:
    return int(clause.split(".")[0]) if clause else 9
