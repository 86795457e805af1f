"""Characters no newspaper prints, found in the issue text before it is parsed.

C0 and C1 control characters other than tab and the line ends, Unicode non-characters
(U+FDD0–U+FDEF and the last two code points of every plane), byte-order marks inside the
text and lone surrogates (only a YAML escape can make one): no font has a glyph for them,
XML (the EPUB) cannot hold most of them, and pasted copy carries them unseen (a form feed,
U+0085 from a legacy encoding, U+FEFF from a joined file). A numeric character reference
(`&#12;`) to one of them counts as the character: the Markdown parser decodes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
_BAD = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ud800-\udfff" + _NONCHARACTERS
_BAD_CHAR = re.compile(f"[{_BAD}]")
_BAD_OR_REFERENCE = re.compile(f"[{_BAD}]|&#([0-9]{{1,8}}|[xX][0-9a-fA-F]{{1,8}});")


@dataclass(frozen=True)
class BadCharacter:
    """One bad character: where (1-based line and column), which, and as written."""

    line: int
    column: int
    code_point: int
    written: str  # the character itself or its reference, e.g. "&#12;"

    @property
    def name(self) -> str:
        """"U+000C (a control character)"."""
        return f"U+{self.code_point:04X} ({kind_of(self.code_point)})"


def kind_of(code_point: int) -> str:
    """What kind of bad character `code_point` is, in words."""
    if code_point == 0xFEFF:
        return "a byte-order mark inside the text"
    if 0xD800 <= code_point <= 0xDFFF:
        return "a lone surrogate"
    if code_point < 0xA0:
        return "a control character"
    return "a non-character"


def is_bad(code_point: int) -> bool:
    """Is this a character the issue may not hold?"""
    return code_point <= 0x10FFFF and _BAD_CHAR.fullmatch(chr(code_point)) is not None


def find_bad_characters(text: str, *, references: bool = True) -> list[BadCharacter]:
    """Every bad character of `text` in order; with `references`, numeric character
    references to one too (Markdown decodes them; YAML does not)."""
    pattern = _BAD_OR_REFERENCE if references else _BAD_CHAR
    found = []
    for m in pattern.finditer(text):
        ref = m.group(1) if m.lastindex else None
        if ref is None:
            code_point = ord(m.group())
        else:
            code_point = int(ref[1:], 16) if ref[0] in "xX" else int(ref)
            if not is_bad(code_point):
                continue
        line = text.count("\n", 0, m.start()) + 1
        column = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        found.append(BadCharacter(line, column, code_point, m.group()))
    return found


def without(text: str, bad: list[BadCharacter]) -> str:
    """`text` with the characters (or references) in `bad` taken out."""
    if not bad:
        return text
    offsets = _line_offsets(text)
    parts, last = [], 0
    for b in bad:
        start = offsets[b.line - 1] + b.column - 1
        parts.append(text[last:start])
        last = start + len(b.written)
    parts.append(text[last:])
    return "".join(parts)


def dropped_warnings(file: str, bad: list[BadCharacter]) -> list[str]:
    """One warning per code point dropped: how often, and the first line it was on."""
    first: dict[int, BadCharacter] = {}
    count: dict[int, int] = {}
    for b in bad:
        first.setdefault(b.code_point, b)
        count[b.code_point] = count.get(b.code_point, 0) + 1
    return [f"{file}:{b.line}: dropped {b.name}"
            + (f", {count[cp]} times (first on this line)" if count[cp] > 1 else "")
            for cp, b in first.items()]


def _line_offsets(text: str) -> list[int]:
    offsets = [0]
    offsets.extend(m.end() for m in re.finditer("\n", text))
    return offsets
