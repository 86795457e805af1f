"""The command line: `typeset ISSUE.md [--pdf] [--epub] [-o OUTDIR] [--layout NAME]`.

Exit status: 0 done; 2 bad input or usage (the message names file, line and article);
3 written, but copy ran over (overset: each frame named on stderr and marked in the PDF);
1 an internal error (a bug: reported without a traceback unless TYPESET_DEBUG is set).
`typeset batch INPUTS… -o OUTDIR`: 0 every issue done or skipped; 2 some issue failed (or bad
usage); 3 none failed but some ran over; 130 interrupted.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path

import click

from .errors import InputError
from .pipeline import Options, build

# Outputs written, but some copy did not fit (see Result.overset).
EXIT_OVERSET = 3
# The stages `build` announces, for the progress bar.
STAGES = 5
PROGRESS_AFTER_S = 1.0
BAR_WIDTH = 24


class _Progress:
    """A bar on stderr, shown only once a run has taken longer than PROGRESS_AFTER_S."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.start = time.perf_counter()
        self.shown = False

    def step(self, name: str) -> None:
        self.done += 1
        # A bar drawn with carriage returns only makes sense on a terminal, not in a CI log.
        if not sys.stderr.isatty() or time.perf_counter() - self.start < PROGRESS_AFTER_S:
            return
        filled = BAR_WIDTH * min(self.done, self.total) // self.total
        click.echo(f"\r[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {name:<40}", err=True,
                   nl=False)
        self.shown = True

    def close(self) -> None:
        if self.shown:
            click.echo("\r" + " " * (BAR_WIDTH + 45) + "\r", err=True, nl=False)


