#!/usr/bin/env python3
"""Writes Tests/Reference/transforms.json: one input table and, for each Vellum transform, the table pandas (and
numpy, scipy) compute with the operation the transform names, so TransformReferenceTests can check Vellum against them.

    python3 scripts/reference_transforms.py   # needs pandas, numpy and scipy
"""
import io
import json
import os

import numpy as np
import pandas as pd
from scipy import stats as scipy_stats

CSV = """run,step,loss,tokens,flops,name
a,1,3.0,100,,x
a,2,2.5,200,1000,y
a,3,,300,2000,y
a,4,2.0,400,2000,z
b,1,4.0,100,500,x
b,2,3.5,200,,y
b,3,3.6,300,1000,z
b,4,2.2,400,1000,z
"""
OTHER = """name,weight
x,1.5
y,2
"""
df = pd.read_csv(io.StringIO(CSV))
other = pd.read_csv(io.StringIO(OTHER))


def table(frame, columns=None):
    """Columns as lists, numbers as floats and missing values as null; text columns as text."""
    out = {}
    for column in columns or frame.columns:
        values = frame[column]
        if not pd.api.types.is_numeric_dtype(values):
            out[column] = ["" if pd.isna(v) else str(v) for v in values]
        else:
            out[column] = [None if pd.isna(v) else float(v) for v in values]
    return out


cases = []


def case(name, transform, frame, columns=None):
    cases.append({"name": name, "transform": transform, "expected": table(frame.reset_index(drop=True), columns)})


case("sort loss descending", "{sort: {by: loss, descending: true}}",
     df.sort_values("loss", ascending=False, kind="stable", na_position="last"), ["run", "step", "loss"])
case("sort run then loss descending", "{sort: {by: [run, loss], descending: [false, true]}}",
     df.sort_values(["run", "loss"], ascending=[True, False], kind="stable", na_position="last"), ["run", "step"])
case("sort name", "{sort: name}", df.sort_values("name", kind="stable"), ["name", "run", "step"])
g = df.groupby("run")["loss"]
case("cumulative sum", "{cumulative: {column: loss, by: run, as: s}}", df.assign(s=g.cumsum()), ["s"])
case("cumulative max", "{cumulative: {column: loss, by: run, stat: max, as: m}}", df.assign(m=g.cummax()), ["m"])
case("cumulative min", "{cumulative: {column: loss, stat: min}}", df.assign(loss=df["loss"].cummin()), ["loss"])
case("cumulative count", "{cumulative: {column: loss, by: run, stat: count, as: c}}",
     df.assign(c=g.expanding().count().reset_index(level=0, drop=True)), ["c"])
end = df.groupby("step")["tokens"].cumsum()
total = df.groupby("step")["tokens"].transform("sum")
case("stack zero", "{stack: {column: tokens, x: step}}",
     df.assign(tokens_start=end - df["tokens"], tokens_end=end), ["tokens_start", "tokens_end"])
case("stack percent", "{stack: {column: tokens, x: step, offset: percent, as: [lo, hi]}}",
     df.assign(lo=(end - df["tokens"]) / total * 100, hi=end / total * 100), ["lo", "hi"])
case("calculate", "{calculate: {expr: 'tokens * 6 / loss + log10(step)', as: v}}",
     df.assign(v=df.eval("tokens * 6 / loss") + np.log10(df["step"])), ["v"])
case("rank descending", "{rank: {column: loss, by: run, descending: true, as: r}}",
     df.assign(r=g.rank(method="first", ascending=False)), ["r"])
case("top 2", "{top: {column: loss, k: 2, by: run}}",
     pd.concat([rows.nlargest(2, "loss", keep="first") for _, rows in df.groupby("run", sort=False)]),
     ["run", "step", "loss"])
case("diff", "{diff: {column: loss, by: run, as: d}}", df.assign(d=g.diff()), ["d"])
case("pct_change", "{pct_change: {column: loss, by: run, periods: 2, as: p}}",
     df.assign(p=g.pct_change(periods=2, fill_method=None)), ["p"])
case("dropna", "{dropna: [loss, flops]}", df.dropna(subset=["loss", "flops"]), ["run", "step"])
case("filter less", "{filter: {loss: {'<': 3}}}", df[df["loss"] < 3], ["run", "step"])
case("filter not equal", "{filter: {name: {'!=': y}}}", df[df["name"] != "y"], ["run", "step"])
case("filter not in", "{filter: {name: {not_in: [x, z]}}}", df[~df["name"].isin(["x", "z"])], ["run", "step"])
case("filter at least", "{filter: {flops: {'>=': 1000}}}", df[df["flops"] >= 1000], ["run", "step"])
case("join left", "{join: {data: other, on: name}}", df.merge(other, on="name", how="left"),
     ["run", "step", "weight"])
case("join inner", "{join: {data: other, on: name, how: inner}}", df.merge(other, on="name", how="inner"),
     ["run", "step", "weight"])
