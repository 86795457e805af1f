"""Walk a page's content streams with the graphics state: colours set, text shown (size,
colour, overprint), images and forms drawn, graphics states applied, shadings painted."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from decimal import Decimal

import pikepdf

from . import colour
from .objects import check_font, check_gstate, check_image, label
from .report import Collector
from .standards import InkRules, Standard

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
TEXT_SHOW = {"Tj", "TJ", "'", '"'}
MAX_FORM_DEPTH = 12


def mul(m: Matrix, n: Matrix) -> Matrix:
    """m × n (PDF row-vector convention: apply m, then n)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


@dataclass(frozen=True)
class Paint:
    """A colour: its space (family name or the space array) and its operands."""

    space: object
    values: tuple[float, ...]

    @property
    def family(self) -> str:
        return colour.family(self.space)

    def is_black(self) -> bool:
        """100 % K and nothing else: DeviceCMYK 0 0 0 1 or DeviceGray 0."""
        if self.family == "/DeviceCMYK" and len(self.values) == 4:
            c, m, y, k = self.values
            return c == m == y == 0 and k >= 0.999
        return self.family == "/DeviceGray" and bool(self.values) and self.values[0] <= 0.001

    def is_process_black_tint(self) -> bool:
        """K only (any tint), no cyan, magenta or yellow: no misregistration possible."""
        if self.family == "/DeviceCMYK" and len(self.values) == 4:
            return self.values[0] == self.values[1] == self.values[2] == 0
        return self.family == "/DeviceGray"


@dataclass(frozen=True)
class GState:
    """The parts of the graphics state the checks need."""

    ctm: Matrix = IDENTITY
    fill: Paint = Paint(pikepdf.Name.DeviceGray, (0.0,))
    stroke: Paint = Paint(pikepdf.Name.DeviceGray, (0.0,))
    op_fill: bool = False
    op_stroke: bool = False
    opm: int = 0
    font: str = ""
    size: float = 0.0
    render: int = 0


