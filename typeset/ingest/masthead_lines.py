"""The masthead of raw extracted text: the first `#` heading and the short lines after it.

Each line is matched to a Masthead field (Latin name, URL, date, weekday, lunar date, issue
number); "今日8版" also gives the page count; every other line, and any line whose field is
already taken, goes to `extra` so that no masthead character is lost.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from typeset.ingest.frontmatter import date_text
from typeset.ingest.items import Body, Heading, Item
from typeset.model import Masthead, Paragraph

MAX_LINE = 40  # a masthead line is short; a longer paragraph is already copy

_LATIN = re.compile(r"[A-Za-z][A-Za-z .&'’-]*")
_URL = re.compile(r"(.*?)\s*[:：]?\s*((?:https?://|www\.)\S+)")
_YEAR_MONTH = re.compile(r"(\d{4})年(\d{1,2})月")
_DAY = re.compile(r"(\d{1,2})日?")
_FULL_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_WEEKDAY = re.compile(r"(?:星期|周)[一二三四五六日天]")
_LUNAR = re.compile(r"(?:农历)?[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年\S+")
_ISSUE = re.compile(r"(?:总)?第\S+[号期]")
_PAGES = re.compile(r"今日(\d+)版")


@dataclass
class RawMasthead:
    """The masthead, the page count it states (if any) and the items after it."""

    masthead: Masthead
    page_count: int | None
    rest: list[Item]


def split_masthead(items: list[Item]) -> RawMasthead:
    """Take the masthead off the front of the item stream.

    The masthead is the first level-1 heading and the short paragraphs after it, up to the
    first other heading or the first long paragraph. Without a level-1 heading there is no
    masthead and the title is empty.
    """
    if not items or not (isinstance(items[0], Heading) and items[0].level == 1):
        return RawMasthead(Masthead(title=""), None, list(items))
    lines: list[str] = []
    n = 1
    while n < len(items):
        item = items[n]
        if not (isinstance(item, Body) and isinstance(item.block, Paragraph)):
            break
        block_lines = [ln.strip() for ln in item.block.text.split("\n") if ln.strip()]
        if any(len(ln) > MAX_LINE for ln in block_lines):
            break
        lines.extend(block_lines)
        n += 1
    masthead, pages = read_masthead_lines(items[0].text.strip(), lines)
    return RawMasthead(masthead, pages, list(items[n:]))


def read_masthead_lines(title: str, lines: list[str]) -> tuple[Masthead, int | None]:
    """Fill a Masthead from its lines; returns it with the page count "今日N版" states."""
    m = Masthead(title=title)
    pages: int | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if (ym := _YEAR_MONTH.fullmatch(line)) and i < len(lines) and not m.date_text \
                and (day := _DAY.fullmatch(lines[i])):
            i += 1  # "2024年1月" and "15" on two lines: one date
            if _set_date(m, int(ym[1]), int(ym[2]), int(day[1])):
                continue
            m.extra.extend([line, lines[i - 1]])
        elif (full := _FULL_DATE.fullmatch(line)) and not m.date_text:
            if not _set_date(m, int(full[1]), int(full[2]), int(full[3])):
                m.extra.append(line)
        elif (url := _URL.fullmatch(line)) and not m.url:
            m.url_label, m.url = url[1].strip(), url[2]
        elif _LATIN.fullmatch(line) and not m.latin:
            m.latin = line
        elif _WEEKDAY.fullmatch(line) and not m.weekday:
            m.weekday = line
        elif _LUNAR.fullmatch(line) and not m.lunar_date:
            m.lunar_date = line
        elif _ISSUE.fullmatch(line) and not m.issue_number:
            m.issue_number = line
        else:
            if (count := _PAGES.fullmatch(line)) and pages is None:
                pages = int(count[1])
            m.extra.append(line)
    return m, pages


def _set_date(m: Masthead, year: int, month: int, day: int) -> bool:
    try:
        m.date = dt.date(year, month, day)
    except ValueError:
        return False
    m.date_text = date_text(m.date)
    return True
