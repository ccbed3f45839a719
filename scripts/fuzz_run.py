"""The check both fuzzers make of one run of the binary: exit status 0, 1 or 3; on failure exactly one UTF-8
`error:` line and no output left behind; no signal and no hang."""
import os
import shutil
import subprocess
import sys


def render(binary, arguments, out, timeout=60):
    """Runs `binary` with `arguments`; returns (status, stderr text, problem or None)."""
    try:
        done = subprocess.run([binary] + arguments, capture_output=True, timeout=timeout)
        status = done.returncode
        try:
            text = done.stderr.decode("utf-8")
        except UnicodeDecodeError:
            return status, done.stderr.decode("utf-8", "replace"), "a message that is not UTF-8"
    except subprocess.TimeoutExpired:
        return "timeout", "", "a hang"
    if status not in (0, 1, 3):
        return status, text, f"status {status}"
    if status != 0 and (text.count("\n") != 1 or "error: " not in text):
        return status, text, "not a one-line error"
    if status != 0 and os.path.exists(out):
        return status, text, "failed run left output"
    return status, text, None


class Tally:
    """Each run's exit status counted; each finding's inputs kept under `keep/name` and reported."""

    def __init__(self, keep):
        self.keep, self.statuses, self.findings = keep, {}, 0

    def record(self, status, problem, work, name, report):
        self.statuses[status] = self.statuses.get(status, 0) + 1
        if problem:
            self.findings += 1
            shutil.copytree(work, os.path.join(self.keep, name))
            print(report)

    def finish(self, runs):
        print(f"{runs} runs, exit statuses {self.statuses}, {self.findings} findings")
        sys.exit(1 if self.findings else 0)
