"""matplotlib reference for Templates/examples/roc-pr.yaml: ROC and precision-recall curves of three classifiers
from scikit-learn, each legend label carrying its AUC or average precision."""
import pandas as pd
from common import EXAMPLES, out_path, plt
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score, roc_curve

d = pd.read_csv(f"{EXAMPLES}/roc-pr.csv")
fig, (roc, pr) = plt.subplots(1, 2, figsize=(7, 3.2))
roc.plot([0, 1], [0, 1], color="grey", ls="--", lw=1)
for model, rows in d.groupby("model", sort=False):
    fpr, tpr, _ = roc_curve(rows.label, rows.score, drop_intermediate=False)
    roc.plot(fpr, tpr, label=f"{model} (AUC = {roc_auc_score(rows.label, rows.score):.3f})")
    precision, recall, _ = precision_recall_curve(rows.label, rows.score)
    pr.plot(recall[::-1], precision[::-1], drawstyle="steps-post",
            label=f"{model} (AP = {average_precision_score(rows.label, rows.score):.3f})")
roc.set(title="ROC", xlabel="False positive rate", ylabel="True positive rate")
pr.set(title="Precision–recall", xlabel="Recall", ylabel="Precision")
roc.legend(loc="lower right")
pr.legend(loc="lower left")
fig.tight_layout()
fig.savefig(out_path("roc-pr"), dpi=300)
