"""Photos for print: cropped to the placed box, grayscale, at most the configured pixel
density at placed size (never upsampled), as JPEG."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps


@dataclass(frozen=True)
class PreparedImage:
    """A JPEG ready to embed, and its effective resolution at the placed size."""

    jpeg: bytes
    width_px: int
    height_px: int
    ppi: float


def prepare_photo(path: Path, width_pt: float, height_pt: float, *, dpi: int, quality: int
                  ) -> PreparedImage:
    """Crop `path` to the box's proportions (centred), make it grayscale and scale it down to
    `dpi` at the placed size when it has more pixels than that."""
    with Image.open(path) as im:
        im = ImageOps.exif_transpose(im)
        gray = im.convert("L")
    box_ratio = width_pt / height_pt
    w, h = gray.size
    if w / h > box_ratio:  # too wide: trim the sides
        new_w = max(1, round(h * box_ratio))
        left = (w - new_w) // 2
        gray = gray.crop((left, 0, left + new_w, h))
    else:
        new_h = max(1, round(w / box_ratio))
        top = (h - new_h) // 2
        gray = gray.crop((0, top, w, top + new_h))
    target_w = round(width_pt / 72 * dpi)
    if gray.width > target_w:
        gray = gray.resize((target_w, max(1, round(target_w / box_ratio))), Image.LANCZOS)
    buf = io.BytesIO()
    gray.save(buf, "JPEG", quality=quality, optimize=True)
    return PreparedImage(buf.getvalue(), gray.width, gray.height, gray.width / (width_pt / 72))
