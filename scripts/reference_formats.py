"""Writes Tests/Reference/format_spec.json: what Python's format(value, spec) writes for numbers and text, the
reference for Vellum's FormatSpec (templates such as {auc:.3f}). Run with any Python 3.11+."""

import json
import os
import sys

numbers = [0.0, -0.0, 1.0, -1.0, 0.5, 2.5, 0.125, 0.91234567, 14.400000000000006, -0.10000000000000142,
           1234567.891, -1234567.891, 1e-5, 0.00012345, 123456789012.0, 1e16, 1.5e300, 3.0, 42.0, -42.0,
           0.999999, 0.0004, 99.995, -0.0001, 1000.0, 0.1 + 0.2, 7e-10, 65536.0, 2.675, 1e21]
specs = ["", ".3f", ".2%", ",d", ".2e", "+.1f", ".0f", "#.0f", ".1%", ",.2f", "_.1f", "g", ".3g", ".10g", "#.3g",
         "G", "E", ".3", ".1", ">10.2f", "<8.1f", "^9.1f", "=+10.2f", "010.3f", "*^12.2e", " .2f", "z.1f",
         "+.2%", "e", "f", "%", "8", ".0e", ".0%", ",", ".4G"]
cases = []
for spec in specs:
    for value in numbers:
        if spec.endswith("d") and value != int(value):
            continue
        if not any(c in spec for c in ".fFeEgG%d"):
            # Without a type or precision Python writes repr; Vellum writes its plain form (tested on its own).
            continue
        try:
            arg = int(value) if spec.endswith("d") else value
            cases.append({"value": value, "spec": spec, "text": format(arg, spec)})
        except (ValueError, OverflowError):
            pass
texts = [{"value": t, "spec": s, "text": format(t, s)} for t in ["SDPO", "a b", ""]
         for s in ["", "s", ">8", "<8", "^9", "*^9s", ".2", "8.3s"]]
plain = [{"value": v, "text": str(int(v)) if v.is_integer() and abs(v) < 1e16 else format(v, ".12g")}
         for v in numbers]
out = os.path.join(os.path.dirname(__file__), "..", "Tests", "Reference", "format_spec.json")
with open(out, "w") as f:
    json.dump({"python": sys.version.split()[0], "numbers": cases, "texts": texts, "plain": plain}, f, indent=0)
print(out, len(cases), len(texts))
