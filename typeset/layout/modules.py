"""Article modules: a piece of copy set as a rectangle of whole columns and grid rows —
headline group across the span, photos and tables across columns under it, the body in
balanced columns beneath.

`Copy` is an article (or a run of 简讯 briefs) composed once; `Piece` is the part of it one
page shows (all of it, or a jump fragment / continuation); `plan_module` arranges a piece at
a span and returns where everything goes, relative to the module's top-left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..config import LayoutConfig
from ..fonts import FontSet
from ..model import Article, Paragraph, Source, Table
from .headlines import HeadlineGroup, Rank, headline_group
from .inserts import MIN_PHOTO_ROWS, Photo, TableSet, caption_lines, set_table, table_min_width
from .boxes import TextLine
from .units import ASCENT, Unit, block_units

# A jump line and a continuation's "上接" line are composed after placement, when the page
# numbers are known; this stands in for the longest one while measuring (one numeral).
JUMP_PLACEHOLDER = "八"
# Modules this narrow (columns) set every headline but the lead's at the small rank's size.
NARROW = 2
# A paragraph may be set a line longer or shorter for every this many lines it has (one
# at least): balancing columns takes at most two, so from 6 lines; a stretched module
# (拉行) as many as the rule and the composer's letter-spacing limit allow.
LINES_PER_EXTRA = 3
BALANCE_LINES = 2  # the most lines one paragraph gives to balance its columns
BALANCE_TRIES = 4  # orders of a band's paragraphs tried to balance its columns
# Marks whose em box is half blank on the gutter's side at a line's end or start.
CLOSING_MARKS = "、，。；：！？”’）》」』〉】"
OPENING_MARKS = "“‘（《「『〈【"


@dataclass(eq=False)
class Copy:
    """One article (or a run of briefs) ready to place.

    `index`: the first article's index in issue.articles. `starts`: per article, the index
    of its first body unit (briefs: each brief's run-in paragraph)."""

    articles: list[Article]
    index: int
    rank: Rank
    body: list[Unit]
    photos: list[Photo]
    tables: list[Table]
    starts: list[int]
    banner: str | None = None  # a brief run's heading ("简讯")
    min_span: int = 2
    # Photos and tables where the copy has them: (body unit they stand before, "photo" or
    # "table", index in photos/tables), in copy order.
    places: tuple[tuple[int, str, int], ...] = ()
    # How its paragraphs were set (see body_units): lines off the optimum, and 紧排.
    looseness: int = 0
    tracking: float = 0.0

    @property
    def article(self) -> Article:
        """The (first) article."""
        return self.articles[0]

    @property
    def chars(self) -> int:
        """Characters in the body units."""
        return sum(u.chars for u in self.body)


@dataclass(eq=False)
class Piece:
    """The part of a Copy one module shows: body units [start, end).

    `continued`: a continuation (repeated short headline and "上接" line); `jumps`: the
    module ends with a "下转" line."""

    copy: Copy
    start: int = 0
    end: int = -1  # -1: to the end
    continued: bool = False
    jumps: bool = False
    rank: Rank | None = None  # overrides copy.rank (a continuation is small)
    origin: Piece | None = None  # the piece this one was cut from (it jumps)
    grand: bool = False  # its headline may take the larger sizes of a page with holes

    @property
    def stop(self) -> int:
        """One past the last body unit."""
        return len(self.copy.body) if self.end < 0 else self.end

    @property
    def units(self) -> list[Unit]:
        """The body units this piece sets."""
        return self.copy.body[self.start:self.stop]

    @property
    def first(self) -> bool:
        """Does the piece hold the article's start (headline group, photos, tables)?"""
        return not self.continued

    @property
    def weight(self) -> Rank:
        """The rank its headline is set at."""
        return self.rank or (Rank.SMALL if self.continued else self.copy.rank)


@dataclass(frozen=True)
class InsertBox:
    """A photo or table placed in the module: columns [col, col+span), rows from `row`."""

    col: int
    span: int
    row: int
    rows: int  # the photo itself (without caption) or the whole table
    photo: Photo | None = None
    caption: tuple[TextLine, ...] = ()
    table: TableSet | None = None
    # A hairline across the module in the white row above it: it closes the band of text
    # before the insert, so that no column reads on past it into the band below.
    rule_over: bool = False


@dataclass(frozen=True)
class ColumnRun:
    """Body units [a, b) of the piece (relative to its start; b past the units is the jump
    line) set down column `col` of the module from row `row`."""

    col: int
    row: int
    a: int
    b: int
    band: int = 0  # the band it belongs to (0: the first, above any insert)

    @property
    def foot(self) -> int:
        """The row under its last line."""
        return self.row + self.b - self.a


@dataclass(frozen=True)
class ModulePlan:
    """A piece arranged at `span` columns: everything relative to its top-left, in rows.

    The body is set in bands, top to bottom: the text before an insert in balanced columns
    across the span, then the insert, then the text after it — so a reader (columns left to
    right, then down the bands) meets every photo and table where the copy has it.
    `columns`: the runs of body text, band by band, left to right."""

    piece: Piece
    span: int
    depth: int
    head: HeadlineGroup
    air: int
    inserts: tuple[InsertBox, ...]
    columns: tuple[ColumnRun, ...]
    photo: tuple[int, int]  # the first photo's (columns, rows); (0, 0) without one
    blank: int = 0  # row·columns of the body bands left white (short columns, beside photos)
    compact: bool = False  # the headline at its rank's smallest size
    # The body lines it sets when some paragraphs were set a line longer to balance its
    # columns (None: the piece's own units), and those paragraphs as (index in the piece's
    # units of the unit after the paragraph, lines added).
    body: tuple[Unit, ...] | None = None
    grown: tuple[tuple[int, int], ...] = ()

    @property
    def photo_rows(self) -> int:
        """The first photo's depth in rows (0 without one)."""
        return self.photo[1]

    @property
    def lines(self) -> int:
        """Body lines set."""
        return sum(r.b - r.a for r in self.columns)

    @property
    def lines_grown(self) -> int:
        """Lines its paragraphs were set longer than the piece's own setting."""
        return sum(d for _, d in self.grown)

    @property
    def units(self) -> list[Unit]:
        """The body units it sets (ColumnRun a, b index them)."""
        return list(self.body) if self.body is not None else self.piece.units

    def index_of(self, unit: int) -> int:
        """Where unit `unit` of the piece's own units stands in `units`."""
        return unit + sum(d for end, d in self.grown if end <= unit)

    @property
    def feet(self) -> tuple[tuple[int, ...], ...]:
        """Per band, left to right, the row under each column's last line."""
        return tuple(tuple(r.foot for r in self.columns if r.band == band)
                     for band in sorted({r.band for r in self.columns}))

    def short_bands(self) -> list[int]:
        """Bands not balanced: a column but the last short, or the last short by more than
        one line."""
        return [band for band, feet in zip(sorted({r.band for r in self.columns}), self.feet)
                if not balanced_feet(feet)]


def balanced_feet(feet: tuple[int, ...]) -> bool:
    """Do columns ending at these rows read as balanced: all but the last equal, the last
    at most one line shorter?"""
    top = max(feet)
    return all(f == top for f in feet[:-1]) and feet[-1] >= top - 1


def photo_columns(span: int, cfg: LayoutConfig, wide: bool = False) -> int:
    """How many columns a photo takes at most in a module `span` wide (min–max columns,
    never all of a wide module, so that text runs beside it); `wide`: on a page with holes
    (up to the layout's max_columns_under)."""
    widest = cfg.photo.widest_under if wide else cfg.photo.max_columns
    if span <= widest:
        return span
    return max(cfg.photo.min_columns, min(widest, span - 2))


class Planner:
    """Module plans with caches: headline groups per (piece kind, span), plans per variant."""

    def __init__(self, cfg: LayoutConfig, fonts: FontSet, missing: list[str] | None) -> None:
        self.cfg = cfg
        self.fonts = fonts
        self.missing = missing
        self._heads: dict = {}
        self._tables: dict = {}
        self._captions: dict = {}
        self._plans: dict = {}
        self._photo_options: dict = {}
        self._spans: dict = {}
        self._natural: dict = {}
        self._loose_units: dict = {}
        self._longer: dict[tuple[int, int, int, int], dict[int, list[Unit]] | None] = {}
        self._keeps: dict[int, tuple[bool, ...]] = {}

    def head(self, piece: Piece, span: int, repeat: str = "", compact: bool = False
             ) -> HeadlineGroup:
        """The piece's headline group at `span` columns (`compact`: the rank's smallest
        headline size)."""
        rank = piece.weight
        if rank is Rank.SECOND and span <= NARROW:
            rank = Rank.SMALL  # a second story's size does not fit two columns
        key = (id(piece.copy), rank, span, piece.continued, repeat, compact, piece.grand)
        hit = self._heads.get(key)
        if hit is None:
            width = self.cfg.page.span_width(span)
            copy = piece.copy
            if len(copy.articles) > 1 or copy.banner:
                hit = self._banner_head(copy.banner or "", width)
            else:
                rep = repeat or (f"（上接第{JUMP_PLACEHOLDER}版）" if piece.continued else "")
                hit = headline_group(copy.article, rank, width, self.cfg, self.fonts,
                                     self.missing, repeat=rep, compact=compact,
                                     grand=piece.grand)
            self._heads[key] = hit
        return hit

    def _banner_head(self, banner: str, width: float) -> HeadlineGroup:
        if not banner:
            return HeadlineGroup(0, (), 0.0, None)
        art = Article(headline=None, source=Source("", 0), banner=banner)
        return headline_group(art, Rank.SMALL, width, self.cfg, self.fonts, self.missing)

    def table(self, copy: Copy, t: int, span: int) -> TableSet:
        key = (id(copy), t, span)
        hit = self._tables.get(key)
        if hit is None:
            hit = self._tables[key] = set_table(copy.tables[t], self.cfg.page.span_width(span),
                                                self.cfg, self.fonts, copy.article, self.missing)
        return hit

    def caption(self, copy: Copy, p: int, span: int) -> tuple[TextLine, ...]:
        key = (id(copy), p, span)
        hit = self._captions.get(key)
        if hit is None:
            photo = copy.photos[p]
            hit = self._captions[key] = tuple(caption_lines(
                photo.figure, self.cfg.page.span_width(span), self.cfg, self.fonts,
                copy.article, self.missing))
        return hit

    def photo_options(self, piece: Piece, span: int, crop: tuple[float, float] | None = None,
                      wide: bool = False) -> list[tuple[int, int]]:
        """The (columns, rows) the piece's first photo may take at `span` — min_columns up
        to photo_columns(span, wide), cropped within `crop` (default: the layout's
        [copyfit] crop); [(0, 0)] without a photo."""
        if not piece.first or not piece.copy.photos:
            return [(0, 0)]
        crop = crop or self.cfg.copyfit.crop
        key = (id(piece.copy), span, crop, wide)
        hit = self._photo_options.get(key)
        if hit is None:
            hit = self._photo_options[key] = self._photo_sizes(piece, span, crop, wide)
        return hit

    def _photo_sizes(self, piece: Piece, span: int, crop: tuple[float, float], wide: bool
                     ) -> list[tuple[int, int]]:
        photo = piece.copy.photos[0]
        g, pitch, ppi = self.cfg.page, self.cfg.grid.pitch, self.cfg.printing.min_ppi

        def sizes(columns: range) -> list[tuple[int, int]]:
            return [(pc, rows) for pc in columns
                    for rows in photo.rows_range(g.span_width(pc), self.cfg, crop)]

        narrowest = min(self.cfg.photo.min_columns, span)
        every = sizes(range(narrowest, photo_columns(span, self.cfg, wide) + 1))
        # Never so large that the photo falls under the print's minimum resolution. A photo
        # too small even for the narrowest width is set that wide all the same, cropped no
        # taller than keeps the resolution its width allows (the print run reports it; it
        # is never upsampled) — or, where the page's copy would not fit otherwise, at one
        # column (the fitness function charges UNDERSIZE for that).
        sharp = [(pc, rows) for pc, rows in every
                 if photo.sharp(g.span_width(pc), rows * pitch, ppi)]
        if sharp:
            return sharp
        narrow = [(pc, rows) for pc, rows in every if pc == narrowest]
        if narrowest > 1:
            narrow += [(pc, rows) for pc, rows in sizes(range(1, 2))
                       if photo.sharp(g.span_width(pc), rows * pitch, ppi)]
        best = {pc: max(photo.ppi(g.span_width(pc), rows * pitch) for c, rows in narrow
                        if c == pc) for pc, _ in narrow}
        return [(pc, rows) for pc, rows in narrow
                if photo.ppi(g.span_width(pc), rows * pitch) >= best[pc] - 1e-6]

    def drawn_head(self, plan: ModulePlan, repeat: str = "") -> HeadlineGroup:
        """The headline group the page prints for `plan`: its own, or with `repeat` (a
        continuation's real "（上接第N版）" line in place of the measuring placeholder) set
        again at the size the plan chose."""
        return self.head(plan.piece, plan.span, repeat, plan.compact) if repeat else plan.head

    def head_white(self, plan: ModulePlan) -> float:
        """Row·columns of the white beside the module's headline group on its wider side
        (right of a head set flush left, either side of a centred one), as deep as the
        group with its air: a short head over a wide module, with air, is a white block."""
        lines = plan.head.lines
        if not lines:
            return 0.0
        g = self.cfg.page
        left = min(tl.x + (tl.line.xs[0] if tl.line.xs else 0.0) for tl in lines)
        right = max(tl.x + tl.line.width for tl in lines)
        side = max(left, g.span_width(plan.span) - right)
        return side / (g.column_width + g.gutter) * (plan.head.rows + plan.air)

    def head_margins(self, plan: ModulePlan) -> tuple[tuple[float, float, float], ...]:
        """The white beside the top of the module's headline group, line by line: for its
        first k lines (k = 0, 1, 2, …; none: the band over the first line, across the
        module), the columns left white at its left and at its right beside all of them,
        and the rows from the module's top down to the k-th line's foot (its air's upper
        half included). White above the module joins this white into one block (see
        PageSolver._joined)."""
        lines = sorted(plan.head.lines, key=lambda tl: tl.baseline)
        if not lines:
            return ()
        g, pitch = self.cfg.page, self.cfg.grid.pitch
        step = g.column_width + g.gutter
        width = g.span_width(plan.span)
        # k = 0: the band over the first line, across the module.
        first = lines[0]
        top = plan.air * pitch / 2 + first.baseline - first.line.size * ASCENT
        out = [(width / step, width / step, top / pitch)]
        left, right = width, 0.0
        for tl in lines:
            left = min(left, tl.x + (tl.line.xs[0] if tl.line.xs else 0.0))
            right = max(right, tl.x + tl.line.width)
            foot = plan.air * pitch / 2 + tl.baseline + tl.line.size * (1 - ASCENT)
            out.append((left / step, (width - right) / step, foot / pitch))
        return tuple(out)

    def natural_photo(self, piece: Piece, span: int, columns: int = 0) -> tuple[int, int]:
        """The first photo uncropped at `columns` (default: the widest it takes at `span`)."""
        if not piece.first or not piece.copy.photos:
            return (0, 0)
        key = (id(piece.copy), span, columns)
        hit = self._natural.get(key)
        if hit is None:
            pc = columns or max(c for c, _ in self.photo_options(piece, span))
            hit = self._natural[key] = (pc, round(self.cfg.page.span_width(pc)
                                                  * piece.copy.photos[0].ratio
                                                  / self.cfg.grid.pitch))
        return hit

    def later_photo(self, copy: Copy, k: int, first: tuple[int, int]) -> tuple[int, int]:
        """Photo k (after the first) of a module whose first photo is `first` = (columns,
        rows): as wide, and cropped alike (the same share of its natural depth), at its
        own proportions. So the search's and the copyfit ladder's photo sizes reach every
        photo of the module, and a portrait photo after a landscape one is not set at the
        first one's proportions."""
        pc, rows = first
        return (pc, max(MIN_PHOTO_ROWS, round(rows * copy.photos[k].ratio
                                              / copy.photos[0].ratio)))

    def plan(self, piece: Piece, span: int, photo: tuple[int, int] = (0, 0), air: int = 0,
             compact: bool = False, stretch: int = 0) -> ModulePlan:
        """Arrange `piece` across `span` columns with its first photo `photo` = (columns,
        rows) ((0, 0): natural), `air` extra rows in the headline group and, when `compact`,
        the headline at its rank's smallest size; `stretch` rows deeper from paragraphs set
        longer where they can be (see _stretched; else as deep as without)."""
        key = (id(piece), piece.start, piece.stop, piece.jumps, span, photo, air, compact,
               stretch)
        hit = self._plans.get(key)
        if hit is None:
            if air:  # air only moves everything under the headline down
                hit = with_air(self.plan(piece, span, photo, 0, compact, stretch), air)
            elif stretch:
                hit = self._stretched(piece, span, photo, compact, stretch) \
                    or self.plan(piece, span, photo, 0, compact)
            else:
                hit = self._plan(piece, span, photo, compact)
            self._plans[key] = hit
        return hit

    def balanced(self, plan: ModulePlan) -> ModulePlan:
        """The plan with its columns balanced: only the last column of a band short, by at
        most one line. A band's paragraphs are set a line longer (those whose last line is
        fullest first) until it is; when they cannot be, the last band's paragraphs are set
        a line shorter (shortest last line first) until its columns are full a row higher,
        and that row goes to the headline group's air. The module's depth stays. Of the
        ways tried, the first that sets no more lines across a gutter from each other (see
        facing_marks) than the plan wins, else the one that sets fewest. The plan itself is
        returned when it is balanced or cannot be."""
        short = plan.short_bands()
        if not short or plan.body is not None:
            return plan
        before = facing_marks(plan)
        best: ModulePlan | None = None
        for turn in range(BALANCE_TRIES):
            out = self._rebalanced(plan, short, turn)
            if out is None:
                continue
            if facing_marks(out) <= before:
                return out
            if best is None or facing_marks(out) < facing_marks(best):
                best = out
        return best or plan

    def _rebalanced(self, plan: ModulePlan, short: list[int], turn: int) -> ModulePlan | None:
        """balanced(), trying each band's paragraphs from the `turn`-th in order."""
        piece = plan.piece
        units = piece.units
        last = max(r.band for r in plan.columns)
        changes: dict[int, list[Unit]] = {}  # first unit of a paragraph → its new setting
        air = plan.air
        for band in short:
            runs = [r for r in plan.columns if r.band == band]
            top = max(r.foot for r in runs)
            missing = sum(top - r.foot for r in runs)
            lo, hi = min(r.a for r in runs), max(r.b for r in runs)
            paras = [p for p in self._paragraphs(piece) if lo <= p[0] and p[1] <= hi]
            paras.sort(key=lambda p: -units[p[1] - 1].lines[0].line.width)
            if turn >= max(1, len(paras)):
                return None
            paras = paras[turn:] + paras[:turn]
            # A column but the last that ends early gave its foot to a subhead kept with
            # the next line: lines gained above it carry the subhead over, so the
            # paragraphs above it go first.
            early = next((r.b for r in sorted(runs, key=lambda r: r.col)[:-1]
                          if r.foot < top), None)
            if early is not None:
                paras.sort(key=lambda p: p[1] > early)
            found = self._reset(piece, paras, missing - 1, 1, BALANCE_LINES)
            if found is None and band == last and air < self.cfg.copyfit.max_air:
                found = self._reset(piece, paras[::-1], len(runs) - missing, -1,
                                    BALANCE_LINES)
                air += found is not None
            changes.update(found or {})
        if not changes:
            return None
        body, grown = self._regrown(piece, changes)
        base = self._plan(piece, plan.span, plan.photo, plan.compact, body, grown)
        out = with_air(base, air)
        moved = air - plan.air
        if out.depth != plan.depth or [i.row for i in out.inserts] != \
                [i.row + moved for i in plan.inserts] or len(out.short_bands()) >= len(short):
            return None
        return out

    def _regrown(self, piece: Piece, changes: dict[int, list[Unit]]
                 ) -> tuple[list[Unit], tuple[tuple[int, int], ...]]:
        """The piece's units with the paragraphs in `changes` (first unit → new setting)
        replaced, and ModulePlan.grown for them."""
        units = piece.units
        ends = {a: b for a, b, _, _ in self._paragraphs(piece)}
        body: list[Unit] = []
        grown = []
        k = 0
        while k < len(units):
            if k in changes:
                body += changes[k]
                grown.append((ends[k], len(changes[k]) - (ends[k] - k)))
                k = ends[k]
            else:
                body.append(units[k])
                k += 1
        return body, tuple(grown)

    def _stretched(self, piece: Piece, span: int, photo: tuple[int, int], compact: bool,
                   rows: int) -> ModulePlan | None:
        """The piece at air 0 `rows` rows deeper, its paragraphs (those whose last line is
        fullest first) set lines longer (see LINES_PER_EXTRA) for rows × span more lines,
        and the lines the last band's short columns lack (all of them, or all but one; with
        a photo or table, up to a row's more, for the band above it) — a page with holes
        fills a strip from its own text (拉行) rather than with white. None when the
        paragraphs cannot give that many or a band the plan had balanced would not be."""
        base = self.plan(piece, span, photo, 0, compact)
        units = piece.units
        paras = sorted(self._paragraphs(piece),
                       key=lambda p: -units[p[1] - 1].lines[0].line.width)
        if not paras:
            return None
        last = base.feet[-1] if base.columns else ()
        lack = sum(max(last) - f for f in last)
        wanted = rows * span + lack
        asks = [wanted, max(0, wanted - 1)]
        if base.inserts:
            # Lines gained above a photo or table lengthen the band over it (and move it
            # down) before the columns' foot: up to a row's worth more is asked for.
            asks += range(wanted + 1, wanted + span)
        for lines in dict.fromkeys(asks):
            # The same lines are asked for at every photo size of the module: cached.
            key = (id(piece), piece.start, piece.stop, lines)
            if key not in self._longer:
                self._longer[key] = self._reset(piece, paras, lines, 1, lines)
            found = self._longer[key]
            if found is None:
                continue
            body, grown = self._regrown(piece, found)
            out = self._plan(piece, span, base.photo, compact, body, grown)
            # No band left short that the plan at its own depth had balanced: those it
            # had short, balanced() evens out as it does the plan's (a band above a table
            # or photo is set before the stretch reaches it).
            if out.depth == base.depth + rows and \
                    set(out.short_bands()) <= set(base.short_bands()):
                return out
        return None

    def _reset(self, piece: Piece, paras: list[tuple[int, int, int, int]], lines: int,
               looseness: int, most: int) -> dict[int, list[Unit]] | None:
        """`lines` lines more (`looseness` 1) or fewer (−1) from the paragraphs, tried in
        order, each a line longer or shorter, and if that is not enough, each by one line
        more, up to `most` and LINES_PER_EXTRA's share of its lines — the change spread
        evenly rather than piled on the first paragraphs; as first unit → new units, None
        when they do not give that many."""
        out: dict[int, list[Unit]] = {}
        gain: dict[int, int] = {}
        deepest = min(most, max((b - a for a, b, _, _ in paras), default=0) // LINES_PER_EXTRA)
        for step in range(1, max(1, deepest) + 1):
            for a, b, art, n in paras:
                more = step - gain.get(a, 0)
                if sum(gain.values()) + more > lines or (
                        step > 1 and b - a < step * LINES_PER_EXTRA):
                    continue
                want = b - a + step * looseness
                units = self._loose(piece.copy, art, n, step * looseness, want)
                if len(units) == want:
                    out[a], gain[a] = units, step
                    if sum(gain.values()) == lines:
                        return out
        return None

    def _paragraphs(self, piece: Piece) -> list[tuple[int, int, int, int]]:
        """The paragraphs wholly in the piece: (first unit, one past the last, in the
        piece's units; the article's index in the copy; the block's index in it)."""
        copy = piece.copy
        key = id(copy)
        spans = self._spans.get(key)
        if spans is None:
            spans = []
            bounds = list(copy.starts) + [len(copy.body)]
            for art in range(len(copy.articles)):
                k = bounds[art]
                while k < bounds[art + 1]:
                    n = copy.body[k].block
                    end = k
                    while end < bounds[art + 1] and copy.body[end].block == n:
                        end += 1
                    if n >= 0 and isinstance(copy.articles[art].blocks[n], Paragraph):
                        spans.append((k, end, art, n))
                    k = end
            self._spans[key] = spans
        return [(a - piece.start, b - piece.start, art, n) for a, b, art, n in spans
                if piece.start <= a and b <= piece.stop]

    def _loose(self, copy: Copy, art: int, n: int, looseness: int, want: int) -> list[Unit]:
        """Block `n` of the copy's article `art` set `looseness` lines longer than the copy
        sets it, `want` units (when it can be). The copy's own setting is `copy.looseness`
        off the optimum where the paragraph allowed it and the optimum elsewhere, so both
        readings of "one line more" are tried."""
        units: list[Unit] = []
        for total in dict.fromkeys((copy.looseness + looseness, looseness)):
            key = (id(copy), art, n, total)
            units = self._loose_units.get(key)
            if units is None:
                units = self._loose_units[key] = block_units(
                    copy.articles[art], n, self.cfg, self.fonts, self.missing,
                    run_in=len(copy.articles) > 1, looseness=total, tracking=copy.tracking)
            if len(units) == want:
                break
        return units

    def _keeps_of(self, copy: Copy) -> tuple[bool, ...]:
        """keep_with_next of each of the copy's body units (a plan slices its piece's)."""
        hit = self._keeps.get(id(copy))
        if hit is None:
            hit = self._keeps[id(copy)] = tuple(u.keep_with_next for u in copy.body)
        return hit

    def _plan(self, piece: Piece, span: int, photo: tuple[int, int], compact: bool,
              body: list[Unit] | None = None, grown: tuple[tuple[int, int], ...] = ()
              ) -> ModulePlan:
        """The plan at air 0; `body` (with `grown`, see ModulePlan) replaces the piece's
        units."""
        copy = piece.copy
        head = self.head(piece, span, compact=compact)
        inserts: list[InsertBox] = []
        runs: list[ColumnRun] = []
        blank = 0
        starts = [head.rows] * span
        keeps = (self._keeps_of(copy)[piece.start:piece.stop] if body is None
                 else tuple(u.keep_with_next for u in body))
        stop = len(keeps)
        pos = 0  # next body unit to set (in units)
        if piece.first and copy.photos and not photo[0]:
            photo = self.natural_photo(piece, span)
        bands = 0

        def band(stop: int, jump: bool = False) -> int:
            """Set units [pos, stop) (and the jump line) in balanced columns from `starts`;
            return the band's foot."""
            nonlocal blank, bands
            n = stop - pos + (1 if jump else 0)
            depth, cols = balance(n, starts, keeps[pos:stop] + ((False,) if jump else ()))
            for j, (row, a, b) in enumerate(cols):
                if b > a:
                    runs.append(ColumnRun(j, row, a + pos, b + pos, bands))
                blank += max(0, depth - row - (b - a))
            bands += 1
            return depth

        for at, kind, k in (copy.places if piece.first else ()):
            at = min(max(at + sum(d for end, d in grown if end <= at), pos), stop)
            if kind == "table":
                # A table floats down until the text before it reaches every column's
                # lowest start (the foot of a photo above it), where the copy has that
                # much: else the columns beside the photo would stay white down to it.
                at = max(at, min(stop, pos + sum(max(starts) - st for st in starts)))
            ruled = at > pos
            if ruled:  # the text before the insert, then a white row with a rule
                starts = [band(at) + 1] * span
                pos = at
            if kind == "table":
                top = max(starts)
                # Columns that end above the table (beside a photo with no text after
                # it) stay white down to it.
                blank += sum(top - st for st in starts)
                ts = self.table(copy, k, span)
                inserts.append(InsertBox(0, span, top, ts.rows, table=ts))
                starts = [top + ts.rows] * span
                continue
            pc, rows = photo if k == 0 else self.later_photo(copy, k, photo)
            cap = self.caption(copy, k, pc)
            # The photo stands at the band's left: its caption reads first, then the text
            # under it and in the columns beside it, left to right. A photo straight after
            # another stacks under it, and the columns beside both keep their text.
            top = max(starts[:pc])
            blank += sum(top - st for st in starts[:pc])
            inserts.append(InsertBox(0, pc, top, rows, photo=copy.photos[k], caption=cap,
                                     rule_over=ruled))
            starts = [top + rows + len(cap)] * pc + starts[pc:]
        depth = band(stop, piece.jumps)
        return ModulePlan(piece, span, depth, head, 0, tuple(inserts), tuple(runs),
                          photo if copy.photos and piece.first else (0, 0), blank, compact,
                          tuple(body) if body is not None else None, grown)


def with_air(base: ModulePlan, air: int) -> ModulePlan:
    """`base` (a plan at air 0) with `air` extra rows in its headline group: everything
    under the headline moves down.

    Built field by field rather than with dataclasses.replace: the placement search asks
    for some twenty thousand of these, and replace's introspection was a tenth of it."""
    if not air:
        return base
    return ModulePlan(
        base.piece, base.span, base.depth + air, base.head, air,
        tuple(InsertBox(i.col, i.span, i.row + air, i.rows, i.photo, i.caption, i.table,
                        i.rule_over) for i in base.inserts),
        tuple(ColumnRun(r.col, r.row + air, r.a, r.b, r.band) for r in base.columns),
        base.photo, base.blank, base.compact, base.body, base.grown)


@lru_cache(maxsize=65536)
def _balance_cached(n: int, starts: tuple[int, ...], keeps: tuple[bool, ...]
                    ) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    depth = _shallowest_foot(n, starts)
    while True:
        cols = _distribute(n, starts, depth, keeps)
        if cols is not None:
            return max(depth, max(starts)), cols
        depth += 1


def _shallowest_foot(n: int, starts: tuple[int, ...]) -> int:
    """The smallest foot (a row, not above the topmost start) at which columns starting
    at rows `starts` hold `n` rows. With the j topmost columns open, they hold
    j·foot − (sum of their starts), so the foot is solved for per j instead of tried row
    by row (a deep module took dozens of steps)."""
    ordered = sorted(starts)
    total = 0
    for j, start in enumerate(ordered, 1):
        total += start
        foot = max(start, -(-(n + total) // j))  # ceil((n + total) / j)
        if j == len(ordered) or foot <= ordered[j]:
            return foot
    raise ValueError("no columns")


def balance(n: int, starts: list[int], keeps: Sequence[bool]
            ) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """Balanced columns for `n` one-row units in columns whose text starts at `starts`:
    the smallest common foot, the columns full but for the last ones, each short by at most
    one line; a keep-with-next unit never ends a column. A column whose start is below that
    foot (under a deep photo) stays empty. Returns (module depth, columns)."""
    return _balance_cached(n, tuple(starts), tuple(keeps))


def facing_marks(plan: ModulePlan) -> int:
    """Rows where a column's line ends in a pause or closing mark and the next column's
    line on that row starts with an opening one: both marks set half an em wide, their em
    boxes all but meet across the gutter, and text extraction (copy and paste, screen
    readers, checkers) reads the two lines as one."""
    units = plan.units
    at = {(r.col, r.row + k): units[i] for r in plan.columns
          for k, i in enumerate(range(r.a, min(r.b, len(units))))}
    n = 0
    for (col, row), unit in at.items():
        right = at.get((col + 1, row))
        if right is not None and unit.lines and right.lines:
            ends, starts = unit.lines[-1].line.shaped, right.lines[0].line.shaped
            if ends and starts and ends[-1].text in CLOSING_MARKS and \
                    starts[0].text in OPENING_MARKS:
                n += 1
    return n


def _distribute(n: int, starts: tuple[int, ...], depth: int, keeps: tuple[bool, ...]
                ) -> tuple[tuple[int, int, int], ...] | None:
    """`n` units in columns from `starts` down to `depth`, or None when they do not go.

    Each column aims at the balanced setting of the shallowest foot (full, or one short at
    the end), even when `depth` is deeper: a deeper depth is only asked for because a
    keep-with-next unit would have ended a column, and filling every column to `depth`
    would leave the last one many lines short. A column that gives a line back to a keep
    passes it on, and the next column may take it up to `depth`."""
    caps = [max(0, depth - s) for s in starts]
    foot = min(depth, _shallowest_foot(n, starts))
    targets = [max(0, foot - s) for s in starts]
    open_cols = [j for j, c in enumerate(targets) if c > 0]
    slack = sum(targets) - n
    if 0 < slack < len(open_cols):
        for j in open_cols[len(open_cols) - slack:]:
            targets[j] -= 1
    cols = []
    i = 0
    owed = 0  # lines earlier columns gave back to keeps, for the next ones to take
    for j in range(len(starts)):
        take = min(targets[j] + owed, caps[j], n - i)
        while take > 0 and i + take < n and keeps[i + take - 1]:
            take -= 1
        owed = max(0, owed + targets[j] - take)
        cols.append((starts[j], i, i + take))
        i += take
    if i < n:
        return None
    return tuple(cols)


def table_span(copy: Copy, cfg: LayoutConfig, fonts: FontSet) -> int:
    """The narrowest span at which the copy's tables set without wrapping cells."""
    need = max((table_min_width(t, cfg, fonts) for t in copy.tables), default=0.0)
    span = 2
    while span < cfg.page.columns and cfg.page.span_width(span) < need:
        span += 1
    return span
