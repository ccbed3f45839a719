#!/usr/bin/env python3
"""Writes the real-shaped fixtures of Tests/Reference/real-data and what pandas makes of them
(Tests/Reference/real_data.json), which RealDataTests checks Vellum's readers against cell by cell: CSVs with R's
and Excel's missing markers, hex-looking ids, duplicate and empty header names (`read_csv`); JSON as an array of
records with nulls, vega-datasets' form, and as an object of columns (`pd.DataFrame` of the parsed JSON).

    .build/pyvenv/bin/python scripts/reference_real_data.py   # needs pandas
"""
import json
import math
import os

import pandas as pd

HERE = os.path.join(os.path.dirname(__file__), "..", "Tests", "Reference")
FOLDER = os.path.join(HERE, "real-data")
os.makedirs(FOLDER, exist_ok=True)

FILES = {
    # palmerpenguins as R's write.csv leaves it: NA for missing measurements.
    "penguins-na.csv": "species,island,bill_length_mm,flipper_length_mm,body_mass_g,sex\n"
    "Adelie,Torgersen,39.1,181,3750,male\nAdelie,Torgersen,NA,NA,NA,NA\nAdelie,Torgersen,40.3,195,3250,female\n"
    "Gentoo,Biscoe,46.1,211,4500,female\nChinstrap,Dream,46.5,192,3500,female\n",
    # Every default missing marker pandas knows, one per row, in a numeric column.
    "markers.csv": "name,value\n"
    + "".join(f"m{i},{m}\n" for i, m in enumerate(
        ["1.5", "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>",
         "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null", "2.5e3", "-0.25"])),
    # Ids and hashes that Double(String) would read as hex numbers stay text.
    "hex-ids.csv": "id,score\n0x10,1\n0x1p3,2\ndeadbeef,3\n0xff,4\n",
    # Duplicate and empty header names.
    "headers.csv": "step,loss,loss,,acc,loss.1,\n1,2.0,3.0,4.0,0.5,6.0,7\n2,2.5,3.5,4.5,0.6,6.5,8\n",
}

# vega-datasets' cars.json as it comes: records, nulls for missing measurements, pretty-printed over lines.
FILES["cars.json"] = json.dumps([
    {"Name": "chevrolet chevelle malibu", "Miles_per_Gallon": 18, "Cylinders": 8, "Horsepower": 130,
     "Year": "1970-01-01", "Origin": "USA"},
    {"Name": "citroen ds-21 pallas", "Miles_per_Gallon": None, "Cylinders": 4, "Horsepower": 115,
     "Year": "1970-01-01", "Origin": "Europe"},
    {"Name": "ford torino (sw)", "Miles_per_Gallon": None, "Cylinders": 8, "Horsepower": 153.5,
     "Year": "1970-01-01", "Origin": "USA"},
    {"Name": "toyota corolla 1200 \u00e9", "Miles_per_Gallon": 31, "Cylinders": 4, "Horsepower": None,
     "Year": "1971-01-01", "Origin": "Japan", "Note": "only here"},
], indent=2)
# pandas' to_json(orient="list")-style columns.
FILES["columns.json"] = json.dumps({"step": [0, 10, 20], "loss": [2.5, None, 1.25e-3], "run": ["a", "b", None]})

reference = {"pandas": pd.__version__, "files": []}
for name, text in FILES.items():
    path = os.path.join(FOLDER, name)
    with open(path, "w", newline="") as f:
        f.write(text)
    if name.endswith(".json"):
        with open(path) as f:
            parsed = json.load(f)
        frame = pd.DataFrame.from_records(parsed) if isinstance(parsed, list) else pd.DataFrame(parsed)
    else:
        frame = pd.read_csv(path)
    columns = []
    for column in frame.columns:
        series = frame[column]
        numeric = pd.api.types.is_numeric_dtype(series)
        values = [None if (v is None or (isinstance(v, float) and math.isnan(v))) else (float(v) if numeric else str(v))
                  for v in series.tolist()]
        columns.append({"name": column, "numeric": bool(numeric), "values": values})
    reference["files"].append({"file": name, "columns": columns})

with open(os.path.join(HERE, "real_data.json"), "w") as f:
    json.dump(reference, f, indent=1)
print(f"{len(FILES)} files -> Tests/Reference/real-data, real_data.json")
