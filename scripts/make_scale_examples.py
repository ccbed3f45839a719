#!/usr/bin/env python3
"""Writes the data of the scale examples (issue 25) into Templates/examples: release dates, wall-clock runs,
learning curves of eight models, attention heads, monthly temperature spreads, task scores before/after, and model
sizes. Seeded, so reruns write the same files.

    python3 scripts/make_scale_examples.py
"""
import datetime
import math
import os
import random

from example_data import OUT, write


rng = random.Random(25)

# Benchmark score of models over their release dates, 2019-2026, by lab.
labs = ["OpenAI", "Google", "Meta", "Anthropic", "Mistral"]
rows = []
start = datetime.date(2019, 2, 14)
for i in range(42):
    day = start + datetime.timedelta(days=int(i * 66 + rng.uniform(0, 50)))
    years = (day - start).days / 365.25
    score = 30 + 60 * (1 - math.exp(-years / 3.2)) + rng.gauss(0, 3.5)
    rows.append([f"model-{i + 1}", labs[i % len(labs)], day.isoformat(), f"{min(score, 99):.1f}"])
write("release-dates.csv", ["model", "lab", "released", "score"], rows)

# Validation loss against W&B's "Relative Time (Process)" in seconds, three runs of different speeds.
rows = []
for run, (speed, floor) in {"bf16": (1.0, 2.05), "fp32": (0.55, 2.02), "fp8": (1.45, 2.12)}.items():
    for step in range(0, 12001, 250):
        seconds = step / speed * 1.9 + rng.uniform(0, 4)
        loss = floor + 3.6 * math.exp(-step / 2300) + rng.gauss(0, 0.012)
        rows.append([run, step, f"{seconds:.1f}", f"{loss:.4f}"])
write("wall-clock.csv", ["run", "step", "Relative Time (Process)", "val_loss"], rows)

# Learning curves of eight models over three seeds each.
models = ["GPT-2", "Pythia", "OPT", "BLOOM", "LLaMA", "Mistral", "Qwen", "Gemma"]
rows = []
for m, model in enumerate(models):
    for seed in range(3):
        for step in range(0, 5001, 100):
            loss = 1.9 + 0.08 * m - 0.02 * m * m / 8 + 2.8 * math.exp(-step / (700 + 90 * m)) + rng.gauss(0, 0.025)
            rows.append([model, seed, step, f"{loss:.4f}"])
write("facet-curves.csv", ["model", "seed", "step", "loss"], rows)

# Six attention heads over a causal six-token sentence; rows sum to one.
tokens = ["The", "cat", "sat", "on", "the", "mat"]
rows = []
for head in range(6):
    sharp = 0.6 + 0.5 * head
    for q, query in enumerate(tokens):
        weights = [math.exp(rng.gauss(0, sharp)) if k <= q else 0.0 for k in range(len(tokens))]
        total = sum(weights)
        for k, key in enumerate(tokens):
            rows.append([f"head {head + 1}", f"{query}\u2009{q}", f"{key}\u2009{k}", f"{weights[k] / total:.4f}"])
write("attention-grid.csv", ["head", "query", "key", "weight"], rows)

# Daily temperature anomalies per month, for a ridge plot.
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
rows = []
for m, month in enumerate(months):
    centre = 8 * math.sin((m - 3) / 12 * 2 * math.pi) + 10
    for day in range(90):
        rows.append([month, f"{rng.gauss(centre, 2.5 + 1.2 * math.cos(m / 2)):.2f}"])
write("ridge.csv", ["month", "temperature"], rows)

# Accuracy on ten tasks before and after fine-tuning, for a dumbbell chart.
tasks = ["ARC-e", "ARC-c", "BoolQ", "HellaSwag", "PIQA", "SIQA", "WinoGrande", "OBQA", "MMLU", "GSM8K"]
rows = []
for t, task in enumerate(tasks):
    before = 35 + 45 * rng.random()
    after = min(98, before + rng.uniform(2, 18))
    rows.append([task, "base", f"{before:.1f}"])
    rows.append([task, "fine-tuned", f"{after:.1f}"])
write("dumbbell.csv", ["task", "model", "accuracy"], rows)

# Model size against score, bubbles sized by training tokens, coloured by family.
families = ["Pythia", "OPT", "LLaMA", "Qwen"]
rows = []
for f, family in enumerate(families):
    for size in [0.125, 0.35, 1.3, 2.7, 6.7, 13, 30, 70]:
        if rng.random() < 0.2:
            continue
        tokens = (0.3 + 0.7 * f) * 1e12 * (1 + rng.random())
        score = 25 + 9 * math.log10(size * 1e9 / 1e8) + 3 * f + rng.gauss(0, 2)
        rows.append([family, f"{size * 1e9:.4g}", f"{tokens:.3g}", f"{score:.1f}"])
write("bubble.csv", ["family", "params", "tokens", "score"], rows)
print("wrote 7 example tables to", os.path.normpath(OUT))
