"""The page-layout engine: the issue's articles → modules placed on the pages, with page
furniture, the ear's teasers, jumps (转版) and the layout report's data.

The pages are made up together (fitting.fit_pages): every article stays on the page whose
section holds it, a page's pieces are its articles in priority order plus the continuations
sent to it, PageSolver picks each page's arrangement, and copy a page cannot hold is cut at
a module's foot and continues on whichever page has room, earlier or later (see fitting's
docstring for the order of preference and the copyfit ladders). What no page can hold is
overset: marked on its page and reported, never dropped. The page numbers of jump lines and
teasers are filled in once every page is placed, so they are those of the final layout.
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..config import LayoutConfig
from ..fonts import FontSet
from ..ingest.teasers import teaser_targets
from ..model import Article, Figure, Issue, Paragraph, Source, Table
from .boxes import IssueLayout, LinkBox, OutlineEntry, OversetMark, PageLayout, Rule
from .draw import Box, article_areas, draw_module, link_line, module_box
from .ear import Ear, EarItem, index_ear, teaser_ear
from .fillers import PlacedFiller, draw_fillers, fill_holes, unused_warning
from .front import front_furniture
from .furniture import chinese_numeral, running_head
from .headlines import GroupPart, Rank
from .inserts import photos_of
from .capacity import Capacity, pushed_unweighed, split, within
from .modules import Copy, Piece, Planner, table_span
from .fitting import Overset, PageFit, fit_pages
from .placement import PageSolution, PageSolver, Region, boxed_slots
from .units import body_units

# An article this long ranks as a second story wherever it stands.
SECOND_CHARS = 1000


@dataclass(frozen=True)
class Placement:
    """Where one module of an article went (for layout.json)."""

    article: int  # index in issue.articles
    headline: str
    page: int
    box: Box
    columns: int
    lines: int
    variant: dict[str, float | int]
    jumps_to: int | None = None
    continued_from: int | None = None
    head_box: Box | None = None  # the headline group's rectangle (None: the module has none)
    boxed: bool = False  # set in a box (its headline stands beside another one)
    # Per band of body text, left to right, the row (from the module's top) under each
    # column's last line: balanced, all but the last are equal and the last is at most one
    # row higher.
    bands: tuple[tuple[int, ...], ...] = ()
    head_parts: tuple[GroupPart, ...] = ()  # how its headline group's parts were set
    # The rectangles of this article's own text: the box, or a brief's rows of a run of
    # briefs (draw.article_areas). The HTML edition's hot zones.
    areas: tuple[Box, ...] = ()


@dataclass(frozen=True)
class TeaserLink:
    """A teaser and the page its "详见N版" prints."""

    headline: str
    given: int | None
    printed: int | None
    target: int | None  # index in issue.articles; None when not in the issue
    article: int = -1  # the teaser's own index in issue.articles
    box: Box | None = None  # its item in page 1's ear (the HTML edition's hot zone)


@dataclass(frozen=True)
class OversetCopy:
    """Copy the pages could not hold: the article, the page whose frame it runs out of, and
    what is over."""

    article: int  # index in issue.articles
    label: str  # the article as messages name it (“headline”)
    page: int
    lines: int
    chars: int
    text: str

    @property
    def message(self) -> str:
        """The line the command prints for it."""
        return (f"page {self.page} {self.label}: {self.lines} lines ({self.chars} characters) "
                "over: cut or move")


@dataclass
class MakeUp:
    """The engine's result: the layout to render and what the report says about it.

    `copyfit`: per page the copyfit steps it took; `left_out`: pages without copy, not
    printed (make_up's all_pages prints them as blank page plans)."""

    layout: IssueLayout
    placements: list[Placement] = field(default_factory=list)
    fill: dict[int, float] = field(default_factory=dict)
    cost: dict[int, dict[str, float]] = field(default_factory=dict)
    teasers: list[TeaserLink] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    overset: list[OversetCopy] = field(default_factory=list)
    copyfit: dict[int, PageFit] = field(default_factory=dict)
    left_out: list[int] = field(default_factory=list)
    fillers: list[PlacedFiller] = field(default_factory=list)  # the pool's, as placed
    unused_fillers: list[str] = field(default_factory=list)  # labels of those no hole took

    @property
    def page_of(self) -> dict[int, int]:
        """Index in issue.articles → the page its start landed on."""
        out: dict[int, int] = {}
        for p in self.placements:
            if p.continued_from is None:
                out.setdefault(p.article, p.page)
        return out


def make_up(issue: Issue, cfg: LayoutConfig, fonts: FontSet,
            missing: list[str] | None = None, *, all_pages: bool = False) -> MakeUp:
    """Lay the issue out on `cfg.pages` pages; only the pages that carry copy are kept in
    the layout, unless `all_pages`.

    `missing`: None makes a character no font covers an InputError; a list collects them
    (set as blanks). Copy that does not fit is never an error: it is listed in
    MakeUp.overset and marked on its page (a non-printing mark, see OversetMark)."""
    with _no_cycle_collection():
        return _make_up(issue, cfg, fonts, missing, all_pages)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The cycle collector off while the pages are made up: placement builds some hundred
    thousand small short-lived plans and strips (freed by reference counting, no cycles),
    and each of them counted towards full collections that scanned the fonts' and the
    composer's caches again — about a third of the make-up's time."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _make_up(issue: Issue, cfg: LayoutConfig, fonts: FontSet,
             missing: list[str] | None, all_pages: bool) -> MakeUp:
    g = cfg.page
    rows = cfg.grid.lines_in(g.area_height)
    planner = Planner(cfg, fonts, missing)
    index = {id(a): i for i, a in enumerate(issue.articles)}
    pages = [PageLayout(n) for n in range(1, cfg.pages + 1)]
    marked = {p.number: p for p in issue.pages}
    for page in pages:
        if issue.paged and page.number in marked:
            page.section, page.editor = marked[page.number].section, marked[page.number].editor

    first_page = issue.pages[0].articles if issue.pages and issue.pages[0].number == 1 else []
    teasers = [a for a in first_page if a.teaser_page is not None]
    source = Source(str(issue.source), 0)  # the furniture's text has no line of its own
    front = front_furniture(issue.masthead, teasers, cfg, fonts, source, missing)
    ear, ear_cols = front.ear, front.ear_columns(cfg)
    ear_width = g.span_width(ear_cols)

    region_of: dict[int, Region] = {}
    furniture = {page.number: front.masthead if page.number == 1
                 else running_head(issue.masthead, page.number, page.section, page.editor,
                                   cfg, fonts, source, missing) for page in pages}
    for page in pages:
        furn = furniture[page.number]
        top = furn.rows(cfg)
        # Page 1: the ear (teasers, else the index of the other pages, as deep as the
        # masthead) stands over the columns beside the masthead.
        ear_top = ear.rows if ear is not None else top
        region_of[page.number] = Region(
            (top,) * furn.columns + (ear_top,) * (g.columns - furn.columns), rows)

    by_page: dict[int, list[Article]] = {}
    for mp in issue.pages:
        number = min(mp.number, cfg.pages) if issue.paged else 1
        by_page.setdefault(number, []).extend(a for a in mp.articles if a not in teasers)
    if not issue.paged:
        by_page = _distribute(by_page.get(1, []), index, region_of, planner, cfg)
    if ear is None and not any(by_page.get(n) for n in range(2, cfg.pages + 1)):
        # No teasers and no other page to index: the masthead keeps only its title's
        # columns and page 1's stories rise beside it (its lead may stand there, see
        # PageSolver.solve), as on a front page without an ear.
        front = front_furniture(issue.masthead, teasers, cfg, fonts, source, missing,
                                rising=True)
        ear_cols = front.ear_columns(cfg)
        ear_width = g.span_width(ear_cols)
        furniture[1] = front.masthead
        region_of[1] = Region((front.masthead.rows(cfg),) * front.masthead.columns
                              + (0,) * ear_cols, rows)
    for page in pages:
        furn = furniture[page.number]
        page.lines.extend(furn.lines)
        page.rules.extend(furn.rules)
    composed: dict[tuple, list[Piece]] = {}
    solvers: dict[tuple, PageSolver] = {}

    capacity = Capacity.of(cfg)

    def copies_of(articles: list[Article], fit: PageFit) -> Iterator[Copy]:
        """The articles composed one copy at a time as `fit` says."""
        spec = cfg.copyfit
        return _copies(articles, index, cfg, fonts, missing, planner,
                       looseness=fit.looseness(spec), tracking=fit.tracking(spec),
                       brief_chars=fit.brief_chars(spec))

    def compose(n: int, fit: PageFit) -> list[Piece]:
        """Page n's own copy set as `fit` says, as whole pieces in priority order, as much
        of it as the issue's pages could hold (see capacity.py)."""
        spec = cfg.copyfit
        tier = fit.tier()
        key = (n, fit.looseness(spec), fit.tracking(spec), fit.brief_chars(spec), tier)
        hit = composed.get(key)
        if hit is None:
            copies = list(within(copies_of(by_page.get(n, []), fit), capacity.issue))
            hit = composed[key] = [Piece(c, rank=rank, grand=tier < 0) for c, rank
                                   in zip(copies, _ranks(copies, tier))]
        return hit

    def solve(n: int, fit: PageFit, pieces: list[Piece]) -> PageSolution:
        lat = fit.latitude(cfg.copyfit)
        solver = solvers.get((n, lat))
        if solver is None:
            solver = solvers[(n, lat)] = PageSolver(planner, region_of[n], lat,
                                                     cfg.copyfit.hole_warning)
        weighed, beyond = split(pieces, capacity.offered)
        return pushed_unweighed(solver.solve(weighed), beyond, capacity.page)

    def uncomposed() -> Iterator[Overset]:
        """Each page's own copy past the composing bound (see capacity.py) at the fit the
        page was made up with: overset whole, composed one copy at a time to be counted
        and reported, then let go."""
        for n, fit in fitting.fits.items():
            done = sum(len(p.copy.articles) for p in compose(n, fit))
            rest = by_page.get(n, [])[done:]
            yield from (Overset(n, Piece(c)) for c in copies_of(rest, fit))

    numbers = list(range(1, cfg.pages + 1))
    fitting = fit_pages(numbers, {p.number: p.section for p in pages}, cfg.copyfit,
                        g.columns * rows, compose, solve, lambda p: _size(p, planner, cfg))
    # The filler pool goes into the holes of the fitted pages (each filler composed alone,
    # numbered after the issue's articles); the pages' holes are what it leaves.
    pool = fill_holes(fitting.solutions, region_of, [
        Piece(next(_copies([f], {id(f): len(index) + k}, cfg, fonts, missing, planner)))
        for k, f in enumerate(issue.fillers)], planner, cfg)
    solutions = pool.solutions
    cont_from: dict[int, Piece] = {}  # id(continuation) → the fragment it continues
    for n, sol in solutions.items():
        for cont in (*sol.continuations, *(o.piece for o in fitting.overset if o.page == n)):
            frag = next((s.plan.piece for s in sol.slots if s.plan.piece.copy is cont.copy
                         and s.plan.piece.jumps and s.plan.piece.stop == cont.start), None)
            if frag is not None:
                cont_from[id(cont)] = frag
    overset_at = {id(cont_from[id(o.piece)]): o for o in fitting.overset
                  if id(o.piece) in cont_from}

    result = MakeUp(IssueLayout(g.width, g.height, pages))
    where: dict[int, tuple[int, float]] = {}  # id(piece) → (page, top y)
    for n, sol in solutions.items():
        for slot in sol.slots:
            piece = slot.plan.piece
            where[id(piece)] = (n, module_box(slot, cfg).y)
            if piece.origin is not None:  # a piece cut here: found under its own name too
                where[id(piece.origin)] = where[id(piece)]
    cont_of = {id(f): c for c, f in ((c, cont_from[id(c)]) for n in solutions
                                    for c in solutions[n].continuations)}
    for n, sol in solutions.items():
        page = pages[n - 1]
        boxed = boxed_slots(sol.slots)
        for slot in sol.slots:
            slot.plan = planner.balanced(slot.plan)
            piece = slot.plan.piece
            repeat = jump = ""
            from_page = to_page = None
            came = cont_from.get(id(piece.origin or piece))
            if piece.continued and came is not None:
                from_page, from_y = where[id(came)]
                repeat = f"（上接第{chinese_numeral(from_page)}版）"
            over = overset_at.get(id(piece))
            if piece.jumps and over is None:
                to_page, to_y = where[id(cont_of[id(piece)])]
                jump = f"（下转第{chinese_numeral(to_page)}版）"
            jx, jy = draw_module(page, slot, planner, cfg, fonts, repeat=repeat,
                                 jump_text=jump,
                                 top_row=region_of[n].top(slot.col, slot.plan.span),
                                 bottom_row=rows, boxed=id(slot) in boxed)
            box = module_box(slot, cfg)
            if jump:
                link_line(page, jx, jy, box.x + box.width - jx, cfg, to_page, to_y)
            if over is not None:
                page.overset.append(OversetMark(jx, jy, _overset_note(over)))
            head = planner.drawn_head(slot.plan, repeat)
            if repeat:
                link_line(page, box.x, box.y + (head.rows - 1) * cfg.grid.pitch, box.width, cfg,
                          from_page, from_y)
            head_rows = slot.plan.air + slot.plan.head.rows
            head_box = Box(box.x, box.y, box.width, head_rows * cfg.grid.pitch) \
                if slot.plan.head.rows else None
            areas = article_areas(slot, cfg)
            for k, art in enumerate(piece.copy.articles):
                result.placements.append(Placement(
                    index[id(art)], art.headline or "", n, box, slot.plan.span,
                    slot.plan.lines, {"span": slot.plan.span, "photo": list(slot.plan.photo),
                                      "air": slot.plan.air, "headline_pt": slot.plan.head.size,
                                      "rank": piece.weight.value,
                                      "lines_grown": slot.plan.lines_grown},
                    to_page, from_page, head_box, id(slot) in boxed, slot.plan.feet,
                    head.parts, areas[k]))
        free = sum(w * h for _, _, w, h in sol.holes) + sum(s.plan.blank for s in sol.slots) \
            + pool.blank(n)
        result.fill[n] = round(1 - free / (g.columns * rows), 4)
        result.cost[n] = {k: round(v, 2) for k, v in sol.terms.items()}

    for over in itertools.chain(fitting.overset, uncomposed()):
        if id(over.piece) not in cont_from:  # pushed whole: marked at its page's foot
            pages[over.page - 1].overset.append(OversetMark(
                g.area_x + g.area_width, g.area_y + (rows - 1) * cfg.grid.pitch,
                _overset_note(over)))
        art = over.piece.copy.article
        result.overset.append(OversetCopy(index[id(art)], art.label, over.page, over.lines,
                                          over.chars, over.text))
    for piece, came, went in fitting.moved:
        result.warnings.append(f"{piece.copy.article.source}: {piece.copy.article.label}: "
                               f"page {came} could not hold it; it is set on page {went}")
    result.fillers = draw_fillers(pages, pool, planner, cfg, fonts, rows, issue.fillers)
    result.unused_fillers = [issue.fillers[k].label for k in pool.unused]
    result.warnings.extend(unused_warning(issue.source, issue.fillers, pool.unused))
    result.warnings.extend(_hole_warnings(solutions, cfg))
    result.copyfit = fitting.fits
    # page 1 carries the masthead (and the ear's teasers) even without stories
    empty = [n for n, sol in solutions.items() if not sol.slots and n != 1]
    if empty and not all_pages:
        result.left_out = empty
        result.layout.pages = [p for p in pages if p.number not in empty]
        result.warnings.append(f"{issue.source}: {_page_list(empty)} no copy and "
                               "are left out (--all-pages prints them as blank page plans)")
    page_of = result.page_of
    y_of = {p.article: p.box.y for p in result.placements if p.continued_from is None}
    if teasers:
        targets: dict[int, int] = {}
        links_found = []
        announced = teaser_targets(issue)
        for t_i, t in enumerate(teasers):
            target = announced.get(index[id(t)])
            printed = page_of.get(target) if target is not None else t.teaser_page
            if target is None:
                result.warnings.append(
                    f"{t.source}: teaser {t.label}: its article is not in the issue; "
                    f"it keeps the page the copy names ({t.teaser_page})")
            else:
                targets[t_i] = printed
                if printed != t.teaser_page:
                    result.warnings.append(
                        f"{t.source}: teaser {t.label} names page {t.teaser_page}; its article "
                        f"landed on page {printed}, which the PDF prints")
            links_found.append((t, printed, target))
        ear = teaser_ear(teasers, targets, ear_width, cfg, fonts, missing,
                         front.masthead.rows(cfg))
        for (t, printed, target), item in zip(links_found, ear.items):
            result.teasers.append(TeaserLink(t.headline or "", t.teaser_page, printed, target,
                                             index[id(t)], _ear_box(item, ear_cols, cfg)))
        _draw_ear(pages[0], ear, ear_cols, region_of[1].top(front.masthead.columns), cfg,
                  {i: (page_of[t], y_of[t]) for i, (_, _, t) in enumerate(links_found)
                   if t is not None})
    else:
        entries = []
        for page in pages[1:]:
            firsts = [p for p in result.placements if p.page == page.number
                      and p.continued_from is None]
            if firsts:
                text = "　".join(x for x in (f"第{chinese_numeral(page.number)}版",
                                              page.section, firsts[0].headline) if x)
                entries.append((text, firsts[0].article))
        if entries:
            ear = index_ear(entries, ear_width, cfg, fonts)
            _draw_ear(pages[0], ear, ear_cols, region_of[1].top(front.masthead.columns), cfg,
                      {i: (page_of[a], y_of[a]) for i, (_, a) in enumerate(entries)})
    return result


