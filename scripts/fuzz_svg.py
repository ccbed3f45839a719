#!/usr/bin/env python3
"""SVG fuzzing of the review commands: Vellum's own SVGs (Golden/) mutated byte-wise (flips, cuts, inserted markup
with extreme numbers and stray bytes) through `vellum textconv` and `vellum diff`. Every run must end with exit
status 0 or 1 — textconv passes what it cannot read through, diff refuses it with one `error:` line; a signal
(a trap), a hang or another status is a finding, saved under --keep.

    python3 scripts/fuzz_svg.py --binary .build/release/vellum --runs 5000 --seed 1
"""
import argparse, glob, os, random, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INSERTS = [
    b'<g id="x" data-x="linear 0 1e308 0 1" data-y="log:10 0 -5 1 1">', b'<text><tspan y="nan">9</tspan></text>',
    b'<g id="axes-9" class="axes" data-x="symlog:10:0:1 -1e308 1e308 0 1e308" data-y="logit 0 1 5 5">',
    b'd="M1e999 NaN L-0 5e-324Z"', b'"', b"<", b"&#0;", b"\xe7", b"\xff\xfe", b"<![CDATA[", b"]]>", b"</g>" * 50,
]


def mutate(data, rng):
    data = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        position = rng.randrange(max(1, len(data)))
        choice = rng.random()
        if choice < 0.4:
            data[position:position + 1] = bytes([rng.randrange(256)])
        elif choice < 0.7:
            del data[position:position + rng.randint(1, 200)]
        else:
            data[position:position] = rng.choice(INSERTS)
    return bytes(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", default=os.path.join(ROOT, ".build", "fuzz-svg"))
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    goldens = sorted(glob.glob(os.path.join(ROOT, "Golden", "*.svg")))
    findings = 0
    with tempfile.TemporaryDirectory(prefix="vellum-fuzz-svg-") as work:
        original = os.path.join(work, "original.svg")
        mutated = os.path.join(work, "mutated.svg")
        for run in range(arguments.runs):
            source = rng.choice(goldens)
            shutil.copyfile(source, original)
            with open(source, "rb") as f:
                data = mutate(f.read(), rng)
            with open(mutated, "wb") as f:
                f.write(data)
            for command in (["textconv", mutated], ["diff", original, mutated]):
                try:
                    result = subprocess.run([arguments.binary] + command, capture_output=True, timeout=60)
                    status = result.returncode
                except subprocess.TimeoutExpired:
                    status = "hang"
                if status not in (0, 1):
                    findings += 1
                    os.makedirs(arguments.keep, exist_ok=True)
                    kept = os.path.join(arguments.keep, f"run-{run}-{command[0]}.svg")
                    shutil.copyfile(mutated, kept)
                    print(f"finding: vellum {command[0]} exited {status} on {kept} (from {os.path.basename(source)})")
    print(f"{arguments.runs} mutated SVGs through textconv and diff: {findings} findings")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
