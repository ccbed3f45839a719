#!/usr/bin/env python3
"""Writes the data of the text-from-data examples (issue 26) into Templates/examples: classifier scores for ROC and
precision-recall curves, predictions for a reliability diagram, a cosine learning-rate schedule with warm restarts,
labelled model sizes, and a Pareto front of models. Seeded, so reruns write the same files.

    python3 scripts/make_text_examples.py
"""
import math
import random

from example_data import write


rng = random.Random(26)

# Scores of three classifiers on the same 400 examples: the stronger the model, the further apart its classes.
rows = []
labels = [rng.random() < 0.4 for _ in range(400)]
for model, separation in [("ResNet-50", 2.2), ("ViT-B/16", 2.8), ("Logistic", 1.2)]:
    for positive in labels:
        z = rng.gauss(separation / 2 if positive else -separation / 2, 1)
        rows.append([model, f"{1 / (1 + math.exp(-z)):.4f}", int(positive)])
write("roc-pr.csv", ["model", "score", "label"], rows)

# An over-confident classifier's confidence and whether it was right, for a reliability diagram.
rows = []
for _ in range(2000):
    confidence = min(0.999, 0.5 + 0.5 * rng.betavariate(2.2, 1.1))
    accuracy = 0.5 + (confidence - 0.5) * 0.82
    rows.append([f"{confidence:.4f}", int(rng.random() < accuracy)])
write("reliability.csv", ["confidence", "correct"], rows)

# SGDR: cosine annealing with warm restarts whose period doubles (T0 = 2000 steps), after a 500-step warm-up.
rows = []
restarts = []
start, period, step = 500, 2000, 0
for step in range(0, 15501, 50):
    if step < 500:
        lr = 3e-4 * step / 500
    else:
        while step >= start + period:
            start += period
            period *= 2
            restarts.append(start)
        t = (step - start) / period
        lr = 1e-5 + 0.5 * (3e-4 - 1e-5) * (1 + math.cos(math.pi * t))
    rows.append([step, f"{lr:.6g}"])
write("lr-schedule.csv", ["step", "lr"], rows)
write("lr-restarts.csv", ["step"], [[s] for s in sorted(set(restarts))])

# Models by parameters and benchmark score, labelled with their names; the largest reach the plot's right edge.
names = ["Pico", "Nano", "Micro", "Mini", "Small", "Base", "Medium", "Large", "XL", "XXL", "Giant", "Colossus"]
rows = []
for i, name in enumerate(names):
    params = 10 ** (7.5 + i * 0.33)
    score = 22 + 5.2 * i + rng.uniform(-1.5, 1.5)
    tokens = 10 ** (10.5 + i * 0.18)
    rows.append([f"{name}-LM", f"{params:.3g}", f"{tokens:.3g}", f"{score:.1f}"])
write("labelled-bubbles.csv", ["model", "params", "tokens", "score"], rows)

# Latency against accuracy: candidates of a search, the frontier among them, and the few worth naming.
rows = []
for i in range(40):
    latency = rng.uniform(2, 40)
    best = 62 + 14 * (1 - math.exp(-latency / 12))
    rows.append([f"cand-{i:02d}", f"{latency:.2f}", f"{best - abs(rng.gauss(0, 3.5)):.2f}"])
write("pareto-front.csv", ["candidate", "latency_ms", "accuracy"], rows)
