"""Shared set-up for the references of the `style: matplotlib` examples: matplotlib exactly as shipped (default
rcParams: DejaVu Sans 10 pt, 6.4 × 4.8 in, no layout engine), PNGs at 300 dpi."""
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402,F401

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "Templates", "examples")


def out_path(name):
    """Where a reference PNG goes: the directory named on the command line (default out/matplotlib)."""
    folder = sys.argv[1] if len(sys.argv) > 1 else "out/matplotlib"
    os.makedirs(folder, exist_ok=True)
    return os.path.join(folder, name + ".png")
