"""Headline groups: column banner, kicker (引题), headline (主题), subtitles (副题) across a
module's span, sized by the article's rank on the page."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ..compose.headline import HeadLines, set_head
from ..config import LayoutConfig
from ..fonts import FontSet
from ..model import Article
from .boxes import TextLine
from .units import check_glyphs, stack_display


# Room (in grid lines) above a headline group for the rule over the module.
RULE_SPACE = 0.45
# Where that rule sits, in grid lines from the group's top.
RULE_AT = 0.2


class Rank(enum.Enum):
    """An article's weight on its page, which sets its headline size."""

    LEAD = "lead"  # 头条: 小初–初号, black sans, across ≥ 4 columns
    SECOND = "second"  # 一号–二号
    SMALL = "small"  # 三号–四号 bold


@dataclass(frozen=True)
class GroupPart:
    """One part of a headline group as set: "banner", "kicker", "headline", "subtitle" or
    "repeat" (a continuation's 上接 line), with its size, lines and break offsets."""

    part: str
    setting: HeadLines


@dataclass(frozen=True)
class HeadlineGroup:
    """A composed headline group: lines from its top-left, whole grid rows tall; `banner_rule`
    is the y (from the top) of the rule under a column banner, or None; `parts` how each
    part was set (for the layout report)."""

    rows: int
    lines: tuple[TextLine, ...]
    size: float
    banner_rule: float | None
    rule_room: bool = False  # its top padding holds the rule over the module
    parts: tuple[GroupPart, ...] = ()


def size_range(rank: Rank, cfg: LayoutConfig, grand: bool = False) -> tuple[float, float]:
    """Smallest and largest headline size for a rank (points); `grand`: on a page with
    holes, where the lead and second stories may take the larger tops of [sizes]."""
    s = cfg.sizes
    if rank is Rank.LEAD:
        return s.headline_lead, (grand and s.headline_lead_under) or s.headline_lead_max
    if rank is Rank.SECOND:
        return s.headline, (grand and s.headline_under) or s.headline_max
    return s.headline_small_min, s.headline_small


def headline_group(article: Article, rank: Rank, width: float, cfg: LayoutConfig,
                   fonts: FontSet, missing: list[str] | None, *, repeat: str = "",
                   compact: bool = False, grand: bool = False) -> HeadlineGroup:
    """Compose the group `width` points wide. Every part is set by compose.headline: broken
    by meaning into balanced lines; the headline in the fewest lines its rank's sizes allow,
    at the largest size that fills the width (`compact`: at the rank's smallest size, to
    save rows; `grand`: up to the rank's top on a page with holes, see size_range);
    kicker, subtitles and banner at their own sizes.

    `repeat`: a jump continuation's short repeated headline is set small, followed by
    `repeat` ("（上接第N版）") as a line of its own.
    """
    s = cfg.sizes
    low, high = size_range(rank, cfg, grand)
    role = "headline_black" if rank is Rank.LEAD else "headline"
    # The lead's group is centred over its columns, as on a front page; others flush left.
    align = "center" if rank is Rank.LEAD else "left"
    parts: list[GroupPart] = []

    def add(part: str, text: str, role: str, sizes: tuple[float, float], align: str) -> None:
        parts.append(GroupPart(part, set_head(text, role, sizes, width, fonts, cfg.text,
                                              cfg.headlines, align=align)))

    banner_end = 0
    if article.banner and not repeat:
        add("banner", article.banner, "kicker", (s.banner, s.banner), "left")
        banner_end = 1
    if article.kicker and not repeat:
        add("kicker", article.kicker, "kicker", (s.kicker, s.kicker), align)
    if article.headline:
        add("headline", article.headline, role, (low, low if compact else high), align)
    if not repeat:
        for sub in article.subtitles:
            add("subtitle", sub, "subtitle", (s.subtitle, s.subtitle), align)
    else:
        add("repeat", repeat, "furniture", (s.subtitle, s.subtitle), "left")
    placed, height = stack_display([(p.setting.size, p.setting.lines) for p in parts])
    head = next((p.setting for p in parts if p.part == "headline"), None)
    size = head.size if head else high
    if not placed:
        return HeadlineGroup(0, (), size, None)
    check_glyphs([p.line for p in placed], article, "the headline group", article.source,
                 missing)
    pitch = cfg.grid.pitch
    rows = max(1, -int(-(height - pitch / 10) // pitch))
    pad = rows * pitch - height
    # When the padding has room for it, it goes on top and holds the hairline that
    # separates the group from the module above: no blank row is needed between them.
    room = pad >= RULE_SPACE * pitch
    top = pad - min(pad - RULE_SPACE * pitch, 0.1 * pitch) if room else pad / 2
    lines = tuple(p.moved(0.0, top) for p in placed)
    rule = None
    if banner_end:
        first = lines[0]
        rule = first.baseline + s.banner * 0.3
    return HeadlineGroup(rows, lines, size, rule, room, tuple(parts))
