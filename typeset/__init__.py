"""typeset: a print-replica newspaper typesetter (Markdown issue → broadsheet PDF and EPUB 3)."""
