"""Inference without scikit-learn: each part agrees to the bit with the estimator it came from.

Real data: the finding texts of the committed gold records (`labelled_samples/`), fitted here
with scikit-learn and then predicted both ways. And the shipped models load and extract a real
report in a fresh interpreter that never imports scikit-learn, skops or scipy.stats.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import numpy as np
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from extractor.evaluation.gold import load_gold
from extractor.findings.labeller import BlockLabeller
from extractor.inference import tfidf, trees
from extractor.inference.archive import UntrustedModelError, read_model, write_model
from extractor.inference.linear import LinearModel
from extractor.inference.tfidf import tfidf_from_vectorizer
from extractor.inference.trees import TreeEnsemble, trees_from_estimator
from extractor.record.schema import finding_text

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "labelled_samples"


def _findings(split: str) -> tuple[list[str], list[str]]:
    """Finding texts and kinds of one split's gold records."""
    texts, kinds = [], []
    for doc in load_gold((split,), SAMPLES):
        for finding in doc.record.findings:
            texts.append(finding_text(finding.description, finding.evidence))
            kinds.append(str(finding.kind))
    return texts, kinds


@pytest.fixture(scope="module")
def train() -> tuple[list[str], list[str]]:
    return _findings("train")


@pytest.fixture(scope="module")
def test_texts() -> list[str]:
    texts, _ = _findings("test")
    # Texts no report holds: empty, whitespace runs, accents, one-letter words, upper case.
    return [*texts, "", "   \t\n ", "Café  SALARIÉ\u00a0über  a b", "X", "OVERTIME   72 h/week"]


@pytest.mark.parametrize(
    "params",
    [
        {"ngram_range": (1, 2), "min_df": 2, "sublinear_tf": True},
        {"analyzer": "char_wb", "ngram_range": (3, 5), "min_df": 3, "dtype": np.float32},
        {"analyzer": "char_wb", "ngram_range": (3, 4), "sublinear_tf": True},
        {"token_pattern": r"\S+", "ngram_range": (1, 2), "max_features": 500},
        {"lowercase": False, "ngram_range": (2, 3), "dtype": np.float32, "sublinear_tf": True},
    ],
)
def test_tfidf_rows_equal_scikit_learn(params: dict, train, test_texts) -> None:
    vectorizer = TfidfVectorizer(**params).fit(train[0])
    expected = vectorizer.transform(test_texts)
    got = tfidf_from_vectorizer(vectorizer).transform(test_texts)
    assert got.dtype == expected.dtype and got.shape == expected.shape
    assert np.array_equal(got.indptr, expected.indptr)
    assert np.array_equal(got.indices, expected.indices)
    assert np.array_equal(got.data, expected.data)
    assert got.nnz > 0


def test_char_wb_rows_stay_equal_once_words_are_cached_and_the_cache_is_emptied(
    train, test_texts, monkeypatch: pytest.MonkeyPatch
) -> None:
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4)).fit(train[0])
    expected = vectorizer.transform(test_texts)
    terms = tfidf_from_vectorizer(vectorizer)
    # A cache of 7 words fills and empties many times over the test texts.
    monkeypatch.setattr(tfidf, "WORD_CACHE_SIZE", 7)
    for _ in range(2):  # the second pass reads the words cached by the first
        got = terms.transform(test_texts)
        assert np.array_equal(got.indices, expected.indices)
        assert np.array_equal(got.data, expected.data)


def test_tfidf_settings_it_cannot_reproduce_are_refused(train) -> None:
    vectorizer = TfidfVectorizer(stop_words="english", binary=True).fit(train[0])
    with pytest.raises(ValueError, match="stop_words, binary"):
        tfidf_from_vectorizer(vectorizer)


def test_logistic_probabilities_equal_scikit_learn(train, test_texts) -> None:
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2).fit(train[0])
    rows, test_rows = vectorizer.transform(train[0]), vectorizer.transform(test_texts)
    kinds = np.array(train[1])
    assert len(set(kinds)) >= 3  # a softmax over at least three classes
    for target in (kinds, kinds == "non_compliance"):  # multinomial, then two classes
        model = LogisticRegression(C=4.0, max_iter=400).fit(rows, target)
        ours = LinearModel.from_estimator(model)
        assert np.array_equal(ours.predict_proba(test_rows), model.predict_proba(test_rows))


