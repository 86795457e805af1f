"""YAML front matter → masthead, page count and language (structured dialect)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import yaml

from typeset.errors import InputError
from typeset.ingest.tokens import FrontMatter
from typeset.model import Masthead

WEEKDAYS = "一二三四五六日"
_HINT = "the front matter is YAML `key: value` lines between two `---` lines (see issue-format.md)"


@dataclass
class IssueMeta:
    """What the front matter says about the issue as a whole."""

    masthead: Masthead
    page_count: int
    language: str


def date_text(date: dt.date) -> str:
    """The date as a Chinese masthead writes it: "2026年11月20日"."""
    return f"{date.year}年{date.month}月{date.day}日"


def weekday_text(date: dt.date) -> str:
    """"星期一" … "星期日"."""
    return "星期" + WEEKDAYS[date.weekday()]


def read_front_matter(fm: FrontMatter, file: str) -> IssueMeta:
    """Validate the front matter and build the masthead from it.

    Raises InputError naming the line for YAML that does not parse, a value of the wrong
    kind, or a missing newspaper name.
    """
    try:
        data = yaml.safe_load(fm.text) if fm.text.strip() else {}
    except yaml.YAMLError as exc:
        raise InputError(f"bad YAML front matter: {_describe(exc)}",
                         where=f"{file}:{fm.first_line + _error_line(exc)}", hint=_HINT) from exc
    if not isinstance(data, dict):
        raise InputError("the front matter is not a list of `key: value` lines",
                         where=f"{file}:{fm.first_line}", hint=_HINT)

    def where(key: str) -> str:
        for n, line in enumerate(fm.text.splitlines()):
            if line.split(":", 1)[0].strip() == key:
                return f"{file}:{fm.first_line + n}"
        return f"{file}:{fm.first_line}"

    def text(key: str) -> str:
        value = data.get(key)
        return "" if value is None else str(value).strip()

    title = text("newspaper")
    if not title:
        raise InputError("the front matter has no `newspaper` (the masthead title)",
                         where=where("newspaper"), hint="add `newspaper: 报名` to the front matter")
    date = _date(data.get("date"), where("date"))
    pages = data.get("pages", 8)
    if isinstance(pages, bool) or not isinstance(pages, int) or pages < 1:
        raise InputError(f"`pages` must be a whole number ≥ 1, not {pages!r}",
                         where=where("pages"), hint="e.g. `pages: 8`")
    masthead = Masthead(
        title=title,
        latin=text("newspaper_latin"),
        date=date,
        date_text=date_text(date) if date else "",
        weekday=text("weekday") or (weekday_text(date) if date else ""),
        lunar_date=text("lunar_date"),
        issue_number=text("issue_number"),
        url=text("url"),
        url_label=text("url_label"),
    )
    return IssueMeta(masthead, pages, text("language") or "zh-CN")


def _error_line(exc: yaml.YAMLError) -> int:
    """0-based line in the front matter: where the problem is, or for a construct left
    open to the end (an unclosed quote) where that construct starts."""
    problem = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    if context is not None and "end of stream" in (getattr(exc, "problem", "") or ""):
        return context.line
    mark = problem or context
    return mark.line if mark is not None else 0


def _describe(exc: yaml.YAMLError) -> str:
    parts = [getattr(exc, "context", None), getattr(exc, "problem", None)]
    return ", ".join(p for p in parts if p) or str(exc).splitlines()[0]


def _date(value, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"`date` is not a date: {value!r}", where=where,
                         hint="write it as YYYY-MM-DD, e.g. `date: 2026-11-20`") from None
