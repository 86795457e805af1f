"""Preflight a PDF file: every rule of a PDF/X standard and the newsprint ink rules,
judged from the file alone (any producer's)."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from .content import IDENTITY, PageWalker
from .document import check_document
from .pages import check_annotations, check_boxes
from .report import Collector, Report
from .standards import STANDARDS, InkRules


def preflight(path: Path, standard: str = "x1a", rules: InkRules = InkRules()) -> Report:
    """Check the PDF at `path` against `standard` ("x1a" or "x4") and `rules`."""
    std = STANDARDS[standard]
    out = Collector()
    report = Report(Path(path), standard)
    try:
        raw = Path(path).read_bytes()
        pdf = pikepdf.open(path)
    except (OSError, pikepdf.PdfError) as exc:
        out.error("syntax", None, "file", f"cannot be opened as PDF: {exc}")
        report.findings = out.findings()
        return report
    with pdf:
        check_document(pdf, raw, std, out)
        seen: set = set()
        for n, page in enumerate(pdf.pages, start=1):
            area = check_boxes(page, n, out)
            walker = PageWalker(n, std, rules, out, seen)
            walker.walk(page, page.obj.get("/Resources"), IDENTITY)
            check_annotations(page, n, area, walker, out)
    report.findings = out.findings()
    return report
