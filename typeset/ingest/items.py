"""The flat item stream between the token walk and article assembly.

The token walk turns the Markdown into a list of items: headings, body blocks, page
markers and the filler pool's marker, each with its source line. A dialect then gives every heading a role (banner,
kicker, headline, subtitle, subhead) and assembly groups the items into pages and articles.
Keeping the roles explicit lets both dialects share one assembly step.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from typeset.model import Block, Source


class Role(enum.Enum):
    """What a heading (or a paragraph promoted to a headline-group line) is."""

    BANNER = "banner"  # column banner standing before a headline group
    KICKER = "kicker"  # 引题, directly before the headline
    HEADLINE = "headline"  # starts an article
    SUBTITLE = "subtitle"  # 副题, directly after the headline
    SUBHEAD = "subhead"  # a heading inside an article body


@dataclass
class Heading:
    """A Markdown heading (or a short paragraph acting as one); `role` is set by the dialect."""

    level: int
    text: str
    source: Source
    role: Role | None = None


@dataclass
class Body:
    """A body block of the model (paragraph, figure, table, …) in copy order."""

    block: Block
    end_line: int  # last source line of the block, 1-based; for gap and rejoin decisions


@dataclass
class PageMark:
    """A `<!-- page N | 版名 | 责任编辑：X -->` marker."""

    number: int
    section: str
    editor: str
    source: Source


@dataclass
class FillerMark:
    """A `<!-- fillers -->` marker: the filler pool follows, to the next page marker."""

    source: Source


@dataclass
class ArticleBreak:
    """Raw text only: body text after this point belongs to a new untitled article."""

    source: Source


Item = Heading | Body | PageMark | FillerMark | ArticleBreak
