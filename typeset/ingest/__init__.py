"""Ingest: an issue Markdown file (structured or raw extracted text) → typeset.model.Issue."""

from typeset.ingest.load import load_issue, parse_issue
from typeset.ingest.policy import InputPolicy

__all__ = ["InputPolicy", "load_issue", "parse_issue"]
