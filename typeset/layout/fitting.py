"""Fitting the issue's copy to its pages: where continuations go, and the copyfit ladders.

Every article stays on the page whose section holds it; only continuations (the part of a
story after its 下转 line) move, to any page with room, earlier or later. Each page is
solved by PageSolver with its own copy plus the continuations it was sent; the room of a
page is what its solution leaves (holes and headline air), measured on the solved page,
and the size of a continuation is its composed module at its narrowest sensible span —
never an estimate.

Method: iteration to a fixed point, a plain local search over pages. Each round solves
the pages whose copy or settings changed, then sends every piece a page could not hold
to the first page with room, in the order of preference: the next page of the same
section, then any later page (nearest first), then an earlier one (nearest first), and
pages with copy of their own before blank ones. A page that runs over when no page has
room takes its next copyfit step (the `over` ladder of [copyfit]), and so does a page
whose own copy runs over once it took continuations (else the two chase each other's
room round the pages); a page with holes its next `under` step; a step is kept only when
it makes the page better. A page that still keeps a hole over hole_warning when its
under steps are spent borrows copy: a page that would send it a continuation first jumps
the end of its longest story there and takes its own under steps to fill what that
leaves (lend_to; so a page of one short story, where no page runs over, still fills, and
the issue's spare room is spread over the pages that can stretch). The rounds stop when
nothing changes, or after [copyfit] rounds. What the best of their states left without a
place is then placed piece by piece on pages solved with it (settle: the rounds route on
estimated sizes and may chase each other's room on a tight issue; this pass only takes
copy off the overset); what still has no place is overset. Then, if anything is, the rounds
start again with every page at the top of its over ladder, and the start that leaves less
overset is kept (fit_pages: a second start of the local search, from the tightest pages).
A joint solver (CP-SAT over all pages) was not chosen: a page's room is only known by
solving the page (modules balance, photos crop, headlines wrap), so a joint model would
either solve pages inside its search — this loop, with more machinery — or work from
estimates of module sizes, the very constants this replaces. The loop solves a page about
twice on a typical issue, and its rounds are bounded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..config import CopyfitSpec
from .placement import MIN_CONTINUATION, Latitude, PageSolution
from .modules import Piece

# A lent continuation, and the part of its story left behind, keep at least this many
# lines: fewer are not worth a jump (placement.MIN_CONTINUATION's reason).
MIN_LENT = MIN_CONTINUATION
# Pages asked to lend to one page with a hole, in order of preference: beyond the nearest
# few a jump reads as copy from nowhere, and each ask solves the lender several times.
LENDERS = 3


@dataclass(frozen=True)
class PageFit:
    """The copyfit steps a page took: `over` (its copy ran over) or `under` (it had holes),
    in the order taken. Hashable: the page's copy and solver are cached per fit."""

    over: tuple[str, ...] = ()
    under: tuple[str, ...] = ()
    # Its continuations could only open a page of their own: it keeps its copy instead
    # where it can (see Latitude.jumps).
    home: bool = False
    # Lines at the end of its longest story it jumps to another page's hole (lend_to).
    lent: int = 0

    def taken(self, step: str, over: bool) -> bool:
        """Has the step been taken in that direction?"""
        return step in (self.over if over else self.under)

    def looseness(self, spec: CopyfitSpec) -> int:
        """Lines each paragraph is set longer (+) or shorter (−) where it can be."""
        if "tighten" in self.over:
            return -spec.looseness
        return spec.looseness if "loosen" in self.under else 0

    def tracking(self, spec: CopyfitSpec) -> float:
        """Em each inter-character gap may shrink (紧排): only when tightened."""
        return spec.tracking if "tighten" in self.over else 0.0

    def tier(self) -> int:
        """Headline tiers smaller (+1) or bigger (−1) than the rank gives."""
        return ("headlines" in self.over) - ("headlines" in self.under)

    def brief_chars(self, spec: CopyfitSpec) -> int:
        """One-paragraph items this short (two or more in a row) are set as briefs."""
        return spec.brief_chars_over if "briefs" in self.over else spec.brief_chars

    def latitude(self, spec: CopyfitSpec) -> Latitude:
        """What the page's solver may vary."""
        low, high = spec.crop
        if "photos" in self.over:
            low = spec.crop_over
        if "photos" in self.under:
            high = spec.crop_under
        air = spec.max_air
        if "air" in self.over:
            air = 0
        elif "air" in self.under:
            air = spec.max_air_under
        return Latitude((low, high), air, spec.lead_depth, not self.home,
                        wide_photos="photos" in self.under,
                        stretch=spec.stretch if {"stretch", "loosen"} & set(self.under)
                        else 0)

    def plus(self, step: str, over: bool) -> PageFit:
        """This fit with one more step."""
        if over:
            return replace(self, over=self.over + (step,))
        return replace(self, under=self.under + (step,))


