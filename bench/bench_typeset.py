"""Time the full build of an issue (PDF + EPUB), as the `typeset` command runs it.

    .venv/bin/python bench/bench_typeset.py [ISSUE] [--runs N] [--in-process]

Each run is a fresh `python -m typeset ISSUE -o TMPDIR` process (start-up, font loading and
all), unless --in-process, which calls typeset.pipeline.build in this process (warm caches
after the first run). Prints every run's wall time and the median.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "issues" / "sample" / "issue.md"
TARGET_S = 3.0  # the foundation issue's goal for the sample


def run_subprocess(issue: Path, outdir: Path) -> float:
    """One cold build as a separate process; its wall time in seconds."""
    t0 = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "typeset", str(issue), "-o", str(outdir)],
                         capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t0
    if run.returncode != 0:
        sys.exit(f"typeset failed (exit {run.returncode}):\n{run.stderr}")
    return seconds


def run_in_process(issue: Path, outdir: Path) -> float:
    """One build through the pipeline in this process; its wall time in seconds."""
    from typeset.pipeline import Options, build

    t0 = time.perf_counter()
    build(issue, Options(outdir=outdir))
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("issue", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--in-process", action="store_true")
    args = parser.parse_args()
    once = run_in_process if args.in_process else run_subprocess
    # Other work on the machine skews the times: say how busy it was.
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs", flush=True)
    times = []
    with tempfile.TemporaryDirectory(prefix="bench-typeset-") as tmp:
        for n in range(1, args.runs + 1):
            seconds = once(args.issue, Path(tmp) / f"run{n}")
            times.append(seconds)
            print(f"run {n}: {seconds:.2f} s", flush=True)
    median = statistics.median(times)
    mode = "in-process" if args.in_process else "subprocess"
    print(f"median of {args.runs} ({mode}, PDF+EPUB, {args.issue.name}): {median:.2f} s "
          f"(target < {TARGET_S:.0f} s for the sample)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
