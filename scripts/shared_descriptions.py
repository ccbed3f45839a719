#!/usr/bin/env python3
"""Counts description strings that `vellum schema` gives to properties of different type or value set: each such
string is one sentence serving keys of different meaning. Prints each, and the count last.

    python3 scripts/shared_descriptions.py .build/debug/vellum [--max N]   # exit 1 when more than N
"""
import json
import subprocess
import sys


def signature(schema):
    """The property's schema without its help: what values it takes."""
    if isinstance(schema, dict):
        return {k: signature(v) for k, v in schema.items() if k not in ("description", "x-default", "examples", "title")}
    if isinstance(schema, list):
        return [signature(v) for v in schema]
    return schema


def main():
    binary = sys.argv[1]
    limit = int(sys.argv[sys.argv.index("--max") + 1]) if "--max" in sys.argv else None
    schema = json.loads(subprocess.run([binary, "schema"], check=True, capture_output=True, text=True).stdout)
    forms = {}

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.get("properties", {}).items():
                if isinstance(value, dict) and "description" in value:
                    forms.setdefault(value["description"], {}).setdefault(
                        json.dumps(signature(value), sort_keys=True), []).append(path + [key])
            for key, value in node.items():
                walk(value, path + ([] if key in ("properties", "anyOf", "oneOf", "items", "allOf") else [key]))
        elif isinstance(node, list):
            for item in node:
                walk(item, path)

    walk(schema, [])
    shared = {d: s for d, s in forms.items() if len(s) > 1}
    for description, signatures in sorted(shared.items()):
        places = [".".join(p[-2:]) for paths in signatures.values() for p in paths[:1]]
        print(f"{len(signatures)} forms: {description!r}: {', '.join(places)}")
    print(len(shared))
    if limit is not None and len(shared) > limit:
        sys.exit(1)


main()
