"""Fonts: roles from fonts/fonts.toml resolved to faces; shaping, coverage and subsetting."""

from .config import ROLES, FontConfig, read_font_config
from .face import Face, ShapedGlyph
from .fontset import FontSet, load_fonts, resolve_fonts
from .subset import subset_font_file, subset_glyphs

__all__ = ["ROLES", "Face", "FontConfig", "FontSet", "ShapedGlyph", "load_fonts",
           "read_font_config", "resolve_fonts", "subset_font_file", "subset_glyphs"]
