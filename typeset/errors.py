"""Errors a user can cause and fix. The CLI prints them without a traceback and exits 2."""

from __future__ import annotations

import re

# How model.Article.label begins for an item of the filler pool.
FILLER_LABEL = "filler "


class InputError(Exception):
    """Bad input: the message names the file (and line), the article and what to do.

    `where` is "file" or "file:line"; `article` is the article's label when known (a
    filler's label names its kind itself: "filler “…”").
    """

    def __init__(self, message: str, *, where: str = "", article: str | None = None,
                 hint: str = "") -> None:
        self.message = message
        self.where = where
        self.article = article
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = [f"{self.where}: " if self.where else "", _one_line(self.message)]
        if self.article:
            kind = "" if self.article.startswith(FILLER_LABEL) else "article "
            parts.append(f" ({kind}{_one_line(self.article)})")
        if self.hint:
            parts.append(f"\n  hint: {self.hint}")
        return "".join(parts)


def _one_line(text: str) -> str:
    """The message stays one line (the hint the only other): a headline or caption quoted
    in it may hold a line break."""
    return re.sub(r"[\r\n]+", " ", text)


class ConfigError(InputError):
    """A layout or font configuration that cannot be used."""
