"""Ink similarity of Vellum's PNGs against the matplotlib references: cosine similarity of the two images' ink
(1 − grey level) after a 3-pixel Gaussian blur, so sub-pixel shifts of thin lines count as near misses.

    python3 scripts/matplotlib/compare.py VELLUM_DIR MATPLOTLIB_DIR [NAME ...]
"""
import os
import sys

import numpy as np
from PIL import Image, ImageFilter


def ink(path, size=None):
    image = Image.open(path).convert("L")
    if size and image.size != size:
        image = image.resize(size, Image.LANCZOS)
    blurred = image.filter(ImageFilter.GaussianBlur(BLUR))
    return 1 - np.asarray(blurred, float) / 255, image.size


BLUR = float(os.environ.get("BLUR", "3"))
ours_dir, ref_dir = sys.argv[1], sys.argv[2]
names = sys.argv[3:] or sorted(f[:-4] for f in os.listdir(ref_dir) if f.endswith(".png"))
for name in names:
    ref, size = ink(os.path.join(ref_dir, name + ".png"))
    ours, _ = ink(os.path.join(ours_dir, name + ".png"), size)
    similarity = (ours * ref).sum() / np.sqrt((ours * ours).sum() * (ref * ref).sum())
    print(f"{name}: {similarity:.3f}")
