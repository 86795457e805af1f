"""Layout: the article model + composed text + the layout config → positioned boxes per page."""

from .boxes import (ImageBox, IssueLayout, LinkBox, OutlineEntry, OversetMark, PageLayout, Rule,
                    TextLine)
from .engine import MakeUp, OversetCopy, Placement, TeaserLink, make_up
from .furniture import chinese_numeral

__all__ = ["ImageBox", "IssueLayout", "LinkBox", "MakeUp", "OutlineEntry", "OversetCopy",
           "OversetMark", "PageLayout", "Placement", "Rule", "TeaserLink", "TextLine",
           "chinese_numeral", "make_up"]
