"""Placement of a page's modules: page structures, variants and the fitness function.

A page below its furniture is cut into vertical strips of whole columns (a composition of
the page's columns, e.g. 8 = 3 + 5 or 2 + 3 + 3); the lead (头条) takes the top of the first
strips together, across at least four columns (page 1 without an ear is also solved
mirrored, so that the lead may stand at the top right beside the masthead: PageSolver.solve);
every other module spans its strip and the modules of a strip stack top to bottom with a
hairline row between them. For every structure the modules are dealt greedily (next in
priority order → the least filled strip, leftmost on a tie), then improved by local search
(move one module to another strip, swap two); inside a strip a small dynamic programme
picks each module's variant — photo depth (crop) and headline air — so that the strip is
filled to its foot. The structure with the lowest cost wins.

The fitness (cost, lower is better) of a page, published here and in docs (layout.json
reports its terms per page):

    cost = HOLE·Σ holes + HOLE_SQ·Σ holes²      (empty row·columns at a strip's foot)
         + HOLE_SQ·(foot² − largest hole²)        (where strips side by side end short
                                                   together, their holes read as one
                                                   white block: its extra square)
         + the hole cost of the white above a module (beside page 1's shallower
                                                   furniture)
         + AIR·Σ headline air                    (extra rows × span in headline groups)
         + LOOSE·Σ lines set longer               (paragraphs a line longer, on a page
                                                   with holes: see Latitude.stretch)
         + CROP·Σ |photo depth − natural depth|   (rows)
         + PHOTO_NARROW·Σ columns a photo is narrower than it could be
         + UNDERSIZE·photos under the layout's min_columns (too few pixels for it, and the
                     page's copy would not fit with it that wide)
         + COMPACT·Σ span of headlines set at their rank's smaller size
         + JUMP·jumps + JUMP_LINE·lines jumped    (copy that continues on a later page;
                                                   PUSHED instead of JUMP where no page
                                                   with copy could take it)
         + (PUSHED + the hole cost of the whole region)·pieces pushed to another page
                                                  (so that no hole, however large, is
                                                   cheaper than pushing copy off the page)
         + ORDER·priority inversions              (a later article above/left of an earlier)
         + TOMB·tombstones                        (headlines side by side at the same height;
                                                   those left are boxed, see boxed_slots)
         + LEAD_NARROW·(page columns − lead span)
         + LEAD_DEEP·span·rows the lead runs beyond its share of the page (lead_depth)
         + SLIVER·modules whose body is under 3 rows
         + BLANK·row·columns a module's body leaves white (short columns, beside photos)
         + DEEP·rows a module's columns run beyond DEEP_ROWS
         + WARNED·row·columns of the largest white block (a foot block, a hole, white
                   above a module, the white beside the top of the lead's headline group
                   with the white above it: PageSolver._joined) beyond [copyfit]
                   hole_warning, and of
                   the white beside each headline group (Planner.head_white) and inside
                   each module (its blank) beyond it
         + the hole cost of the white beside a headline group beyond hole_warning
                  (below it, the white is the group's margin; beyond, it reads as a
                   hole, and costs as a foot hole of its size would), and so of the
                   lead's joined block beyond it
"""

from __future__ import annotations

import itertools
from operator import itemgetter
from dataclasses import dataclass, field

from .modules import ModulePlan, Piece, Planner

HOLE = 1.0
HOLE_SQ = 0.05
AIR = 0.6
# A line gained by setting a paragraph longer fills a row·column of the strip: cheaper than
# that row·column left white (HOLE) or spent as headline air (AIR), as a desk would rather
# loosen a story's text than leave white under it; not free, as looser lines read worse.
LOOSE = 0.4
CROP = 0.5
PHOTO_NARROW = 4.0
UNDERSIZE = 5.0
COMPACT = 1.0
JUMP = 60.0
JUMP_LINE = 0.5
PUSHED = 1000.0
ORDER = 20.0
TOMB = 30.0
LEAD_NARROW = 5.0
# A row·column of lead beyond its share of the page costs as much as a row·column of hole
# (before the square term): the share is a rule of look, and a hole breaks it as much.
LEAD_DEEP = HOLE
SLIVER = 10.0
BLANK = 2.0
DEEP = 0.2
# A row·column of the page's largest white block beyond the warning size ([copyfit]
# hole_warning): such a hole is named in a warning for the desk to fill by hand, a defect
# of the page, so it costs several times a row·column of any look the solver trades for it
# (a lead beyond its depth, a narrower lead, a loose module).
WARNED = 5.0
DEEP_ROWS = 55
MIN_FRAGMENT_ROWS = 4  # a jump fragment keeps at least this many lines per column
MIN_CONTINUATION = 8  # lines: fewer are not worth a jump
LOCAL_SEARCH_ROUNDS = 3
SEARCHED = 4  # structures (after the greedy deal) that local search improves


