"""Colour spaces: which family a space belongs to and whether a standard allows it."""

from __future__ import annotations

import pikepdf

from .standards import Standard

# Inline images may abbreviate the device spaces.
ABBREVIATIONS = {"/G": "/DeviceGray", "/RGB": "/DeviceRGB", "/CMYK": "/DeviceCMYK",
                 "/I": "/Indexed"}
DEVICE_SPACES = ("/DeviceGray", "/DeviceRGB", "/DeviceCMYK", "/Pattern")


def family(space) -> str:
    """The family name of a colour space object: "/DeviceCMYK", "/Separation", …"""
    if isinstance(space, pikepdf.Array) and len(space):
        space = space[0]
    name = str(space)
    return ABBREVIATIONS.get(name, name)


def resolve(space, resources) -> object:
    """A colour space operand of cs/CS (or an image's /ColorSpace) as the space itself:
    names that are not device spaces are looked up in the resources' /ColorSpace."""
    if isinstance(space, pikepdf.Name):
        name = ABBREVIATIONS.get(str(space), str(space))
        if name not in DEVICE_SPACES and resources is not None:
            table = resources.get("/ColorSpace")
            if table is not None and name in table:
                return table[name]
        return pikepdf.Name(name)
    return space


def problem(space, std: Standard, depth: int = 0) -> str | None:
    """Why `std` does not allow `space` (None if it does). Indexed, Pattern, Separation and
    DeviceN are judged by their base or alternate space."""
    if depth > 4:
        return "colour space nested too deeply"
    name = family(space)
    args = list(space)[1:] if isinstance(space, pikepdf.Array) else []
    if name in ("/DeviceGray", "/DeviceCMYK"):
        return None
    if name == "/DeviceRGB":
        return "DeviceRGB colour (only DeviceCMYK, DeviceGray, Separation, DeviceN allowed)"
    if name == "/Pattern":
        return problem(args[0], std, depth + 1) if args else None
    if name == "/Indexed":
        return problem(args[0], std, depth + 1) if args else "Indexed space without a base"
    if name in ("/Separation", "/DeviceN"):
        if len(args) < 2:
            return f"{name[1:]} space without an alternate space"
        return problem(args[1], std, depth + 1)
    if name in ("/ICCBased", "/CalRGB", "/CalGray", "/Lab"):
        if std.icc_colour:
            return None
        return f"{name[1:]} colour (colour-managed; {std.key} allows device CMYK/gray only)"
    return f"unknown colour space {name}"


def components(space) -> int:
    """How many colour components the space's operands have (for sc/scn)."""
    name = family(space)
    if name == "/DeviceCMYK":
        return 4
    if name == "/DeviceRGB" or name in ("/CalRGB", "/Lab"):
        return 3
    if name == "/ICCBased":
        return int(space[1].get("/N", 1))
    if name == "/DeviceN":
        return len(space[1])
    return 1
