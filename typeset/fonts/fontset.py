"""The faces of a run: each role's chain (its face and fallbacks), opened once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from .config import FontConfig, read_font_config
from .face import Face
from .resolve import locate_all


@dataclass(frozen=True)
class FontSet:
    """Role → faces in fallback order; a face shared by several roles is one object."""

    chains: dict[str, tuple[Face, ...]]

    def primary(self, role: str) -> Face:
        """The role's own face (the first candidate found)."""
        return self.chains[role][0]

    def face_for(self, role: str, char: str) -> Face | None:
        """The first face of the role's chain that covers `char`, else None."""
        for face in self.chains[role]:
            if face.covers(char):
                return face
        return None

    @property
    def faces(self) -> list[Face]:
        """Every distinct face, in a stable order."""
        seen: dict[str, Face] = {}
        for chain in self.chains.values():
            for face in chain:
                seen.setdefault(face.key, face)
        return list(seen.values())


def load_fonts(config_path: Path) -> FontSet:
    """Resolve every role of a fonts.toml to installed faces.

    A candidate that is not installed is skipped; a role with none installed is an error
    naming the role and what was tried.
    """
    return resolve_fonts(read_font_config(config_path))


def resolve_fonts(config: FontConfig) -> FontSet:
    """Open the faces of every role of `config` (see load_fonts)."""
    opened: dict[tuple[Path, int], Face] = {}
    chains: dict[str, tuple[Face, ...]] = {}
    found_for = locate_all([c for cands in config.roles.values() for c in cands])
    for role, candidates in config.roles.items():
        chain = []
        for cand in candidates:
            found = found_for[cand]
            if found is None:
                continue
            face = opened.get((found.path, found.index))
            if face is None:
                face = opened[(found.path, found.index)] = Face(found.path, found.index)
            if face not in chain:
                chain.append(face)
        if not chain:
            tried = "; ".join(str(c) for c in candidates)
            raise ConfigError(f"no font installed for role '{role}' (tried {tried})",
                              where=str(config.source),
                              hint="install fonts-noto-cjk and fonts-noto-cjk-extra "
                                   "(apt-get install fonts-noto-cjk fonts-noto-cjk-extra) "
                                   "or point the role at a font file with `path`")
        chains[role] = tuple(chain)
    return FontSet(chains)
