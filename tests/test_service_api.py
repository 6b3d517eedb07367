"""The upload API against a real `audit-extractor serve` (uvicorn, SQLite, one worker process).

Covers keys, every endpoint, isolation between members, every class of bad input, limits and
the signed webhook. The server runs as a child process on a free 127.0.0.1 port.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import threading
import time
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pypdfium2 as pdfium
import pytest

from extractor.reading.ocr import ocr_available
from extractor.record.schema import AuditRecord, ErrorRecord
from pipelines.service.local import LocalService, free_port
from pipelines.service.members import issue_key, revoke, set_webhook

REPO = Path(__file__).resolve().parent.parent
TRAIN = REPO / "labelled_samples" / "train"
PDFS = REPO / "tests" / "pdfs"
GOOD = TRAIN / "bsci_table-01.pdf"
OTHER_GOOD = TRAIN / "sa8000_table-02.pdf"
MAX_MB = 1
MAX_PAGES = 3
UPLOAD_BURST = 40
FINISH_TIMEOUT_S = 120.0


class WebhookReceiver:
    """A real HTTP server on 127.0.0.1 that fails its first delivery, then accepts."""

    def __init__(self) -> None:
        # (headers, body, status answered) of every delivery.
        self.requests: list[tuple[dict, bytes, int]] = []
        self.failures_left = 1
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers["Content-Length"]))
                status = 500 if receiver.failures_left > 0 else 204
                receiver.failures_left -= 1
                receiver.requests.append((dict(self.headers), body, status))
                self.send_response(status)
                self.end_headers()

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


class Service:
    """The running service, its members' keys and a client."""

    def __init__(self, local: LocalService, keys: dict[str, str], hook: WebhookReceiver) -> None:
        self.local = local
        self.keys = keys
        self.hook = hook
        self.http = httpx.Client(base_url=local.url, timeout=60)
        self.webhook_secret = ""

    def upload(self, who: str, data: bytes, name: str = "report.pdf", **kw) -> httpx.Response:
        return self.http.post(
            "/v1/reports",
            headers={"X-Api-Key": self.keys[who]},
            files={"file": (name, data, "application/pdf")},
            **kw,
        )

    def get(self, who: str, path: str, **kw) -> httpx.Response:
        return self.http.get(path, headers={"X-Api-Key": self.keys[who]}, **kw)

    def wait_finished(self, who: str, report_id: str) -> dict:
        deadline = time.monotonic() + FINISH_TIMEOUT_S
        while time.monotonic() < deadline:
            body = self.get(who, f"/v1/reports/{report_id}").json()
            if body["status"] in ("done", "error"):
                return body
            time.sleep(0.2)
        raise AssertionError(f"{report_id} not finished: {self.local.log_tail()}")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    workdir = tmp_path_factory.mktemp("service")
    hook = WebhookReceiver()
    local = LocalService(
        workdir,
        workers=1,
        extra_args=(
            "--max-mb",
            str(MAX_MB),
            "--max-pages",
            str(MAX_PAGES),
            "--upload-burst",
            str(UPLOAD_BURST),
            "--uploads-per-minute",
            "6",
            "--webhook-backoff",
            "0.5",
        ),
    )
    # In process: the code `members add` runs (tested in test_service_parts), without the
    # command's start-up time.
    keys = {name: local.add_member(name) for name in ("alice", "bob", "carol", "dave", "erin")}
    with local.session() as (session, _secret):
        revoke(session, "carol")
        secret = set_webhook(session, "erin", hook.url)
    local.start()
    svc = Service(local, keys, hook)
    svc.webhook_secret = secret
    try:
        yield svc
    finally:
        svc.http.close()
        local.stop()
        hook.close()


@pytest.fixture(scope="module")
def alice_report(service: Service) -> dict:
    response = service.upload("alice", GOOD.read_bytes(), GOOD.name)
    assert response.status_code == 202, response.text
    return service.wait_finished("alice", response.json()["id"])


