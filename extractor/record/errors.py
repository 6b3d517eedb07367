"""Every error the extractor reports about its input, in one place.

Each error has a stable code, a short machine-readable reason (used in bulk-run summaries) and a
message that says what was wrong with the file and what the user can do about it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorSpec:
    code: str
    reason: str
    message: str


E001 = ErrorSpec("E001", "not_found", "File not found: {path}. Check the path and try again.")
E002 = ErrorSpec(
    "E002",
    "not_pdf",
    "{name} is not a PDF ({head}). Upload the audit report as a PDF file.",
)
E003 = ErrorSpec(
    "E003",
    "corrupt",
    "{name} is a damaged PDF and could not be parsed ({detail}). "
    "Re-export or re-download the report and upload it again.",
)
E004 = ErrorSpec(
    "E004",
    "encrypted",
    "{name} is password-protected. Remove the password (print to a new PDF) and upload again.",
)
E005 = ErrorSpec(
    "E005", "empty", "{name} has no pages. Check that the upload completed and try again."
)
E006 = ErrorSpec(
    "E006",
    "no_text",
    "{name} has no text layer on any page and OCR is not available ({detail}). "
    "Install tesseract (`make setup` does this when run as root) or upload a text PDF.",
)
E007 = ErrorSpec(
    "E007",
    "too_many_pages",
    "{name} has {pages} pages, more than the limit of {limit}. "
    "Split the report or raise --max-pages.",
)
E008 = ErrorSpec(
    "E008",
    "too_large",
    "{name} is {size_mb:.1f} MB, more than the limit of {limit_mb:.1f} MB. "
    "Compress the PDF or raise --max-mb.",
)
E009 = ErrorSpec(
    "E009",
    "timeout",
    "{name} was stopped after {seconds:.0f} s while {stage}: one report may take at most "
    "{limit_s:.0f} s (--timeout). Files built to make PDF parsers loop end this way; a genuine "
    "report that is this slow (a long scan) can be retried with a higher --timeout.",
)
E010 = ErrorSpec(
    "E010",
    "internal_error",
    "{name} could not be processed because of an internal error ({detail}). "
    "Please report this file to the audit-extractor maintainers.",
)
E011 = ErrorSpec(
    "E011",
    "empty_file",
    "{name} is an empty file (0 bytes). Check that the upload completed and try again.",
)
E012 = ErrorSpec(
    "E012",
    "memory_limit",
    "{name} needed more than the memory limit of {limit_mb:.0f} MB while {stage} and was "
    "stopped. The file is probably built to exhaust memory (huge pages or images); "
    "raise --max-memory-mb only if you trust it.",
)
E013 = ErrorSpec(
    "E013",
    "decompression_limit",
    "{name} holds a compressed stream that expands to more than {limit_mb:.0f} MB "
    "(a decompression bomb, or a damaged file). It was not read; if the file is trusted, "
    "re-export it with smaller images.",
)
E014 = ErrorSpec(
    "E014",
    "ocr_failed",
    "{name} has no text layer and OCR failed on every page ({detail}). "
    "Upload a clearer scan or a text PDF.",
)
E015 = ErrorSpec(
    "E015",
    "unsupported_container",
    "{name} is a {container} archive, not a PDF. Extract the report from it and upload the "
    "PDF itself.",
)
E016 = ErrorSpec(
    "E016",
    "not_a_file",
    "{name} is not a regular file ({detail}). Give the path of the PDF itself.",
)

ALL_ERRORS: tuple[ErrorSpec, ...] = (
    E001,
    E002,
    E003,
    E004,
    E005,
    E006,
    E007,
    E008,
    E009,
    E010,
    E011,
    E012,
    E013,
    E014,
    E015,
    E016,
)


class ReportError(Exception):
    """Raised when a report cannot be turned into a record; carries a user-facing message."""

    def __init__(self, spec: ErrorSpec, **details: object) -> None:
        self.spec = spec
        self.details = details
        super().__init__(spec.message.format(**details))

    @property
    def code(self) -> str:
        return self.spec.code

    @property
    def reason(self) -> str:
        return self.spec.reason


# Warnings added to a record (not fatal): keep their wording here too.
W_OCR_USED = "W101: pages {pages} had no text layer and were read by OCR; check extracted values."
W_OCR_UNAVAILABLE = (
    "W102: pages {pages} have no text layer and OCR is not available; they were skipped."
)
W_NO_FINDINGS = (
    "W103: no findings were recognised in this report; if it has some, a reviewer's correction "
    "will teach the reader its layout."
)
W_UNKNOWN_FORMAT = "W104: the audit standard could not be recognised; parsed as a generic report."
W_NER_MISSING = (
    "W105: the NER model is not installed; entities were not extracted "
    "(run `audit-extractor train`)."
)
W_CLASSIFIER_MISSING = (
    "W106: the ILO classifier is not installed; indicators come from keyword rules "
    "(run `audit-extractor train`)."
)
W_PAGES_FAILED = "W107: page {page} could not be parsed ({detail}); it was skipped."
W_READER_MISSING = (
    "W111: the block labeller is not installed; no findings were read "
    "(run `audit-extractor train`)."
)
W_TEXT_ROTATED = (
    "W108: page {page} shows its text turned {degrees} degrees clockwise; it was read upright "
    "(its boxes are in the upright page)."
)
W_PAGE_SIZE = (
    "W109: page {page} has no usable page size ({detail}); the size of its content was used."
)
W_TOO_MANY_RULES = (
    "W110: page {page} has more than {limit} ruling lines; its tables were read as plain text."
)
