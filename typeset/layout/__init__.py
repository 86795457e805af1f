"""Layout: the article model + composed text + the layout config → positioned boxes per page."""

from .boxes import ImageBox, IssueLayout, LinkBox, OutlineEntry, PageLayout, Rule, TextLine
from .engine import CopyOverflow, MakeUp, Placement, TeaserLink, make_up
from .furniture import chinese_numeral

__all__ = ["CopyOverflow", "ImageBox", "IssueLayout", "LinkBox", "MakeUp", "OutlineEntry",
           "PageLayout", "Placement", "Rule", "TeaserLink", "TextLine", "chinese_numeral",
           "make_up"]
