"""Model files as numeric arrays plus a JSON header, in a numpy `.npz` zip; never pickle.

`np.load(..., allow_pickle=False)` refuses any object array, so a model file can hold numbers
and text only; `read_model` also refuses a file of another kind, format version or field set.
Text (vocabularies) is stored as UTF-8 bytes in a uint8 array: compact, and read back without
numpy's fixed-width string arrays.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

HEADER = "__header__"


class UntrustedModelError(ValueError):
    """A model file is not one this project writes, or not the kind asked for; it is refused."""


def text_array(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def array_text(array: np.ndarray) -> str:
    return np.asarray(array, dtype=np.uint8).tobytes().decode("utf-8")


def write_model(path: Path, header: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
    """Write `arrays` and the JSON-serialisable `header` to `path` (compressed)."""
    if HEADER in arrays:
        raise ValueError(f"{HEADER!r} is reserved")
    for name, array in arrays.items():
        if np.asarray(array).dtype.hasobject:
            raise ValueError(f"{name}: object arrays are never saved")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as handle:
        stored: dict[str, Any] = {HEADER: text_array(json.dumps(header)), **arrays}
        np.savez_compressed(handle, **stored)
    tmp.replace(path)


def read_model(
    path: Path, *, kind: str, version: int, arrays: Iterable[str]
) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The header and arrays of a model file of `kind` and format `version`, holding at least
    `arrays`; anything else is refused with `UntrustedModelError`."""
    try:
        stored = np.load(path, allow_pickle=False)
        if not isinstance(stored, np.lib.npyio.NpzFile):
            raise UntrustedModelError(f"{path} is not a model file of this project (one array)")
        with stored:
            loaded = {name: stored[name] for name in stored.files}
    except UntrustedModelError:
        raise
    except ValueError as exc:  # numpy refuses object (pickled) arrays without allow_pickle
        raise UntrustedModelError(
            f"{path} holds pickled objects, which this project never saves; refusing to load "
            "it. Retrain with `audit-extractor train`."
        ) from exc
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise UntrustedModelError(f"{path} is not a model file of this project ({exc})") from exc
    try:
        header = json.loads(array_text(loaded.pop(HEADER)))
    except (KeyError, UnicodeDecodeError, json.JSONDecodeError):
        header = None
    if not isinstance(header, dict):
        raise UntrustedModelError(f"{path} is not a model file of this project (no header)")
    if header.get("kind") != kind or header.get("format_version") != version:
        raise UntrustedModelError(
            f"{path} is {header.get('kind')!r} format {header.get('format_version')!r}, "
            f"expected {kind!r} format {version}; retrain with `audit-extractor train`."
        )
    missing = sorted(set(arrays) - set(loaded))
    if missing:
        raise UntrustedModelError(
            f"{path} is not a {kind} saved by this project (fields missing: "
            f"{', '.join(missing)}); retrain with `audit-extractor train`."
        )
    return header, loaded
