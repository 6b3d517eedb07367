"""A real `serve` with reviewer accounts and extracted reports, for the review app's tests.

Not a test module: `test_review_app.py` and `test_review_browser.py` build their services with
it. Members and reviewers are added in process (the code the commands run, without their
start-up time); reports are uploaded through the member API and extracted by a real worker.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import httpx

from pipelines.review.accounts import add_reviewer
from pipelines.review.tables import ROLE_ADMIN, ROLE_REVIEWER
from pipelines.service.local import LocalService

REPO = Path(__file__).resolve().parent.parent
TRAIN = REPO / "labelled_samples" / "train"
TEST = REPO / "labelled_samples" / "test"
PASSWORD = "correct horse battery staple"
FINISH_TIMEOUT_S = 180.0


class ReviewService:
    """The running service, one member's key, and the ids of its uploaded reports by name."""

    def __init__(self, local: LocalService, api_key: str, samples: Path) -> None:
        self.local = local
        self.api_key = api_key
        self.samples = samples
        self.reports: dict[str, str] = {}
        self.api = httpx.Client(base_url=local.url, timeout=60)

    @property
    def url(self) -> str:
        return self.local.url

    def upload(self, pdf: Path) -> str:
        response = self.api.post(
            "/v1/reports",
            headers={"X-Api-Key": self.api_key},
            files={"file": (pdf.name, pdf.read_bytes(), "application/pdf")},
        )
        assert response.status_code == 202, response.text
        self.reports[pdf.name] = response.json()["id"]
        return self.reports[pdf.name]

    def member_view(self, report_id: str) -> dict:
        response = self.api.get(f"/v1/reports/{report_id}", headers={"X-Api-Key": self.api_key})
        assert response.status_code == 200, response.text
        return response.json()

    def wait_all_finished(self) -> None:
        deadline = time.monotonic() + FINISH_TIMEOUT_S
        for report_id in self.reports.values():
            while self.member_view(report_id)["status"] not in ("done", "error"):
                assert time.monotonic() < deadline, self.local.log_tail()
                time.sleep(0.3)

    def login(self, name: str, password: str = PASSWORD) -> httpx.Client:
        """A client logged in as `name` through the login form."""
        client = httpx.Client(base_url=self.url, timeout=60)
        form = client.get("/review/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
        assert token is not None, form.text
        response = client.post(
            "/review/login",
            data={"name": name, "password": password, "csrf_token": token.group(1)},
        )
        assert response.status_code == 303, response.text
        return client

    def close(self) -> None:
        self.api.close()
        self.local.stop()


def start_review_service(
    workdir: Path, reviewers: dict[str, str], uploads: list[Path], *, held_out: list[Path] = ()
) -> ReviewService:
    """Start `serve` in `workdir` with `reviewers` (name -> role) and `uploads` extracted.

    Every record needs review (threshold above 1). `held_out` PDFs (with their gold JSON) are
    copied into the samples folder's test split, which corrections may never join.
    """
    samples = workdir / "samples"
    (samples / "test").mkdir(parents=True)
    for pdf in held_out:
        for suffix in (".pdf", ".json"):
            (samples / "test" / pdf.with_suffix(suffix).name).write_bytes(
                pdf.with_suffix(suffix).read_bytes()
            )
    local = LocalService(
        workdir, workers=1, extra_args=("--review-threshold", "1.01", "--samples", str(samples))
    )
    api_key = local.add_member("acme-sourcing")
    with local.session() as (session, _secret):
        for name, role in reviewers.items():
            add_reviewer(session, name, PASSWORD, role=role)
    local.start()
    service = ReviewService(local, api_key, samples)
    try:
        for pdf in uploads:
            service.upload(pdf)
        service.wait_all_finished()
    except BaseException:
        service.close()
        raise
    return service


__all__ = ["PASSWORD", "ROLE_ADMIN", "ROLE_REVIEWER", "ReviewService", "start_review_service"]