def concatenated(*paths: Path) -> bytes:
    """One PDF made of the pages of `paths`, with pypdfium2's import_pages."""
    out = pdfium.PdfDocument.new()
    for path in paths:
        out.import_pages(pdfium.PdfDocument(path))
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def endpoints(report_id: str) -> list[tuple[str, str]]:
    return [
        ("GET", "/v1/reports"),
        ("GET", f"/v1/reports/{report_id}"),
        ("GET", f"/v1/reports/{report_id}/findings.csv"),
        ("DELETE", f"/v1/reports/{report_id}"),
        ("POST", "/v1/reports"),
    ]


# --- health and documentation ---------------------------------------------------------------


def test_healthz_and_openapi_need_no_key(service: Service) -> None:
    assert service.http.get("/healthz").json() == {
        "status": "ok",
        "database": "ok",
        "version": service.http.get("/healthz").json()["version"],
    }
    spec = service.http.get("/openapi.json").json()
    assert {
        "/v1/reports",
        "/v1/reports/{report_id}",
        "/v1/reports/{report_id}/findings.csv",
    } <= set(spec["paths"])
    schemes = spec["components"]["securitySchemes"]
    assert any(s.get("name") == "X-Api-Key" for s in schemes.values())
    upload = spec["paths"]["/v1/reports"]["post"]
    assert "multipart/form-data" in upload["requestBody"]["content"]
    assert "swagger" in service.http.get("/docs").text.lower()


# --- keys -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "code"),
    [(None, "S001"), ("", "S001"), ("aek_not-a-real-key", "S002"), ("revoked", "S002")],
)
def test_every_v1_endpoint_refuses_missing_bad_and_revoked_keys(
    service: Service, alice_report: dict, key: str | None, code: str
) -> None:
    if key == "revoked":
        key = service.keys["carol"]
    headers = {} if key is None else {"X-Api-Key": key}
    for method, path in endpoints(alice_report["id"]):
        kwargs = {"files": {"file": ("x.pdf", GOOD.read_bytes())}} if method == "POST" else {}
        response = service.http.request(method, path, headers=headers, **kwargs)
        assert response.status_code == 401, (method, path, response.text)
        assert response.json()["error"]["code"] == code
    # Nothing was deleted by the refused DELETE.
    assert service.get("alice", f"/v1/reports/{alice_report['id']}").status_code == 200


def test_a_revoked_key_stops_working_at_once(service: Service) -> None:
    with service.local.session() as (session, secret):
        key = issue_key(session, secret, "dave")
    headers = {"X-Api-Key": key}
    assert service.http.get("/v1/reports", headers=headers).status_code == 200
    with service.local.session() as (session, _secret):
        revoke(session, "dave", key[:12])
    assert service.http.get("/v1/reports", headers=headers).status_code == 401
    assert service.get("dave", "/v1/reports").status_code == 200, "dave's other key still works"


# --- the happy path -------------------------------------------------------------------------


def test_upload_is_extracted_into_a_valid_record(service: Service, alice_report: dict) -> None:
    assert alice_report["status"] == "done"
    record = AuditRecord.model_validate(alice_report["record"])
    assert record.report_id == hashlib.sha256(GOOD.read_bytes()).hexdigest()
    assert record.source.filename == GOOD.name
    assert len(record.findings) == alice_report["finding_count"] > 0
    assert alice_report["page_count"] == record.source.page_count == 2
    assert alice_report["created_at"] <= alice_report["started_at"] <= alice_report["finished_at"]
    assert alice_report["review"]["status"] in ("not_needed", "needs_review")
    assert alice_report["review"]["reviewed_at"] is None
    lowest = min(f.confidence for f in record.findings)
    assert (alice_report["review"]["status"] == "needs_review") == (lowest < 0.6)
    assert alice_report["status_url"].endswith(f"/v1/reports/{alice_report['id']}")


