"""YAML front matter → masthead, page count and language (structured dialect)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

from typeset.errors import InputError
from typeset.ingest.characters import dropped_warnings, find_bad_characters, without
from typeset.ingest.tokens import FrontMatter
from typeset.model import Masthead

WEEKDAYS = "一二三四五六日"
_HINT = "the front matter is YAML `key: value` lines between two `---` lines (see issue-format.md)"
# A language tag as BCP 47 writes one (zh-CN, zh-Hant-TW, en): it becomes the EPUB's
# dc:language and every document's xml:lang.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")
# What YAML may give for a value the masthead prints (a number: `issue_number: 16842`).
_TEXT_TYPES = (str, int, float, dt.date)


class _Loader(yaml.SafeLoader):
    """YAML's safe loader, with dates left as the text written: `date: 2026-13-45` would
    otherwise fail inside the YAML library with a bare ValueError; _date checks it and
    says which line."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp",
                        lambda loader, node: loader.construct_scalar(node))


@dataclass
class IssueMeta:
    """What the front matter says about the issue as a whole, and the characters dropped
    from its values (when asked) as warnings."""

    masthead: Masthead
    page_count: int
    language: str
    warnings: list[str] = field(default_factory=list)


def date_text(date: dt.date) -> str:
    """The date as a Chinese masthead writes it: "2026年11月20日"."""
    return f"{date.year}年{date.month}月{date.day}日"


def weekday_text(date: dt.date) -> str:
    """"星期一" … "星期日"."""
    return "星期" + WEEKDAYS[date.weekday()]


def read_front_matter(fm: FrontMatter, file: str, layout_pages: int | None = None,
                      drop_bad_characters: bool = False) -> IssueMeta:
    """Validate the front matter and build the masthead from it.

    Raises InputError naming the line for YAML that does not parse, a value of the wrong
    kind (a list for a name, a date that is no date, more pages than the layout's
    `layout_pages`, a language that is no language tag), a character no newspaper prints
    in a value (dropped with a warning when `drop_bad_characters`), or a missing newspaper
    name.
    """
    warnings: list[str] = []
    try:
        data = yaml.load(fm.text, Loader=_Loader) if fm.text.strip() else {}
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
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, _TEXT_TYPES):
            kind = {list: "a list", dict: "a table of keys"}.get(type(value), type(value).__name__)
            raise InputError(f"`{key}` must be text, not {kind}", where=where(key),
                             hint=f"write it as `{key}: text` on one line (quote it if it "
                                  "holds [ ] { } or a colon)")
        value = str(value).strip()
        bad = find_bad_characters(value, references=False)
        if bad and not drop_bad_characters:
            raise InputError(f"`{key}` holds {bad[0].name}", where=where(key),
                             hint="delete it, or pass --allow-missing-glyphs to drop it")
        warnings.extend(f"{w} in `{key}`" for w in dropped_warnings(where(key), bad))
        return without(value, bad).strip()

    title = text("newspaper")
    if not title:
        raise InputError("the front matter has no `newspaper` (the masthead title)",
                         where=where("newspaper"), hint="add `newspaper: 报名` to the front matter")
    date = _date(data.get("date"), where("date"))
    pages = data.get("pages", 8)
    if isinstance(pages, bool) or not isinstance(pages, int) or pages < 1:
        raise InputError(f"`pages` must be a whole number ≥ 1, not {pages!r}",
                         where=where("pages"), hint="e.g. `pages: 8`")
    if layout_pages is not None and pages > layout_pages:
        raise InputError(f"`pages: {pages}` asks for more pages than the layout's "
                         f"{layout_pages} pages", where=where("pages"),
                         hint=f"write at most `pages: {layout_pages}`, or choose a layout "
                              "with more pages (--layout)")
    language = text("language") or "zh-CN"
    if not _LANGUAGE_TAG.fullmatch(language):
        raise InputError(f"`language` is not a language tag: {language!r}",
                         where=where("language"), hint="e.g. `language: zh-CN`")
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
    return IssueMeta(masthead, pages, language, warnings)


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
    written = str(value).strip()
    try:
        return dt.date.fromisoformat(written)
    except ValueError as exc:
        try:  # a date with a time of day, as YAML timestamps may be written
            return dt.datetime.fromisoformat(written).date()
        except ValueError:
            raise InputError(f"`date` is not a date: {written!r} ({exc})", where=where,
                             hint="write it as YYYY-MM-DD, e.g. `date: 2026-11-20`") from None
