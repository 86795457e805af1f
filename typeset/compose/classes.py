"""Character classes for line breaking (W3C CLREQ; GB/T 15834), by strictness level."""

from __future__ import annotations

PAUSE_STOP = "、，。．：；！？‼⁇⁈⁉"
CLOSE_QUOTE = "”’」』"
CLOSE_BRACKET = "）〕］｝】〗〙｠⦆〉》"
CONNECTOR = "–～〜"
INTERPUNCT = "·‧・"
OPEN_ALL = "“‘「『（〔［｛【〖〘｟⦅〈《"
SOLIDUS = "/／"
DASH_ELLIPSIS = "—⸺…⋯"

# ASCII closing marks also must not start a line when they follow CJK text.
LATIN_CLOSE = ",.;:!?)]}%"
LATIN_OPEN = "([{"


def not_at_start(level: str) -> frozenset[str]:
    """Characters that must not begin a line at kinsoku `level`."""
    if level == "none":
        return frozenset()
    chars = PAUSE_STOP + CLOSE_QUOTE + CLOSE_BRACKET + CONNECTOR + INTERPUNCT + LATIN_CLOSE
    if level in ("gb", "strict"):
        chars += SOLIDUS
    if level == "strict":
        chars += DASH_ELLIPSIS
    return frozenset(chars)


def not_at_end(level: str) -> frozenset[str]:
    """Characters that must not end a line at kinsoku `level`."""
    if level == "none":
        return frozenset()
    chars = OPEN_ALL + LATIN_OPEN
    if level in ("gb", "strict"):
        chars += SOLIDUS
    return frozenset(chars)


def is_han(ch: str) -> bool:
    """True for CJK ideographs (the characters 孤字 counts)."""
    cp = ord(ch)
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x3FFFF
            or 0xF900 <= cp <= 0xFAFF)


def is_word_char(ch: str) -> bool:
    """Letters and digits of alphabetic scripts, which form unbreakable words and numbers."""
    return ch.isalnum() and not is_han(ch) and ord(ch) < 0x2E80
