"""matplotlib reference for Templates/examples/bilingual.yaml: CMU Serif with a CJK fallback family
(matplotlib ≥ 3.6 falls back glyph by glyph through font.family). mathtext, not usetex: TeX would need CJK
packages for the Chinese characters."""
import os

os.environ["USETEX"] = "0"
import pandas as pd  # noqa: E402
from common import EXAMPLES, out_path, plt  # noqa: E402

plt.rcParams.update({"font.family": ["CMU Serif", "WenQuanYi Micro Hei"], "mathtext.fontset": "cm"})
runs = pd.read_csv(os.path.join(EXAMPLES, "bilingual.csv"))
fig, ax = plt.subplots(figsize=(4.5, 3.2))
for method, color, marker, label in [
    ("SDPO", "tab:green", "o", "SDPO（本文方法）"),
    ("GRPO", "tab:blue", "s", "GRPO（基线）"),
]:
    rows = runs[runs.method == method]
    ax.plot(rows.generations, rows.accuracy, color=color, marker=marker, markersize=5, label=label)
ax.set_xscale("log", base=2)
ax.set_xticks([1, 2, 4, 8, 16], ["1", "2", "4", "8", "16"])
ax.set_title("准确率随生成数量的变化 (Accuracy vs. generations)")
ax.set_xlabel("生成数量 (Number of Generations)")
ax.set_ylabel("准确率 (Accuracy)")
ax.legend(loc="lower right")
fig.tight_layout()
fig.savefig(out_path("bilingual"), dpi=300)
