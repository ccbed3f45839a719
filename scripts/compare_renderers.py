#!/usr/bin/env python3
"""Renders examples as PNG (librsvg + Cairo), PDF and SVG, rasterises the PDF with poppler's pdftoppm and the SVG
with headless Chromium at 300 dpi, and prints the ink similarity of each against the PNG (scripts/matplotlib/
compare.py's measure): hatch patterns, clips and text must look the same everywhere. Needs poppler-utils and
chromium; run after `swift build`.

    python3 scripts/compare_renderers.py latency-breakdown loss-landscape …   (names under Templates/examples)
"""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
VELLUM = os.path.join(ROOT, ".build", "debug", "vellum")
COMPARE = os.path.join(ROOT, "scripts", "matplotlib", "compare.py")


def main(names):
    with tempfile.TemporaryDirectory() as folder:
        ours, pdf, chrome = (os.path.join(folder, kind) for kind in ["ours", "pdf", "chrome"])
        for made in [pdf, chrome]:
            os.makedirs(made)
        for name in names:
            spec = os.path.join(ROOT, "Templates", "examples", name + ".yaml")
            subprocess.run([VELLUM, "render", spec, "--out", ours, "--format", "png,pdf,svg"], check=True)
            subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", os.path.join(ours, name + ".pdf"),
                            os.path.join(pdf, name)], check=True)
            with open(os.path.join(ours, name + ".svg")) as f:
                header = f.read(600)
            width = float(header.split('width="')[1].split("pt")[0])
            height = float(header.split('height="')[1].split("pt")[0])
            page = os.path.join(ours, name + ".html")
            with open(page, "w") as f:
                f.write(f'<html><body style="margin:0"><img src="{name}.svg" '
                        f'style="width:{width}pt;height:{height}pt;display:block"></body></html>')
            # 300 dpi is 300 / 96 device pixels per CSS pixel; a CSS pixel is 3/4 pt.
            subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            "--force-device-scale-factor=3.125",
                            f"--window-size={round(width * 4 / 3)},{round(height * 4 / 3)}",
                            f"--screenshot={os.path.join(chrome, name + '.png')}", "file://" + page],
                           check=True, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        for kind, folder_of_kind in [("pdf", pdf), ("chromium", chrome)]:
            result = subprocess.run([sys.executable, COMPARE, ours, folder_of_kind] + names, check=True,
                                    capture_output=True, text=True)
            for line in result.stdout.splitlines():
                print(f"{kind} {line}")


if __name__ == "__main__":
    main(sys.argv[1:])
