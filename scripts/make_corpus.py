#!/usr/bin/env python3
"""Writes Tests/Corpus: malformed specs and data files, each with the error class Vellum must report.

Each case is CASE.yaml (or .json) with any data files it names, listed in expected.tsv as
`file<TAB>error code` (the VellumError.Code raw value). Run from the repository root; the corpus is
committed, so tests do not need Python.
"""
import json, os, shutil

OUT = "Tests/Corpus"
shutil.rmtree(OUT, ignore_errors=True)
os.makedirs(OUT)
cases = []
GOOD_CSV = "step,loss,acc,name\n0,1.0,0.1,a\n1,0.5,0.2,b\n2,0.25,0.3,c\n"

def spec(layers="    - line: {x: step, y: loss}\n", top="", axes="", data="data: {d: data.csv}\n"):
    return f"size: [4in, 3in]\n{top}{data}axes:\n{axes}  layers:\n{layers}"

def case(name, text, expected, files=None, ext="yaml", raw=False):
    path = f"{len(cases) + 1:03}-{name}.{ext}"
    mode = "wb" if raw else "w"
    with open(os.path.join(OUT, path), mode) as f:
        f.write(text)
    for file, content in (files or {}).items():
        with open(os.path.join(OUT, f"{len(cases) + 1:03}-{file}"), "wb" if isinstance(content, bytes) else "w") as f:
            f.write(content)
    cases.append((path, expected))

def with_data(name, text, expected, csv=GOOD_CSV, data_name="data.csv"):
    n = len(cases) + 1
    text = text.replace("data.csv", f"{n:03}-{data_name}")
    case(name, text, expected, {data_name: csv})

# --- YAML syntax -----------------------------------------------------------------------------------------
syntax = [
    ("unclosed-flow-mapping", "axes: {layers: [\n"),
    ("unclosed-flow-sequence", "size: [4in, 3in\naxes: {layers: []}\n"),
    ("bad-indentation", "axes:\n  layers: []\n x: 1\n"),
    ("tab-indentation", "axes:\n\tlayers: []\n"),
    ("unclosed-double-quote", 'axes: {title: "open, layers: []}\n'),
    ("unclosed-single-quote", "axes: {title: 'open, layers: []}\n"),
    ("stray-colon-mapping", "axes: layers: []\n"),
    ("duplicate-key", "size: [1in, 1in]\nsize: [2in, 2in]\naxes: {layers: []}\n"),
    ("duplicate-nested-key", "axes:\n  layers: []\n  layers: []\n"),
    ("undefined-alias", "axes: *missing\n"),
    ("bad-block-scalar", "axes: |\n bad\n  - x\n: y\n"),
    ("mapping-in-sequence-broken", "axes:\n  layers:\n    - line: {x: a\n"),
    ("json-missing-comma", '{"axes": {"layers": [] "title": "x"}}\n'),
    ("json-unclosed", '{"axes": {"layers": []}\n'),
    ("json-single-quotes-broken", "{'axes': {'layers': [}}\n"),
    ("only-colon", ":\n"),
    ("question-key-broken", "? [a\n: b\n"),
    ("anchor-without-node", "axes: &a\n  - ]\n"),
    ("directive-garbage", "%YAML 9.9\n---\naxes: {layers: []}\n"),
    ("two-documents-broken", "axes: {layers: []}\n---\n]\n"),
]
for name, text in syntax:
    case(name, text, "syntax", ext="json" if name.startswith("json") else "yaml")

