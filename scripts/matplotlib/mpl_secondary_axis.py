"""Reference for Templates/examples/mpl-secondary-axis.yaml: matplotlib's gallery "Secondary Axis" (degrees below,
radians above), with tight_layout where the gallery uses constrained layout, default rcParams."""
import numpy as np
import pandas as pd
from defaults import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/mpl-secondary-axis.csv")
fig, ax = plt.subplots(layout="tight")
ax.plot(d.angle, d.signal)
ax.set_xlabel("angle [degrees]")
ax.set_ylabel("signal")
ax.set_title("Sine wave")
secax = ax.secondary_xaxis("top", functions=(np.deg2rad, np.rad2deg))
secax.set_xlabel("angle [rad]")
fig.savefig(out_path("mpl-secondary-axis"), dpi=300)
