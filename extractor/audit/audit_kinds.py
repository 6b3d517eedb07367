"""Audit type and announcement: printed wording to the schema's values.

"Recertification audit" and "Re-audit (full)" are re_audit, "Surveillance" periodic, "Full
Follow-up", "Partial Follow-up", "Closure" and "Priority Closure" follow_up; "Notice:
Semi-announced", "announcement window" semi_announced, "unannounced (walk-in)" unannounced.
The vocabularies are data (`extractor/data/metadata_fields.json`). A list of options with one
ticked ("[X] Semi-announced") gives the ticked one; a list with none ticked, or wording that names
no type ("Full audit"), gives None.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractor.audit.labels import metadata_vocabulary
from extractor.record.schema import Announcement, AuditType

# Tick marks printed before or after an option; an empty box or bracket is an unticked option.
_TICKED = r"(?:☒|☑|✔|✓|✗|✘|■|⊠|\[\s*[xX✓✔]\s*\]|\(\s*[xX✓✔]\s*\)|\b[xX](?=\s))"
_UNTICKED = r"(?:☐|□|○|◯|\[\s*\]|\(\s*\))"
_YES = {"yes", "y", "true", "x", "✓", "✔", "☒", "☑"}
_NO = {"no", "n", "false"}


@lru_cache(maxsize=1)
def _rules(kind: str) -> list[tuple[str, re.Pattern[str]]]:
    vocab = metadata_vocabulary()
    rules = vocab.audit_types if kind == "audit_type" else vocab.announcements
    return [(rule.value, re.compile(rule.pattern, re.IGNORECASE)) for rule in rules]


def _options(text: str, kind: str) -> list[tuple[int, int, str]]:
    """Return (start, end, value) for every vocabulary phrase in `text`, in reading order."""
    return [(start, end, value) for start, end, value, _ in _ranked_options(text, kind)]


def _ranked_options(text: str, kind: str) -> list[tuple[int, int, str, int]]:
    """(start, end, value, rank of the rule that matched) for every phrase, in reading order."""
    found: list[tuple[int, int, str, int]] = []
    for rank, (value, pattern) in enumerate(_rules(kind)):
        for match in pattern.finditer(text):
            if all(match.end() <= s or match.start() >= e for s, e, _, _ in found):
                found.append((match.start(), match.end(), value, rank))
    return sorted(found)


def _ticked(text: str, options: list[tuple[int, int, str]]) -> str | None:
    """Return the option printed next to a tick mark when the text is a ticked list."""
    marks = [m.start() for m in re.finditer(f"{_TICKED}|{_UNTICKED}", text)]
    if not marks:
        return None
    # Marks stand either before every option ("☒ Announced") or after it ("Announced: [X]").
    marks_first = marks[0] < options[0][0]
    chosen = set()
    for index, (start, end, value) in enumerate(options):
        if marks_first:
            previous_end = options[index - 1][1] if index else 0
            ticked = re.search(_TICKED + r"\s*[:\-]?\s*$", text[previous_end:start])
        else:
            next_start = options[index + 1][0] if index + 1 < len(options) else len(text)
            ticked = re.match(r"\s*[:\-]?\s*" + _TICKED, text[end:next_start])
        if ticked:
            chosen.add(value)
    return chosen.pop() if len(chosen) == 1 else None


def _choose(text: str | None, kind: str) -> str | None:
    key = re.sub(r"\s+", " ", text or "").strip()
    if not key:
        return None
    options = _options(key, kind)
    if not options:
        return None
    ticked = _ticked(key, options)
    if ticked is not None:
        return ticked
    values = {value for _, _, value in options}
    if len(values) == 1:
        return values.pop()
    # A list of choices with nothing ticked ("Announced / Semi-announced / Unannounced").
    if len(values) >= 3 or re.search(_UNTICKED, key):
        return None
    # Two kinds named: the one whose rule comes first in the vocabulary ("Follow-up of the
    # initial audit" is a follow-up; "Annual recertification" a re-audit, "Annual
    # re-inspection" the periodic one).
    return min(_ranked_options(key, kind), key=lambda option: option[3])[2]


def audit_type_from(text: str | None) -> AuditType | None:
    """Map printed audit-type wording to initial, periodic, follow_up, re_audit or special."""
    return _choose(text, "audit_type")  # type: ignore[return-value]


def announcement_from(text: str | None, *, label: str | None = None) -> Announcement | None:
    """Map printed announcement wording to announced, semi_announced or unannounced.

    With the `label` it was printed under, a yes/no answer is read too: 'Was the audit
    announced? Yes', 'Semi-announced: Yes', 'Unannounced [X]'.
    """
    found = _choose(text, "announcement")
    if found is not None:
        return found  # type: ignore[return-value]
    # "Sí / Yes": an answer printed in two languages.
    answers = {
        re.sub(r"[^\w✓✔☒☑]+", " ", part).strip().lower() for part in re.split(r"\s/\s", text or "")
    }
    answer = (
        answers.pop() if len(answers) == 1 else next((a for a in answers if a in _YES | _NO), "")
    )
    if label is None or answer not in _YES | _NO:
        return None
    named = _choose(label, "announcement")
    if named is None:
        return None
    if answer in _YES:
        return named  # type: ignore[return-value]
    # "Was the audit announced? No" says unannounced; "Semi-announced: No" says nothing.
    question = re.match(r"\s*(was|were|is|has|had|did)\b", label, re.IGNORECASE)
    return "unannounced" if question and named == "announced" else None
