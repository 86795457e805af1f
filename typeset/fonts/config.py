"""Read fonts/fonts.toml: the roles and their candidate lists."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from .resolve import Candidate

ROLES = ("body", "emphasis", "headline", "headline_black", "kicker", "subtitle", "subhead",
         "caption", "byline", "latin", "furniture")


@dataclass(frozen=True)
class FontConfig:
    """Each role's candidates in order of preference."""

    roles: dict[str, tuple[Candidate, ...]]
    source: Path


def read_font_config(path: Path) -> FontConfig:
    """Parse a fonts.toml; every role in ROLES must be present."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read the font configuration: {exc}", where=str(path)) from exc
    roles: dict[str, tuple[Candidate, ...]] = {}
    for role, spec in data.get("roles", {}).items():
        cands = []
        for entry in spec.get("candidates", []):
            if "path" in entry:
                p = Path(entry["path"])
                cands.append(Candidate(path=p if p.is_absolute() else path.parent / p,
                                       index=int(entry.get("index", 0))))
            else:
                cands.append(Candidate(family=entry["family"], style=entry.get("style", "")))
        roles[role] = tuple(cands)
    missing = [r for r in ROLES if not roles.get(r)]
    if missing:
        raise ConfigError(f"font roles without candidates: {', '.join(missing)}", where=str(path),
                          hint="give every role at least one family or path")
    return FontConfig(roles, path)
