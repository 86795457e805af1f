"""Photos for print: cropped to the placed box, grayscale (or CMYK for a colour page) with
total ink under the limit, at most the configured pixel density at placed size (never
upsampled), as JPEG; the effective resolution is reported."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageOps

from ..images import eight_bit, open_image


# After full grey component replacement one of C, M, Y is 0 and the other two are at most
# 100 % − K, so no pixel carries more than 200 %.
GCR_MAX_INK = 200.0
# JPEG quantisation moves decoded samples by a few percent (measured: +5 % on a photo
# limited to 150 %); the limit is aimed this far below so the decoded photo keeps to it.
JPEG_INK_MARGIN = 10.0


@dataclass(frozen=True)
class PreparedImage:
    """A JPEG ready to embed, and its effective resolution at the placed size."""

    jpeg: bytes
    width_px: int
    height_px: int
    ppi: float
    mode: str  # "L" (DeviceGray) or "CMYK" (DeviceCMYK)
    max_ink: float  # highest total ink of any pixel, in % (C+M+Y+K)


def prepare_photo(path: Path, width_pt: float, height_pt: float, *, dpi: int, quality: int,
                  color: bool = False, ink_limit: float = 240.0) -> PreparedImage:
    """Crop `path` to the box's proportions (centred), make it grayscale (CMYK with no pixel
    over `ink_limit` % when `color`) and scale it down to `dpi` at the placed size when it
    has more pixels than that. A CMYK photo for colour print keeps its separation (only
    its ink is limited); transparency is flattened onto the paper's white."""
    with open_image(path) as im:
        ImageOps.exif_transpose(im, in_place=True)  # in place: no copy of an upright photo
        im = _on_paper(eight_bit(im))
        keep_cmyk = color and im.mode == "CMYK"
        im = im if keep_cmyk else im.convert("RGB" if color else "L")
    box_ratio = width_pt / height_pt
    w, h = im.size
    if w / h > box_ratio:  # too wide: trim the sides
        new_w = max(1, round(h * box_ratio))
        left = (w - new_w) // 2
        im = im.crop((left, 0, left + new_w, h))
    else:
        new_h = max(1, round(w / box_ratio))
        top = (h - new_h) // 2
        im = im.crop((0, top, w, top + new_h))
    target_w = round(width_pt / 72 * dpi)
    if im.width > target_w:
        im = im.resize((target_w, max(1, round(target_w / box_ratio))), Image.LANCZOS)
    if color:
        im = limit_ink(im, ink_limit) if keep_cmyk else to_cmyk(im, ink_limit)
        max_ink = total_ink(im)
    else:
        max_ink = 100 - im.getextrema()[0] * 100 / 255
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality, optimize=True)
    return PreparedImage(buf.getvalue(), im.width, im.height, im.width / (width_pt / 72),
                         im.mode, max_ink)


def _on_paper(im: Image.Image) -> Image.Image:
    """Transparent parts white, as they would show on paper (dropping the alpha channel
    alone would show whatever colour the transparent pixels hold, often black)."""
    if im.mode == "P" and "transparency" in im.info:
        im = im.convert("RGBA")
    if im.mode not in ("RGBA", "LA", "PA"):
        return im
    rgba = im.convert("RGBA")
    paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(paper, rgba).convert("RGB")


def limit_ink(cmyk: Image.Image, ink_limit: float) -> Image.Image:
    """A CMYK image with cyan, magenta and yellow scaled down wherever the total ink exceeds
    `ink_limit` % (less the margin JPEG compression needs); black is kept."""
    if total_ink(cmyk) <= ink_limit - JPEG_INK_MARGIN:
        return cmyk
    c, m, y, k = cmyk.split()
    c, m, y = _limit_cmy(c, m, y, k, (ink_limit - JPEG_INK_MARGIN) * 255 / 100)
    return Image.merge("CMYK", (c, m, y, k))


def to_cmyk(rgb: Image.Image, ink_limit: float) -> Image.Image:
    """RGB → CMYK with full grey component replacement (the grey part of every colour goes
    to K alone, which keeps newsprint's total ink at most 200 %), then cyan, magenta and
    yellow scaled down wherever the total still exceeds `ink_limit` % (less the margin
    JPEG compression needs)."""
    c, m, y = (ImageOps.invert(band) for band in rgb.split())
    k = ImageChops.darker(ImageChops.darker(c, m), y)
    c, m, y = (ImageChops.subtract(band, k) for band in (c, m, y))
    target = ink_limit - JPEG_INK_MARGIN
    if target < GCR_MAX_INK:  # only then can a pixel be over it
        c, m, y = _limit_cmy(c, m, y, k, target * 255 / 100)
    return Image.merge("CMYK", (c, m, y, k))


def _limit_cmy(c: Image.Image, m: Image.Image, y: Image.Image, k: Image.Image,
               limit: float) -> tuple[Image.Image, Image.Image, Image.Image]:
    out: tuple[list[int], list[int], list[int]] = ([], [], [])
    for cv, mv, yv, kv in zip(c.tobytes(), m.tobytes(), y.tobytes(), k.tobytes()):
        cmy = cv + mv + yv
        scale = min(1.0, max(0.0, limit - kv) / cmy) if cmy else 1.0
        for band, v in zip(out, (cv, mv, yv)):
            band.append(int(v * scale))
    return tuple(Image.frombytes("L", c.size, bytes(band)) for band in out)


def total_ink(cmyk: Image.Image) -> float:
    """The highest C+M+Y+K of any pixel of a CMYK image, in %."""
    data = cmyk.tobytes()  # C, M, Y, K bytes pixel by pixel
    return max((sum(data[i:i + 4]) for i in range(0, len(data), 4)), default=0) * 100 / 255
