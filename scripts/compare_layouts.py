#!/usr/bin/env python3
"""Compares Vellum's plot boxes with matplotlib's tight_layout ones (Tests/Reference/layouts.json, written by
scripts/reference_layouts.py) for the figures of Tests/Fixtures/layouts/.

Renders each spec to SVG with a vellum binary and reads each panel's plot box from its
`<clipPath id="clip-axes-N"><rect x y width height/>` and each colorbar's from its outline, in points from the
figure's top left (the SVG's viewBox is the figure in points). Prints, per figure and panel, matplotlib's box,
Vellum's, the signed difference of each edge (Vellum − matplotlib: left, top, right, bottom; positive = further
right / further down) and the largest |difference|, flagging those over --tolerance points. Tick labels that differ
are printed too, since they change the margins. --converged compares with matplotlib's boxes after tight_layout
has settled (redrawn until the decorations it measures are those of the final axes) instead of its first pass.

    python3 scripts/compare_layouts.py [--vellum /tmp/vh/vellum] [--svg DIR] [--tolerance 2] [--converged]
                                       [--reference FILE] [FIGURE ...]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "Tests", "Fixtures", "layouts")
REFERENCE = os.path.join(HERE, "..", "Tests", "Reference", "layouts.json")
SVG = "{http://www.w3.org/2000/svg}"


def numbers(path_data):
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", path_data)]


def text_of(element):
    return "".join(element.itertext()).strip()


def baseline(text):
    """The lowest baseline of a text or its tspans (superscripts sit higher)."""
    ys = [float(e.get("y")) for e in [text, *text.iter(SVG + "tspan")] if e.get("y") is not None]
    return max(ys) if ys else 0.0


def tick_labels(group, box):
    """A panel's x and y tick labels and y offset text, told apart from the axis labels by place: the x axis
    label lies below the row of tick labels, the y axis label is turned, the offset text stands above the plot."""
    labels = {"x": [], "y": [], "y_offset": ""}
    for axis in group.iter(SVG + "g"):
        name = re.fullmatch(r"axis-([xy])(?:-\d+)?", axis.get("id", ""))
        if not name:
            continue
        texts = [t for t in axis.findall(SVG + "text") if "rotate" not in (t.get("transform") or "")]
        if name.group(1) == "x" and texts:
            first = min(baseline(t) for t in texts)
            labels["x"] = [text_of(t) for t in texts if baseline(t) < first + 6]
        elif name.group(1) == "y":
            top = box[1] if box else float("-inf")
            labels["y"] = [text_of(t) for t in texts if baseline(t) > top]
            labels["y_offset"] = " ".join(text_of(t) for t in texts if baseline(t) <= top)
    return labels


def measure(svg_path):
    """Vellum's figure size, plot boxes (by clip-axes-N), colorbar boxes (document order) and tick labels."""
    root = ET.parse(svg_path).getroot()
    view = [float(v) for v in root.get("viewBox").split()]
    width = root.get("width")
    assert width.endswith("pt") and abs(float(width[:-2]) - view[2]) < 1e-6, "the SVG's units are not points"
    boxes, ticks = {}, {}
    for clip in root.iter(SVG + "clipPath"):
        match = re.fullmatch(r"clip-axes-(\d+)", clip.get("id", ""))
        if match:
            rect = clip.find(SVG + "rect")
            boxes[int(match.group(1))] = [float(rect.get(k)) for k in ("x", "y", "width", "height")]
    for group in root.iter(SVG + "g"):
        match = re.fullmatch(r"axes-(\d+)", group.get("id", ""))
        if match:
            ticks[int(match.group(1))] = tick_labels(group, boxes.get(int(match.group(1))))
    colorbars = []
    for group in root.iter(SVG + "g"):
        if group.get("class") != "colorbar":
            continue
        for path in group.findall(SVG + "path"):
            if path.get("fill") == "none" and path.get("stroke"):  # the bar's outline
                values = numbers(path.get("d"))
                xs, ys = values[0::2], values[1::2]
                colorbars.append([min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)])
                break
    return view[2:4], [boxes[i] for i in sorted(boxes)], colorbars, [ticks[i] for i in sorted(ticks)]


def plain(label):
    """A tick label as its characters alone: matplotlib's mathtext ($\\mathdefault{10^{3}}$, 2\\times10^{1})
    and Vellum's tspans (10 and a raised 3) both become 103, 2×101; minus signs become hyphens."""
    label = label.replace("\\mathdefault", "").replace("\\times", "×").replace("\u2212", "-")
    return re.sub(r"[${}^_ ]", "", label)