def test_findings_csv_has_one_row_per_finding(service: Service, alice_report: dict) -> None:
    response = service.get("alice", f"/v1/reports/{alice_report['id']}/findings.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    findings = alice_report["record"]["findings"]
    assert [r["finding_id"] for r in rows] == [f["finding_id"] for f in findings]
    assert rows[0]["ilo_codes"] == ";".join(i["code"] for i in findings[0]["ilo_indicators"])


def test_same_bytes_from_the_same_member_return_the_same_report(
    service: Service, alice_report: dict
) -> None:
    again = service.upload("alice", GOOD.read_bytes(), "renamed.pdf")
    assert again.status_code == 200
    assert again.json()["id"] == alice_report["id"]
    assert again.json()["duplicate"] is True
    listed = service.get("alice", "/v1/reports", params={"limit": 200}).json()["items"]
    assert [r["id"] for r in listed].count(alice_report["id"]) == 1


def test_ids_are_long_random_tokens(service: Service, alice_report: dict) -> None:
    report_id = alice_report["id"]
    assert report_id.startswith("rep_") and len(report_id) >= 24
    assert not report_id[4:].isdigit()


# --- isolation ------------------------------------------------------------------------------


def test_other_members_cannot_see_count_or_touch_a_report(
    service: Service, alice_report: dict
) -> None:
    theirs = alice_report["id"]
    missing = "rep_" + "A" * 24
    for method, path in endpoints(theirs)[1:4]:
        for report_id in (theirs, missing):
            path_for = path.replace(theirs, report_id)
            response = service.http.request(
                method, path_for, headers={"X-Api-Key": service.keys["bob"]}
            )
            assert response.status_code == 404, (method, path_for)
            body = response.json()["error"]
            assert body["code"] == "S003"
            assert body["message"] == f"No report with id {report_id} was found for this key."
    bob_list = service.get("bob", "/v1/reports").json()
    assert theirs not in {r["id"] for r in bob_list["items"]}
    assert service.get("alice", f"/v1/reports/{theirs}").json()["status"] == "done"


def test_the_same_bytes_from_another_member_are_a_separate_report(
    service: Service, alice_report: dict
) -> None:
    response = service.upload("bob", GOOD.read_bytes(), GOOD.name)
    assert response.status_code == 202, "no hint that someone else uploaded it"
    assert response.json()["id"] != alice_report["id"]
    assert response.json()["duplicate"] is False
    bob_report = service.wait_finished("bob", response.json()["id"])
    assert bob_report["record"]["report_id"] == alice_report["record"]["report_id"]
    # Deleting bob's copy leaves alice's (and its PDF) alone.
    assert (
        service.http.delete(
            f"/v1/reports/{bob_report['id']}", headers={"X-Api-Key": service.keys["bob"]}
        ).status_code
        == 204
    )
    assert service.get("alice", f"/v1/reports/{alice_report['id']}").status_code == 200
    assert (service.local.workdir / "service_data/files/reports" / alice_report["id"]).is_dir()


# --- bad input at the door ------------------------------------------------------------------


def stored_report_count(service: Service) -> int:
    return len(list((service.local.workdir / "service_data/files/reports").iterdir()))


def temp_uploads(service: Service) -> list[Path]:
    return list((service.local.workdir / "service_data/files/tmp").iterdir())


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("report.pdf", GOOD.read_bytes())
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "status", "code"),
    [
        ("not_pdf.pdf", (PDFS / "not_pdf.pdf").read_bytes(), 415, "E002"),
        ("empty.pdf", b"", 400, "E011"),
        ("reports.zip", zip_bytes(), 415, "E015"),
        ("html.pdf", b"<!doctype html><html><body>login</body></html>", 415, "E002"),
        ("big.pdf", b"%PDF-1.7\n" + b"0" * (MAX_MB * 1024 * 1024 + 10), 413, "E008"),
    ],
)
def test_bad_files_are_refused_at_upload_and_nothing_is_stored(
    service: Service, name: str, data: bytes, status: int, code: str
) -> None:
    before = stored_report_count(service)
    response = service.upload("alice", data, name)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code and error["reason"] and error["message"]
    assert stored_report_count(service) == before
    assert temp_uploads(service) == []


