"""Photos prepared for print: turned upright by their EXIF orientation, cropped to the placed
box, grayscale, never upsampled."""

from __future__ import annotations

import io

from PIL import Image

from typeset.render.images import prepare_photo

ORIENTATION = 0x0112
ROTATE_90_CW = 6  # EXIF: the stored pixels are shown turned 90° clockwise


def stored_sideways(tmp_path):
    """A 300×200 JPEG whose stored left half is black, turned by its EXIF tag to a 200×300
    portrait whose top half is black."""
    im = Image.new("L", (300, 200), 255)
    im.paste(0, (0, 0, 150, 200))
    exif = Image.Exif()
    exif[ORIENTATION] = ROTATE_90_CW
    path = tmp_path / "sideways.jpg"
    im.save(path, "JPEG", exif=exif)
    return path


def test_a_photo_is_turned_upright_by_its_exif_orientation(tmp_path):
    prepared = prepare_photo(stored_sideways(tmp_path), 72, 108, dpi=200, quality=90)
    im = Image.open(io.BytesIO(prepared.jpeg))
    assert (im.mode, im.size) == ("L", (200, 300))  # 1 × 1.5 in at 200 dpi; not upsampled
    top, bottom = im.crop((0, 0, 200, 100)), im.crop((0, 200, 200, 300))
    assert top.getextrema()[1] < 40 and bottom.getextrema()[0] > 215


def test_a_photo_with_fewer_pixels_than_the_box_asks_is_not_upsampled(tmp_path):
    prepared = prepare_photo(stored_sideways(tmp_path), 144, 216, dpi=200, quality=90)
    assert (prepared.width_px, prepared.height_px) == (200, 300)
    assert prepared.ppi == 100
