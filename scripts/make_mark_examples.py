#!/usr/bin/env python3
"""Writes the data of the mark examples (issue 27) into Templates/examples: a loss landscape over two random
directions around a trained model (Li et al.'s filter-normalised plots, a 51 × 51 grid with one row per point) and
a per-epoch learning rate with warm restarts for a stem plot, six models' benchmark scores for a ridgeline plot, and four
models' inference latency by stage at two batch sizes for grouped-and-stacked bars, and response lengths against
rewards for a joint plot. Deterministic (seeded), so reruns write the same files.

    python3 scripts/make_mark_examples.py
"""
import csv
import math
import os
import random

OUT = os.path.join(os.path.dirname(__file__), "..", "Templates", "examples")

rows = []
for j in range(51):
    beta = -1 + j * 0.04
    for i in range(51):
        alpha = -1 + i * 0.04
        # A tilted basin around the minimum, a second shallower basin, and ripples from the sharp directions.
        loss = (0.35 + 1.6 * (alpha - 0.1) ** 2 + 2.4 * (beta + 0.05) ** 2 + 0.9 * (alpha - 0.1) * (beta + 0.05)
                - 0.45 * math.exp(-((alpha + 0.65) ** 2 + (beta - 0.6) ** 2) / 0.05)
                + 0.06 * math.sin(9 * alpha) * math.cos(7 * beta))
        rows.append([f"{alpha:.2f}", f"{beta:.2f}", f"{loss:.5f}"])
with open(os.path.join(OUT, "loss-landscape.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["alpha", "beta", "loss"])
    w.writerows(rows)

# SGDR per epoch: cosine from 0.1 to 0.001 over periods of 8, 16 and then 24 epochs (T_mult 2, cut at 48).
rows = []
start, period = 0, 8
for epoch in range(48):
    if epoch >= start + period:
        start, period = start + period, period * 2
    t = (epoch - start) / period
    rows.append([epoch, f"{0.001 + 0.5 * (0.1 - 0.001) * (1 + math.cos(math.pi * t)):.5f}"])
with open(os.path.join(OUT, "lr-stem.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["epoch", "lr"])
    w.writerows(rows)

# Six models' scores over 150 prompts each: later models score higher and spread wider; one is bimodal.
rng = random.Random(27)
rows = []
for index, model in enumerate(["GPT-2", "Llama-2", "Mistral", "Qwen-2", "Gemma-2", "Llama-3"]):
    for prompt in range(150):
        if model == "Qwen-2" and prompt % 3 == 0:
            score = rng.gauss(38, 5)
        else:
            score = rng.gauss(35 + 7 * index, 5 + index)
        rows.append([model, f"{score:.2f}"])
with open(os.path.join(OUT, "ridgeline.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["model", "score"])
    w.writerows(rows)

# Inference latency per request (ms) of four models split into stages, at batch size 1 and 16: grouped (batch
# side by side) and stacked (stages) bars.
rows = []
for model, prefill, decode in [("Llama-3-8B", 38, 212), ("Mistral-7B", 33, 188), ("Qwen-2-7B", 35, 201),
                               ("Gemma-2-9B", 47, 246)]:
    for batch, scale in [("batch 1", 1.0), ("batch 16", 2.6)]:
        sampling = 9 if batch == "batch 1" else 21
        for stage, value in [("prefill", prefill * scale), ("decode", decode * (1 + 0.35 * (scale - 1))),
                             ("sampling", sampling)]:
            rows.append([model, batch, stage, f"{value:.0f}"])
with open(os.path.join(OUT, "latency-breakdown.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["model", "batch", "stage", "ms"])
    w.writerows(rows)

# 600 sampled responses: length in tokens (log-normal) and the reward model's score, which rises with length and
# saturates: a joint plot with marginal histograms.
rng = random.Random(2727)
rows = []
for _ in range(600):
    length = min(math.exp(rng.gauss(5.3, 0.45)), 900)
    reward = 1.6 * math.tanh(length / 300) - 0.4 + rng.gauss(0, 0.3)
    rows.append([f"{length:.0f}", f"{reward:.3f}"])
with open(os.path.join(OUT, "joint.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["length", "reward"])
    w.writerows(rows)
