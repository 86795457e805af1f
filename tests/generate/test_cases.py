"""What each named case promises, measured on the written issue through the real ingest."""

from __future__ import annotations

import pytest

from typeset.generate import case, cases, measure, sample_volume, write_issue
from typeset.generate.cases import BRIEFS_ON_PAGE, LONG_STORY_CHARS
from typeset.generate.corpus import BRIEF_MAX_CHARS
from typeset.generate.volume import body_chars
from typeset.ingest import load_issue
from typeset.model import Figure

SEEDS = (0, 1, 2)
# A scaled case's body characters may miss its target by this fraction (a story ends at
# a sentence end, the one nearest its planned length).
VOLUME_TOLERANCE = 0.03


@pytest.mark.parametrize("case", [c.name for c in cases()])
def test_every_case_parses_with_every_article_headlined(generated, case):
    _, issue = generated(case)
    assert issue.articles
    assert all(a.headline for a in issue.articles)
    assert issue.paged and issue.page_count == len(sample_volume().pages)


@pytest.mark.parametrize("case", [c for c in cases() if c.name.startswith(("volume-", "overset"))],
                         ids=lambda c: c.name)
@pytest.mark.parametrize("seed", SEEDS)
def test_a_scaled_case_holds_its_share_of_the_samples_body_characters(generated, case, seed):
    _, issue = generated(case.name, seed)
    target = sample_volume().total.body_chars * case.volume
    assert abs(measure(issue).total.body_chars - target) <= VOLUME_TOLERANCE * target


@pytest.mark.parametrize("seed", SEEDS)
def test_pages_hold_the_samples_volume_page_by_page(generated, seed):
    _, issue = generated("volume-100", seed)
    sample = sample_volume()
    for page in measure(issue).pages:
        target = sample.page(page.number).body_chars
        assert abs(page.body_chars - target) <= 2 * VOLUME_TOLERANCE * target, page


def test_no_photo_case_has_no_images(generated):
    path, issue = generated("no-photos")
    assert measure(issue).total.photos == 0
    assert not (path.parent / "images").exists()


@pytest.mark.parametrize("seed", SEEDS)
def test_photo_cases_scale_the_samples_photo_count(generated, seed):
    sample = sample_volume().total.photos
    assert measure(generated("photos-1x", seed)[1]).total.photos == sample
    _, issue = generated("photos-2x", seed)
    figures = [b for a in issue.articles for b in a.blocks if isinstance(b, Figure)]
    assert len(figures) == 2 * sample
    assert all(f.image is not None and f.image.is_file() and f.caption and f.credit
               for f in figures)


@pytest.mark.parametrize("seed", range(6))
def test_the_briefs_page_ends_in_twelve_short_items_under_one_banner(generated, seed):
    _, issue = generated("many-briefs", seed)
    pages = [p for p in issue.pages if len(p.articles) > BRIEFS_ON_PAGE and all(
        0 < body_chars(a) < BRIEF_MAX_CHARS for a in p.articles[-BRIEFS_ON_PAGE:])]
    assert len(pages) == 1
    briefs = pages[0].articles[-BRIEFS_ON_PAGE:]
    assert briefs[0].banner and not any(a.banner for a in briefs[1:])
    assert body_chars(pages[0].articles[-BRIEFS_ON_PAGE - 1]) >= BRIEF_MAX_CHARS


@pytest.mark.parametrize("seed", SEEDS)
def test_the_long_story_stands_alone_on_its_page(generated, seed):
    _, issue = generated("long-story", seed)
    alone = [p for p in issue.pages if p.number != 1 and len(p.articles) == 1]
    assert len(alone) == 1
    chars = body_chars(alone[0].articles[0])
    assert abs(chars - LONG_STORY_CHARS) <= VOLUME_TOLERANCE * LONG_STORY_CHARS


def test_the_tables_case_has_twice_the_samples_tables_on_different_pages(generated):
    _, issue = generated("tables")
    volume = measure(issue)
    assert volume.total.tables == 2 * sample_volume().total.tables
    assert all(p.tables <= 1 for p in volume.pages)


def test_front_only_has_copy_for_page_one_only(generated):
    _, issue = generated("front-only")
    assert [p.number for p in issue.pages] == [1]
    target = sample_volume().page(1).body_chars
    assert abs(measure(issue).total.body_chars - target) <= VOLUME_TOLERANCE * target
    assert all(a.teaser_page is None for a in issue.articles)  # nothing to point at


@pytest.mark.parametrize("seed", SEEDS)
def test_front_page_teasers_point_at_the_leads_of_their_pages(generated, seed):
    _, issue = generated("volume-100", seed)
    teasers = [a for a in issue.pages[0].articles if a.teaser_page is not None]
    assert teasers
    leads = {p.number: p.articles[0].headline for p in issue.pages}
    for teaser in teasers:
        assert leads[teaser.teaser_page] == teaser.headline


@pytest.mark.parametrize("seed", SEEDS)
def test_headlines_are_unique_and_of_newspaper_length(generated, seed):
    _, issue = generated("volume-100", seed)
    heads = [a.headline for a in issue.articles if a.teaser_page is None]
    assert len(set(heads)) == len(heads)
    assert all(8 <= len(h) <= 24 for h in heads), [h for h in heads if not 8 <= len(h) <= 24]
    assert any("\u3000" in h for h in heads)  # some heads are two clauses
    assert any(ch.isdigit() for h in heads for ch in h)  # some carry figures


def test_inner_pages_carry_three_to_eight_stories(generated):
    for seed in SEEDS:
        _, issue = generated("volume-100", seed)
        assert all(3 <= len(p.articles) <= 8 for p in issue.pages[1:])


def test_the_fillers_option_appends_a_pool_and_leaves_the_pages_as_they_were(tmp_path):
    plain = write_issue(case("volume-100"), 5, tmp_path / "plain")
    pooled = write_issue(case("volume-100"), 5, tmp_path / "pooled", fillers=4)
    text, with_pool = plain.read_text("utf-8"), pooled.read_text("utf-8")
    assert with_pool.startswith(text) and "<!-- fillers -->" in with_pool[len(text):]
    issue = load_issue(pooled)
    assert len(issue.fillers) == 5 and all(f.headline for f in issue.fillers[:4])
    ad = issue.fillers[4]
    assert ad.headline is None and [type(b).__name__ for b in ad.blocks] == ["Figure"]
    assert ad.blocks[0].image.is_file()
    assert [a.headline for a in issue.articles] == [a.headline for a in load_issue(plain).articles]
