"""The layout configuration (layouts/NAME.toml), converted to points once.

Everything a newspaper would change — trim, type area, columns, grid, type sizes, the
kinsoku level and punctuation style — is read here; code downstream never hard-codes them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError

PT_PER_MM = 72.0 / 25.4
LAYOUTS_DIR = Path(__file__).resolve().parent.parent / "layouts"

KINSOKU_LEVELS = ("none", "basic", "gb", "strict")
PUNCTUATION_STYLES = ("quanjiao", "kaiming", "banjiao", "none")
PDF_STANDARDS = ("x1a", "x4", "none")


def mm(value: float) -> float:
    """Millimetres to points."""
    return value * PT_PER_MM


@dataclass(frozen=True)
class PageGeometry:
    """Trim and type area in points, origin at the trim's top-left corner, y downwards."""

    width: float
    height: float
    area_x: float
    area_y: float
    area_width: float
    area_height: float
    columns: int
    gutter: float
    bleed: float

    @property
    def column_width(self) -> float:
        """Width of one basic column (基本栏)."""
        return (self.area_width - (self.columns - 1) * self.gutter) / self.columns

    def span_width(self, columns: int) -> float:
        """Width of `columns` adjacent columns with the gutters between them."""
        return columns * self.column_width + (columns - 1) * self.gutter

    def column_x(self, column: int) -> float:
        """Left edge of column `column` (0-based)."""
        return self.area_x + column * (self.column_width + self.gutter)


