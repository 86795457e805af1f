"""Shared fixtures for the ingest tests: the two real inputs, the independent checker's
reading of them, and a collector of every character the model holds."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from typeset.ingest import load_issue
from typeset.model import (Byline, Figure, Issue, ListBlock, Paragraph, Quote, Subhead,
                           Table)

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "ingest"
ISSUETEXT = REPO.parent / "shared" / "tools" / "issuetext.py"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def sample(sample_path: Path) -> Issue:
    return load_issue(sample_path)


@pytest.fixture(scope="session")
def seed(seed_path: Path) -> Issue:
    return load_issue(seed_path)


@pytest.fixture(scope="session")
def issuetext():
    """The independent checker's issue reader (../shared/tools/issuetext.py)."""
    if not ISSUETEXT.is_file():
        pytest.skip(f"the independent checker is not checked out beside the repo ({ISSUETEXT})")
    spec = importlib.util.spec_from_file_location("issuetext", ISSUETEXT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["issuetext"] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def model_text(issue: Issue) -> str:
    """Every character the model holds: masthead, headline groups and all blocks.

    The URL line is joined as "label: url", the form the model's Masthead documents for it.
    """
    m = issue.masthead
    url = f"{m.url_label}: {m.url}" if m.url_label else m.url
    parts = [m.title, m.latin, m.date_text, m.weekday, m.lunar_date, m.issue_number, url,
             *m.extra]
    for article in issue.articles:
        parts += [article.banner or "", article.kicker or "", article.headline or "",
                  *article.subtitles]
        for block in article.blocks:
            parts.append(block_text(block))
    return "\n".join(parts)


def block_text(block) -> str:
    """The characters of one body block."""
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, (Byline, Subhead)):
        return block.text
    if isinstance(block, Figure):
        return f"{block.caption}\n{block.credit}"
    if isinstance(block, Table):
        return "\n".join([*block.header, *(c for row in block.rows for c in row)])
    if isinstance(block, Quote):
        return "\n".join(p.text for p in block.paragraphs)
    if isinstance(block, ListBlock):
        return "\n".join(p.text for p in block.items)
    raise TypeError(f"unknown block {block!r}")


@pytest.fixture(scope="session")
def missing_chars(issuetext):
    """f(path, issue) → the non-space characters of the input's visible text (as the
    independent checker reads it) that the model lacks."""
    def missing(path: Path, issue: Issue) -> Counter:
        visible = Counter(issuetext.norm_text(issuetext.parse_issue(str(path)).visible_text))
        return visible - Counter(issuetext.norm_text(model_text(issue)))
    return missing
