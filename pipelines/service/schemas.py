"""The JSON bodies of the API (pydantic), as published in the OpenAPI document at /docs."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from extractor.record.schema import AuditRecord, ErrorRecord

JobStatus = Literal["queued", "processing", "done", "error"]
ReviewStatus = Literal["not_needed", "needs_review", "reviewed"]


class ErrorBody(BaseModel):
    code: str = Field(description="Stable code: E0xx about the file, S0xx about the request.")
    reason: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody


class ReportAccepted(BaseModel):
    id: str
    status: JobStatus
    status_url: str
    duplicate: bool = Field(
        default=False, description="True when these bytes were already uploaded with this key."
    )


class Review(BaseModel):
    status: ReviewStatus | None = Field(
        description="needs_review: waiting for a reviewer; null for error records."
    )
    reviewed_at: dt.datetime | None = None


class ReportSummary(BaseModel):
    id: str
    status: JobStatus
    filename: str
    size_bytes: int
    sha256: str
    created_at: dt.datetime
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    page_count: int | None
    finding_count: int | None
    error_code: str | None
    review: Review
    status_url: str


class ReportDetail(ReportSummary):
    record: AuditRecord | ErrorRecord | None = Field(
        default=None, description="The record once the status is done (AuditRecord) or error."
    )


class ReportPage(BaseModel):
    items: list[ReportSummary]
    next_cursor: str | None = Field(
        description="Pass as ?cursor= to get the next page; null on the last page."
    )


class Health(BaseModel):
    status: Literal["ok"]
    database: Literal["ok"]
    version: str
