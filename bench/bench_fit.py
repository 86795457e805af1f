"""Fit rate: the share of generated issues whose pages all come out good.

    .venv/bin/python bench/bench_fit.py [--seeds 4] [--cases volume-85,no-photos] [--keep DIR]

Each case of typeset.generate × each seed is written to a temporary folder, typeset by the
installed program (a subprocess, as a desk runs it), and judged by the independent checker
(../shared/tools/pdfcheck.py): an issue FITS when the run exits 0 and every page has a
largest hole ≤ 2 % of the page, 0 collisions, recall 1.0 and 0 kinsoku violations. Cases
that expect another exit code (overset-130: 3) count as right when they give it, and are
reported apart from the fit rate. Prints a table per case and `fit rate: F/N = P %`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from typeset.generate import cases, read_corpus, write_issue  # noqa: E402

PROGRAM = REPO / ".venv" / "bin" / "typeset"
CHECKER = REPO.parent / "shared" / "tools" / "pdfcheck.py"
MAX_HOLE = 0.02


def judge(issue: Path, out: Path) -> dict:
    """Build `issue` into `out` and check it: exit code, seconds, worst hole, verdict."""
    t0 = time.perf_counter()
    run = subprocess.run([str(PROGRAM), str(issue), "-o", str(out)], capture_output=True,
                         text=True, check=False)
    seconds = time.perf_counter() - t0
    pdf = out / "issue.pdf"
    row = {"exit": run.returncode, "seconds": seconds, "hole": None, "fit": False}
    if not pdf.exists():
        row["error"] = run.stderr.strip().splitlines()[-1:] or [""]
        return row
    report = out / "check.json"
    subprocess.run([sys.executable, str(CHECKER), str(issue), str(pdf), "--json", str(report)],
                   capture_output=True, check=False)
    data = json.loads(report.read_text(encoding="utf-8"))
    s = data["summary"]
    holes = [p["largest_hole_fraction"] for p in data["whitespace"]["per_page"]]
    row.update(hole=max(holes), recall=s["recall"], collisions=s["collisions"],
               kinsoku=s["kinsoku_violations"])
    row["fit"] = (run.returncode == 0 and max(holes) <= MAX_HOLE and s["collisions"] == 0
                  and s["recall"] == 1.0 and s["kinsoku_violations"] == 0)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=int, default=4, help="issues per case")
    ap.add_argument("--cases", default="", help="comma-separated case names (default: all)")
    ap.add_argument("--keep", type=Path, help="keep the issues and outputs here")
    ap.add_argument("--json", type=Path, help="write every row here")
    args = ap.parse_args()
    chosen = [c for c in cases() if not args.cases or c.name in args.cases.split(",")]
    corpus = read_corpus()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        for case in chosen:
            for seed in range(args.seeds):
                folder = root / f"{case.name}-{seed}"
                issue = write_issue(case, seed, folder, corpus)
                row = judge(issue, folder / "out")
                row.update(case=case.name, seed=seed, expect=case.expect)
                rows.append(row)
                hole = "-" if row["hole"] is None else f"{row['hole']:.2%}"
                print(f"{case.name:14} seed {seed}: exit {row['exit']} hole {hole} "
                      f"{'FIT' if row['fit'] else ''} {row.get('error', '')}", flush=True)
    print(f"\n{'case':14} {'issues':>6} {'right':>6} {'worst hole':>10} {'median s':>9}")
    for case in chosen:
        mine = [r for r in rows if r["case"] == case.name]
        right = sum(r["fit"] if case.expect == 0 else r["exit"] == case.expect for r in mine)
        worst = max((r["hole"] for r in mine if r["hole"] is not None), default=None)
        shown = "-" if worst is None else f"{worst:.2%}"
        print(f"{case.name:14} {len(mine):6} {right:6} {shown:>10} "
              f"{statistics.median(r['seconds'] for r in mine):9.2f}")
    fitted = [r for r in rows if r["expect"] == 0]
    good = sum(r["fit"] for r in fitted)
    print(f"\nfit rate: {good}/{len(fitted)} = {good / max(1, len(fitted)):.0%}")
    expected = [r for r in rows if r["expect"]]
    if expected:
        ok = sum(r["exit"] == r["expect"] for r in expected)
        print(f"expected overset (exit 3): {ok}/{len(expected)}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
