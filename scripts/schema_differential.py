#!/usr/bin/env python3
"""Differential check of `vellum schema` against the tool: mutate the example specs (the fuzzer's mutations) and
ask both. Every spec the tool draws (`vellum scene` exits 0) must validate; specs the tool refuses are counted,
with the share the schema refuses too.

Usage: scripts/schema_differential.py VELLUM_BINARY [--runs N] [--seed S]
"""
import argparse, collections, glob, json, os, random, subprocess, sys

import jsonschema
import yaml

sys.path.insert(0, os.path.dirname(__file__))
from fuzz_specs import mutate_spec  # noqa: E402
from validate_schema_loader import Yaml12Loader  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    schema = json.loads(subprocess.run([binary, "schema"], check=True, capture_output=True, text=True).stdout)
    validator = jsonschema.Draft202012Validator(schema)
    rng = random.Random(args.seed)
    examples = sorted(glob.glob("Templates/examples/*.yaml"))
    counts = collections.Counter()
    findings = 0
    for _ in range(args.runs):
        path = rng.choice(examples)
        text = open(path, encoding="utf-8").read()
        for _ in range(rng.randint(1, 3)):
            text = mutate_spec(text, rng)
        try:
            document = yaml.load(text, Yaml12Loader)
        except (yaml.YAMLError, ValueError):
            counts["not YAML to PyYAML"] += 1
            continue
        tool = subprocess.run(
            [binary, "scene", "-"], input=text.encode("utf-8"), capture_output=True, cwd=os.path.dirname(path)
        )
        schema_ok = validator.is_valid(document)
        if tool.returncode == 0:
            counts["tool draws"] += 1
            if not schema_ok:
                findings += 1
                error = jsonschema.exceptions.best_match(validator.iter_errors(document))
                print(f"schema refuses a spec the tool draws ({path}): {'/'.join(map(str, error.absolute_path))}: "
                      f"{error.message[:300]}")
        else:
            counts["tool refuses"] += 1
            counts["schema refuses too"] += not schema_ok
    print(dict(counts))
    print(f"{findings} specs the tool draws were refused by the schema")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