@dataclass(frozen=True)
class Grid:
    """The line grid every body baseline sits on."""

    body_size: float
    pitch: float

    def lines_in(self, height: float) -> int:
        """How many whole grid lines fit in `height`."""
        return int(height // self.pitch + 1e-6)


@dataclass(frozen=True)
class TextRules:
    """Composition settings: first-line indent, kinsoku level, punctuation style."""

    indent_em: float
    kinsoku: str
    punctuation: str


@dataclass(frozen=True)
class TypeSizes:
    """Type sizes in points."""

    headline_lead: float
    headline: float
    headline_small: float
    kicker: float
    subtitle: float
    banner: float
    subhead: float
    byline: float
    caption: float
    table: float
    quote: float
    furniture: float
    # The top of each headline rank's range (the bottom is the field above): a headline
    # takes the largest size of its range that sets it in its fewest lines (compose/headline).
    headline_lead_max: float = 42.0  # 初号
    headline_max: float = 28.0  # 一号
    headline_small_min: float = 14.0  # 四号
    # The tops of the lead's and second stories' ranges on a page with holes (copyfit's
    # under step "headlines"); None: no larger than on other pages.
    headline_lead_under: float | None = None
    headline_under: float | None = None


@dataclass(frozen=True)
class HeadlineRules:
    """How display lines (headlines, kickers, subtitles) are broken and sized ([headlines]).

    A headline takes at most `max_lines` lines; no last line is shorter than
    `last_line_min` of the longest, no line holds fewer than `min_line_chars` characters;
    sizes within a rank's range go in steps of `size_step` points."""

    max_lines: int = 3
    last_line_min: float = 0.6
    min_line_chars: int = 3
    size_step: float = 0.5


@dataclass(frozen=True)
class MastheadSpec:
    """Page 1's masthead block: width in columns, height in grid lines, its sizes."""

    columns: int
    lines: int
    title_size: float
    latin_size: float
    info_size: float


@dataclass(frozen=True)
class RunningHeadSpec:
    """The running head of pages 2–N: height in grid lines, size, rule weight."""

    lines: int
    size: float
    rule: float


@dataclass(frozen=True)
class Rules:
    """Rule weights in points."""

    hairline: float
    heavy: float


@dataclass(frozen=True)
class PhotoSpec:
    """Photo placement and preparation."""

    max_columns: int
    dpi: int
    jpeg_quality: int
    # The narrowest a photo is set: a photo with too few pixels for it is still set this
    # wide (the print run warns about its resolution; it is never upsampled).
    min_columns: int = 2
    # The widest on a page with holes (the under ladder's photos step); 0: max_columns.
    max_columns_under: int = 0

    @property
    def widest_under(self) -> int:
        """Columns a photo may span at most on a page with holes."""
        return self.max_columns_under or self.max_columns


@dataclass(frozen=True)
class PrintSpec:
    """Print production ([print]): the PDF standard, ink rules and the output condition.

    The defaults are newsprint's: PDF/X-1a, 240 % total ink, nothing under 7 pt, the
    registered characterization IFRA26 (ISO 12647-3). `output_profile` is an ICC file of
    the output condition, embedded when set (PDF/X-4 requires one).
    """

    standard: str = "x1a"
    ink_limit: float = 240.0
    min_text_pt: float = 7.0
    min_ppi: float = 170.0
    marks: bool = False
    color_photos: bool = False
    output_condition: str = "IFRA26"
    output_condition_info: str = "ISO 12647-3:2013 coldset offset newsprint (IFRA26)"
    registry: str = "http://www.color.org"
    output_profile: Path | None = None


OVER_STEPS = ("tighten", "photos", "headlines", "air", "briefs")
UNDER_STEPS = ("stretch", "loosen", "photos", "headlines", "air")


@dataclass(frozen=True)
class CopyfitSpec:
    """How the make-up fits copy to its pages ([copyfit]).

    A page whose copy runs over takes the `over` steps in order, each on top of the ones
    before it, until its copy fits; a page with holes takes the `under` steps. Steps:
    stretch (a module may be set up to `stretch` rows deeper, paragraphs of its choosing
    set longer — a line per three they have at most — where the page solver finds that
    fills a strip, 拉行; module by module, so that it lengthens no more copy than the holes
    want), tighten/loosen (every paragraph set `looseness` lines shorter/longer where it
    can be; a tightened line may also give up `tracking` em at each gap between
    characters, 紧排; a loosened page's modules may stretch too),
    photos (crop depth range widened to `crop_over` / `crop_under`, relative to the photo's
    natural depth; on a page with holes also up to [photo] max_columns_under wide),
    headlines (one headline tier smaller/bigger), air (no extra rows in headline groups /
    up to `max_air_under`), briefs (one-paragraph items up to
    `brief_chars` set as 简讯 briefs). The body size and the line grid never change."""

    over: tuple[str, ...] = OVER_STEPS
    under: tuple[str, ...] = UNDER_STEPS
    looseness: int = 1
    tracking: float = 0.03
    stretch: int = 3  # rows a module may be set deeper from its own text (stretch, loosen)
    crop: tuple[float, float] = (0.6, 1.35)  # a photo's depth range, natural = 1
    crop_over: float = 0.45  # the shallowest crop the photos step allows
    crop_under: float = 1.6  # the deepest
    max_air: int = 2  # extra rows a headline group may take …
    max_air_under: int = 3  # … and on a page with holes
    brief_chars: int = 220  # a one-paragraph item this short (in a run of two) is a brief …
    brief_chars_over: int = 400  # … and this short on a page whose copy runs over
    lead_depth: float = 0.6  # the lead's depth at most (share of the page) beside others
    hole_warning: float = 0.02  # a hole above this share of the page is named in a warning
    rounds: int = 16  # rounds of the global make-up before what is left is overset


@dataclass(frozen=True)
class Limits:
    """What one run accepts ([limits]), so that a mistaken or hostile input is refused at
    once instead of taking the machine's time and memory.

    max_input_mb: the issue file, in MB (10^6 bytes); a daily issue is some 200 kB of copy.
    max_image_mp: one image, in megapixels, read from its header before it is decoded (a
    decoded 200 Mpx photo takes 200 MB in grey, 600 MB in RGB).
    offered_pages: the copy one page's make-up weighs, in pages' worth of body lines (a
    page's type area holds rows × columns of them): what the page could hold and, above
    one, more to choose from when it pushes some of it on. The search over a page's pieces
    grows faster than their square (the sample's copy twice on one page: 60 s, once: 4 s),
    so copy beyond this is passed on unweighed (see layout/capacity.py): a page sent ten
    times what it holds is made up as fast as one sent twice that.
    """

    max_input_mb: float = 2.0
    max_image_mp: float = 200.0
    offered_pages: float = 2.0

    @property
    def max_input_bytes(self) -> int:
        return int(self.max_input_mb * 1_000_000)

    @property
    def max_image_pixels(self) -> int:
        return int(self.max_image_mp * 1_000_000)


@dataclass(frozen=True)
class LayoutConfig:
    """A whole layout file."""

    name: str
    pages: int
    fonts: Path
    page: PageGeometry
    grid: Grid
    text: TextRules
    sizes: TypeSizes
    masthead: MastheadSpec
    running_head: RunningHeadSpec
    rules: Rules
    photo: PhotoSpec
    source: Path
    printing: PrintSpec = PrintSpec()
    copyfit: CopyfitSpec = CopyfitSpec()
    headlines: HeadlineRules = HeadlineRules()
    limits: Limits = Limits()


def layout_path(name: str) -> Path:
    """The file for a layout given by name ("broadsheet") or by path."""
    p = Path(name)
    if p.suffix == ".toml" or p.exists():
        return p
    return LAYOUTS_DIR / f"{name}.toml"


def load_layout(name: str) -> LayoutConfig:
    """Read and check a layout; errors name the file and the key."""
    path = layout_path(name)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        known = ", ".join(sorted(p.stem for p in LAYOUTS_DIR.glob("*.toml")))
        raise ConfigError(f"no layout named '{name}'", where=str(path),
                          hint=f"use one of: {known}, or a path to a .toml file") from exc
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read the layout: {exc}", where=str(path)) from exc
    try:
        return _build(data, path)
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"missing or invalid layout setting {exc}", where=str(path)) from exc


