"""matplotlib reference for Templates/examples/pareto-front.yaml: candidates, their Pareto front as a step line,
and two annotations with -> arrows, the text in data coordinates (the second arrow curved by arc3, rad=0.2)."""
import pandas as pd
from common import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/pareto-front.csv")
front = d.sort_values("latency_ms")
front = front.assign(front=front.accuracy.cummax())
fig, ax = plt.subplots(figsize=(5, 3.4))
ax.scatter(d.latency_ms, d.accuracy, color="C0", alpha=0.7, label="Candidates")
ax.plot(front.latency_ms, front.front, drawstyle="steps-post", color="C3", label="Pareto front")
percent = r"\%" if plt.rcParams["text.usetex"] else "%"
ax.annotate(f"fastest above 70{percent}", (15.6, 71.36), xytext=(4, 75), va="center",
            arrowprops=dict(arrowstyle="->"))
ax.annotate("most accurate", (38.95, 74.61), xytext=(28, 64), va="center",
            arrowprops=dict(arrowstyle="->", connectionstyle="arc3,rad=0.2"))
ax.set(xlabel="Latency (ms)", ylabel="Top-1 accuracy (%)" if not plt.rcParams["text.usetex"] else r"Top-1 accuracy (\%)")
ax.legend(loc="lower right")
fig.tight_layout()
fig.savefig(out_path("pareto-front"), dpi=300)
