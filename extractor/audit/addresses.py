"""Tidy a site address as printed: OCR slips in its words and numbers, and a trailing country.

OCR confuses l/i/1, O/0 and rn/m; in an address that turns 'Plot 14' into 'Piot 14' and 'No. 105'
into 'N0. 1O5'. A word is changed only when it is not an address word and exactly one of its
slip variants is ('Piot' -> 'Plot'); a number only when its letters can only be digits ('1O5').
The country is split off into the record's own field. This module never adds words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractor.audit.countries import split_trailing_country
from extractor.audit.labels import metadata_vocabulary

# Letter <-> letter and letter <-> digit slips tesseract makes.
_WORD_SLIPS = (("i", "l"), ("l", "i"), ("1", "l"), ("1", "i"), ("|", "l"), ("0", "o"), ("rn", "m"))
_DIGIT_SLIPS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})


@lru_cache(maxsize=1)
def _address_words() -> frozenset[str]:
    return frozenset(metadata_vocabulary().address_words)


def repair_ocr_address(text: str) -> str:
    """Put right OCR slips in an address's words and house numbers."""
    return re.sub(r"[A-Za-z0-9|]+", _repair_token, text)


def _repair_token(match: re.Match[str]) -> str:
    token = match.group(0)
    words = _address_words()
    if token.lower() in words:
        return token
    # "1O5", "l2": digits with letters OCR read for them (at least one real digit, no other letter).
    if re.search(r"\d", token) and re.fullmatch(r"[0-9OolI|]+", token) and len(token) >= 2:
        return token.translate(_DIGIT_SLIPS)
    candidates = set()
    for wrong, right in _WORD_SLIPS:
        start = token.lower().find(wrong)
        while start >= 0:
            variant = token[:start] + right + token[start + len(wrong) :]
            if variant.lower() in words:
                candidates.add(variant)
            start = token.lower().find(wrong, start + 1)
    if len(candidates) != 1:
        return token
    variant = candidates.pop()
    return variant[0].upper() + variant[1:] if token[0].isupper() else variant


def _repair_ocr_punctuation(value: str) -> str:
    """In an address whose parts are split by commas, OCR reads some commas as full stops
    ('Road 3. Chattogram') and prints stray brackets ('Phase II],'): a full stop after a
    number or a word of three letters or more, before a capitalised part, is a comma; an
    unmatched bracket is noise. Abbreviations ('No. 45', 'St. John') keep their stop."""
    if "," not in value:
        return value
    value = re.sub(
        r"(?:(?<=\d)|(?<=[a-z]{3})|(?<=[A-Z]{3})|(?<=II)|(?<=IV))\.\s+(?=[A-Z])", ", ", value
    )
    for opening, closing in ("[]", "()"):
        if value.count(opening) != value.count(closing):
            value = value.replace(
                opening if value.count(opening) > value.count(closing) else closing, ""
            )
    return re.sub(r"\s+,", ",", value)


def clean_address(text: str | None, *, ocr: bool = False) -> tuple[str | None, str | None]:
    """Return the address without its trailing country, and that country's ISO code."""
    value = re.sub(r"\s+", " ", text or "").strip(" ,;")
    if not value:
        return None, None
    if ocr:
        value = _repair_ocr_punctuation(repair_ocr_address(value))
    address, country = split_trailing_country(value)
    address = address.rstrip(" .,;")
    return (address or None), country
