"""Images for the EPUB: photos of the issue (copied, or converted and scaled down) and the
cover (a page render handed in, or a typeset title card drawn with Pillow)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageDraw, ImageFont

from ..errors import InputError
from ..fonts import FontSet
from ..images import DECODE_ERRORS, eight_bit, open_image
from ..model import Article, Figure, Masthead
from .epub_xhtml import date_line

# Reading systems show images at screen size; a longer edge only makes the book heavy.
MAX_EDGE = 1600
# What reading systems show as they are: 8-bit JPEG or PNG in sRGB. Anything else (CMYK,
# 16 bits, another colour space, another format) is converted: many readers show CMYK
# JPEGs inverted and 16-bit PNGs blank.
CORE_FORMATS = {"JPEG": ("image/jpeg", ".jpg"), "PNG": ("image/png", ".png")}
WEB_MODES = {"JPEG": ("L", "RGB"), "PNG": ("1", "L", "LA", "P", "RGB", "RGBA")}
# The byte of a PNG's IHDR chunk that holds its bits per sample (8-byte signature, then the
# chunk's length, type, width and height).
PNG_BIT_DEPTH_OFFSET = 24
JPEG_QUALITY = 85
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
CARD_SIZE = (800, 1100)


@dataclass(frozen=True)
class ImageAsset:
    """An image stored in the package: href relative to the OPF, media type and bytes."""

    href: str
    media_type: str
    data: bytes


class ImageStore:
    """Collects the issue's photos once each, under unique, stable names in images/."""

    def __init__(self, issue_dir: Path) -> None:
        self._issue_dir = issue_dir
        self._by_path: dict[Path, ImageAsset] = {}
        self._names: set[str] = set()

    @property
    def assets(self) -> list[ImageAsset]:
        """The images in the order they were first referenced."""
        return list(self._by_path.values())

    def href_for(self, figure: Figure, article: Article) -> str:
        """The href of the figure's image, preparing it on first use."""
        assert figure.image is not None
        path = figure.image if figure.image.is_absolute() else self._issue_dir / figure.image
        asset = self._by_path.get(path)
        if asset is None:
            try:
                data, media_type, ext = prepare_image(path.read_bytes())
            except (Image.UnidentifiedImageError, *DECODE_ERRORS) as exc:
                raise InputError(f"cannot read photo {path}: {exc}", where=str(figure.source),
                                 article=article.label,
                                 hint="check the image path in ![caption](path) or convert the "
                                      "file to JPEG or PNG") from exc
            asset = ImageAsset(self._unique(f"images/{_safe_name(path.stem)}", ext), media_type,
                               data)
            self._by_path[path] = asset
        return asset.href

    def _unique(self, stem: str, ext: str) -> str:
        name, n = f"{stem}{ext}", 1
        while name in self._names:
            n += 1
            name = f"{stem}-{n}{ext}"
        self._names.add(name)
        return name


def _safe_name(stem: str) -> str:
    """A file name for the package from the photo's: letters, digits, `-`, `_` and `.`
    only (a name is written into the OPF and the XHTML, and into the zip)."""
    return re.sub(r"[^\w.-]", "_", stem, flags=re.ASCII) or "image"


def prepare_image(data: bytes) -> tuple[bytes, str, str]:
    """(bytes, media type, extension) of an image fit for an EPUB.

    An 8-bit sRGB JPEG or PNG (no ICC profile, or an sRGB one) within MAX_EDGE is kept byte
    for byte; anything else is converted to 8-bit sRGB, its ICC profile applied, scaled to
    MAX_EDGE on its long edge: JPEG for opaque photos, PNG when there is transparency.
    """
    with open_image(io.BytesIO(data)) as im:
        if _web_ready(im, data):
            return data, *CORE_FORMATS[im.format]
        im.seek(0)
        frame = im.copy()
        source_format = im.format
    if max(frame.size) > MAX_EDGE:
        frame.thumbnail((MAX_EDGE, MAX_EDGE), Image.Resampling.LANCZOS)
    has_alpha = frame.mode in ("RGBA", "LA", "PA") or (frame.mode == "P"
                                                        and "transparency" in frame.info)
    frame = _srgb(eight_bit(frame), has_alpha)
    out = io.BytesIO()
    if source_format == "JPEG" or not has_alpha:
        frame.convert("L" if frame.mode == "L" else "RGB").save(
            out, "JPEG", quality=JPEG_QUALITY, optimize=True)
        return out.getvalue(), *CORE_FORMATS["JPEG"]
    frame.convert("RGBA").save(out, "PNG", optimize=True)
    return out.getvalue(), *CORE_FORMATS["PNG"]


