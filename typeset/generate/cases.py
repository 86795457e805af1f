"""The named test cases: recipes for issues around the bundled sample's volume.

Every number a case holds is relative to what `volume.sample_volume()` measures, except
the story lengths that define a case (a 6,000-character story, 12 briefs).
"""

from __future__ import annotations

from dataclasses import dataclass

from typeset.errors import InputError

# The CLI's exit status when copy ran over (typeset.cli.EXIT_OVERSET).
EXIT_OVERSET = 3
LONG_STORY_CHARS = 6000
BRIEFS_ON_PAGE = 12


@dataclass(frozen=True)
class Case:
    """A recipe for a test issue; `write_issue` turns it and a seed into Markdown.

    volume: body characters as a fraction of the sample's, page by page.
    photos, tables: how many, as a multiple of the sample's.
    move: +1 moves one story of the sample-like spread a page later, -1 a page earlier.
    long_page: when set, one inner page holds a single story of that many characters.
    briefs: when set, one inner page carries that many briefs under a banner.
    front_only: copy for page 1 only (as in the seed), the other pages left empty.
    expect: the exit status a correct typesetter gives (3: the copy cannot fit).
    """

    name: str
    summary: str
    volume: float = 1.0
    photos: float = 1.0
    tables: float = 1.0
    move: int = 0
    long_page: int = 0
    briefs: int = 0
    front_only: bool = False
    expect: int = 0

    @property
    def copy_pages(self) -> tuple[int, ...] | None:
        """The pages that carry copy, when not all do (the others may stay blank)."""
        return (1,) if self.front_only else None


# Every case, in the order the bench reports them.
CASES = (
    *(Case(f"volume-{p}", f"{p} % of the sample's body characters, random stories per page",
           volume=p / 100) for p in (85, 90, 95, 100, 105, 110)),
    Case("moved-later", "sample-like spread, one story moved a page later", move=+1),
    Case("moved-earlier", "sample-like spread, one story moved a page earlier", move=-1),
    Case("no-photos", "sample's volume, no photos", photos=0.0),
    Case("photos-1x", "sample's volume and photo count", photos=1.0),
    Case("photos-2x", "sample's volume, twice its photos", photos=2.0),
    Case("long-story", f"one inner page holds a single ~{LONG_STORY_CHARS:,}-character story",
         long_page=LONG_STORY_CHARS),
    Case("many-briefs", f"one inner page carries {BRIEFS_ON_PAGE} briefs under a banner",
         briefs=BRIEFS_ON_PAGE),
    Case("tables", "sample's volume, twice its tables, on different pages", tables=2.0),
    Case("overset-130", "130 % of the sample's copy: too much, expect overset (exit 3)",
         volume=1.3, expect=EXIT_OVERSET),
    Case("front-only", "copy for page 1 only, as in the seed; pages 2-8 empty",
         front_only=True),
)


def cases() -> list[Case]:
    """Every named case, in the order the bench reports them."""
    return list(CASES)


def case(name: str) -> Case:
    """The case called `name`; InputError listing the names when there is none."""
    for c in CASES:
        if c.name == name:
            return c
    raise InputError(f"no test case named {name!r}",
                     hint="choose one of: " + ", ".join(c.name for c in CASES))
