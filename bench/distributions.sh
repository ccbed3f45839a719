#!/usr/bin/env bash
# A 1,000 × 1,000 heatmap (1 M cells, long CSV) → SVG+PDF+PNG, and a histogram of 10 M samples → SVG, each beside
# matplotlib (with pandas reading the same CSV) doing the same figure. Targets (issue "matrix and distribution
# figures"): heatmap < 1.5 s, < 1 GB, SVG < 3 MB; histogram (+ KDE) of 10 M samples < 2 s.
set -euo pipefail
cd "$(dirname "$0")/.."
work=.build-bench
mkdir -p "$work"
vellum=.build/release/vellum
py="$work/venv/bin/python"
"$py" - "$work" <<'PY'
import os, sys
import numpy as np
work = sys.argv[1]
rng = np.random.default_rng(0)
if not os.path.exists(f"{work}/heat.csv"):
    n = 1000
    i, j = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    v = np.sin(i / 60.0) * np.cos(j / 45.0) + 0.1 * rng.normal(size=(n, n))
    with open(f"{work}/heat.csv", "w") as f:
        f.write("r,c,v\n")
        f.writelines(f"{a},{b},{c:.4f}\n" for a, b, c in zip(i.ravel(), j.ravel(), v.ravel()))
if not os.path.exists(f"{work}/samples.csv"):
    with open(f"{work}/samples.csv", "w") as f:
        f.write("x\n" + "\n".join(f"{t:.5f}" for t in rng.normal(0, 1, 10_000_000)) + "\n")
PY
cat > "$work/heat.yaml" <<'YAML'
size: [5in, 4in]
data: {d: heat.csv}
axes:
  y: {reverse: true}
  layers:
    - heatmap: {x: c, y: r, value: v, map: RdBu_r, center: 0, colorbar: {label: Value}}
YAML
cat > "$work/hist.yaml" <<'YAML'
size: [5in, 3.5in]
data: {d: samples.csv}
axes:
  layers:
    - histogram: {x: x, bins: 100, stat: density, alpha: 0.6}
    - density: {x: x}
YAML
cat > "$work/mpl_heat.py" <<'PY'
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt, pandas as pd, numpy as np, sys
from matplotlib.colors import TwoSlopeNorm
d = pd.read_csv(sys.argv[1] + "/heat.csv")
fig, ax = plt.subplots(figsize=(5, 4))
im = ax.imshow(d.pivot(index="r", columns="c", values="v").values, cmap="RdBu_r", norm=TwoSlopeNorm(0),
               aspect="auto", interpolation="nearest")
fig.colorbar(im, ax=ax, label="Value")
for ext in ("svg", "pdf", "png"):
    fig.savefig(f"{sys.argv[1]}/mpl_heat.{ext}", dpi=300)
PY
cat > "$work/mpl_hist.py" <<'PY'
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt, pandas as pd, numpy as np, sys
fig, ax = plt.subplots(figsize=(5, 3.5))
x = pd.read_csv(sys.argv[1] + "/samples.csv").x.values
ax.hist(x, bins=100, density=True, alpha=0.6)
from scipy.stats import gaussian_kde
kde = gaussian_kde(x)
grid = np.linspace(x.min(), x.max(), 200)
ax.plot(grid, kde(grid))
fig.savefig(sys.argv[1] + "/mpl_hist.svg")
PY
printf '%-44s %8s %12s\n' run wall "peak RSS"
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>&1
  read -r wall kb < "$work/time.txt"
  awk -v l="$label" -v w="$wall" -v k="$kb" 'BEGIN { printf "%-44s %7ss %9.0f MB\n", l, w, k / 1024 }'
}
for run in 1 2; do
  measure "vellum: 1000×1000 heatmap → SVG+PDF+PNG" "$vellum" render "$work/heat.yaml" --out "$work"
  measure "matplotlib+pandas: same heatmap" "$py" "$work/mpl_heat.py" "$work"
  measure "vellum: histogram + KDE of 10 M samples → SVG" "$vellum" render "$work/hist.yaml" --out "$work" --format svg
  measure "matplotlib+pandas+scipy: same figure" "$py" "$work/mpl_hist.py" "$work"
done
echo "heatmap SVG size: $(stat -c %s "$work/heat.svg") bytes"
