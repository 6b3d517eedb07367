"""The review app over HTTP against a real `serve`: who may do what, CSRF, disputes, held-out.

Browser-free: these requests are what a browser, or an attacker's page or script, would send.
The full reviewing flow in a real browser is in `test_review_browser.py`.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator

import httpx
import pytest
from review_service import PASSWORD, TEST, TRAIN, ReviewService, start_review_service

from extractor.record.schema import AuditRecord
from pipelines.service.local import cli

DISPUTED = TRAIN / "sa8000_table-02.pdf"
HELD_OUT = TEST / "smeta7_table-01.pdf"
PLAIN = TRAIN / "bsci_table-01.pdf"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReviewService]:
    svc = start_review_service(
        tmp_path_factory.mktemp("review-app"),
        {"rita": "reviewer", "sam": "reviewer", "ada": "admin"},
        [DISPUTED, HELD_OUT, PLAIN],
        held_out=[HELD_OUT],
    )
    try:
        yield svc
    finally:
        svc.close()


@pytest.fixture(scope="module")
def rita(service: ReviewService) -> Iterator[httpx.Client]:
    client = service.login("rita")
    yield client
    client.close()


def csrf_of(client: httpx.Client, report_id: str) -> str:
    page = client.get(f"/review/reports/{report_id}")
    assert page.status_code == 200, page.text
    match = re.search(r'"csrf": "([^"]+)"', page.text)
    assert match is not None
    return match.group(1)


def draft(client: httpx.Client, report_id: str) -> AuditRecord:
    response = client.get(f"/review/api/reports/{report_id}/draft")
    assert response.status_code == 200, response.text
    return AuditRecord.model_validate(response.json())


def fields_of(finding) -> dict:  # noqa: ANN001 - a Finding
    """The edit payload that leaves `finding` as it is."""
    return {
        "kind": finding.kind,
        "clause": finding.clause,
        "topic": finding.topic,
        "title": finding.title,
        "description": finding.description,
        "evidence": finding.evidence,
        "severity": finding.severity,
        "severity_raw": finding.severity_raw,
        "corrective_action": finding.corrective_action,
        "due": finding.due,
        "ilo_codes": [i.code for i in finding.ilo_indicators],
        "entities": [e.model_dump() for e in finding.entities],
    }


def post(client: httpx.Client, report_id: str, path: str, body: dict, token: str) -> httpx.Response:
    return client.post(
        f"/review/api/reports/{report_id}{path}", json=body, headers={"X-CSRF-Token": token}
    )


# --- who may see what -----------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in_and_the_api_refuses_them(
    service: ReviewService,
) -> None:
    report_id = service.reports[PLAIN.name]
    anonymous = httpx.Client(base_url=service.url, timeout=30)
    for path in (
        "/review/queue",
        f"/review/reports/{report_id}",
        f"/review/reports/{report_id}/pages/1.png",
        f"/review/reports/{report_id}/history",
        "/review/admin/disputes",
    ):
        response = anonymous.get(path)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/review/login?next=/review/")
    for path in ("/findings", "/accept", "/metadata"):
        response = anonymous.post(f"/review/api/reports/{report_id}{path}", json={})
        assert response.status_code == 401
        assert response.json()["error"]["reason"] == "not_logged_in"
    assert anonymous.get(f"/review/api/reports/{report_id}/draft").status_code == 401


def test_a_stolen_looking_cookie_or_wrong_password_gets_nothing(service: ReviewService) -> None:
    forged = httpx.Client(
        base_url=service.url, timeout=30, cookies={"review_session": "not-a-session-token"}
    )
    assert forged.get("/review/queue").status_code == 303
    with pytest.raises(AssertionError):
        service.login("rita", "a wrong password entirely")
    with pytest.raises(AssertionError):
        service.login("nobody-by-this-name")


def test_the_session_cookie_is_httponly_and_samesite(service: ReviewService) -> None:
    client = httpx.Client(base_url=service.url, timeout=30)
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/review/login").text)
    assert token is not None
    response = client.post(
        "/review/login", data={"name": "sam", "password": PASSWORD, "csrf_token": token.group(1)}
    )
    cookie = next(
        v for k, v in response.headers.multi_items() if v.startswith("review_session=")
    ).lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/review" in cookie
    assert response.headers["content-security-policy"].startswith("default-src 'self'")


def test_login_needs_the_forms_csrf_token(service: ReviewService) -> None:
    client = httpx.Client(base_url=service.url, timeout=30)
    response = client.post("/review/login", data={"name": "rita", "password": PASSWORD})
    assert response.status_code == 403
    assert "review_session" not in response.cookies


def test_reviewers_cannot_open_admin_pages_or_resolve(
    service: ReviewService, rita: httpx.Client
) -> None:
    token = csrf_of(rita, service.reports[PLAIN.name])
    assert rita.get("/review/admin/disputes").status_code == 403
    assert rita.get("/review/admin/reviewers").status_code == 403
    response = rita.post(
        "/review/admin/disputes/1/resolve", data={"csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 403


def test_reviewers_never_see_members_or_their_keys(
    service: ReviewService, rita: httpx.Client
) -> None:
    pages = [rita.get("/review/queue?status=all").text]
    pages.append(rita.get(f"/review/reports/{service.reports[PLAIN.name]}").text)
    for text in pages:
        assert service.api_key not in text
        assert "aek_" not in text and "acme-sourcing" not in text


# --- CSRF -----------------------------------------------------------------------------------


def test_every_change_needs_the_sessions_csrf_token(
    service: ReviewService, rita: httpx.Client
) -> None:
    report_id = service.reports[PLAIN.name]
    token = csrf_of(rita, report_id)
    first = draft(rita, report_id).findings[0]
    delete = f"/findings/{first.finding_id}/delete"
    url = f"/review/api/reports/{report_id}{delete}"
    assert rita.post(url).status_code == 403
    assert rita.post(url, headers={"X-CSRF-Token": "guessed"}).status_code == 403
    # The right token from a page of another site is refused too.
    other_site = {"X-CSRF-Token": token, "Origin": "http://attacker.example"}
    assert rita.post(url, headers=other_site).status_code == 403
    assert rita.post("/review/logout").status_code == 403
    # Nothing was deleted, nothing was logged.
    assert draft(rita, report_id).findings[0].finding_id == first.finding_id
    history = rita.get(f"/review/reports/{report_id}/history").text
    assert "delete finding" not in history


# --- editing rules --------------------------------------------------------------------------


def test_invalid_edits_are_refused_with_a_reason_and_change_nothing(
    service: ReviewService, rita: httpx.Client
) -> None:
    report_id = service.reports[PLAIN.name]
    token = csrf_of(rita, report_id)
    finding = draft(rita, report_id).findings[1]
    path = f"/findings/{finding.finding_id}"
    unknown_code = fields_of(finding) | {"ilo_codes": ["FL99"]}
    response = post(rita, report_id, path, unknown_code, token)
    assert response.status_code == 422 and "FL99" in response.json()["error"]["message"]
    misplaced = fields_of(finding) | {
        "entities": [{"label": "AGE", "start": 0, "end": 5, "text": "zzzzz"}]
    }
    response = post(rita, report_id, path, misplaced, token)
    assert response.status_code == 422 and "select it again" in response.json()["error"]["message"]
    too_big = fields_of(finding) | {"description": "x" * 2_000_000}
    response = post(rita, report_id, path, too_big, token)
    assert response.status_code == 413
    assert draft(rita, report_id).findings[1] == finding


def test_editing_the_description_moves_entities_with_their_words(
    service: ReviewService, rita: httpx.Client
) -> None:
    report_id = service.reports[PLAIN.name]
    token = csrf_of(rita, report_id)
    finding = next(f for f in draft(rita, report_id).findings if f.entities)
    body = fields_of(finding) | {"description": "Reviewer note. " + finding.description}
    response = post(rita, report_id, f"/findings/{finding.finding_id}", body, token)
    assert response.status_code == 200, response.text
    edited = next(f for f in draft(rita, report_id).findings if f.finding_id == finding.finding_id)
    assert [e.text for e in edited.entities] == [e.text for e in finding.entities]
    for entity in edited.entities:
        assert edited.text()[entity.start : entity.end] == entity.text


# --- second reviews and disputes ------------------------------------------------------------


def test_two_reviews_that_disagree_wait_for_an_admin_who_resolves_them(
    service: ReviewService,
) -> None:
    report_id = service.reports[DISPUTED.name]
    served_before = service.member_view(report_id)["record"]
    rita, sam, ada = (service.login(name) for name in ("rita", "sam", "ada"))

    # rita: finding 1 is minor. sam: finding 1 is critical, and finding 2 is not a finding.
    token = csrf_of(rita, report_id)
    one, two = draft(rita, report_id).findings[:2]
    body = fields_of(one) | {"severity": "minor"}
    assert post(rita, report_id, f"/findings/{one.finding_id}", body, token).status_code == 200
    accepted = post(rita, report_id, "/accept", {}, token).json()
    assert accepted["dispute_id"] is None and accepted["version_id"] is not None
    served_first = service.member_view(report_id)["record"]
    assert served_first["findings"][0]["severity"] == "minor"

    token = csrf_of(sam, report_id)
    assert draft(sam, report_id).findings[0].severity == one.severity  # starts afresh
    body = fields_of(one) | {"severity": "critical"}
    assert post(sam, report_id, f"/findings/{one.finding_id}", body, token).status_code == 200
    assert post(sam, report_id, f"/findings/{two.finding_id}/delete", {}, token).status_code == 200
    second = post(sam, report_id, "/accept", {}, token).json()
    assert second["dispute_id"] is not None and second["disagreements"] == 2
    # Until an admin decides, the member keeps the first accepted record.
    assert service.member_view(report_id)["record"] == served_first != served_before

    page = ada.get(f"/review/admin/disputes/{second['dispute_id']}")
    assert page.status_code == 200
    keys = re.findall(r'name="choice:([^"]+)" value="second"', page.text)
    assert sorted(keys) == sorted([f"{one.finding_id}:severity", f"{two.finding_id}:present"])
    admin_token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert admin_token is not None
    response = ada.post(
        f"/review/admin/disputes/{second['dispute_id']}/resolve",
        data={
            "csrf_token": admin_token.group(1),
            f"choice:{one.finding_id}:severity": "second",
            f"choice:{two.finding_id}:present": "first",
        },
    )
    assert response.status_code == 303

    resolved = AuditRecord.model_validate(service.member_view(report_id)["record"])
    assert resolved.findings[0].severity == "critical"
    assert two.finding_id in {f.finding_id for f in resolved.findings}
    gold = (service.samples / "corrections").glob("*.json")
    filed = [AuditRecord.model_validate_json(p.read_text()) for p in gold]
    (corrected,) = [r for r in filed if r.report_id == resolved.report_id]
    assert corrected.findings[0].severity == "critical"
    assert corrected.extractor.version == "reviewed-by:ada"
    # rita's correction, filed first, is kept as the earlier version.
    (earlier,) = (service.samples / "corrections" / "history").glob("*.json")
    assert AuditRecord.model_validate_json(earlier.read_text()).findings[0].severity == "minor"
    history = ada.get(f"/review/reports/{report_id}/history").text
    assert history.count('data-action="accept"') == 2 and 'data-action="resolve"' in history
    assert "resolved" in ada.get("/review/admin/disputes").text


# --- held-out reports -----------------------------------------------------------------------


def test_a_held_out_report_is_corrected_for_its_member_but_never_becomes_training_data(
    service: ReviewService,
) -> None:
    report_id = service.reports[HELD_OUT.name]
    sam = service.login("sam")
    token = csrf_of(sam, report_id)
    outcome = post(sam, report_id, "/accept", {}, token).json()
    assert outcome["version_id"] is not None
    assert outcome["training_note"].startswith("not used for training")
    assert "held-out test split" in outcome["training_note"]
    assert service.member_view(report_id)["review"]["status"] == "reviewed"
    filed = [
        AuditRecord.model_validate_json(p.read_text())
        for p in (service.samples / "corrections").glob("*.json")
    ]
    assert all(r.source.filename != HELD_OUT.name for r in filed)


# --- the queue and the command --------------------------------------------------------------


def test_queue_orders_by_uncertainty_and_filters(
    service: ReviewService, rita: httpx.Client
) -> None:
    page = rita.get("/review/queue?status=all").text
    scores = [float(s) for s in re.findall(r'<td class="num">(\d\.\d\d)</td>\s*<td><a', page)]
    assert len(scores) == 3 and scores == sorted(scores, reverse=True)
    smeta_only = rita.get("/review/queue?status=all&standard=smeta").text
    assert HELD_OUT.name in smeta_only and PLAIN.name not in smeta_only
    assert rita.get("/review/queue?status=bogus").status_code == 422


def test_reviewers_command_adds_accounts_and_refuses_short_passwords(
    service: ReviewService,
) -> None:
    store = ["--database-url", service.local.settings().database_url]
    added = subprocess.run(
        cli("reviewers", *store, "add", "olga", "--admin", "--password-stdin"),
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        cwd=service.local.workdir,
    )
    assert added.returncode == 0, added.stderr
    short = subprocess.run(
        cli("reviewers", *store, "add", "pete", "--password-stdin"),
        input="short\n",
        capture_output=True,
        text=True,
        cwd=service.local.workdir,
    )
    assert short.returncode == 1 and "at least 10 characters" in short.stderr
    olga = service.login("olga")
    assert olga.get("/review/admin/reviewers").status_code == 200
    assert "pete" not in olga.get("/review/admin/reviewers").text
