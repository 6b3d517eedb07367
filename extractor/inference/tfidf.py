"""TF-IDF rows from a fitted vocabulary and idf weights, as scikit-learn's `TfidfVectorizer`
computes them at `transform`, without importing scikit-learn.

Same analysers (word n-grams over a token pattern, `char_wb` n-grams), same counting, same
sublinear tf, idf product and l2 norm, in the same floating-point order: the rows are equal to
the bit to the vectoriser they were taken from (`tests/test_inference.py` compares them).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from scipy import sparse

from extractor.inference.archive import array_text, text_array

DEFAULT_TOKEN_PATTERN = r"(?u)\b\w\w+\b"
# `char_wb` n-grams never cross a word, so each distinct word's columns are counted once and
# reused: most words of a report recur. A worker's cache is emptied when it grows past this.
WORD_CACHE_SIZE = 50_000


@dataclass(frozen=True)
class TfidfSettings:
    """What the vectoriser was built with (only what changes `transform`)."""

    analyzer: Literal["word", "char_wb"] = "word"
    ngram_range: tuple[int, int] = (1, 1)
    token_pattern: str = DEFAULT_TOKEN_PATTERN
    lowercase: bool = True
    sublinear_tf: bool = False
    dtype: Literal["float32", "float64"] = "float64"

    def as_dict(self) -> dict[str, Any]:
        return {
            "analyzer": self.analyzer,
            "ngram_range": list(self.ngram_range),
            "token_pattern": self.token_pattern,
            "lowercase": self.lowercase,
            "sublinear_tf": self.sublinear_tf,
            "dtype": self.dtype,
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> TfidfSettings:
        analyzer, dtype = str(raw["analyzer"]), str(raw["dtype"])
        if analyzer not in ("word", "char_wb") or dtype not in ("float32", "float64"):
            raise ValueError(f"unsupported TF-IDF settings: analyzer {analyzer!r}, dtype {dtype!r}")
        low, high = (int(n) for n in raw["ngram_range"])
        return cls(
            analyzer=analyzer,  # type: ignore[arg-type]
            ngram_range=(low, high),
            token_pattern=str(raw["token_pattern"]),
            lowercase=bool(raw["lowercase"]),
            sublinear_tf=bool(raw["sublinear_tf"]),
            dtype=dtype,  # type: ignore[arg-type]
        )


@dataclass
class TfidfTerms:
    """A fitted TF-IDF vocabulary: terms in column order and their idf weights."""

    terms: list[str]
    idf: np.ndarray
    settings: TfidfSettings
    _index: dict[str, int] = field(init=False, repr=False, compare=False)
    _count_columns: Callable[[str], dict[int, int]] = field(init=False, repr=False, compare=False)
    _tokens: Callable[[str], list[str]] = field(init=False, repr=False, compare=False)
    _word_columns: dict[str, list[tuple[int, int]]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.terms) != len(self.idf):
            raise ValueError(f"{len(self.terms)} terms for {len(self.idf)} idf weights")
        self._index = {term: i for i, term in enumerate(self.terms)}
        self._word_columns = {}
        if self.settings.analyzer == "char_wb":
            self._count_columns = self._char_wb_counts
        else:
            self._tokens = _word_tokens(self.settings)
            self._count_columns = self._word_ngram_counts

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """One l2-normalised TF-IDF row per text (terms outside the vocabulary are ignored)."""
        dtype = np.dtype(self.settings.dtype)
        indices: list[int] = []
        counts: list[int] = []
        indptr = [0]
        for text in texts:
            counter = self._count_columns(text)
            # The order of a row's columns does not matter: they are sorted below.
            indices.extend(counter)
            counts.extend(counter.values())
            indptr.append(len(indices))
        matrix = sparse.csr_matrix(
            (
                np.asarray(counts, dtype=np.intc).astype(dtype),
                np.asarray(indices, dtype=np.int32),
                np.asarray(indptr, dtype=np.int32),
            ),
            shape=(len(texts), len(self.terms)),
        )
        matrix.sort_indices()
        data = matrix.data
        if self.settings.sublinear_tf:
            np.log(data, data)
            data += 1.0
        data *= self.idf[matrix.indices]
        _normalise_rows(matrix)
        return matrix

    def _word_ngram_counts(self, text: str) -> dict[int, int]:
        """Column -> count of the text's word n-grams in the vocabulary."""
        low, high = self.settings.ngram_range
        counter: dict[int, int] = {}
        for term in _word_ngrams(self._tokens(text), low, high):
            column = self._index.get(term)
            if column is not None:
                counter[column] = counter.get(column, 0) + 1
        return counter

    def _char_wb_counts(self, text: str) -> dict[int, int]:
        """Column -> count of the text's `char_wb` n-grams, from each distinct word's cached
        column counts. `str.split` splits at runs of white space, as scikit-learn does after
        collapsing them."""
        low, high = self.settings.ngram_range
        if self.settings.lowercase:
            text = text.lower()
        cache = self._word_columns
        counter: dict[int, int] = {}
        for word, times in Counter(text.split()).items():
            columns = cache.get(word)
            if columns is None:
                if len(cache) >= WORD_CACHE_SIZE:
                    cache.clear()
                grams = Counter(self._index.get(gram) for gram in _char_wb_ngrams(word, low, high))
                grams.pop(None, None)
                columns = cache[word] = list(grams.items())  # type: ignore[arg-type]
            for column, n in columns:
                counter[column] = counter.get(column, 0) + n * times
        return counter


