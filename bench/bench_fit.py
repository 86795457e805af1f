"""Fit rate of the make-up over generated test issues (typeset.generate's cases).

    .venv/bin/python bench/bench_fit.py [--cases A,B] [--seeds K] [--first S] [--jobs N]
                                        [--fillers F] [--keep DIR] [--json]

For each case and seed S..S+K-1 (S = 0 unless given) it writes the issue, runs
`.venv/bin/typeset ISSUE --pdf -o OUT` as a subprocess (exit status, seconds), then the
independent checker `../shared/tools/pdfcheck.py --json` on the PDF. An issue FITS when
the run exits 0, no page that carries copy has an empty rectangle over MAX_HOLE of its
area, and the checker finds no collision, no kinsoku violation and every character
(recall 1.0). A case whose copy cannot fit (expected exit 3) is reported apart and left
out of the fit rate.
`--jobs N` runs N issues at a time (each run is one process; the seconds per issue are
then those of a shared machine). `--fillers F` gives every issue a filler pool of F short
items and a house ad, as a desk keeps ready (the fit rate without one is the headline
figure: a filler only goes where the copy left a hole); recall is then that of the copy,
without the pool.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from typeset import generate  # noqa: E402
from typeset.generate import Case, cases, write_issue  # noqa: E402

TYPESET = REPO / ".venv" / "bin" / "typeset"
CHECKER = REPO.parent / "shared" / "tools" / "pdfcheck.py"
# The largest empty rectangle a filled page may keep, as a fraction of the page's area
# (the checker's whitespace.per_page[].largest_hole_fraction).
MAX_HOLE = 0.02


@dataclass
class Outcome:
    """One generated issue's run and what the checker saw."""

    case: str
    seed: int
    exit: int
    seconds: float
    expect: int
    worst_hole: float | None = None  # over the pages that carry copy
    collisions: int | None = None
    recall: float | None = None
    kinsoku: int | None = None
    reasons: list[str] = field(default_factory=list)  # why it does not fit; empty: it fits

    @property
    def fits(self) -> bool:
        return not self.reasons


def check(issue: Path, pdf: Path, report: Path) -> dict | None:
    """The checker's metrics for the PDF (its --json output); None when it could not read
    the files (its stderr is kept beside the report)."""
    run = subprocess.run([sys.executable, str(CHECKER), str(issue), str(pdf), "--json",
                          str(report)], capture_output=True, text=True, check=False)
    if run.returncode != 0:
        report.with_suffix(".log").write_text(run.stderr, encoding="utf-8")
        return None
    return json.loads(report.read_text(encoding="utf-8"))


def judge(outcome: Outcome, metrics: dict | None, case: Case) -> None:
    """Fill in the checker's figures and the reasons the issue does not fit."""
    if outcome.exit != 0:
        outcome.reasons.append(f"exit {outcome.exit}")
    if metrics is None:
        return
    pages = case.copy_pages
    holes = [p["largest_hole_fraction"] for p in metrics["whitespace"]["per_page"]
             if p["largest_hole_fraction"] is not None and (pages is None or p["page"] in pages)]
    summary = metrics["summary"]
    outcome.worst_hole = max(holes) if holes else None
    outcome.collisions = summary["collisions"]
    outcome.recall = summary["recall"]
    outcome.kinsoku = summary["kinsoku_violations"]
    if outcome.worst_hole is not None and outcome.worst_hole > MAX_HOLE:
        outcome.reasons.append("hole")
    if outcome.collisions:
        outcome.reasons.append("collisions")
    if outcome.recall != 1.0:
        outcome.reasons.append("recall")
    if outcome.kinsoku:
        outcome.reasons.append("kinsoku")


def run_one(case: Case, seed: int, work: Path, fillers: int = 0) -> Outcome:
    """Write (with a pool of `fillers` items and a house ad, when given), typeset and check
    one issue in `work`."""
    issue = write_issue(case, seed, work / "issue", fillers)
    out = work / "out"
    t0 = time.perf_counter()
    run = subprocess.run([str(TYPESET), str(issue), "--pdf", "-o", str(out)],
                         capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t0
    (work / "typeset.log").write_text(run.stdout + run.stderr, encoding="utf-8")
    outcome = Outcome(case.name, seed, run.returncode, round(seconds, 2), case.expect)
    pdf = out / "issue.pdf"
    # The copy is checked for: a pool's items are optional (those no hole takes are left
    # out and named in a warning), and the issue without the pool is the same copy.
    copy = write_issue(case, seed, work / "copy") if fillers else issue
    metrics = check(copy, pdf, work / "check.json") if pdf.is_file() else None
    if pdf.is_file() and metrics is None:
        outcome.reasons.append("checker failed")
    judge(outcome, metrics, case)
    return outcome


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f} %"