class _DefaultToBuild(click.Group):
    """`typeset ISSUE.md …` means `typeset build ISSUE.md …`; subcommands stay available."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h",
                                                                      "--version"):
            args = ["build", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultToBuild, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="typeset")
def main() -> None:
    """Typeset a newspaper issue: `typeset ISSUE.md --pdf --epub`."""


# What to write and how: the options `build` and `batch` share, in the order --help lists.
_TYPESETTING_OPTIONS = [
    click.option("--pdf", "want_pdf", is_flag=True, help="Write the print PDF."),
    click.option("--epub", "want_epub", is_flag=True, help="Write the EPUB 3."),
    click.option("--html", "want_html", is_flag=True,
                 help="Write the HTML edition, OUTDIR/<stem>-html/ (its page images are "
                      "renders of the PDF, made in memory when --pdf is not given)."),
    click.option("--layout", default="broadsheet", show_default=True,
                 help="A layout in layouts/ by name, or a path to a layout .toml file."),
    click.option("--allow-missing-glyphs", is_flag=True,
                 help="Set characters no font covers as blank boxes and report them."),
    click.option("--no-epub-font", is_flag=True,
                 help="Do not embed the body font in the EPUB."),
    click.option("--pdf-standard", type=click.Choice(["x1a", "x4", "none"]), default=None,
                 help="PDF/X-1a:2003, PDF/X-4 or plain PDF (default: the layout's [print])."),
    click.option("--marks/--no-marks", default=None,
                 help="Crop marks outside the bleed (default: the layout's [print])."),
    click.option("--preview", is_flag=True, help="Also write PNG thumbnails of the pages."),
    click.option("--all-pages", is_flag=True,
                 help="Print pages without copy too, as blank page plans (default: left out)."),
    click.option("--max-input-mb", type=click.FloatRange(min=0, min_open=True), default=None,
                 help="Largest issue file in MB (default: the layout's [limits], 2)."),
    click.option("--max-image-mp", type=click.FloatRange(min=0, min_open=True), default=None,
                 help="Most pixels of one image in megapixels (default: the layout's "
                      "[limits], 200)."),
    click.option("--allow-outside-images", is_flag=True,
                 help="Let a trusted issue show images from outside its folder."),
]


def _typesetting_options(command):
    """Give `command` the typesetting options (see _options)."""
    for option in reversed(_TYPESETTING_OPTIONS):
        command = option(command)
    return command


def _options(outdir: Path, want_pdf: bool, want_epub: bool, want_html: bool,
             no_epub_font: bool, **settings) -> Options:
    """The pipeline's options from the typesetting options' values: none of --pdf, --epub,
    --html means PDF and EPUB."""
    both = not (want_pdf or want_epub or want_html)
    return Options(pdf=want_pdf or both, epub=want_epub or both, html=want_html,
                   outdir=outdir, epub_font=not no_epub_font, **settings)


@main.command("build")
@click.argument("issue", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--outdir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("out"), show_default=True, help="Where to write the outputs.")
@_typesetting_options
def build_command(issue: Path, outdir: Path, **settings) -> None:
    """Typeset ISSUE (Markdown) into OUTDIR/<stem>.pdf and .epub (both unless one is asked)
    and, with --html, OUTDIR/<stem>-html/."""
    opts = _options(outdir, **settings)
    progress = _Progress(STAGES)
    try:
        result = build(issue, opts, progress.step)
    except InputError as exc:
        progress.close()
        click.echo(f"typeset: error: {exc}", err=True)
        sys.exit(2)
    except Exception as exc:  # a bug: say so plainly, keep the traceback for developers
        progress.close()
        if os.environ.get("TYPESET_DEBUG"):
            traceback.print_exc()
        click.echo(f"typeset: internal error: {type(exc).__name__}: {exc}\n"
                   "  this is a bug in typeset; rerun with TYPESET_DEBUG=1 for details",
                   err=True)
        sys.exit(1)
    progress.close()
    for warning in result.warnings:
        click.echo(f"typeset: warning: {warning}", err=True)
    for over in result.overset:
        click.echo(f"typeset: overset: {over}", err=True)
    for out in result.outputs:
        click.echo(f"{out.kind}: {out.path}  {out.pages} pages, {out.articles} articles, "
                   f"{out.fonts} fonts, {out.bytes:,} bytes, {out.seconds:.2f} s")
    if result.overset:
        sys.exit(EXIT_OVERSET)


# -- typeset batch: many issues on a Dask cluster (typeset/batch) ---------------------------

# A batch in which some issue failed (bad input, a bug, its worker died twice); a batch of
# only overset failures exits EXIT_OVERSET; one stopped by Ctrl-C, 128 + SIGINT.
EXIT_FAILED = 2
EXIT_INTERRUPTED = 130


class _BatchProgress:
    """A bar of issues ended on a terminal's stderr; elsewhere (a CI log) a plain line per
    issue."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.ended = 0
        self.tty = sys.stderr.isatty()

    def record(self, record) -> None:
        self.ended += 1
        where = f"{self.ended}/{self.total}"
        if not self.tty:
            click.echo(f"batch: [{where}] {record.status} {record.name} "
                       f"{record.seconds:.2f} s", err=True)
            return
        filled = BAR_WIDTH * self.ended // self.total
        click.echo(f"\r[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {where} "
                   f"{record.name[:40]:<40}", err=True, nl=False)

    def close(self) -> None:
        if self.tty and self.ended:
            click.echo("\r" + " " * (BAR_WIDTH + 52) + "\r", err=True, nl=False)


@main.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--outdir", type=click.Path(path_type=Path, file_okay=False),
              required=True, help="Where to write OUTDIR/<name>/ per issue and the manifest "
                                  "OUTDIR/batch.jsonl.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes of the local cluster (default: the CPU count).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Run on an existing Dask cluster (tcp://host:8786) instead.")
@click.option("--force", is_flag=True,
              help="Rebuild every issue, even those the manifest shows unchanged and built.")
