#!/usr/bin/env python3
"""Mutation fuzzing of the example specs and their data against a built `vellum`.

Every run must end with exit status 0, 1 or 3 and one `error:` line on failure; a signal (trap, crash),
a hang or a stray output file is reported with the input that caused it, saved under --keep.

    python3 scripts/fuzz_specs.py --binary .build/release/vellum --runs 2000 --seed 1
"""
import argparse, os, random, re, shutil, tempfile

from fuzz_run import Tally, render

VALUES = ["0", "-1", "1e308", "-1e308", ".nan", ".inf", "-.inf", "1e-320", "99999999999999999999", "9223372036854775807", "-9223372036854775808", "-5", "abc", "[]",
          "{}", "''", "null", "true", "-0", "0.0000001", "3.5in", "1e9cm", "$", "\\frac", "'$x^{'", "[1, 2, 3]"]
NOISE = list("{}[]:,-'\"\\$^_%&#*!|>?@`\t") + ["\n", "  ", "\u00e9", "\u202e", "\x00", "\x07", "\ufffd"]
CELLS = ["", "nan", "inf", "-inf", "1e400", "x", "\"", "1,2", "-0", "1e-400", "  3 ", "\u00a0"]


def mutate_spec(text, rng):
    lines = text.split("\n")
    kind = rng.randrange(7)
    if kind == 0:
        numbers = list(re.finditer(r"-?\d+(\.\d+)?(e-?\d+)?", text))
        if numbers:
            m = rng.choice(numbers)
            return text[:m.start()] + rng.choice(VALUES) + text[m.end():]
    if kind == 1 and len(lines) > 1:
        del lines[rng.randrange(len(lines))]
    elif kind == 2:
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])
    elif kind == 3 and len(lines) > 2:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == 4:
        p = rng.randrange(len(text) + 1)
        return text[:p] + rng.choice(NOISE) + text[p:]
    elif kind == 5:
        return text[: rng.randrange(len(text) + 1)]
    else:
        words = re.findall(r"[A-Za-z_]+", text)
        if words:
            target = rng.choice(words)
            return text.replace(target, rng.choice(words), 1)
    return "\n".join(lines)


def mutate_csv(text, rng):
    rows = text.split("\n")
    if len(rows) < 2:
        return text
    i = rng.randrange(1, len(rows))
    cells = rows[i].split(",")
    cells[rng.randrange(len(cells))] = rng.choice(CELLS)
    rows[i] = ",".join(cells)
    return "\n".join(rows)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/vellum")
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", default="fuzz-findings")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    examples = "Templates/examples"
    specs = sorted(f for f in os.listdir(examples) if f.endswith(".yaml"))
    work = tempfile.mkdtemp(prefix="vellum-fuzz-")
    tally = Tally(args.keep)
    for run in range(args.runs):
        shutil.rmtree(work)
        shutil.copytree(examples, work)
        name = rng.choice(specs)
        path = os.path.join(work, name)
        text = open(path, encoding="utf-8").read()
        for _ in range(rng.randrange(1, 4)):
            text = mutate_spec(text, rng)
        with open(path, "w", encoding="utf-8", errors="surrogatepass") as f:
            f.write(text)
        csvs = [f for f in os.listdir(work) if f.endswith(".csv")]
        if csvs and rng.random() < 0.3:
            csv = os.path.join(work, rng.choice(csvs))
            with open(csv, encoding="utf-8") as f:
                content = f.read()
            with open(csv, "w", encoding="utf-8") as f:
                f.write(mutate_csv(content, rng))
        out = os.path.join(work, "out")
        status, stderr, problem = render(args.binary, ["render", path, "--out", out, "--format", "svg,png"], out)
        tally.record(status, problem, work, f"{run:05}", f"run {run} ({name}): {problem}: {stderr.strip()[:300]}")
    shutil.rmtree(work)
    tally.finish(args.runs)


if __name__ == "__main__":
    main()
