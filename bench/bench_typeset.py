"""Time the full build of an issue (PDF + EPUB), as the `typeset` command runs it.

    .venv/bin/python bench/bench_typeset.py [ISSUE] [--runs N] [--in-process]

Each run is a fresh `python -m typeset ISSUE -o TMPDIR` process (start-up, font loading and
all), unless --in-process, which calls typeset.pipeline.build in this process (warm caches
after the first run). Prints every run's wall and CPU time and the medians: on a busy
machine the CPU time is the steadier of the two.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "issues" / "sample" / "issue.md"
TARGET_S = 3.0  # the foundation issue's goal for the sample


def children_cpu() -> float:
    """CPU seconds (user + system) used so far by finished child processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_subprocess(issue: Path, outdir: Path) -> tuple[float, float]:
    """One cold build as a separate process: (wall, CPU) seconds."""
    t0, cpu0 = time.perf_counter(), children_cpu()
    run = subprocess.run([sys.executable, "-m", "typeset", str(issue), "-o", str(outdir)],
                         capture_output=True, text=True, check=False)
    seconds, cpu = time.perf_counter() - t0, children_cpu() - cpu0
    if run.returncode != 0:
        sys.exit(f"typeset failed (exit {run.returncode}):\n{run.stderr}")
    return seconds, cpu


def run_in_process(issue: Path, outdir: Path) -> tuple[float, float]:
    """One build through the pipeline in this process: (wall, CPU) seconds."""
    from typeset.pipeline import Options, build

    t0, cpu0 = time.perf_counter(), time.process_time()
    build(issue, Options(outdir=outdir))
    return time.perf_counter() - t0, time.process_time() - cpu0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("issue", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--in-process", action="store_true")
    args = parser.parse_args()
    once = run_in_process if args.in_process else run_subprocess
    # Time the installed program, not the compilation of edited sources: with
    # PYTHONDONTWRITEBYTECODE set, every run would compile the changed modules again.
    compileall.compile_dir(REPO / "typeset", quiet=1)
    # Other work on the machine skews the times: say how busy it was.
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs", flush=True)
    walls, cpus = [], []
    with tempfile.TemporaryDirectory(prefix="bench-typeset-") as tmp:
        for n in range(1, args.runs + 1):
            wall, cpu = once(args.issue, Path(tmp) / f"run{n}")
            walls.append(wall)
            cpus.append(cpu)
            print(f"run {n}: {wall:.2f} s (CPU {cpu:.2f} s)", flush=True)
    mode = "in-process" if args.in_process else "subprocess"
    print(f"median of {args.runs} ({mode}, PDF+EPUB, {args.issue.name}): "
          f"{statistics.median(walls):.2f} s (CPU {statistics.median(cpus):.2f} s; "
          f"target < {TARGET_S:.0f} s for the sample)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
