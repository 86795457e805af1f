"""Benchmark the line composer: compose every paragraph, heading, caption and table cell of
the sample issue at the broadsheet's column width and print the median of several runs.

Run on demand (it is not a test):  .venv/bin/python bench/bench_compose.py [ISSUE.md] [-n 7]

The runs are timed with the cycle collector paused, as a build runs the composer
(pipeline.build pauses it for the whole run); --gc keeps it running.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from pathlib import Path

from typeset.compose import HARD_BREAK, StyledRun, compose_paragraph
from typeset.compose.pieces import clear_cache
from typeset.config import LayoutConfig, load_layout
from typeset.fonts import load_fonts
from typeset.ingest import load_issue
from typeset.model import (Byline, Figure, LineBreak, ListBlock, Paragraph, Quote, Style,
                           Subhead, Table)

SAMPLE = Path("/work/shared/issues/sample/issue.md")
_STYLE_ROLE = {Style.REGULAR: "body", Style.EMPHASIS: "emphasis", Style.BYLINE: "byline"}


def _paragraph_runs(p: Paragraph, size: float) -> list[StyledRun]:
    return [StyledRun(HARD_BREAK, "body", size) if isinstance(i, LineBreak)
            else StyledRun(i.text, _STYLE_ROLE[i.style], size) for i in p.inlines]


def issue_jobs(issue_path: Path, layout: str = "broadsheet"
               ) -> tuple[list[tuple[list[StyledRun], float, float]], LayoutConfig]:
    """(runs, measure, indent) for every piece of text of the issue, and the text rules."""
    cfg = load_layout(layout)
    body = cfg.grid.body_size
    width = cfg.page.column_width
    indent = cfg.text.indent_em * body
    jobs: list[tuple[list[StyledRun], float, float]] = []
    for article in load_issue(issue_path).articles:
        for head in (article.banner, article.kicker, article.headline, *article.subtitles):
            if head:
                jobs.append(([StyledRun(head, "headline", cfg.sizes.headline_small)],
                             2 * width, 0.0))
        for block in article.blocks:
            if isinstance(block, Paragraph):
                jobs.append((_paragraph_runs(block, body), width, indent if block.indent else 0))
            elif isinstance(block, (Byline, Subhead)):
                jobs.append(([StyledRun(block.text, "byline", body)], width, 0.0))
            elif isinstance(block, (Quote, ListBlock)):
                for p in block.paragraphs if isinstance(block, Quote) else block.items:
                    jobs.append((_paragraph_runs(p, body), width, 0.0))
            elif isinstance(block, Table):
                for row in (block.header, *block.rows):
                    jobs.append(([StyledRun("　".join(row), "caption", cfg.sizes.table)],
                                 width, 0.0))
            elif isinstance(block, Figure):
                jobs.append(([StyledRun(block.caption + block.credit, "caption",
                                        cfg.sizes.caption)], width, 0.0))
    return jobs, cfg



def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("issue", nargs="?", type=Path, default=SAMPLE)
    ap.add_argument("-n", type=int, default=7, help="number of timed runs")
    ap.add_argument("--gc", action="store_true",
                    help="keep the cycle collector running (a build pauses it)")
    args = ap.parse_args()
    jobs, cfg = issue_jobs(args.issue)
    fonts = load_fonts(cfg.fonts)
    chars = sum(len(r.text) for runs, _, _ in jobs for r in runs)
    times = []
    cpu = []
    lines = 0
    for _ in range(args.n):
        # Each run composes from the glyphs up: the composer keeps prepared paragraphs
        # (shaping, gap classes, spacing) for the layout's repeated asks, not for this loop.
        clear_cache()
        # Without the pause the runs would time collector passes over the fonts' and the
        # composer's caches that a build never makes (and more of them the more is cached).
        if not args.gc:
            gc.disable()
        t0, c0 = time.perf_counter(), time.process_time()
        lines = sum(len(compose_paragraph(runs, measure, fonts, cfg.text, indent=indent))
                    for runs, measure, indent in jobs)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        gc.enable()
    # CPU time too: on a shared machine the wall clock also counts other processes.
    print(f"{len(jobs)} paragraphs, {chars} characters, {lines} lines; "
          f"first run {times[0]:.3f} s; median of {args.n}: {statistics.median(times):.3f} s "
          f"wall, {statistics.median(cpu):.3f} s CPU"
          f" (cycle collector {'running' if args.gc else 'paused'})")


if __name__ == "__main__":
    main()