def _web_ready(im: Image.Image, data: bytes) -> bool:
    """Can a reading system show this file as it is?"""
    if im.format not in CORE_FORMATS or im.mode not in WEB_MODES[im.format] \
            or max(im.size) > MAX_EDGE:
        return False
    if im.format == "PNG" and data[PNG_BIT_DEPTH_OFFSET] > 8:
        return False
    profile = im.info.get("icc_profile")
    return not profile or _is_srgb(profile)


def _is_srgb(profile: bytes) -> bool:
    try:
        description = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(profile)))
    except (ImageCms.PyCMSError, OSError, ValueError):
        return False
    return "srgb" in description.lower()


def _srgb(frame: Image.Image, has_alpha: bool) -> Image.Image:
    """The frame in sRGB (or grey): through its ICC profile when it has a usable one, by
    Pillow's plain conversion otherwise (as a reader would assume sRGB)."""
    profile = frame.info.get("icc_profile")
    if frame.mode == "P":
        frame = frame.convert("RGBA" if has_alpha else "RGB")
    if profile and frame.mode in ("RGB", "RGBA", "CMYK", "L"):
        out_mode = "RGBA" if frame.mode == "RGBA" else "RGB"
        try:
            return ImageCms.profileToProfile(frame, ImageCms.ImageCmsProfile(io.BytesIO(profile)),
                                             SRGB, outputMode=out_mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a damaged or mismatched profile: the pixels as they are
    if frame.mode in ("L", "LA", "RGB", "RGBA"):
        return frame
    return frame.convert("RGBA" if has_alpha else "RGB")


def title_card_png(masthead: Masthead, fonts: FontSet | None) -> bytes:
    """A cover drawn from the masthead: paper name, Latin name, date line and issue number.

    With fonts, the title is set in the headline_black face and the rest in the body face;
    without, in Pillow's built-in font (no CJK glyphs, but still a valid cover).
    """
    card = Image.new("L", CARD_SIZE, 255)
    draw = ImageDraw.Draw(card)
    width, height = CARD_SIZE

    def font(role: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
        if fonts is None:
            return ImageFont.load_default(size)
        face = fonts.primary(role)
        return ImageFont.truetype(str(face.path), size, index=face.index)

    def centred(text: str, y: int, fnt: ImageFont.FreeTypeFont | ImageFont.ImageFont) -> int:
        left, top, right, bottom = draw.textbbox((0, 0), text, font=fnt)
        draw.text(((width - (right - left)) / 2 - left, y - top), text, font=fnt, fill=0)
        return y + (bottom - top)

    y = 140
    title_size = min(150, int((width - 120) / max(1, len(masthead.title))))
    y = centred(masthead.title, y, font("headline_black", title_size)) + 30
    if masthead.latin:
        y = centred(masthead.latin, y, font("body", 34)) + 40
    draw.rectangle((60, y, width - 60, y + 5), fill=0)
    y += 50
    info = [date_line(masthead), " ".join(x for x in (masthead.weekday, masthead.lunar_date) if x),
            masthead.issue_number]
    body = font("body", 40)
    for line in info:
        if line:
            y = centred(line, y, body) + 28
    draw.rectangle((60, height - 80, width - 60, height - 77), fill=0)
    out = io.BytesIO()
    card.save(out, "PNG", optimize=True)
    return out.getvalue()
