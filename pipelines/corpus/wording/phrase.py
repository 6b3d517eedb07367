"""The `Phrase` record and the helpers the wording banks are written with.

A phrase is a `{slot}` template (filled by `pipelines.corpus.entities`) with the ILO codes its
wording supports, the wording *style* it is written in, and whether it is held out: held-out
phrases are never used for training; only held-out (test) layouts and the held-out wording
evaluation see them. This module holds no wording itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# How a finding is worded. Held-out wording is chosen by whole styles per label where possible,
# so the held-out score measures phrasing the classifier has never seen, not just new sentences.
STYLES = (
    "plain",  # one declarative sentence, as the original banks wrote them
    "narrative",  # long auditor prose: context, what was seen, why it matters
    "terse",  # shorthand: fragments, abbreviations, numbers first
    "worker_voice",  # what workers said, in quotes or reported speech
    "legal",  # framed by the law or code requirement it breaches
    "scheme",  # the way a scheme's checklist or benchmark phrases it (Better Work, FLA, RBA, ...)
    "multi",  # several issues in one finding
    "observation",  # a risk or weakness rather than a breach
    "hard_negative",  # mentions a topic's words without that violation
)

Entry = str | tuple[str, tuple[str, ...]]


@dataclass(frozen=True)
class Phrase:
    """One wording: template text, the codes it supports, and how it may be used."""

    text: str
    codes: tuple[str, ...] = ()
    held_out: bool = False
    style: str = "plain"
    # Codes a careless reader might give this wording but that it does not support.
    decoys: tuple[str, ...] = ()


def _phrase(entry: Entry, codes: tuple[str, ...], style: str, held_out: bool) -> Phrase:
    text, own_codes = (entry, codes) if isinstance(entry, str) else entry
    return Phrase(
        text=text.lstrip("!"),
        codes=own_codes,
        held_out=held_out or text.startswith("!"),
        style=style,
    )


def wordings(
    codes: tuple[str, ...], *, held_out: Sequence[str] = (), **styles: Sequence[Entry]
) -> list[Phrase]:
    """Build one label's bank from entries grouped by style.

    An entry is a template (carrying `codes`) or `(template, its own codes)`. Every phrase of a
    style named in `held_out`, and any template starting with `!`, is held out.
    """
    unknown = set(styles) - set(STYLES) | set(held_out) - set(STYLES)
    if unknown:
        raise ValueError(f"unknown wording styles {sorted(unknown)}; known: {STYLES}")
    return [
        _phrase(entry, codes, style, style in held_out)
        for style, entries in styles.items()
        for entry in entries
    ]


def decoys(
    mimics: tuple[str, ...], *entries: Entry, style: str = "hard_negative", held_out: bool = False
) -> list[Phrase]:
    """Hard negatives: wordings that use the vocabulary of `mimics` without that violation."""
    out = []
    for entry in entries:
        phrase = _phrase(entry, (), style, held_out)
        out.append(Phrase(phrase.text, phrase.codes, phrase.held_out, phrase.style, decoys=mimics))
    return out


def mixed(*items: tuple[str, tuple[str, ...]], style: str = "plain") -> list[Phrase]:
    """Phrases with their own codes; a leading `!` holds one out (the original banks' format)."""
    return [_phrase(item, (), style, False) for item in items]


def bank(codes: tuple[str, ...], *texts: str, style: str = "plain") -> list[Phrase]:
    """Phrases that all carry `codes`; a leading `!` holds one out."""
    return [_phrase(text, codes, style, False) for text in texts]
