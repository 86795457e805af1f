"""Benchmark: the page-layout engine on the sample issue (run on demand).

    .venv/bin/python bench/bench_layout.py [ISSUE.md] [--runs N] [--layout NAME]

Prints the median of N runs of: composing every article's body (what the engine needs from
the composer), the whole make-up (composition + placement + drawing), and their difference,
the placement's own cost (the issue's budget: ≤ 2 s for the sample's 8 pages).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from typeset.config import load_layout
from typeset.fonts import load_fonts
from typeset.ingest import load_issue
from typeset.layout import make_up
from typeset.layout.units import body_units

SAMPLE = Path(__file__).resolve().parent.parent / "issues" / "sample" / "issue.md"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("issue", nargs="?", type=Path, default=SAMPLE)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--layout", default="broadsheet")
    args = ap.parse_args()
    cfg = load_layout(args.layout)
    fonts = load_fonts(cfg.fonts)
    issue = load_issue(args.issue)
    compose, whole = [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        for a in issue.articles:
            body_units(a, cfg, fonts, [])
        t1 = time.perf_counter()
        make_up(issue, cfg, fonts, [])
        t2 = time.perf_counter()
        compose.append(t1 - t0)
        whole.append(t2 - t1)
    c, w = statistics.median(compose), statistics.median(whole)
    print(f"{args.issue.name}: {len(issue.articles)} articles, {cfg.pages} pages, "
          f"{args.runs} runs (medians)")
    print(f"  composing the bodies   {c:6.2f} s")
    print(f"  make-up (all)          {w:6.2f} s")
    print(f"  placement + drawing    {w - c:6.2f} s")


if __name__ == "__main__":
    main()
