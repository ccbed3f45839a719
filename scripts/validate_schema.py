#!/usr/bin/env python3
"""Validates specs the tool accepts against `vellum schema`, with the jsonschema package from PyPI.

Usage: scripts/validate_schema.py VELLUM_BINARY [SPEC...]
Without SPEC: every example (the goldens are rendered from them), every spec `vellum new` writes, and every corpus
spec the tool refuses only past the spec stage (bad data, missing file, font, layout): all must validate.
Also checks that the schema rejects a misspelled key, so a schema that accepts everything fails, and that it
refuses at least a floor of the corpus specs the tool refuses as specs.
"""
import glob, importlib.metadata, json, os, subprocess, sys, tempfile

import jsonschema
import yaml

sys.path.insert(0, os.path.dirname(__file__))
from validate_schema_loader import Yaml12Loader  # noqa: E402

binary = sys.argv[1]
expected = dict(line.split("\t") for line in open("Tests/Corpus/expected.tsv").read().splitlines() if line)
scratch = tempfile.mkdtemp(prefix="vellum-schema-")
specs = sys.argv[2:]
if not specs:
    specs = sorted(glob.glob("Templates/examples/*.yaml"))
    for template in sorted(glob.glob("Templates/new/*.yaml")):
        name = os.path.splitext(os.path.basename(template))[0]
        subprocess.run([binary, "new", name, name, "--out", scratch], check=True, capture_output=True)
        specs.append(os.path.join(scratch, name + ".yaml"))
    # Refused for a reason past the spec (data, file, font, layout): the spec itself is valid.
    specs += [f"Tests/Corpus/{name}" for name, kind in sorted(expected.items()) if kind in ("invalidData", "missingFile", "font", "layout")]
