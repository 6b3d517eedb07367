"""Fill the non-finding templates of `wording.py` with one document's values.

Every field is drawn fresh from the document's RNG each time it is used (a month, a count, a
department), except the facts that must agree across the report (site, firm, client, workers,
country), which come from the document's metadata. Nothing here draws a PDF.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass

from ..values import DEPARTMENTS, MONTHS, Country, money_text, round_amount
from . import wording as w

_ALTERNATIVES = re.compile(r"\[([^\[\]]*\|[^\[\]]*)\]")


@dataclass
class DocFacts:
    """Facts shared by all prose of one document."""

    site: str
    firm: str
    client: str
    product: str
    workers: int
    young: int
    migrant_pct: int
    audit_date: dt.date
    country: Country
    scheme: str


class _Values(dict):
    def __init__(self, words: DocWords):
        super().__init__()
        self.words = words

    def __missing__(self, key: str) -> str:
        return self.words.value(key)


class DocWords:
    """Draws template values for one document."""

    def __init__(self, rng: random.Random, facts: DocFacts):
        self.rng = rng
        self.facts = facts
        self._formatter = string.Formatter()

    def fill(self, template: str) -> str:
        """Choose one of each '[a|b]' alternative, then fill the '{field}'s."""
        template = _ALTERNATIVES.sub(lambda m: self.rng.choice(m.group(1).split("|")), template)
        text = self._formatter.vformat(template, (), _Values(self))
        return text[:1].upper() + text[1:]

    def sentences(self, templates: Sequence[str], low: int, high: int) -> str:
        """A paragraph of `low`..`high` distinct sentences from `templates`, shuffled."""
        k = min(len(templates), self.rng.randint(low, high))
        return " ".join(self.fill(t) for t in self.rng.sample(list(templates), k))

    def month(self, back_max: int = 12) -> str:
        d = self.facts.audit_date - dt.timedelta(days=30 * self.rng.randint(1, back_max))
        return self.rng.choice((f"{MONTHS[d.month - 1]} {d.year}", f"{MONTHS[d.month - 1]}"))

    def person(self) -> str:
        first = self.rng.choice(w.FIRST_NAMES)
        last = self.rng.choice(w.LAST_NAMES)
        return self.rng.choice((f"{first} {last}", f"{first[0]}. {last}", f"Ms. {first} {last}"))

    def value(self, key: str) -> str:
        f, r = self.facts, self.rng
        simple = {
            "firm": lambda: f.firm,
            "client": lambda: f.client,
            "site": lambda: f.site,
            "product": lambda: f.product,
            "workers": lambda: str(f.workers),
            "young": lambda: str(f.young),
            "migrant_pct": lambda: str(f.migrant_pct),
            "scheme": lambda: f.scheme,
            "nat": lambda: r.choice(f.country.migrants),
            "wage": lambda: money_text(
                r, f.country.currencies[0], round_amount(r, *f.country.wage_range)
            ),
            "month": self.month,
            "month2": self.month,
            "peak_month": lambda: r.choice(MONTHS),
            "due_month": lambda: r.choice(MONTHS),
            "contract_date": lambda: (
                f"{r.randint(1, 28)} {r.choice(MONTHS)} {f.audit_date.year - 1}"
            ),
            "visit_day": lambda: f"{f.audit_date.day} {MONTHS[f.audit_date.month - 1]}",
            "valid_until": lambda: f"{r.choice(MONTHS)} {f.audit_date.year + r.randint(1, 3)}",
            "birth_year": lambda: str(f.audit_date.year - r.randint(18, 19)),
            "prev_year": lambda: str(f.audit_date.year - r.randint(1, 2)),
            "dept": lambda: r.choice(DEPARTMENTS),
            "dept2": lambda: r.choice(DEPARTMENTS),
            "facility": lambda: r.choice(w.FACILITIES),
            "facility2": lambda: r.choice(w.FACILITIES),
            "language": lambda: r.choice(w.LANGUAGES),
            "rep_role": lambda: r.choice(("committee chair", "union secretary", "elected member")),
            "payday": lambda: r.choice(("5th", "7th", "10th", "last working day", "1st")),
            "shift": lambda: r.choice(("day", "night", "morning", "second")),
            "notice": lambda: r.choice(("one month", "two weeks", "30 days", "15 days")),
            "rest_day": lambda: r.choice(("Sunday", "Friday", "Saturday")),
            "floor_word": lambda: r.choice(("ground", "first", "second", "third", "top")),
            "probation": lambda: r.choice(("two months", "three months", "60 days")),
            "time_in": lambda: f"{r.randint(7, 9)}:{r.choice(('00', '15', '30', '45'))}",
            "time_out": lambda: f"{r.randint(16, 18)}:{r.choice(('00', '20', '30', '50'))}",
            "area_a": lambda: r.choice(("working hours", "wages", "health and safety")),
            "area_b": lambda: r.choice(("fire safety", "recruitment", "management systems")),
        }
        numbers = {
            "keep_years": (3, 7),
            "n_auditors": (1, 3),
            "days": (1, 3),
            "n_interviews": (8, 40),
            "n_groups": (2, 6),
            "group_size": (3, 6),
            "months_sampled": (3, 12),
            "sample_size": (10, 45),
            "n": (6, 40),
            "k": (2, 9),
            "ot_rate": (125, 200),
            "regular": (40, 48),
            "days_week": (5, 6),
            "n_agency": (5, 120),
            "prev_n": (4, 15),
            "prev_closed": (1, 4),
            "building": (1, 4),
        }
        if key in simple:
            return simple[key]()
        if key in numbers:
            return str(r.randint(*numbers[key]))
        raise KeyError(f"no value for template field {key!r}")