class PageWalker:
    """Checks one page's content (and the forms, patterns and annotation appearances it
    uses) against a standard and the ink rules. `seen` is shared across pages so that an
    object used on every page is reported once."""

    def __init__(self, page_no: int, std: Standard, ink: InkRules, out: Collector,
                 seen: set) -> None:
        self.page = page_no
        self.std = std
        self.ink = ink
        self.out = out
        self.seen = seen

    # --- resources -----------------------------------------------------------------
    def check_resources(self, resources) -> None:
        """Fonts, graphics states and colour spaces a resource dictionary declares: every
        one counts, used or not (an unused unembedded Helvetica still fails)."""
        if resources is None:
            return
        for name, font in (resources.get("/Font") or {}).items():
            if self._first(font):
                check_font(font, name, self.page, self.out)
        for name, gs in (resources.get("/ExtGState") or {}).items():
            if self._first(gs):
                check_gstate(gs, name, self.page, self.std, self.out)
        for name, space in (resources.get("/ColorSpace") or {}).items():
            if self._first(space):
                why = colour.problem(space, self.std)
                if why:
                    self.out.error("colour-space", self.page,
                                   label("colour space", name, space), why)
        for name, shading in (resources.get("/Shading") or {}).items():
            self._check_shading(shading, name)
        for name, pattern in (resources.get("/Pattern") or {}).items():
            if not self._first(pattern):
                continue
            if int(pattern.get("/PatternType", 1)) == 2:
                self._check_shading(pattern.get("/Shading"), name)
            else:
                self.walk(pattern, pattern.get("/Resources"), IDENTITY, depth=1)
        for name, xobj in (resources.get("/XObject") or {}).items():
            if str(xobj.get("/Subtype")) == "/Image" and self._first(xobj):
                check_image(xobj, name, self.page, self.std, self.ink, self.out)
            elif str(xobj.get("/Subtype")) == "/PS":
                self.out.error("postscript", self.page, label("XObject", name, xobj),
                               "PostScript XObject")

    def _first(self, obj) -> bool:
        key = getattr(obj, "objgen", (0, 0))
        if key == (0, 0):
            key = ("direct", self.page, id(obj))
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def _check_shading(self, shading, name: str) -> None:
        if shading is None or not self._first(shading):
            return
        why = colour.problem(shading.get("/ColorSpace", pikepdf.Name.DeviceGray), self.std)
        if why:
            self.out.error("colour-space", self.page, label("shading", name, shading),
                           f"shading in {why}")

    # --- content -------------------------------------------------------------------
    def walk(self, stream_owner, resources, ctm: Matrix, depth: int = 0) -> None:
        """Check the content of a page, form or pattern with `resources`, drawn at `ctm`."""
        self.check_resources(resources)
        try:
            ops = pikepdf.parse_content_stream(stream_owner)
        except pikepdf.PdfError as exc:
            self.out.error("syntax", self.page, "content stream", f"cannot be parsed: {exc}")
            return
        state = GState(ctm=ctm)
        stack: list[GState] = []
        tm: Matrix = IDENTITY
        for operands, op in ops:
            op = str(op)
            if op == "q":
                stack.append(state)
            elif op == "Q":
                state = stack.pop() if stack else state
            elif op == "cm":
                state = replace(state, ctm=mul(_matrix(operands), state.ctm))
            elif op in ("g", "G", "k", "K", "rg", "RG"):
                space = {"g": "/DeviceGray", "k": "/DeviceCMYK", "rg": "/DeviceRGB"}[op.lower()]
                state = self._set_paint(state, op.isupper(), pikepdf.Name(space), operands)
            elif op in ("cs", "CS"):
                space = colour.resolve(operands[0], resources)
                why = colour.problem(space, self.std)
                if why:
                    self.out.error("colour-space", self.page, "content", why)
                initial = (0.0, 0.0, 0.0, 1.0) if colour.family(space) == "/DeviceCMYK" \
                    else (0.0,) * colour.components(space)
                paint = Paint(space, initial)
                state = replace(state, **{"stroke" if op == "CS" else "fill": paint})
            elif op in ("sc", "scn", "SC", "SCN"):
                current = state.stroke if op.isupper() else state.fill
                state = self._set_paint(state, op.isupper(), current.space, operands)
            elif op == "gs":
                state = self._apply_gstate(state, resources, operands[0])
            elif op == "BT":
                tm = IDENTITY
            elif op == "Tm":
                tm = _matrix(operands)
            elif op == "Tf":
                state = replace(state, font=str(operands[0]), size=float(operands[1]))
            elif op == "Tr":
                state = replace(state, render=int(operands[0]))
            elif op in TEXT_SHOW:
                self._text(state, tm)
            elif op == "Do":
                self._draw(state, resources, operands[0], depth)
            elif op == "INLINE IMAGE":
                self._inline_image(operands[0], resources)
            elif op == "sh":
                shadings = resources.get("/Shading") if resources is not None else None
                if shadings is not None and str(operands[0]) in shadings:
                    self._check_shading(shadings[str(operands[0])], str(operands[0]))
            elif op == "PS":
                self.out.error("postscript", self.page, "content", "PS operator")

    def _set_paint(self, state: GState, stroke: bool, space, operands) -> GState:
        values = tuple(float(v) for v in operands if isinstance(v, (int, float, Decimal)))
        paint = Paint(space, values)
        if paint.family == "/DeviceRGB":
            self.out.error("colour-space", self.page, "content",
                           f"DeviceRGB {'stroke' if stroke else 'fill'} colour "
                           "(only DeviceCMYK and DeviceGray are allowed)")
        elif paint.family == "/DeviceCMYK" and len(values) == 4:
            total = sum(values) * 100
            if total > self.ink.ink_limit + 0.5:
                self.out.error("ink-limit", self.page, "content",
                               f"colour {' '.join(f'{v:g}' for v in values)} has total ink "
                               f"{total:.0f} % (limit {self.ink.ink_limit:g} %)")
        return replace(state, **{"stroke" if stroke else "fill": paint})

    def _apply_gstate(self, state: GState, resources, name) -> GState:
        table = resources.get("/ExtGState") if resources is not None else None
        gs = table.get(str(name)) if table is not None else None
        if gs is None:
            self.out.error("syntax", self.page, "content", f"graphics state {name} is missing")
            return state
        changes = {}
        if "/OP" in gs:
            changes["op_stroke"] = bool(gs["/OP"])
            changes["op_fill"] = bool(gs["/OP"])  # OP sets both unless op is given
        if "/op" in gs:
            changes["op_fill"] = bool(gs["/op"])
        if "/OPM" in gs:
            changes["opm"] = int(gs["/OPM"])
        if "/Font" in gs:
            changes["size"] = float(gs["/Font"][1])
        return replace(state, **changes)

    def _text(self, state: GState, tm: Matrix) -> None:
        if state.render in (3, 7):  # invisible or clip only: prints nothing
            return
        m = mul(tm, state.ctm)
        size = abs(state.size) * math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))
        font = f"text in font {state.font}"
        if size < self.ink.min_text_pt - 0.01:
            self.out.error("min-text-size", self.page, font,
                           f"{size:.2f} pt text (smallest allowed {self.ink.min_text_pt:g} pt)")
        fill = state.fill if state.render in (0, 2, 4, 6) else state.stroke
        if fill.is_black():
            overprint = state.op_stroke if state.render in (1, 5) else state.op_fill
            if not overprint or (fill.family == "/DeviceCMYK" and state.opm != 1):
                self.out.error("black-overprint", self.page, "text",
                               "100 % K text does not overprint (needs op true, OPM 1): it "
                               "knocks out and shows white edges on misregister")
        elif not fill.is_process_black_tint() and size < self.ink.min_colour_text_pt - 0.01:
            self.out.error("colour-text", self.page, "text",
                           f"{size:.1f} pt text in a colour of several inks "
                           f"({fill.family[1:]} {' '.join(f'{v:g}' for v in fill.values)}); "
                           f"body text must be K only, colour text at least "
                           f"{self.ink.min_colour_text_pt:g} pt")

    def _draw(self, state: GState, resources, name, depth: int) -> None:
        table = resources.get("/XObject") if resources is not None else None
        xobj = table.get(str(name)) if table is not None else None
        if xobj is None:
            self.out.error("syntax", self.page, "content", f"XObject {name} is missing")
            return
        subtype = str(xobj.get("/Subtype"))
        if subtype == "/Image":
            self._placement(xobj, str(name), state.ctm)
        elif subtype == "/Form":
            group = xobj.get("/Group")
            if group is not None and str(group.get("/S")) == "/Transparency" and \
                    not self.std.transparency:
                self.out.error("transparency", self.page, label("form", str(name), xobj),
                               "transparency group")
            if depth >= MAX_FORM_DEPTH:
                self.out.error("syntax", self.page, label("form", str(name), xobj),
                               "forms nested too deeply (or drawing themselves)")
                return
            matrix = _matrix(xobj.get("/Matrix", IDENTITY))
            self.walk(xobj, xobj.get("/Resources", resources), mul(matrix, state.ctm),
                      depth + 1)

    def _placement(self, image, name: str, ctm: Matrix) -> None:
        """Effective resolution of an image at its placed size."""
        if bool(image.get("/ImageMask", False)):
            return
        w_pt = math.hypot(ctm[0], ctm[1])
        h_pt = math.hypot(ctm[2], ctm[3])
        if w_pt < 1 or h_pt < 1:
            return
        ppi = min(int(image.get("/Width", 0)) / (w_pt / 72),
                  int(image.get("/Height", 0)) / (h_pt / 72))
        if ppi < self.ink.min_ppi - 0.5:
            self.out.warning("resolution", self.page, label("image", name, image),
                             f"{ppi:.0f} ppi at its placed size "
                             f"(under {self.ink.min_ppi:g} ppi: looks soft in print)")

    def _inline_image(self, inline, resources) -> None:
        try:
            space = inline.colorspace  # the device space that best describes it
        except (pikepdf.PdfError, NotImplementedError, ValueError, KeyError):
            space = None
        if space is None:
            return
        why = colour.problem(colour.resolve(pikepdf.Name(space), resources), self.std)
        if why:
            self.out.error("colour-space", self.page, "inline image", f"image in {why}")


def _matrix(values) -> Matrix:
    nums = [float(v) for v in values]
    return (nums[0], nums[1], nums[2], nums[3], nums[4], nums[5])
