"""Shared matplotlib settings for the reference renders of Vellum's examples (CMU Serif, 10 pt, 300 dpi)."""
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

plt.rcParams.update({
    "font.family": "serif",
    "font.serif": ["CMU Serif"],
    "mathtext.fontset": "cm",
    "font.size": 10,
    "axes.unicode_minus": True,
})

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "Templates", "examples")


def out_path(name):
    """Where a reference PNG goes: the directory named on the command line (default out/matplotlib)."""
    folder = sys.argv[1] if len(sys.argv) > 1 else "out/matplotlib"
    os.makedirs(folder, exist_ok=True)
    return os.path.join(folder, name + ".png")
