"""The review app in a real browser (Debian's Chromium driven by Playwright) against a real serve.

A reviewer logs in, opens the queue and a report, fixes an ILO code and marks an entity, deletes
a finding, draws a box over the deleted finding's text to add it back (the text under the box
fills the description), and accepts. Then the stored correction, the record the member is
served and the audit trail are checked. The report view is saved to docs/review.png.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from review_service import REPO, TRAIN, ReviewService, start_review_service

from extractor.record.schema import AuditRecord

CHROMIUM = Path("/usr/bin/chromium")
# Without the networking switches Chromium keeps calling home on a machine with no network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REPORT = TRAIN / "bsci_table-02.pdf"
GOLD = REPORT.with_suffix(".json")
SCREENSHOT = REPO / "docs" / "review.png"
TIMEOUT_MS = 60_000

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's chromium is not installed (make system-deps installs it as root)",
)
playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
)
expect = playwright_api.expect


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReviewService]:
    workdir = tmp_path_factory.mktemp("review-browser")
    svc = start_review_service(workdir, {"rita": "reviewer"}, [REPORT])
    try:
        yield svc
    finally:
        svc.close()


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    expect.set_options(timeout=TIMEOUT_MS)
    profile = Path(tempfile.mkdtemp(prefix="review-chromium-"))
    with playwright_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1440, "height": 960},
        )
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        try:
            yield page
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)
        assert not errors, errors


def stored(service: ReviewService, sql: str, *params: object) -> list[tuple]:
    database = service.local.settings().database_url.removeprefix("sqlite:///")
    with sqlite3.connect(database) as connection:
        return connection.execute(sql, params).fetchall()


def select_text(page, needle: str) -> None:  # noqa: ANN001 - Playwright page
    """Select `needle` inside the entity text, as a reviewer dragging over it would."""
    page.evaluate(
        """needle => {
            const node = document.getElementById('entity-text').firstChild;
            const start = node.data.indexOf(needle);
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, start + needle.length);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }""",
        needle,
    )


def ordinal(finding) -> int:  # noqa: ANN001 - a Finding
    return int(finding.finding_id.rsplit("-", 1)[1])


def finding_to_fix(record: AuditRecord, gold: AuditRecord) -> tuple:
    """An extracted finding and its gold twin: one whose ILO codes are wrong if there is one."""
    truth = {" ".join(f.description.split()): f for f in gold.findings}
    pairs = [
        (f, truth[" ".join(f.description.split())])
        for f in record.findings
        if " ".join(f.description.split()) in truth and f.kind != "good_practice"
    ]
    assert len(pairs) >= 3, "the extractor should read most of this training report"
    wrong = [
        (f, g)
        for f, g in pairs
        if sorted(i.code for i in f.ilo_indicators) != sorted(i.code for i in g.ilo_indicators)
    ]
    return (wrong or pairs)[0]


def is_selected(page, number: int) -> bool:  # noqa: ANN001
    return "selected" in (page.get_attribute(f'[data-testid="finding-{number}"]', "class") or "")


def wait_for_page_images(page) -> None:  # noqa: ANN001
    """Wait until every page image has arrived (they are rendered on first request)."""
    images = page.locator(".page img")
    for _ in range(TIMEOUT_MS // 250):
        if all(images.evaluate_all("imgs => imgs.map(i => i.complete && i.naturalWidth > 0)")):
            return
        page.wait_for_timeout(250)
    raise AssertionError("page images did not load")


def drag_box(page, page_number: int, bbox: tuple[float, ...], size: dict) -> None:  # noqa: ANN001
    """Drag the mouse over `bbox` (PDF points) on a page image."""
    target = page.locator(f'[data-testid="page-{page_number}"]')
    target.scroll_into_view_if_needed()
    rect = target.bounding_box()
    assert rect is not None

    def point(x: float, y: float) -> tuple[float, float]:
        return (
            rect["x"] + x / size["width"] * rect["width"],
            rect["y"] + y / size["height"] * rect["height"],
        )

    page.mouse.move(*point(bbox[0], bbox[1]))
    page.mouse.down()
    page.mouse.move(*point((bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2), steps=5)
    page.mouse.move(*point(bbox[2], bbox[3]), steps=5)
    page.mouse.up()


def test_reviewer_corrects_a_report_in_the_browser_and_it_becomes_a_correction(
    service: ReviewService, browser_page
) -> None:  # noqa: ANN001
    page = browser_page
    report_id = service.reports[REPORT.name]

    # Log in: an anonymous visitor is sent to the login page first.
    page.goto(service.url + "/review/queue")
    assert "/review/login" in page.url
    page.fill("input[name=name]", "rita")
    page.fill("input[name=password]", "correct horse battery staple")
    page.click("button[type=submit]")
    page.wait_for_url("**/review/queue")

    # The queue lists the report; open it.
    page.click(f'[data-testid="queue-report"][href$="{report_id}"]')
    page.wait_for_selector("body[data-ready=true]")
    data = json.loads(page.inner_text("#review-data"))
    record = AuditRecord.model_validate(data["record"])
    assert page.locator(".box").count() == len(record.findings)
    fixed, truth = finding_to_fix(record, AuditRecord.model_validate_json(GOLD.read_text()))
    predicted = [i.code for i in fixed.ilo_indicators]
    wanted = [i.code for i in truth.ilo_indicators]
    removed = record.findings[-2] if record.findings[-2] is not fixed else record.findings[-3]
    marked = " ".join(fixed.description.split()[:2])
    next_ordinal = max(ordinal(f) for f in record.findings) + 1

    # Open the finding by its box, set its ILO codes to the true ones and mark its first two
    # words as an entity.
    page.click(f'[data-testid="box-{ordinal(fixed)}"]')
    page.keyboard.press("e")
    for code in predicted:
        assert page.is_checked(f'[data-testid="ilo-{code}"]')
        if code not in wanted:
            page.uncheck(f'[data-testid="ilo-{code}"]')
    for code in wanted:
        page.check(f'[data-testid="ilo-{code}"]')
    select_text(page, marked)
    page.select_option("#entity-label", "ORG")
    page.click("#add-entity")
    wait_for_page_images(page)
    page.locator("#finding-form").evaluate("form => form.scrollIntoView()")
    page.screenshot(path=str(SCREENSHOT))
    page.click("#save-finding")
    page.wait_for_selector(f"#notice:has-text('Saved finding #{ordinal(fixed)}')")

    # Another finding goes: select it, check j/k move the selection, delete with d ...
    suppliers = removed
    index = record.findings.index(suppliers)
    page.click(f'[data-testid="finding-{ordinal(suppliers)}"]')
    page.keyboard.press("j")
    assert is_selected(page, ordinal(record.findings[index + 1]))
    page.keyboard.press("k")
    assert is_selected(page, ordinal(suppliers))
    page.keyboard.press("d")
    page.wait_for_selector(f"#notice:has-text('Deleted finding #{ordinal(suppliers)}')")
    assert page.locator(f'[data-testid="box-{ordinal(suppliers)}"]').count() == 0

    # ... and comes back as a box drawn over its text: the printed words fill the form.
    x0, top, x1, bottom = suppliers.provenance.bbox
    size = data["pages"][suppliers.provenance.page - 1]
    # A little inside, so the drag starts on the page, not on a neighbour's box.
    drag_box(page, suppliers.provenance.page, (x0 + 2, top + 3, x1 - 2, bottom - 3), size)
    printed = " ".join(suppliers.description.split()[:5])
    expect(page.locator("#finding-form textarea[name=description]")).to_have_value(
        re.compile(re.escape(printed))
    )
    page.select_option("#finding-form select[name=kind]", "observation")
    page.click("#save-finding")
    page.wait_for_selector(f"#notice:has-text('Saved finding #{next_ordinal}')")

    # The help opens with '?'; accept with 'a'.
    page.keyboard.press("?")
    assert page.is_visible("#help")
    page.keyboard.press("Escape")
    page.keyboard.press("a")
    page.wait_for_selector('[data-testid="review-status"]:has-text("accepted")')
    assert "filed as training data" in page.inner_text("#notice")

    # The correction on disk went through the labelling checks and is gold training data.
    (gold_path,) = (service.samples / "corrections").glob("*.json")
    gold = AuditRecord.model_validate_json(gold_path.read_text())
    assert gold.extractor.version == "reviewed-by:rita"
    findings = {ordinal(f): f for f in gold.findings}
    assert ordinal(suppliers) not in findings and next_ordinal in findings
    assert findings[next_ordinal].kind == "observation"
    assert findings[next_ordinal].provenance.page == suppliers.provenance.page
    corrected = findings[ordinal(fixed)]
    assert [i.code for i in corrected.ilo_indicators] == wanted
    (entity,) = [e for e in corrected.entities if e.label == "ORG" and e.text == marked]
    assert corrected.text()[entity.start : entity.end] == marked

    # The member is served the corrected record, marked reviewed; the extractor's stays stored.
    view = service.member_view(report_id)
    assert view["review"]["status"] == "reviewed"
    served = AuditRecord.model_validate(view["record"])
    assert served.findings == gold.findings and served.audit == gold.audit
    assert served.extractor.classifier_model == record.extractor.classifier_model
    sources = stored(
        service,
        "SELECT source, created_by FROM record_versions WHERE report_id = ? ORDER BY id",
        report_id,
    )
    assert sources[0][0] == "extractor" and sources[-1] == ("review", "reviewer:rita")

    # The audit trail has every change with its reviewer, before and after.
    trail = stored(
        service,
        "SELECT c.action, c.target, c.before, c.after, r.name FROM review_changes c "
        "JOIN reviewers r ON r.id = c.reviewer_id WHERE c.report_id = ? ORDER BY c.id",
        report_id,
    )
    assert [(action, name) for action, _t, _b, _a, name in trail] == [
        ("edit_finding", "rita"),
        ("delete_finding", "rita"),
        ("add_finding", "rita"),
        ("accept", "rita"),
    ]
    before, after = json.loads(trail[0][2]), json.loads(trail[0][3])
    assert [i["code"] for i in before["ilo_indicators"]] == predicted
    assert [i["code"] for i in after["ilo_indicators"]] == wanted
    assert trail[1][3] is None
    assert json.loads(trail[1][2])["finding_id"] == suppliers.finding_id

    # The history page shows the trail to reviewers.
    page.goto(f"{service.url}/review/reports/{report_id}/history")
    actions = page.locator('[data-testid="trail"] tbody tr').evaluate_all(
        "rows => rows.map(r => r.dataset.action)"
    )
    assert actions == ["edit_finding", "delete_finding", "add_finding", "accept"]