def _hole_warnings(solutions: dict[int, PageSolution], cfg: LayoutConfig) -> list[str]:
    """A warning for each page with holes larger than the layout's hole_warning share of
    the page, naming the largest."""
    g, pitch = cfg.page, cfg.grid.pitch
    out = []
    for n, sol in solutions.items():
        big = sorted(((g.span_width(w) + g.gutter) * h * pitch / (g.width * g.height), col, w, h)
                     for col, _, w, h in sol.holes if sol.slots)
        big = [b for b in big if b[0] > cfg.copyfit.hole_warning]
        if big:
            share, col, w, h = big[-1]
            more = f" and {len(big) - 1} more" if len(big) > 1 else ""
            out.append(f"page {n}: a hole of {share:.1%} of the page at columns {col + 1}–"
                       f"{col + w}, the last {h} lines{more}: more copy, a filler or a "
                       "larger photo would fill it")
    return out


def _page_list(numbers: list[int]) -> str:
    """"page 3 has" / "pages 2–8 have" / "pages 2, 4–5 have": runs of page numbers."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    text = ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)
    return f"page {text} has" if len(numbers) == 1 else f"pages {text} have"


def _draw_ear(page: PageLayout, ear: Ear, ear_cols: int, top_rows: int, cfg: LayoutConfig,
              links: dict[int, tuple[int, float]]) -> None:
    g = cfg.page
    pitch = cfg.grid.pitch
    col = g.columns - ear_cols
    x = g.column_x(col)
    y = g.area_y
    w = g.span_width(ear_cols)
    h = top_rows * pitch - pitch / 2
    for pl in ear.banner:
        page.lines.append(pl.moved(x, y))
    for n, item in enumerate(ear.items):
        for pl in item.lines:
            page.lines.append(pl.moved(x, y))
        if item.title:
            page.outline.append(OutlineEntry(item.title, y + item.row * pitch))
        if n in links:
            to_page, to_y = links[n]
            b = _ear_box(item, ear_cols, cfg)
            page.links.append(LinkBox(b.x, b.y, b.width, b.height, to_page, to_y))
    weight = cfg.rules.hairline
    for r in (Rule(x, y, x + w, y, weight), Rule(x + w, y, x + w, y + h, weight),
              Rule(x + w, y + h, x, y + h, weight), Rule(x, y + h, x, y, weight)):
        page.rules.append(r)


def _ear_box(item: EarItem, ear_cols: int, cfg: LayoutConfig) -> Box:
    """The rectangle of one item of page 1's ear (the ear stands in the last columns)."""
    g = cfg.page
    return Box(g.column_x(g.columns - ear_cols), g.area_y + item.row * cfg.grid.pitch,
               g.span_width(ear_cols), item.rows * cfg.grid.pitch)


