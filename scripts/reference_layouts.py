#!/usr/bin/env python3
"""Writes Tests/Reference/layouts.json: the plot boxes matplotlib's `plt.subplots(..., tight_layout=True)` gives
the figures of Tests/Fixtures/layouts/ (scripts/make_layout_fixtures.py), each drawn as its spec says from the same
CSV, with scripts/matplotlib/common.py's settings (CMU Serif 10 pt, mathtext cm; run with USETEX=0 for mathtext).

Per figure: "size" [w, h] in points; "boxes", one [x0, y0, width, height] per plot axes in points from the
figure's top left (y down), in Vellum's panel order (row-major); "colorbars", the colorbar axes' boxes (after
their box aspect is applied, as drawn). Also, for diagnosis: "ticklabels" (each panel's x and y tick labels and
y offset text as drawn) and "boxes_converged" (the boxes after drawing until tight_layout stops moving: matplotlib
measures the decorations once, at the default subplot geometry, so its first layout may size margins for tick
labels the final axes no longer have); "boxes_fixed" and "colorbars_fixed", the same figures drawn without
tight_layout (matplotlib's default subplotpars, Vellum's `layout: fixed`); "boxes_constrained" and
"colorbars_constrained", the same figures drawn with layout="constrained" (Vellum's `layout: constrained`).

    USETEX=0 python3 scripts/reference_layouts.py   # needs matplotlib, numpy and pandas

Diagnosis: `--lp-line-height --out FILE` lays text out as matplotlib before 3.11 did (a line at least as tall as
"lp", not the font's OS/2 typo ascender and descender; matplotlib PR #31291), written to FILE instead.
"""
import json
import os
import sys

os.environ.setdefault("USETEX", "0")
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "matplotlib"))
import matplotlib  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from common import plt  # noqa: E402  (CMU Serif, 10 pt, mathtext cm)

FIXTURES = os.path.join(HERE, "..", "Tests", "Fixtures", "layouts")
# Draw without tight_layout: matplotlib's default subplotpars (what `layout: fixed` reproduces).
FIXED = False
# Draw with layout="constrained" (what `layout: constrained` reproduces).
CONSTRAINED = False
OUT = os.path.join(HERE, "..", "Tests", "Reference", "layouts.json")


def csv(name):
    return pd.read_csv(os.path.join(FIXTURES, name + ".csv"))


def subplots(rows, cols, size):
    # 300 dpi as the repository's reference renders (common.py) save at: text metrics are hinted at the dpi the
    # layout is computed at, so the dpi moves text boxes by a few hundredths of a point.
    # tight_layout=False would still set the tight engine (matplotlib checks only that it is given).
    engine = {} if FIXED else {"layout": "constrained"} if CONSTRAINED else {"tight_layout": True}
    fig, axes = plt.subplots(rows, cols, figsize=size, squeeze=False, dpi=300, **engine)
    return fig, list(axes.ravel())


def single_line():
    d = csv("single_line")
    fig, (ax,) = subplots(1, 1, (6.4, 4.8))
    ax.plot(d.step, d.loss)
    ax.set(xlabel="Step", ylabel="Loss")
    return fig, [ax], []


def row2_lines():
    d = csv("row2_lines")
    fig, axes = subplots(1, 2, (8, 3))
    axes[0].plot(d.step, d.loss)
    axes[0].set(xlabel="Step", ylabel="Loss")
    axes[1].plot(d.step, d.accuracy)
    axes[1].set(xlabel="Step", ylabel="Accuracy")
    return fig, axes, []


def col2_scatter():
    d = csv("col2_scatter")
    fig, axes = subplots(2, 1, (5, 4))
    axes[0].scatter(d.x, d.y)
    axes[0].set(xlabel="Feature", ylabel="Target")
    axes[1].plot(d.step, d.lr)
    axes[1].set(xlabel="Step", ylabel="Learning rate")
    return fig, axes, []


def grid2x2_mixed():
    d = csv("grid2x2_mixed")
    fig, axes = subplots(2, 2, (6.4, 4.8))
    axes[0].plot(d.step, d.loss)
    axes[1].scatter(d.u, d.v)
    bars = d[d.step < 125]
    axes[2].bar(bars.cat, bars.score)
    axes[3].hist(d["sample"])
    return fig, axes, []


def row3_titles():
    d = csv("row3_titles")
    fig, axes = subplots(1, 3, (8, 3))
    for ax, column, title in zip(axes, "abc", ["Small model", "Medium model", "Large model"]):
        ax.plot(d.epoch, d[column])
        ax.set(title=title, xlabel="Epoch")
    axes[0].set_ylabel("Validation loss")
    return fig, axes, []


