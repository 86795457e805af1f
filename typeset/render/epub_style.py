"""The EPUB's style sheet and embedded body font.

The CSS leaves line breaking and punctuation spacing to the reading system (`line-break:
strict` asks for the strict kinsoku set; readers squeeze CJK punctuation themselves), so no
print-specific spacing is baked into the text.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..fonts import FontSet, subset_font_file

FONT_HREF = "fonts/body.otf"
FONT_MEDIA_TYPE = "font/otf"
FONT_FAMILY = "Typeset Body"

_BASE_CSS = """\
html { line-break: strict; }
body { font-family: %(family)s; line-height: 1.7; text-align: justify; line-break: strict; }
p { margin: 0; text-indent: 2em; text-align: justify; line-break: strict; }
p.noindent, header p, p.byline, figcaption, blockquote p { text-indent: 0; }
.page-head { margin: 0 0 1.5em; border-bottom: 1px solid #444; }
.page-head h1 { font-size: 1em; font-weight: normal; margin: 0; }
.page-head .editor { font-size: 0.8em; text-align: right; }
.masthead { text-align: center; margin: 2em 0; }
.masthead h1 { font-size: 2.6em; font-weight: 900; margin: 0 0 0.2em; }
.masthead p { text-align: center; margin: 0.2em 0; }
.masthead .latin { letter-spacing: 0.1em; }
section.article { margin: 0 0 2em; }
section.article header { margin: 0 0 0.8em; }
.banner { font-weight: bold; font-size: 0.9em; border-left: 0.3em solid #444; padding-left: 0.4em; }
.kicker { font-size: 1.05em; margin: 0 0 0.2em; }
h2 { font-size: 1.5em; font-weight: bold; line-height: 1.35; margin: 0.1em 0 0.3em; text-align: left; }
h2 a { color: inherit; text-decoration: none; }
.subtitle { font-size: 1.05em; margin: 0 0 0.2em; }
h3 { font-size: 1.1em; font-weight: bold; margin: 1em 0 0.4em; }
.byline { font-family: sans-serif; }
p.byline { margin: 0.3em 0; }
figure { margin: 1em 0; text-align: center; }
figure img { max-width: 100%%; height: auto; }
figcaption { font-size: 0.85em; text-align: justify; margin-top: 0.3em; }
figcaption .credit { font-family: sans-serif; }
blockquote { margin: 1em 1.5em; font-size: 1.05em; }
table { border-collapse: collapse; margin: 1em auto; font-size: 0.9em; }
th, td { border: 1px solid #666; padding: 0.2em 0.5em; }
.al-left { text-align: left; }
.al-right { text-align: right; }
.al-center { text-align: center; }
.cover { text-align: center; }
.cover img { max-width: 100%%; max-height: 100%%; }
"""


def stylesheet(with_font: bool) -> str:
    """The CSS; with the embedded body font first in the body's font stack."""
    if not with_font:
        return _BASE_CSS % {"family": "serif"}
    face = (f'@font-face {{ font-family: "{FONT_FAMILY}"; font-style: normal; '
            f'font-weight: normal; src: url("{FONT_HREF}") format("opentype"); }}\n')
    return face + _BASE_CSS % {"family": f'"{FONT_FAMILY}", serif'}


def body_font_subset(fonts: FontSet, texts: Iterable[str]) -> bytes:
    """The body role's primary face cut down to exactly the characters of `texts`."""
    codepoints = sorted(map(ord, set().union(*texts)))
    return subset_font_file(fonts.primary("body"), codepoints)