schema = json.loads(subprocess.run([binary, "schema"], check=True, capture_output=True, text=True).stdout)
validator = jsonschema.Draft202012Validator(schema)
jsonschema.Draft202012Validator.check_schema(schema)
failures = 0
for path in specs:
    with open(path) as f:
        document = yaml.load(f, Yaml12Loader)
    errors = list(validator.iter_errors(document))
    for error in errors:
        print(f"{path}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    failures += bool(errors)
    if not errors:
        # A typo anywhere must fail validation: rename the first axes key.
        broken = json.loads(json.dumps(document))
        holder = broken.get("axes", broken)
        holder = holder[0] if isinstance(holder, list) else holder
        holder["titel"] = holder.pop("title", "x")
        if validator.is_valid(broken):
            print(f"{path}: schema accepted a misspelled key")
            failures += 1
# Invalid specs the tool refuses: the schema should refuse them too. Value ranges, key spellings and shapes are
# in the schema, with the cross-key rules SpecDocumentation lists; TeX, data names, NaN, counts that depend on other
# keys (tick labels per value, panels per grid) and semantic checks (an inset inside its parent, a formula) are not,
# so this is a floor that may only rise (102 of the 126 parseable invalidSpec corpus cases on 2026-11-26; 101 since
# hline/vline read a column by name (issue 26): 109's `y: high` is now a column, refused for the missing data).
REJECTED_FLOOR = 101
rejected = accepted = 0
for name, kind in sorted(expected.items()):
    if kind != "invalidSpec":
        continue
    try:
        document = yaml.load(open(f"Tests/Corpus/{name}"), Yaml12Loader)
    except yaml.YAMLError:
        continue
    if document is None:
        continue
    if validator.is_valid(document):
        accepted += 1
    else:
        rejected += 1
print(f"corpus: the schema rejects {rejected} of {rejected + accepted} invalid specs (floor {REJECTED_FLOOR})")
if rejected < REJECTED_FLOOR:
    print("schema: rejects fewer invalid corpus specs than before")
    failures += 1
# Forms the schema spells as patterns and bounds, asked of the tool and of the schema: the two must agree.
FORMS = {
    "axes: {layers: [{hline: {y: 1, color: %s}}]}": [
        "'#abc'", "'#aabbcc'", "'#aabbcc80'", "'#abcd'", "'rgb(255, 0, 0)'", "'rgb(25.5,0,0)'", "'RGB(1,2,3)'",
        "'rgba(0, 0, 0, 0.5)'", "'rgb(256, 0, 0)'", "'rgb(-1, 0, 0)'", "'rgba(0,0,0,1.5)'", "'rgb(1, 2)'", "' red '",
        "Red", "tab:blue", "C3", "c9", "'0.5'", "'1'", "'1.5'", "'.25'", "none", "notacolor", "'rgb(1e2, 0, 0)'",
    ],
    "size: [%s, 3in]\naxes: {layers: []}": [
        "4in", "4", "'4.5 in'", "0", "0in", "-1in", "10cm", "120mm", "468pt", "468bp", "1e1in", "4inch",
        "'.5e1in'", "0.0in", "00007in",
    ],
    "margins: {left: %s}\naxes: {layers: []}": ["0", "0in", "6mm", "12", "-1pt", "1e1pt", "x"],
    "axes: {layers: [{hline: {y: 1, dash: %s}}]}": [
        "dashed", "'--'", "':'", "'-.'", "solid", "'(0, (1, 2))'", "'(0, (1, 2, 3))'", "'(0, (1, -2))'",
        "'(0, (1, -0))'", "'0 1 2'", "'[1, [2, 3]]'", "'(0, ())'", "[0, [1, 2]]", "[0, [1, -2]]", "wavy",
    ],
    "axes: {x: {format: %s}, layers: []}": [
        "auto", "sci", "'%.2f'", "'%d'", "'%5.1e%%'", "'%%%d'", "'%s'", "'%f %f'", "'%n'", "'%%d'", "'x%gy'",
        "roman", "'%+08.3f'",
    ],
    "axes: {x: {rotation: %s}, layers: []}": ["0", "90", "-90", "45.5", "91", "-91", "auto", "up"],
    "axes: {x: {limits: %s}, layers: []}": ["[0, 1]", "[1, 0]", "[1, 1]", "[-1e6, 1e6]", "[0, .inf]"],
    "axes: {x: {scale: log, limits: %s}, layers: []}": ["[1, 10]", "[0, 10]", "[-1, 10]", "[0.001, 1]"],
    "size: [6in, 200in]\npanels: {rows: %s, columns: 1}\naxes: [{layers: []}]": ["1", "64", "0", "65", "1.5"],
    "style: %s\naxes: {layers: []}": ["neurips", "icml", "icmll", "NeurIPS"],
    "axes: {layers: [{hline: {y: 1, alpha: %s}}]}": ["0", "1", "0.5", "-0.1", "1.1", ".inf"],
    "size: [200in, 10in]\naxes: {title: %s, layers: []}": ["'" + "x" * 2000 + "'", "'" + "x" * 2001 + "'", "'" + "é" * 2000 + "'"],
    "background: %s\ndata: {d: {values: {x: [1, 2]}}}\naxes: {layers: [{line: {x: x, y: x, marker: {shape: o, face: %s}}}]}": [
        "none", "None", "' NONE '", "red", "nothing",
    ],
}
disagreements = 0
for template, values in FORMS.items():
    for value in values:
        text = template.replace("%s", value)
        tool = subprocess.run([binary, "scene", "-"], input=text.encode("utf-8"), capture_output=True).returncode == 0
        if tool != validator.is_valid(yaml.load(text, Yaml12Loader)):
            print(f"schema {'refuses' if tool else 'accepts'} what the tool {'draws' if tool else 'refuses'}: {text[:120]!r}")
            disagreements += 1
forms = sum(map(len, FORMS.values()))
print(f"forms: the schema and the tool agree on {forms - disagreements} of {forms}")
failures += disagreements
print(f"validated with jsonschema {importlib.metadata.version('jsonschema')} (Draft 2020-12)")
print(f"schema: {len(specs) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
