"""Shared fixtures for the layout tests: the broadsheet and tabloid layouts, the fonts, and
small issues built from the model, each made to prove one rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from typeset.config import LayoutConfig, load_layout
from typeset.fonts import FontSet, load_fonts
from typeset.model import Article, Issue, Masthead, Page, Paragraph, Source, Text


# One sentence of ordinary copy (30 Han characters with punctuation).
SENTENCE = "江城市今年新建改建社区食堂三百一十二个，嵌入式养老服务站二百零七个。"


@pytest.fixture(scope="session")
def cfg() -> LayoutConfig:
    return load_layout("broadsheet")


@pytest.fixture(scope="session")
def tabloid() -> LayoutConfig:
    return load_layout("tabloid")


@pytest.fixture(scope="session")
def fonts(cfg: LayoutConfig) -> FontSet:
    return load_fonts(cfg.fonts)


def _article(headline: str, paragraphs: int, sentences: int = 6, **kw) -> Article:
    """An article of `paragraphs` paragraphs of `sentences` sentences each."""
    src = Source("test.md", 1)
    body = [Paragraph((Text(SENTENCE * sentences),), src) for _ in range(paragraphs)]
    return Article(headline=headline, source=src, blocks=list(body), **kw)


def _issue(pages: dict[int, list[Article]], *, paged: bool = True) -> Issue:
    """An 8-page issue with these articles on these pages."""
    return Issue(Masthead("测试日报", date_text="2026年11月20日", weekday="星期五"),
                 [Page(n, "要闻", "编辑", arts) for n, arts in sorted(pages.items())],
                 Path("test.md"), paged=paged)


@pytest.fixture(scope="session")
def article():
    """Build an article: article(headline, paragraphs, sentences=6, **fields)."""
    return _article


@pytest.fixture(scope="session")
def issue():
    """Build an issue: issue({page: [articles]}, paged=True)."""
    return _issue
