"""Shared matplotlib settings for the reference renders of Vellum's examples (CMU Serif, 10 pt, 300 dpi)."""
import os
import shutil
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

# LaTeX text as the seed's reference renders use (texlive, dvipng and cm-super from apt); USETEX=0 falls back to
# mathtext with CMU Serif where TeX is not installed.
USETEX = os.environ.get("USETEX", "1") == "1" and shutil.which("latex") is not None
plt.rcParams.update({
    "text.usetex": USETEX,
    "font.family": "serif",
    "font.serif": ["Computer Modern Roman"] if USETEX else ["CMU Serif"],
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