def edges(m, v):
    """Vellum − matplotlib for the left, top, right and bottom edges."""
    return [v[0] - m[0], v[1] - m[1], (v[0] + v[2]) - (m[0] + m[2]), (v[1] + v[3]) - (m[1] + m[3])]


def fmt(box):
    return "[" + ", ".join(f"{v:7.2f}" for v in box) + "]"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vellum", default="/tmp/vh/vellum", help="the vellum binary (default /tmp/vh/vellum)")
    parser.add_argument("--svg", help="a folder with the fixtures' SVGs already rendered (skips rendering)")
    parser.add_argument("--tolerance", type=float, default=2.0, help="flag edges off by more (points)")
    parser.add_argument("--converged", action="store_true", help="compare with matplotlib's settled layout")
    parser.add_argument("--reference", default=REFERENCE, help="the matplotlib boxes (default Tests/Reference/layouts.json)")
    parser.add_argument("figures", nargs="*", help="only these figures")
    args = parser.parse_args()

    reference = json.load(open(args.reference))
    names = args.figures or list(reference["figures"])
    folder = args.svg
    if folder is None:
        folder = tempfile.mkdtemp(prefix="vellum-layouts-")
        specs = [os.path.join(FIXTURES, n + ".yaml") for n in names]
        subprocess.run([args.vellum, "render", *specs, "--out", folder, "--format", "svg"], check=True)

    key = "_converged" if args.converged else ""
    print(f"matplotlib {reference['matplotlib']} tight_layout{' (settled)' if args.converged else ' (first pass)'}"
          f" vs Vellum; boxes [x0, y0, w, h] in pt from the top left; d = Vellum − matplotlib per edge")
    summary = []
    for name in names:
        ref = reference["figures"][name]
        size, boxes, colorbars, ticks = measure(os.path.join(folder, name + ".svg"))
        print(f"\n{name}  ({size[0]:g} × {size[1]:g} pt)")
        if any(abs(a - b) > 0.01 for a, b in zip(size, ref["size"])):
            print(f"  ! figure size differs: matplotlib {ref['size']}, Vellum {size}")
        pairs = [(f"panel {i}", m, v) for i, (m, v) in enumerate(zip(ref["boxes" + key], boxes))]
        pairs += [(f"colorbar {i}", m, v) for i, (m, v) in enumerate(zip(ref["colorbars" + key], colorbars))]
        if len(ref["boxes"]) != len(boxes) or len(ref["colorbars"]) != len(colorbars):
            print(f"  ! matplotlib has {len(ref['boxes'])} panels / {len(ref['colorbars'])} colorbars, "
                  f"Vellum {len(boxes)} / {len(colorbars)}")
        worst = 0.0
        for label, m, v in pairs:
            d = edges(m, v)
            big = max(abs(x) for x in d)
            worst = max(worst, big)
            flags = " ".join(f"{side}{x:+.2f}" for side, x in zip("LTRB", d) if abs(x) > args.tolerance)
            print(f"  {label:<11} mpl {fmt(m)}  vellum {fmt(v)}  d L{d[0]:+6.2f} T{d[1]:+6.2f} "
                  f"R{d[2]:+6.2f} B{d[3]:+6.2f}  max {big:5.2f}{'  <-- ' + flags if flags else ''}")
        for i, (mt, vt) in enumerate(zip(ref.get("ticklabels", []), ticks)):
            for axis in ("x", "y"):
                mine = sorted(plain(t) for t in mt[axis])
                theirs = sorted(plain(t) for t in vt[axis])
                if axis == "y" and (mt["y_offset"] or vt["y_offset"]):
                    mine, theirs = mine + [plain(mt["y_offset"])], theirs + [plain(vt["y_offset"])]
                if mine != theirs:
                    print(f"  tick labels differ, panel {i} {axis}: matplotlib {mt[axis]}"
                          f"{' offset ' + mt['y_offset'] if axis == 'y' and mt['y_offset'] else ''}, Vellum {vt[axis]}"
                          f"{' offset ' + vt['y_offset'] if axis == 'y' and vt['y_offset'] else ''}")
        summary.append((name, worst))
    print("\nlargest edge difference per figure (pt):")
    for name, worst in summary:
        print(f"  {name:<22} {worst:6.2f}{'  > ' + format(args.tolerance, 'g') if worst > args.tolerance else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
