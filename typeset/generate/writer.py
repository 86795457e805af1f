"""write_issue: a case and a seed → an issue directory (issue.md and images/), optionally
with a filler pool (`<!-- fillers -->`: short items and a house ad) after the pages."""

from __future__ import annotations

import random
from pathlib import Path

from .cases import Case
from .corpus import load_corpus
from .photos import write_photo
from .plan import Kind, StoryPlan, plan_issue
from .stories import PhotoRef, Story, StoryWriter
from .volume import sample_issue, sample_volume

ISSUE_FILE = "issue.md"
IMAGES_DIR = "images"
# A filler item's body characters: a paragraph or two, from about three lines of a column
# to a short story, so that the pool has something for holes of many depths.
FILLER_CHARS = (80, 420)
# The house ad: a landscape picture large enough for a five-column hole at the layout's
# print resolution, and the line under it.
HOUSE_AD_SIZE = (2400, 1500)
HOUSE_AD_FILE = "house-ad.jpg"
HOUSE_AD_CAPTION = "订阅{}，每天清晨送到家"
HOUSE_AD_CREDIT = "本报发行部"


def _rng(case: Case, seed: int) -> random.Random:
    # a string seed is hashed with SHA-512: the same stream on every run and platform
    return random.Random(f"{case.name}/{seed}")


def _front_matter(page_count: int) -> str:
    """Front matter like the sample's: its masthead, as the sample's front matter gives it."""
    m = sample_issue().masthead
    fields = {"newspaper": m.title, "newspaper_latin": m.latin,
              "date": m.date.isoformat() if m.date else "", "weekday": m.weekday,
              "lunar_date": m.lunar_date, "issue_number": m.issue_number,
              "pages": page_count, "url": m.url, "language": sample_issue().language}
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in fields.items() if v != "") + "---\n\n"


def render_issue(case: Case, seed: int, images: Path, fillers: int = 0) -> str:
    """The issue's Markdown for (case, seed); its photos are written under `images`.

    `fillers`: that many short items and one house ad in a filler pool after the pages.
    They are drawn after every page is written, so the pages are those of the issue
    without them (the same case and seed with and without a pool compare directly)."""
    rng = _rng(case, seed)
    corpus = load_corpus()
    plan = plan_issue(case, rng, sample_volume())
    writer = StoryWriter(corpus, rng)
    written: dict[int, list[Story]] = {}
    leads: dict[int, Story] = {}
    photo_no = 0
    # inner pages first, so that the front page's teasers can name their leads' headlines
    for page in sorted(plan.pages, key=lambda p: p.number == 1):
        stories: list[Story] = []
        previous: Kind | None = None
        for sp in page.stories:
            if sp.kind is Kind.TEASER:
                story = writer.teaser(leads[sp.teaser_for], sp.teaser_for, sp.chars)
            elif sp.kind is Kind.BRIEF:
                story = writer.brief(sp)
            else:
                refs = []
                for _ in range(sp.photos):
                    photo_no += 1
                    name = f"p{page.number}-{photo_no}.jpg"
                    write_photo(rng, images / name)
                    refs.append(PhotoRef(f"{images.name}/{name}"))
                tables = [rng.choice(corpus.tables) for _ in range(sp.tables)]
                story = writer.story(sp, refs, tables)
            if sp.kind is Kind.LEAD:
                leads[page.number] = story
            # a group of teasers or briefs stands under one banner, on its first item
            group = {Kind.TEASER: corpus.teaser_banners, Kind.BRIEF: corpus.brief_banners}
            if sp.kind in group and sp.kind is not previous:
                story.banner = rng.choice(group[sp.kind])
            previous = sp.kind
            stories.append(story)
        written[page.number] = stories
    out = [_front_matter(len(sample_volume().pages))]
    for page in plan.pages:
        out.append(f"<!-- page {page.number} | {page.section} | 责任编辑：{page.editor} -->\n\n")
        out += [s.markdown() for s in written[page.number]]
    if fillers:
        out.append(_filler_pool(writer, rng, fillers, images))
    return "".join(out)


def _filler_pool(writer: StoryWriter, rng: random.Random, items: int, images: Path) -> str:
    """The `<!-- fillers -->` section: `items` short stories, then a house ad (an image
    alone) drawn like the photos."""
    stories = [writer.story(StoryPlan(Kind.STORY, rng.randint(*FILLER_CHARS)), [], [])
               for _ in range(items)]
    write_photo(rng, images / HOUSE_AD_FILE, HOUSE_AD_SIZE)
    caption = HOUSE_AD_CAPTION.format(sample_issue().masthead.title)
    ad = f'![{caption}]({images.name}/{HOUSE_AD_FILE} "{HOUSE_AD_CREDIT}")\n'
    return "<!-- fillers -->\n\n" + "".join(s.markdown() for s in stories) + ad


def write_issue(case: Case, seed: int, dest: Path, fillers: int = 0) -> Path:
    """Write the issue of `case` for `seed` into `dest` (created if missing): `issue.md`
    with its photos in `images/` beside it, and a filler pool of `fillers` items and a
    house ad when `fillers` (see render_issue). Returns the issue file's path.

    The same (case, seed) writes the same bytes, so a failing issue can be rebuilt from
    its name and seed alone."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    text = render_issue(case, seed, dest / IMAGES_DIR, fillers)
    path = dest / ISSUE_FILE
    path.write_text(text, encoding="utf-8")
    return path