def _copies(articles: list[Article], index: dict[int, int], cfg: LayoutConfig, fonts: FontSet,
            missing: list[str] | None, planner: Planner, *, looseness: int = 0,
            tracking: float = 0.0, brief_chars: int | None = None) -> Iterator[Copy]:
    """Compose a page's articles one copy at a time (a caller may stop early: what it does
    not ask for is not composed), paragraphs `looseness` lines longer or shorter where they
    can be (with `tracking`, see body_units); runs of two or more one-paragraph items of at
    most `brief_chars` characters (default: the layout's) become one column of 简讯 briefs
    with run-in bold headlines."""
    limit = cfg.copyfit.brief_chars if brief_chars is None else brief_chars
    k = 0
    while k < len(articles):
        run = k
        # a column banner heads a run of briefs: the next banner starts a new run
        while run < len(articles) and _is_brief(articles[run], limit) \
                and (run == k or not articles[run].banner):
            run += 1
        if run - k >= 2:
            group = articles[k:run]
            body = []
            starts = []
            for a in group:
                starts.append(len(body))
                body += body_units(a, cfg, fonts, missing, run_in=True, looseness=looseness,
                                   tracking=tracking)
            yield Copy(group, index[id(group[0])], Rank.SMALL, body, [], [], starts,
                       banner=group[0].banner, looseness=looseness, tracking=tracking)
            k = run
            continue
        a = articles[k]
        at: list[int] = []
        body = body_units(a, cfg, fonts, missing, places=at, looseness=looseness,
                          tracking=tracking)
        copy = Copy([a], index[id(a)], Rank.SMALL, body, photos_of(a),
                     [b for b in a.blocks if isinstance(b, Table)], [0],
                     places=_places(a, at), looseness=looseness, tracking=tracking)
        if copy.tables:
            copy.min_span = table_span(copy, cfg, fonts)
        yield copy
        k += 1


