"""Fitted models as plain arrays, run with numpy and scipy's sparse matrices only.

Training uses scikit-learn; inference does not import it (nor skops): importing scikit-learn
pulls in scipy.stats and costs every bulk worker and upload service about 1.5 s of start-up.
Each part reproduces its scikit-learn counterpart's arithmetic in the same order, and
`tests/test_inference.py` checks they agree to the bit on real inputs:

- `tfidf.TfidfTerms`: `TfidfVectorizer.transform` (word and `char_wb` n-grams);
- `linear.LinearModel`: `LogisticRegression.predict_proba`;
- `trees.TreeEnsemble`: `HistGradientBoostingClassifier.predict_proba`;
- `archive`: the `.npz` model files (arrays and a JSON header; never pickle).
"""
