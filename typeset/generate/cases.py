"""The named kinds of test issue: copy volume, how it is spread over the pages, photos,
tables, and the hard pages (one long story, a page of briefs, a front page only)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    """What an issue of this case looks like, relative to the model issue.

    `volume`: body copy as a share of the model's; `spread`: how far a page's copy may
    differ from the model page's (±share, the total kept); `photos`: photos as a multiple
    of the model's; `move`: one story moved a page later (+1) or earlier (−1); `long_page`:
    one inner page holds a single story of this many characters; `briefs`: one inner page
    also holds this many briefs (one paragraph under 220 characters each); `tables`: one
    table on every other page; `front_only`: copy for page 1 alone; `expect`: the exit
    code a correct engine gives (3: more copy than the pages hold)."""

    name: str
    volume: float = 1.0
    spread: float = 0.15
    photos: float = 1.0
    move: int = 0
    long_page: int = 0
    briefs: int = 0
    tables: bool = False
    front_only: bool = False
    expect: int = 0


CASES = (
    *(Case(f"volume-{pct}", volume=pct / 100) for pct in (85, 90, 95, 100, 105, 110)),
    Case("moved-later", move=1),
    Case("moved-earlier", move=-1),
    Case("no-photos", photos=0.0),
    Case("photos-2x", photos=2.0),
    Case("long-story", long_page=6000),
    Case("many-briefs", briefs=12),
    Case("tables", tables=True),
    Case("front-only", front_only=True),
    Case("overset-130", volume=1.3, expect=3),
)


def cases() -> tuple[Case, ...]:
    """Every named case."""
    return CASES


def case(name: str) -> Case:
    """The case called `name`; KeyError naming the known ones otherwise."""
    for c in CASES:
        if c.name == name:
            return c
    raise KeyError(f"no case {name!r}; known: {', '.join(c.name for c in CASES)}")
