"""Output writers: PDF (render.pdf, the only user of reportlab) and EPUB 3 (render.epub)."""
