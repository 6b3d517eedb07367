"""Every rejection the service answers with: HTTP status, stable code, reason and message.

Problems with the uploaded file reuse the extractor's catalogue (`extractor/record/errors.py`:
E002 not a PDF, E008 too large, E011 empty, E015 archive), so a member sees the same code whether
the web process or the extractor found the problem. Problems with the request itself have `S`
codes kept here. Every error body is `{"error": {"code", "reason", "message"}}`, the shape of an
ErrorRecord's `error`.
"""

from __future__ import annotations

from extractor.record.errors import ErrorSpec

S001 = ErrorSpec(
    "S001", "missing_api_key", "This endpoint needs an API key in the X-Api-Key header."
)
S002 = ErrorSpec(
    "S002",
    "invalid_api_key",
    "The API key is not valid or has been revoked. Ask your administrator for a new key.",
)
S003 = ErrorSpec("S003", "not_found", "No report with id {report_id} was found for this key.")
S004 = ErrorSpec(
    "S004",
    "rate_limited",
    "Too many {what} for this API key. Retry after {retry_after} s.",
)
S005 = ErrorSpec(
    "S005",
    "no_file",
    "The request has no file. Send the PDF as multipart/form-data in the field 'file'.",
)
S006 = ErrorSpec(
    "S006",
    "bad_upload",
    "The upload could not be read as multipart/form-data ({detail}). "
    "Send the PDF in the form field 'file'.",
)
S007 = ErrorSpec(
    "S007",
    "not_ready",
    "Report {report_id} is {status}; its findings are available once the status is 'done'.",
)
S008 = ErrorSpec(
    "S008",
    "report_failed",
    "Report {report_id} could not be extracted ({code}: {reason}); it has no findings. "
    "See its record for the reason.",
)
S009 = ErrorSpec("S009", "invalid_request", "The request is not valid: {detail}.")
S010 = ErrorSpec("S010", "http_error", "{detail}")
S012 = ErrorSpec(
    "S012", "database_unavailable", "The service's database cannot be reached ({detail})."
)
S013 = ErrorSpec(
    "S013", "internal_error", "The service failed on this request; it was logged. Retry later."
)


class ApiError(Exception):
    """An error answer: raised anywhere in a request, rendered by the app's handler."""

    def __init__(
        self,
        status: int,
        spec: ErrorSpec,
        /,
        *,
        headers: dict[str, str] | None = None,
        **details: object,
    ) -> None:
        self.status = status
        self.spec = spec
        self.headers = headers or {}
        self.message = spec.message.format(**details)
        super().__init__(self.message)

    def body(self) -> dict:
        return error_body(self.spec, self.message)


def error_body(spec: ErrorSpec, message: str) -> dict:
    """The JSON body of every error answer."""
    return {"error": {"code": spec.code, "reason": spec.reason, "message": message}}
