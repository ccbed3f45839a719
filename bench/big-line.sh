#!/usr/bin/env bash
# A 1,000,000-point line: SVG time and peak memory (/usr/bin/time -v), decimated SVG size, and how many
# PNG pixels decimation changes. Targets (issue "training-log data"): < 1 s, < 200 MB, < 150 KB, < 0.5 %.
set -euo pipefail
cd "$(dirname "$0")/.."
work=.build-bench
mkdir -p "$work"
swift build -c release --product vellum --static-swift-stdlib >/dev/null
vellum=.build/release/vellum
[ -x "$work/venv/bin/python" ] || { python3 -m venv "$work/venv" && "$work/venv/bin/pip" install -q pillow numpy; }
py="$work/venv/bin/python"

"$py" - "$work/big.csv" <<'PY'
import math, random, sys
random.seed(1)
with open(sys.argv[1], "w") as f:
    f.write("step,loss\n")
    for i in range(1_000_000):
        f.write(f"{i},{2 + 3 * math.exp(-i / 200000) + random.gauss(0, 0.05):.5f}\n")
PY
for mode in true false; do
  cat > "$work/big-$mode.yaml" <<YAML
size: [6in, 4in]
decimate: $mode
data: {d: big.csv}
axes:
  x: {label: Step, format: si}
  y: {label: Loss}
  layers:
    - line: {x: step, y: loss, width: 0.8}
YAML
done

measure() {  # label, command...
  local label=$1; shift
  /usr/bin/time -v "$@" 2> "$work/time.txt" >/dev/null
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')
  printf "%-34s %10s %10.1f MB\n" "$label" "$wall" "$(echo "$rss / 1024" | bc -l)"
}

printf "%-34s %10s %13s\n" "run" "wall" "peak RSS"
for i in 1 2 3; do measure "SVG, decimated (run $i)" "$vellum" render "$work/big-true.yaml" --out "$work" --format svg; done
measure "SVG+PDF+PNG, decimated" "$vellum" render "$work/big-true.yaml" --out "$work"
measure "PNG, not decimated (slow)" "$vellum" render "$work/big-false.yaml" --out "$work" --format png
printf "decimated SVG size: %d bytes\n" "$(stat -c %s "$work/big-true.svg")"
"$py" - "$work/big-true.png" "$work/big-false.png" <<'PY'
import sys
import numpy as np
from PIL import Image
a = np.asarray(Image.open(sys.argv[1]).convert("RGB")).astype(int)
b = np.asarray(Image.open(sys.argv[2]).convert("RGB")).astype(int)
changed = (np.abs(a - b).max(axis=2) > 0)
print(f"PNG pixels changed by decimation: {changed.sum()} of {changed.size} ({100 * changed.mean():.3f} %)")
PY
