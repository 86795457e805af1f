"""The page-layout engine: the issue's articles → modules placed on the pages, with page
furniture, the ear's teasers, jumps (转版) and the layout report's data.

Pages are made up in order. A page's pieces are its articles in priority order (plus the
continuations that earlier pages sent to it); PageSolver picks the arrangement. Copy that
does not fit is cut at a module's foot and continues on a later page (same section first,
else where space is left); the page numbers of jump lines and teasers are filled in once
every page is placed, so they are those of the final layout.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..config import LayoutConfig
from ..errors import InputError
from ..fonts import FontSet
from ..model import Article, Figure, Issue, Paragraph, Source, Table
from .boxes import IssueLayout, LinkBox, OutlineEntry, PageLayout, Rule
from .draw import Box, article_areas, draw_module, link_line, module_box
from .ear import Ear, EarItem, find_target, index_ear, teaser_ear
from .furniture import chinese_numeral, masthead, running_head
from .headlines import Rank
from .inserts import photos_of
from .modules import Copy, Piece, Planner, table_span
from .placement import PageSolution, PageSolver, Region, boxed_slots
from .units import body_units

# Holes (share of the page) above which the page is tried with looser paragraphs.
LOOSEN_AT = 0.01
LOOSEN_ALL_AT = 0.03  # … and with this much, the whole page
# A 简讯 brief: a one-paragraph item this short, in a run of at least two.
BRIEF_CHARS = 220
# An article this long ranks as a second story wherever it stands.
SECOND_CHARS = 1000


class CopyOverflow(InputError):
    """More copy than the layout's pages hold."""


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


@dataclass
class MakeUp:
    """The engine's result: the layout to render and what the report says about it."""

    layout: IssueLayout
    placements: list[Placement] = field(default_factory=list)
    fill: dict[int, float] = field(default_factory=dict)
    cost: dict[int, dict[str, float]] = field(default_factory=dict)
    teasers: list[TeaserLink] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def page_of(self) -> dict[int, int]:
        """Index in issue.articles → the page its start landed on."""
        out: dict[int, int] = {}
        for p in self.placements:
            if p.continued_from is None:
                out.setdefault(p.article, p.page)
        return out


