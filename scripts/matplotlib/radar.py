"""matplotlib reference for Templates/examples/radar.yaml: the gallery's radar_factory with a polygon frame, grey
radius labels and a one-row legend below the axes."""
import numpy as np
import pandas as pd
from common import EXAMPLES, out_path, plt
from matplotlib.patches import RegularPolygon
from matplotlib.path import Path
from matplotlib.projections import register_projection
from matplotlib.projections.polar import PolarAxes
from matplotlib.spines import Spine
from matplotlib.transforms import Affine2D


def radar_factory(num_vars):
    """The matplotlib gallery's radar chart projection (frame='polygon'), condensed."""
    theta = np.linspace(0, 2 * np.pi, num_vars, endpoint=False)

    class RadarTransform(PolarAxes.PolarTransform):
        def transform_path_non_affine(self, path):
            if path._interpolation_steps > 1:
                path = path.interpolated(num_vars)
            return Path(self.transform(path.vertices), path.codes)

    class RadarAxes(PolarAxes):
        name = "radar"
        PolarTransform = RadarTransform

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.set_theta_zero_location("N")
            self.set_theta_direction(-1)

        def fill(self, *args, closed=True, **kwargs):
            return super().fill(closed=closed, *args, **kwargs)

        def plot(self, *args, **kwargs):
            lines = super().plot(*args, **kwargs)
            for line in lines:
                x, y = line.get_data()
                if x[0] != x[-1]:
                    line.set_data(np.concatenate((x, [x[0]])), np.concatenate((y, [y[0]])))
            return lines

        def set_varlabels(self, labels):
            self.set_thetagrids(np.degrees(theta), labels)

        def _gen_axes_patch(self):
            return RegularPolygon((0.5, 0.5), num_vars, radius=0.5, edgecolor="k")

        def _gen_axes_spines(self):
            spine = Spine(axes=self, spine_type="circle", path=Path.unit_regular_polygon(num_vars))
            spine.set_transform(Affine2D().scale(0.5).translate(0.5, 0.5) + self.transAxes)
            return {"polar": spine}

    register_projection(RadarAxes)
    return theta


d = pd.read_csv(f"{EXAMPLES}/radar.csv")
labels = list(dict.fromkeys(d.capability))
theta = radar_factory(len(labels))
fig, ax = plt.subplots(figsize=(4.4, 4.2), subplot_kw=dict(projection="radar"))
for name, rows in d.groupby("model", sort=False):
    values = rows.set_index("capability").loc[labels, "score"].to_numpy()
    line, = ax.plot(theta, values, lw=1.5, marker="o", ms=4, label=name)
    ax.fill(theta, values, alpha=0.25, color=line.get_color())
ax.set_varlabels(labels)
ax.set_ylim(0, 100)
ax.set_rgrids([20, 40, 60, 80, 100])
ax.tick_params(axis="y", labelcolor="gray")
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncols=3, frameon=False)
fig.tight_layout()
fig.savefig(out_path("radar"), dpi=300)
