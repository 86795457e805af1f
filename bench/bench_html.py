"""Time what the HTML edition adds to a build: `--pdf --epub` against `--pdf --epub --html`.

    .venv/bin/python bench/bench_html.py [ISSUE] [--runs N]

Each run is a fresh `python -m typeset` process; the two kinds alternate, so that other
work on the machine weighs on both alike. Prints the medians of wall and CPU time, their
difference (the issue's budget: at most 2 s of wall time beyond the PDF's) and the size of
the edition's folder.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_typeset import REPO, SAMPLE, children_cpu

BUDGET_S = 2.0


def run(issue: Path, outdir: Path, *formats: str) -> tuple[float, float]:
    """One build of `formats` as a separate process: (wall, CPU) seconds."""
    t0, cpu0 = time.perf_counter(), children_cpu()
    done = subprocess.run([sys.executable, "-m", "typeset", str(issue), "-o", str(outdir),
                           *formats], capture_output=True, text=True, check=False)
    seconds, cpu = time.perf_counter() - t0, children_cpu() - cpu0
    if done.returncode != 0:
        sys.exit(f"typeset failed (exit {done.returncode}):\n{done.stderr}")
    return seconds, cpu


def folder_bytes(folder: Path) -> tuple[int, int]:
    """(files, bytes) under `folder`."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("issue", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    compileall.compile_dir(REPO / "typeset", quiet=1)
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs", flush=True)
    times: dict[str, list[tuple[float, float]]] = {"pdf+epub": [], "pdf+epub+html": []}
    with tempfile.TemporaryDirectory(prefix="bench-html-") as tmp:
        for n in range(1, args.runs + 1):
            for kind, formats in (("pdf+epub", ("--pdf", "--epub")),
                                  ("pdf+epub+html", ("--pdf", "--epub", "--html"))):
                wall, cpu = run(args.issue, Path(tmp) / f"{kind}{n}", *formats)
                times[kind].append((wall, cpu))
                print(f"run {n} {kind}: {wall:.2f} s (CPU {cpu:.2f} s)", flush=True)
        files, size = folder_bytes(Path(tmp) / "pdf+epub+html1" / f"{args.issue.stem}-html")
    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v))
           for k, v in times.items()}
    extra = med["pdf+epub+html"][0] - med["pdf+epub"][0]
    print(f"median of {args.runs}: pdf+epub {med['pdf+epub'][0]:.2f} s "
          f"(CPU {med['pdf+epub'][1]:.2f} s), pdf+epub+html {med['pdf+epub+html'][0]:.2f} s "
          f"(CPU {med['pdf+epub+html'][1]:.2f} s)")
    print(f"the HTML edition adds {extra:.2f} s (CPU "
          f"{med['pdf+epub+html'][1] - med['pdf+epub'][1]:.2f} s; budget {BUDGET_S:.0f} s); "
          f"{files} files, {size:,} bytes")
    return 0 if extra <= BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