@dataclass(frozen=True)
class Overset:
    """Copy that found no place: the piece, and the page whose frame it runs out of (the
    page of the fragment whose 下转 line it would have followed, or where it was pushed
    from)."""

    page: int
    piece: Piece

    @property
    def lines(self) -> int:
        """Body lines over."""
        return len(self.piece.units)

    @property
    def chars(self) -> int:
        """Characters over."""
        return sum(u.chars for u in self.piece.units)

    @property
    def text(self) -> str:
        """The copy over, as set."""
        return "".join(pl.line.text for u in self.piece.units for pl in u.lines)


@dataclass
class Fitting:
    """The fixed point: per page its solution, the pieces it was solved with (own copy,
    then continuations received), its fit, and what is overset."""

    solutions: dict[int, PageSolution]
    queues: dict[int, list[Piece]]
    fits: dict[int, PageFit]
    overset: list[Overset] = field(default_factory=list)
    moved: list[tuple[Piece, int, int]] = field(default_factory=list)  # (piece, from, to)
    rounds: int = 0


# (a page's own pieces at a fit) ; (page, fit, pieces) → solution ; piece → row·columns
ComposeFn = Callable[[int, PageFit], list[Piece]]
SolveFn = Callable[[int, PageFit, list[Piece]], PageSolution]
SizeFn = Callable[[Piece], int]


def _key(piece: Piece) -> tuple[int, int, int]:
    """A piece's identity across rounds: the same copy and the same units."""
    return (id(piece.copy), piece.start, piece.stop)


def _outgoing(sol: PageSolution) -> list[Piece]:
    return [*sol.continuations, *sol.pushed]


def _over_lines(sol: PageSolution) -> int:
    return sum(len(p.units) for p in _outgoing(sol)) + sum(
        len(p.copy.body) for p in sol.pushed)  # a pushed piece loses its page: worse


def room(sol: PageSolution) -> int:
    """Row·columns a solved page could give up: its holes and its headline air."""
    return sum(w * h for _, _, w, h in sol.holes) + sum(s.plan.air * s.plan.span
                                                        for s in sol.slots)


def white(sol: PageSolution) -> int:
    """Row·columns a solved page leaves white: its holes, and the short columns and
    blanks inside its modules."""
    return sum(w * h for _, _, w, h in sol.holes) + sum(s.plan.blank for s in sol.slots)


def _largest_hole(sol: PageSolution) -> int:
    """Row·columns of a solved page's largest hole (the strips' foot holes side by side
    count as one)."""
    return max(max((w * h for _, _, w, h in sol.holes), default=0), sol.foot)


def fit_pages(numbers: list[int], sections: dict[int, str], spec: CopyfitSpec, area: int,
              compose: ComposeFn, solve: SolveFn, size: SizeFn) -> Fitting:
    """Make up the pages `numbers` together (see the module's docstring). `area`: a
    page's row·columns, for the under ladder's threshold (see underfull).

    When copy is left overset, the make-up starts again with every page at the top of its
    over ladder, and the start that leaves fewer lines overset is kept: the rounds take
    over steps only on pages that run over, or where one page makes room for another, and
    on a tight issue they route continuations before every page has made what room it can
    (a page that is not over never tightens for copy that has nowhere else to go). Only an
    issue that runs over pays for the second start."""
    first = _fit_from(PageFit(), numbers, sections, spec, area, compose, solve, size)
    if not first.overset:
        return first
    squeezed = _fit_from(PageFit(over=tuple(spec.over)), numbers, sections, spec, area,
                         compose, solve, size)
    return squeezed if _overset_lines(squeezed) < _overset_lines(first) else first


