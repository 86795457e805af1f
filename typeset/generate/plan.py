"""A case and a seed → the issue's plan: which stories each page carries, how long each
is, and where the photos and tables go. No text yet (that is `stories.py`)."""

from __future__ import annotations

import enum
import random
from dataclasses import dataclass, field

from .cases import Case
from .corpus import BRIEF_MAX_CHARS
from .volume import Volume

# Stories per page, lead included, "like a real paper": the front page has a lead and
# several stories (and teasers), inner pages three to eight stories.
FRONT_STORIES = (5, 8)
INNER_STORIES = (3, 8)
FRONT_TEASERS = (2, 3)
# The lead's share of its page's body characters; the others share the rest by weights.
LEAD_SHARE = (0.30, 0.45)
STORY_WEIGHT = (0.3, 1.6)
MIN_STORY_CHARS = 150
# Briefs run from a couple of sentences to just under BRIEF_MAX_CHARS.
BRIEF_CHARS = (90, BRIEF_MAX_CHARS - 10)
# A teaser is one sentence of the story it points at, about this long.
TEASER_CHARS = (40, 90)
# Photos and tables go to stories with room for them.
MIN_CHARS_FOR_PHOTO = 300
MIN_CHARS_FOR_TABLE = 400
MAX_PHOTOS_PER_STORY = 2
# How often a photo of the sample's spread stays on its page (else it goes to any page).
PHOTO_STAYS = 0.6
# How often a page's first photo goes to its lead story.
PHOTO_TO_LEAD = 0.6
# Stories of at least this many characters can be moved a page.
MIN_CHARS_TO_MOVE = 400


class Kind(enum.Enum):
    """What a story is on its page."""

    LEAD = "lead"  # the page's first, its 头条
    STORY = "story"
    BRIEF = "brief"  # under BRIEF_MAX_CHARS, grouped under a banner
    TEASER = "teaser"  # 导读 on page 1 pointing at another page's lead


@dataclass
class StoryPlan:
    """One story to write: its kind and body characters, photos and tables it carries."""

    kind: Kind
    chars: int
    photos: int = 0
    tables: int = 0
    teaser_for: int | None = None  # a teaser's page: the lead there is what it points at


@dataclass
class PagePlan:
    number: int
    section: str
    editor: str
    stories: list[StoryPlan] = field(default_factory=list)


@dataclass
class IssuePlan:
    pages: list[PagePlan]


def plan_issue(case: Case, rng: random.Random, sample: Volume) -> IssuePlan:
    """The plan of one issue of `case`, with volumes scaled from `sample`."""
    numbers = [1] if case.front_only else [p.number for p in sample.pages]
    inner = [n for n in numbers if n != 1]
    special = rng.choice(inner) if inner and (case.long_page or case.briefs) else None
    pages = []
    for n in numbers:
        src = sample.page(n)
        page = PagePlan(n, src.section, src.editor)
        budget = round(src.body_chars * case.volume)
        if n == special and case.long_page:
            page.stories = [StoryPlan(Kind.LEAD, case.long_page)]
        elif n == special and case.briefs:
            briefs = [StoryPlan(Kind.BRIEF, rng.randint(*BRIEF_CHARS))
                      for _ in range(case.briefs)]
            rest = budget - sum(b.chars for b in briefs)
            page.stories = _spread(rng, rest, 1 + rng.randint(1, 3)) + briefs
        else:
            teasers = []
            if n == 1 and inner:
                targets = rng.sample(inner, min(len(inner), rng.randint(*FRONT_TEASERS)))
                teasers = [StoryPlan(Kind.TEASER, rng.randint(*TEASER_CHARS), teaser_for=t)
                           for t in sorted(targets)]
            count = rng.randint(*(FRONT_STORIES if n == 1 else INNER_STORIES))
            rest = budget - sum(t.chars for t in teasers)
            page.stories = _spread(rng, rest, count) + teasers
        pages.append(page)
    plan = IssuePlan(pages)
    _place_photos(plan, rng, sample, case.photos)
    _place_tables(plan, rng, sample, case.tables)
    if case.move:
        _move_story(plan, rng, case.move)
    return plan


