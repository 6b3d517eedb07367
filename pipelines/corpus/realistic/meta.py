"""Compose a report's audit metadata: what the cover prints and what a careful reader records.

Each value exists twice: as printed (a date range with a duration, a long country name, an
audit firm after the assessor's name) and as gold (`AuditInfo`: first day on site, ISO country,
None when the report never says). The workforce table lives here too because its total row is
where some reports give the only worker count. Nothing here draws.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from extractor.record.schema import Announcement, AuditType, Standard

from ..compose import AUDITORS, FIRMS, PRODUCTS, SITE_PREFIXES, SUFFIXES
from ..values import MONTHS
from .countries import PRINTED_NAMES, country_of
from .families import Family
from .wording import CLIENTS

MORE_FIRMS = (
    "Apex Labour Assessments",
    "Compass Social Verification Ltd.",
    "Horizon Workplace Audits",
    "Keystone Compliance Services",
    "Lighthouse Ethical Monitoring",
)
MORE_AUDITORS = ("R. Das", "T. Huong", "E. Kaya", "D. Fernando", "F. Akter", "C. Ramirez")


@dataclass(frozen=True)
class Workforce:
    """Worker categories (name, male, female) that add up to the total, plus 'of which' rows."""

    rows: tuple[tuple[str, int, int], ...]
    migrant: int
    young: int
    total_label: str

    @property
    def total(self) -> int:
        return sum(m + f for _, m, f in self.rows)


@dataclass(frozen=True)
class CoverMeta:
    family: str
    standard: Standard
    version: str | None  # gold standard_version (printed in the title or a field)
    title: str
    version_field: str | None  # printed as its own field when the title lacks it
    firm: str
    firm_place: str  # "field", "after_auditor", "prepared_by" or "none"
    auditor: str
    client: str
    site_name: str
    address: str | None  # gold, without the country
    address_printed: str | None
    country_iso: str
    country_printed: str | None  # None: only printed at the end of the address
    audit_date: dt.date
    audit_days: int
    date_text: str
    date_hint: str  # "(dd/mm/yyyy)" style hint after the label, or ""
    audit_type: AuditType | None
    type_text: str | None
    announcement: Announcement | None
    announcement_text: str | None
    workers_place: str  # "cover", "table", "both" or "none"
    workforce: Workforce
    report_ref: str
    product: str
    previous_audit: str | None  # a second date on the cover (distractor)
    report_date: str | None  # the issue date (distractor)

    @property
    def workers_total(self) -> int | None:
        return None if self.workers_place == "none" else self.workforce.total

    @property
    def firm_known(self) -> bool:
        return self.firm_place != "none"


def compose_meta(
    rng: random.Random, family: Family, *, audit_type: AuditType | None = None
) -> CoverMeta:
    """Draw the metadata of one report of `family`."""
    iso = rng.choice(family.countries)
    country = country_of(iso)
    version, version_printed = rng.choice(family.versions)
    title = rng.choice(family.titles)
    version_field = None
    if "{version}" in title:
        title = title.replace("{version}", version_printed)
    elif version is not None:
        version_field = version_printed
    product, product_long = rng.choice(PRODUCTS)
    site = f"{rng.choice(SITE_PREFIXES)} {product} {rng.choice(SUFFIXES)}"
    city, region = rng.choice(country.cities)
    address = f"{rng.choice(country.streets)}, {city}, {region}"
    audit_date = dt.date(2008, 1, 1) + dt.timedelta(days=rng.randint(0, 16 * 365))
    days = rng.choice((1, 1, 2, 2, 3))
    date_text, hint = print_date(rng, audit_date, days, rng.choice(family.date_styles))
    types = list(family.audit_types)
    a_type: AuditType | None = audit_type or rng.choice(types)  # type: ignore[assignment]
    type_text = rng.choice(family.audit_types.get(a_type, ("Follow-up audit",)))  # type: ignore[arg-type]
    if rng.random() < 0.08 and audit_type is None:
        a_type, type_text = None, None
    announcement: Announcement | None = rng.choice(list(family.announcements))  # type: ignore[assignment]
    ann_text = rng.choice(family.announcements[announcement])  # type: ignore[index]
    if rng.random() < 0.1:
        announcement, ann_text = None, None
    address_printed: str | None = address
    country_printed: str | None = rng.choice(PRINTED_NAMES[iso])
    gold_address: str | None = address
    roll = rng.random()
    if roll < 0.25:
        address_printed = f"{address}, {country_printed}"
        country_printed = None
    elif roll < 0.3:
        address_printed, gold_address = None, None
    workforce = _workforce(rng)
    return CoverMeta(
        family=family.name,
        standard=family.standard,
        version=version,
        title=title,
        version_field=version_field,
        firm=rng.choice(FIRMS + MORE_FIRMS),
        firm_place=rng.choices(("field", "after_auditor", "prepared_by", "none"), (5, 3, 2, 1))[0],
        auditor=rng.choice(AUDITORS + MORE_AUDITORS),
        client=rng.choice(CLIENTS),
        site_name=site,
        address=gold_address,
        address_printed=address_printed,
        country_iso=iso,
        country_printed=country_printed,
        audit_date=audit_date,
        audit_days=days,
        date_text=date_text,
        date_hint=hint,
        audit_type=a_type,
        type_text=type_text,
        announcement=announcement,
        announcement_text=ann_text,
        workers_place=rng.choices(("cover", "table", "both", "none"), (3, 3, 3, 1))[0],
        workforce=workforce,
        report_ref=_report_ref(rng, family, audit_date.year),
        product=product_long,
        previous_audit=(
            print_date(rng, audit_date - dt.timedelta(days=rng.randint(300, 800)), 1, "long")[0]
            if rng.random() < 0.4
            else None
        ),
        report_date=(
            print_date(rng, audit_date + dt.timedelta(days=rng.randint(3, 20)), 1, "long")[0]
            if rng.random() < 0.5
            else None
        ),
    )


def _report_ref(rng: random.Random, family: Family, year: int) -> str:
    if family.standard == "smeta":
        return f"ZAA{rng.randint(100000000, 999999999)}"
    prefix = rng.choice(("RPT", "AUD", "SA", "WCA", "R", "FA"))
    return f"{prefix}-{year}-{rng.randint(1000, 99999)}"


def _workforce(rng: random.Random) -> Workforce:
    approx = rng.randint(60, 3200)
    shares = {
        "permanent": rng.randint(55, 100),
        "temporary": rng.choice((0, 0, 5, 10, 20)),
        "agency": rng.choice((0, 0, 3, 8, 15)),
    }
    total_share = sum(shares.values())
    names = {
        "permanent": ("Permanent workers", "Permanent", "Regular employees"),
        "temporary": ("Temporary workers", "Temporary / seasonal", "Fixed-term workers"),
        "agency": ("Agency workers", "Contract (agency) workers", "Dispatched workers"),
    }
    rows = []
    for key, share in shares.items():
        if share == 0 and key != "permanent":
            continue
        n = max(3, approx * share // total_share)
        male = n * rng.randint(20, 75) // 100
        rows.append((rng.choice(names[key]), male, n - male))
    total = sum(m + f for _, m, f in rows)
    return Workforce(
        rows=tuple(rows),
        migrant=total * rng.choice((0, 0, 4, 12, 30)) // 100,
        young=rng.choice((0, 0, 0, 2, 4, 9)),
        total_label=rng.choice(
            ("Total", "Total personnel", "Total workers", "Grand total", "Total headcount")
        ),
    )


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def print_date(rng: random.Random, day: dt.date, days: int, style: str) -> tuple[str, str]:
    """Print a visit of `days` days starting on `day` in `style`; return (text, label hint).

    Numeric day/month forms are ambiguous when the day is 12 or less; real reports then say
    which order they use, so the hint ('(dd/mm/yyyy)') is returned for the label."""
    last = day + dt.timedelta(days=days - 1)
    month = MONTHS[day.month - 1]
    ambiguous = day.day <= 12 and day.day != day.month
    dmy, mdy = "(dd/mm/yyyy)", "(mm/dd/yyyy)"
    if style == "long":
        return f"{day.day} {month} {day.year}", ""
    if style == "dmy":
        return f"{day.day:02d}/{day.month:02d}/{day.year}", dmy if ambiguous else ""
    if style == "dmy_dots":
        return f"{day.day:02d}.{day.month:02d}.{day.year}", "(dd.mm.yyyy)" if ambiguous else ""
    if style == "mdy_numeric":
        return f"{day.month:02d}/{day.day:02d}/{day.year}", mdy if ambiguous else ""
    if style == "iso":
        return day.isoformat(), ""
    if style == "mdy_long":
        return f"{month} {day.day}, {day.year}", ""
    if style == "ordinal":
        return rng.choice(
            (
                f"{_ordinal(day.day)} {month} {day.year}",
                f"{_ordinal(day.day)} of {month} {day.year}",
            )
        ), ""
    if style == "short":
        return f"{day.day:02d}-{month[:3]}-{day.year}", ""
    if days == 1 and style.startswith("range"):
        return print_date(
            rng, day, 1, {"range_long": "long", "range_mdy": "mdy_long"}.get(style, "dmy")
        )
    last_month = MONTHS[last.month - 1]
    if style == "range_long":
        if last.month == day.month:
            return f"{day.day}-{last.day} {month} {day.year}", ""
        return f"{day.day} {month} - {last.day} {last_month} {last.year}", ""
    if style == "range_mdy":
        if last.month == day.month:
            return f"{month} {day.day}-{last.day}, {day.year}", ""
        return f"{month} {day.day} - {last_month} {last.day}, {last.year}", ""
    if style == "range_dmy":
        first = f"{day.day:02d}/{day.month:02d}/{day.year}"
        end = f"{last.day:02d}/{last.month:02d}/{last.year}"
        text = rng.choice((f"{first} - {end}", f"From {first} to {end}"))
        return text, dmy if ambiguous else ""
    if style == "duration_mdy":
        unit = "day" if days == 1 else "days"
        return f"{month} {day.day}, {day.year} ({days} {unit})", ""
    raise ValueError(f"unknown date style {style!r}")
