"""How much copy an issue holds, page by page: the yardstick the generated issues are cut to.

The generator never types in how long a paper is: it measures the bundled sample issue
(`issues/sample/issue.md`) through the real ingest every time, and scales that.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from typeset.ingest import load_issue
from typeset.model import Article, Figure, Issue, ListBlock, Paragraph, Quote, Table

# The repository's bundled inputs, beside the package (an editable install, as setup.sh makes).
ISSUES_DIR = Path(__file__).resolve().parents[2] / "issues"
SAMPLE = ISSUES_DIR / "sample" / "issue.md"
SEED = ISSUES_DIR / "seed" / "000_aa1f4288eca920ee.txt"


def visible_chars(text: str) -> int:
    """Characters that print: white space is not copy (the checker ignores it too)."""
    return sum(not c.isspace() for c in text)


def body_chars(article: Article) -> int:
    """An article's running text: paragraphs, quotes and list items (run-in datelines
    included), not its headline group, subheads, captions or tables."""
    total = 0
    for block in article.blocks:
        if isinstance(block, Paragraph):
            total += visible_chars(block.text)
        elif isinstance(block, Quote | ListBlock):
            parts = block.paragraphs if isinstance(block, Quote) else block.items
            total += sum(visible_chars(p.text) for p in parts)
    return total


@dataclass(frozen=True)
class PageVolume:
    """One page's copy as counted by `measure`."""

    number: int
    section: str
    editor: str
    body_chars: int  # see body_chars()
    articles: int  # teasers included
    photos: int  # Figure blocks
    tables: int  # Table blocks


@dataclass(frozen=True)
class Volume:
    """An issue's copy, page by page."""

    pages: tuple[PageVolume, ...]

    @property
    def total(self) -> PageVolume:
        """The whole issue's counts, as if it were one page (numbered 0)."""
        pages = self.pages
        return PageVolume(0, "", "", sum(p.body_chars for p in pages),
                          sum(p.articles for p in pages), sum(p.photos for p in pages),
                          sum(p.tables for p in pages))

    def page(self, number: int) -> PageVolume:
        """The page numbered `number` (an empty one when the issue has no copy there)."""
        for page in self.pages:
            if page.number == number:
                return page
        return PageVolume(number, "", "", 0, 0, 0, 0)


def measure(issue: Issue) -> Volume:
    """Count an ingested issue's body characters, articles, photos and tables per page."""
    pages = []
    for page in issue.pages:
        blocks = [b for a in page.articles for b in a.blocks]
        pages.append(PageVolume(
            number=page.number, section=page.section, editor=page.editor,
            body_chars=sum(body_chars(a) for a in page.articles),
            articles=len(page.articles),
            photos=sum(isinstance(b, Figure) for b in blocks),
            tables=sum(isinstance(b, Table) for b in blocks)))
    return Volume(tuple(pages))


@lru_cache(maxsize=None)
def sample_issue() -> Issue:
    """The bundled sample issue, ingested (once per process)."""
    return load_issue(SAMPLE)


@lru_cache(maxsize=None)
def seed_issue() -> Issue:
    """The bundled seed (raw extracted text), ingested (once per process)."""
    return load_issue(SEED)


def sample_volume() -> Volume:
    """The sample's volume: what a 100 % issue holds."""
    return measure(sample_issue())
