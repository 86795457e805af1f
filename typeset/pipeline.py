"""One run: issue file → PDF and/or EPUB in an output folder, written atomically."""

from __future__ import annotations

import gc
import os
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from .config import LayoutConfig, load_layout
from .errors import InputError
from .fonts import FontSet, load_fonts
from .ingest import InputPolicy, load_issue
from .layout import make_up
from .layout.report import write_layout_report


@dataclass(frozen=True)
class Options:
    """What to build and how."""

    pdf: bool = True
    epub: bool = True
    outdir: Path = Path("out")
    layout: str = "broadsheet"
    allow_missing_glyphs: bool = False
    epub_font: bool = True
    pdf_standard: str | None = None  # x1a | x4 | none; None: the layout's [print] standard
    marks: bool | None = None  # crop marks; None: the layout's [print] marks
    preview: bool = False  # PNG thumbnails of the pages next to the PDF
    # The HTML edition, OUTDIR/<stem>-html/. Its page images are renders of the PDF, which
    # is made for it even without `pdf` (then in memory only: no PDF or layout report).
    html: bool = False
    all_pages: bool = False  # print pages without copy too (as blank page plans)
    # Hostile or broken input: the layout's [limits] unless given; images from outside the
    # issue's folder only when the issue is trusted.
    max_input_mb: float | None = None
    max_image_mp: float | None = None
    allow_outside_images: bool = False


@dataclass(frozen=True)
class Output:
    """One written file, for the summary line."""

    kind: str
    path: Path
    pages: int
    articles: int
    fonts: int
    bytes: int
    seconds: float


@dataclass
class Result:
    """Everything a run wrote, and what it reports (missing glyphs set as blanks).

    `overset`: one message per frame whose copy ran over ("page 3 “…”: 14 lines (412
    characters) over: cut or move"). The outputs are written all the same (the PDF marks
    each such frame); the command exits 3 when there are any."""

    outputs: list[Output] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    overset: list[str] = field(default_factory=list)
    images: list[Path] = field(default_factory=list)  # the photo files the issue showed


@dataclass(frozen=True)
class Resources:
    """The layout (with the options' print settings) and its opened fonts: all that runs
    with the same layout share. A batch worker loads them once for every issue it sets."""

    layout: LayoutConfig
    fonts: FontSet


def load_resources(opts: Options) -> Resources:
    """The layout `opts` names, with its --pdf-standard / --marks overrides, and its fonts."""
    cfg = load_layout(opts.layout)
    if opts.pdf_standard is not None or opts.marks is not None:
        p = cfg.printing
        cfg = replace(cfg, printing=replace(
            p, standard=p.standard if opts.pdf_standard is None else opts.pdf_standard,
            marks=p.marks if opts.marks is None else opts.marks))
    return Resources(cfg, load_fonts(cfg.fonts))


@contextmanager
def atomic_path(final: Path, keep: bool = True):
    """A temporary path beside `final`, renamed onto it only when the block succeeds
    (and `keep`: otherwise the file only lives for the block).

    An output folder that cannot be made or written to is the user's to fix: InputError."""
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{final.name}.", dir=final.parent)
    except OSError as exc:
        raise InputError(f"cannot write the output folder: {exc.strerror}",
                         where=str(final.parent),
                         hint="choose a folder you can write to with -o") from exc
    os.close(fd)
    # mkstemp makes the file private (0600); an output should get the usual umask mode.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        yield Path(tmp)
        if keep:
            os.replace(tmp, final)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


@contextmanager
def _no_cyclic_gc():
    """Cyclic garbage collection paused for the block (and resumed as it was).

    A run builds a few hundred thousand long-lived objects (glyph caches, paragraph pieces,
    lines, layout variants): the collector's passes over them cost 10–20 % of a run.
    Reference counting still frees almost everything at once; the few cycles (the PDF
    library's document objects) wait for the collector until after the block, which does
    not raise the peak memory of a run (measured on the sample: 236 MB either way)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build(issue_path: Path, opts: Options,
          step: Callable[[str], None] = lambda _: None,
          resources: Resources | None = None) -> Result:
    """Typeset `issue_path`; `step` is told the name of each stage as it starts.

    `resources`: the layout and fonts of `opts` already loaded (load_resources), else they
    are loaded for this run."""
    with _no_cyclic_gc():
        return _build(issue_path, opts, step, resources)


def _input_policy(cfg, opts: Options) -> InputPolicy:
    """The rules the issue is read by: the layout's limits and pages, and the options."""
    limits = cfg.limits
    if opts.max_input_mb is not None:
        limits = replace(limits, max_input_mb=opts.max_input_mb)
    if opts.max_image_mp is not None:
        limits = replace(limits, max_image_mp=opts.max_image_mp)
    return InputPolicy(limits=limits, layout_pages=cfg.pages,
                       allow_outside_images=opts.allow_outside_images,
                       drop_bad_characters=opts.allow_missing_glyphs)