def table(outcomes: list[Outcome], chosen: list[Case]) -> str:
    """The per-case table and the fit-rate line."""
    head = f"{'case':<14} {'issues':>6} {'fit':>4}  {'exits':<12} {'worst hole':>10} " \
           f"{'median s':>8}  why not"
    lines = [head, "-" * len(head)]
    for case in chosen:
        mine = [o for o in outcomes if o.case == case.name]
        if not mine:
            continue
        exits = " ".join(f"{code}×{n}" for code, n in sorted(Counter(o.exit for o in mine).items()))
        holes = [o.worst_hole for o in mine if o.worst_hole is not None]
        why = Counter(r for o in mine for r in o.reasons)
        fit = f"{sum(o.fits for o in mine)}" if not case.expect else "n/a"
        lines.append(f"{case.name:<14} {len(mine):>6} {fit:>4}  {exits:<12} "
                     f"{_pct(max(holes) if holes else None):>10} "
                     f"{statistics.median(o.seconds for o in mine):>8.2f}  "
                     + ", ".join(f"{r} {n}" for r, n in why.most_common()))
    tried = [o for o in outcomes if not o.expect]
    fitted = sum(o.fits for o in tried)
    for case in chosen:
        expected = [o for o in outcomes if o.case == case.name and o.expect]
        if expected:
            lines.append(f"{case.name}: expected exit {case.expect}: "
                         f"{sum(o.exit == o.expect for o in expected)}/{len(expected)}")
    rate = 100 * fitted / len(tried) if tried else 0.0
    lines.append(f"fit rate: {fitted}/{len(tried)} = {rate:.1f} %")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", help="comma-separated case names (default: all; see "
                                        "`typeset generate --list`)")
    parser.add_argument("--seeds", type=int, default=4, help="seeds per case (default 4)")
    parser.add_argument("--first", type=int, default=0,
                        help="the first seed (default 0): --first 4 --seeds 4 tries seeds "
                             "4–7, issues the engine was not tuned on")
    parser.add_argument("--keep", type=Path, help="keep every issue, PDF, log and checker "
                                                   "report under DIR/CASE-SEED")
    parser.add_argument("--jobs", type=int, default=1, help="issues run at a time (default 1)")
    parser.add_argument("--fillers", type=int, default=0,
                        help="a filler pool of this many items and a house ad in every "
                             "issue (default 0: none)")
    parser.add_argument("--json", action="store_true", help="print the outcomes as JSON")
    args = parser.parse_args()
    chosen = [generate.case(n) for n in args.cases.split(",")] if args.cases else cases()
    with tempfile.TemporaryDirectory(prefix="bench-fit-") as tmp:
        root = args.keep or Path(tmp)

        def one(job: tuple[Case, int]) -> Outcome:
            case, seed = job
            outcome = run_one(case, seed, root / f"{case.name}-{seed}", args.fillers)
            if not args.json:
                print(f"  {case.name} seed {seed}: exit {outcome.exit}, "
                      f"{outcome.seconds:.2f} s, hole {_pct(outcome.worst_hole)}, "
                      f"{'FIT' if outcome.fits else ', '.join(outcome.reasons)}",
                      file=sys.stderr, flush=True)
            return outcome

        jobs = [(case, seed) for case in chosen
                for seed in range(args.first, args.first + args.seeds)]
        with ThreadPoolExecutor(max(1, args.jobs)) as pool:
            outcomes = list(pool.map(one, jobs))  # in the jobs' order, whatever ends first
    if args.json:
        tried = [o for o in outcomes if not o.expect]
        print(json.dumps({"max_hole": MAX_HOLE,
                          "fit": sum(o.fits for o in tried), "tried": len(tried),
                          "issues": [asdict(o) | {"fits": o.fits} for o in outcomes]},
                         ensure_ascii=False, indent=1))
    else:
        print(table(outcomes, chosen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
