"""What the ingest stage accepts from an issue: the limits, the layout's page count, where
images may come from, and what to do with characters no newspaper prints."""

from __future__ import annotations

from dataclasses import dataclass

from typeset.config import Limits


@dataclass(frozen=True)
class InputPolicy:
    """The rules one run reads an issue by.

    layout_pages: the pages the layout has; the front matter's `pages` and the page
    markers may not ask for more (None: no layout to check against).
    allow_outside_images: a trusted issue may show images from outside its folder
    (absolute paths, `..`, symbolic links); otherwise they are refused, so that an issue
    cannot copy any file the program can read into the published EPUB.
    drop_bad_characters: control characters, non-characters and byte-order marks inside
    the text are dropped with a warning instead of refused (--allow-missing-glyphs).
    """

    limits: Limits = Limits()
    layout_pages: int | None = None
    allow_outside_images: bool = False
    drop_bad_characters: bool = False
