"""Fill phrase templates with slot values and record gold entity spans as they are written.

A template is plain text with `{slot}` placeholders; the slot's prefix (before the first `_`)
names its entity label, so offsets are known by construction and never searched for afterwards.
`{^slot}` capitalises the value, as does a slot that opens the template. This module only
builds text; it draws nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

SLOT = re.compile(r"\{(\^?)([a-z0-9_]+)\}")

# Slot prefix -> entity label. Slots with other prefixes (nat, dept, pct, ...) are unlabelled.
LABEL_OF_PREFIX: dict[str, str] = {
    "hours": "HOURS",
    "money": "MONEY",
    "fee": "FEE",
    "age": "AGE",
    "count": "WORKER_COUNT",
    "iddoc": "ID_DOCUMENT",
    "dur": "DURATION",
    "date": "DATE",
    "law": "LAW_REF",
    "org": "ORG",
}

# Entity-like wording that must only ever come from a slot; a template that writes one literally
# would yield an unlabelled entity, so `fill` refuses it.
_UNSLOTTED = re.compile(
    r"\bpassports?\b|\bID cards?\b|\bwork permits?\b|\b\d+ (?:hours|days|months|weeks)\b"
    r"|\b(?:USD|BDT|RMB|VND|INR|MXN|TRY|MYR|THB|KHR|PKR)\b|\brecruitment fees?\b"
    r"|\b\d{1,2}-year-old\b|\bArticle \d+|\bSection \d+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Span:
    label: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Filled:
    text: str
    spans: tuple[Span, ...]


def slot_label(slot: str) -> str | None:
    """Return the entity label a slot name carries, or None for unlabelled slots."""
    return LABEL_OF_PREFIX.get(slot.split("_", 1)[0])


def slot_names(template: str) -> list[str]:
    """Return the slot names used in `template`, in order."""
    return [m.group(2) for m in SLOT.finditer(template)]


def fill(template: str, value_of: Callable[[str], str]) -> Filled:
    """Render `template`, asking `value_of(slot)` for each slot, and return text plus spans."""
    literal_check = SLOT.sub(" ", template)
    bad = _UNSLOTTED.search(literal_check)
    if bad:
        raise ValueError(f"template writes entity {bad.group(0)!r} literally: {template!r}")
    parts: list[str] = []
    spans: list[Span] = []
    pos = 0
    length = 0
    for match in SLOT.finditer(template):
        literal = template[pos : match.start()]
        parts.append(literal)
        length += len(literal)
        value = value_of(match.group(2))
        if match.group(1) or match.start() == 0:
            value = value[:1].upper() + value[1:]
        label = slot_label(match.group(2))
        if label:
            spans.append(Span(label, value, length, length + len(value)))
        parts.append(value)
        length += len(value)
        pos = match.end()
    parts.append(template[pos:])
    return Filled("".join(parts), tuple(spans))


def join(description: Filled, evidence: Filled | None) -> tuple[str, list[Span]]:
    """Join description and evidence as `record.schema.finding_text` does, shifting spans."""
    if evidence is None or not evidence.text:
        return description.text, list(description.spans)
    offset = len(description.text) + 2
    shifted = [Span(s.label, s.text, s.start + offset, s.end + offset) for s in evidence.spans]
    return f"{description.text}\n\n{evidence.text}", [*description.spans, *shifted]
