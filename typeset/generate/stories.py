"""Writing the plan's stories as Markdown: headline groups, bylines and paragraphs made of
the corpus's real sentences and clauses (see issue-format.md for the syntax)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from typeset.ingest.bylines import DATELINE, is_standalone_byline

from .corpus import BRIEF_MAX_CHARS, Corpus, Donor, TableTemplate
from .plan import Kind, StoryPlan
from .volume import visible_chars

# Headline lengths: one clause, or two short clauses set off by an ideographic space.
HEAD_CHARS = (8, 24)
HEAD_CLAUSE_CHARS = (4, 11)
TWO_CLAUSE_HEADS = 0.25
NUMBER_HEADS = 0.35  # how often a head with a figure ("15.6万人") is preferred
KICKER_CHARS = (6, 16)
SUBTITLE_CHARS = (10, 30)
SUBHEAD_CHARS = (4, 12)
CAPTION_CHARS = (15, 80)
STAFF_PHOTO = 0.7  # how often a photo is the paper's own ("本报记者 X 摄"), not 供图
# How often a story has a kicker, a subtitle (lead / other stories).
KICKER = {Kind.LEAD: 0.7, Kind.STORY: 0.3}
SUBTITLE = {Kind.LEAD: 0.8, Kind.STORY: 0.3}
BANNER = 0.12  # a story under a column banner
STANDALONE_BYLINE = 0.15  # "本报记者 李四" on its own line instead of a run-in dateline
# Paragraph lengths in characters; a subhead about every SUBHEAD_EVERY characters of a
# long story; a pull quote in some long stories.
PARAGRAPH_CHARS = (80, 320)
SUBHEADS_FROM = 2500
SUBHEAD_EVERY = (900, 1500)
QUOTES_FROM = 1500
QUOTE = 0.3
TABLE_ROWS = (4, 8)
TEASER_MAX_CHARS = 140
# Draws of a random sentence before settling for the one closest to a brief's room.
BRIEF_TRIES = 40


@dataclass
class Story:
    """A story as Markdown pieces: the headline group and body blocks (each a paragraph)."""

    headline: str
    donor: Donor
    banner: str | None = None
    kicker: str | None = None
    subtitle: str | None = None
    blocks: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        lines = []
        if self.banner:
            lines.append(f"#### {self.banner}")
        if self.kicker:
            lines.append(f"### {self.kicker}")
        lines.append(f"## {self.headline}")
        if self.subtitle:
            lines.append(f"### ——{self.subtitle}")
        return "\n".join(lines) + "\n\n" + "".join(b + "\n\n" for b in self.blocks)


@dataclass
class PhotoRef:
    """A photo a story shows: where the writer must put the image file."""

    path: str  # relative to the issue file


def page_numeral(n: int) -> str:
    """A page number as teasers write it: 四 in "（详见四版）" (1..99)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, units = divmod(n, 10)
    return (digits[tens] if tens > 1 else "") + "十" + (digits[units] if units else "")


