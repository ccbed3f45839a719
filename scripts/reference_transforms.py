#!/usr/bin/env python3
"""Writes Tests/Reference/transforms.json: one input table and, for each Vellum transform, the table pandas (and
numpy) compute with the operation the transform names, so TransformReferenceTests can check Vellum against them.

    python3 scripts/reference_transforms.py   # needs pandas and numpy
"""
import io
import json
import os

import numpy as np
import pandas as pd

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

path = os.path.join(os.path.dirname(__file__), "..", "Tests", "Reference", "transforms.json")
with open(path, "w") as f:
    json.dump({"csv": CSV, "other": OTHER, "pandas": pd.__version__, "cases": cases}, f, indent=1)
print(len(cases), "cases")
