"""Character classes for Chinese composition (W3C CLREQ; GB/T 15834): the kinsoku sets by
strictness level, and the kind of every character as far as spacing and breaking care.

The sets are the notes' (§1–2) and the checker's lists; everything else is decided by Unicode
properties (East Asian Width), not by hand-written ranges.
"""

from __future__ import annotations

import functools
import unicodedata

PAUSE = "、，：；"  # pause marks: commas, enumeration comma, colon, semicolon
STOP = "。．！？‼⁇⁈⁉"  # stop marks
PAUSE_STOP = PAUSE + STOP
CLOSE_QUOTE = "”’」』"
CLOSE_BRACKET = "）〕］｝】〗〙｠⦆〉》"
CONNECTOR = "–～〜"
INTERPUNCT = "·‧・"
OPEN_ALL = "“‘「『（〔［｛【〖〘｟⦅〈《〝"
SOLIDUS = "/／"
DASH_ELLIPSIS = "—⸺…⋯"

# ASCII closing and opening marks are kept off the wrong line edge too (the checker's lists).
LATIN_CLOSE = ",.;:!?)]}%"
LATIN_OPEN = "([{"

LEVELS = ("none", "basic", "gb", "strict")

# What a character is, for widths, glue and breaking. Plain ints: the composer looks them up
# once per character and compares them in its inner loops.
WIDE = 0  # ideographs, kana, full-width forms that are not punctuation
OPEN = 1  # opening brackets and quotes: ink in the right half of the em
CLOSE = 2  # closing brackets and quotes: ink in the left half
PAUSE_MARK = 3  # ，、；：
STOP_MARK = 4  # 。？！
MIDDLE = 5  # interpunct, short connector, solidus: centred, always ½ em where the font allows
DASH = 6  # —— …… ⸺ ⋯⋯: one em per character, never compressed, never split
LATIN = 7  # letters, digits and signs of alphabetic text
SPACE = 8  # a breaking space between Latin words

# Kinds whose blank half can be removed (the font's `halt` gives the half-width form).
COMPRESSIBLE = frozenset((OPEN, CLOSE, PAUSE_MARK, STOP_MARK))
# Kinds with a blank half on the right (trailing) side.
TRAILING_BLANK = frozenset((CLOSE, PAUSE_MARK, STOP_MARK))
PUNCTUATION = frozenset((OPEN, CLOSE, PAUSE_MARK, STOP_MARK, MIDDLE, DASH))

# Symbols that Chinese fonts set full width and that belong with the number before them.
_WIDE_SIGNS = "℃℉"
# Western signs that attach to a number and take Han–Latin glue like its digits ("5%的").
_GLUE_SIGNS = "%‰°"


def _check_level(level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"unknown kinsoku level {level!r}; use one of {', '.join(LEVELS)}")


@functools.cache
def not_at_start(level: str) -> frozenset[str]:
    """Characters that must not begin a line at kinsoku `level`."""
    _check_level(level)
    if level == "none":
        return frozenset()
    chars = PAUSE_STOP + CLOSE_QUOTE + CLOSE_BRACKET + CONNECTOR + INTERPUNCT + LATIN_CLOSE
    if level in ("gb", "strict"):
        chars += SOLIDUS
    if level == "strict":
        chars += DASH_ELLIPSIS
    return frozenset(chars)


@functools.cache
def not_at_end(level: str) -> frozenset[str]:
    """Characters that must not end a line at kinsoku `level`."""
    _check_level(level)
    if level == "none":
        return frozenset()
    chars = OPEN_ALL + LATIN_OPEN
    if level in ("gb", "strict"):
        chars += SOLIDUS
    return frozenset(chars)


@functools.cache
def kind_of(ch: str) -> int:
    """The kind of a character (WIDE, OPEN, CLOSE, … SPACE)."""
    if ch in OPEN_ALL:
        return OPEN
    if ch in CLOSE_QUOTE or ch in CLOSE_BRACKET:
        return CLOSE
    if ch in PAUSE:
        return PAUSE_MARK
    if ch in STOP:
        return STOP_MARK
    if ch in INTERPUNCT or ch in CONNECTOR or ch == "／":
        return MIDDLE
    if ch in DASH_ELLIPSIS:
        return DASH
    if ch == " " or (ch.isspace() and ch not in "\u3000\u00a0"):
        return SPACE
    if ch in _WIDE_SIGNS or unicodedata.east_asian_width(ch) in ("W", "F"):
        return WIDE
    return LATIN


@functools.cache
def is_han(ch: str) -> bool:
    """True for CJK ideographs (the characters 孤字 counts)."""
    cp = ord(ch)
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x3FFFF
            or 0xF900 <= cp <= 0xFAFF)


@functools.cache
def takes_glue(ch: str) -> bool:
    """True for a Western character that is set apart from Han by the Han–Latin glue: letters
    and digits of alphabetic scripts, and the signs that belong to a number."""
    return kind_of(ch) == LATIN and (ch.isalnum() or ch in _GLUE_SIGNS)


@functools.cache
def is_ideograph_like(ch: str) -> bool:
    """Han, kana and hangul: the side of a Han–Latin gap that is not Western."""
    if is_han(ch):
        return True
    cp = ord(ch)
    return 0x3040 <= cp <= 0x30FF or 0xAC00 <= cp <= 0xD7AF or 0x3005 <= cp <= 0x3007