def test_an_oversized_upload_without_content_length_is_cut_off_while_streaming(
    service: Service,
) -> None:
    sent = 0

    def body():  # noqa: ANN202 - a chunked request body of 4 MB
        nonlocal sent
        yield b"--b\r\nContent-Disposition: form-data; name=file; filename=a.pdf\r\n\r\n%PDF-1.7\n"
        for _ in range(64):
            sent += 65536
            yield b"0" * 65536
        yield b"\r\n--b--\r\n"

    response = service.http.post(
        "/v1/reports",
        headers={
            "X-Api-Key": service.keys["alice"],
            "Content-Type": "multipart/form-data; boundary=b",
        },
        content=body(),
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "E008"
    assert temp_uploads(service) == []


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"files": {"document": ("a.pdf", b"%PDF-1.4 x")}}, "S005"),
        ({"content": b"%PDF-1.4", "headers": {"Content-Type": "application/pdf"}}, "S006"),
        ({"data": {"file": "not a file"}}, "S006"),
    ],
)
def test_requests_without_a_file_are_refused(service: Service, kwargs: dict, code: str) -> None:
    headers = {"X-Api-Key": service.keys["alice"], **kwargs.pop("headers", {})}
    response = service.http.post("/v1/reports", headers=headers, **kwargs)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] == code


def test_upload_rate_limit_answers_429_with_retry_after(service: Service) -> None:
    statuses = []
    for _ in range(UPLOAD_BURST + 3):
        response = service.upload("dave", b"not a pdf at all", "x.pdf")
        statuses.append(response.status_code)
        if response.status_code == 429:
            break
    assert statuses[-1] == 429, statuses
    assert set(statuses[:-1]) == {415}
    assert int(response.headers["Retry-After"]) >= 1
    assert response.json()["error"]["code"] == "S004"
    # Another member's budget is untouched.
    assert service.upload("bob", b"not a pdf", "x.pdf").status_code == 415


# --- bad input found by the worker ----------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "code"),
    [
        ("corrupt.pdf", "E003"),
        ("encrypted.pdf", "E004"),
        ("truncated.pdf", "E003"),
        ("zero_pages.pdf", "E005"),
    ],
)
def test_unreadable_pdfs_finish_as_error_records(service: Service, fixture: str, code: str) -> None:
    response = service.upload("alice", (PDFS / fixture).read_bytes(), fixture)
    assert response.status_code == 202
    report = service.wait_finished("alice", response.json()["id"])
    assert report["status"] == "error"
    assert report["error_code"] == code
    record = ErrorRecord.model_validate(report["record"])
    assert record.error.code == code and record.filename == fixture
    assert report["review"]["status"] is None
    csv_response = service.get("alice", f"/v1/reports/{report['id']}/findings.csv")
    assert csv_response.status_code == 409
    assert csv_response.json()["error"]["code"] == "S008"


def test_a_report_with_too_many_pages_finishes_as_e007(service: Service) -> None:
    data = concatenated(GOOD, OTHER_GOOD)  # 4 pages, over the limit of 3
    response = service.upload("alice", data, "long.pdf")
    assert response.status_code == 202
    report = service.wait_finished("alice", response.json()["id"])
    assert (report["status"], report["error_code"]) == ("error", "E007")


def test_a_scanned_report_is_read_by_ocr_or_refused_with_e006(service: Service) -> None:
    response = service.upload("alice", (PDFS / "image_only.pdf").read_bytes(), "scan.pdf")
    report = service.wait_finished("alice", response.json()["id"])
    if ocr_available():
        assert report["status"] == "done"
        assert report["record"]["source"]["ocr_pages"] == [1]
    else:
        assert report["error_code"] == "E006"


# --- listing, deleting ----------------------------------------------------------------------