def _overset_lines(f: Fitting) -> int:
    return sum(o.lines for o in f.overset)


def _fit_from(start: PageFit, numbers: list[int], sections: dict[int, str],
              spec: CopyfitSpec, area: int, compose: ComposeFn, solve: SolveFn,
              size: SizeFn) -> Fitting:
    """The make-up's rounds with every page starting at the fit `start`."""
    fits = {n: start for n in numbers}
    tried: dict[int, set[tuple[str, bool]]] = {n: set() for n in numbers}
    incoming: dict[int, list[Piece]] = {n: [] for n in numbers}
    own_copy = {n: bool(compose(n, fits[n])) for n in numbers}
    home: dict[int, int] = {}  # id(copy) → the page its article stands on
    for n in numbers:
        for p in compose(n, fits[n]):
            home[id(p.copy)] = n
    sols: dict[int, PageSolution] = {}
    solved_for: dict[int, tuple] = {}
    assigned: dict[tuple[int, int, int], int] = {}  # piece key → page it was sent to
    warn = spec.hole_warning * area

    def underfull(sol: PageSolution) -> bool:
        """Worth the under ladder: a hole of half the warning size (the strips' foot holes
        side by side count as one), or white in all that adds up to the warning size
        (scattered short columns alone do not make a hole)."""
        return _largest_hole(sol) > warn / 2 or white(sol) > warn

    def warned(sol: PageSolution) -> bool:
        """A hole the run would warn of: worth a jump from another page (lend_to)."""
        return _largest_hole(sol) > warn

    def lend_to(n: int) -> bool:
        """Page n keeps a hole its own under steps could not fill: the page that would
        send it a continuation first (of those that send nothing yet) jumps the end of its
        longest story there (下转), as a desk jumps a story onto a short page, and takes
        its own under steps to fill what that leaves. The longest end that n has room for
        is tried, then half of it; kept when the lender is then without a hole of its own.
        One lender a round: its piece is routed the next, and n asks again while its hole
        stays."""
        spare = {q: room(sols[q]) for q in numbers}
        free = [d for d in _lenders(n, numbers, sections, own_copy) if not (
            fits[d].lent or _outgoing(solved(d)) or incoming[d] or underfull(sols[d]))]
        for d in free[:LENDERS]:
            longest = _longest(compose(d, fits[d]))
            if longest is None:
                continue
            lines = _lines_within(longest, spare[n], size)
            steps = [s for s in spec.under if not fits[d].taken(s, False)]
            for k in dict.fromkeys((lines, lines // 2)):
                if k < MIN_LENT:
                    continue
                fit = replace(fits[d], lent=k)
                for name in (None, *steps):  # as it stands, then one under step more
                    if name is not None:
                        fit = fit.plus(name, False)
                    cand = solve_at(d, fit)
                    if cand.pushed or not cand.continuations or not cand.continuations[0] \
                            .continued or _target(d, size(cand.continuations[0]), numbers,
                                                  sections, spare, own_copy, {d}) != n:
                        break  # the story did not stand whole, or its end goes elsewhere
                    if not underfull(cand):
                        adopt(d, fit, cand)
                        return True
        return False

    def queue(n: int, fit: PageFit) -> list[Piece]:
        return compose(n, fit) + incoming[n]

    def solve_at(n: int, fit: PageFit) -> PageSolution:
        """Page n solved at `fit` with the pieces it holds; a page that lends (fit.lent)
        sets its longest story without its last lines, which it sends on as a
        continuation — unless the story then does not stand whole on the page, when the
        page is solved as if it lent nothing (a jump is never cut twice)."""
        pieces = queue(n, fit)
        split = _lend(pieces[:len(pieces) - len(incoming[n])], fit.lent)
        if split is None:
            return solve(n, fit, pieces)
        head, tail = split
        sol = solve(n, fit, [head if p is head.origin else p for p in pieces])
        if _outgoing(sol):
            return solve(n, fit, pieces)
        return replace(sol, continuations=[tail])

    def solved(n: int) -> PageSolution:
        key = (fits[n], tuple(_key(p) for p in incoming[n]))
        if solved_for.get(n) != key:
            sols[n] = solve_at(n, fits[n])
            solved_for[n] = key
        return sols[n]

    def adopt(n: int, fit: PageFit, cand: PageSolution) -> None:
        """Page n takes `fit` and its solution `cand` (solved with the pieces it holds)."""
        fits[n] = fit
        sols[n] = cand
        solved_for[n] = (fit, tuple(_key(p) for p in incoming[n]))

    def step(n: int, over: bool, better: Callable[[PageSolution, PageSolution], bool]
             ) -> bool:
        """Take page n's next steps in that direction until one makes the page `better`
        (new solution, current one); False when none does."""
        for name in spec.over if over else spec.under:
            if (name, over) in tried[n] or fits[n].taken(name, over):
                continue
            tried[n].add((name, over))
            fit = fits[n].plus(name, over)
            cand = solve_at(n, fit)
            if better(cand, sols[n]):
                adopt(n, fit, cand)
                return True
        return False

    def keep_home(n: int) -> bool:
        """Solve page n once with jumps priced as pushes (no page with copy takes its
        continuations): kept when the page then sends fewer lines away."""
        if fits[n].home:
            return False
        fit = replace(fits[n], home=True)
        cand = solve_at(n, fit)
        if _over_lines(cand) >= _over_lines(sols[n]):
            return False
        adopt(n, fit, cand)
        return True

    def less_over(cand: PageSolution, cur: PageSolution) -> bool:
        return (_over_lines(cand), cand.cost) < (_over_lines(cur), cur.cost)

    def more_room(cand: PageSolution, cur: PageSolution) -> bool:
        return _over_lines(cand) <= _over_lines(cur) and room(cand) > room(cur)

    def fewer_holes(cand: PageSolution, cur: PageSolution) -> bool:
        return _over_lines(cand) <= _over_lines(cur) and cand.cost < cur.cost

    def snapshot() -> Fitting | None:
        """The pages as they stand, when every piece received is one its source sends
        (None while a source's pieces over have changed since they were sent); what was
        sent nowhere is overset."""
        sent = {_key(p): (n, p) for n in numbers for p in _outgoing(solved(n))
                if p not in incoming[n]}
        placed = [_key(p) for q in numbers for p in incoming[q]]
        if len(placed) != len(set(placed)) or any(
                k not in sent or sent[k][0] == q
                for q in numbers for k in (_key(p) for p in incoming[q])):
            return None
        out = Fitting(dict(sols), {n: queue(n, fits[n]) for n in numbers}, dict(fits),
                      rounds=rounds)
        # A page that could not hold a piece it received sends it on: not placed there.
        got = {_key(p): q for q in numbers for p in incoming[q]
               if _key(p) not in {_key(o) for o in _outgoing(sols[q])}}
        for k, (n, piece) in sent.items():
            if k not in got:
                out.overset.append(Overset(n, piece))
            elif piece in sols[n].pushed and home.get(id(piece.copy)) == n:
                out.moved.append((piece, n, got[k]))
        return out

    def restore(f: Fitting) -> None:
        """The make-up's state set back to the snapshot f."""
        for n in numbers:
            incoming[n] = f.queues[n][len(compose(n, f.fits[n])):]
            adopt(n, f.fits[n], f.solutions[n])

    def place(o: Overset, refused: set[tuple]) -> bool:
        """Find a page for the overset piece o: the first page, in o's page's order of
        preference and not holding part of its story, that takes it — as it stands, or
        with its next over steps when it sends nothing — and sends nothing new but the
        end of o it cannot hold (fewer lines than o: overset still, and placed in turn).
        Each page is really solved with the piece: no estimate of its size. `refused`:
        (piece, page, page's state) tried before, not tried again."""
        piece = o.piece
        holding = {q for q in numbers for p in queue(q, fits[q]) if p.copy is piece.copy}
        for q in _preference(o.page, numbers, sections, own_copy):
            tried_at = (_key(piece), q, solved_for[q])
            if q in holding or tried_at in refused:
                continue
            refused.add(tried_at)  # unless page q changes, it refuses the piece again
            keep = {_key(p) for p in _outgoing(sols[q])}
            fits_q = [fits[q]]
            if not keep:  # a new fit sets its own copy anew: only where none of it left
                for name in spec.over:
                    if not fits_q[-1].taken(name, True):
                        fits_q.append(fits_q[-1].plus(name, True))
            incoming[q].append(piece)
            for fit in fits_q:
                cand = solve_at(q, fit)
                rest = [p for p in _outgoing(cand) if p.copy is piece.copy]
                if {_key(p) for p in _outgoing(cand) if p.copy is not piece.copy} == keep \
                        and all(len(p.units) < len(piece.units) for p in rest):
                    adopt(q, fit, cand)
                    return True
            incoming[q].pop()
        return False

    def settle(f: Fitting) -> Fitting:
        """What the rounds left overset, placed piece by piece, the longest first (see
        place): the rounds route pieces on estimated sizes and can chase each other's
        room round the pages when the issue is tight; this pass only ever takes copy off
        the overset, so it ends, and never leaves more over than the rounds did."""
        restore(f)
        refused: set[tuple] = set()
        while any(place(o, refused) for o in sorted(f.overset, key=lambda o: -o.lines)):
            now = snapshot()
            if now is None:  # place keeps what every page sends: not expected
                break
            f = now
        return f

    def score(f: Fitting) -> tuple[int, float]:
        return (_overset_lines(f), sum(sol.cost for sol in f.solutions.values()))

    best: Fitting | None = None
    rounds = 0
    for rounds in range(1, spec.rounds + 1):
        now = snapshot()
        if now is not None and (best is None or score(now) < score(best)):
            best = now
        changed = False
        spare = {n: room(sols[n]) for n in numbers}
        new_in: dict[int, list[Piece]] = {n: [] for n in numbers}
        stepped: set[int] = set()  # pages set again this round: their pieces over changed
        holding: dict[int, set[int]] = {}  # id(copy) → pages holding part of it
        for n in numbers:
            for p in queue(n, fits[n]):
                holding.setdefault(id(p.copy), set()).add(n)
        for n in numbers:
            for piece in _outgoing(sols[n]):
                if n in stepped:
                    break
                k = _key(piece)
                was = assigned.get(k)
                kept = next((q for q in incoming[was] if _key(q) == k), None) \
                    if was is not None and was != n else None
                if kept is not None:
                    # Sent there last round and solved with it: it stays (its room is
                    # already spent in that page's solution).
                    new_in[was].append(kept)
                    continue
                if incoming[n] and home.get(id(piece.copy)) == n and step(n, True, less_over):
                    # Its own copy runs over since it took continuations on their size:
                    # it tightens to hold both before its copy chases room elsewhere.
                    changed = True
                    stepped.add(n)
                    continue
                need = size(piece)
                banned = holding.get(id(piece.copy), set()) | {n}
                target = _target(n, need, numbers, sections, spare, own_copy, banned)
                if (target is None or not own_copy[target]) and keep_home(n):
                    changed = True  # page n holds its copy now: look again
                    stepped.add(n)
                    continue
                if target is None and step(n, True, less_over):
                    changed = True  # page n holds more of its copy now: look again
                    stepped.add(n)
                    continue
                if target is None:  # another page makes room, in order of preference
                    maker = next((q for q in _preference(n, numbers, sections, own_copy)
                                  if q not in banned and q not in stepped
                                  and step(q, True, more_room)), None)
                    if maker is not None:
                        changed = True
                        stepped.add(maker)
                        spare[maker] = room(sols[maker]) - sum(
                            size(p) for p in new_in[maker] if p not in incoming[maker])
                        if spare[maker] >= need:
                            target = maker
                if target is None:
                    target = _roomiest(n, numbers, spare, own_copy, banned)
                if target is None:
                    continue  # nowhere left: overset, unless a later round finds room
                assigned[k] = target
                spare[target] -= need
                new_in[target].append(piece)
                holding.setdefault(id(piece.copy), set()).add(target)
        for n in numbers:
            if [_key(p) for p in new_in[n]] != [_key(p) for p in incoming[n]]:
                changed = True
        incoming = new_in
        if not changed:
            for n in numbers:
                sol = solved(n)
                if underfull(sol) and step(n, False, fewer_holes):
                    changed = True
        if not changed:
            changed = any(warned(solved(n)) and lend_to(n) for n in numbers)
        if not changed:
            break
    now = snapshot()
    if now is not None and (best is None or score(now) < score(best)):
        best = now
    assert best is not None  # the first round's state is always consistent
    if best.overset:
        best = settle(best)
    _canonical(best)
    return best


def _canonical(out: Fitting) -> None:
    """Each page's continuations as the very objects its targets were solved with."""
    by_key = {_key(p): p for ps in out.queues.values() for p in ps}
    for sol in out.solutions.values():
        sol.continuations = [by_key.get(_key(p), p) for p in sol.continuations]
        sol.pushed = [by_key.get(_key(p), p) for p in sol.pushed]


def _preference(n: int, numbers: list[int], sections: dict[int, str],
                own_copy: dict[int, bool]) -> list[int]:
    """The pages a continuation from page n may go to, best first: the next page of the
    same section, later pages (nearest first), earlier ones (nearest first); pages with
    copy of their own before blank ones."""
    later = [q for q in numbers if q > n]
    earlier = [q for q in reversed(numbers) if q < n]
    same = [q for q in later if sections.get(q) == sections.get(n)][:1]
    order = list(dict.fromkeys((*same, *later, *earlier)))
    return [q for q in order if own_copy[q]] + [q for q in order if not own_copy[q]]


def _target(n: int, need: int, numbers: list[int], sections: dict[int, str],
            spare: dict[int, int], own_copy: dict[int, bool], banned: set[int]) -> int | None:
    """The page a continuation of `need` row·columns from page n goes to: the first with
    room in order of preference; None when none has room."""
    return next((q for q in _preference(n, numbers, sections, own_copy)
                 if q not in banned and spare[q] >= need), None)


def _lenders(n: int, numbers: list[int], sections: dict[int, str],
             own_copy: dict[int, bool]) -> list[int]:
    """The pages with copy whose continuations would come to page n soonest: those that
    have n nearest the head of their preference (see _preference), nearest first."""
    ranked = [(_preference(d, numbers, sections, own_copy).index(n), abs(d - n), d)
              for d in numbers if d != n and own_copy[d]]
    return [d for *_, d in sorted(ranked)]


def _longest(own: list[Piece]) -> Piece | None:
    """The story a page lends the end of: its longest piece of one article (a run of
    briefs is not cut); None when it has none."""
    whole = [p for p in own if len(p.copy.articles) == 1 and not p.jumps]
    return max(whole, key=lambda p: len(p.units)) if whole else None


def _lend(own: list[Piece], lines: int) -> tuple[Piece, Piece] | None:
    """A page's longest story (of its own pieces) cut `lines` before its end: the part the
    page keeps (it jumps) and the continuation it lends; None when it lends nothing or
    the story is not long enough to keep MIN_LENT lines itself."""
    piece = _longest(own)
    if lines <= 0 or piece is None:
        return None
    cut = piece.stop - lines
    if cut - piece.start < MIN_LENT:
        return None
    head = Piece(piece.copy, piece.start, cut, piece.continued, True, piece.rank, piece,
                 piece.grand)
    return head, _tail(piece, lines)


def _tail(piece: Piece, lines: int) -> Piece:
    """The continuation of `piece`'s last `lines` lines (上接, a repeated short head)."""
    return Piece(piece.copy, piece.stop - lines, piece.end, True, False)


def _lines_within(piece: Piece, room: int, size: SizeFn) -> int:
    """The most lines at the end of `piece` whose continuation takes at most `room`
    row·columns (its size grows with its lines: a bisection)."""
    lo, hi = 0, len(piece.units) - MIN_LENT
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if size(_tail(piece, mid)) <= room:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _roomiest(n: int, numbers: list[int], spare: dict[int, int], own_copy: dict[int, bool],
              banned: set[int]) -> int | None:
    """The page with the most room left (nearest on a tie), when no page has enough."""
    open_pages = [q for q in numbers if q not in banned and spare[q] > 0]
    if not open_pages:
        return None
    return max(open_pages, key=lambda q: (spare[q], -abs(q - n)))
