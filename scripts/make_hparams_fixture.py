#!/usr/bin/env python3
"""Writes Tests/Fixtures/tensorboard-hparams: two runs of a sweep, each with a few scalars and its hyperparameters
as TensorBoard's own hparams plugin writes them (`summary_v2.hparams_pb`: a `_hparams_/session_start_info` summary
whose metadata carries `HParamsPluginData`), and the values TensorBoard's loader reads back
(Tests/Fixtures/tensorboard-hparams/expected.json), which TensorBoardReaderTests checks Vellum against.

    .build/pyvenv/bin/python scripts/make_hparams_fixture.py   # needs tensorboard from PyPI
"""
import json
import os
import shutil

from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from tensorboard.compat.proto import event_pb2, summary_pb2
from tensorboard.plugins.hparams import metadata as hparams_metadata
from tensorboard.plugins.hparams import summary_v2
from tensorboard.summary.writer.event_file_writer import EventFileWriter

ROOT = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "tensorboard-hparams")
shutil.rmtree(ROOT, ignore_errors=True)
RUNS = {
    "run_a": {"lr": 0.0003, "optimizer": "adam", "layers": 4, "dropout": True},
    "run_b": {"lr": 0.001, "optimizer": "sgd", "layers": 8, "dropout": False},
}
expected = {}
for run, hparams in RUNS.items():
    folder = os.path.join(ROOT, run)
    os.makedirs(folder)
    writer = EventFileWriter(folder)
    writer.add_event(event_pb2.Event(wall_time=100.0, step=0, summary=summary_v2.hparams_pb(hparams)))
    for step in range(3):
        summary = summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag="loss", simple_value=2.0 - step / 4)])
        writer.add_event(event_pb2.Event(wall_time=101.0 + step, step=step, summary=summary))
    writer.close()
    files = [f for f in os.listdir(folder) if f.startswith("events.out.tfevents")]
    os.replace(os.path.join(folder, files[0]), os.path.join(folder, "events.out.tfevents.100.host.1.0"))
    # What TensorBoard's own loader reads back from the file.
    accumulator = EventAccumulator(folder)
    accumulator.Reload()
    content = accumulator.PluginTagToContent(hparams_metadata.PLUGIN_NAME)
    plugin_data = hparams_metadata.parse_session_start_info_plugin_data(
        content[hparams_metadata.SESSION_START_INFO_TAG])
    values = {}
    for name, value in plugin_data.hparams.items():
        kind = value.WhichOneof("kind")
        values[name] = {"number_value": value.number_value, "string_value": value.string_value,
                        "bool_value": value.bool_value}[kind]
    expected[run] = values
with open(os.path.join(ROOT, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1, sort_keys=True)
print(json.dumps(expected))