def _places(article: Article, at: list[int]) -> tuple[tuple[int, str, int], ...]:
    """Copy.places: each photo and table with the body unit it stands before."""
    kinds = ["table" if isinstance(b, Table) else "photo" for b in article.blocks
             if isinstance(b, (Figure, Table))]
    seen = {"photo": 0, "table": 0}
    out = []
    for unit, kind in zip(at, kinds):
        out.append((unit, kind, seen[kind]))
        seen[kind] += 1
    return tuple(out)


def _is_brief(a: Article, limit: int) -> bool:
    paras = [b for b in a.blocks if isinstance(b, Paragraph)]
    return (len(a.blocks) == 1 and len(paras) == 1 and not a.kicker and not a.subtitles
            and a.teaser_page is None and bool(a.headline)
            and len(paras[0].text) <= limit)


def _ranks(copies: list[Copy], tier: int) -> list[Rank]:
    """Each copy's rank on its page — the first is the lead; the next two, and long
    stories, second stories; briefs small — then `tier` tiers smaller (+) or bigger (−)
    for every story but the lead and the briefs (a bigger tier also lets the lead's and
    second stories' heads grow to [sizes]' tops for a page with holes: Piece.grand)."""
    out = []
    for n, c in enumerate(copies):
        if len(c.articles) > 1:
            rank = Rank.SMALL
        elif n == 0:
            rank = Rank.LEAD
        else:
            rank = Rank.SECOND if n <= 2 or c.chars >= SECOND_CHARS else Rank.SMALL
            if tier > 0:
                rank = Rank.SMALL
            elif tier < 0:
                rank = Rank.SECOND
        out.append(rank)
    return out