class StoryWriter:
    """Writes stories for one issue; keeps headlines unique and walks the corpus."""

    def __init__(self, corpus: Corpus, rng: random.Random) -> None:
        self.corpus = corpus
        self.rng = rng
        self.headlines: set[str] = set()
        self.datelines = [t for t in corpus.datelines if DATELINE.match(self._fill(t))]
        self.bylines = [t for t in corpus.standalone_bylines
                        if is_standalone_byline(self._fill(t))]

    def _fill(self, template: str) -> str:
        return template.format(*(self.rng.choice(self.corpus.names)
                                 for _ in range(template.count("{}"))))

    def _dateline(self) -> str:
        """A run-in dateline; a space sets it off from the text unless a bracket ends it."""
        dateline = self._fill(self.rng.choice(self.datelines))
        return dateline if dateline.endswith(("）", ")")) else dateline + " "

    # -- heads -------------------------------------------------------------------------

    def _clause(self, donor: Donor, lo: int, hi: int, prefer_number: bool = False) -> str | None:
        fitting = [c for c in donor.clauses if lo <= len(c) <= hi]
        if prefer_number:
            numbered = [c for c in fitting if any(ch.isdigit() for ch in c)]
            fitting = numbered or fitting
        return self.rng.choice(fitting) if fitting else None

    def _headline(self, donor: Donor) -> str:
        for attempt in range(50):
            source = donor if attempt < 25 else self.rng.choice(self.corpus.donors)
            lo, hi = HEAD_CLAUSE_CHARS
            pairs = [f"{a}\u3000{b}" for a, b in source.pairs
                     if lo <= len(a) <= hi and lo <= len(b) <= hi]
            if pairs and self.rng.random() < TWO_CLAUSE_HEADS:
                head = self.rng.choice(pairs)
            else:
                head = self._clause(source, *HEAD_CHARS,
                                    prefer_number=self.rng.random() < NUMBER_HEADS)
            if head and head not in self.headlines:
                self.headlines.add(head)
                return head
        raise RuntimeError("the corpus has too few clauses for unique headlines")

    # -- body --------------------------------------------------------------------------

    def _sentences(self, donor: Donor):
        """The donor's sentences from a random point, then other donors', endlessly; each
        with True where a new donor starts (a new paragraph, for the sense)."""
        current = donor
        start = self.rng.randrange(len(current.sentences))
        while True:
            for n, sentence in enumerate(current.sentences[start:]):
                yield sentence, n == 0 and current is not donor
            current, start = self.rng.choice(self.corpus.donors), 0

    def _paragraphs(self, donor: Donor, chars: int, first: str) -> list[str]:
        """Paragraphs of real sentences totalling about `chars` visible characters, the
        first opening with `first` (a dateline, or nothing)."""
        sentences = self._sentences(donor)
        paragraphs: list[str] = []
        current = first
        total = visible_chars(first)
        room = self.rng.randint(*PARAGRAPH_CHARS)
        while True:
            sentence, new_donor = next(sentences)
            n = visible_chars(sentence)
            # stop where the total comes closest to what the plan asked for
            if total + n - chars > chars - total and (paragraphs or current.strip()):
                break
            if new_donor and current.strip():
                paragraphs.append(current)
                current, room = "", self.rng.randint(*PARAGRAPH_CHARS)
            current += sentence
            total += n
            if visible_chars(current) >= room:
                paragraphs.append(current)
                current, room = "", self.rng.randint(*PARAGRAPH_CHARS)
        if current.strip():
            paragraphs.append(current)
        return paragraphs

    def story(self, plan: StoryPlan, photos: list[PhotoRef],
              tables: list[TableTemplate]) -> Story:
        """A lead or ordinary story of about `plan.chars` body characters."""
        rng = self.rng
        donor = rng.choice(self.corpus.donors)
        story = Story(self._headline(donor), donor)
        if plan.kind is Kind.STORY and rng.random() < BANNER:
            story.banner = rng.choice(self.corpus.banners)
        if rng.random() < KICKER[plan.kind]:
            story.kicker = self._clause(donor, *KICKER_CHARS)
        if rng.random() < SUBTITLE[plan.kind]:
            subtitle = self._clause(donor, *SUBTITLE_CHARS)
            if subtitle not in (story.headline, story.kicker):
                story.subtitle = subtitle
        if rng.random() < STANDALONE_BYLINE:
            story.blocks.append(self._fill(rng.choice(self.bylines)))
            first = ""
        else:
            first = self._dateline()
        paragraphs = self._paragraphs(donor, plan.chars, first)
        quote = None
        if plan.chars >= QUOTES_FROM and rng.random() < QUOTE:
            quote = rng.choice(donor.sentences)
            paragraphs = self._paragraphs(donor, plan.chars - visible_chars(quote), first)
        inserts: dict[int, list[str]] = {}
        for photo in photos:
            inserts.setdefault(1, []).append(self._photo(donor, photo))
        for table in tables:
            inserts.setdefault(min(2, len(paragraphs)), []).append(self._table(table))
        if quote:
            inserts.setdefault(len(paragraphs) // 2, []).append(f"> {quote}")
        since_subhead, next_subhead = 0, rng.randint(*SUBHEAD_EVERY)
        for n, paragraph in enumerate(paragraphs):
            if plan.chars >= SUBHEADS_FROM and n and since_subhead >= next_subhead:
                story.blocks.append(f"#### {self._clause(donor, *SUBHEAD_CHARS) or story.headline}")
                since_subhead, next_subhead = 0, rng.randint(*SUBHEAD_EVERY)
            story.blocks.append(paragraph)
            since_subhead += visible_chars(paragraph)
            story.blocks.extend(inserts.pop(n + 1, []))
        for rest in inserts.values():
            story.blocks.extend(rest)
        return story

    def _photo(self, donor: Donor, photo: PhotoRef) -> str:
        # a caption describes the picture: a sentence of the story, not a quotation
        captions = [s for s in donor.sentences if CAPTION_CHARS[0] <= len(s) <= CAPTION_CHARS[1]
                    and not s.startswith("“")]
        caption = self.rng.choice(captions or donor.sentences[:1])
        staff = [c for c in self.corpus.credits if "{}" in c]
        credits = staff if staff and self.rng.random() < STAFF_PHOTO else self.corpus.credits
        return f'![{caption}]({photo.path} "{self._fill(self.rng.choice(credits))}")'

    def _table(self, template: TableTemplate) -> str:
        """A table like `template`: its header, labels drawn from its first column, and
        numbers written like its numbers with other digits."""
        rng = self.rng
        first = list(dict.fromkeys(template.columns[0]))
        rows = rng.sample(first, min(len(first), rng.randint(*TABLE_ROWS)))
        lines = ["| " + " | ".join(template.header) + " |",
                 "|" + "|".join({"right": "---:", "center": ":---:"}.get(a, "---")
                                for a in template.align) + "|"]
        for label in rows:
            cells = [label] + [_like(rng.choice(column), rng) for column in template.columns[1:]]
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines)

    def brief(self, plan: StoryPlan) -> Story:
        """A brief: "本报讯" and sentences, under BRIEF_MAX_CHARS visible characters."""
        rng = self.rng
        donor = rng.choice(self.corpus.donors)
        story = Story(self._headline(donor), donor)
        opening = self._dateline()
        room = min(plan.chars, BRIEF_MAX_CHARS - 1) - visible_chars(opening)
        text = ""
        sentences = self._sentences(donor)
        for _ in range(BRIEF_TRIES):
            sentence, _new_donor = next(sentences)
            if visible_chars(text + sentence) <= room:
                text += sentence
        if not text:
            text = min((s for d in self.corpus.donors for s in d.sentences), key=len)
        story.blocks.append(opening + text)
        return story

    def teaser(self, target: Story, page: int, chars: int) -> Story:
        """A 导读 pointing at `target` on `page`: its headline, one of its sentences."""
        # a teaser is one short line; the ingest reads a longer one as a story
        short = [s for s in target.donor.sentences if len(s) <= TEASER_MAX_CHARS] or \
            [s for d in self.corpus.donors for s in d.sentences if len(s) <= TEASER_MAX_CHARS]
        sentence = min(short, key=lambda s: abs(visible_chars(s) - chars))
        return Story(target.headline, target.donor,
                     blocks=[f"{sentence}（详见{page_numeral(page)}版）"])


def _like(value: str, rng: random.Random) -> str:
    """`value` with each digit replaced by a random one (a leading digit stays non-zero),
    so "3,268.4" gives "5,917.2" and "58/27" gives "41/36"; text comes back as it is."""
    out = []
    for i, c in enumerate(value):
        if c.isdigit():
            lead = i == 0 or not value[i - 1].isdigit()
            out.append(str(rng.randint(1 if lead and c != "0" else 0, 9)))
        else:
            out.append(c)
    return "".join(out)
