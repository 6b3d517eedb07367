"""Request dependencies: the service context, the member behind the X-Api-Key, rate limits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader

from pipelines.service.context import ServiceContext
from pipelines.service.errors import S001, S002, S004, ApiError
from pipelines.service.members import authenticate
from pipelines.service.ratelimit import RateLimiter, retry_after_header

API_KEY_HEADER = "X-Api-Key"
api_key_header = APIKeyHeader(
    name=API_KEY_HEADER, auto_error=False, description="The key printed by `members add`."
)


@dataclass(frozen=True)
class CurrentMember:
    id: int
    name: str


def service_context(request: Request) -> ServiceContext:
    return request.app.state.context


def current_member(
    request: Request, api_key: Annotated[str | None, Depends(api_key_header)]
) -> CurrentMember:
    """The member whose key is in X-Api-Key; 401 when missing, unknown or revoked."""
    if not api_key:
        raise ApiError(401, S001, headers={"WWW-Authenticate": API_KEY_HEADER})
    context = service_context(request)
    with context.readers.begin() as session:
        member = authenticate(session, context.key_secret, api_key)
        if member is None:
            raise ApiError(401, S002, headers={"WWW-Authenticate": API_KEY_HEADER})
        return CurrentMember(id=member.id, name=member.name)


def check_rate(limiter: RateLimiter, member: CurrentMember, what: str) -> None:
    wait = limiter.acquire(member.id)
    if wait > 0:
        retry = retry_after_header(wait)
        raise ApiError(429, S004, headers={"Retry-After": retry}, what=what, retry_after=retry)


def member_within_request_limit(
    request: Request, member: Annotated[CurrentMember, Depends(current_member)]
) -> CurrentMember:
    check_rate(request.app.state.request_limiter, member, "requests")
    return member


def member_within_upload_limit(
    request: Request, member: Annotated[CurrentMember, Depends(current_member)]
) -> CurrentMember:
    check_rate(request.app.state.upload_limiter, member, "uploads")
    return member


Member = Annotated[CurrentMember, Depends(member_within_request_limit)]
UploadingMember = Annotated[CurrentMember, Depends(member_within_upload_limit)]
