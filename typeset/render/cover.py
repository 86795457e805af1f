"""A PNG of a PDF page (the EPUB's cover is page 1 of the print edition)."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium

# Cover width in pixels: enough for a reader's library view, small for the EPUB.
COVER_WIDTH_PX = 900


def render_page_png(pdf_path: Path, page_index: int = 0) -> bytes:
    """Render one page of a PDF to PNG bytes, COVER_WIDTH_PX wide."""
    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        page = doc[page_index]
        scale = COVER_WIDTH_PX / page.get_width()
        image = page.render(scale=scale, grayscale=True).to_pil()
        buf = io.BytesIO()
        image.save(buf, "PNG")  # optimize=True costs ~0.5 s for a few % less
        return buf.getvalue()
    finally:
        doc.close()