def make_up(issue: Issue, cfg: LayoutConfig, fonts: FontSet,
            missing: list[str] | None = None) -> MakeUp:
    """Lay the issue out on `cfg.pages` pages.

    `missing`: None makes a character no font covers an InputError; a list collects them
    (set as blanks). Raises CopyOverflow when the copy does not fit, naming the articles
    and the characters over."""
    with _no_cycle_collection():
        return _make_up(issue, cfg, fonts, missing)


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
             missing: list[str] | None) -> MakeUp:
    g = cfg.page
    rows = cfg.grid.lines_in(g.area_height)
    planner = Planner(cfg, fonts, missing)
    index = {id(a): i for i, a in enumerate(issue.articles)}
    pages = [PageLayout(n) for n in range(1, cfg.pages + 1)]
    marked = {p.number: p for p in issue.pages}
    for page in pages:
        if issue.paged and page.number in marked:
            page.section, page.editor = marked[page.number].section, marked[page.number].editor

    front = issue.pages[0].articles if issue.pages and issue.pages[0].number == 1 else []
    teasers = [a for a in front if a.teaser_page is not None]
    ear_cols = g.columns - cfg.masthead.columns
    ear_width = g.span_width(ear_cols)
    ear = teaser_ear(teasers, {}, ear_width, cfg, fonts, missing) if teasers else None

    tops = []
    source = Source(str(issue.source), 0)  # the furniture's text has no line of its own
    for page in pages:
        furn = masthead(issue.masthead, cfg, fonts, source, missing) if page.number == 1 \
            else running_head(issue.masthead, page.number, page.section, page.editor, cfg,
                              fonts, source, missing)
        page.lines.extend(furn.lines)
        page.rules.extend(furn.rules)
        top = round((furn.top - g.area_y) / cfg.grid.pitch)
        if page.number == 1 and ear is not None:
            top = max(top, ear.rows)
        tops.append(top)

    copies_by_page: dict[int, list[Copy]] = {}
    for mp in issue.pages:
        arts = [a for a in mp.articles if a not in teasers]
        number = min(mp.number, cfg.pages) if issue.paged else 1
        copies_by_page.setdefault(number, []).extend(
            _copies(arts, index, cfg, fonts, missing, planner))
    if not issue.paged:
        copies_by_page = _distribute(copies_by_page.get(1, []), tops, rows, cfg)
    _rank(copies_by_page)

    queue: dict[int, list[Piece]] = {n: [Piece(c) for c in copies_by_page.get(n, [])]
                                     for n in range(1, cfg.pages + 1)}
    sections = {p.number: p.section for p in pages}
    solvers = {n: PageSolver(planner, Region(tops[n - 1], rows, g.columns))
               for n in range(1, cfg.pages + 1)}
    # First every page with its own copy: what is left over (air, holes) is where jumps go.
    own = {n: _solve(solvers[n], queue, n, cfg, fonts, missing) for n in queue}
    slack = {n: _slack(sol) for n, sol in own.items()}
    solutions: dict[int, PageSolution] = {}
    cont_from: dict[int, Piece] = {}  # id(continuation) → fragment
    received: set[int] = set()
    over: list[Piece] = []
    for n in range(1, cfg.pages + 1):
        sol = _solve(solvers[n], queue, n, cfg, fonts, missing) if n in received else own[n]
        solutions[n] = sol
        for cont in sol.continuations:
            frag = next(s.plan.piece for s in sol.slots if s.plan.piece.copy is cont.copy
                        and s.plan.piece.jumps and s.plan.piece.stop == cont.start)
            cont_from[id(cont)] = frag
        for piece in (*sol.continuations, *sol.pushed):
            target = _jump_page(n, piece, slack, sections, cfg.pages)
            if target is None:
                over.append(piece)
            else:
                queue[target].append(piece)
                slack[target] -= _demand(piece)
                received.add(target)
    if over:
        names = "; ".join(f"{p.copy.article.label}: {sum(u.chars for u in p.units)} characters"
                          for p in over)
        raise CopyOverflow(f"the copy does not fit on {cfg.pages} pages; over: {names}",
                           where=str(issue.source),
                           hint="cut the copy, or use a layout with more pages or smaller type")

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
            if piece.jumps:
                to_page, to_y = where[id(cont_of[id(piece)])]
                jump = f"（下转第{chinese_numeral(to_page)}版）"
            jx, jy = draw_module(page, slot, planner, cfg, fonts, repeat=repeat,
                                 jump_text=jump, top_row=tops[n - 1],
                                 bottom_row=rows, boxed=id(slot) in boxed)
            box = module_box(slot, cfg)
            if jump:
                link_line(page, jx, jy, box.x + box.width - jx, cfg, to_page, to_y)
            if repeat:
                head = planner.head(piece, slot.plan.span, repeat)
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
                                      "rank": piece.weight.value},
                    to_page, from_page, head_box, id(slot) in boxed, slot.plan.feet, areas[k]))
        free = sum(w * h for _, _, w, h in sol.holes) + sum(s.plan.blank for s in sol.slots)
        result.fill[n] = round(1 - free / (g.columns * rows), 4)
        result.cost[n] = {k: round(v, 2) for k, v in sol.terms.items()}

    empty = [n for n, sol in solutions.items() if not sol.slots]
    if empty and not issue.paged:  # raw input holds one front page: the rest keep furniture
        result.warnings.append(f"{issue.source}: {_page_list(empty)} no copy; "
                               "their running heads are printed")
    page_of = result.page_of
    y_of = {p.article: p.box.y for p in result.placements if p.continued_from is None}
    if teasers:
        targets: dict[int, int] = {}
        links_found = []
        for t_i, t in enumerate(teasers):
            target = find_target(t, issue.articles)
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
        ear = teaser_ear(teasers, targets, ear_width, cfg, fonts, missing)
        for (t, printed, target), item in zip(links_found, ear.items):
            result.teasers.append(TeaserLink(t.headline or "", t.teaser_page, printed, target,
                                             index[id(t)], _ear_box(item, ear_cols, cfg)))
        links = {i: teasers_target for i, teasers_target in
                 ((i, find_target(t, issue.articles)) for i, t in enumerate(teasers))}
        _draw_ear(pages[0], ear, ear_cols, tops[0], cfg,
                  {i: (page_of[t], y_of[t]) for i, t in links.items() if t is not None})
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
            _draw_ear(pages[0], ear, ear_cols, tops[0], cfg,
                      {i: (page_of[a], y_of[a]) for i, (_, a) in enumerate(entries)})
    return result


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
            missing: list[str] | None, planner: Planner) -> list[Copy]:
    """Compose a page's articles; runs of two or more short one-paragraph items become one
    column of 简讯 briefs with run-in bold headlines."""
    out: list[Copy] = []
    k = 0
    while k < len(articles):
        run = k
        while run < len(articles) and _is_brief(articles[run]):
            run += 1
        if run - k >= 2:
            group = articles[k:run]
            body = []
            starts = []
            for a in group:
                starts.append(len(body))
                body += body_units(a, cfg, fonts, missing, run_in=True)
            out.append(Copy(group, index[id(group[0])], Rank.SMALL, body, [], [], starts,
                            banner=group[0].banner))
            k = run
            continue
        a = articles[k]
        at: list[int] = []
        body = body_units(a, cfg, fonts, missing, places=at)
        copy = Copy([a], index[id(a)], Rank.SMALL, body, photos_of(a),
                     [b for b in a.blocks if isinstance(b, Table)], [0],
                     places=_places(a, at))
        if copy.tables:
            copy.min_span = table_span(copy, cfg, fonts)
        out.append(copy)
        k += 1
    return out


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


