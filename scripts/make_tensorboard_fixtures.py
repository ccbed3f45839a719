#!/usr/bin/env python3
"""Writes the TensorBoard event files Vellum's tests and the tensorboard-seeds example read: three seeds of a
training run as tensorboardX writes them (scalars as simple_value), and one run as TF2 writes scalars (a float
tensor in a Summary.Value with the scalars plugin's metadata). Also a corrupt and a truncated copy for the tests.

    python3 scripts/make_tensorboard_fixtures.py   # needs tensorboardX and tensorboard from PyPI
"""
import os
import shutil
import struct

import numpy as np
from tensorboard.compat.proto import event_pb2, summary_pb2, tensor_pb2, types_pb2
from tensorboard.summary.writer.event_file_writer import EventFileWriter
from tensorboardX import SummaryWriter

ROOT = os.path.join(os.path.dirname(__file__), "..")
EXAMPLE = os.path.join(ROOT, "Templates", "examples", "tensorboard-runs")
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures", "tensorboard")


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)


def pin(folder, name):
    """Event file names carry a time stamp and host name: rename to a fixed name so reruns give the same files."""
    files = [f for f in os.listdir(folder) if f.startswith("events.out.tfevents")]
    assert len(files) == 1, files
    os.replace(os.path.join(folder, files[0]), os.path.join(folder, name))


# Three seeds, tensorboardX (simple_value), 200 steps every 10.
fresh(EXAMPLE)
for seed in range(3):
    rng = np.random.default_rng(seed)
    folder = os.path.join(EXAMPLE, f"seed{seed}")
    writer = SummaryWriter(folder)
    for step in range(0, 2001, 10):
        loss = 2.2 + 2.6 * np.exp(-step / 400) + 0.15 * np.exp(-step / 1500) * (seed - 1) + rng.normal(0, 0.05)
        writer.add_scalar("train/loss", loss, global_step=step, walltime=1_700_000_000 + step)
        if step % 100 == 0:
            writer.add_scalar("eval/accuracy", 0.5 + 0.3 * (1 - np.exp(-step / 600)) + rng.normal(0, 0.01),
                              global_step=step, walltime=1_700_000_000 + step)
    writer.close()
    pin(folder, "events.out.tfevents.1700000000.host.1.0")

# The test fixtures: one small tensorboardX run, one TF2-style run, a corrupt and a truncated file.
fresh(FIXTURES)
folder = os.path.join(FIXTURES, "good", "tbx")
writer = SummaryWriter(folder)
for step, value in [(0, 1.5), (1, 1.25), (2, 1.0)]:
    writer.add_scalar("loss", value, global_step=step, walltime=100.0 + step)
writer.close()
pin(folder, "events.out.tfevents.100.host.1.0")

folder = os.path.join(FIXTURES, "good", "tf2")
os.makedirs(folder)
writer = EventFileWriter(folder)
metadata = summary_pb2.SummaryMetadata(plugin_data=summary_pb2.SummaryMetadata.PluginData(plugin_name="scalars"))
for step, value in [(0, 2.5), (5, 2.0)]:
    tensor = tensor_pb2.TensorProto(dtype=types_pb2.DT_FLOAT, float_val=[value])
    summary = summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag="loss", tensor=tensor, metadata=metadata)])
    writer.add_event(event_pb2.Event(wall_time=200.0 + step, step=step, summary=summary))
# A double scalar packed as tensor_content, as some writers do.
tensor = tensor_pb2.TensorProto(dtype=types_pb2.DT_DOUBLE, tensor_content=struct.pack("<d", 1.75))
summary = summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag="loss", tensor=tensor, metadata=metadata)])
writer.add_event(event_pb2.Event(wall_time=210.0, step=10, summary=summary))
writer.close()
pin(folder, "events.out.tfevents.200.host.1.0")

good = os.path.join(FIXTURES, "good", "tbx", "events.out.tfevents.100.host.1.0")
data = open(good, "rb").read()
os.makedirs(os.path.join(FIXTURES, "corrupt", "run"))
corrupt = bytearray(data)
corrupt[-10] ^= 0xFF  # a byte inside the last record's payload: its data CRC no longer matches
open(os.path.join(FIXTURES, "corrupt", "run", "events.out.tfevents.1.host.1.0"), "wb").write(bytes(corrupt))
os.makedirs(os.path.join(FIXTURES, "truncated", "run"))
open(os.path.join(FIXTURES, "truncated", "run", "events.out.tfevents.1.host.1.0"), "wb").write(data[:-7])
print("written")
