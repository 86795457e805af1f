"""Font roles resolved from fonts/fonts.toml with the installed fonts: which face each role
gets, in which order its fallbacks come, and what happens when a role cannot be served."""

from __future__ import annotations

from pathlib import Path

import pytest

from typeset.errors import ConfigError
from typeset.fonts import ROLES, load_fonts

REPO = Path(__file__).resolve().parents[2]
FONTS_TOML = REPO / "fonts" / "fonts.toml"
SERIF, SANS, DROID = "Noto Serif CJK SC", "Noto Sans CJK SC", "Droid Sans Fallback"

# The default faces: Song (Noto Serif) for reading text, Hei (Noto Sans) for display.
EXPECTED_PRIMARY = {
    "body": (SERIF, "Regular"),
    "emphasis": (SANS, "Bold"),
    "headline": (SANS, "Bold"),
    "headline_black": (SANS, "Black"),
    "kicker": (SERIF, "SemiBold"),
    "subtitle": (SERIF, "Medium"),
    "subhead": (SANS, "Medium"),
    "caption": (SANS, "Light"),
    "byline": (SANS, "Regular"),
    "latin": (SERIF, "Regular"),
    "furniture": (SANS, "Regular"),
}


@pytest.fixture(scope="module")
def fonts():
    return load_fonts(FONTS_TOML)


def names(face) -> tuple[str, str]:
    return face.info.family, face.info.style


def write_fonts_toml(path: Path, overrides: dict[str, list[str]]) -> Path:
    """A fonts.toml with every role on Noto Sans CJK SC, except `overrides` (role → TOML
    candidate tables)."""
    lines = []
    for role in ROLES:
        cands = overrides.get(role, [f'{{ family = "{SANS}", style = "Regular" }}'])
        lines += [f"[roles.{role}]", f"candidates = [{', '.join(cands)}]", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_every_role_is_configured(fonts):
    assert set(fonts.chains) == set(ROLES) == set(EXPECTED_PRIMARY)


@pytest.mark.parametrize("role", sorted(EXPECTED_PRIMARY))
def test_each_role_gets_its_exact_noto_cjk_sc_face(fonts, role):
    face = fonts.primary(role)
    assert names(face) == EXPECTED_PRIMARY[role]
    # The SC faces are the third face (index 2) of the Noto CJK collections.
    assert (face.path.suffix, face.index) == (".ttc", 2)


def test_body_fallback_chain_is_serif_then_sans_then_droid(fonts):
    assert [names(f) for f in fonts.chains["body"]] == [
        (SERIF, "Regular"), (SANS, "Regular"), (DROID, "Regular")]


def test_headline_black_falls_back_to_bold_then_droid(fonts):
    assert [names(f) for f in fonts.chains["headline_black"]] == [
        (SANS, "Black"), (SANS, "Bold"), (DROID, "Regular")]


def test_a_face_shared_by_roles_is_opened_once(fonts):
    assert fonts.primary("byline") is fonts.primary("furniture")


def test_u20bb7_is_covered_by_the_default_body_and_headline_fonts(fonts):
    for role in ("body", "headline", "headline_black", "caption"):
        assert fonts.face_for(role, "\U00020bb7") is fonts.primary(role)


def test_a_character_the_first_face_lacks_comes_from_the_next_in_the_chain(tmp_path):
    # Droid Sans Fallback has 中 but not 𠮷 (an Extension B ideograph); Noto has both.
    toml = write_fonts_toml(tmp_path / "fonts.toml", {"body": [
        f'{{ family = "{DROID}" }}', f'{{ family = "{SERIF}", style = "Regular" }}']})
    fonts = load_fonts(toml)
    assert names(fonts.face_for("body", "中")) == (DROID, "Regular")
    assert names(fonts.face_for("body", "\U00020bb7")) == (SERIF, "Regular")


def test_no_default_font_covers_an_unassigned_code_point(fonts):
    assert all(fonts.face_for(role, "\u0378") is None for role in ROLES)


def test_a_candidate_that_is_not_installed_is_skipped(tmp_path):
    toml = write_fonts_toml(tmp_path / "fonts.toml", {"kicker": [
        '{ family = "No Such Family Sans" }', f'{{ family = "{SERIF}", style = "Bold" }}']})
    assert [names(f) for f in load_fonts(toml).chains["kicker"]] == [(SERIF, "Bold")]


def test_an_explicit_path_and_index_select_the_face(tmp_path):
    serif = load_fonts(FONTS_TOML).primary("body")
    toml = write_fonts_toml(tmp_path / "fonts.toml", {"body": [
        f'{{ path = "{serif.path}", index = 2 }}']})
    assert names(load_fonts(toml).primary("body")) == (SERIF, "Regular")


def test_a_role_with_no_installed_font_is_a_config_error_naming_the_role(tmp_path):
    toml = write_fonts_toml(tmp_path / "fonts.toml", {"subtitle": [
        '{ family = "No Such Family Serif", style = "Medium" }',
        '{ path = "missing/font.otf" }']})
    with pytest.raises(ConfigError) as err:
        load_fonts(toml)
    message = str(err.value)
    assert "'subtitle'" in message
    assert "No Such Family Serif" in message
    assert str(toml) in message


def test_a_role_left_out_is_a_config_error_naming_it(tmp_path):
    toml = write_fonts_toml(tmp_path / "fonts.toml", {})
    toml.write_text(toml.read_text().replace("[roles.caption]", "[roles.unused]"))
    with pytest.raises(ConfigError, match="caption"):
        load_fonts(toml)
