"""Model versions: every trained model set kept under `models/versions/<id>/`, one of them current.

`models/` itself holds the current set (what `Extractor.load()` reads, unchanged), and
`models/registry.json` lists every version: when it was trained, from which corpus, its gate
result, and whether it is a candidate, promoted (current or earlier), or rejected. Promoting
copies a version's files into `models/` one artefact at a time, each by an atomic rename.
Each version's models carry its id in their own names (`audit_ner-1.0.0+<id>`,
`ilo-classifier-1.0.0+<id>`, `block-labeller-...+<id>`), so every record's `extractor` block
names the exact models that produced it. The registry and the version folders are local state,
not committed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import json
import os
import shutil
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from extractor.pipeline import CLASSIFIER_FILENAME, LABELLER_FILENAME, NER_DIRNAME

REGISTRY_FILE = "registry.json"
VERSIONS_DIR = "versions"
# Files that describe a model set but are not models; copied along on promotion.
TRAINING_REPORT = "training_report.json"
MODEL_CARD = "README.md"
# Everything in models/ that is not a model set's artefact.
NOT_ARTEFACTS = frozenset({REGISTRY_FILE, VERSIONS_DIR})

Status = Literal["candidate", "promoted", "rejected"]
MODEL_FIELDS = ("ner_model", "classifier_model", "reader_model")


class RegistryError(ValueError):
    """A registry operation that cannot be done; the message says why."""


class ModelVersion(BaseModel):
    id: str
    created_at: dt.datetime
    status: Status = "candidate"
    corpus_sha256: str | None = None
    seed: int | None = None
    ner_model: str | None = None
    classifier_model: str | None = None
    reader_model: str | None = None
    gate: dict | None = Field(default=None, description="The gate's result (gate.GateResult).")
    promoted_at: dt.datetime | None = None
    note: str | None = None


class Registry(BaseModel):
    current: str | None = None
    versions: list[ModelVersion] = Field(default_factory=list)

    def get(self, version_id: str) -> ModelVersion:
        for version in self.versions:
            if version.id == version_id:
                return version
        known = ", ".join(v.id for v in self.versions) or "none"
        raise RegistryError(f"no model version {version_id!r} (known: {known})")


def load_registry(models_dir: Path) -> Registry:
    path = models_dir / REGISTRY_FILE
    if not path.exists():
        return Registry()
    return Registry.model_validate_json(path.read_text(encoding="utf-8"))


def save_registry(models_dir: Path, registry: Registry) -> None:
    path = models_dir / REGISTRY_FILE
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(registry.model_dump_json(indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def version_dir(models_dir: Path, version_id: str) -> Path:
    return models_dir / VERSIONS_DIR / version_id


def new_version_id(corpus_sha256: str | None, now: dt.datetime | None = None) -> str:
    """A sortable id: UTC time of training and the start of the corpus fingerprint."""
    now = now or dt.datetime.now(dt.timezone.utc)
    return f"{now:%Y%m%dT%H%M%S}-{(corpus_sha256 or 'nocorpus')[:8]}"


def artefacts(folder: Path) -> list[Path]:
    """The files and folders of a model set in `folder`."""
    return sorted(
        p for p in folder.iterdir() if p.name not in NOT_ARTEFACTS and not p.name.startswith(".")
    )


# Model files whose class carries a `version` and a `name`: (version field, file name, module,
# class).
VERSIONED_MODELS = (
    ("classifier_model", CLASSIFIER_FILENAME, "extractor.indicators.classifier", "IloClassifier"),
    ("reader_model", LABELLER_FILENAME, "extractor.findings.labeller", "BlockLabeller"),
)


def _model_class(module_name: str, class_name: str) -> Any:
    try:
        return getattr(importlib.import_module(module_name), class_name)
    except (ModuleNotFoundError, AttributeError):
        return None


def stamp_version(folder: Path, version_id: str) -> dict[str, str | None]:
    """Put `version_id` into the names of the models in `folder`; return the names."""
    names: dict[str, str | None] = {field: None for field in MODEL_FIELDS}
    meta_path = folder / NER_DIRNAME / "meta.json"
    if meta_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["version"] = f"{str(meta.get('version', '0')).split('+')[0]}+{version_id}"
        meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        names["ner_model"] = f"{meta.get('name', 'ner')}-{meta['version']}"
    for field, filename, module_name, class_name in VERSIONED_MODELS:
        path = folder / filename
        model_class = _model_class(module_name, class_name)
        if not path.exists() or model_class is None:
            continue
        model = model_class.load(path)
        model.version = f"{str(model.version).split('+')[0]}+{version_id}"
        model.save(path)
        names[field] = model.name
    return names


def register_candidate(
    models_dir: Path, version_id: str, *, seed: int | None = None
) -> ModelVersion:
    """Record the model set trained into `versions/<version_id>/` as a candidate."""
    folder = version_dir(models_dir, version_id)
    names = stamp_version(folder, version_id)
    report_path = folder / TRAINING_REPORT
    report = json.loads(report_path.read_text()) if report_path.exists() else {}
    version = ModelVersion.model_validate(
        {
            "id": version_id,
            "created_at": dt.datetime.now(dt.timezone.utc),
            "corpus_sha256": report.get("corpus_sha256"),
            "seed": seed if seed is not None else report.get("seed"),
            **names,
        }
    )
    registry = load_registry(models_dir)
    registry.versions = [v for v in registry.versions if v.id != version_id] + [version]
    save_registry(models_dir, registry)
    return version


def ensure_current_registered(models_dir: Path) -> ModelVersion | None:
    """Make sure the models in `models/` are a registered version, and return it.

    The shipped models were trained by `make train` before any registry existed, and `make
    train` may replace them again; keeping them as a version means a bad promotion can always
    be rolled back to them.
    """
    registry = load_registry(models_dir)
    present = artefacts(models_dir)
    if not any(p.name in (NER_DIRNAME, CLASSIFIER_FILENAME) for p in present):
        return None
    digest = folder_digest(models_dir)
    if registry.current is not None:
        current_dir = version_dir(models_dir, registry.current)
        if current_dir.is_dir() and folder_digest(current_dir) == digest:
            return registry.get(registry.current)
    # No registry yet, or models/ was retrained by hand (`make train`) since the last promotion.
    prefix = "initial" if registry.current is None else "manual"
    version_id = f"{prefix}-{digest[:8]}"
    target = version_dir(models_dir, version_id)
    if not target.exists():
        _copy_set(models_dir, target)
    report_path = models_dir / TRAINING_REPORT
    report = json.loads(report_path.read_text()) if report_path.exists() else {}
    now = dt.datetime.now(dt.timezone.utc)
    version = ModelVersion.model_validate(
        {
            "id": version_id,
            "created_at": now,
            "status": "promoted",
            "corpus_sha256": report.get("corpus_sha256"),
            "seed": report.get("seed"),
            "note": "the models found in models/ (trained outside the registry)",
            "promoted_at": now,
            **_names_of(models_dir),
        }
    )
    registry.current = version_id
    registry.versions = [v for v in registry.versions if v.id != version_id] + [version]
    save_registry(models_dir, registry)
    return version


def promote(models_dir: Path, version_id: str, *, allow_rejected: bool = False) -> ModelVersion:
    """Make version `version_id` the current model set (copy its files into `models/`)."""
    registry = load_registry(models_dir)
    version = registry.get(version_id)
    if version.status == "rejected" and not allow_rejected:
        raise RegistryError(
            f"version {version_id} was rejected by the gate; pass --force to promote it anyway"
        )
    source = version_dir(models_dir, version_id)
    if not source.is_dir():
        raise RegistryError(f"the files of version {version_id} are gone ({source})")
    for item in artefacts(source):
        _replace(item, models_dir / item.name)
    now = dt.datetime.now(dt.timezone.utc)
    version.status = "promoted"
    version.promoted_at = now
    registry.current = version_id
    save_registry(models_dir, registry)
    return version


def record_gate(models_dir: Path, version_id: str, gate: dict, *, passed: bool) -> ModelVersion:
    registry = load_registry(models_dir)
    version = registry.get(version_id)
    version.gate = gate
    if not passed:
        version.status = "rejected"
    save_registry(models_dir, registry)
    return version


def folder_digest(folder: Path) -> str:
    """sha256 over a model set's files (names and bytes), to tell sets apart."""
    digest = hashlib.sha256()
    for item in artefacts(folder):
        paths = sorted(item.rglob("*")) if item.is_dir() else [item]
        for path in paths:
            if path.is_file():
                digest.update(str(path.relative_to(folder)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _names_of(folder: Path) -> dict[str, str | None]:
    names: dict[str, str | None] = {field: None for field in MODEL_FIELDS}
    meta_path = folder / NER_DIRNAME / "meta.json"
    if meta_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        names["ner_model"] = f"{meta.get('name', 'ner')}-{meta.get('version', '0')}"
    for field, filename, module_name, class_name in VERSIONED_MODELS:
        model_class = _model_class(module_name, class_name)
        if (folder / filename).exists() and model_class is not None:
            names[field] = model_class.load(folder / filename).name
    return names


def _copy_set(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for item in artefacts(source):
        if item.is_dir():
            shutil.copytree(item, target / item.name, dirs_exist_ok=True)
        else:
            shutil.copy2(item, target / item.name)


def _replace(source: Path, target: Path) -> None:
    """Copy `source` beside `target`, then swap it in with renames (never half-written)."""
    incoming = target.with_name(f".{target.name}.incoming")
    outgoing = target.with_name(f".{target.name}.outgoing")
    for leftover in (incoming, outgoing):
        if leftover.is_dir():
            shutil.rmtree(leftover)
        elif leftover.exists():
            leftover.unlink()
    if source.is_dir():
        shutil.copytree(source, incoming)
    else:
        shutil.copy2(source, incoming)
    if target.is_dir():
        os.replace(target, outgoing)
        os.replace(incoming, target)
        shutil.rmtree(outgoing)
    else:
        os.replace(incoming, target)