def _build(d: dict, path: Path) -> LayoutConfig:
    pg = d["page"]
    trim_w, trim_h = (float(v) for v in pg["trim"])
    area_w, area_h = (float(v) for v in pg["type_area"])
    if area_w > trim_w or area_h > trim_h:
        raise ValueError("'page.type_area' is larger than 'page.trim'")
    offset = pg.get("area_offset", [(trim_w - area_w) / 2, (trim_h - area_h) / 2])
    page = PageGeometry(mm(trim_w), mm(trim_h), mm(float(offset[0])), mm(float(offset[1])),
                        mm(area_w), mm(area_h), int(pg["columns"]), mm(float(pg["gutter"])),
                        mm(float(pg.get("bleed", 3.0))))
    text = TextRules(float(d["text"]["indent_em"]), d["text"]["kinsoku"],
                     d["text"]["punctuation"])
    if text.kinsoku not in KINSOKU_LEVELS:
        raise ValueError(f"'text.kinsoku' must be one of {', '.join(KINSOKU_LEVELS)}")
    if text.punctuation not in PUNCTUATION_STYLES:
        raise ValueError(f"'text.punctuation' must be one of {', '.join(PUNCTUATION_STYLES)}")
    s = d["sizes"]
    sizes = TypeSizes(**{k.removesuffix("_pt"): float(v) for k, v in s.items()})
    if (sizes.headline_lead_under or sizes.headline_lead_max) < sizes.headline_lead_max or \
            (sizes.headline_under or sizes.headline_max) < sizes.headline_max:
        raise ValueError("'sizes.headline_lead_under_pt' and 'headline_under_pt' must not be "
                         "under 'headline_lead_max_pt' and 'headline_max_pt'")
    m = d["masthead"]
    rh = d["running_head"]
    fonts = Path(d.get("fonts", "../fonts/fonts.toml"))
    return LayoutConfig(
        name=d.get("name", path.stem),
        pages=int(d.get("pages", 8)),
        fonts=fonts if fonts.is_absolute() else (path.parent / fonts).resolve(),
        page=page,
        grid=Grid(float(d["grid"]["body_size_pt"]), float(d["grid"]["line_pitch_pt"])),
        text=text,
        sizes=sizes,
        masthead=MastheadSpec(int(m["columns"]), int(m["lines"]), float(m["title_pt"]),
                              float(m["latin_pt"]), float(m["info_pt"])),
        running_head=RunningHeadSpec(int(rh["lines"]), float(rh["size_pt"]),
                                     float(rh["rule_pt"])),
        rules=Rules(float(d["rules"]["hairline_pt"]), float(d["rules"]["heavy_pt"])),
        photo=_photo_spec(d["photo"]),
        source=path,
        printing=_print_spec(d.get("print", {}), path),
        copyfit=_copyfit_spec(d.get("copyfit", {})),
        headlines=_headline_rules(d.get("headlines", {})),
        limits=_limits(d.get("limits", {})),
    )


