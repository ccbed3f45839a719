"""What the example-data scripts share: where the examples live, and one CSV writer (LF line ends, header first)."""
import csv
import os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Templates", "examples")


def write(name, header, rows):
    """Writes Templates/examples/NAME: the header row, then `rows`."""
    with open(os.path.join(OUT, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
