"""Writes Tests/Reference/classifier_curves.json: scikit-learn's ROC and precision-recall curves and areas for a
fixed set of scores (with ties) and labels in two groups, the reference for Vellum's roc and pr_curve transforms.
Run with the venv that has scikit-learn: .build/pyvenv/bin/python scripts/reference_classifier_curves.py"""

import json
import os

import numpy as np
import sklearn
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score, roc_curve

rng = np.random.default_rng(7)
rows = []
for model, shift in [("A", 1.2), ("B", 0.4)]:
    labels = rng.integers(0, 2, 60)
    # Scores rounded to 2 decimals so equal scores (ties) occur, as with calibrated probabilities.
    scores = np.round(1 / (1 + np.exp(-(rng.normal(0, 1, 60) + shift * (2 * labels - 1)))), 2)
    rows += [{"model": model, "score": float(s), "label": int(y)} for s, y in zip(scores, labels)]

curves = {}
for model in ["A", "B"]:
    y = np.array([r["label"] for r in rows if r["model"] == model])
    s = np.array([r["score"] for r in rows if r["model"] == model])
    fpr, tpr, thr = roc_curve(y, s, drop_intermediate=False)
    precision, recall, pthr = precision_recall_curve(y, s)
    curves[model] = {
        "fpr": fpr.tolist(), "tpr": tpr.tolist(), "roc_thresholds": [None if np.isinf(t) else float(t) for t in thr],
        "auc": float(roc_auc_score(y, s)),
        # scikit-learn lists precision-recall by rising threshold; Vellum by rising recall from (0, 1).
        "recall": recall[::-1].tolist(), "precision": precision[::-1].tolist(),
        "ap": float(average_precision_score(y, s)),
    }
out = os.path.join(os.path.dirname(__file__), "..", "Tests", "Reference", "classifier_curves.json")
with open(out, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "rows": rows, "curves": curves}, f, indent=0)
print(out, {m: (round(c["auc"], 4), round(c["ap"], 4), len(c["fpr"])) for m, c in curves.items()})
