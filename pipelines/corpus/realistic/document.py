"""Plan and render one realistic report: choices, content, section order, pages, PDF bytes.

A document is a pure function of its planned entry (seed, family, variant, target length):
choices and content are drawn first, then sections (fillers around the findings part) are
added until the estimated length reaches the target, then the PDF is built and the section
list trimmed or grown until the page count is within bounds. Every section draws from its own
seeded RNG, so rebuilding after a change of the section list reproduces the others exactly.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field

import pypdfium2 as pdfium
from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from ..render import rl_config  # noqa: F401  (importing render sets reportlab's invariant mode)
from .context import Ctx
from .cover import cover
from .families import FAMILIES, Family
from .fillers import FILLERS
from .findings import FindingContent, compose_findings
from .furniture import Furniture, canvas_class
from .grammar import Choices, draw_choices
from .labels import draw_labels
from .meta import CoverMeta, compose_meta
from .plan import RealisticDoc
from .prose import DocFacts
from .regions import RegionLog
from .sections import findings_part
from .style import make_styles
from .variants import VARIANTS
from .wording import SCHEME_OF_STANDARD, SCHEMES

# Fillers whose tables need a full page width even in two-column reports.
WIDE_FILLERS = (
    "summary_table",
    "site_profile",
    "workforce",
    "documents",
    "attendees",
    "checklist",
    "wage_sample",
    "hours_sample",
    "record_sample",
    "photos",
    "method",
    "executive_summary",
    "grievance_log",
    "hse_walkthrough",
)
FRONT = (
    "disclaimer",
    "contents",
    "executive_summary",
    "site_profile",
    "method",
    "attendees",
    "documents",
    "interviews",
)
BACK = (
    "systems",
    "checklist",
    "wage_sample",
    "hours_sample",
    "record_sample",
    "photos",
    "signoff",
    "interviews",
    "grievance_log",
    "hse_walkthrough",
)
# Fillers that may appear more than once in long reports (another month, another area).
REPEATABLE = (
    "wage_sample",
    "hours_sample",
    "photos",
    "record_sample",
    "grievance_log",
    "hse_walkthrough",
)


@dataclass(frozen=True)
class Section:
    kind: str  # a FILLERS key, "cover" or "findings"
    seed: int


@dataclass
class DocumentPlan:
    doc: RealisticDoc
    family: Family
    choices: Choices
    meta: CoverMeta
    findings: list[FindingContent]
    sections: list[Section] = field(default_factory=list)
    font_fill: int = 0
    margins: tuple[float, float, float, float] = (50, 50, 56, 50)
    pagesize: str = "A4"
    furniture: Furniture | None = None
    label_seed: int = 0


def choices_of(doc: RealisticDoc) -> Choices:
    """The structural choices of `doc` (cheap: nothing is composed or drawn)."""
    variant = next(v for v in VARIANTS[doc.family] if v.name == doc.variant)
    return draw_choices(random.Random(f"{doc.seed}:choices"), FAMILIES[doc.family], variant.fixed)


def plan_document(doc: RealisticDoc) -> DocumentPlan:
    """Draw choices, metadata and findings, and an initial section list, for `doc`."""
    family = FAMILIES[doc.family]
    variant = next(v for v in VARIANTS[doc.family] if v.name == doc.variant)
    choices = choices_of(doc)
    meta_rng = random.Random(f"{doc.seed}:meta")
    follow_up_variant = "status" in variant.name
    meta = compose_meta(meta_rng, family, audit_type="follow_up" if follow_up_variant else None)
    if follow_up_variant and "follow_up" not in family.audit_types:
        raise ValueError(f"{doc.doc_id}: family {family.name} has no follow-up audit type")
    findings_rng = random.Random(f"{doc.seed}:findings")
    target = doc.target_pages if not doc.scanned else min(doc.target_pages, 10)
    findings = compose_findings(
        findings_rng,
        family,
        choices,
        country_iso=meta.country_iso,
        audit_date=meta.audit_date,
        follow_up=meta.audit_type == "follow_up",
        target_pages=target,
        seed=doc.seed,
    )
    if doc.scanned:
        findings = _cap(findings, 8)
    layout_rng = random.Random(f"{doc.seed}:layout")
    plan = DocumentPlan(
        doc=doc,
        family=family,
        choices=choices,
        meta=meta,
        findings=findings,
        font_fill=layout_rng.randint(0, 3),
        margins=(
            layout_rng.uniform(36, 60),
            layout_rng.uniform(36, 60),
            layout_rng.uniform(48, 64),
            layout_rng.uniform(44, 58),
        ),
        pagesize=layout_rng.choice(("A4", "A4", "LETTER")),
        furniture=_furniture(layout_rng, choices, meta, family),
        label_seed=layout_rng.randint(0, 2**31),
    )
    plan.sections = _initial_sections(layout_rng, plan)
    return plan


def _cap(findings: list[FindingContent], n: int) -> list[FindingContent]:
    """Keep the first `n` findings (renumbering is not needed: ordinals stay in print order)."""
    return findings[:n]


def _furniture(rng: random.Random, c: Choices, meta: CoverMeta, family: Family) -> Furniture:
    from .style import FONTS

    left = right = None
    if c.running_header == "report_id":
        left = rng.choice((f"Report {meta.report_ref}", meta.report_ref, f"Ref: {meta.report_ref}"))
        right = meta.site_name
    elif c.running_header == "title_site":
        left, right = meta.title, meta.site_name
    footer_left = rng.choice(
        (None, "Confidential", meta.client, meta.firm if meta.firm_known else None)
    )
    return Furniture(
        header_left=left,
        header_right=right,
        footer_style=c.footer,
        footer_left=footer_left,
        font=FONTS[c.font][0],
        size=7.0,
        skip_first=rng.random() < 0.7,
        rule=rng.random() < 0.5,
    )


def _initial_sections(rng: random.Random, plan: DocumentPlan) -> list[Section]:
    """The required sections plus a random order of optional ones (trimmed to length later)."""
    c = plan.choices
    meta = plan.meta

    def sec(kind: str) -> Section:
        return Section(kind, rng.randint(0, 2**31))

    front: list[Section] = [sec("cover")]
    optional_front = [k for k in FRONT if rng.random() < 0.75]
    rng.shuffle(optional_front)
    for first in ("contents", "disclaimer"):
        if first in optional_front:
            optional_front.remove(first)
            optional_front.insert(0, first)
    required_front = []
    if meta.workers_place in ("table", "both"):
        required_front.append(sec("workforce"))
    if c.summary_table == "front":
        required_front.append(sec("summary_table"))
    if c.grade_words != "family" or rng.random() < 0.3:
        required_front.append(sec("legend"))
    back_required = [sec("summary_table")] if c.summary_table == "back" else []
    optional_back = [k for k in BACK if rng.random() < 0.6]
    rng.shuffle(optional_back)
    if "photos" in optional_back:
        optional_back.remove("photos")
        optional_back.append("photos")
    sections = front + [sec(k) for k in optional_front] + required_front
    sections += [sec("findings")] + back_required + [sec(k) for k in optional_back]
    # Extra instances for long reports; trimming removes what the target does not need.
    for _ in range(6 + plan.doc.target_pages * 3 // 2):
        sections.insert(len(sections) - 1, sec(rng.choice(REPEATABLE)))
    return sections


def _templates(plan: DocumentPlan) -> tuple[list[PageTemplate], dict[str, float]]:
    c = plan.choices
    base = {"A4": A4, "LETTER": letter}[plan.pagesize]
    portrait = landscape(base) if c.orientation == "landscape" else base
    wide_size = landscape(base)
    left, right, top, bottom = plan.margins
    gutter = 18.0

    def frames(size: tuple[float, float], columns: int, name: str) -> list[Frame]:
        width = (size[0] - left - right - gutter * (columns - 1)) / columns
        return [
            Frame(
                left + i * (width + gutter), bottom, width, size[1] - top - bottom, id=f"{name}{i}"
            )
            for i in range(columns)
        ]

    body_columns = 2 if c.columns == "two" else 1
    templates = [
        PageTemplate("single", frames(portrait, 1, "s"), pagesize=portrait),
        PageTemplate("body", frames(portrait, body_columns, "b"), pagesize=portrait),
        PageTemplate("wide", frames(wide_size, 1, "w"), pagesize=wide_size),
    ]
    widths = {t.id: t.frames[0]._width for t in templates}
    return templates, widths


def section_template(plan: DocumentPlan, kind: str) -> str:
    if kind == "findings" and plan.choices.orientation == "mixed":
        return "wide"
    if kind == "cover" or (plan.choices.columns == "two" and kind in WIDE_FILLERS):
        return "single"
    return "body"


def make_ctx(plan: DocumentPlan, log: RegionLog) -> Ctx:
    family, meta = plan.family, plan.meta
    label_rng = random.Random(plan.label_seed)
    labels = draw_labels(
        label_rng, family, case=plan.choices.label_case, colon=plan.choices.label_colon == "yes"
    )
    from .countries import country_of

    facts = DocFacts(
        site=meta.site_name,
        firm=meta.firm if meta.firm_known else "the audit company",
        client=meta.client,
        product=meta.product,
        workers=meta.workers_total or 0,
        young=meta.workforce.young,
        migrant_pct=100 * meta.workforce.migrant // max(1, meta.workforce.total),
        audit_date=meta.audit_date,
        country=country_of(meta.country_iso),
        scheme=SCHEME_OF_STANDARD.get(
            family.standard, random.Random(plan.doc.seed).choice(SCHEMES)
        ),
    )
    return Ctx(
        family=family,
        choices=plan.choices,
        meta=meta,
        findings=plan.findings,
        st=make_styles(plan.choices.font, plan.choices.size, plan.font_fill),
        labels=labels,
        log=log,
        facts=facts,
        width=0.0,
        seed=plan.doc.seed,
    )


def section_flowables(
    plan: DocumentPlan, ctx: Ctx, section: Section, width: float
) -> list[Flowable]:
    ctx.width = width
    rng = random.Random(section.seed)
    if section.kind == "cover":
        return cover(ctx, rng)
    if section.kind == "findings":
        return findings_part(ctx, rng)
    return FILLERS[section.kind](ctx, rng)


def story(plan: DocumentPlan, ctx: Ctx, widths: dict[str, float]) -> list[Flowable]:
    """All sections in order, with template switches (and the page breaks they need)."""
    out: list[Flowable] = []
    current = "single"
    for section in plan.sections:
        template = section_template(plan, section.kind)
        if template != current:
            out += [NextPageTemplate(template), PageBreak()]
            current = template
        elif section.kind == "findings" and random.Random(section.seed).random() < 0.25:
            out.append(PageBreak())
        if section.kind == "cover":
            out.append(NextPageTemplate("body"))
            current = "body"
        out += section_flowables(plan, ctx, section, widths[template])
    return out


def build_pdf(plan: DocumentPlan) -> tuple[bytes, RegionLog]:
    """Render the plan as it stands; return the PDF and where everything was drawn."""
    log = RegionLog()
    ctx = make_ctx(plan, log)
    templates, widths = _templates(plan)
    buf = io.BytesIO()
    document = BaseDocTemplate(
        buf,
        pagesize=templates[0].pagesize,
        title=plan.meta.title,
        author="",
        creator="",
        producer="",
        invariant=1,
    )
    document.addPageTemplates(templates)
    assert plan.furniture is not None
    document.build(story(plan, ctx, widths), canvasmaker=canvas_class(plan.furniture, log))
    return buf.getvalue(), log


def page_count(pdf: bytes) -> int:
    document = pdfium.PdfDocument(io.BytesIO(pdf))
    try:
        return len(document)
    finally:
        document.close()


REQUIRED = ("cover", "findings", "workforce", "summary_table", "legend")


def render_document(plan: DocumentPlan) -> tuple[bytes, RegionLog]:
    """Build the PDF, choosing how many optional sections it takes to come near the target.

    The section count starts from an estimate (wrapped heights), then moves by bisection
    corrected with each build's measured page count; at most a few builds per document."""
    low, high = plan.doc.page_bounds
    target = max(low, min(high, plan.doc.target_pages))
    every = list(plan.sections)
    optional = [s for s in every if s.kind not in REQUIRED]
    # Which optional sections go first is drawn per document; they print in report order.
    random.Random(f"{plan.doc.seed}:priority").shuffle(optional)
    sizes = _estimate_pages(plan, every)
    cumulative = [sum(sizes[s] for s in every if s.kind in REQUIRED)]
    for section in optional:
        cumulative.append(cumulative[-1] + sizes[section])

    def enough(scale: float) -> int:
        return next((k for k, est in enumerate(cumulative) if est * scale >= target), len(optional))

    built: dict[int, tuple[int, bytes, RegionLog]] = {}
    below, above = -1, len(optional) + 1  # section counts known to give too few / too many pages
    k = enough(1.0)
    for _ in range(8):
        plan.sections = [s for s in every if s.kind in REQUIRED or s in set(optional[:k])]
        pdf, log = build_pdf(plan)
        pages = page_count(pdf)
        built[k] = (pages, pdf, log)
        if low <= pages <= high and abs(pages - target) <= max(2, target // 5):
            return pdf, log
        if pages < target:
            below = max(below, k)
        else:
            above = min(above, k)
        guess = enough(pages / max(cumulative[k], 0.5))
        k = min(max(guess, below + 1), above - 1)
        if k in built or not below < k < above:
            break
    fits = [(abs(p - target), k) for k, (p, _, _) in built.items() if low <= p <= high]
    if not fits:
        counts = sorted(p for p, _, _ in built.values())
        raise ValueError(f"{plan.doc.doc_id}: page counts {counts}, none within {low}-{high}")
    best = min(fits)[1]
    plan.sections = [s for s in every if s.kind in REQUIRED or s in set(optional[:best])]
    return built[best][1], built[best][2]


def _estimate_pages(plan: DocumentPlan, sections: list[Section]) -> dict[Section, float]:
    """Each section's length in pages, from the heights its flowables wrap to."""
    ctx = make_ctx(plan, RegionLog())
    templates, widths = _templates(plan)
    canvas = Canvas(io.BytesIO())  # KeepTogether measures its content on a canvas
    heights = {t.id: t.frames[0]._height * len(t.frames) for t in templates}
    sizes = {}
    for section in sections:
        template = section_template(plan, section.kind)
        width, height = widths[template], heights[template]
        total = 0.0
        for flowable in section_flowables(plan, ctx, section, width):
            if isinstance(flowable, PageBreak):
                total += height / 2
                continue
            # KeepTogether reports a huge height when it cannot fit; measure its content.
            parts = flowable._content if isinstance(flowable, KeepTogether) else [flowable]
            for part in parts:
                _, h = part.wrapOn(canvas, width, height)
                total += h + part.getSpaceBefore() + part.getSpaceAfter()
        sizes[section] = total / height
    return sizes
