"""The article model: what an issue says, independent of how it is set.

Ingest produces it; the PDF path (compose → layout → render) and the EPUB path read only
this. Nothing here knows about fonts, pages in millimetres or output formats.
"""

from __future__ import annotations

import datetime as _dt
import enum
from dataclasses import dataclass, field
from pathlib import Path

from .errors import FILLER_LABEL


@dataclass(frozen=True)
class Source:
    """Where a piece of the model came from, for error messages ("issue.md:42")."""

    file: str
    line: int  # 1-based; 0 when unknown

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


class Style(enum.Enum):
    """How an inline run is set. The font for each style is a role in fonts/fonts.toml."""

    REGULAR = "regular"
    EMPHASIS = "emphasis"  # **bold** in the copy: the bold face
    BYLINE = "byline"  # a run-in dateline/byline: "本报讯（记者 张三）"


@dataclass(frozen=True)
class Text:
    """A run of text in one style."""

    text: str
    style: Style = Style.REGULAR


@dataclass(frozen=True)
class LineBreak:
    """A hard line break kept from the copy (poems, addresses)."""


Inline = Text | LineBreak


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph. `indent` is False for a paragraph continued after an inserted block."""

    inlines: tuple[Inline, ...]
    source: Source
    indent: bool = True

    @property
    def text(self) -> str:
        """The paragraph's characters, hard breaks as newlines."""
        return "".join(i.text if isinstance(i, Text) else "\n" for i in self.inlines)


@dataclass(frozen=True)
class Byline:
    """A byline standing as its own short paragraph ("本报记者 李四", "新华社记者")."""

    text: str
    source: Source


@dataclass(frozen=True)
class Subhead:
    """A subhead inside an article body (a level-4 heading there)."""

    text: str
    source: Source


@dataclass(frozen=True)
class Figure:
    """A photo. `image` is None when the copy names a photo that is not supplied."""

    image: Path | None
    caption: str
    credit: str
    source: Source


@dataclass(frozen=True)
class Table:
    """A GFM table; `align` holds "left", "right", "center" or "" per column."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: tuple[str, ...]
    source: Source


@dataclass(frozen=True)
class Quote:
    """A pull quote (a blockquote in the copy)."""

    paragraphs: tuple[Paragraph, ...]
    source: Source


@dataclass(frozen=True)
class ListBlock:
    """A bulleted or numbered list; each item is one paragraph."""

    items: tuple[Paragraph, ...]
    ordered: bool
    source: Source


Block = Paragraph | Byline | Subhead | Figure | Table | Quote | ListBlock


@dataclass
class Article:
    """One story: headline group and body.

    `headline` is None for text the extraction left without a headline; it is still an
    article so that nothing is dropped. `teaser_page` is set on a teaser (导读) whose body
    says "详见N版": the page the copy names for its target. `filler`: an item of the
    issue's filler pool (Issue.fillers), set only into holes the make-up leaves.
    """

    headline: str | None
    source: Source
    banner: str | None = None
    kicker: str | None = None
    subtitles: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    teaser_page: int | None = None
    filler: bool = False

    @property
    def byline(self) -> str | None:
        """The article's byline/dateline: a standalone byline block or a run-in one."""
        for block in self.blocks:
            if isinstance(block, Byline):
                return block.text
            if isinstance(block, Paragraph):
                for inline in block.inlines:
                    if isinstance(inline, Text) and inline.style is Style.BYLINE:
                        return inline.text
        return None

    @property
    def label(self) -> str:
        """How messages name the article: its headline, else where it starts; a filler is
        named as one ("filler “…”"), so that an error in the pool says where to look."""
        kind = FILLER_LABEL if self.filler else ""
        return (f"{kind}“{self.headline}”" if self.headline
                else f"untitled {kind or 'article '}at {self.source}")


@dataclass
class Page:
    """A print page (版) as the copy marks it, with its articles in priority order."""

    number: int
    section: str = ""
    editor: str = ""
    articles: list[Article] = field(default_factory=list)


@dataclass
class Masthead:
    """The issue's identity, printed in the masthead, running heads and metadata.

    `extra` keeps masthead lines of raw input that no field holds ("今日8版",
    "扫码关注本报APP"), printed as they are so that nothing is lost.
    """

    title: str
    latin: str = ""
    date: _dt.date | None = None
    date_text: str = ""  # the date as the copy writes it, e.g. "2024年1月15日"
    weekday: str = ""
    lunar_date: str = ""
    issue_number: str = ""
    url: str = ""
    url_label: str = ""  # "北国网网址" in "北国网网址: http://…"
    extra: list[str] = field(default_factory=list)


@dataclass
class Issue:
    """One issue of the paper.

    `paged` is False for raw input without page markers: all articles then sit on one
    provisional page 1 and the layout distributes them. `warnings`: what reading the file
    reported without stopping (characters dropped when asked), for the run to print.
    `fillers`: the filler pool (`<!-- fillers -->`): short items and house ads that the
    make-up sets only into holes. They are on no page and never among `articles`, so no
    page's make-up counts on them; every one of them is in the EPUB.
    """

    masthead: Masthead
    pages: list[Page]
    source: Path
    page_count: int = 8
    language: str = "zh-CN"
    paged: bool = True
    warnings: list[str] = field(default_factory=list)
    fillers: list[Article] = field(default_factory=list)

    @property
    def articles(self) -> list[Article]:
        """All articles in copy order."""
        return [a for p in self.pages for a in p.articles]

    @property
    def images(self) -> list[Path]:
        """The photo files the copy shows (the filler pool's after the pages'), in copy
        order, each once."""
        return list(dict.fromkeys(b.image for a in (*self.articles, *self.fillers)
                                  for b in a.blocks
                                  if isinstance(b, Figure) and b.image is not None))
