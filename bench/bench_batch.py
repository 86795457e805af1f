"""Batch throughput: 64 generated issues typeset by `typeset batch` with 1 and 2 workers and
by a shell-style loop of single `typeset` runs, PDF and EPUB (the default outputs).

    .venv/bin/python bench/bench_batch.py [--issues 64] [--runs 1] [--keep DIR]

Each mode is a fresh subprocess per run (`typeset batch … --force`, so the cluster's start-up
and every issue count; the loop one `typeset ISSUE -o DIR` per issue, as `for f in …; do
typeset "$f"; done` would). It prints each run's wall time, then per mode the median,
issues per second and the speed-ups, and an estimate for a 32-core cluster.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from typeset.generate import cases, write_issue  # noqa: E402

TYPESET = [sys.executable, "-m", "typeset"]
# Ten years of a daily, and the cluster the estimate is for.
YEARS_OF_ISSUES = 29_200
CLUSTER_CORES = 32


def generate(root: Path, count: int) -> list[Path]:
    """`count` issues, the cases of `typeset generate --list` in turn, seeds counting up."""
    every = cases()
    return [write_issue(every[i % len(every)], i // len(every),
                        root / f"{every[i % len(every)].name}-{i // len(every)}")
            for i in range(count)]


def timed(command: list[str]) -> float:
    """Wall seconds of one command (its output discarded; exit 0 or 3 expected)."""
    t0 = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    if run.returncode not in (0, 3):
        sys.exit(f"bench: {' '.join(command[:6])}… exited {run.returncode}:\n{run.stderr}")
    return time.perf_counter() - t0


def batch(issues_dir: Path, out: Path, workers: int) -> float:
    return timed([*TYPESET, "batch", str(issues_dir), "-o", str(out), "--workers",
                  str(workers), "--force"])


def loop(issues: list[Path], out: Path) -> float:
    t0 = time.perf_counter()
    for issue in issues:
        timed([*TYPESET, str(issue), "-o", str(out / issue.parent.name)])
    return time.perf_counter() - t0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, default=64)
    parser.add_argument("--runs", type=int, default=1, help="runs per mode (median taken)")
    parser.add_argument("--keep", type=Path, help="write issues and outputs under DIR")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        root = args.keep or Path(tmp)
        issues = generate(root / "issues", args.issues)
        modes = {"1 worker": lambda o: batch(root / "issues", o, 1),
                 "2 workers": lambda o: batch(root / "issues", o, 2),
                 "shell loop": lambda o: loop(issues, o)}
        walls: dict[str, list[float]] = {mode: [] for mode in modes}
        for run in range(args.runs):
            for mode, go in modes.items():
                cpu = _children_cpu()
                walls[mode].append(go(root / f"out-{mode.replace(' ', '-')}"))
                # CPU time of the processes it ran (workers too, once reaped): the steadier
                # figure on a busy machine.
                print(f"  run {run + 1}: {mode:<10} {walls[mode][-1]:7.1f} s wall, "
                      f"{_children_cpu() - cpu:7.1f} s CPU "
                      f"(load {os.getloadavg()[0]:.1f})", file=sys.stderr, flush=True)
    median = {mode: statistics.median(w) for mode, w in walls.items()}
    print(f"{args.issues} issues, PDF + EPUB, median of {args.runs} run(s), "
          f"{os.cpu_count()} CPUs")
    for mode, wall in median.items():
        print(f"{mode:<10} {wall:7.1f} s  {args.issues / wall:5.2f} issues/s  "
              f"{wall / args.issues:5.2f} s/issue")
    one, two, shell = median["1 worker"], median["2 workers"], median["shell loop"]
    print(f"2 workers vs 1: {one / two:.2f}×; 1 worker vs the shell loop: {shell / one:.2f}×")
    # The estimate: the per-issue time of one worker, spread over the cluster's cores with
    # the parallel efficiency measured here from 1 to 2 workers.
    efficiency = one / two / 2
    hours = YEARS_OF_ISSUES * one / args.issues / (CLUSTER_CORES * efficiency) / 3600
    print(f"{YEARS_OF_ISSUES:,} issues on {CLUSTER_CORES} cores at {one / args.issues:.2f} "
          f"s/issue/core and {efficiency:.0%} efficiency: {hours:.1f} h")
    return 0


if __name__ == "__main__":
    sys.exit(main())
