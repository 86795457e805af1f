"""Page 1's furniture block: the masthead and the ear of teasers share its columns so that
the two end as level as they can."""

from __future__ import annotations

import pytest

from typeset.generate import case, write_issue
from typeset.ingest import load_issue
from typeset.layout.ear import teaser_ear
from typeset.layout.front import front_furniture
from typeset.model import Source


@pytest.fixture(scope="module")
def deep_ear(tmp_path_factory):
    """volume-85 seed 1: three teasers whose ear, four columns wide, runs four rows deeper
    than the masthead (its title leaves the masthead's fourth column white); five columns
    wide, two."""
    issue = load_issue(write_issue(case("volume-85"), 1, tmp_path_factory.mktemp("v85")))
    teasers = [a for a in issue.pages[0].articles if a.teaser_page is not None]
    return issue, teasers


def test_an_ear_deeper_than_the_masthead_takes_the_masthead_s_white_column(deep_ear, cfg,
                                                                          fonts):
    issue, teasers = deep_ear
    g = cfg.page
    source = Source(str(issue.source), 0)
    front = front_furniture(issue.masthead, teasers, cfg, fonts, source, None)
    narrow = teaser_ear(teasers, {}, g.span_width(g.columns - cfg.masthead.columns), cfg,
                        fonts, None)
    assert narrow.rows > front.masthead.rows(cfg)  # as configured, the ear runs deeper
    assert front.masthead.columns == cfg.masthead.columns - 1
    assert front.ear_columns(cfg) == g.columns - cfg.masthead.columns + 1
    assert front.masthead.rows(cfg) <= front.ear.rows < narrow.rows  # more level
    # the masthead's lines still fit its narrower block
    right = g.span_width(front.masthead.columns) + g.area_x
    assert all(tl.x + tl.line.width <= right + 1e-6 for tl in front.masthead.lines)


def test_an_ear_shallower_than_the_masthead_shares_the_rows_it_lacks_between_its_teasers(
        deep_ear, cfg, fonts):
    issue, teasers = deep_ear
    g = cfg.page
    width = g.span_width(g.columns - cfg.masthead.columns)
    short = teaser_ear(teasers[:2], {}, width, cfg, fonts, None)
    level = teaser_ear(teasers[:2], {}, width, cfg, fonts, None, depth=short.rows + 3)
    assert level.rows == short.rows + 3
    assert [i.row for i in level.items] == [short.items[0].row, short.items[1].row + 3]
    moved = level.items[1].lines[0].baseline - short.items[1].lines[0].baseline
    assert moved == pytest.approx(3 * cfg.grid.pitch)
    # deep enough already: unchanged
    assert teaser_ear(teasers[:2], {}, width, cfg, fonts, None, depth=2) == short


def test_a_masthead_with_stories_rising_beside_it_keeps_only_its_title_s_columns(
        deep_ear, cfg, fonts):
    """No ear: the white columns of the masthead's block would stand beside a story as a
    hole, so the block is narrowed to the columns its lines reach."""
    issue, _ = deep_ear
    source = Source(str(issue.source), 0)
    wide = front_furniture(issue.masthead, [], cfg, fonts, source, None)
    assert wide.masthead.white_columns(cfg) > 0
    rising = front_furniture(issue.masthead, [], cfg, fonts, source, None, rising=True)
    assert rising.ear is None
    assert rising.masthead.white_columns(cfg) == 0
    assert rising.masthead.columns == cfg.masthead.columns - wide.masthead.white_columns(cfg)
    assert [tl.line.text for tl in rising.masthead.lines] == \
        [tl.line.text for tl in wide.masthead.lines]