edges = np.histogram_bin_edges(df["loss"].dropna(), bins=3)
index = np.clip(np.searchsorted(edges, df["loss"], side="right") - 1, 0, len(edges) - 2)
present = df["loss"].notna()
case("bin", "{bin: {column: loss, bins: 3, as: b}}",
     df.assign(b=np.where(present, (edges[index] + edges[index + 1]) / 2, np.nan),
               b_start=np.where(present, edges[index], np.nan), b_end=np.where(present, edges[index + 1], np.nan)),
     ["b", "b_start", "b_end"])

# aggregate: each statistic as pandas' groupby computes it (ci95 with scipy's Student t).
by_run = df.groupby("run", sort=False)["loss"]
aggregated = pd.DataFrame({
    "run": list(by_run.groups.keys()),
    "loss_sum": by_run.sum().values, "loss_min": by_run.min().values, "loss_max": by_run.max().values,
    "loss_count": by_run.count().astype(float).values, "loss_median": by_run.median().values,
    "loss_q25": by_run.quantile(0.25).values, "loss_q75": by_run.quantile(0.75).values,
    "loss_q90": by_run.quantile(0.9).values, "loss_std": by_run.std().values, "loss_sem": by_run.sem().values,
    "loss_mean": by_run.mean().values,
    "loss_ci95": (by_run.sem() * scipy_stats.t.ppf(0.975, by_run.count() - 1)).values,
})
case("aggregate every statistic",
     "{aggregate: {by: run, column: loss, stats: [sum, min, max, count, median, q25, q75, q90, std, sem, mean, ci95]}}",
     aggregated)
by_pair = df.groupby(["run", "name"], sort=False)["flops"]
case("aggregate ddof 0 over text keys with an all-missing group",
     "{aggregate: {by: [run, name], column: flops, stats: [std, sem, sum, count, min, q50], ddof: 0}}",
     pd.DataFrame({
         "run": [k[0] for k in by_pair.groups.keys()], "name": [k[1] for k in by_pair.groups.keys()],
         "flops_std": by_pair.std(ddof=0).values, "flops_sem": by_pair.sem(ddof=0).values,
         "flops_sum": by_pair.sum().values, "flops_count": by_pair.count().astype(float).values,
         "flops_min": by_pair.min().values, "flops_q50": by_pair.quantile(0.5).values,
     }))
by_step = df.groupby("step", sort=False)["tokens"]
case("aggregate by a numeric key", "{aggregate: {by: step, column: tokens, stats: [sum, q10]}}",
     pd.DataFrame({"step": [float(k) for k in by_step.groups.keys()], "tokens_sum": by_step.sum().values,
                   "tokens_q10": by_step.quantile(0.1).values}))

# Expressions: comparisons, logic, conditions, rounding and text equality, as numpy evaluates them.
case("calculate condition", "{calculate: {expr: \"if(loss < 3 and not (name == 'y'), round(loss * 1.25, 1), -1)\", as: v}}",
     df.assign(v=np.where((df["loss"] < 3) & ~(df["name"] == "y"), np.round(df["loss"] * 1.25, 1), -1)), ["v"])
case("calculate clip floor ceil", "{calculate: {expr: 'clip(tokens / 100, 1.5, 3) + floor(loss) - ceil(loss / 2)', as: c}}",
     df.assign(c=np.clip(df["tokens"] / 100, 1.5, 3) + np.floor(df["loss"]) - np.ceil(df["loss"] / 2)), ["c"])
case("calculate boolean", "{calculate: {expr: 'loss >= 2.5 or flops == 1000', as: f}}",
     df.assign(f=((df["loss"] >= 2.5) | (df["flops"] == 1000)).astype(float)), ["f"])
case("filter expression over two columns", "{filter: {expr: \"flops > tokens * 4 and run != 'b'\"}}",
     df[(df["flops"] > df["tokens"] * 4) & (df["run"] != "b")], ["run", "step"])
case("filter expression not equal keeps missing", "{filter: {expr: 'loss != 3.5'}}",
     df[df["loss"] != 3.5], ["run", "step"])

# fillna: a value, or the last (next) present value within a group.
case("fillna value", "{fillna: {columns: [loss, flops], value: 0}}", df.fillna({"loss": 0, "flops": 0}),
     ["loss", "flops"])
case("fillna ffill by run", "{fillna: {column: flops, method: ffill, by: run}}",
     df.assign(flops=df.groupby("run")["flops"].ffill()), ["flops"])
case("fillna bfill", "{fillna: {column: loss, method: bfill}}", df.assign(loss=df["loss"].bfill()), ["loss"])

path = os.path.join(os.path.dirname(__file__), "..", "Tests", "Reference", "transforms.json")
with open(path, "w") as f:
    json.dump({"csv": CSV, "other": OTHER, "pandas": pd.__version__, "cases": cases}, f, indent=1)
print(len(cases), "cases")
