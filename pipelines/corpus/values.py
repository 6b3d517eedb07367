"""Slot values: countries, currencies, laws, organisations and the numbers auditors write.

Every value is drawn from a seeded `random.Random`, so a document's text depends only on its
seed. Organisation names are invented; law references cite real statutes loosely and are not
legal advice. Nothing here knows about layouts or PDFs.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Country:
    iso: str
    names: tuple[str, ...]  # as printed, first is the most common spelling
    currencies: tuple[str, ...]  # printed currency markers, code first
    wage_range: tuple[int, int]  # plausible monthly wage amounts in local currency
    laws: tuple[str, ...]
    cities: tuple[tuple[str, str], ...]  # (city, region/postcode fragment)
    streets: tuple[str, ...]
    migrants: tuple[str, ...]  # nationality adjectives of migrant workers seen there
    labour_office: str


COUNTRIES: dict[str, Country] = {
    "BD": Country(
        "BD",
        ("Bangladesh",),
        ("BDT", "Tk"),
        (8000, 14000),
        (
            "Section 100 of the Bangladesh Labour Act 2006",
            "Section 108 of the Bangladesh Labour Act 2006",
            "Section 34 of the Bangladesh Labour Act 2006",
            "Rule 102 of the Bangladesh Labour Rules 2015",
            "Section 62 of the Bangladesh Labour Act 2006",
        ),
        (("Gazipur", "Dhaka Division"), ("Ashulia", "Savar, Dhaka"), ("Chattogram", "EPZ")),
        ("Plot 14, Road 3", "Holding 221/B, Tongi Industrial Area", "Sector 7, Block C"),
        ("Bangladeshi",),
        "Department of Inspection for Factories and Establishments",
    ),
    "VN": Country(
        "VN",
        ("Viet Nam", "Vietnam"),
        ("VND",),
        (4200000, 7500000),
        (
            "Article 107 of the Labour Code 2019",
            "Article 98 of the Labour Code 2019",
            "Article 145 of the Labour Code 2019",
            "Decree 145/2020/ND-CP",
            "Article 17 of the Labour Code 2019",
        ),
        (("Binh Duong", "Thuan An"), ("Dong Nai", "Bien Hoa"), ("Long An", "Duc Hoa")),
        ("Lot B2, VSIP II Industrial Park", "No. 45, Street 12, My Phuoc 3 IP", "Road DT743"),
        ("Cambodian", "Lao"),
        "Department of Labour, Invalids and Social Affairs",
    ),
    "CN": Country(
        "CN",
        ("China", "People's Republic of China", "P.R. China"),
        ("RMB", "CNY"),
        (2100, 4800),
        (
            "Article 41 of the Labour Law of the PRC",
            "Article 44 of the Labour Law of the PRC",
            "Article 15 of the Labour Law of the PRC",
            "Article 9 of the Labour Contract Law",
            "Article 50 of the Labour Law of the PRC",
        ),
        (("Dongguan", "Guangdong"), ("Ningbo", "Zhejiang"), ("Suzhou", "Jiangsu")),
        ("No. 88 Industrial Avenue", "Building 3, No. 16 Xingye Road", "Huangjiang Town"),
        ("Vietnamese", "Myanmar"),
        "Human Resources and Social Security Bureau",
    ),
    "TR": Country(
        "TR",
        ("Turkey", "Türkiye"),
        ("TRY", "TL"),
        (11000, 22000),
        (
            "Article 63 of Labour Law No. 4857",
            "Article 41 of Labour Law No. 4857",
            "Article 32 of Labour Law No. 4857",
            "Article 71 of Labour Law No. 4857",
            "Occupational Health and Safety Law No. 6331",
        ),
        (("Istanbul", "Esenyurt"), ("Denizli", "Organised Industrial Zone"), ("Bursa", "Nilufer")),
        ("Mahmutbey Mah. 2648 Sk. No: 11", "1. OSB 104. Cadde No: 7", "Ataturk Bulvari No: 212"),
        ("Syrian", "Afghan", "Uzbek"),
        "Ministry of Labour and Social Security",
    ),
    "IN": Country(
        "IN",
        ("India",),
        ("INR", "Rs."),
        (9000, 16000),
        (
            "Section 51 of the Factories Act 1948",
            "Section 59 of the Factories Act 1948",
            "Section 67 of the Factories Act 1948",
            "Section 5 of the Payment of Wages Act 1936",
            "Section 3 of the Minimum Wages Act 1948",
        ),
        (("Tiruppur", "Tamil Nadu"), ("Gurugram", "Haryana"), ("Bengaluru", "Karnataka")),
        ("SF No. 212/3, Avinashi Road", "Plot 118, Udyog Vihar Phase I", "KIADB Industrial Area"),
        ("Nepalese", "Bihari"),
        "Office of the Inspector of Factories",
    ),
    "MX": Country(
        "MX",
        ("Mexico", "México"),
        ("MXN", "MX$"),
        (7500, 14000),
        (
            "Article 66 of the Federal Labour Law",
            "Article 123 of the Federal Labour Law",
            "Article 22 of the Federal Labour Law",
            "Article 132 of the Federal Labour Law",
            "NOM-002-STPS-2010",
        ),
        (("Ciudad Juarez", "Chihuahua"), ("Tehuacan", "Puebla"), ("Leon", "Guanajuato")),
        ("Av. de las Industrias 4520", "Parque Industrial Norte, Nave 7", "Calle Ocho No. 119"),
        ("Guatemalan", "Honduran"),
        "Secretaria del Trabajo y Prevision Social",
    ),
    "MY": Country(
        "MY",
        ("Malaysia",),
        ("MYR", "RM"),
        (1500, 2400),
        (
            "Section 60A of the Employment Act 1955",
            "Section 24 of the Employment Act 1955",
            "Section 19 of the Employment Act 1955",
            "Section 12 of the Passports Act 1966",
            "Workers' Minimum Standards of Housing Act 1990",
        ),
        (("Penang", "Bayan Lepas"), ("Johor Bahru", "Pasir Gudang"), ("Klang", "Selangor")),
        ("Lot 1820, Jalan Perindustrian 4", "Plot 76, Free Industrial Zone", "Jalan Keluli 9"),
        ("Nepalese", "Bangladeshi", "Myanmar", "Indonesian"),
        "Department of Labour Peninsular Malaysia",
    ),
    "TH": Country(
        "TH",
        ("Thailand",),
        ("THB", "Baht"),
        (9000, 12000),
        (
            "Section 23 of the Labour Protection Act B.E. 2541",
            "Section 70 of the Labour Protection Act B.E. 2541",
            "Section 76 of the Labour Protection Act B.E. 2541",
            "Section 131 of the Royal Ordinance on Foreign Workers",
            "Section 44 of the Labour Protection Act B.E. 2541",
        ),
        (("Samut Sakhon", "Mueang"), ("Chonburi", "Amata City"), ("Songkhla", "Hat Yai")),
        ("99/9 Moo 4, Setthakit Road", "700/12 Moo 6, Bangna-Trad Road", "Soi Phetkasem 81"),
        ("Myanmar", "Cambodian", "Lao"),
        "Department of Labour Protection and Welfare",
    ),
    "KH": Country(
        "KH",
        ("Cambodia",),
        ("USD", "US$"),
        (200, 260),
        (
            "Article 137 of the Cambodian Labour Law",
            "Article 113 of the Cambodian Labour Law",
            "Article 104 of the Cambodian Labour Law",
            "Article 177 of the Cambodian Labour Law",
            "Prakas 443 on Overtime Work",
        ),
        (("Phnom Penh", "Por Sen Chey"), ("Kandal", "Takhmao"), ("Kampong Speu", "Chbar Mon")),
        ("National Road 4, Chom Chao", "Street 598, Sangkat Phnom Penh Thmey", "Phum Trapeang"),
        ("Cambodian",),
        "Ministry of Labour and Vocational Training",
    ),
    "PK": Country(
        "PK",
        ("Pakistan",),
        ("PKR", "Rs"),
        (25000, 38000),
        (
            "Section 34 of the Factories Act 1934",
            "Section 47 of the Factories Act 1934",
            "Section 5 of the Payment of Wages Act 1936",
            "Section 50 of the Factories Act 1934",
            "Punjab Minimum Wages Act 2019",
        ),
        (("Sialkot", "Punjab"), ("Faisalabad", "Punjab"), ("Karachi", "Korangi")),
        ("Plot 42, Small Industrial Estate", "Sheikhupura Road Km 6", "Sector 15, Korangi"),
        ("Afghan",),
        "Directorate of Labour Welfare",
    ),
}

AGENCIES = (
    "Golden Bridge Manpower Services",
    "Sunrise Overseas Recruitment",
    "Himalaya Job Placement Pvt. Ltd.",
    "Pacific Link Employment Agency",
    "Al-Noor Human Resources",
    "Evergreen Labour Supply Co.",
    "Silverline Workforce Solutions",
    "Mekong Manpower JSC",
)
UNIONS = (
    "National Garment Workers Federation",
    "Textile and Leather Workers Union",
    "Independent Workers Union of the Free Trade Zone",
    "United Federation of Industrial Workers",
    "Electronics Workers Solidarity Union",
)
BRANDS = (
    "Northwind Apparel",
    "Bluefield Home",
    "Stellar Outdoor",
    "Kestrel Sports",
    "Harbour & Vine",
    "Oakline Retail Group",
)
NGOS = ("Workers Rights Advisory Centre", "Migrant Assistance Foundation", "Fair Labour Hotline")
DEPARTMENTS = (
    "sewing",
    "cutting",
    "packing",
    "finishing",
    "dyeing",
    "assembly",
    "moulding",
    "warehouse",
    "printing",
    "quality control",
)
IDDOCS = (
    "passports",
    "national ID cards",
    "identity cards",
    "work permits",
    "residence permits",
    "identity documents",
    "travel documents",
)
IDDOCS_SG = ("passport", "national ID card", "work permit", "identity card", "residence permit")
FEES_RECRUIT = (
    "recruitment fee",
    "recruitment fees",
    "placement fee",
    "placement fees",
    "agency commission",
    "service charge",
    "visa processing fee",
    "job placement fee",
    "pre-departure training fee",
)
FEES_DEPOSIT = ("security deposit", "training deposit", "retention deposit", "guarantee deposit")
FEES_DEDUCTION = (
    "uniform deduction",
    "meal deduction",
    "dormitory deduction",
    "medical check-up fee",
    "tool deduction",
    "ID badge fee",
    "accommodation charge",
)
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def money_text(rng: random.Random, marker: str, amount: int) -> str:
    """Write an amount the way auditors do: 'BDT 8,300', '8,300 BDT' or 'RM1,200'."""
    number = f"{amount:,}"
    style = rng.random()
    if marker in ("Tk", "RM", "Rs", "Rs.", "US$", "MX$") and style < 0.6:
        return f"{marker}{number}" if marker in ("RM", "US$", "MX$") else f"{marker} {number}"
    if style < 0.8:
        return f"{marker} {number}"
    return f"{number} {marker}"


def round_amount(rng: random.Random, low: int, high: int) -> int:
    value = rng.randint(low, high)
    step = 1000 if value > 100000 else 50 if value > 2000 else 5
    return max(step, value - value % step)


@dataclass
class SlotValues:
    """Values for one finding's slots; a slot used twice in a finding keeps its first value."""

    rng: random.Random
    country: Country
    audit_date: dt.date
    date_formats: tuple[str, ...]
    cache: dict[str, str] = field(default_factory=dict)

    def __call__(self, slot: str) -> str:
        if slot not in self.cache:
            value = self._make(slot)
            # '{date_month} and {date_month2}' must name two different months.
            for _ in range(8):
                if value not in self.cache.values():
                    break
                value = self._make(slot)
            self.cache[slot] = value
        return self.cache[slot]

    def _make(self, slot: str) -> str:
        base = slot.rstrip("0123456789")
        maker = _MAKERS.get(base)
        if maker is None:
            raise KeyError(f"no value maker for slot {slot!r}")
        return maker(self)

    # helpers used by the makers
    def month_before(self, min_back: int = 1, max_back: int = 6) -> dt.date:
        back = self.rng.randint(min_back, max_back)
        year, month = self.audit_date.year, self.audit_date.month - back
        while month < 1:
            month += 12
            year -= 1
        return dt.date(year, month, self.rng.randint(1, 28))


