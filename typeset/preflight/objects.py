"""Checks of single objects, wherever they are used: fonts, images, graphics states."""

from __future__ import annotations

import pikepdf

from . import colour
from .report import Collector
from .standards import InkRules, Standard

FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def label(kind: str, name: str, obj) -> str:
    """"image /Im1 (obj 26 0)": what the finding is about, findable with qpdf --show-object."""
    num = getattr(obj, "objgen", (0, 0))
    ref = f" (obj {num[0]} {num[1]})" if num != (0, 0) else ""
    return f"{kind} {name}{ref}"


def check_font(font, name: str, page: int, out: Collector) -> None:
    """Every font must carry its glyph program (FontFile*); Type3 fonts are their own."""
    subtype = str(font.get("/Subtype", ""))
    if subtype == "/Type3":
        return
    base = str(font.get("/BaseFont", "?"))
    target = font
    if subtype == "/Type0":
        descendants = font.get("/DescendantFonts")
        if not descendants:
            out.error("font-embedded", page, label("font", name, font),
                      f"Type0 font {base} has no descendant font")
            return
        target = descendants[0]
    descriptor = target.get("/FontDescriptor")
    if descriptor is None or not any(k in descriptor for k in FONT_FILES):
        out.error("font-embedded", page, label("font", name, font),
                  f"font {base} is not embedded (PDF/X needs every font's glyphs in the file,"
                  " used or not)")


def check_gstate(gs, name: str, page: int, std: Standard, out: Collector) -> None:
    """Transparency and transfer/halftone settings a RIP must not be handed."""
    obj = label("graphics state", name, gs)
    if not std.transparency:
        for key in ("/CA", "/ca"):
            if key in gs and float(gs[key]) < 1:
                out.error("transparency", page, obj,
                          f"constant alpha {key[1:]} = {float(gs[key]):g} (transparency)")
        smask = gs.get("/SMask")
        if smask is not None and str(smask) != "/None":
            out.error("transparency", page, obj, "soft mask in the graphics state")
        bm = gs.get("/BM")
        if bm is not None:
            modes = [str(m) for m in bm] if isinstance(bm, pikepdf.Array) else [str(bm)]
            if any(m not in ("/Normal", "/Compatible") for m in modes):
                out.error("transparency", page, obj, f"blend mode {' '.join(modes)}")
    if "/TR" in gs:
        out.error("transfer-function", page, obj, "transfer function (TR)")
    if "/TR2" in gs and (not std.transparency or str(gs["/TR2"]) != "/Default"):
        out.error("transfer-function", page, obj, "transfer function (TR2)")
    if "/HTP" in gs:
        out.error("halftone", page, obj, "halftone phase (HTP)")
    halftone = gs.get("/HT")
    if isinstance(halftone, pikepdf.Dictionary):
        if "/HalftoneName" in halftone:
            out.error("halftone", page, obj, "named halftone")
        if int(halftone.get("/HalftoneType", 1)) not in (1, 5):
            out.error("halftone", page, obj, "halftone type other than 1 or 5")


def check_image(image, name: str, page: int, std: Standard, ink: InkRules,
                out: Collector) -> None:
    """Colour space, soft mask, filters, depth, alternates and total ink of an image."""
    obj = label("image", name, image)
    if bool(image.get("/ImageMask", False)):
        return  # a stencil: painted in the current fill colour, checked there
    space = image.get("/ColorSpace")
    if space is not None:
        why = colour.problem(space, std)
        if why:
            out.error("colour-space", page, obj, f"image in {why}")
    if not std.transparency:
        if "/SMask" in image:
            out.error("transparency", page, obj, "image with a soft mask (SMask)")
        if int(image.get("/SMaskInData", 0)):
            out.error("transparency", page, obj, "image with soft mask data (SMaskInData)")
    if int(image.get("/BitsPerComponent", 8)) > 8 and std.max_version < "1.5":
        out.error("pdf-version", page, obj, "16-bit image (a PDF 1.5 feature)")
    filters = image.get("/Filter")
    names = [str(f) for f in filters] if isinstance(filters, pikepdf.Array) else \
        ([str(filters)] if filters is not None else [])
    for f in names:
        if f in std.forbidden_filters:
            out.error("compression", page, obj, f"{f[1:]} compression is not allowed")
    for alt in image.get("/Alternates", []):
        if bool(alt.get("/DefaultForPrinting", False)):
            out.error("image-alternates", page, obj, "an alternate image is the one printed")
    if "/OPI" in image:
        out.error("opi", page, obj, "OPI proxy image")
    if space is not None and colour.family(space) == "/DeviceCMYK":
        top = max_image_ink(image)
        if top is not None and top > ink.ink_limit + 0.5:
            out.error("ink-limit", page, obj,
                      f"total ink {top:.0f} % (limit {ink.ink_limit:g} %)")


def max_image_ink(image) -> float | None:
    """The highest C+M+Y+K of any pixel of a DeviceCMYK image, in % (None when the
    image cannot be decoded here)."""
    try:
        pil = pikepdf.PdfImage(image).as_pil_image()
    except (pikepdf.PdfError, pikepdf.exceptions.PikepdfError, OSError, ValueError):
        return None  # an undecodable image is qpdf --check's business, not this rule's
    if pil.mode != "CMYK":
        return None
    # as_pil_image applies /Decode and undoes the inversion of Adobe CMYK JPEGs.
    data = pil.tobytes()  # C, M, Y, K bytes pixel by pixel
    return max((sum(data[i:i + 4]) for i in range(0, len(data), 4)), default=0) * 100 / 255
