"""Run every stage on one report: PDF -> Document -> findings -> entities + indicators -> record.

Models are loaded once per `Extractor`, so a long-lived process (a Ray actor, a web worker)
pays their start-up cost once. This module orchestrates; it holds no parsing or model logic.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from pathlib import Path

from extractor import __version__
from extractor.audit.formats import detect_format
from extractor.audit.metadata import extract_audit_info
from extractor.findings import extract_findings
from extractor.findings.model import RawFinding
from extractor.indicators.classifier_input import ClassifierInput
from extractor.indicators.keyword_rules import KeywordMapper
from extractor.reading.document import Document
from extractor.reading.pdf import read_pdf
from extractor.record.errors import (
    E010,
    W_CLASSIFIER_MISSING,
    W_NER_MISSING,
    W_NO_FINDINGS,
    W_READER_MISSING,
    ReportError,
)
from extractor.record.schema import (
    AuditRecord,
    Entity,
    ErrorInfo,
    ErrorRecord,
    ExtractorInfo,
    Finding,
    IloIndicator,
    Source,
    Standard,
    finding_id,
    finding_text,
)

log = logging.getLogger(__name__)

DEFAULT_MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
NER_DIRNAME = "ner"
CLASSIFIER_FILENAME = "ilo_classifier.npz"
LABELLER_FILENAME = "block_labeller.npz"

# Good practices describe what a site does well; mapping them to violations would be wrong.
KINDS_WITH_INDICATORS = frozenset({"non_compliance", "observation"})


class Extractor:
    """Turn audit report PDFs into `AuditRecord`s with a fixed set of loaded models."""

    def __init__(
        self,
        *,
        nlp: object | None = None,
        classifier: object | None = None,
        labeller: object | None = None,
        ocr: bool = True,
        ocr_workers: int | None = None,
        max_pages: int | None = None,
        max_bytes: int | None = None,
    ) -> None:
        self.nlp = nlp
        self.classifier = classifier
        self.labeller = labeller
        self.keyword_mapper = KeywordMapper()
        self.ocr = ocr
        self.ocr_workers = ocr_workers  # pages of one report OCR'd at once (None: see read_pdf)
        self.max_pages = max_pages
        self.max_bytes = max_bytes

    @classmethod
    def load(
        cls,
        models_dir: Path = DEFAULT_MODELS_DIR,
        *,
        ocr: bool = True,
        ocr_workers: int | None = None,
        max_pages: int | None = None,
        max_bytes: int | None = None,
    ) -> Extractor:
        """Load the NER pipeline, classifier and block labeller from `models_dir`; a missing
        model is tolerated (and reported as a warning on every record)."""
        # Imported only when a model is present: spaCy is slow to import. The classifier and
        # the block labeller run on numpy arrays (`extractor.inference`), never scikit-learn.
        nlp = classifier = labeller = None
        ner_path = models_dir / NER_DIRNAME
        if ner_path.exists():
            from extractor.indicators.ner import load_ner

            nlp = load_ner(ner_path)
        clf_path = models_dir / CLASSIFIER_FILENAME
        if clf_path.exists():
            from extractor.indicators.classifier import IloClassifier

            classifier = IloClassifier.load(clf_path)
        labeller_path = models_dir / LABELLER_FILENAME
        if labeller_path.exists():
            from extractor.findings.labeller import BlockLabeller

            labeller = BlockLabeller.load(labeller_path)
        return cls(
            nlp=nlp,
            classifier=classifier,
            labeller=labeller,
            ocr=ocr,
            ocr_workers=ocr_workers,
            max_pages=max_pages,
            max_bytes=max_bytes,
        )

    @property
    def info(self) -> ExtractorInfo:
        ner_name = None
        if self.nlp is not None:
            meta = self.nlp.meta  # type: ignore[attr-defined]
            ner_name = f"{meta.get('name', 'ner')}-{meta.get('version', '0')}"
        clf_name = self.classifier.name if self.classifier is not None else None  # type: ignore[attr-defined]
        reader_name = self.labeller.name if self.labeller is not None else None  # type: ignore[attr-defined]
        return ExtractorInfo(
            version=__version__,
            ner_model=ner_name,
            classifier_model=clf_name,
            reader_model=reader_name,
        )

    def extract(self, path: Path) -> AuditRecord:
        """Extract one report; raise `ReportError` when the file cannot be read as an audit PDF."""
        doc = read_pdf(
            path,
            ocr=self.ocr,
            ocr_workers=self.ocr_workers,
            max_pages=self.max_pages,
            max_bytes=self.max_bytes,
        )
        standard, version = detect_format(doc)
        audit = extract_audit_info(doc, standard, version)
        warnings = list(doc.warnings)
        raw_findings = self._findings(doc, standard, warnings)

        texts = [finding_text(raw.description, raw.evidence) for raw in raw_findings]
        entities = self._entities(texts, warnings)
        indicators = self._indicators(raw_findings, texts, standard, warnings)

        findings = [
            Finding(
                finding_id=finding_id(doc.sha256, ordinal),
                **raw.model_dump(),
                ilo_indicators=indicators[ordinal - 1],
                entities=entities[ordinal - 1],
            )
            for ordinal, raw in enumerate(raw_findings, start=1)
        ]
        return AuditRecord(
            report_id=doc.sha256,
            source=Source(
                filename=path.name,
                sha256=doc.sha256,
                page_count=doc.page_count,
                ocr_pages=doc.ocr_pages,
            ),
            audit=audit,
            findings=findings,
            warnings=warnings,
            extractor=self.info,
        )

    def extract_or_error(self, path: Path) -> AuditRecord | ErrorRecord:
        """Extract one report, turning any failure into an `ErrorRecord` instead of raising."""
        try:
            return self.extract(path)
        except ReportError as err:
            return self.error_record(path, err)
        except Exception as exc:  # noqa: BLE001 - one bad file must never stop a run
            log.exception("internal error on %s", path)
            internal = ReportError(
                E010, name=path.name, detail=f"{type(exc).__name__}: {exc}"[:300]
            )
            return self.error_record(path, internal)

    def error_record(self, path: Path, err: ReportError) -> ErrorRecord:
        """Describe a failed report, with its sha256 when the bytes could be read."""
        return ErrorRecord(
            report_id=file_sha256(path),
            filename=path.name,
            error=ErrorInfo(code=err.code, reason=err.reason, message=str(err)),
            extractor=self.info,
        )

    def _findings(self, doc: Document, standard: Standard, warnings: list[str]) -> list[RawFinding]:
        if self.labeller is None:
            warnings.append(W_READER_MISSING)
            return []
        findings = extract_findings(doc, standard, self.labeller)  # type: ignore[arg-type]
        if not findings:
            warnings.append(W_NO_FINDINGS)
        return findings

    def _entities(self, texts: list[str], warnings: list[str]) -> list[list[Entity]]:
        if self.nlp is None:
            if texts:
                warnings.append(W_NER_MISSING)
            return [[] for _ in texts]
        from extractor.indicators.ner import find_entities

        return find_entities(self.nlp, texts)  # type: ignore[arg-type]  # loaded by load_ner

    def _indicators(
        self,
        raw_findings: list[RawFinding],
        texts: list[str],
        standard: Standard,
        warnings: list[str],
    ) -> list[list[IloIndicator]]:
        items = [
            ClassifierInput(
                text=text, clause=raw.clause, topic=raw.topic, standard=standard, kind=raw.kind
            )
            for raw, text in zip(raw_findings, texts, strict=True)
        ]
        mapper = self.classifier
        if mapper is None:
            if items:
                warnings.append(W_CLASSIFIER_MISSING)
            mapper = self.keyword_mapper
        predicted = mapper.predict(items) if items else []  # type: ignore[attr-defined]
        return [
            labels if raw.kind in KINDS_WITH_INDICATORS else []
            for raw, labels in zip(raw_findings, predicted, strict=True)
        ]


def file_sha256(path: Path) -> str | None:
    """Return the sha256 hex digest of a file, or None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        # Non-blocking and checked once open: a named pipe must not hang an error report.
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()