@_typesetting_options
def batch_command(inputs: tuple[str, ...], outdir: Path, workers: int | None,
                  scheduler: str | None, force: bool, **settings) -> None:
    """Typeset every issue of INPUTS (issue files, folders, globs) into OUTDIR/<name>/ on a
    Dask cluster, recording each in OUTDIR/batch.jsonl; a rerun skips unchanged issues."""
    from .batch import BatchSettings, expand_inputs, run_batch, summarize

    start = time.perf_counter()
    try:
        issues = expand_inputs(inputs)
        progress = _BatchProgress(len(issues))
        batch = BatchSettings(outdir=outdir, options=_options(outdir, **settings),
                              workers=workers, scheduler=scheduler, force=force)
        records = run_batch(issues, batch, progress.record)
    except InputError as exc:
        click.echo(f"typeset: error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        progress.close()
        click.echo(f"typeset: batch interrupted after {progress.ended} of {progress.total} "
                   f"issues; {outdir / 'batch.jsonl'} holds those, a rerun does the rest",
                   err=True)
        sys.exit(EXIT_INTERRUPTED)
    progress.close()
    summary = summarize(records, time.perf_counter() - start)
    for line in summary.lines():
        click.echo(line)
    if summary.failed:
        sys.exit(EXIT_FAILED)
    if summary.overset:
        sys.exit(EXIT_OVERSET)


@main.command("preflight")
@click.argument("pdf", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--standard", type=click.Choice(["x1a", "x4"]), default="x1a", show_default=True,
              help="PDF/X-1a:2003 or PDF/X-4.")
@click.option("--ink-limit", type=float, default=240.0, show_default=True,
              help="Highest total ink (C+M+Y+K) in %.")
@click.option("--min-text", type=float, default=7.0, show_default=True,
              help="Smallest text size in pt.")
@click.option("--min-ppi", type=float, default=170.0, show_default=True,
              help="Photo resolution at placed size under which to warn.")
def preflight_command(pdf: Path, standard: str, ink_limit: float, min_text: float,
                      min_ppi: float) -> None:
    """Check PDF (from any producer) against a PDF/X standard and the newsprint ink rules;
    exit 0 when it passes, 1 when it fails."""
    from .preflight import STANDARDS, InkRules, preflight

    rules = InkRules(ink_limit=ink_limit, min_text_pt=min_text, min_ppi=min_ppi)
    report = preflight(pdf, standard, rules)
    click.echo(report.text(f"preflight {pdf}: {STANDARDS[standard].title}; total ink "
                           f"≤ {ink_limit:g} %, text ≥ {min_text:g} pt, black text "
                           f"overprinting, photos ≥ {min_ppi:g} ppi"))
    sys.exit(0 if report.passed else 1)


# -- typeset generate: test issues for the make-up (typeset/generate) ---------------------

@main.command("generate")
@click.argument("case", required=False)
@click.option("--seed", type=int, default=0, show_default=True,
              help="Which issue of the case: the same seed writes the same files.")
@click.option("-o", "--outdir", type=click.Path(path_type=Path, file_okay=False),
              help="Where to write issue.md and images/ (default: generated/CASE-SEED).")
@click.option("--fillers", type=click.IntRange(min=0), default=0, show_default=True,
              help="Add a filler pool of N short items and a house ad after the pages "
                   "(the pages stay those of the issue without it).")
@click.option("--list", "list_cases", is_flag=True, help="List the cases and exit.")
def generate_command(case: str | None, seed: int, outdir: Path | None, fillers: int,
                     list_cases: bool) -> None:
    """Write a test issue of CASE (see --list) built from the bundled issues' sentences."""
    from .generate import case as case_called, cases, write_issue

    if list_cases:
        for c in cases():
            click.echo(f"{c.name:<14} {c.summary}")
        return
    if case is None:
        raise click.UsageError("name a CASE (typeset generate --list shows them)")
    try:
        chosen = case_called(case)
    except InputError as exc:
        click.echo(f"typeset: error: {exc}", err=True)
        sys.exit(2)
    path = write_issue(chosen, seed, outdir or Path("generated") / f"{case}-{seed}", fillers)
    click.echo(f"issue: {path}  case {chosen.name}, seed {seed}"
               + (f", {fillers} fillers and a house ad" if fillers else "")
               + (f", expect exit {chosen.expect}" if chosen.expect else ""))


def run(prog_name: str | None = None) -> None:
    """The console scripts' and `python -m typeset`'s entry: the CLI, then a quick exit.

    A run leaves some hundred thousand objects (fonts, caches, the layout); letting the
    interpreter free them one by one at exit took about a tenth of the run. The outputs are
    complete and closed when the command returns, so the process ends without that teardown,
    after flushing what it printed."""
    try:
        main(prog_name=prog_name)
        code = 0
    except SystemExit as exc:  # click ends every run this way, with the exit status
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:  # a message instead of a status: what sys.exit would print
            print(exc.code, file=sys.stderr)
            code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
