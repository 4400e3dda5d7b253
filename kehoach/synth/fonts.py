"""Locate TrueType fonts with full Vietnamese coverage (stacked diacritics such as ặ, ổ, ữ).

Debian ships DejaVu and Noto in known places; ``fc-match`` is the fallback for other layouts.
A font that lacks Vietnamese glyphs would render tofu boxes and poison both the samples and the
OCR channel data, so we only accept the families listed here.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path

from kehoach.errors import KehoachError

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/noto"))

# family -> (regular file, bold file, fontconfig name)
FONT_FILES: dict[str, tuple[str, str, str]] = {
    "dejavu-serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVu Serif"),
    "noto-serif": ("NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "Noto Serif"),
    "dejavu-sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVu Sans"),
    "noto-sans": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "Noto Sans"),
}
SERIF_FAMILIES = ("dejavu-serif", "noto-serif")


class FontNotFoundError(KehoachError):
    """No font with Vietnamese coverage is installed (install fonts-dejavu-core / fonts-noto-core)."""


def _fc_match(pattern: str) -> Path | None:
    if not shutil.which("fc-match"):
        return None
    result = subprocess.run(
        ["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, check=False, timeout=10
    )
    path = Path(result.stdout.strip())
    return path if result.returncode == 0 and path.is_file() else None


@cache
def font_path(family: str = "dejavu-serif", bold: bool = False) -> Path:
    """Path of the regular or bold face of ``family`` (a key of ``FONT_FILES``)."""
    if family not in FONT_FILES:
        raise FontNotFoundError(f"unknown font family {family!r}; choose one of {sorted(FONT_FILES)}")
    regular, bold_file, fc_name = FONT_FILES[family]
    file_name = bold_file if bold else regular
    for directory in FONT_DIRS:
        candidate = directory / file_name
        if candidate.is_file():
            return candidate
    matched = _fc_match(f"{fc_name}:{'bold' if bold else 'regular'}")
    # fc-match always answers with *some* font; accept it only if it is the family we asked for.
    if matched is not None and matched.name == file_name:
        return matched
    raise FontNotFoundError(f"font {file_name} not found; install fonts-dejavu-core and fonts-noto-core")


def available_families() -> list[str]:
    """Families whose regular and bold faces are both installed."""
    found = []
    for family in FONT_FILES:
        try:
            font_path(family), font_path(family, bold=True)
        except FontNotFoundError:
            continue
        found.append(family)
    return found