@dataclass(frozen=True)
class Region:
    """The page's free area in grid rows: per column the first free row, down to `bottom`.
    Page 1's masthead and ear stand over different columns and need not be equally deep
    (and without an ear its columns are free from the top); other pages have one top."""

    tops: tuple[int, ...]
    bottom: int

    @property
    def columns(self) -> int:
        return len(self.tops)

    @property
    def area(self) -> int:
        """Free row·columns."""
        return sum(self.bottom - t for t in self.tops)

    def top(self, col: int = 0, span: int = 0) -> int:
        """The first row free across columns [col, col + span) (span 0: to the last)."""
        return max(self.tops[col:col + span] if span else self.tops[col:])

    def rises_beside(self) -> bool:
        """Page 1 without an ear: the columns right of the masthead are free from the top."""
        return self.tops[-1] == 0 < self.tops[0]

    def mirrored(self) -> Region:
        """The region left for right (see PageSolver.solve)."""
        return Region(self.tops[::-1], self.bottom)

    def white_above(self, col: int, span: int, row: int) -> list[tuple[int, int, int, int]]:
        """The empty rectangles (col, row, span, rows) between the tops of columns
        [col, col + span) and `row`: one per run of columns with the same top."""
        out: list[tuple[int, int, int, int]] = []
        for c in range(col, col + span):
            top = self.tops[c]
            if top >= row:
                continue
            if out and out[-1][1] == top and out[-1][0] + out[-1][2] == c:
                out[-1] = (out[-1][0], top, out[-1][2] + 1, row - top)
            else:
                out.append((c, top, 1, row - top))
        return out


@dataclass(frozen=True)
class Latitude:
    """How far the search may vary a page's modules: the photos' crop range (times their
    natural depth), the extra rows a headline group may take, and the lead's depth at most
    (share of the page) when other stories share the page. The copyfit ladders widen or
    narrow it page by page."""

    crop: tuple[float, float]
    max_air: int
    lead_depth: float
    # False where no page with copy of its own has room for a continuation: a jump would
    # open a page for it alone, so it costs PUSHED (a hole is cheaper, a push dearer).
    jumps: bool = True
    # Photos may span up to the layout's max_columns_under (a page with holes).
    wide_photos: bool = False
    # Rows a module may be set deeper by setting its paragraphs longer (a page with holes).
    stretch: int = 0


@dataclass
class Slot:
    """A placed module: its plan at column `col`, grid row `row` (from the type area top)."""

    plan: ModulePlan
    col: int
    row: int

    def mirrored(self, columns: int) -> Slot:
        """The slot left for right on a page of `columns` columns."""
        return Slot(self.plan, columns - self.col - self.plan.span, self.row)


@dataclass
class StripResult:
    """A strip's modules and what they cost."""

    cost: float
    slots: list[Slot]
    hole: int  # rows left empty at the foot
    jumped: Piece | None = None  # the continuation of a piece cut at the strip's foot
    pushed: list[Piece] = field(default_factory=list)


@dataclass
class PageSolution:
    """The chosen arrangement of one page."""

    cost: float
    slots: list[Slot]
    strips: list[tuple[int, int, int]]  # (first column, span, first row) per strip
    lead_span: int
    holes: list[tuple[int, int, int, int]]  # (col, row, span, rows)
    continuations: list[Piece]  # pieces cut here that continue on a later page
    pushed: list[Piece]  # pieces that did not fit on this page at all
    terms: dict[str, float] = field(default_factory=dict)
    foot: int = 0  # row·columns of the largest white block at the page's foot (foot_white)

    def mirrored(self, columns: int) -> PageSolution:
        """The arrangement left for right on a page of `columns` columns (the modules'
        insides are not mirrored: only where they stand)."""
        return PageSolution(
            self.cost, [s.mirrored(columns) for s in self.slots],
            [(columns - col - span, span, row) for col, span, row in self.strips],
            self.lead_span,
            [(columns - col - span, row, span, rows) for col, row, span, rows in self.holes],
            self.continuations, self.pushed, self.terms, self.foot)


