"""Fixtures for the composer tests: the real fonts of fonts/fonts.toml and a compose helper
that works in em of a 10-pt body (so widths read as em counts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from typeset.compose import Line, StyledRun, compose_paragraph
from typeset.config import TextRules
from typeset.fonts import FontSet, load_fonts

REPO = Path(__file__).resolve().parents[2]
EM = 10.0  # body size in the tests: a width of 10 pt is one em


@pytest.fixture(scope="session")
def fonts() -> FontSet:
    return load_fonts(REPO / "fonts" / "fonts.toml")


@pytest.fixture(scope="session")
def compose(fonts):
    """compose(text_or_runs, columns_in_em, kinsoku="gb", punctuation="quanjiao",
    indent_em=0, **kwargs) → lines."""

    def run(text, columns: float, kinsoku: str = "gb", punctuation: str = "quanjiao",
            indent_em: float = 0.0, **kwargs) -> list[Line]:
        runs = [StyledRun(text, "body", EM)] if isinstance(text, str) else text
        rules = TextRules(2.0, kinsoku, punctuation)
        return compose_paragraph(runs, columns * EM, fonts, rules, indent=indent_em * EM,
                                 **kwargs)

    return run


def texts(lines: list[Line]) -> list[str]:
    """The text of each line."""
    return [line.text for line in lines]