def grid2x3():
    d = csv("grid2x3")
    fig, axes = subplots(2, 3, (6.4, 4.8))
    for i, ax in enumerate(axes):
        ax.plot(d.t, d[f"s{i}"])
        if i % 3 == 0:
            ax.set_ylabel("Signal")
        if i >= 3:
            ax.set_xlabel("Time (s)")
    return fig, axes, []


def grid2x4():
    d = csv("grid2x4")
    fig, axes = subplots(2, 4, (8, 4))
    for i, ax in enumerate(axes):
        ax.scatter(d.x, d[f"r{i + 1}"])
        ax.set_title(f"Run {i + 1}")
    return fig, axes, []


def colorbar_scatter():
    d = csv("colorbar_scatter")
    fig, (ax,) = subplots(1, 1, (5, 4))
    points = ax.scatter(d.width, d.depth, c=d.error, cmap="viridis")
    ax.set(xlabel="Width", ylabel="Depth")
    bar = fig.colorbar(points, ax=ax, label="Test error")
    return fig, [ax], [bar.ax]


def colorbar_heatmap():
    d = csv("colorbar_heatmap")
    grid = d.pivot(index="row", columns="col", values="value").to_numpy()
    fig, (ax,) = subplots(1, 1, (5, 4))
    image = ax.imshow(grid, origin="lower", aspect="auto", cmap="RdBu_r")
    ax.set_xticks(range(grid.shape[1]))  # Vellum ticks every cell of a heatmap
    ax.set_yticks(range(grid.shape[0]))
    ax.set(xlabel="Column", ylabel="Row")
    bar = fig.colorbar(image, ax=ax, label="Value")
    return fig, [ax], [bar.ax]


def colorbar_row2():
    d = csv("colorbar_row2")
    fig, axes = subplots(1, 2, (8, 3))
    a = axes[0].scatter(d.x, d.y, c=d.temperature, cmap="plasma")
    axes[0].set(xlabel="Distance", ylabel="Speed")
    b = axes[1].scatter(d.x2, d.y2, c=d.p, cmap="viridis")
    axes[1].set(xlabel="$x$", ylabel="$y$")
    bars = [fig.colorbar(a, ax=axes[0], label="Temperature (K)"), fig.colorbar(b, ax=axes[1], label="Probability")]
    return fig, axes, [bar.ax for bar in bars]


def legend_outside():
    d = csv("legend_outside")
    fig, (ax,) = subplots(1, 1, (6.4, 4.8))
    for method, rows in d.groupby("method", sort=False):
        ax.plot(rows.step, rows.reward, label=method)
    ax.set(xlabel="Step", ylabel="Reward")
    ax.legend(loc="upper left", bbox_to_anchor=(1, 1))  # the usual outside-right idiom
    return fig, [ax], []


def long_category_labels():
    d = csv("long_category_labels")
    fig, (ax,) = subplots(1, 1, (6.4, 4.8))
    ax.barh(d.method, d.accuracy)
    ax.set_xlabel(r"Accuracy (%)")
    return fig, [ax], []


def big_numbers():
    d = csv("big_numbers")
    fig, axes = subplots(1, 2, (8, 3))
    axes[0].plot(d.step, d.tokens)
    axes[0].set(xlabel="Step", ylabel="Tokens")
    axes[1].plot(d.step, d.params)
    axes[1].set(xlabel="Step", ylabel="Parameters")
    # The offset as ×10⁶, as usetex (the CM-styled references) and Vellum write it; rcParams' default is 1e6.
    for ax in axes:
        ax.yaxis.get_major_formatter().set_useMathText(True)
    return fig, axes, []


def titles_labels():
    d = csv("titles_labels")
    fig, axes = subplots(2, 2, (6.4, 4.8))
    axes[0].plot(d.step, d.loss)
    axes[0].set(title="Training loss", xlabel="Step", ylabel="Loss")
    axes[1].plot(d.step, d.grad)
    axes[1].set(title="Gradient norm", xlabel="Step", ylabel=r"$\|\nabla L\|_2$")
    axes[2].scatter(d.lr, d.final)
    axes[2].set(title="Learning-rate sweep", xlabel=r"Learning rate $\eta$", ylabel="Final loss", xlim=(0, 0.1))
    axes[3].plot(d.beta, d.kl)
    axes[3].set(title="KL penalty", xlabel=r"$\beta$", ylabel="KL divergence", xlim=(0, 1), ylim=(0, 3.5),
                yticks=np.arange(0, 3.51, 0.5))
    return fig, axes, []


