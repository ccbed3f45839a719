#!/usr/bin/env python3
"""Validates every spec in Templates/examples against `vellum schema`, with the jsonschema package from PyPI.

Usage: scripts/validate_schema.py VELLUM_BINARY [SPEC...]
Also checks that the schema rejects a misspelled key, so a schema that accepts everything fails.
"""
import glob, importlib.metadata, json, subprocess, sys

import jsonschema
import yaml

binary = sys.argv[1]
specs = sys.argv[2:] or sorted(glob.glob("Templates/examples/*.yaml"))
schema = json.loads(subprocess.run([binary, "schema"], check=True, capture_output=True, text=True).stdout)
validator = jsonschema.Draft202012Validator(schema)
jsonschema.Draft202012Validator.check_schema(schema)
failures = 0
for path in specs:
    with open(path) as f:
        document = yaml.safe_load(f)
    errors = list(validator.iter_errors(document))
    for error in errors:
        print(f"{path}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    failures += bool(errors)
    if not errors:
        # A typo anywhere must fail validation: rename the first axes key.
        broken = json.loads(json.dumps(document))
        axes = broken["axes"][0] if isinstance(broken["axes"], list) else broken["axes"]
        axes["titel"] = axes.pop("title", "x")
        if validator.is_valid(broken):
            print(f"{path}: schema accepted a misspelled key")
            failures += 1
# Invalid specs the tool refuses: the schema should refuse them too. Value ranges, key spellings and shapes are
# in the schema, with the cross-key rules SpecDocumentation lists; TeX and data names are not, so this is a floor that may
# only rise (70 of the 126 parseable invalidSpec corpus cases on 2026-11-26).
REJECTED_FLOOR = 70
expected = dict(line.split("\t") for line in open("Tests/Corpus/expected.tsv").read().splitlines() if line)
rejected = accepted = 0
for name, kind in sorted(expected.items()):
    if kind != "invalidSpec":
        continue
    try:
        document = yaml.safe_load(open(f"Tests/Corpus/{name}"))
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
print(f"validated with jsonschema {importlib.metadata.version('jsonschema')} (Draft 2020-12)")
print(f"schema: {len(specs) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