# --- wrong types, unknown keys, bad values ---------------------------------------------------------------
invalid = [
    ("empty-file", "", "invalidSpec"),
    ("only-comment", "# nothing here\n", "invalidSpec"),
    ("top-level-list", "- axes\n", "invalidSpec"),
    ("top-level-scalar", "hello\n", "invalidSpec"),
    ("missing-axes", "size: [4in, 3in]\n", "invalidSpec"),
    ("missing-layers", "axes: {title: x}\n", "invalidSpec"),
    ("unknown-top-key", "colour: red\naxes: {layers: []}\n", "invalidSpec"),
    ("unknown-axes-key", "axes: {titel: x, layers: []}\n", "invalidSpec"),
    ("unknown-axis-key", "axes: {x: {lable: a}, layers: []}\n", "invalidSpec"),
    ("size-one-value", "size: [4in]\naxes: {layers: []}\n", "invalidSpec"),
    ("size-negative", "size: [-4in, 3in]\naxes: {layers: []}\n", "invalidSpec"),
    ("size-zero", "size: [0, 3in]\naxes: {layers: []}\n", "invalidSpec"),
    ("size-unit", "size: [4furlong, 3in]\naxes: {layers: []}\n", "invalidSpec"),
    ("size-nan", "size: [.nan, 3in]\naxes: {layers: []}\n", "invalidSpec"),
    ("size-inf", "size: [.inf, 3in]\naxes: {layers: []}\n", "invalidSpec"),
    ("size-huge-number", "size: [1e400in, 3in]\naxes: {layers: []}\n", "invalidSpec"),
    ("size-too-large", "size: [10000000in, 1in]\naxes: {layers: []}\n", "invalidSpec"),
    ("size-mapping", "size: {w: 1}\naxes: {layers: []}\n", "invalidSpec"),
    ("pad-negative", "pad: -1\naxes: {layers: []}\n", "invalidSpec"),
    ("pad-text", "pad: wide\naxes: {layers: []}\n", "invalidSpec"),
    ("font-size-zero", "font: {size: 0}\naxes: {layers: []}\n", "invalidSpec"),
    ("font-size-text", "font: {size: big}\naxes: {layers: []}\n", "invalidSpec"),
    ("font-list", "font: [CMU Serif]\naxes: {layers: []}\n", "invalidSpec"),
    ("background-bad-color", "background: notacolor\naxes: {layers: []}\n", "invalidSpec"),
    ("palette-unknown", "palette: rainbow\naxes: {layers: []}\n", "invalidSpec"),
    ("palette-empty", "palette: []\naxes: {layers: []}\n", "invalidSpec"),
    ("text-mode-unknown", "text: outlines\naxes: {layers: []}\n", "invalidSpec"),
    ("decimate-not-bool", "decimate: maybe\naxes: {layers: []}\n", "invalidSpec"),
    ("layers-not-list", "axes: {layers: line}\n", "invalidSpec"),
    ("layer-unknown-kind", "axes: {layers: [{lines: {x: a, y: b}}]}\n", "invalidSpec"),
    ("layer-two-kinds", "axes: {layers: [{line: {}, band: {}}]}\n", "invalidSpec"),
    ("layer-scalar", "axes: {layers: [line]}\n", "invalidSpec"),
    ("limits-equal", "axes: {x: {limits: [1, 1]}, layers: []}\n", "invalidSpec"),
    ("limits-three", "axes: {x: {limits: [1, 2, 3]}, layers: []}\n", "invalidSpec"),
    ("limits-text", "axes: {x: {limits: [a, b]}, layers: []}\n", "invalidSpec"),
    ("limits-log-negative", "axes: {x: {scale: log, limits: [-1, 10]}, layers: []}\n", "invalidSpec"),
    ("limits-log-zero", "axes: {y: {scale: log, limits: [0, 10]}, layers: []}\n", "invalidSpec"),
    ("scale-unknown", "axes: {x: {scale: logarithmic}, layers: []}\n", "invalidSpec"),
    ("log-base-one", "axes: {x: {scale: log, base: 1}, layers: []}\n", "invalidSpec"),
    ("log-base-negative", "axes: {x: {scale: log, base: -2}, layers: []}\n", "invalidSpec"),
    ("ticks-step-zero", "axes: {x: {ticks: {step: 0}}, layers: []}\n", "invalidSpec"),
    ("ticks-step-negative", "axes: {x: {ticks: {step: -1}}, layers: []}\n", "invalidSpec"),
    ("ticks-step-and-values", "axes: {x: {ticks: {step: 1, values: [1]}}, layers: []}\n", "invalidSpec"),
    ("ticks-labels-count", "axes: {x: {ticks: {values: [1, 2], labels: [a]}}, layers: []}\n", "invalidSpec"),
    ("ticks-empty-mapping", "axes: {x: {ticks: {}}, layers: []}\n", "invalidSpec"),
    ("format-unknown", "axes: {x: {format: roman}, layers: []}\n", "invalidSpec"),
    ("format-printf-string", "axes: {x: {format: '%s'}, layers: []}\n", "invalidSpec"),
    ("format-printf-two", "axes: {x: {format: '%f %f'}, layers: []}\n", "invalidSpec"),
    ("format-printf-n", "axes: {x: {format: '%n'}, layers: []}\n", "invalidSpec"),
    ("decimals-too-many", "axes: {x: {decimals: 40}, layers: []}\n", "invalidSpec"),
    ("decimals-negative", "axes: {x: {decimals: -1}, layers: []}\n", "invalidSpec"),
    ("frame-unknown", "axes: {frame: boxed, layers: []}\n", "invalidSpec"),
    ("frame-width-negative", "axes: {frame: {width: -1}, layers: []}\n", "invalidSpec"),
    ("ticks-direction-unknown", "axes: {ticks: {direction: up}, layers: []}\n", "invalidSpec"),
    ("legend-location-unknown", "axes: {legend: {location: top}, layers: []}\n", "invalidSpec"),
    ("legend-columns-zero", "axes: {legend: {columns: 0}, layers: []}\n", "invalidSpec"),
    ("legend-anchor-one", "axes: {legend: {anchor: [0.5]}, layers: []}\n", "invalidSpec"),
    ("grid-axis-unknown", "axes: {grid: {axis: z}, layers: []}\n", "invalidSpec"),
    ("grid-which-unknown", "axes: {grid: {which: all}, layers: []}\n", "invalidSpec"),
    ("panels-too-small", "panels: {rows: 1, columns: 1}\naxes: [{layers: []}, {layers: []}]\n", "invalidSpec"),
    ("panels-too-many", "panels: {rows: 10, columns: 10}\naxes: [{layers: []}]\n", "invalidSpec"),
    ("panels-labels-count", "panels: {labels: [a]}\naxes: [{layers: []}, {layers: []}]\n", "invalidSpec"),
    ("axes-empty-list", "axes: []\n", "invalidSpec"),
    ("style-unknown", "style: icmll\naxes: {layers: []}\n", "invalidSpec"),
    ("style-loop-file", "style: ./missing-style.yaml\naxes: {layers: []}\n", "missingFile"),
    ("width-column-no-style", "width: column\naxes: {layers: []}\n", "invalidSpec"),
    ("data-not-mapping", "data: [a.csv]\naxes: {layers: []}\n", "invalidSpec"),
    ("data-source-empty", "data: {d: {}}\naxes: {layers: []}\n", "invalidSpec"),
    ("inline-ragged", "data: {d: {values: {x: [1, 2], y: [1]}}}\naxes: {layers: [{line: {x: x, y: y}}]}\n", "invalidData"),
    ("layer-needs-data", "axes: {layers: [{line: {x: a, y: b}}]}\n", "invalidSpec"),
    ("layer-unknown-data", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {data: e, x: x, y: x}}]}\n", "invalidSpec"),
    ("line-missing-y", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x}}]}\n", "invalidSpec"),
    ("band-missing-bounds", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{band: {x: x}}]}\n", "invalidSpec"),
    ("band-both-bounds", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{band: {x: x, lower: x, upper: x, center: x, error: x}}]}\n", "invalidSpec"),
    ("color-unknown", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x, y: x, color: blurple}}]}\n", "invalidSpec"),
    ("color-rgb-out-of-range", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x, y: x, color: 'rgb(300, 0, 0)'}}]}\n", "invalidSpec"),
    ("alpha-above-one", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x, y: x, alpha: 2}}]}\n", "invalidSpec"),
    ("width-negative", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x, y: x, width: -2}}]}\n", "invalidSpec"),
    ("dash-odd", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x, y: x, dash: '(0, (1, 2, 3))'}}]}\n", "invalidSpec"),
    ("dash-zero", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x, y: x, dash: [0, [0, 0]]}}]}\n", "invalidSpec"),
    ("dash-unknown", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x, y: x, dash: wiggly}}]}\n", "invalidSpec"),
    ("marker-unknown", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x, y: x, marker: heart}}]}\n", "invalidSpec"),
    ("marker-every-zero", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x, y: x, marker: {every: 0}}}]}\n", "invalidSpec"),
    ("step-unknown", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x, y: x, step: left}}]}\n", "invalidSpec"),
    ("bar-width-above-one", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{bar: {x: x, y: x, width: 2}}]}\n", "invalidSpec"),
    ("bar-value-labels-bad", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{bar: {x: x, y: x, value_labels: '%s'}}]}\n", "invalidSpec"),
    ("errorbar-no-errors", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{errorbar: {x: x, y: x}}]}\n", "invalidSpec"),
    ("hline-missing-y", "axes: {layers: [{hline: {color: red}}]}\n", "invalidSpec"),
    ("hline-text-y", "axes: {layers: [{hline: {y: high}}]}\n", "invalidSpec"),
    ("span-one-value", "axes: {layers: [{vspan: {x: [1]}}]}\n", "invalidSpec"),
    ("text-missing-text", "axes: {layers: [{text: {x: 1, y: 1}}]}\n", "invalidSpec"),
    ("transform-unknown", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x, y: x, transform: [{smooth: {}}]}}]}\n", "invalidSpec"),
    ("ema-alpha-one", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x, y: x, transform: [{ema: {column: x, alpha: 1}}]}}]}\n", "invalidSpec"),
    ("ema-no-form", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x, y: x, transform: [{ema: {column: x}}]}}]}\n", "invalidSpec"),
    ("rolling-zero-window", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x, y: x, transform: [{rolling: {column: x, window: 0}}]}}]}\n", "invalidSpec"),
    ("interpolate-both-grids", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x, y: x, transform: [{interpolate: {x: x, column: x, step: 1, points: 5}}]}}]}\n", "invalidSpec"),
    ("aggregate-unknown-stat", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x, y: x, transform: [{aggregate: {column: x, stats: [mode]}}]}}]}\n", "invalidSpec"),
    ("unpivot-bad-regex", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x, y: x, transform: [{unpivot: {pattern: '(['}}]}}]}\n", "invalidSpec"),
    ("tex-unknown-command", "data: {d: {values: {x: [1]}}}\naxes: {title: '\\foo{x}', layers: [{line: {x: x, y: x}}]}\n", "invalidSpec"),
    ("tex-unclosed-math", "data: {d: {values: {x: [1]}}}\naxes: {title: '$x^2', layers: [{line: {x: x, y: x}}]}\n", "invalidSpec"),
    ("tex-unbalanced-brace", "data: {d: {values: {x: [1]}}}\naxes: {title: 'a}b', layers: [{line: {x: x, y: x}}]}\n", "invalidSpec"),
    ("tex-double-superscript", "data: {d: {values: {x: [1]}}}\naxes: {title: '$x^1^2$', layers: [{line: {x: x, y: x}}]}\n", "invalidSpec"),
    ("tex-left-no-right", "data: {d: {values: {x: [1]}}}\naxes: {title: '$\\left( x$', layers: [{line: {x: x, y: x}}]}\n", "invalidSpec"),
    ("tex-lone-backslash", "data: {d: {values: {x: [1]}}}\naxes: {title: 'a \\', layers: [{line: {x: x, y: x}}]}\n", "invalidSpec"),
    ("font-family-missing", "font: {family: No Such Font Family}\naxes: {layers: []}\n", "font"),
    ("math-font-without-math", "font: {math: CMU Serif}\ndata: {d: {values: {x: [1]}}}\naxes: {title: '$x$', layers: [{line: {x: x, y: x}}]}\n", "font"),
    # Fallback fonts draw CJK, symbols and emoji; only a character no installed font has is an error.
    ("glyph-missing-unassigned", "data: {d: {values: {x: [1]}}}\naxes: {title: 'loss \u0378', layers: [{line: {x: x, y: x}}]}\n", "font"),
    ("glyph-missing-hieroglyph", "data: {d: {values: {x: [1]}}}\naxes: {title: '\U00013000', layers: [{line: {x: x, y: x}}]}\n", "font"),
    ("canvas-too-small", "size: [0.3in, 0.3in]\ndata: {d: {values: {x: [1]}}}\naxes: {title: A long title, x: {label: x}, y: {label: y}, layers: [{line: {x: x, y: x}}]}\n", "layout"),
    ("label-too-long", "data: {d: {values: {x: [1]}}}\naxes: {title: '" + "a" * 2500 + "', layers: [{line: {x: x, y: x}}]}\n", "invalidSpec"),
    ("deep-flow-nesting", "axes: " + "[" * 200 + "]" * 200 + "\n", "invalidSpec"),
    ("deep-block-nesting", "axes:\n" + "".join("  " * i + "a:\n" for i in range(1, 120)) + "  " * 120 + "b: 1\n", "invalidSpec"),
]
# Integers and ranges at the edge of machine arithmetic (each once trapped or overflowed).
invalid += [
    ("panel-rows-int-max", "panels: {rows: 9223372036854775807}\naxes: [{layers: []}]\n", "invalidSpec"),
    ("bootstrap-seed-negative", "data: {d: {values: {x: [1, 1, 2], y: [1, 2, 3]}}}\naxes: {layers: [{line: {x: x, y: y, transform: [{aggregate: {by: x, column: y, stats: [bootstrap], seed: -1}}]}}]}\n", "invalidSpec"),
    ("interpolate-infinite-grid", "data: {d: {values: {x: [-1e300, 1e300]}}}\naxes: {layers: [{line: {x: x, y: x, transform: [{interpolate: {x: x, column: x, step: 1e-300}}]}}]}\n", "invalidData"),
    ("range-beyond-double", "data: {d: {values: {x: [1, 2, 3], y: [1e300, -1e300, 1.7e308]}}}\naxes: {layers: [{line: {x: x, y: y}}]}\n", "invalidData"),
    ("pad-1e308", "pad: 1e308\naxes: {layers: []}\n", "invalidSpec"),
    ("legend-font-size-1e308", "axes: {legend: {font_size: 1e308}, layers: []}\n", "invalidSpec"),
    ("line-width-1e308", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x, y: x, width: 1e308}}]}\n", "invalidSpec"),
    ("panel-spacing-too-large-for-canvas", "panels: {columns: 2, spacing: 900}\naxes: [{layers: []}, {layers: []}]\n", "layout"),
    ("range-subnormal", "data: {d: {values: {x: [1, 2, 3], y: [1e-300, 2e-300, 5e-324]}}}\naxes: {layers: [{line: {x: x, y: y}}]}\n", "invalidData"),
]
for name, text, expected in invalid:
    case(name, text, expected)