def _size(piece: Piece, planner: Planner, cfg: LayoutConfig) -> int:
    """Row·columns a piece takes on a page: its module at its most compact span of the
    narrow ones (two to four columns, or as wide as its table needs), with the white row
    above it; 0 for a piece no page is wide enough for (no page's room would help it)."""
    low = max(2, piece.copy.min_span)
    spans = [s for s in range(low, max(low, 4) + 1) if s <= cfg.page.columns]
    return min(((planner.plan(piece, s).depth + 1) * s for s in spans), default=0)


def _distribute(articles: list[Article], index: dict[int, int], regions: dict[int, Region],
                planner: Planner, cfg: LayoutConfig) -> dict[int, list[Article]]:
    """Raw input (no page markers): fill the pages in priority order, a page at a time,
    each article measured as composed (see _size) against the page's free area."""
    out: dict[int, list[Article]] = {}
    page, used = 1, 0
    copies = _copies(articles, index, cfg, planner.fonts, planner.missing, planner)
    for c in copies:
        need = _size(Piece(c), planner, cfg)
        reg = regions[page]
        if used and used + need > reg.area and page < cfg.pages:
            page, used = page + 1, 0
        out.setdefault(page, []).extend(c.articles)
        used += need
    return out


def _overset_note(over: Overset) -> str:
    """What an overset mark says: the lines and characters over, and how the copy goes on."""
    text = over.text
    return (f"overset: {over.piece.copy.article.label}: {over.lines} lines "
            f"({over.chars} characters) over: “{text[:40]}{'…' if len(text) > 40 else ''}”")
