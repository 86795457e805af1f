"""Photos for generated issues: JPEGs drawn with Pillow, of the shapes and pixel sizes a
newspaper's photo desk sends (landscape, portrait, square; 1,200 to 2,400 px)."""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageOps

# Width : height of the photos (landscape, portrait, square), and their long side in px.
ASPECTS = ((3, 2), (4, 3), (16, 9), (2, 3), (3, 4), (1, 1))
LONG_SIDES = (1200, 1600, 2000, 2400)
SHAPES = (6, 14)
JPEG_QUALITY = 82


def _colour(rng: random.Random) -> tuple[int, int, int]:
    return (rng.randrange(256), rng.randrange(256), rng.randrange(256))


def photo_size(rng: random.Random) -> tuple[int, int]:
    """A random photo's pixel size."""
    w, h = rng.choice(ASPECTS)
    long_side = rng.choice(LONG_SIDES)
    return (long_side, round(long_side * h / w)) if w >= h else (round(long_side * w / h),
                                                                  long_side)


def write_photo(rng: random.Random, path: Path,
                size: tuple[int, int] | None = None) -> tuple[int, int]:
    """Draw a photo (a gradient sky with shapes on it) into `path` as a JPEG; its size
    (default: a random photo_size).

    The same generator state draws the same bytes: Pillow's encoder is deterministic."""
    size = size or photo_size(rng)
    sky = Image.linear_gradient("L").rotate(rng.choice((0, 90, 180, 270))).resize(size)
    image = ImageOps.colorize(sky, _colour(rng), _colour(rng))
    draw = ImageDraw.Draw(image)
    w, h = size
    for _ in range(rng.randint(*SHAPES)):
        x0, y0 = rng.randrange(w), rng.randrange(h)
        x1, y1 = x0 + rng.randrange(w // 8, w // 2), y0 + rng.randrange(h // 8, h // 2)
        shape = draw.ellipse if rng.random() < 0.5 else draw.rectangle
        shape((x0, y0, x1, y1), fill=_colour(rng))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=JPEG_QUALITY)
    return size