def test_listing_pages_through_own_reports_and_filters(service: Service) -> None:
    ids = []
    for n in range(3):
        data = GOOD.read_bytes() + f"\n%{n} distinct trailer\n".encode()
        ids.append(service.upload("erin", data, f"r{n}.pdf").json()["id"])
    for report_id in ids:
        service.wait_finished("erin", report_id)
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = service.get("erin", "/v1/reports", params=params).json()
        seen += [r["id"] for r in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == list(reversed(ids)), "newest first, each once"
    done = service.get("erin", "/v1/reports", params={"status": "done"}).json()["items"]
    assert {r["id"] for r in done} == set(ids)
    assert service.get("erin", "/v1/reports", params={"status": "queued"}).json()["items"] == []
    future = service.get("erin", "/v1/reports", params={"created_after": "2999-01-01T00:00:00Z"})
    assert future.json()["items"] == []
    past = service.get("erin", "/v1/reports", params={"created_before": "2000-01-01"})
    assert past.json()["items"] == []


def test_listing_rejects_bad_parameters_with_json_errors(service: Service) -> None:
    for params, status in (
        ({"status": "finished"}, 422),
        ({"limit": 0}, 422),
        ({"cursor": "not-a-cursor"}, 400),
        ({"created_after": "yesterday"}, 422),
    ):
        response = service.get("alice", "/v1/reports", params=params)
        assert response.status_code == status, params
        assert response.json()["error"]["code"] == "S009"


def test_delete_removes_the_report_its_record_and_its_pdf(service: Service) -> None:
    data = OTHER_GOOD.read_bytes()
    report_id = service.upload("alice", data, OTHER_GOOD.name).json()["id"]
    service.wait_finished("alice", report_id)
    folder = service.local.workdir / "service_data/files/reports" / report_id
    assert folder.is_dir()
    deleted = service.http.delete(
        f"/v1/reports/{report_id}", headers={"X-Api-Key": service.keys["alice"]}
    )
    assert deleted.status_code == 204
    assert service.get("alice", f"/v1/reports/{report_id}").status_code == 404
    assert not folder.exists()
    # Uploading the same bytes again is a new report.
    again = service.upload("alice", data, OTHER_GOOD.name)
    assert again.status_code == 202 and again.json()["id"] != report_id


def test_file_names_in_any_script_survive_into_the_record_and_the_csv(service: Service) -> None:
    name = "\u5de5\u5382\u5ba1\u6838 2024.pdf"
    data = OTHER_GOOD.read_bytes() + b"\n%unicode name\n"
    report_id = service.upload("bob", data, name).json()["id"]
    report = service.wait_finished("bob", report_id)
    assert report["filename"] == report["record"]["source"]["filename"] == name
    response = service.get("bob", f"/v1/reports/{report_id}/findings.csv")
    assert response.status_code == 200
    disposition = response.headers["content-disposition"]
    assert "filename*=UTF-8''%E5%B7%A5%E5%8E%82" in disposition


# --- webhook --------------------------------------------------------------------------------


def test_webhook_is_signed_and_retried_after_a_failure(service: Service) -> None:
    data = GOOD.read_bytes() + b"\n%webhook\n"
    report_id = service.upload("erin", data, "hooked.pdf").json()["id"]
    service.wait_finished("erin", report_id)
    erin_ids = {r["id"] for r in service.get("erin", "/v1/reports").json()["items"]}

    def delivered() -> dict[str, list[int]]:
        answers: dict[str, list[int]] = {}
        for _headers, body, status in list(service.hook.requests):
            answers.setdefault(json.loads(body)["report_id"], []).append(status)
        return answers

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        answers = delivered()
        if set(answers) == erin_ids and all(204 in a for a in answers.values()):
            break
        time.sleep(0.2)
    assert set(answers) == erin_ids, "one notification per finished report of erin, none other"
    failed = [rid for rid, a in answers.items() if 500 in a]
    assert len(failed) == 1, "the receiver failed exactly one delivery"
    assert answers[failed[0]] == [500, 204], "which was retried"
    assert all(a == [204] for rid, a in answers.items() if rid != failed[0])
    for headers, body, _status in service.hook.requests:
        timestamp = headers["X-Signature-Timestamp"]
        mac = hmac.new(service.webhook_secret.encode(), timestamp.encode() + b"." + body, "sha256")
        assert hmac.compare_digest(headers["X-Signature"], "sha256=" + mac.hexdigest())
        payload = json.loads(body)
        assert payload["event"] == "report.finished" and payload["status"] == "done"
