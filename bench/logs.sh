#!/usr/bin/env bash
# Training logs at scale (issue "training logs and tidy data"): 10 runs × 1,000,000 steps
#  - as one long CSV (10 M rows, 209 MB): interpolate + aggregate + EMA + render SVG, PDF and PNG,
#    against pandas + matplotlib doing the same job;  targets < 3 s and < 1.5 GB peak;
#  - as 10 TensorBoard event files (one run per folder): the same figure read straight from them;  target < 2 s.
set -euo pipefail
cd "$(dirname "$0")/.."
work=.build-bench
mkdir -p "$work"
swift build -c release --product vellum --static-swift-stdlib >/dev/null
vellum=$PWD/.build/release/vellum
[ -x "$work/venv/bin/python" ] || python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q numpy pandas matplotlib google-crc32c
py="$work/venv/bin/python"

[ -f "$work/runs10m.csv" ] || "$py" - "$work/runs10m.csv" <<'PY'
import sys
import numpy as np
rng = np.random.default_rng(0)
n = 1_000_000
with open(sys.argv[1], "w") as f:
    f.write("run,step,loss\n")
    for run in range(10):
        steps = np.arange(n) + rng.integers(0, 3)
        loss = 2 + 3 * np.exp(-steps / 200000) + rng.normal(0, 0.05, n) + 0.01 * run
        np.savetxt(f, np.column_stack([np.full(n, run), steps, loss]), fmt=["seed%d", "%d", "%.5f"], delimiter=",")
PY

# The same runs as TensorBoard event files: TFRecord framing (masked CRC-32C) around Event protos written by hand.
[ -d "$work/tb10m" ] || "$py" - "$work/runs10m.csv" "$work/tb10m" <<'PY'
import os, struct, sys
import google_crc32c
import pandas as pd

def masked(data):
    crc = google_crc32c.value(data)
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF

def varint(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)

def record(payload):
    header = struct.pack("<Q", len(payload))
    return header + struct.pack("<I", masked(header)) + payload + struct.pack("<I", masked(payload))

table = pd.read_csv(sys.argv[1])
tag = b"\x0a" + varint(10) + b"train/loss"
for run, rows in table.groupby("run", sort=True):
    folder = os.path.join(sys.argv[2], run)
    os.makedirs(folder)
    with open(os.path.join(folder, "events.out.tfevents.0.bench"), "wb") as f:
        f.write(record(b"\x09" + struct.pack("<d", 0.0) + b"\x1a\x0dbrain.Event:2"))
        chunks = []
        for step, loss in zip(rows["step"].to_numpy(), rows["loss"].to_numpy()):
            value = tag + b"\x15" + struct.pack("<f", loss)
            summary = b"\x0a" + varint(len(value)) + value
            event = b"\x09" + struct.pack("<d", float(step)) + b"\x10" + varint(int(step)) + b"\x2a" + varint(len(summary)) + summary
            chunks.append(record(event))
            if len(chunks) == 100_000:
                f.write(b"".join(chunks))
                chunks = []
        f.write(b"".join(chunks))
PY

transforms='[{interpolate: {x: step, by: run, column: VALUE, points: 2000}}, {aggregate: {by: step, column: VALUE, stats: [mean, std]}}, {ema: {columns: [VALUE_mean, VALUE_std], alpha: 0.9}}]'
spec() {  # source, value column, extra transform
  local t=${transforms//VALUE/$2}
  [ -n "$3" ] && t="[$3, ${t#[}"
  cat <<YAML
size: [6in, 4in]
data: {runs: $1}
axes:
  x: {label: Step, format: si}
  y: {label: Loss}
  layers:
    - band: {transform: $t, x: step, center: $2_mean, error: $2_std}
    - line: {transform: $t, x: step, y: $2_mean}
YAML
}
spec runs10m.csv loss "" > "$work/logs-csv.yaml"
spec "{tensorboard: tb10m}" value "{filter: {tag: train/loss}}" > "$work/logs-tb.yaml"

measure() {  # label, command...
  local label=$1; shift
  local best=999 peak=0
  for _ in 1 2 3; do
    local out
    out=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null; } 2>&1 | tail -1)
    best=$(python3 -c "print(min($best, ${out% *}))")
    peak=$(python3 -c "print(max($peak, ${out#* } // 1024))")
  done
  printf '| %s | %.2f s | %d MB |\n' "$label" "$best" "$peak"
}

cat > "$work/logs-mpl.py" <<'PY'
import sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
table = pd.read_csv(sys.argv[1])
runs = {run: rows for run, rows in table.groupby("run", sort=False)}
low = max(rows["step"].min() for rows in runs.values())
high = min(rows["step"].max() for rows in runs.values())
grid = np.linspace(low, high, 2000)
curves = np.array([np.interp(grid, rows["step"], rows["loss"]) for rows in runs.values()])
mean = pd.Series(curves.mean(axis=0)).ewm(alpha=0.1, adjust=False).mean()
std = pd.Series(curves.std(axis=0, ddof=1)).ewm(alpha=0.1, adjust=False).mean()
fig, ax = plt.subplots(figsize=(6, 4))
ax.fill_between(grid, mean - std, mean + std, alpha=0.2)
ax.plot(grid, mean)
ax.set_xlabel("Step")
ax.set_ylabel("Loss")
fig.tight_layout()
for suffix in ("svg", "pdf", "png"):
    fig.savefig(f"{sys.argv[2]}.{suffix}", dpi=300)
PY

echo "| 10 runs × 1 M steps → interpolate + aggregate + EMA + SVG, PDF, PNG | wall (best of 3) | peak RSS |"
echo "| --- | --- | --- |"
(cd "$work" && measure "Vellum, one 209 MB CSV" "$vellum" render logs-csv.yaml --out logs-out)
(cd "$work" && measure "Vellum, 10 TensorBoard event files" "$vellum" render logs-tb.yaml --out logs-out)
(cd "$work" && measure "pandas + matplotlib, the same CSV" "$PWD/venv/bin/python" logs-mpl.py runs10m.csv logs-mpl)
(cd "$work" && measure "pandas.read_csv of the 1 M-row big.csv alone" "$PWD/venv/bin/python" -c "import pandas; pandas.read_csv('big.csv')")
