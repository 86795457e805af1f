"""Ingest: an issue Markdown file (structured or raw extracted text) → typeset.model.Issue."""

from typeset.ingest.load import load_issue, parse_issue

__all__ = ["load_issue", "parse_issue"]