def suptitle_row2():
    d = csv("suptitle_row2")
    fig, axes = subplots(1, 2, (8, 3))
    fig.suptitle("Training and validation loss")
    axes[0].plot(d.step, d.train)
    axes[0].set(xlabel="Step", ylabel="Training loss")
    axes[1].plot(d.step, d.val)
    axes[1].set(xlabel="Step", ylabel="Validation loss")
    return fig, axes, []


def log_axes():
    d = csv("log_axes")
    fig, axes = subplots(1, 2, (8, 3))
    axes[0].loglog(d.flops, d.loss)
    axes[0].set(xlabel="Training FLOPs", ylabel="Loss")
    axes[1].semilogy(d.epoch, d.perplexity)
    axes[1].set(xlabel="Epoch", ylabel="Perplexity")
    return fig, axes, []


FIGURES = [single_line, row2_lines, col2_scatter, grid2x2_mixed, row3_titles, grid2x3, grid2x4, colorbar_scatter,
           colorbar_heatmap, colorbar_row2, legend_outside, long_category_labels, big_numbers, titles_labels,
           suptitle_row2, log_axes]


def box(fig, ax):
    """[x0, y0, width, height] in points from the figure's top left, of the axes as drawn."""
    w, h = fig.get_size_inches() * 72
    p = ax.get_position(original=False)
    return [round(p.x0 * w, 3), round((1 - p.y1) * h, 3), round(p.width * w, 3), round(p.height * h, 3)]


def ticklabels(ax):
    """The tick labels drawn on each axis (within the view; major, then any labelled minor ones, as on log axes
    spanning less than a decade or two) and the y axis's offset text."""
    def shown(axis):
        low, high = sorted(axis.get_view_interval())
        slack = 1e-9 * abs(high - low)
        labels = []
        for locs, formatter in ((axis.get_majorticklocs(), axis.get_major_formatter()),
                                (axis.get_minorticklocs(), axis.get_minor_formatter())):
            locs = [v for v in locs if low - slack <= v <= high + slack]
            labels += [label for label in formatter.format_ticks(locs) if label]
        return labels
    return {"x": shown(ax.xaxis), "y": shown(ax.yaxis), "y_offset": ax.yaxis.get_offset_text().get_text()}


def use_lp_line_height():
    """Text boxes as matplotlib < 3.11 measured them: Text._get_layout falls back to the "lp" measurement when
    the font has no OS/2 or hhea table, so hide those tables from it."""
    import matplotlib.text as mtext

    class NoHeightTables:
        def __init__(self, font):
            self._font = font

        def get_sfnt_table(self, name):
            return None if name in ("OS/2", "hhea") else self._font.get_sfnt_table(name)

        def __getattr__(self, name):
            return getattr(self._font, name)

    get_font = mtext.get_font
    mtext.get_font = lambda *args, **kwargs: NoHeightTables(get_font(*args, **kwargs))


def main():
    global OUT
    if "--lp-line-height" in sys.argv:
        use_lp_line_height()
    if "--out" in sys.argv:
        OUT = sys.argv[sys.argv.index("--out") + 1]
    result = {"matplotlib": matplotlib.__version__ + (" (lp line height)" if "--lp-line-height" in sys.argv else ""),
              "figures": {}}
    for make in FIGURES:
        fig, axes, bars = make()
        fig.canvas.draw()  # runs tight_layout once, as savefig does
        entry = {"size": [round(v * 72, 3) for v in fig.get_size_inches()],
                 "boxes": [box(fig, ax) for ax in axes], "colorbars": [box(fig, ax) for ax in bars],
                 "ticklabels": [ticklabels(ax) for ax in axes]}
        for _ in range(5):  # each draw lays out again from the decorations of the last
            fig.canvas.draw()
        entry["boxes_converged"] = [box(fig, ax) for ax in axes]
        entry["colorbars_converged"] = [box(fig, ax) for ax in bars]
        result["figures"][make.__name__] = entry
        plt.close(fig)
    global FIXED
    FIXED = True
    for make in FIGURES:
        fig, axes, bars = make()
        fig.canvas.draw()
        result["figures"][make.__name__]["boxes_fixed"] = [box(fig, ax) for ax in axes]
        result["figures"][make.__name__]["colorbars_fixed"] = [box(fig, ax) for ax in bars]
        plt.close(fig)
    FIXED = False
    global CONSTRAINED
    CONSTRAINED = True
    for make in FIGURES:
        fig, axes, bars = make()
        fig.canvas.draw()  # lays out once, as savefig does
        result["figures"][make.__name__]["boxes_constrained"] = [box(fig, ax) for ax in axes]
        result["figures"][make.__name__]["colorbars_constrained"] = [box(fig, ax) for ax in bars]
        plt.close(fig)
    CONSTRAINED = False
    with open(OUT, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    print(len(result["figures"]), "figures ->", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