def _build(issue_path: Path, opts: Options, step: Callable[[str], None],
           resources: Resources | None) -> Result:
    from .render.epub import write_epub  # the EPUB path needs no PDF machinery, and v.v.

    result = Result()
    step("reading layout and fonts")
    resources = resources or load_resources(opts)
    cfg, fonts = resources.layout, resources.fonts
    step("reading the issue")
    issue = load_issue(issue_path, _input_policy(cfg, opts))
    result.warnings.extend(issue.warnings)
    result.images.extend(issue.images)
    articles = len(issue.articles)
    stem = issue_path.stem
    cover: Callable[[], bytes] | None = None  # waits for the cover render, returns the PNG
    page_of = None
    # The EPUB's cover (a render of PDF page 1) is made on a background thread while the
    # EPUB's documents and font are built: pdfium and PNG encoding release the GIL.
    with ThreadPoolExecutor(max_workers=1) as background:
        if opts.pdf or opts.html:
            from .render.cover import render_page_png
            from .render.pdf import PdfMeta, write_pdf

            t0 = time.perf_counter()
            step("composing and laying out pages")
            missing = [] if opts.allow_missing_glyphs else None
            makeup = make_up(issue, cfg, fonts, missing, all_pages=opts.all_pages)
            layout = makeup.layout
            page_of = makeup.page_of
            result.warnings.extend(missing or [])
            result.warnings.extend(makeup.warnings)
            result.overset.extend(o.message for o in makeup.overset)
            step("writing the PDF")
            m = issue.masthead
            meta = PdfMeta(title=" ".join(t for t in (m.title, m.date_text) if t),
                           language=issue.language, date=m.date, author=m.title,
                           subject=m.issue_number)
            final = opts.outdir / f"{stem}.pdf"
            with atomic_path(final, keep=opts.pdf) as tmp:
                summary = write_pdf(layout, tmp, meta, cfg)
                result.warnings.extend(summary.warnings)
                pdf = tmp.read_bytes() if opts.epub or opts.preview or opts.html else b""
            if opts.preview:  # thumbnails of every page next to the PDF
                for n in range(summary.pages):
                    with atomic_path(opts.outdir / f"{stem}-p{n + 1}.png") as png:
                        png.write_bytes(render_page_png(pdf, n))
            if opts.epub:
                cover = background.submit(render_page_png, pdf).result
            if opts.html:  # the page images too, after the cover: pdfium is not thread-safe
                from .render.html_images import page_images

                html_t0 = time.perf_counter()  # its time runs from here, beside the EPUB's
                html_images = background.submit(page_images, pdf,
                                                [p.number for p in layout.pages]).result
            # The report describes this PDF: written only once the PDF is, never beside an
            # old one.
            if opts.pdf:
                with atomic_path(opts.outdir / f"{stem}.layout.json") as tmp:
                    write_layout_report(makeup, tmp)
                result.outputs.append(Output("PDF", final, summary.pages, articles,
                                             summary.fonts, summary.bytes,
                                             time.perf_counter() - t0))
        if opts.epub:
            t0 = time.perf_counter()
            step("writing the EPUB")
            final = opts.outdir / f"{stem}.epub"
            with atomic_path(final) as tmp:
                summary = write_epub(issue, tmp, fonts=fonts if opts.epub_font else None,
                                     cover_png=cover, page_of=page_of)
            result.outputs.append(Output("EPUB", final, len(issue.pages), articles,
                                         1 if opts.epub_font else 0, summary.bytes,
                                         time.perf_counter() - t0))
        if opts.html:
            from .render.html import write_html

            step("writing the HTML edition")
            site = write_html(issue, makeup, html_images(), opts.outdir / f"{stem}-html")
            result.outputs.append(Output("HTML", site.path, site.pages, site.articles, 0,
                                         site.bytes, time.perf_counter() - html_t0))
    return result