def _word_tokens(settings: TfidfSettings) -> Callable[[str], list[str]]:
    """The text's words as the token pattern finds them (lowered first if asked)."""
    pattern = re.compile(settings.token_pattern)
    if pattern.groups > 1:
        raise ValueError("a token pattern may hold at most one capturing group")
    lower = settings.lowercase
    return lambda text: pattern.findall(text.lower() if lower else text)


def _word_ngrams(tokens: list[str], low: int, high: int) -> list[str]:
    """Word n-grams of `tokens`, `low` to `high` words long (scikit-learn's order)."""
    if high == 1:
        return tokens
    grams = list(tokens) if low == 1 else []
    start = max(low, 2)
    for n in range(start, min(high + 1, len(tokens) + 1)):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def _char_wb_ngrams(word: str, low: int, high: int) -> list[str]:
    """The `char_wb` n-grams of one word, padded with a space on each side."""
    padded = " " + word + " "
    length = len(padded)
    grams: list[str] = []
    for n in range(low, high + 1):
        offset = 0
        grams.append(padded[:n])
        while offset + n < length:
            offset += 1
            grams.append(padded[offset : offset + n])
        if offset == 0:  # a word shorter than n is counted once
            break
    return grams


def _normalise_rows(matrix: sparse.csr_matrix) -> None:
    """Divide each row by its l2 norm in place, summing squares left to right in double
    precision as scikit-learn does (a sparse product with ones sums each row in order)."""
    data = matrix.data
    if not data.size:
        return
    squares = sparse.csr_matrix(
        ((data * data).astype(np.float64), matrix.indices, matrix.indptr), shape=matrix.shape
    )
    norms = np.sqrt(squares @ np.ones(matrix.shape[1]))
    norms[norms == 0.0] = 1.0
    row_norms = np.repeat(norms, np.diff(matrix.indptr))
    data[:] = data.astype(np.float64) / row_norms


def tfidf_arrays(name: str, vectorizer: TfidfTerms) -> dict[str, np.ndarray]:
    """The arrays that store `vectorizer` under `name` (its settings go in the file's header)."""
    if any("\n" in term for term in vectorizer.terms):
        raise ValueError(f"{name}: a term holds a line break")
    return {
        f"{name}_vocabulary": text_array("\n".join(vectorizer.terms)),
        f"{name}_idf": np.asarray(vectorizer.idf),
    }


def tfidf_from_arrays(
    name: str, settings: dict[str, Any], arrays: dict[str, np.ndarray]
) -> TfidfTerms:
    """The vectoriser `tfidf_arrays` stored under `name`."""
    vocabulary = array_text(arrays[f"{name}_vocabulary"])
    return TfidfTerms(
        terms=vocabulary.split("\n") if vocabulary else [],
        idf=np.asarray(arrays[f"{name}_idf"], dtype=np.float64),
        settings=TfidfSettings.from_dict(settings),
    )


def tfidf_from_vectorizer(vectorizer: Any) -> TfidfTerms:
    """The fitted vocabulary and idf of a scikit-learn `TfidfVectorizer` (read, not imported);
    refuses settings `transform` here does not reproduce."""
    params = vectorizer.get_params()
    unsupported = {
        "input": params["input"] != "content",
        "strip_accents": params["strip_accents"] is not None,
        "preprocessor": params["preprocessor"] is not None,
        "tokenizer": params["tokenizer"] is not None,
        "stop_words": params["stop_words"] is not None,
        "analyzer": params["analyzer"] not in ("word", "char_wb"),
        "binary": bool(params["binary"]),
        "norm": params["norm"] != "l2",
        "use_idf": not params["use_idf"],
    }
    if any(unsupported.values()):
        names = ", ".join(name for name, bad in unsupported.items() if bad)
        raise ValueError(f"TF-IDF settings not supported at inference: {names}")
    settings = TfidfSettings(
        analyzer=params["analyzer"],
        ngram_range=tuple(params["ngram_range"]),
        token_pattern=params["token_pattern"],
        lowercase=bool(params["lowercase"]),
        sublinear_tf=bool(params["sublinear_tf"]),
        dtype=np.dtype(params["dtype"]).name,
    )
    vocabulary = vectorizer.vocabulary_
    terms = sorted(vocabulary, key=vocabulary.__getitem__)
    return TfidfTerms(
        terms=terms, idf=np.asarray(vectorizer.idf_, dtype=np.float64), settings=settings
    )