def hole_cost(area: int) -> float:
    """The cost of an empty rectangle of `area` row·columns (the HOLE terms)."""
    return HOLE * area + HOLE_SQ * area ** 2


def _alone(rest: list[Piece]) -> bool:
    """Is the lead alone on its page with `rest` beside it? So when no other story starts
    there: continuations sent to the page take the room the lead leaves, not a share of the
    page it would keep for them."""
    return all(p.continued for p in rest)


def compositions(n: int, low: int, high: int) -> list[tuple[int, ...]]:
    """All ordered ways to write `n` as a sum of parts in [low, high]."""
    if n == 0:
        return [()]
    out = []
    for first in range(low, min(high, n) + 1):
        out += [(first, *rest) for rest in compositions(n - first, low, high)]
    return out


class PageSolver:
    """Finds the lowest-cost arrangement of a page's pieces (in priority order)."""

    def __init__(self, planner: Planner, region: Region, latitude: Latitude,
                 hole_warning: float, mirrored: bool = False) -> None:
        """`hole_warning`: the share of the page ([copyfit] hole_warning) above which a
        white block is warned of, and costs WARNED more for every row·column beyond it.
        `mirrored`: `region` is the page left for right (see solve)."""
        self.planner = planner
        self.mirrored = mirrored
        # Page 1 without an ear: a second solver for the page mirrored (see solve).
        self._mirror = PageSolver(planner, region.mirrored(), latitude, hole_warning, True) \
            if region.rises_beside() and not mirrored else None
        self.region = region
        self.latitude = latitude
        self._warn = hole_warning * region.columns * region.bottom
        self._strip_cache: dict = {}
        self._option_cache: dict = {}
        self._lead_cache: dict[tuple[int, int, bool], list[tuple[ModulePlan, Piece | None]]] = {}
        self._costs: dict[int, float] = {}
        self._joined_of: dict[int, float] = {}
        self._cuts: dict[tuple, tuple[Piece, tuple[ModulePlan, Piece] | None]] = {}
        self._pushed = PUSHED + hole_cost(region.area)
        # Without a page to take it, a jump costs more than most holes, but less than
        # pushing a piece off the page.
        self._jump = JUMP if latitude.jumps else PUSHED

    def solve(self, pieces: list[Piece]) -> PageSolution:
        """The best arrangement found; pieces that do not fit are cut (jump) or pushed.

        The lead takes the first strips, at the left. On page 1 without an ear (the columns
        beside the masthead free from the top) the page is also solved mirrored, so that
        the lead may stand at the top right beside the masthead, with the other stories
        under the masthead — as a front page without an ear is made up — and the cheaper
        arrangement wins."""
        best = self._solve(pieces)
        if self._mirror is not None:
            other = self._mirror._solve(pieces)
            if other.cost < best.cost:
                best = other.mirrored(self.region.columns)
        return best

    def _solve(self, pieces: list[Piece]) -> PageSolution:
        """The best arrangement with the lead at the left."""
        reg = self.region
        if not pieces:
            return PageSolution(0.0, [], [], 0, reg.white_above(0, reg.columns, reg.bottom),
                                [], [])
        best: PageSolution | None = None
        c = reg.columns
        self._priority = {id(p.copy): n for n, p in enumerate(pieces)}
        # Strips up to six columns wide, or up to the page's width when a table beside
        # the lead needs more (a piece no strip can hold would never find a place).
        widest = min(c, 6)
        if any(p.copy.min_span > widest for p in pieces[1:]):
            widest = c
        structures = [(parts, m) for parts in compositions(c, 2, max(2, widest))
                      for m in range(1, len(parts) + 1) if sum(parts[:m]) >= min(4, c)]
        candidates = []
        alone = _alone(pieces[1:])
        for parts, m in structures:
            for lead_plan, lead_cont in self._lead_options(pieces[0], sum(parts[:m]),
                                                           alone=alone):
                candidates.append(self._greedy(pieces[1:], parts, m, lead_plan, lead_cont))
        candidates.sort(key=lambda c: c[0].cost)
        best = min((self._improve(pieces[1:], *c) for c in candidates[:SEARCHED]),
                   key=lambda sol: sol.cost)
        return best

    # -- one structure ---------------------------------------------------------------------

    def _lead_options(self, lead: Piece, span: int, alone: bool
                      ) -> list[tuple[ModulePlan, Piece | None]]:
        """A few lead variants of distinct depth; a lead deeper than the latitude's
        lead_depth share of the page is cut there and jumps — unless it is `alone` on the
        page, when it may take all of it — or, where the page holds it, stands deeper at
        LEAD_DEEP's cost (a jump is not always cheaper: it may need a page of its own).
        Asked once per structure with the lead at that span: cached."""
        key = (id(lead), span, alone)
        hit = self._lead_cache.get(key)
        if hit is None:
            hit = self._lead_cache[key] = self._lead_variants(lead, span, alone)
        return hit

    def _lead_variants(self, lead: Piece, span: int, alone: bool
                       ) -> list[tuple[ModulePlan, Piece | None]]:
        limit = self._lead_limit(span, alone)
        seen: dict[int, ModulePlan] = {}
        for pr, air, compact, stretch in self._knobs(lead, span):
            plan = self.planner.plan(lead, span, pr, air, compact, stretch)
            if plan.depth not in seen or self._module_cost(seen[plan.depth]) > \
                    self._module_cost(plan):
                seen[plan.depth] = plan
        fits = [p for d, p in sorted(seen.items()) if d <= limit]
        if fits:
            step = max(1, len(fits) // 3)
            return [(p, None) for p in dict.fromkeys(fits[::step] + fits[:1] + fits[-1:])]
        # Cut at the limit, with a few photo sizes that leave a fragment worth a jump (a
        # large photo leaves little text beside it); failing that, anywhere down to the
        # page's foot. Only a lead whose photos and tables alone are deeper than the page
        # stands uncut (and runs over).
        photos = sorted({p.photo for p in seen.values()}, key=lambda pr: -pr[1])
        shallowest = min(seen.values(), key=lambda p: p.depth)
        page = self._lead_limit(span, alone=True)  # rows down to the page's foot
        deeper = [(shallowest, None)] if shallowest.depth <= page else []
        for rows in dict.fromkeys((limit, page)):
            cuts = [c for c in (self._cut(lead, span, pr, rows) for pr in photos) if c]
            if cuts:
                step = max(1, len(cuts) // 2)
                return [*dict.fromkeys(cuts[::step] + cuts[-1:]), *deeper]
        return deeper or [(shallowest, None)]

    def _lead_limit(self, span: int, alone: bool) -> int:
        """Rows the lead may take at `span`: the latitude's share of the page below the
        furniture, or all of it when the lead is alone."""
        share = 1.0 if alone else self.latitude.lead_depth
        return int(share * (self.region.bottom - self.region.top(0, span)))

    def _knobs(self, piece: Piece, span: int):
        """Every (photo, air, compact headline, stretch) variant of a piece at `span`."""
        lat = self.latitude
        # A continuation's repeated head is one short line: air round it would only be a
        # white band across the module.
        air = 0 if piece.continued else lat.max_air
        return itertools.product(self.planner.photo_options(piece, span, lat.crop,
                                                            lat.wide_photos),
                                 range(air + 1), (False, True), range(lat.stretch + 1))

    def _variant_cost(self, plan: ModulePlan) -> float:
        # Asked again for every strip and structure the plan is tried in: cached (the
        # planner keeps every plan, so ids are not reused).
        hit = self._costs.get(id(plan))
        if hit is None:
            hit = self._costs[id(plan)] = self._variant_cost_of(plan)
        return hit

    def _variant_cost_of(self, plan: ModulePlan) -> float:
        cols, rows = plan.photo
        widest, _ = self.planner.natural_photo(plan.piece, plan.span)
        _, natural = self.planner.natural_photo(plan.piece, plan.span, cols)
        compact = COMPACT * plan.span if plan.head.size < self.planner.head(
            plan.piece, plan.span).size else 0.0
        under = UNDERSIZE if 0 < cols < self.planner.cfg.photo.min_columns else 0.0
        beside = self._margin_or_hole(self.planner.head_white(plan))
        return (AIR * plan.air * plan.span + CROP * abs(rows - natural)
                + LOOSE * plan.lines_grown
                + PHOTO_NARROW * max(0, widest - cols) + compact + under + beside)

    def _greedy(self, rest: list[Piece], parts: tuple[int, ...], m: int, lead: ModulePlan,
                lead_cont: Piece | None):
        """Deal the pieces in priority order, each to the least filled strip."""
        reg = self.region
        under = reg.top(0, sum(parts[:m])) + lead.depth
        strips = []
        col = 0
        for s, w in enumerate(parts):
            strips.append((col, w, under if s < m else reg.top(col, w)))
            col += w
        assign: list[list[int]] = [[] for _ in strips]
        fill = [top for _, _, top in strips]
        for i, piece in enumerate(rest):
            s = min(range(len(strips)), key=lambda k: (fill[k], k))
            assign[s].append(i)
            plan = self.planner.plan(piece, strips[s][1], self.planner.natural_photo(
                piece, strips[s][1]))
            fill[s] += plan.depth + 1
        lead_span = sum(parts[:m])
        sol = self._evaluate(rest, strips, assign, lead, lead_cont, lead_span)
        return sol, strips, assign, lead, lead_cont, lead_span

    def _improve(self, rest: list[Piece], best: PageSolution, strips, assign, lead, lead_cont,
                 lead_span) -> PageSolution:
        """Local search: move one piece to another strip or swap two, while it helps."""
        for _ in range(LOCAL_SEARCH_ROUNDS):
            improved = False
            for cand in self._neighbours(assign):
                sol = self._evaluate(rest, strips, cand, lead, lead_cont, lead_span)
                if sol.cost < best.cost - 1e-9:
                    best, assign, improved = sol, cand, True
            if not improved:
                break
        return best

    @staticmethod
    def _neighbours(assign: list[list[int]]):
        n = len(assign)
        for a in range(n):
            for i in assign[a]:
                for b in range(n):
                    if b != a:
                        cand = [list(x) for x in assign]
                        cand[a].remove(i)
                        cand[b] = sorted(cand[b] + [i])
                        yield cand
        for a, b in itertools.combinations(range(n), 2):
            for i in assign[a]:
                for j in assign[b]:
                    cand = [list(x) for x in assign]
                    cand[a] = sorted([x for x in cand[a] if x != i] + [j])
                    cand[b] = sorted([x for x in cand[b] if x != j] + [i])
                    yield cand

    def _evaluate(self, rest: list[Piece], strips: list[tuple[int, int, int]],
                  assign: list[list[int]], lead: ModulePlan, lead_cont: Piece | None,
                  lead_span: int) -> PageSolution:
        reg = self.region
        terms = {"lead_narrow": LEAD_NARROW * (reg.columns - lead_span),
                 "lead_variant": self._module_cost(lead)}
        deep = lead.depth - self._lead_limit(lead_span, _alone(rest))
        if deep > 0:
            terms["lead_deep"] = LEAD_DEEP * deep * lead_span
        lead_top = reg.top(0, lead_span)
        slots = [Slot(lead, 0, lead_top)]
        # White over the lead or a strip, beside page 1's shallower furniture.
        above = reg.white_above(0, lead_span, lead_top)
        joined = self._joined(lead, above)
        holes = []
        conts = [lead_cont] if lead_cont else []
        pushed: list[Piece] = []
        if lead_cont:
            terms["jump"] = self._jump + JUMP_LINE * len(lead_cont.units)
        strip_cost = 0.0
        for (col, w, top), idx in zip(strips, assign):
            ruled = top > reg.top(col, w)  # under the lead
            res = self._strip(tuple(rest[i] for i in idx), w, reg.bottom - top, ruled)
            strip_cost += res.cost
            if not ruled:
                above += reg.white_above(col, w, top)
            for sl in res.slots:
                slots.append(Slot(sl.plan, col, top + sl.row))
            if res.hole:
                holes.append((col, reg.bottom - res.hole, w, res.hole))
            if res.jumped:
                conts.append(res.jumped)
            pushed += res.pushed
        terms["strips"] = strip_cost
        if above:
            terms["above"] = sum(hole_cost(w * h) for *_, w, h in above)
        holes = above + holes
        foot, single = foot_white(holes, reg), max((w * h for *_, w, h in holes), default=0)
        if foot > single:
            terms["foot"] = HOLE_SQ * (foot ** 2 - single ** 2)
        # White over and beside the lead's head, with what stands above the lead: a hole
        # once beyond the warning size, as the white beside any head.
        if joined > self._warn:
            terms["joined"] = hole_cost(joined)  # its WARNED share: in `warned`
        warned = self._warned(max(foot, single, joined))
        if warned:
            terms["warned"] = warned
        # Reading order is that of the printed page, not of the mirrored one.
        read = [s.mirrored(reg.columns) for s in slots] if self.mirrored else slots
        terms["order"] = ORDER * _inversions(read, self._priority)
        terms["tomb"] = TOMB * _tombstones(slots)
        cost = sum(terms.values())
        return PageSolution(cost, slots, strips, lead_span, holes, conts, pushed, terms, foot)

    # -- one strip -------------------------------------------------------------------------

    def _strip(self, pieces: tuple[Piece, ...], width: int, height: int, ruled: bool
               ) -> StripResult:
        """A strip `height` rows deep; `ruled`: it starts under a module (the lead), so its
        first module needs the rule over it too."""
        key = (tuple(id(p) for p in pieces), width, height, ruled)
        hit = self._strip_cache.get(key)
        if hit is None:
            hit = self._strip_cache[key] = self._fill_strip(list(pieces), width, height, ruled)
        return hit

    def _options(self, piece: Piece, width: int) -> list[tuple[float, ModulePlan]]:
        """The piece's variants at `width`, the cheapest for each distinct depth."""
        key = (id(piece), width)
        hit = self._option_cache.get(key)
        if hit is None:
            hit = self._option_cache[key] = self._variants(piece, width)
        return hit

    def _variants(self, piece: Piece, width: int) -> list[tuple[float, ModulePlan]]:
        out: dict[int, tuple[float, ModulePlan]] = {}
        for pr, air, compact, stretch in self._knobs(piece, width):
            plan = self.planner.plan(piece, width, pr, air, compact, stretch)
            cost = self._module_cost(plan)
            if plan.depth not in out or out[plan.depth][0] > cost:
                out[plan.depth] = (cost, plan)
        return list(out.values())

    def _joined(self, lead: ModulePlan, above: list[tuple[int, int, int, int]]) -> float:
        """Row·columns of the largest white block beside the top of the lead's headline
        group (a short centred kicker over a long head, with its air), joined with any
        white above the lead at the same edge (beside page 1's shallower furniture): the
        two read as one block. `above`: the white above the lead, which its plan decides
        (it stands at the region's top over its span). Asked for every arrangement of the
        strips beside the same lead: cached."""
        hit = self._joined_of.get(id(lead))
        if hit is None:
            hit = self._joined_of[id(lead)] = self._joined_block(lead, above)
        return hit

    def _joined_block(self, lead: ModulePlan, above: list[tuple[int, int, int, int]]
                      ) -> float:
        best = 0.0
        for left, right, depth in self.planner.head_margins(lead):
            best = max(best, left * depth, right * depth)
            for col, _, span, rows in above:
                side = left if col == 0 else right if col + span == lead.span else 0.0
                best = max(best, min(span, side) * (rows + depth))
        return best

    def _margin_or_hole(self, white: float) -> float:
        """White beside a headline group or inside a module (short columns beside a
        photo): a margin up to the warning size, free; beyond it, a hole, which costs as
        a foot hole of its size would, and WARNED for what it has beyond the warning."""
        if white <= self._warn:
            return 0.0
        return hole_cost(white) + self._warned(white)

    def _warned(self, white: float) -> float:
        """The WARNED cost of a white block of `white` row·columns: of what it has beyond
        the warning size."""
        return WARNED * max(0.0, white - self._warn)

    def _module_cost(self, plan: ModulePlan) -> float:
        """A module's own terms: its variant's and its shape's (white inside it included:
        a lead's text cut short beside its photo leaves a hole inside the module)."""
        return self._variant_cost(plan) + self._shape_cost(plan)

    def _shape_cost(self, plan: ModulePlan) -> float:
        body = max((r.b - r.a for r in plan.columns), default=0)
        cost = SLIVER if 0 < body < 3 else 0.0
        return (cost + DEEP * max(0, body - DEEP_ROWS) + BLANK * plan.blank
                + self._margin_or_hole(plan.blank))

    def _fill_strip(self, pieces: list[Piece], width: int, height: int, ruled: bool
                    ) -> StripResult:
        if not pieces:
            return StripResult(hole_cost(height * width), [], height)
        pushed: list[Piece] = []
        too_narrow = [p for p in pieces if p.copy.min_span > width]
        pieces = [p for p in pieces if p.copy.min_span <= width]
        extra = self._pushed * len(too_narrow)
        pushed += too_narrow
        options = [self._options(p, width) for p in pieces]
        # Reachable heights: total rows → (cost, choice per module).
        states: dict[int, tuple[float, tuple[int, ...]]] = {0: (0.0, ())}
        for opts in options:
            # Rows each variant adds, rule row (see gap) included: under another module,
            # and at the strip's top.
            below = [(k, c, plan.depth + (not plan.head.rule_room))
                     for k, (c, plan) in enumerate(opts)]
            at_top = below if ruled else [(k, c, plan.depth) for k, (c, plan) in enumerate(opts)]
            nxt: dict[int, tuple[float, tuple[int, ...]]] = {}
            for used, (cost, ch) in states.items():
                for k, c, rows in (below if used else at_top):
                    h = used + rows
                    if h > height:
                        continue
                    total = cost + c
                    cur = nxt.get(h)
                    if cur is None or cur[0] > total:
                        nxt[h] = (total, ch + (k,))
            states = nxt
            if not states:
                break
        if states:
            best_cost, best_choice, best_hole = None, (), 0
            for used, (cost, ch) in states.items():
                hole = height - used
                total = cost + hole_cost(hole * width)
                if best_cost is None or total < best_cost:
                    best_cost, best_choice, best_hole = total, ch, hole
            slots, row = [], 0
            for opts, k in zip(options, best_choice):
                plan = opts[k][1]
                row += gap(plan, row, ruled)
                slots.append(Slot(plan, 0, row))
                row += plan.depth
            return StripResult(best_cost + extra, slots, best_hole, None, pushed)
        return self._overfull(pieces, options, width, height, extra, pushed, ruled)

    def _overfull(self, pieces: list[Piece], options, width: int, height: int, extra: float,
                  pushed: list[Piece], ruled: bool) -> StripResult:
        """More copy than the strip holds: the modules that fit at their smallest, then the
        next one cut at the foot (it jumps); the rest are pushed to a later page."""
        slots: list[Slot] = []
        row = 0
        cost = extra
        jumped = None
        for n, (piece, opts) in enumerate(zip(pieces, options)):
            c, plan = min(opts, key=lambda o: (o[1].depth, o[0]))
            row += gap(plan, row, ruled)
            if row + plan.depth <= height:
                slots.append(Slot(plan, 0, row))
                row += plan.depth
                cost += c
                continue
            cut = self._cut(piece, width, plan.photo, height - row)
            if cut:
                cplan, cont = cut
                slots.append(Slot(cplan, 0, row))
                row += cplan.depth
                jumped = cont
                cost += self._jump + JUMP_LINE * len(cont.units)
                later = pieces[n + 1:]
            else:
                later = pieces[n:]
            pushed += later
            cost += sum(self._pushed + len(p.units) for p in later)
            break
        hole = max(0, height - row)
        cost += hole_cost(hole * width)
        return StripResult(cost, slots, hole, jumped, pushed)

    def _cut(self, piece: Piece, width: int, photo: tuple[int, int], rows: int
             ) -> tuple[ModulePlan, Piece] | None:
        """The piece cut to `rows` deep with a jump line, and its continuation; None when
        the fragment would be too small to stand.

        Cached: the search asks for the same cut in every structure whose strip overflows
        at the same depth (the cached entry holds the piece, so its id stays its own)."""
        key = (id(piece), width, photo, rows)
        hit = self._cuts.get(key)
        if hit is None:
            hit = self._cuts[key] = (piece, self._cut_uncached(piece, width, photo, rows))
        return hit[1]

    def _cut_uncached(self, piece: Piece, width: int, photo: tuple[int, int], rows: int
                      ) -> tuple[ModulePlan, Piece] | None:
        lo, hi = 0, len(piece.units) - 1
        best = None
        while lo <= hi:
            mid = (lo + hi) // 2
            frag = Piece(piece.copy, piece.start, piece.start + mid, piece.continued, True,
                         piece.rank, piece, piece.grand)
            plan = self.planner.plan(frag, width, photo)
            if plan.depth <= rows:
                best, lo = (plan, frag), mid + 1
            else:
                hi = mid - 1
        if best is None or piece.stop - best[1].stop < MIN_CONTINUATION or \
                len(piece.copy.articles) > 1:
            return None
        plan, frag = best
        body_rows = max((r.b - r.a for r in plan.columns), default=0)
        if body_rows < MIN_FRAGMENT_ROWS:
            return None
        cont = Piece(piece.copy, frag.stop, piece.end, True, piece.jumps)
        return plan, cont


def foot_white(holes: list[tuple[int, int, int, int]], region: Region) -> int:
    """Row·columns of the largest white rectangle at the page's foot: the strips' foot
    holes side by side make one block where they meet (the largest rectangle under the
    skyline of their tops), which is what a reader — and a hole count — sees."""
    empty = [0] * region.columns  # rows left white at each column's foot
    for col, row, span, rows in holes:
        if row + rows == region.bottom:
            for c in range(col, col + span):
                empty[c] = max(empty[c], rows)
    best = 0
    for a in range(len(empty)):
        low = empty[a]
        for b in range(a, len(empty)):
            low = min(low, empty[b])
            if not low:
                break
            best = max(best, low * (b - a + 1))
    return best


def gap(plan: ModulePlan, row: int, ruled: bool) -> int:
    """Blank rows above a module at `row` of its strip: none at the top of a strip that is
    not `ruled` or over a headline group whose top padding holds the rule, else one (the
    rule sits in it)."""
    return 0 if (row == 0 and not ruled) or plan.head.rule_room else 1


def _inversions(slots: list[Slot], priority: dict[int, int]) -> int:
    """Pairs where a later piece (in priority order) reads before an earlier one: higher
    up (by more than 2 rows) and not to the right, or level (within 2 rows) and to the
    left."""
    # Plain tuples, sorted by priority alone (stable): asked for every arrangement tried.
    keyed = sorted(((priority[id(s.plan.piece.copy)], s.row, s.col) for s in slots),
                   key=itemgetter(0))
    n = 0
    for k, (_, row_a, col_a) in enumerate(keyed):
        for _, row_b, col_b in keyed[k + 1:]:
            above = row_a - row_b
            if above > 2:
                n += col_b <= col_a
            elif above >= -2:
                n += col_b < col_a
    return n


def _tombstones(slots: list[Slot]) -> int:
    return len(tombstone_pairs(slots))


def tombstone_pairs(slots: list[Slot]) -> list[tuple[Slot, Slot]]:
    """Modules side by side whose headline groups overlap in height (tombstoning)."""
    # (slot, first column, column after it, top row, row under the headline group) of the
    # modules with a headline group.
    heads = [(s, s.col, s.col + s.plan.span, s.row, s.row + head_rows(s.plan))
             for s in slots if s.plan.head.rows]
    out = []
    for k, (a, col_a, end_a, top_a, foot_a) in enumerate(heads):
        for b, col_b, end_b, top_b, foot_b in heads[k + 1:]:
            if (end_a == col_b or end_b == col_a) and top_a < foot_b and top_b < foot_a:
                out.append((a, b))
    return out


def boxed_slots(slots: list[Slot]) -> set[int]:
    """The modules (ids of their slots) set in a box so that no two headlines stand side by
    side unboxed: of each tombstone pair left, the later one in reading priority."""
    boxed: set[int] = set()
    for a, b in tombstone_pairs(slots):
        if id(a) not in boxed and id(b) not in boxed:
            later = max(a, b, key=lambda s: (s.plan.piece.copy.index, s.row, s.col))
            boxed.add(id(later))
    return boxed


def head_rows(plan: ModulePlan) -> int:
    """Rows the module's headline group takes, air included."""
    return plan.air + plan.head.rows