def _count(v: SlotValues, low: int, high: int, *, words: bool = False) -> str:
    n = v.rng.randint(low, high)
    noun = v.rng.choice(
        ("workers", "workers", "employees", "operators", "production workers", "migrant workers")
    )
    if words and n - 2 < len(NUMBER_WORDS) and v.rng.random() < 0.6:
        return f"{NUMBER_WORDS[n - 2]} {noun}"
    return f"{n} {noun}"


def _count_of(v: SlotValues) -> str:
    total = v.rng.randint(12, 60)
    part = v.rng.randint(2, max(3, total // 2))
    form = v.rng.choice(
        (
            "{p} of {t} sampled workers",
            "{p} of the {t} workers interviewed",
            "{p} out of {t} workers",
            "{p} of {t} interviewed workers",
            "{p} of {t} employees sampled",
        )
    )
    return form.format(p=part, t=total)


def _hours(v: SlotValues, low: int, high: int, units: tuple[str, ...]) -> str:
    return f"{v.rng.randint(low, high)} hours{v.rng.choice(units)}"


def _money_local(v: SlotValues, scale: float) -> str:
    low, high = v.country.wage_range
    amount = round_amount(v.rng, int(low * scale), int(high * scale))
    return money_text(v.rng, v.rng.choice(v.country.currencies), amount)


def _money_usd(v: SlotValues) -> str:
    amount = round_amount(v.rng, 300, 4200)
    return money_text(v.rng, v.rng.choice(("USD", "USD", "US$")), amount)


def _date_month(v: SlotValues) -> str:
    d = v.month_before()
    return v.rng.choice((f"{MONTHS[d.month - 1]} {d.year}", f"{MONTHS[d.month - 1][:3]} {d.year}"))


def _date_day(v: SlotValues) -> str:
    return format_date(v.month_before(), v.rng.choice(v.date_formats))


def format_date(day: dt.date, style: str) -> str:
    """Format `day` in one of the printed styles: long, iso, dmy, mdy_long, dmy_dots, short."""
    month = MONTHS[day.month - 1]
    return {
        "long": f"{day.day} {month} {day.year}",
        "iso": day.isoformat(),
        "dmy": f"{day.day:02d}/{day.month:02d}/{day.year}",
        "mdy_long": f"{month} {day.day}, {day.year}",
        "dmy_dots": f"{day.day:02d}.{day.month:02d}.{day.year}",
        "short": f"{day.day:02d}-{month[:3]}-{day.year}",
    }[style]


def _choice(options: tuple[str, ...]) -> Callable[[SlotValues], str]:
    return lambda v: v.rng.choice(options)


_MAKERS: dict[str, Callable[[SlotValues], str]] = {
    "count": lambda v: _count(v, 3, 48, words=True),
    "count_of": _count_of,
    "count_small": lambda v: _count(v, 2, 9, words=True),
    "count_big": lambda v: _count(v, 60, 900),
    "hours_week": lambda v: _hours(v, 66, 96, ("", "", " per week", " a week", " in one week")),
    "hours_week_mod": lambda v: _hours(v, 61, 65, ("", " per week", " a week")),
    "hours_day": lambda v: _hours(v, 11, 16, (" a day", " per day", " per shift")),
    "hours_ot": lambda v: _hours(v, 60, 150, ("", " of overtime", " per month")),
    "hours_legal": lambda v: v.rng.choice(("48 hours", "60 hours", "48 hours per week")),
    "money": lambda v: _money_local(v, 1.0),
    "money_small": lambda v: _money_local(v, 0.04),
    "money_big": lambda v: _money_local(v, 3.0),
    "money_usd": _money_usd,
    "fee_recruit": _choice(FEES_RECRUIT),
    "fee_deposit": _choice(FEES_DEPOSIT),
    "fee_ded": _choice(FEES_DEDUCTION),
    "age_adj": lambda v: f"{v.rng.randint(13, 15)}-year-old",
    "age_pred": lambda v: v.rng.choice(("aged {n}", "{n} years of age", "{n} years old")).format(
        n=v.rng.randint(13, 15)
    ),
    "age_young_adj": lambda v: f"{v.rng.randint(16, 17)}-year-old",
    "age_young_pred": lambda v: v.rng.choice(
        ("aged {n}", "{n} years of age", "{n} years old")
    ).format(n=v.rng.randint(16, 17)),
    "iddoc": _choice(IDDOCS),
    "iddoc_sg": _choice(IDDOCS_SG),
    "dur_delay": _choice(
        ("45 days", "38 days", "two months", "six weeks", "three months", "52 days", "one month")
    ),
    "dur_rest": _choice(
        ("14 consecutive days", "21 consecutive days", "19 days", "three weeks", "16 days")
    ),
    "dur_contract": _choice(("three months", "six months", "11 months", "90 days", "two years")),
    "dur_return": _choice(("24 hours", "one working day", "48 hours", "two hours")),
    "dur_short": _choice(("two weeks", "10 days", "seven days", "one week", "five days")),
    "date_month": _date_month,
    "date_day": _date_day,
    "law": lambda v: v.rng.choice(v.country.laws),
    "org_agency": _choice(AGENCIES),
    "org_union": _choice(UNIONS),
    "org_brand": _choice(BRANDS),
    "org_ngo": _choice(NGOS),
    "org_gov": lambda v: v.country.labour_office,
    "nat": lambda v: v.rng.choice(v.country.migrants),
    "dept": _choice(DEPARTMENTS),
    "pct": lambda v: f"{v.rng.randint(8, 65)}%",
    "num": lambda v: str(v.rng.randint(2, 9)),
    "curfew": _choice(("9 pm", "10 pm", "21:00", "22:30", "8.30 pm")),
    "floor": _choice(("second floor", "third floor", "ground floor", "mezzanine", "fourth floor")),
}
