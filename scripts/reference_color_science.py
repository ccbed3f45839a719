"""Writes Tests/Reference/color_science.json: what colour-science computes for the colour arithmetic of `vellum lint`
— CIELAB (D65) of sRGB colours, CIEDE2000 between pairs, and each colour as Machado et al. (2009) simulate it for
protanopia, deuteranopia and tritanopia at severity 1 (on linear RGB, clipped, encoded back to sRGB).

    .build/pyvenv/bin/pip install colour-science && .build/pyvenv/bin/python scripts/reference_color_science.py
"""
import json
import os

import colour
import numpy as np

COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
           "#17becf", "#000000", "#ffffff", "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00",
           "#cc79a7", "#808080", "#26ad81", "#3484bf"]


def rgb(hex_):
    return np.array([int(hex_[i:i + 2], 16) / 255 for i in (1, 3, 5)])


def lab(c):
    xyz = colour.RGB_to_XYZ(c, colour.RGB_COLOURSPACES["sRGB"], apply_cctf_decoding=True)
    return colour.XYZ_to_Lab(xyz, colour.CCS_ILLUMINANTS["CIE 1931 2 Degree Standard Observer"]["D65"])


def simulate(c, deficiency):
    m = colour.matrix_cvd_Machado2009(deficiency, 1)
    linear = colour.cctf_decoding(c, "sRGB")
    return colour.cctf_encoding(np.clip(m @ linear, 0, 1), "sRGB")


out = {"colour": colour.__version__, "colours": [], "pairs": []}
for h in COLOURS:
    c = rgb(h)
    out["colours"].append({
        "hex": h, "lab": lab(c).tolist(),
        "protanopia": simulate(c, "Protanomaly").tolist(),
        "deuteranopia": simulate(c, "Deuteranomaly").tolist(),
        "tritanopia": simulate(c, "Tritanomaly").tolist(),
    })
for i, a in enumerate(COLOURS):
    for b in COLOURS[i + 1:]:
        out["pairs"].append({"a": a, "b": b, "delta_e": float(colour.delta_E(lab(rgb(a)), lab(rgb(b)), method="CIE 2000"))})
path = os.path.join(os.path.dirname(__file__), "..", "Tests", "Reference", "color_science.json")
with open(path, "w") as f:
    json.dump(out, f, indent=0)
print(len(out["colours"]), "colours,", len(out["pairs"]), "pairs")