def _numeric(seed: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows of mixed numeric features, some missing, and a 4-class target that depends on them."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 8))
    x[:, 3] = rng.integers(0, 5, n)  # a discrete feature: thresholds fall between its values
    y = (x[:, 0] > 0).astype(int) + 2 * (x[:, 1] + 0.5 * x[:, 3] > 1)
    x[rng.random((n, 8)) < 0.05] = np.nan
    return x, y


@pytest.fixture(params=["compiled", "numpy"])
def walk(request, monkeypatch) -> str:  # noqa: ANN001 - pytest fixtures
    """Each tree test runs with the compiled walk and again with the numpy one."""
    if request.param == "numpy":
        monkeypatch.setattr(trees, "_walk", None)
    return request.param


def _can_compile() -> bool:
    include = sysconfig.get_paths()["include"]
    return shutil.which("cc") is not None and (Path(include) / "Python.h").exists()


@pytest.mark.skipif(not _can_compile(), reason="no C compiler or Python headers here")
def test_the_compiled_walk_is_built_by_the_install() -> None:
    # Optional in setup.py (an install without a compiler still works, more slowly); an
    # install on a machine that can compile it must have built it.
    assert trees._walk is not None


@pytest.mark.parametrize("classes", [4, 2])
def test_tree_probabilities_equal_scikit_learn(classes: int, walk: str) -> None:
    x, y = _numeric(0, 1500)
    y = y % classes
    model = HistGradientBoostingClassifier(
        max_iter=40, max_leaf_nodes=31, min_samples_leaf=5, early_stopping=False, random_state=0
    ).fit(x, y)
    test_x, _ = _numeric(1, 400)
    ours = trees_from_estimator(model)
    assert ours.trees_per_iteration == (1 if classes == 2 else classes)
    assert np.array_equal(ours.raw_scores(test_x), model._raw_predict(test_x))
    assert np.array_equal(ours.predict_proba(test_x), model.predict_proba(test_x))
    # float32 rows, as the labeller stacks them, and a single row
    assert np.array_equal(
        ours.predict_proba(test_x.astype(np.float32)),
        model.predict_proba(test_x.astype(np.float32)),
    )
    assert np.array_equal(ours.predict_proba(test_x[:1]), model.predict_proba(test_x[:1]))


def test_trees_reading_a_feature_the_rows_lack_fail_loudly(walk: str) -> None:
    x, y = _numeric(0, 300)
    ensemble = trees_from_estimator(
        HistGradientBoostingClassifier(max_iter=3, random_state=0).fit(x, y)
    )
    with pytest.raises((ValueError, IndexError)):
        ensemble.raw_scores(x[:, :2])


def test_trees_with_a_child_outside_the_nodes_are_refused() -> None:
    x, y = _numeric(0, 300)
    arrays = trees_from_estimator(
        HistGradientBoostingClassifier(max_iter=3, random_state=0).fit(x, y)
    ).arrays()
    arrays["left"] = arrays["left"].copy()
    arrays["left"][0] = len(arrays["feature"]) + 5
    with pytest.raises(ValueError, match="outside the node arrays"):
        TreeEnsemble.from_arrays(arrays, ["0", "1", "2", "3"])


def test_model_files_other_than_ours_are_refused(tmp_path: Path) -> None:
    npy = tmp_path / "one_array.npz"
    with open(npy, "wb") as handle:
        np.save(handle, np.zeros(3))
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"PK\x03\x04 not really a zip")
    other = tmp_path / "other.npz"
    write_model(other, {"kind": "someone-else", "format_version": 1}, {"x": np.zeros(2)})
    for path, message in ((npy, "one array"), (garbage, "not a model file"), (other, "expected")):
        with pytest.raises(UntrustedModelError, match=message):
            read_model(path, kind="audit-extractor/block-labeller", version=1, arrays=())
    with pytest.raises(UntrustedModelError, match="not a model file"):
        BlockLabeller.load(garbage)


def test_shipped_models_extract_without_importing_scikit_learn() -> None:
    script = """
import json, sys
from pathlib import Path
from extractor.pipeline import Extractor
extractor = Extractor.load(Path("models"))
record = extractor.extract(Path("labelled_samples/test/bsci_prose-01.pdf"))
heavy = sorted(m for m in ("sklearn", "skops", "scipy.stats") if m in sys.modules)
codes = [i.code for f in record.findings for i in f.ilo_indicators]
print(json.dumps({"findings": len(record.findings), "codes": len(codes), "heavy": heavy}))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["heavy"] == []
    assert result["findings"] > 0 and result["codes"] > 0