def _photo_spec(p: dict) -> PhotoSpec:
    spec = PhotoSpec(int(p["max_columns"]), int(p["dpi"]), int(p["jpeg_quality"]),
                     int(p.get("min_columns", 2)), int(p.get("max_columns_under", 0)))
    if not 1 <= spec.min_columns <= spec.max_columns <= spec.widest_under:
        raise ValueError("'photo': 1 <= min_columns <= max_columns <= max_columns_under")
    return spec


def _headline_rules(h: dict) -> HeadlineRules:
    rules = HeadlineRules(
        max_lines=int(h.get("max_lines", HeadlineRules.max_lines)),
        last_line_min=float(h.get("last_line_min", HeadlineRules.last_line_min)),
        min_line_chars=int(h.get("min_line_chars", HeadlineRules.min_line_chars)),
        size_step=float(h.get("size_step_pt", HeadlineRules.size_step)))
    if rules.max_lines < 1 or not 0.0 <= rules.last_line_min <= 1.0 or rules.size_step <= 0:
        raise ValueError("'headlines': max_lines ≥ 1, 0 ≤ last_line_min ≤ 1, size_step_pt > 0")
    return rules


def _limits(d: dict) -> Limits:
    limits = Limits(max_input_mb=float(d.get("max_input_mb", Limits.max_input_mb)),
                    max_image_mp=float(d.get("max_image_mp", Limits.max_image_mp)),
                    offered_pages=float(d.get("offered_pages", Limits.offered_pages)))
    if not (limits.max_input_mb > 0 and limits.max_image_mp > 0):
        raise ValueError("'limits.max_input_mb' and 'limits.max_image_mp' must be above 0")
    if not limits.offered_pages >= 1:
        raise ValueError("'limits.offered_pages' must be at least 1 (a page weighs at least "
                         "the copy it could hold)")
    return limits


def _print_spec(p: dict, path: Path) -> PrintSpec:
    standard = p.get("standard", PrintSpec.standard)
    if standard not in PDF_STANDARDS:
        raise ValueError(f"'print.standard' must be one of {', '.join(PDF_STANDARDS)}")
    profile = p.get("output_profile")
    if profile is not None:
        profile = Path(profile) if Path(profile).is_absolute() else (path.parent / profile)
    return PrintSpec(standard=standard, output_profile=profile, **_scalars(p, PrintSpec(), (
        "ink_limit", "min_text_pt", "min_ppi", "marks", "color_photos", "output_condition",
        "output_condition_info", "registry")))


def _scalars(table: dict, base, names: tuple[str, ...]) -> dict:
    """The named fields from a layout's table, each as the type of `base`'s default (a
    TOML integer where a float is meant is taken), the default where the table has none."""
    return {n: type(getattr(base, n))(table.get(n, getattr(base, n))) for n in names}


def _copyfit_spec(c: dict) -> CopyfitSpec:
    base = CopyfitSpec()
    for key, known in (("over", OVER_STEPS), ("under", UNDER_STEPS)):
        bad = [step for step in c.get(key, ()) if step not in known]
        if bad:
            raise ValueError(f"'copyfit.{key}' knows {', '.join(known)}, not {', '.join(bad)}")
    crop = tuple(float(v) for v in c.get("crop", base.crop))
    if len(crop) != 2 or not 0 < crop[0] <= 1 <= crop[1]:
        raise ValueError("'copyfit.crop' must be [low, high] with low <= 1 <= high")
    spec = CopyfitSpec(
        over=tuple(c.get("over", base.over)), under=tuple(c.get("under", base.under)),
        crop=(crop[0], crop[1]), **_scalars(c, base, (
            "looseness", "tracking", "stretch", "crop_over", "crop_under", "max_air",
            "max_air_under", "brief_chars", "brief_chars_over", "lead_depth", "hole_warning",
            "rounds")))
    if not (0 < spec.crop_over <= spec.crop[0] and spec.crop_under >= spec.crop[1]):
        raise ValueError("'copyfit.crop_over' must be <= crop[0] and 'crop_under' >= crop[1]")
    if not 0 <= spec.tracking <= 0.1:
        raise ValueError("'copyfit.tracking' must be between 0 and 0.1 (em)")
    if spec.stretch < 0:
        raise ValueError("'copyfit.stretch' must be 0 or more (rows)")
    if not 0 < spec.lead_depth <= 1:
        raise ValueError("'copyfit.lead_depth' must be in (0, 1]")
    return spec