case("binary-garbage", bytes(range(256)) * 8, "syntax", raw=True)
case("utf16-spec", "axes: {layers: []}\n".encode("utf-16"), "syntax", raw=True)
case("latin1-spec", "axes: {title: 'caf\xe9', layers: []}\n".encode("latin-1"), "syntax", raw=True)
case("nul-bytes", b"axes: {layers: []}\n\x00\x00\x00", "syntax", raw=True)

# --- data files --------------------------------------------------------------------------------------------
data_cases = [
    ("missing-data-file", spec(data="data: {d: nowhere.csv}\n"), "missingFile", None),
    ("data-path-is-folder", spec(data="data: {d: ../Corpus}\n"), "missingFile", None),
    ("data-path-is-device", spec(data="data: {d: /dev/zero}\n"), "missingFile", None),
    ("unknown-column", spec("    - line: {x: step, y: los}\n"), "invalidData", GOOD_CSV),
    ("unknown-x-column", spec("    - line: {x: time, y: loss}\n"), "invalidData", GOOD_CSV),
    ("non-numeric-cell", spec(), "invalidData", "step,loss\n0,1\n1,abc\n"),
    ("inf-cell", spec(), "invalidData", "step,loss\n0,1\n1,inf\n"),
    ("ragged-row-short", spec(), "invalidData", "step,loss\n0,1\n1\n"),
    ("ragged-row-long", spec(), "invalidData", "step,loss\n0,1\n1,2,3\n"),
    ("empty-csv", spec(), "invalidData", ""),
    ("header-only-no-column", spec(), "invalidData", "a,b\n"),
    ("hex-step", spec(), "invalidData", "step,loss\n0x10,1\n"),
    ("unclosed-quote-csv", spec(), "invalidData", 'step,loss\n0,"1\n'),
    ("binary-csv", spec(), "invalidData", bytes(range(1, 256)) * 4),
    ("latin1-csv", spec(), "invalidData", "step,loss\n0,caf\xe9\n".encode("latin-1")),
    ("filter-empty", spec("    - line: {x: step, y: loss, transform: [{filter: {name: z}}]}\n"), "invalidData", GOOD_CSV),
    ("filter-range-empty", spec("    - line: {x: step, y: loss, transform: [{filter: {loss: {min: 5}}}]}\n"), "invalidData", GOOD_CSV),
    ("filter-unknown-column", spec("    - line: {x: step, y: loss, transform: [{filter: {who: a}}]}\n"), "invalidData", GOOD_CSV),
    ("ema-unknown-column", spec("    - line: {x: step, y: loss, transform: [{ema: {column: lost, alpha: 0.5}}]}\n"), "invalidData", GOOD_CSV),
    ("interpolate-no-range", spec("    - line: {x: step, y: loss, transform: [{interpolate: {x: step, by: name, column: loss, step: 1}}]}\n"), "invalidData", GOOD_CSV),
    ("aggregate-unknown-column", spec("    - line: {x: step, y: loss, transform: [{aggregate: {by: name, column: nope}}]}\n"), "invalidData", GOOD_CSV),
    ("select-unknown", spec("    - line: {x: step, y: loss, transform: [{select: [step, nope]}]}\n"), "invalidData", GOOD_CSV),
    ("rename-unknown", spec("    - line: {x: step, y: loss, transform: [{rename: {nope: x}}]}\n"), "invalidData", GOOD_CSV),
    ("unpivot-no-match", spec("    - line: {x: step, y: loss, transform: [{unpivot: {pattern: 'zz(.*)'}}]}\n"), "invalidData", GOOD_CSV),
    ("log-x-all-nonpositive", spec("    - line: {x: step, y: loss}\n", axes="  x: {scale: log}\n"), "invalidData", "step,loss\n0,1\n-1,2\n"),
    ("log-y-all-nonpositive", spec("    - line: {x: step, y: loss}\n", axes="  y: {scale: log}\n"), "invalidData", "step,loss\n1,0\n2,-3\n"),
    ("group-unknown-column", spec("    - line: {x: step, y: loss, group: team}\n"), "invalidData", GOOD_CSV),
    ("band-unknown-error", spec("    - band: {x: step, center: loss, error: err}\n"), "invalidData", GOOD_CSV),
    ("bar-unknown-error", spec("    - bar: {x: step, y: loss, error: err}\n"), "invalidData", GOOD_CSV),
    ("scatter-text-values", spec("    - scatter: {x: step, y: name}\n"), "invalidData", GOOD_CSV),
]
for name, text, expected, csv in data_cases:
    if csv is None:
        case(name, text, expected)
    else:
        with_data(name, text, expected, csv=csv)
