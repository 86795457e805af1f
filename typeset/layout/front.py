"""Page 1's furniture block: the masthead (报头) and the ear (报眼) of teasers beside it,
with the columns shared between them so that the two end as level as they can."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import LayoutConfig
from ..fonts import FontSet
from ..model import Article, Masthead, Source
from .ear import Ear, teaser_ear
from .furniture import Furniture, masthead


@dataclass(frozen=True)
class Front:
    """The masthead as set, and the ear of teasers beside it (None: no teasers) over the
    page's other columns."""

    masthead: Furniture
    ear: Ear | None

    def ear_columns(self, cfg: LayoutConfig) -> int:
        """The columns beside the masthead, where the ear stands."""
        return cfg.page.columns - self.masthead.columns


def front_furniture(m: Masthead, teasers: list[Article], cfg: LayoutConfig, fonts: FontSet,
                    source: Source, missing: list[str] | None, rising: bool = False) -> Front:
    """The masthead [masthead] columns wide and the ear in the columns beside it — unless
    the ear runs deeper than the masthead and the masthead's title leaves whole columns of
    its block white: then the ear takes those columns (as many as make the two most level),
    so that the rows under the masthead are not left white beside a deep ear, nor the
    masthead's own white beside the ear (a desk widens the ear as the teasers want). An
    ear shallower than the masthead is spread to its depth (see teaser_ear).

    `rising`: no ear (no teasers, no other page to index) and page 1's stories rise beside
    the masthead: it keeps only the columns its title needs, since white inside the block
    beside a story reads as a hole, not as the masthead's margin."""
    g = cfg.page
    columns = cfg.masthead.columns

    def at(k: int) -> Front:
        """The block with the masthead `k` columns narrower than configured."""
        head = masthead(m, cfg, fonts, source, missing, columns - k)
        ear = teaser_ear(teasers, {}, g.span_width(g.columns - head.columns), cfg, fonts,
                         missing, head.rows(cfg)) if teasers else None
        return Front(head, ear)

    def depth(f: Front) -> int:
        """Rows the block takes: the deeper of the two."""
        return max(f.ear.rows if f.ear else 0, f.masthead.rows(cfg))

    best = at(0)
    if rising:
        return at(best.masthead.white_columns(cfg))
    if best.ear is None:
        return best
    for k in range(1, best.masthead.white_columns(cfg) + 1):
        if best.ear.rows <= best.masthead.rows(cfg):
            break
        cand = at(k)
        if depth(cand) < depth(best):
            best = cand
    return best
