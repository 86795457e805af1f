"""Layout: the article model + composed text + the layout config → positioned boxes per page."""

from .boxes import ImageBox, IssueLayout, LinkBox, OutlineEntry, PageLayout, Rule, TextLine
from .furniture import chinese_numeral
from .galley import CopyOverflow, galley_layout

__all__ = ["CopyOverflow", "ImageBox", "IssueLayout", "LinkBox", "OutlineEntry", "PageLayout", "Rule",
           "TextLine", "chinese_numeral", "galley_layout"]