# JSON Lines
for name, content in [("jsonl-not-json", "{step: 1}\n"), ("jsonl-array-line", "[1, 2]\n"),
                      ("jsonl-nested", '{"step": 1, "loss": {"a": 1}}\n'), ("jsonl-empty", "\n\n")]:
    n = len(cases) + 1
    case(name, spec(data=f"data: {{d: {n:03}-log.jsonl}}\n"), "invalidData", {"log.jsonl": content})
# Non-finite and extreme numbers written in the spec
for name, value in [("inline-nan-limit", ".nan"), ("inline-inf-limit", ".inf"), ("inline-neg-inf-limit", "-.inf"),
                    ("tiny-equal-limits", "1e-320")]:
    case(name, f"axes: {{x: {{limits: [{value}, {value}]}}, layers: []}}\n", "invalidSpec")
for name, value in [("hline-nan", ".nan"), ("hline-inf", ".inf"), ("text-x-inf", "-.inf")]:
    key = "hline: {y: " if "hline" in name else "text: {text: t, y: 1, x: "
    case(name, f"axes: {{layers: [{{{key}{value}}}}}]}}\n", "invalidSpec")
for name, text in [("legend-font-nan", "axes: {legend: {font_size: .nan}, layers: []}\n"),
                   ("marker-size-inf", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x, y: x, marker: {size: .inf}}}]}\n"),
                   ("alpha-nan", "data: {d: {values: {x: [1]}}}\naxes: {layers: [{line: {x: x, y: x, alpha: .nan}}]}\n"),
                   ("tick-length-inf", "axes: {ticks: {length: .inf}, layers: []}\n"),
                   ("frame-width-inf", "axes: {frame: {width: 1e999}, layers: []}\n"),
                   ("aspect-text", "style: icml\naspect: tall\naxes: {layers: []}\n")]:
    case(name, text, "invalidSpec")

# A 10 MB single line is made by the test itself (CorpusTests), to keep the repository small.
with open(os.path.join(OUT, "expected.tsv"), "w") as f:
    for path, expected in cases:
        f.write(f"{path}\t{expected}\n")
print(f"{len(cases)} cases in {OUT}")
