"""The moved-story cases: the same spread as without the move, one story a page over."""

from __future__ import annotations

import dataclasses
import random

import pytest

from typeset.generate import case, sample_volume
from typeset.generate.plan import Kind, plan_issue


@pytest.mark.parametrize("name, step", [("moved-later", 1), ("moved-earlier", -1)])
@pytest.mark.parametrize("seed", range(6))
def test_one_story_moves_a_page(name, step, seed):
    moved = case(name)
    still = dataclasses.replace(moved, move=0)
    before = plan_issue(still, random.Random(seed), sample_volume())
    after = plan_issue(moved, random.Random(seed), sample_volume())
    changes = {p.number: len(q.stories) - len(p.stories)
               for p, q in zip(before.pages, after.pages) if len(p.stories) != len(q.stories)}
    (source, lost), (target, gained) = sorted(changes.items(), key=lambda kv: kv[1])
    assert (lost, gained, target - source) == (-1, 1, step)
    leads = [[s for s in p.stories if s.kind is Kind.LEAD] for p in after.pages]
    assert all(len(x) == 1 for x in leads)