def _spread(rng: random.Random, chars: int, count: int) -> list[StoryPlan]:
    """`count` stories sharing `chars`: a lead, then the others by random weights."""
    lead = round(chars * rng.uniform(*LEAD_SHARE)) if count > 1 else chars
    weights = [rng.uniform(*STORY_WEIGHT) for _ in range(count - 1)]
    rest = chars - lead
    others = [max(MIN_STORY_CHARS, round(rest * w / sum(weights))) for w in weights]
    others.sort(reverse=True)  # a page's stories run in priority order, longest first
    return [StoryPlan(Kind.LEAD, lead)] + [StoryPlan(Kind.STORY, c) for c in others]


def _scaled_slots(rng: random.Random, slots: list[int], scale: float) -> list[int]:
    """The sample's slots (one page number per photo or table) `scale` times over: whole
    copies, then a random part of them for the fraction."""
    whole = int(scale)
    part = round((scale - whole) * len(slots))
    return slots * whole + rng.sample(slots, part)


def _place_photos(plan: IssuePlan, rng: random.Random, sample: Volume, scale: float) -> None:
    numbers = [p.number for p in plan.pages]
    slots = [p.number for p in sample.pages if p.number in numbers for _ in range(p.photos)]
    for n in _scaled_slots(rng, slots, scale):
        page = _page(plan, n if rng.random() < PHOTO_STAYS else rng.choice(numbers))
        takers = [s for s in page.stories if s.kind in (Kind.LEAD, Kind.STORY)
                  and s.chars >= MIN_CHARS_FOR_PHOTO and s.photos < MAX_PHOTOS_PER_STORY]
        if not takers:
            takers = [s for s in plan_stories(plan) if s.kind in (Kind.LEAD, Kind.STORY)
                      and s.photos < MAX_PHOTOS_PER_STORY]
        first = not any(s.photos for s in page.stories)
        lead = takers[0] if takers[0].kind is Kind.LEAD else None
        story = lead if lead and first and rng.random() < PHOTO_TO_LEAD else rng.choice(takers)
        story.photos += 1


def _place_tables(plan: IssuePlan, rng: random.Random, sample: Volume, scale: float) -> None:
    slots = [p.number for p in sample.pages for _ in range(p.tables)]
    count = len(_scaled_slots(rng, slots, scale))
    candidates = [p for p in plan.pages
                  if any(s.chars >= MIN_CHARS_FOR_TABLE and s.kind is not Kind.BRIEF
                         for s in p.stories)]
    for page in rng.sample(candidates, min(count, len(candidates))):
        takers = [s for s in page.stories if s.kind in (Kind.LEAD, Kind.STORY)
                  and s.chars >= MIN_CHARS_FOR_TABLE]
        rng.choice(takers).tables += 1


def _move_story(plan: IssuePlan, rng: random.Random, step: int) -> None:
    """Move one story (not a lead) from a page to the page `step` after it."""
    numbers = [p.number for p in plan.pages]
    sources = [p for p in plan.pages if p.number + step in numbers
               and any(s.kind is Kind.STORY and s.chars >= MIN_CHARS_TO_MOVE for s in p.stories)]
    source = rng.choice(sources)
    story = rng.choice([s for s in source.stories
                        if s.kind is Kind.STORY and s.chars >= MIN_CHARS_TO_MOVE])
    source.stories.remove(story)
    target = _page(plan, source.number + step)
    # after the target's own stories, before its briefs and teasers
    at = max(i + 1 for i, s in enumerate(target.stories) if s.kind in (Kind.LEAD, Kind.STORY))
    target.stories.insert(at, story)


def _page(plan: IssuePlan, number: int) -> PagePlan:
    return next(p for p in plan.pages if p.number == number)


def plan_stories(plan: IssuePlan) -> list[StoryPlan]:
    """Every story of the plan, page by page."""
    return [s for p in plan.pages for s in p.stories]