def _solve(solver: PageSolver, queue: dict[int, list[Piece]], n: int, cfg: LayoutConfig,
           fonts: FontSet, missing: list[str] | None) -> PageSolution:
    """Solve page `n`; with too little copy (a hole, or white in a module) try the
    paragraphs of the modules above the hole or holding the white a line longer each, and
    if that does not help, every paragraph of the page."""
    sol = solver.solve(queue[n])
    region = solver.region
    area = region.columns * (region.bottom - region.top)
    white = sum(w * h for _, _, w, h in sol.holes) + sum(s.plan.blank for s in sol.slots)
    if white > LOOSEN_AT * area:
        strips = {(col, w) for col, _, w, _ in sol.holes}
        short = {id(s.plan.piece) for s in sol.slots if (s.col, s.plan.span) in strips
                 or s.plan.blank > 2 * s.plan.span}
        tries = [short] + ([{id(p) for p in queue[n]}] if white > LOOSEN_ALL_AT * area else [])
        for chosen in tries:  # those modules, else (much white) all
            alt_queue = [_recompose(p, 1, cfg, fonts, missing) if id(p) in chosen else p
                         for p in queue[n]]
            alt = solver.solve(alt_queue)
            if alt.cost < sol.cost:
                sol, queue[n] = alt, alt_queue
                break
    return sol


def _slack(sol: PageSolution) -> int:
    """Row·columns a solved page could give up: holes and headline air."""
    return sum(w * h for _, _, w, h in sol.holes) + sum(s.plan.air * s.plan.span
                                                        for s in sol.slots)


def _recompose(piece: Piece, looseness: int, cfg: LayoutConfig, fonts: FontSet,
               missing: list[str] | None) -> Piece:
    """A whole piece with its copy's paragraphs set `looseness` lines longer/shorter."""
    if piece.continued or piece.end >= 0:
        return piece
    c = piece.copy
    body, starts, at = [], [], []
    for a in c.articles:
        starts.append(len(body))
        body += body_units(a, cfg, fonts, missing, run_in=len(c.articles) > 1,
                           looseness=looseness, places=at)
    places = _places(c.article, at) if len(c.articles) == 1 else ()
    return Piece(Copy(c.articles, c.index, c.rank, body, c.photos, c.tables, starts, c.banner,
                      c.min_span, places))


def _is_brief(a: Article) -> bool:
    paras = [b for b in a.blocks if isinstance(b, Paragraph)]
    return (len(a.blocks) == 1 and len(paras) == 1 and not a.kicker and not a.subtitles
            and a.teaser_page is None and bool(a.headline)
            and len(paras[0].text) <= BRIEF_CHARS)


def _rank(pages: dict[int, list[Copy]]) -> None:
    for copies in pages.values():
        for n, c in enumerate(copies):
            if len(c.articles) > 1:
                c.rank = Rank.SMALL
            elif n == 0:
                c.rank = Rank.LEAD
            elif n <= 2 or c.chars >= SECOND_CHARS:
                c.rank = Rank.SECOND
            else:
                c.rank = Rank.SMALL


# Row·columns a module takes besides its lines (headline group, rule row, balance), measured
# on the sample: about 12 for a story, 40 for a lead.
MODULE_OVERHEAD = 12
LEAD_OVERHEAD = 40


def _demand(piece: Piece) -> int:
    """Row·columns a piece needs, roughly (its lines, headline group, smallest photos)."""
    extra = LEAD_OVERHEAD if piece.weight is Rank.LEAD else MODULE_OVERHEAD
    photos = sum(round(8 * ph.ratio) * 2 for ph in piece.copy.photos) if piece.first else 0
    return len(piece.units) + extra + photos


def _distribute(copies: list[Copy], tops: list[int], rows: int, cfg: LayoutConfig
                ) -> dict[int, list[Copy]]:
    """Raw input: fill the pages in priority order, a page at a time."""
    out: dict[int, list[Copy]] = {}
    page = 1
    used = 0
    for c in copies:
        need = _demand(Piece(c))
        cap = cfg.page.columns * (rows - tops[page - 1])
        if used and used + need > cap and page < cfg.pages:
            page += 1
            used = 0
        out.setdefault(page, []).append(c)
        used += need
    return out


def _jump_page(n: int, cont: Piece, spare: dict[int, int], sections: dict[int, str],
               last: int) -> int | None:
    """Where a continuation (or a pushed piece) goes: a later page of the same section with
    room, else the later page with the most room; None after the last page."""
    later = [q for q in range(n + 1, last + 1)]
    if not later:
        return None
    need = _demand(cont)
    same = [q for q in later if sections[q] == sections[n] and spare[q] >= need]
    if same:
        return same[0]
    return max(later, key=lambda q: (spare[q], -q))
