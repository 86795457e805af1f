"""Errors a user can cause and fix. The CLI prints them without a traceback and exits 2."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: the message names the file (and line), the article and what to do.

    `where` is "file" or "file:line"; `article` is the article's label when known.
    """

    def __init__(self, message: str, *, where: str = "", article: str | None = None,
                 hint: str = "") -> None:
        self.message = message
        self.where = where
        self.article = article
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = [f"{self.where}: " if self.where else "", self.message]
        if self.article:
            parts.append(f" (article {self.article})")
        if self.hint:
            parts.append(f"\n  hint: {self.hint}")
        return "".join(parts)


class ConfigError(InputError):
    """A layout or font configuration that cannot be used."""
