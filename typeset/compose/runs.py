"""What the composer takes in: runs of text, each with a font role and a size."""

from __future__ import annotations

from dataclasses import dataclass

HARD_BREAK = "\n"  # inside a run's text, a kept line break (poems)


@dataclass(frozen=True)
class StyledRun:
    """Text set in one font role at one size; "\\n" in `text` is a hard line break."""

    text: str
    role: str
    size: float
